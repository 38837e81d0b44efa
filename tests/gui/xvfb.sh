# Shared by the GUI tests: a private Xvfb, the app under test, and clean-up of every process they start.
# Source it; then: start_xvfb; start_app ARGS...; wait_window; ...; the EXIT trap ends everything.
set -euo pipefail

APP=${1:?usage: $0 PATH-TO-call-companion BUILD-DIR}
BUILD=${2:?usage: $0 PATH-TO-call-companion BUILD-DIR}
SHOTS="$BUILD/screenshots"
mkdir -p "$SHOTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cc-gui-XXXXXX")
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" XDG_CACHE_HOME="$WORK/cache"
export NO_AT_BRIDGE=1 GTK_THEME="${GTK_THEME:-Adwaita}"
XVFB_PID="" APP_PID=""
source "$(dirname "${BASH_SOURCE[0]}")/../sanitizers/logs.sh"
sanitizer_logs_to "$WORK"

# cleanup [STATUS]: a trap that runs something first passes the script's own exit status.
cleanup() {
  local rc=${1:-$?}
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  check_sanitizer_logs || rc=1
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; [ -n "${DISPLAY:-}" ] && import -window root "$SHOTS/failure-$(basename "$0" .sh).png" 2>/dev/null; [ -f "$WORK/app.err" ] && sed 's/^/  app: /' "$WORK/app.err" >&2; exit 1; }

start_xvfb() {
  exec 3> "$WORK/display"
  # -noreset: GTK's start-up probes stay warm between app starts; -displayfd picks a free display.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.05; done
  [ -s "$WORK/display" ] || fail "Xvfb did not start"
  export DISPLAY=":$(head -1 "$WORK/display")"
  # The pointer rests in the screen's far corner, out of every window, as an agent typing leaves it:
  # no tooltip shows over a screenshot because the pointer happened to be on a control.
  xdotool mousemove 1279 799 2>/dev/null || true
}

# start_app ARGS...: runs the app in the background, stderr to $WORK/app.err
start_app() {
  "$APP" "$@" >"$WORK/app.out" 2>"$WORK/app.err" &
  APP_PID=$!
}

# wait_window NAME: prints the X window id of the app's top-level window named NAME
wait_window() {
  local name=$1 id=""
  for _ in $(seq 100); do
    id=$(xdotool search --onlyvisible --name "^$name\$" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.1
  done
  fail "no window named '$name' appeared"
}

# focus WINDOW: gives the window the keyboard, as clicking on it would (there is no window manager).
focus() { xdotool windowfocus --sync "$1"; sleep 0.3; }

# shot NAME [WINDOW]: a PNG of one window (default: the whole screen) in $BUILD/screenshots
shot() { import -window "${2:-root}" "$SHOTS/$1.png"; echo "screenshot: $SHOTS/$1.png"; }

# stop_app: asks the app to close (Ctrl+Q) and waits for it; during a call it asks first, and is told Quit
stop_app() {
  local win=$1 ask
  focus "$win"; xdotool key ctrl+q || true
  for i in $(seq 100); do
    kill -0 "$APP_PID" 2>/dev/null || { wait "$APP_PID" 2>/dev/null || true; APP_PID=""; return 0; }
    if [ $((i % 5)) = 0 ]; then
      ask=$(xdotool search --onlyvisible --name '^Quit during a call\?$' 2>/dev/null | head -1 || true)
      [ -n "$ask" ] && { focus "$ask"; xdotool key alt+q || true; }
    fi
    sleep 0.1
  done
  fail "the app did not close on Ctrl+Q"
}

sql() { sqlite3 -readonly "$1" "$2"; }
# An event's facts joined with " | " ("Billing must decide | Yes"), for "SELECT kind || ': ' || $EVENT_FACTS"
EVENT_FACTS="coalesce((SELECT group_concat(value, ' | ') FROM json_each(events.facts)), detail)"

# start_companion: the app on $DATA (default $WORK/data), its window in $WIN with the keyboard on it
start_companion() {
  DATA=${DATA:-$WORK/data}
  DB="$DATA/companion.db"
  start_app --data-dir "$DATA"
  WIN=$(wait_window "Call Companion")
  focus "$WIN"
}
