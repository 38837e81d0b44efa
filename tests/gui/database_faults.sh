#!/usr/bin/env bash
# The database under faults, as the agent meets them:
# 1. another program holds its lock (a sqlite3 shell in BEGIN EXCLUSIVE for 6 s) mid-call: the notes
#    and a hold stay in the window, the agent is told once, naming the file, Ctrl+Q asks before losing
#    them, and they are saved when the lock goes (that a save gives up at once instead of freezing
#    the window is a unit test, tests/session/SaveFaultsTest.cpp);
# 2. the database is read-only at start-up (as root, permission bits bind nobody: the file is made
#    immutable with chattr +i; otherwise chmod 0400): the app refuses to start with a message naming
#    the file, changes nothing in it, and restores the unfinished call once the file is writable again.
source "$(dirname "$0")/xvfb.sh"
lines() { sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY line_no)"; }
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 15 "Printer offline since Monday"
sleep 1.3
[ "$(lines)" = "Printer offline since Monday" ] || fail "the first line was not saved: '$(lines)'"

# 1. The lock.
printf 'BEGIN EXCLUSIVE;\n.shell sleep 6\nCOMMIT;\n' | sqlite3 "$DB" &
LOCKER=$!
sleep 0.3
xdotool key Return
xdotool type --delay 15 "Typed while the database was locked"
xdotool key ctrl+h
sleep 1.5
shot database-locked "$WIN"
[ "$(grep -c "locked by another program" "$WORK/app.err")" = 1 ] || fail "the agent was not told exactly once about the lock"
grep -q "Your notes could not be saved: the database $DB is locked by another program" "$WORK/app.err" \
  || fail "the message does not name $DB"
[ "$(lines)" = "Printer offline since Monday" ] || fail "the lock did not hold: '$(lines)'"
# Quitting now would lose the unsaved notes: the app asks, and No keeps it running.
xdotool key ctrl+q
ASK=$(wait_window "Notes not saved")
shot quit-with-unsaved-notes
focus "$ASK"; xdotool key Return; sleep 0.3
kill -0 "$APP_PID" || fail "the app quit with notes it could not save"
focus "$WIN"
kill -0 "$LOCKER" || fail "the sqlite3 shell let go of the lock too early for the test to mean anything"
wait "$LOCKER" || fail "the sqlite3 shell holding the lock failed"
sleep 1.5
[ "$(lines)" = "Printer offline since Monday|Typed while the database was locked" ] \
  || fail "the notes typed during the lock were not saved after it: '$(lines)'"
[ "$(sql "$DB" "SELECT state FROM calls")" = on_hold ] || fail "the hold during the lock was not saved"
grep -q "Saving works again; nothing was lost." "$WORK/app.err" || fail "the agent was not told that saving works again"
[ "$(grep -c "locked by another program" "$WORK/app.err")" = 1 ] || fail "the agent was told about the lock more than once"

# 2. Read-only at start-up, with the call unfinished (the app is killed).
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
if [ "$(id -u)" = 0 ]; then
  chattr +i "$DB" || { echo "PASS (lock only): chattr +i is not supported here, the read-only start was not checked"; exit 0; }
  trap 'rc=$?; chattr -i "$DB" 2>/dev/null || true; cleanup $rc' EXIT
  writable() { chattr -i "$DB"; }
else
  chmod 0400 "$DB"
  writable() { chmod 0600 "$DB"; }
fi
before=$(cat "$DB" "$DB-wal" 2>/dev/null | sha256sum)
start_app --data-dir "$DATA"
DLG=$(wait_window "Call Companion cannot start")
shot database-read-only
focus "$DLG"
xdotool key Return
rc=0; wait "$APP_PID" || rc=$?; APP_PID=""
[ "$rc" = 1 ] || fail "exit status $rc for a read-only database, expected 1"
grep -q "The database $DB is read-only" "$WORK/app.err" || fail "the message does not say that $DB is read-only"
[ "$(cat "$DB" "$DB-wal" 2>/dev/null | sha256sum)" = "$before" ] || fail "the read-only database was changed"

writable
start_app --data-dir "$DATA"
WIN=$(wait_window "Call Companion")
grep -q "was restored with its notes" "$WORK/app.err" || fail "the call was not restored once the file was writable"
[ "$(lines)" = "Printer offline since Monday|Typed while the database was locked" ] || fail "notes after the restore: '$(lines)'"
stop_app "$WIN"
echo "PASS: a locked database kept the notes and saved them after; a read-only one was refused by name and left as it was"
