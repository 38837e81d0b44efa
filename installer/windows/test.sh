#!/usr/bin/env bash
# Runs the Windows build's tests under Wine (after installer/windows/build.sh): core_tests.exe, the
# headless commands, the GUI smoke test with MicroSIP's hooks on Xvfb, and the installer.
#
#   bash installer/windows/test.sh      BUILD (default build/windows)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build/windows}

# Wine, in a prefix made fresh for this run (16 to 19 s), its server started once and warmed up, and
# every test under a timeout: a program stuck on a dialog must not hang the run.
export WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/cc-wine-XXXXXX")
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
wineserver -p
timeout 300 wine wineboot -i >/dev/null 2>&1
ctest --test-dir "$BUILD" --output-on-failure --timeout 600
