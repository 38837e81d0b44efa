#!/usr/bin/env bash
# Scripts, prompts and training, from the keyboard: training mode on, a practice call, the complaint
# script picked and stepped through, a frustrated caller's words bring the empathy prompt (Escape
# dismisses it, the keyboard stays in the notes), a request for a code brings the security prompt, and a
# call flagged difficult ends with "Take a few minutes". Everything lands in the call's timeline.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+shift+t; sleep 0.3
xdotool key ctrl+n; sleep 0.4
xdotool key alt+5; sleep 0.4
# The picker has the keyboard: the scripts are in title order (Billing question, Complaint, ...).
for _ in 1 2; do xdotool key Down; sleep 0.15; done
sleep 0.4
shot script-page "$WIN"
xdotool key alt+x; sleep 0.3
xdotool key alt+x; sleep 0.3
shot script-step-coaching "$WIN"
xdotool key alt+1; sleep 0.2
xdotool type --delay 15 "Caller is furious about the third outage"
sleep 1.6
shot prompt-empathy "$WIN"
before=$(xdotool getwindowfocus)
xdotool key Escape; sleep 0.3
[ "$(xdotool getwindowfocus)" = "$before" ] || fail "dismissing the prompt moved the focus"
xdotool key Return
xdotool type --delay 15 "Asked me to read him the access code for the door"
sleep 1.6
shot prompt-security "$WIN"
# The prompt's buttons never take the focus; Ctrl+Shift+D presses its Done from the notes.
xdotool key ctrl+shift+d; sleep 0.3
xdotool key ctrl+shift+f ctrl+e; sleep 0.3
xdotool key ctrl+d; sleep 0.8
shot prompt-after-difficult-call "$WIN"

[ "$(sql "$DB" "SELECT training FROM calls")" = 1 ] || fail "the call was not a practice call"
[ "$(sql "$DB" "SELECT difficult FROM calls")" = 1 ] || fail "the call was not flagged difficult"
events=$(sql "$DB" "SELECT kind || ': ' || $EVENT_FACTS FROM events ORDER BY id")
[ "$(grep '^script: ' <<<"$events" | tail -1)" = "script: Complaint" ] || fail "the script picked last is not Complaint: $events"
[ "$(grep -c '^step: ' <<<"$events")" -ge 3 ] || fail "steps missing: $events"
grep -q "^prompt: .*" <<<"$events" || fail "no prompt shown: $events"
grep -q "^prompt-dismissed: " <<<"$events" || fail "no prompt dismissed: $events"
grep -qi "^prompt: .*\(code\|secur\)" <<<"$events" || fail "no security prompt: $events"
grep -q "^prompt: Take a few minutes" <<<"$events" || fail "no after-call prompt: $events"
grep -qi "^prompt-acted: .*\(code\|secur\)" <<<"$events" || fail "Ctrl+Shift+D did not press the prompt's Done: $events"
# 4. A practice run: the simulated customer of the script's practice file speaks line by line.
xdotool key alt+5; sleep 0.3
xdotool key alt+p; sleep 0.5
xdotool key alt+l; sleep 0.3
shot practice-call "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind IN ('training', 'practice-over')")" -ge 2 ] || fail "no practice call in the timeline"
[ "$(sql "$DB" "SELECT training FROM calls ORDER BY id DESC LIMIT 1")" = 1 ] || fail "the practice run is not a practice call"
[ -n "$(sql "$DB" "SELECT caller_name FROM calls ORDER BY id DESC LIMIT 1")" ] || sleep 1
[ -n "$(sql "$DB" "SELECT caller_name FROM calls ORDER BY id DESC LIMIT 1")" ] || fail "the practice caller's name is not filled"
# Alt+P in the practice call's wrap-up starts a new practice call; the one in wrap-up is finished first.
calls=$(sql "$DB" "SELECT count(*) FROM calls")
xdotool key ctrl+e; sleep 0.6
xdotool key alt+5; sleep 0.3
xdotool key alt+p; sleep 0.8
shot practice-from-wrap-up "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM calls")" = $((calls + 1)) ] || fail "Alt+P in wrap-up did not start a new practice call"
[ "$(sql "$DB" "SELECT finished FROM calls ORDER BY id DESC LIMIT 1 OFFSET 1")" = 1 ] \
  || fail "the practice call in wrap-up was not finished before the next one"
[ "$(sql "$DB" "SELECT finished || training FROM calls ORDER BY id DESC LIMIT 1")" = 01 ] \
  || fail "the new practice call is not a practice call in progress"
kill -0 "$APP_PID" || fail "the app died"
stop_app "$WIN"
echo "PASS: practice call, script steps, empathy and security prompts, the after-call break prompt, and a new practice call from wrap-up"
