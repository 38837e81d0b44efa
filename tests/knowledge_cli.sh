#!/usr/bin/env bash
# The headless kb commands, without a display: search prints ranked results (text and JSON); a CSV with
# bad rows is refused whole, each problem with its file:line:column, and the knowledge base is unchanged;
# export then import round-trips.
set -euo pipefail
APP=$1
unset DISPLAY WAYLAND_DISPLAY
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-kbcli-XXXXXX")
source "$(dirname "$0")/sanitizers/logs.sh"
sanitizer_logs_to "$WORK"
trap 'rc=$?; check_sanitizer_logs || rc=1; rm -rf "$WORK"; exit $rc' EXIT
export XDG_DATA_HOME="$WORK/share" XDG_CONFIG_HOME="$WORK/config"
fail() { echo "FAIL: $*" >&2; exit 1; }

# The data folder may be named before the command too, with or without "=".
[ "$("$APP" --data-dir "$WORK/d" kb search --limit 1 printer)" = "$("$APP" kb search --data-dir "$WORK/d" --limit 1 printer)" ] \
  || fail "--data-dir before the command searched elsewhere"
[ "$("$APP" --data-dir="$WORK/d" kb search --limit 1 printer)" = "$("$APP" kb search --data-dir "$WORK/d" --limit 1 printer)" ] \
  || fail "--data-dir= before the command searched elsewhere"
[ ! -e "$XDG_DATA_HOME/call-companion" ] || fail "a search with --data-dir before the command used the default folder"
"$APP" --help | grep -q "kb search|import|export" || fail "--help does not list the commands"

out=$("$APP" kb search --data-dir "$WORK/d" pasword reset)
grep -q "Searched for: password reset" <<<"$out" || fail "no typo note: $out"
json=$("$APP" kb search --data-dir "$WORK/d" --json --limit 3 outlook)
[ "$(grep -c '"title"' <<<"$json")" = 3 ] || fail "--json --limit 3: $json"
# A caller's sentence finds its entry; a question the directory does not answer is marked weak.
json=$("$APP" kb search --data-dir "$WORK/d" --json --limit 3 "hi, my laptop got nicked off the train this morning")
python3 -c 'import json,sys; h=json.load(sys.stdin); assert h[0]["title"]=="Lost or stolen Example Co device" and not h[0]["weak"], h' <<<"$json" \
  || fail "caller sentence: $json"
json=$("$APP" kb search --data-dir "$WORK/d" --json "can you book me a table for dinner on friday")
python3 -c 'import json,sys; h=json.load(sys.stdin); assert all(x["weak"] for x in h), h' <<<"$json" \
  || fail "an out-of-scope question looks like an answer: $json"
out=$("$APP" kb search --data-dir "$WORK/d" "can you book me a table for dinner on friday")
grep -q "No close match" <<<"$out" || fail "weak results not said: $out"
for q in '"' 'NEAR(' 'title:x' '***' "$(head -c 100000 /dev/zero | tr '\0' 'a')"; do
  # (a 1 MB paste is in the unit tests: one argument may hold at most 128 KiB)
  "$APP" kb search --data-dir "$WORK/d" --json -- "$q" >/dev/null || fail "hostile query errs: ${q:0:20}"
done
before=$("$APP" kb export --data-dir "$WORK/d" - | wc -l)

printf 'title,url,last_verified\nGood one,https://a.example,2026-01-01\nBad url,ftp://b,2026-01-01\nBad date,https://c.example,yesterday\n' > "$WORK/bad.csv"
rc=0; "$APP" kb import --data-dir "$WORK/d" "$WORK/bad.csv" 2>"$WORK/err" || rc=$?
[ "$rc" = 1 ] || fail "bad CSV exit $rc"
grep -q "bad.csv:3:2: url 'ftp://b'" "$WORK/err" || fail "$(cat "$WORK/err")"
grep -q "bad.csv:4:3: last_verified" "$WORK/err" || fail "$(cat "$WORK/err")"
[ "$("$APP" kb export --data-dir "$WORK/d" - | wc -l)" = "$before" ] || fail "a refused import changed the KB"

"$APP" kb export --data-dir "$WORK/d" "$WORK/all.csv" 2>/dev/null
"$APP" kb import --data-dir "$WORK/other" "$WORK/all.csv" >/dev/null
# "other" started with the bundled directory, then got the export of "d" (the same entries) again.
[ "$("$APP" kb export --data-dir "$WORK/other" - | wc -l)" = "$((2 * before - 1))" ] || fail "export/import lost entries"
n1=$("$APP" kb search --data-dir "$WORK/other" --json --limit 100 printer | grep -c '"title"')
[ "$n1" -ge 5 ] || fail "imported copy finds $n1 printer entries"
rc=0; "$APP" kb frobnicate 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "unknown kb command exit $rc"
# Without --data-dir the store is in $XDG_DATA_HOME/call-companion, private to the user.
"$APP" kb search printer >/dev/null
[ "$(stat -c %a "$XDG_DATA_HOME/call-companion")" = 700 ] || fail "default data folder missing or not 0700"
[ "$(stat -c %a "$XDG_DATA_HOME/call-companion/companion.db")" = 600 ] || fail "default database not 0600"
echo "PASS: kb search, refused import with located errors, export/import round trip, XDG data folder"
