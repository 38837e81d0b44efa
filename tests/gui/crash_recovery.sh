#!/usr/bin/env bash
# Kills the real app with SIGKILL in the middle of a call and checks that the next start restores the
# call with its notes and timeline, and that the call can then be finished normally.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n
sleep 0.5
xdotool type --delay 20 "Caller locked out of email"
xdotool key Return
xdotool type --delay 20 "Reset MFA, waiting for the code"
xdotool key ctrl+h
sleep 1.5   # autosave promises the disk within 1 s of the last keystroke
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 0 AND state = 'on_hold'")" = 1 ] \
  || fail "no unfinished call on hold in the database after the kill"
[ "$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 1")" = "Reset MFA, waiting for the code" ] \
  || fail "the last note line typed before the kill is missing"
[ "$(sql "$DB" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after the kill"

start_app --data-dir "$DATA"
WIN=$(wait_window "Call Companion")
sleep 0.5
shot companion-restored "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'restored'")" = 1 ] || fail "no 'restored' event"
grep -q "was restored with its notes" "$WORK/app.err" || fail "the agent was not told the call was restored"

focus "$WIN"
xdotool key ctrl+End Return
xdotool type --delay 20 "Code received, signed in"
xdotool key ctrl+h ctrl+e
sleep 0.3
xdotool key ctrl+d
sleep 0.5
lines=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY line_no)")
[ "$lines" = "Caller locked out of email|Reset MFA, waiting for the code|Code received, signed in" ] \
  || fail "notes after restore: '$lines'"
[ "$(sql "$DB" "SELECT finished FROM calls")" = 1 ] || fail "the restored call could not be finished"
events=$(sql "$DB" "SELECT group_concat(kind, ',') FROM (SELECT kind FROM events ORDER BY id)")
[ "$events" = "started,held,restored,resumed,ended,finished" ] || fail "timeline: '$events'"

# Ctrl+Q during a call asks first; the default, Stay, keeps the call running. Quit keeps it for later,
# and a prompt the agent dismissed before quitting does not come back with the restored call.
xdotool key ctrl+n; sleep 0.5
xdotool type --delay 20 "Caller is furious about the bill"
sleep 1.6
xdotool key Escape; sleep 0.3
CALL2=$(sql "$DB" "SELECT max(id) FROM calls")
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE call_id = $CALL2 AND kind = 'prompt-dismissed'")" = 1 ] \
  || fail "the empathy prompt was not shown and dismissed: $(sql "$DB" "SELECT kind FROM events WHERE call_id = $CALL2")"
xdotool key ctrl+q
ASK=$(wait_window "Quit during a call\\?")
shot quit-during-call
focus "$ASK"; xdotool key Return; sleep 0.5
kill -0 "$APP_PID" || fail "the app quit during a call although the agent chose Stay"
[ "$(sql "$DB" "SELECT finished FROM calls WHERE id = $CALL2")" = 0 ] || fail "Stay finished the call"
focus "$WIN"; xdotool key ctrl+q
ASK=$(wait_window "Quit during a call\\?")
focus "$ASK"; xdotool key alt+q
for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$APP_PID" 2>/dev/null && fail "Quit did not quit"
wait "$APP_PID" 2>/dev/null || true; APP_PID=""
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE call_id = $CALL2 AND kind = 'closed'")" = 1 ] \
  || fail "the quit during the call is not in its timeline"
start_app --data-dir "$DATA"
WIN=$(wait_window "Call Companion")
sleep 3
shot companion-restored-after-quit "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE call_id = $CALL2 AND kind = 'prompt'")" = 1 ] \
  || fail "the dismissed prompt came back after the restart: $(sql "$DB" "SELECT kind FROM events WHERE call_id = $CALL2")"
stop_app "$WIN"
echo "PASS: a call killed with SIGKILL came back with its notes and timeline, and was finished; Ctrl+Q during a call asks, and a dismissed prompt stays dismissed after a restart"
