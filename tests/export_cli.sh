#!/usr/bin/env bash
# The headless export command, without a display: csv, json and html to standard output or a file, a
# date range, one call, an archive that is then read back with --archive; bad arguments exit 2, and an
# unwritable target or a file that is no archive exit 1 with a message naming the file.
set -euo pipefail
APP=$1
unset DISPLAY WAYLAND_DISPLAY
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-exportcli-XXXXXX")
source "$(dirname "$0")/sanitizers/logs.sh"
sanitizer_logs_to "$WORK"
trap 'rc=$?; check_sanitizer_logs || rc=1; rm -rf "$WORK"; exit $rc' EXIT
export XDG_DATA_HOME="$WORK/share" XDG_CONFIG_HOME="$WORK/config"
fail() { echo "FAIL: $*" >&2; exit 1; }
D="$WORK/d"

"$APP" export --format csv --data-dir "$D" - 2>"$WORK/err" && fail "export from an empty folder succeeded"
grep -q "no saved calls" "$WORK/err" || fail "empty folder: $(cat "$WORK/err")"

# Two calls on two days, written as the app writes them (the kb command creates the store).
"$APP" kb search --data-dir "$D" printer >/dev/null
ms() { echo $(( $(date -d "$1" +%s) * 1000 )); }
sqlite3 "$D/companion.db" "
INSERT INTO calls (id, started_at, finished_at, state, finished, talk_ms, hold_ms, wrap_ms, caller_name, case_number,
                   outcome, saved_at, difficult)
VALUES (1, $(ms '2026-11-20 10:00'), $(ms '2026-11-20 10:05'), 'idle', 1, 240000, 30000, 30000, 'Ana Souza', 'CASE-1',
        'resolved', 0, 0),
       (2, $(ms '2026-11-21 11:00'), $(ms '2026-11-21 11:02'), 'idle', 1, 60000, 0, 10000, 'Ben', '', 'escalated', 0, 1);
INSERT INTO segments VALUES (1, 0, 'talk', $(ms '2026-11-20 10:00'), 120000), (1, 1, 'hold', $(ms '2026-11-20 10:02'), 30000),
                            (1, 2, 'talk', $(ms '2026-11-20 10:02:30'), 120000), (1, 3, 'wrap_up', $(ms '2026-11-20 10:04:30'), 30000);
INSERT INTO note_lines VALUES (1, 0, $(ms '2026-11-20 10:00:10'), 'Printer offline after the update'), (2, 0, NULL, 'Mailbox full');
INSERT INTO events (call_id, at, offset_ms, kind, detail) VALUES (1, $(ms '2026-11-20 10:02'), 120000, 'held', ''),
                                                                (1, $(ms '2026-11-20 10:03'), 180000, 'referral', 'Printer maker');"

csv=$("$APP" export --format csv --data-dir "$D" -)
[ "$(wc -l <<<"$csv")" = 3 ] || fail "csv: a header and two rows expected: $csv"
grep -q '"Ana Souza"' <<<"$csv" || fail "csv lacks the caller: $csv"
grep -q '"Resolved on the call"' <<<"$csv" || fail "csv lacks the outcome label: $csv"

json=$("$APP" export --format json --from 2026-11-21 --data-dir "$D" -)
python3 -c 'import json,sys; d=json.load(sys.stdin); assert [c["id"] for c in d["calls"]] == [2], d' <<<"$json" \
  || fail "json --from: $json"
json=$("$APP" export --format json --to 2026-11-20 --data-dir "$D" -)
python3 -c 'import json,sys; d=json.load(sys.stdin); assert [c["id"] for c in d["calls"]] == [1], d' <<<"$json" \
  || fail "json --to takes the whole day: $json"

"$APP" export --format html --call 1 --data-dir "$D" "$WORK/one.html" 2>/dev/null
grep -q "Caller put on hold" "$WORK/one.html" || fail "html report lacks the timeline"
grep -q 'bgcolor="#e08a1e"' "$WORK/one.html" || fail "html report lacks the hold on the bar"
[ "$(stat -c %a "$WORK/one.html")" = 600 ] || fail "the report is readable by others"

"$APP" export --format archive --data-dir "$D" "$WORK/ana.ccarchive" 2>/dev/null
back=$("$APP" export --format csv --archive "$WORK/ana.ccarchive" -)
[ "$back" = "$csv" ] || fail "the archive does not read back the same: $back"

set +e
"$APP" export --format pdf --data-dir "$D" x 2>/dev/null; [ $? = 2 ] || fail "an unknown format must exit 2"
"$APP" export --format csv --from 2026-02-30 --data-dir "$D" x 2>/dev/null; [ $? = 2 ] || fail "a bad date must exit 2"
"$APP" export --format archive --data-dir "$D" - 2>/dev/null; [ $? = 2 ] || fail "an archive to stdout must exit 2"
"$APP" export --format csv --data-dir "$D" "$WORK/missing/x.csv" 2>"$WORK/err"; [ $? = 1 ] || fail "unwritable target"
grep -q "Cannot write $WORK/missing/x.csv" "$WORK/err" || fail "unwritable target message: $(cat "$WORK/err")"
"$APP" export --format csv --archive "$WORK/one.html" - 2>"$WORK/err"; [ $? = 1 ] || fail "not an archive"
grep -q "one.html cannot be opened as a call archive" "$WORK/err" || fail "not-an-archive message: $(cat "$WORK/err")"
set -e
echo "PASS: export csv/json/html/archive, ranges, one call, archive read back; bad arguments and targets refused"
