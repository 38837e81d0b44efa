#!/usr/bin/env bash
# A data folder that cannot be used stops the app with a clear message naming it (exit 1, no crash);
# a damaged database is moved aside, the agent is told, and the app starts on a fresh one.
source "$(dirname "$0")/xvfb.sh"
start_xvfb

# 1. The data folder cannot be created: its parent is a file (this works as root too, unlike chmod).
: > "$WORK/blocker"
BAD="$WORK/blocker/data"
start_app --data-dir "$BAD"
DLG=$(wait_window "Call Companion cannot start")
shot data-dir-error
focus "$DLG"
xdotool key Return
rc=0; wait "$APP_PID" || rc=$?; APP_PID=""
[ "$rc" = 1 ] || fail "exit status $rc for an unusable data folder, expected 1"
grep -q "Cannot create the data folder $BAD" "$WORK/app.err" || fail "the message does not name $BAD"

# 2. A damaged database.
DATA="$WORK/data"
mkdir -p "$DATA"
head -c 16384 /dev/urandom > "$DATA/companion.db"
start_app --data-dir "$DATA"
WIN=$(wait_window "Call Companion")
sleep 0.5
shot corrupt-database-notice
ls "$DATA"/companion.db.corrupt-* >/dev/null 2>&1 || fail "the damaged database was not moved aside"
[ "$(stat -c %s "$DATA"/companion.db.corrupt-2*[0-9])" = 16384 ] || fail "the damaged file was altered"
grep -q "The database companion.db in $DATA was damaged. It was moved aside as companion.db.corrupt-" "$WORK/app.err" || fail "the agent was not told"
[ "$(sql "$DATA/companion.db" "PRAGMA integrity_check")" = ok ] || fail "the fresh database is not sound"
stop_app "$WIN"

# 3. No dictionary for the chosen language, and a personal snippets file with a mistake: the app starts,
#    says so in one line each, and the notes still work.
DATA3="$WORK/data3"
mkdir -p "$DATA3"
printf '[spell]\nlanguage=xx_YY\n' > "$DATA3/settings.ini"
printf '[[snippet]]\ntrigger = ";ok"\ntext = "fine"\n\n[[snippet]]\ntrigger = ";bad"\ntext = "Hi {nobody}"\n' \
  > "$DATA3/snippets.toml"
start_app --data-dir "$DATA3"
WIN=$(wait_window "Call Companion")
sleep 1
grep -q "No spell-check dictionary for xx_YY is installed" "$WORK/app.err" || fail "no notice for the missing dictionary"
grep -q "$DATA3/snippets.toml:7:4: unknown placeholder {nobody}" "$WORK/app.err" || fail "snippet error not located"
focus "$WIN"
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 15 "still works ;ok "
sleep 1.3
[ "$(sql "$DATA3/companion.db" "SELECT text FROM note_lines")" = "still works fine " ] || fail "notes without spell-check"
stop_app "$WIN"
echo "PASS: unusable data folder refused with its path; damaged database moved aside and replaced; bad data files named"
