#!/usr/bin/env bash
# call-companion data check: the bundled pack is clean; a broken pack gets every problem with its
# file:line:column and a non-zero exit; all without a display.
set -euo pipefail
APP=$1 DATA=$2
unset DISPLAY WAYLAND_DISPLAY
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-datacheck-XXXXXX")
source "$(dirname "$0")/sanitizers/logs.sh"
sanitizer_logs_to "$WORK"
trap 'rc=$?; check_sanitizer_logs || rc=1; rm -rf "$WORK"; exit $rc' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$APP" data check "$DATA" >/dev/null || fail "the bundled data pack has problems: $("$APP" data check "$DATA")"

cp -r "$DATA" "$WORK/pack"
printf 'id = "broken"\n[[step]]\nid = "a"\nstage = "nope"\nsay = "Hi {nobody}"\nnext = "zz"\n' > "$WORK/pack/scripts/broken.toml"
printf '[[prompt]]\nid = "x"\ntitle = "X"\nsay = "x"\ntrigger = { type = "hold" }\n' > "$WORK/pack/prompts/extra.toml"
printf 'title,url\nBad,ftp://x\n' > "$WORK/pack/knowledge/extra.csv"
printf 'script = "billing-question"\ntitle = "x"\n[[line]]\ncustomer = "a"\nafter = "nowhere"\n' > "$WORK/pack/practice/stray.toml"
printf 'language = "en"\nsynonyms = [\n  ["stolen", "lost"],\n  ["alone"],\n  ["lost", 3],\n]\ncolour = 1\n' > "$WORK/pack/knowledge/synonyms.toml"
rc=0; out=$("$APP" data check "$WORK/pack" 2>/dev/null) || rc=$?
[ "$rc" = 1 ] || fail "exit $rc for a broken pack"
grep -q "scripts/broken.toml:4:9: step 'a' needs a stage" <<<"$out" || fail "$out"
grep -q "scripts/broken.toml:5:7: unknown placeholder {nobody}" <<<"$out" || fail "$out"
grep -q "scripts/broken.toml:6:8: there is no step 'zz'" <<<"$out" || fail "$out"
grep -q "prompts/extra.toml:5:11: a hold trigger needs seconds > 0" <<<"$out" || fail "$out"
grep -q "practice/stray.toml:3:1: the script 'billing-question' has no step 'nowhere' for this line to follow" <<<"$out" || fail "$out"
grep -q "knowledge/extra.csv:2:2: url 'ftp://x'" <<<"$out" || fail "$out"
grep -q "knowledge/synonyms.toml:4:3: a group of synonyms needs at least two words" <<<"$out" || fail "$out"
grep -q "knowledge/synonyms.toml:5:4: 'lost' is already in the group on line 3" <<<"$out" || fail "$out"
grep -q "knowledge/synonyms.toml:5:12: a synonym must be a word" <<<"$out" || fail "$out"
grep -q "knowledge/synonyms.toml:7:1: unknown key 'colour'" <<<"$out" || fail "$out"
printf 'language = "xx"\n' > "$WORK/pack/knowledge/synonyms.toml"
out=$("$APP" data check "$WORK/pack" 2>/dev/null) || true
grep -q "stopwords/xx.txt: no stop words for the language 'xx'" <<<"$out" || fail "$out"
# With --data-dir (before or after the command, as every command takes it), the agent's own snippets
# in that folder are checked too.
mkdir -p "$WORK/agent"
printf '[[snippet]]\ntrigger = ";x"\n' > "$WORK/agent/snippets.toml"
for words in "--data-dir $WORK/agent data check $DATA" "data check $DATA --data-dir $WORK/agent"; do
  rc=0; out=$("$APP" $words 2>/dev/null) || rc=$?
  [ "$rc" = 1 ] || fail "exit $rc for '$words' with a broken snippets.toml in the data folder: $out"
  grep -q "agent/snippets.toml" <<<"$out" || fail "the agent's snippets were not checked: $out"
done
"$APP" data check "$DATA" >/dev/null || fail "without --data-dir the agent's folder is not the pack's business"
echo "PASS: data check passes the bundled pack, locates every problem in a broken one, and checks the agent's own layer with --data-dir"
