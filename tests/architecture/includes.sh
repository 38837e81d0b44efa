#!/usr/bin/env bash
# Every #include "X/..." in src/Y/ names a capability that layers.txt allows Y (or a known debt allows
# that one file). Prints each include that breaks the table, with its file and line, and fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
table="$root/tests/architecture/layers.txt"
declare -A allowed debt
while IFS= read -r line; do
  line=${line%%#*}
  [ -z "${line// }" ] && continue
  if [[ $line == debt:* ]]; then
    rest=${line#debt: }
    debt[${rest%%:*}]=" ${rest#*: } "
  else
    allowed[${line%%:*}]=" ${line#*:} "
  fi
done <"$table"
bad=0
for dir in "$root"/src/*/; do
  cap=$(basename "$dir")
  [ -n "${allowed[$cap]+x}" ] || { echo "src/$cap: not in $table" >&2; bad=1; continue; }
  while IFS=: read -r file no text; do
    dep=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([a-z_]+)\/.*/\1/' <<<"$text")
    [ "$dep" = "$cap" ] && continue
    [ -d "$root/src/$dep" ] || continue
    rel=${file#"$root"/src/}
    [[ ${allowed[$cap]} == *" $dep "* ]] && continue
    [[ ${debt[$rel]:-} == *" $dep "* ]] && continue
    echo "src/$rel:$no: $cap may not include $dep/ (tests/architecture/layers.txt)" >&2
    bad=1
  done < <(grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]+/' "$dir"*.h "$dir"*.cpp 2>/dev/null || true)
done
[ $bad = 0 ] && echo "every include in src/ keeps to tests/architecture/layers.txt"
exit $bad
