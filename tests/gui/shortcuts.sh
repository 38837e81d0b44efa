#!/usr/bin/env bash
# F1 and Ctrl+/ open the keyboard shortcuts list beside the window, from the notes and the Today page too;
# Escape closes it and the keyboard is back in the window.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion

xdotool key F1
DLG=$(wait_window "Keyboard shortcuts")
# Beside the companion, not over it: the agent reads a key and presses it there.
eval "$(xdotool getwindowgeometry --shell "$WIN" | sed 's/^/W_/')"
eval "$(xdotool getwindowgeometry --shell "$DLG" | sed 's/^/D_/')"
[ "$D_X" -ge $((W_X + W_WIDTH)) ] || [ $((D_X + D_WIDTH)) -le "$W_X" ] \
  || fail "the list covers the companion (list at $D_X, companion $W_X-$((W_X + W_WIDTH)))"
focus "$DLG"
shot shortcuts "$DLG"
xdotool key Escape
for _ in $(seq 30); do xdotool search --onlyvisible --name "^Keyboard shortcuts\$" >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --onlyvisible --name "^Keyboard shortcuts\$" >/dev/null 2>&1 && fail "Escape did not close the list"

# From the Today page while idle: the keyboard was left on the hidden notes, and Ctrl+/ went nowhere.
focus "$WIN"
xdotool key alt+3; sleep 0.4
xdotool key ctrl+slash
DLG=$(wait_window "Keyboard shortcuts")
focus "$DLG"; xdotool key Escape; sleep 0.3

# From the notes, during a call.
focus "$WIN"
xdotool key ctrl+n
sleep 0.3
xdotool key ctrl+slash
DLG=$(wait_window "Keyboard shortcuts")
focus "$DLG"
xdotool key Escape
sleep 0.3
focus "$WIN"
xdotool type --delay 10 "still typing"
sleep 1.5
notes=$(sql "$DATA/companion.db" "SELECT group_concat(text, '|') FROM note_lines")
[ "$notes" = "still typing" ] || fail "the notes got '$notes' after the list closed"
stop_app "$WIN"
echo "PASS: F1 and Ctrl+/ list the shortcuts beside the window, from the notes and the Today page; Escape closes the list"
