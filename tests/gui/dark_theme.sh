#!/usr/bin/env bash
# The app follows the desktop's look: under GTK_THEME=Adwaita:dark the notes and the idle timer are dark
# with light text (nothing of ours paints them light). The screenshots are for a person to look at too.
source "$(dirname "$0")/xvfb.sh"
export GTK_THEME=Adwaita:dark
start_xvfb
start_companion
sleep 0.5
shot dark-idle "$WIN"
# The timer panel when idle and the notes editor: dark backgrounds (mean brightness under 35 %).
brightness() { convert "$SHOTS/$1.png" -crop "$2" -colorspace Gray -format "%[fx:int(100*mean)]" info:; }
top=$(brightness dark-idle 340x60+10+10)
[ "$top" -lt 35 ] || fail "the idle timer panel is light under a dark theme (brightness $top %)"
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 10 "Customer asked about the invoice"
xdotool key ctrl+h; sleep 1.2
shot dark-hold "$WIN"
notes=$(brightness dark-hold 300x120+20+480)
[ "$notes" -lt 35 ] || fail "the notes are light under a dark theme (brightness $notes %)"

# The QA windows, custom-drawn timeline and chart included.
xdotool key ctrl+h; sleep 0.3; xdotool key ctrl+e; sleep 0.3; xdotool key ctrl+d; sleep 0.5
xdotool key ctrl+shift+h; HIST=$(wait_window "Call history"); focus "$HIST"
xdotool key Tab Return; REVIEW=$(wait_window "Review: .*"); focus "$REVIEW"; sleep 0.8
shot dark-review "$REVIEW"
review=$(convert "$SHOTS/dark-review.png" -colorspace Gray -format "%[fx:int(100*mean)]" info:)
[ "$review" -lt 35 ] || fail "the review window is light under a dark theme (brightness $review %)"
xdotool key Escape; sleep 0.3
focus "$WIN"; xdotool key ctrl+shift+s; STATS=$(wait_window "My stats"); sleep 0.5
shot dark-stats "$STATS"
xdotool key Escape
focus "$WIN"
stop_app "$WIN"

echo "PASS: the dark theme is followed: the idle timer, the notes and the review window are dark"
