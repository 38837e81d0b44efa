#!/usr/bin/env bash
# A second start with the same data folder hands over to the first (which comes to the front) and
# exits 0 at once; the first keeps running and the database stays sound.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n
sleep 0.3
xdotool type --delay 20 "First instance keeps this note"
sleep 1.2

rc=0
timeout 10 "$APP" --data-dir "$DATA" >"$WORK/second.out" 2>"$WORK/second.err" || rc=$?
[ "$rc" = 0 ] || fail "second instance exited $rc: $(cat "$WORK/second.err")"
grep -q "already running with the data folder" "$WORK/second.err" || fail "second instance did not say so"
kill -0 "$APP_PID" || fail "the first instance died"
[ "$(xdotool search --onlyvisible --name '^Call Companion$' | wc -l)" = 1 ] || fail "more than one window"
[ "$(sql "$DATA/companion.db" "SELECT text FROM note_lines")" = "First instance keeps this note" ] || fail "note lost"
[ "$(sql "$DATA/companion.db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
stop_app "$WIN"
echo "PASS: the second instance handed over and exited; the first kept its call"
