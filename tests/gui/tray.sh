#!/usr/bin/env bash
# The tray icon: with "start in the tray" and a tray on the desktop (trayer), the window stays hidden and
# the icon shows the call state by its colour (grey when ready, green when talking); a second start
# shows the window; its tooltip has the timer and its menu ends the call. Without a tray the same setting
# still shows the window, and nothing fails.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
DATA="$WORK/data"
mkdir -p "$DATA"
printf '[window]\nstart_in_tray=1\n' > "$DATA/settings.ini"

# trayer sits top right; the icon is the only thing in it with these colours.
tray_colours() { import -window root -crop 200x40+1080+0 "$WORK/tray.png" && convert "$WORK/tray.png" -format %c histogram:info:-; }

# 1. No tray (plain Xvfb): the window shows anyway.
start_app --data-dir "$DATA"
WIN=$(wait_window "Call Companion")
stop_app "$WIN"

# 2. A tray: only the icon shows, grey while ready.
trayer --edge top --align right --widthtype request --height 32 >"$WORK/trayer.log" 2>&1 &
TRAYER_PID=$!
trap 'rc=$?; kill $TRAYER_PID 2>/dev/null || true; cleanup $rc' EXIT
sleep 1
start_app --data-dir "$DATA"
for _ in $(seq 50); do tray_colours | grep -qi "#546E7A" && break; sleep 0.1; done
tray_colours | grep -qi "#546E7A" || fail "no grey (ready) icon in the tray"
xdotool search --onlyvisible --name "^Call Companion\$" >/dev/null 2>&1 && fail "the window showed although it starts in the tray"

# A softphone hook starts a call: the icon turns green, and still no window takes the screen.
"$APP" call start --number 5550100 --data-dir "$DATA"
for _ in $(seq 50); do tray_colours | grep -qi "#2E7D32" && break; sleep 0.1; done
tray_colours | grep -qi "#2E7D32" || fail "the tray icon did not turn green for a call"
shot tray-talking
xdotool search --onlyvisible --name "^Call Companion\$" >/dev/null 2>&1 && fail "a hook showed the window"

# Hovering shows the tooltip with the state and the timer (look at the screenshot); the icon's menu ends
# the call from the keyboard (E, its mnemonic) without showing the window.
icon=$(convert "$WORK/tray.png" -fuzz 5% -fill none -format "%@" info:)   # WxH+X+Y of the icon
ix=$((1080 + $(cut -d+ -f2 <<<"$icon") + 12)); iy=16
xdotool mousemove "$ix" "$iy"; sleep 2.5
shot tray-tooltip
[ "$(convert "$SHOTS/tray-tooltip.png" -crop 500x60+780+30 -format '%[fx:int(100*maxima)]' info:)" -gt 50 ] ||
  fail "no tooltip appeared over the tray icon"
xdotool click 3; sleep 0.8
shot tray-menu
xdotool key e; sleep 1
[ "$(sql "$DATA/companion.db" "SELECT group_concat(kind, ',') FROM events")" = "started,ended" ] ||
  fail "the tray menu did not end the call"
xdotool search --onlyvisible --name "^Call Companion\$" >/dev/null 2>&1 && fail "the tray menu showed the window"

# Starting the app again shows the window, as the agent asked.
"$APP" --data-dir "$DATA" 2>/dev/null
WIN=$(wait_window "Call Companion")
stop_app "$WIN"
echo "PASS: the tray icon shows the call state; start in the tray hides the window only when there is a tray"
