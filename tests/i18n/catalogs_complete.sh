#!/usr/bin/env bash
# Every language in i18n/LINGUAS translates every string the code has today: no untranslated or fuzzy
# message (msgfmt --statistics), and nothing in a freshly extracted template that the catalog lacks
# (msgcmp counts untranslated and fuzzy messages as missing). The committed template is current too.
set -euo pipefail
I18N=$(cd "$(dirname "$0")/../../i18n" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-i18n-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

bash "$I18N/xgettext.sh" "$WORK/fresh.pot"
msgcmp --use-untranslated "$I18N/call-companion.pot" "$WORK/fresh.pot" 2>"$WORK/pot.err" ||
  fail "i18n/call-companion.pot is out of date (cmake --build build/release --target update-pot): $(head -5 "$WORK/pot.err")"
langs=0
while read -r lang; do
  [ -z "$lang" ] || [ "${lang:0:1}" = "#" ] && continue
  langs=$((langs + 1))
  po="$I18N/$lang.po"
  [ -f "$po" ] || fail "LINGUAS names $lang but there is no $lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  grep -qE "untranslated|fuzzy" <<<"$stats" && fail "$lang.po: $stats"
  msgcmp "$po" "$WORK/fresh.pot" 2>"$WORK/$lang.err" || fail "$lang.po lacks strings the code has: $(head -5 "$WORK/$lang.err")"
  echo "$lang: $stats"
done < "$I18N/LINGUAS"
[ "$langs" -ge 2 ] || fail "expected es and pt_BR in LINGUAS, found $langs languages"
echo "PASS: every catalog is complete"
