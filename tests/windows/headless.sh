#!/usr/bin/env bash
# The Windows build's commands without a window, under Wine: --help and --version (written to the
# console they came from), data check on the bundled data, kb search on a caller's sentence, export,
# and a data folder whose name has spaces and non-ASCII letters (a user "José María" on Windows).
#   tests/windows/headless.sh BUILD-DIR SOURCE-DIR      (WINEPREFIX: a booted prefix)
set -euo pipefail
EXE="$1/call-companion.exe"
SRC=$2
: "${WINEPREFIX:?a booted Wine prefix}"
unset DISPLAY WAYLAND_DISPLAY
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-winheadless-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cc() { timeout 120 wine "$EXE" "$@"; }
win() { winepath -w "$1"; }

cc --version | grep -q "^call-companion [0-9]" || fail "--version: $(cc --version 2>&1)"
cc --help | grep -q -- "--data-dir" || fail "--help does not reach a pipe"

cc data check "$(win "$SRC/data")" >"$WORK/check.out" 2>&1 || fail "data check of the bundled data: $(cat "$WORK/check.out")"

# A data folder named as a Windows user would be: spaces, an accent, a letter outside Latin-1.
DATA="$WORK/José María · Дарья"
mkdir -p "$WORK"
json=$(cc kb search --data-dir "$(win "$DATA")" --json --limit 3 "hi, my laptop got nicked off the train this morning")
python3 -c 'import json,sys; h=json.load(sys.stdin); assert h[0]["title"]=="Lost or stolen Example Co device" and not h[0]["weak"], h' <<<"$json" \
  || fail "a caller's sentence: $json"
[ -f "$DATA/companion.db" ] || fail "the database is not in the non-ASCII folder: $(ls "$WORK")"
[ "$(sqlite3 "$DATA/companion.db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"

# Export: an empty store gives the CSV's header alone; a CSV of the knowledge base round-trips
# through a non-ASCII path.
cc export --data-dir "$(win "$DATA")" --format csv - >"$WORK/export.out" 2>&1 || fail "export: $(cat "$WORK/export.out")"
[ "$(tr -d '\r' <"$WORK/export.out" | cut -d, -f1-3)" = "id,started,finished" ] || fail "export of an empty store: $(cat "$WORK/export.out")"
cc kb export --data-dir "$(win "$DATA")" "$(win "$DATA/référence.csv")" >"$WORK/kbexport.out" 2>&1 \
  || fail "kb export: $(cat "$WORK/kbexport.out")"
[ -s "$DATA/référence.csv" ] || fail "kb export wrote nothing at the non-ASCII path"
cc kb import --data-dir "$(win "$WORK/other")" "$(win "$DATA/référence.csv")" | grep -q "^Imported" \
  || fail "kb import from the non-ASCII path"

# Bad words exit 2, as on Linux.
rc=0; cc call dial >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "a bad hook exited $rc"
echo "PASS: the Windows build's headless commands under Wine, with a non-ASCII data folder"
