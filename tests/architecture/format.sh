#!/usr/bin/env bash
# The C++ sources keep the project's .clang-format: prints each file clang-format would change, with the
# first lines it would change, and fails. Fix with: clang-format -i FILE (Debian 12's clang-format 14).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mapfile -t files < <(find src ui tests -name '*.cpp' -o -name '*.h' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no sources found under $root" >&2; exit 1; }
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/cc-format.$$; then
  grep -E "^[^ ].*: (error|warning):" /tmp/cc-format.$$ | head -20 >&2
  echo "$(grep -cE ': (error|warning):' /tmp/cc-format.$$) places differ from .clang-format" >&2
  rm -f /tmp/cc-format.$$
  exit 1
fi
rm -f /tmp/cc-format.$$
echo "PASS: ${#files[@]} C++ files keep .clang-format"
