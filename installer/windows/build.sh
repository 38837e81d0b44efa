#!/usr/bin/env bash
# Cross-builds Call Companion for 64-bit Windows on this Debian machine: the static libraries first
# (deps.sh: from Debian's source packages, cached), then call-companion.exe and core_tests.exe with the
# MinGW toolchain (toolchain-mingw64.cmake), then the installer and the ZIP (package.sh). Nothing here
# needs Wine or a display; installer/windows/test.sh runs the tests under Wine.
#
#   bash installer/windows/build.sh     BUILD (default build/windows) gets call-companion.exe,
#                                       call-companion-setup.exe and call-companion-VERSION-win64.zip
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build/windows}
PREFIX=$(bash installer/windows/deps.sh --with-wx)
echo "build.sh: libraries in $PREFIX" >&2

cmake -S . -B "$BUILD" -DCMAKE_TOOLCHAIN_FILE="$PWD/installer/windows/toolchain-mingw64.cmake" \
  -DCC_WIN_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DCC_BUILD_UI=ON -DCC_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j"${JOBS:-$(nproc)}"
bash installer/windows/package.sh "$BUILD"
