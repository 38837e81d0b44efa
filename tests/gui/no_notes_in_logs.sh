#!/usr/bin/env bash
# Privacy at rest: note text reaches the database and nowhere else. A distinctive note is typed, the
# call goes through hold, a SIGKILL and its restore, a failed save (the database locked) and wrap-up;
# then no line the app wrote to stderr or stdout, and no file under the test's home, config, cache or
# data folders other than the database and its WAL, holds any word of it.
source "$(dirname "$0")/xvfb.sh"
SECRET1="Quillfeather mangosteen Vexhollow"
SECRET2="Thimbleworth paid by zircon transfer"
LOGS="$WORK/logs"; mkdir -p "$LOGS"
keep_logs() { cat "$WORK/app.err" >> "$LOGS/stderr"; cat "$WORK/app.out" >> "$LOGS/stdout"; }
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 15 "$SECRET1"
xdotool key Return
xdotool type --delay 15 "$SECRET2"
xdotool key ctrl+h; sleep 1.3
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
keep_logs

start_companion
grep -q "was restored with its notes" "$WORK/app.err" || fail "the call was not restored"
# A save that fails while the notes are being edited: its message must not quote them.
printf 'BEGIN EXCLUSIVE;\n.shell sleep 2\nCOMMIT;\n' | sqlite3 "$DB" &
LOCKER=$!
sleep 0.3
xdotool key alt+1 ctrl+End Return
xdotool type --delay 15 "Vexhollow again"
sleep 1.2
wait "$LOCKER"
sleep 1.3
grep -q "locked by another program" "$WORK/app.err" || fail "the save did not fail during the lock, so its message was not checked"
xdotool key ctrl+h ctrl+shift+c ctrl+e; sleep 0.3; xdotool key ctrl+d; sleep 0.5
stop_app "$WIN"
keep_logs

# The test means something only if the note was saved where it belongs.
[ "$(sql "$DB" "SELECT count(*) FROM note_lines WHERE text = '$SECRET1' OR text = '$SECRET2'")" = 2 ] \
  || fail "the note was not saved in the database"
leaks=""
for word in Quillfeather mangosteen Vexhollow Thimbleworth zircon; do
  leaks+=$(grep -rlF "$word" "$LOGS" "$WORK" --exclude=companion.db --exclude=companion.db-wal 2>/dev/null || true)
done
[ -z "$leaks" ] || fail "note text found outside the database: $(echo "$leaks" | sort -u | tr '\n' ' ')"
echo "checked: $(cat "$LOGS"/stderr | wc -l) lines of stderr, $(find "$WORK" -type f ! -name 'companion.db' ! -name 'companion.db-wal' | wc -l) files"
echo "PASS: note text is in the database and in no log or other file the app wrote"
