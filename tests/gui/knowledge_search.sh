#!/usr/bin/env bash
# The "not my job" referral, from the keyboard: Ctrl+K, a typo, arrow to a result, Enter for its card,
# Alt+I to insert it into the notes, Escape back to the notes. The note line and the timeline event
# must be saved. Hostile input in the search box must not break anything.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.4
xdotool type --delay 15 "Caller's home printer is offline"
xdotool key ctrl+k; sleep 0.4
xdotool type --delay 30 '"*-:NEAR( AND ) title:'
sleep 0.4
xdotool key ctrl+a BackSpace
xdotool type --delay 40 "prnter"
sleep 0.8
shot knowledge-results "$WIN"
xdotool key Down; sleep 0.2
xdotool key Return; sleep 0.4
shot knowledge-card "$WIN"
xdotool key alt+i; sleep 0.3
xdotool key Escape; sleep 0.3
xdotool type --delay 15 "Gave the caller the link"
sleep 1.5
shot knowledge-referral-in-notes "$WIN"
kill -0 "$APP_PID" || fail "the app died"
line=$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 1")
[[ "$line" == "Referred to: "*"printer"*"(https://"*")"* ]] || fail "no referral line in the notes: '$line'"
[ "$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 2")" = "Gave the caller the link" ] || fail "Escape did not return to the notes"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'referral'")" = 1 ] || fail "no referral event"
stop_app "$WIN"
echo "PASS: a typo found the printer referral; the card went into the notes and the timeline"
