#!/usr/bin/env bash
# Cross-builds Call Companion for 64-bit Windows on this Debian machine and runs its unit tests under
# Wine: the static libraries first (deps.sh: from Debian's source packages, cached), then the core and
# core_tests.exe with the MinGW toolchain (toolchain-mingw64.cmake).
#
#   bash installer/windows/build.sh           BUILD (default build/windows) holds the .exe files
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build/windows}
PREFIX=$(bash installer/windows/deps.sh)
echo "build.sh: libraries in $PREFIX" >&2

cmake -S . -B "$BUILD" -DCMAKE_TOOLCHAIN_FILE="$PWD/installer/windows/toolchain-mingw64.cmake" \
  -DCC_WIN_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DCC_BUILD_UI=OFF -DCC_BUILD_BENCH=OFF
cmake --build "$BUILD" -j"${JOBS:-$(nproc)}"

# Wine, in a prefix made fresh for this run (16 to 19 s), its server started once and warmed up, and
# every test under a timeout: a program stuck on a dialog must not hang the run.
export WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/cc-wine-XXXXXX")
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
wineserver -p
timeout 300 wine wineboot -i >/dev/null 2>&1
ctest --test-dir "$BUILD" --output-on-failure --timeout 600
