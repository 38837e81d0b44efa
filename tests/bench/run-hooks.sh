#!/usr/bin/env bash
# Starts a companion under a private Xvfb -noreset, puts it in a call, and times softphone hooks against
# it with hook_bench. Usage: run-hooks.sh [--runs N]; CC_BUILD_DIR names the build (default build/release).
set -euo pipefail
BUILD=${CC_BUILD_DIR:-$(dirname "$0")/../../build/release}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-hooks-XXXXXX")
XVFB_PID="" APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
exec 3> "$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.05; done
export DISPLAY=":$(head -1 "$WORK/display")" NO_AT_BRIDGE=1 XDG_CONFIG_HOME="$WORK/config"
"$BUILD/call-companion" --data-dir "$WORK/data" >/dev/null 2>&1 &
APP_PID=$!
for _ in $(seq 100); do [ -S "$WORK/data/ipc.sock" ] && break; sleep 0.1; done
"$BUILD/call-companion" call start --number 5550100 --data-dir "$WORK/data"
"$BUILD/tests/bench/hook_bench" --app "$BUILD/call-companion" --data-dir "$WORK/data" "$@"
