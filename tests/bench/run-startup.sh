#!/usr/bin/env bash
# Runs startup_bench under a private Xvfb -noreset (a resetting server makes every GTK start redo its
# OpenGL probe and doubles the figures). Usage: run-startup.sh [--runs N] [--idle-seconds S]
# CC_BUILD_DIR names the build (default: build/release).
set -euo pipefail
BUILD=${CC_BUILD_DIR:-$(dirname "$0")/../../build/release}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench-XXXXXX")
XVFB_PID=""
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
exec 3> "$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.05; done
export DISPLAY=":$(head -1 "$WORK/display")" NO_AT_BRIDGE=1
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share"
"$BUILD/tests/bench/startup_bench" --app "$BUILD/call-companion" --bare "$BUILD/tests/bench/bare_frame" \
  --data-dir "$WORK/data" "$@"
