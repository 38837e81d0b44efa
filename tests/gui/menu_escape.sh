#!/usr/bin/env bash
# Regression: with a prompt showing, the agent opened the Call menu and pressed Escape. Escape went to the
# prompt, not the menu: the prompt closed, the menu stayed open, and the next typed words were swallowed
# by it, their "h" choosing Hold. The caller was put on hold behind the agent's back. Escape in an open
# menu must close the menu and nothing else; the words typed next go into the notes.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.4
xdotool type --delay 15 "Caller is furious about the third outage"
sleep 1.6
shot menu-escape-prompt "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'prompt'")" -ge 1 ] \
  || fail "no prompt showed: the test needs one"
# From the keyboard, then with the mouse (a click on "Call" in the menu bar).
for menu in alt+c alt+v alt+f; do
  xdotool key "$menu"; sleep 0.4
  xdotool key Escape; sleep 0.3
done
xdotool mousemove --window "$WIN" 59 12 click 1; sleep 0.5
shot menu-escape-open
xdotool key Escape; sleep 0.3
xdotool key Return
xdotool type --delay 15 "she has had three hours without service"
sleep 1.5
shot menu-escape-after "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'held'")" = 0 ] || fail "the caller was put on hold"
last=$(sql "$DB" "SELECT text FROM note_lines ORDER BY line_no DESC LIMIT 1")
[ "$last" = "she has had three hours without service" ] || fail "typed words were lost: '$last'"
# The call's own shortcuts still work once the menus are closed.
xdotool key ctrl+h; sleep 0.5
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'held'")" = 1 ] || fail "Ctrl+H no longer holds after the menus"

# The empathy prompt is about what the caller said: it stays while they are on the line, on hold
# included, and goes in wrap-up, when the caller has gone. (The prompt bar is yellow, right under the
# call buttons.)
prompt_showing() { [ "$(convert "$SHOTS/$1.png" -format '%[hex:p{300,185}]' info:)" = "$yellow" ]; }
yellow=$(convert "$SHOTS/menu-escape-prompt.png" -format '%[hex:p{300,185}]' info:)
shot prompt-on-hold "$WIN"
prompt_showing prompt-on-hold || fail "the prompt went while the caller was on hold"
xdotool key ctrl+h ctrl+e; sleep 0.6
shot prompt-in-wrap-up "$WIN"
prompt_showing prompt-in-wrap-up && fail "the prompt about the caller's words stayed into wrap-up"
xdotool key ctrl+d; sleep 1.5
shot prompt-after-done "$WIN"
prompt_showing prompt-after-done && fail "the call's prompt stayed into Ready"
stop_app "$WIN"
echo "PASS: Escape in an open menu closed the menu; the call was untouched and every typed letter reached the notes"
