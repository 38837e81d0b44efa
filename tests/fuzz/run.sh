#!/usr/bin/env bash
# Runs every fuzzer on a seed corpus made from data/ and prints its executions and any crash. A crash
# leaves its input in the build folder and fails the run.
#   bash tests/fuzz/run.sh [SECONDS]   random exploration for SECONDS each (default 10; long runs: 600)
#   bash tests/fuzz/run.sh ci          a fixed seed and a fixed number of runs: the same inputs every
#                                      time, so CI passes or fails the same way on every machine
# It builds the "fuzz" preset first.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-10}
if [ "$MODE" = ci ]; then LIMIT=(-seed=1 -runs=20000); else LIMIT=(-max_total_time="$MODE"); fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
BUILD=build/fuzz
SEEDS=$BUILD/seeds
rm -rf "$SEEDS"
FUZZERS=(csv_import markdown_import script_file prompt_file template snippet_file netstring_stream hook_args archive_import
         scorecard_file)
for f in "${FUZZERS[@]}"; do mkdir -p "$SEEDS/$f"; done
cp data/knowledge/*.csv "$SEEDS/csv_import/"
printf '+++\ntitle = "Acme"\nurl = "https://acme.example"\nlast_verified = 2026-01-01\n+++\nBody\n' > "$SEEDS/markdown_import/a.md"
cp data/scripts/*.toml "$SEEDS/script_file/"
cp data/prompts/*.toml "$SEEDS/prompt_file/"
cp data/summary.txt "$SEEDS/template/"
cp data/snippets.toml "$SEEDS/snippet_file/"
json='{"event":true,"type":"CALL_INCOMING","class":"call","peeruri":"sip:5550100@127.0.0.1","id":"c1"}'
printf '%s:%s,' "${#json}" "$json" > "$SEEDS/netstring_stream/incoming"
printf 'incoming\0--number\0005550100\0--name\0Ana' > "$SEEDS/hook_args/incoming"
"$BUILD/tests/fuzz/make_archive_seed" "$SEEDS/archive_import/calls.ccarchive" >/dev/null
cp data/scorecards/*.toml "$SEEDS/scorecard_file/"
status=0
for f in "${FUZZERS[@]}"; do
  # An archive is a whole SQLite file, opened from disk on every input: fewer, larger inputs.
  runs=("${LIMIT[@]}") maxlen=65536
  if [ "$f" = archive_import ]; then
    maxlen=262144
    [ "$MODE" = ci ] && runs=(-seed=1 -runs=4000)
  fi
  [ "$MODE" = ci ] && rm -rf "$BUILD/corpus/$f" # the same start every time
  mkdir -p "$BUILD/corpus/$f" "$BUILD/crashes/$f"
  if ! "$BUILD/tests/fuzz/fuzz_$f" "${runs[@]}" -max_len=$maxlen -rss_limit_mb=2048 \
       -artifact_prefix="$BUILD/crashes/$f/" "$BUILD/corpus/$f" "$SEEDS/$f" >"$BUILD/fuzz_$f.log" 2>&1; then
    echo "fuzz_$f: CRASH (see $BUILD/fuzz_$f.log and $BUILD/crashes/$f/)"
    status=1
  fi
  echo "fuzz_$f: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second.*' "$BUILD/fuzz_$f.log" || tail -1 "$BUILD/fuzz_$f.log")"
done
exit $status
