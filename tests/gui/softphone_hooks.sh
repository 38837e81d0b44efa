#!/usr/bin/env bash
# Softphone hooks: "call-companion call ..." drives the running companion's timer over wx IPC, fills the
# caller's number and name, never takes the keyboard, and returns fast. With no companion running, the
# hook starts one and the queued event is applied.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
DATA="$WORK/data"
DB="$DATA/companion.db"
hook() { "$APP" call "$@" --data-dir "$DATA"; }

# 1. Nothing running: the hook starts the companion, which applies the queued event.
hook incoming --name "Ana Souza" 5550100 2>"$WORK/hook.err" || fail "hook exit $?: $(cat "$WORK/hook.err")"
grep -q "it was not running, so it was started" "$WORK/hook.err" || fail "the hook did not say what it did"
WIN=$(wait_window "Call Companion")
APP_PID=$(pgrep -n -f "call-companion --data-dir $DATA") || fail "no companion process"
sleep 0.5
[ "$(sql "$DB" "SELECT state || '|' || callback_number || '|' || caller_name FROM calls")" = "ringing|5550100|Ana Souza" ] \
  || fail "queued incoming call: $(sql "$DB" "SELECT state, callback_number, caller_name FROM calls")"

# 2. Running: each event is handed over; the keyboard stays where it was.
focus "$WIN"
before=$(xdotool getwindowfocus)
for event in start hold resume; do
  t0=$(date +%s%N)
  hook "$event" || fail "hook $event"
  echo "hook $event: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  sleep 0.3
done
[ "$(sql "$DB" "SELECT state FROM calls")" = talking ] || fail "state after start/hold/resume: $(sql "$DB" "SELECT state FROM calls")"
xdotool type --delay 15 "Typed while the softphone spoke"
hook end; sleep 0.4
[ "$(xdotool getwindowfocus)" = "$before" ] || fail "a hook took the keyboard"
shot softphone-wrap-up "$WIN"
[ "$(sql "$DB" "SELECT state FROM calls")" = wrap_up ] || fail "no wrap-up after end"
events=$(sql "$DB" "SELECT group_concat(kind, ',') FROM (SELECT kind FROM events ORDER BY id)")
[ "$events" = "incoming,answered,held,resumed,ended" ] || fail "timeline: $events"

# 3. A ringing call that ends unanswered is a missed call.
xdotool key ctrl+d; sleep 0.3
hook incoming --number 5550199; sleep 0.3
hook end; sleep 0.4
[ "$(sql "$DB" "SELECT missed FROM calls WHERE callback_number = '5550199'")" = 1 ] || fail "no missed call"
rc=0; hook dial 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "a bad hook exited $rc"
stop_app "$WIN"
echo "PASS: hooks started the companion, drove the call without taking the keyboard, and recorded a missed call"
