#!/usr/bin/env bash
# The Windows build under Wine on its own Xvfb, driven as an agent with MicroSIP would: the app starts
# on its default data folder (%APPDATA%\Call Companion), MicroSIP's hooks (README, `microsip.ini`) ring
# and answer a call through a second call-companion.exe, which hands them over by DDE and returns at
# once; the agent types notes from the keyboard, they are saved as typed, and a kill while typing loses
# nothing the autosave promised. Then a call started from the keyboard (Ctrl+N) is typed, ended and saved.
#   tests/windows/gui_smoke.sh BUILD-DIR      (WINEPREFIX: a booted prefix, as installer/windows/test.sh makes)
EXE="$1/call-companion.exe"
source "$(dirname "$0")/../gui/xvfb.sh" wine "$1"
[ -f "$EXE" ] || fail "no $EXE"
: "${WINEPREFIX:?a booted Wine prefix}"
# A desktop Wine began without a display (a headless command before) cannot show a window: its server
# is restarted with the display set.
wineserver -k 2>/dev/null || true
start_xvfb

# Where the app keeps its data when nothing says otherwise: %APPDATA%\Call Companion.
APPDATA_UNIX=$(winepath -u "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')")
DATA="$APPDATA_UNIX/Call Companion"
DB="$DATA/companion.db"
rm -rf "$DATA"

start_app "$EXE"
WIN=$(wait_window "Call Companion")
focus "$WIN"
sleep 1
shot windows-ready "$WIN"
[ -f "$DB" ] || fail "no database in %APPDATA%\\Call Companion ($DB)"

# MicroSIP runs its hook with the caller's number appended and waits up to 10 s for it: it must return
# at once, whatever the app is doing.
hook() {
  local started=$SECONDS
  timeout 10 wine "$EXE" call "$1" --number "$2" >"$WORK/hook.out" 2>&1 || fail "the '$1' hook failed: $(cat "$WORK/hook.out")"
  [ $((SECONDS - started)) -le 5 ] || fail "the '$1' hook took $((SECONDS - started)) s"
}
hook incoming 5550199
sleep 1
hook start 5550199
sleep 1
shot windows-hooked-call "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 0")" = 1 ] || fail "MicroSIP's hooks did not start a call"
[ "$(sql "$DB" "SELECT callback_number FROM calls")" = 5550199 ] \
  || fail "the caller's number did not reach the call: $(sql "$DB" "SELECT * FROM calls")"

# The agent goes to the notes (Alt+1) and types.
focus "$WIN"
xdotool key alt+1; sleep 0.3
xdotool type --delay 30 "Printer on floor 3 shows offline"
xdotool key Return
xdotool type --delay 30 "Power cycled it, still offline"
sleep 1.5 # autosave promises the disk within 1 s of the last keystroke
shot windows-notes "$WIN"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
lines=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY line_no)")
[ "$lines" = "Printer on floor 3 shows offline|Power cycled it, still offline" ] \
  || fail "notes after a kill while typing: '$lines'"
[ "$(sql "$DB" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after the kill"

# The next start picks the call up; MicroSIP's hang-up hook ends it, and the agent saves it.
start_app "$EXE"
WIN=$(wait_window "Call Companion")
focus "$WIN"
sleep 1
grep -q "was restored with its notes" "$WORK/app.err" || fail "the agent was not told the call was restored"
hook end 5550199
sleep 1
focus "$WIN"
xdotool key ctrl+d; sleep 1
[ "$(sql "$DB" "SELECT finished FROM calls WHERE id = 1")" = 1 ] || fail "the hooked call was not saved with Ctrl+D"

# A call from the keyboard alone.
xdotool key ctrl+n; sleep 1
xdotool type --delay 30 "Walk-in: password reset"
sleep 1.5
xdotool key ctrl+e; sleep 0.5
xdotool key ctrl+d; sleep 1
shot windows-saved "$WIN"
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 1")" = 2 ] || fail "the keyboard call was not saved"
sql "$DB" "SELECT text FROM note_lines" | grep -q "Walk-in: password reset" || fail "the keyboard call's notes were lost"
stop_app "$WIN"
echo "PASS: the Windows build under Wine: MicroSIP's hooks, notes, a kill, a restore, a keyboard call"
