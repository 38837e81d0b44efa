#!/usr/bin/env bash
# A customer left on hold past the check-back time: the window shows the nudge line, the timeline gets
# the event, and the keyboard stays where the agent was typing.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
DATA="$WORK/data"
mkdir -p "$DATA"
printf '[call]\nhold_check_back_s=10\n' > "$DATA/settings.ini"   # the shortest the settings allow
start_companion
xdotool key ctrl+n
sleep 0.3
xdotool type --delay 20 "Checking the account with billing"
xdotool key ctrl+h
before=$(xdotool getwindowfocus)
sleep 11
shot hold-check-back "$WIN"
[ "$(xdotool getwindowfocus)" = "$before" ] || fail "the nudge moved the keyboard focus"
xdotool key Return
xdotool type --delay 20 "Still on hold, told the caller"
sleep 1.5
[ "$(sql "$DATA/companion.db" "SELECT facts FROM events WHERE kind = 'checkback'")" = '["10000"]' ] || fail "no check-back event in the timeline"
[ "$(sql "$DATA/companion.db" "SELECT text FROM note_lines WHERE line_no = 1")" = "Still on hold, told the caller" ] \
  || fail "typing after the nudge did not reach the notes"
stop_app "$WIN"
echo "PASS: the hold check-back nudged without taking the keyboard"
