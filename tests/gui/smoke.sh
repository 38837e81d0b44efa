#!/usr/bin/env bash
# Starts the real app on a fresh data dir, takes a call as an agent would with the keyboard, and checks
# that what was typed reached the database.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion

xdotool key ctrl+n
sleep 0.5
xdotool type --delay 20 "Caller cannot print from the 3rd floor"
xdotool key Return
xdotool type --delay 20 "Restarted the print spooler"
xdotool key ctrl+h
sleep 1.5
shot companion-call "$WIN"
xdotool key ctrl+h
xdotool key ctrl+e
sleep 0.3
xdotool key ctrl+d
sleep 0.5
shot companion-after-call "$WIN"

notes=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY line_no)")
[ "$notes" = "Caller cannot print from the 3rd floor|Restarted the print spooler" ] || fail "notes in the database: '$notes'"
stamped=$(sql "$DB" "SELECT count(*) FROM note_lines WHERE at IS NOT NULL")
[ "$stamped" = 2 ] || fail "expected 2 time-stamped lines, got $stamped"
events=$(sql "$DB" "SELECT group_concat(kind, ',') FROM (SELECT kind FROM events ORDER BY id)")
[ "$events" = "started,held,resumed,ended,finished" ] || fail "timeline: '$events'"
finished=$(sql "$DB" "SELECT finished FROM calls")
[ "$finished" = 1 ] || fail "the call was not finished"
stop_app "$WIN"
echo "PASS: a call with two note lines was timed, held, ended and saved"
