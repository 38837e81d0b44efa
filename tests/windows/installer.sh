#!/usr/bin/env bash
# The Windows installer under Wine, as IT would run it: call-companion-setup.exe /S installs for this
# user alone (no administrator rights) under %LOCALAPPDATA%\Programs, with a Start menu entry and an
# uninstaller; the installed app finds its own data, translations and dictionaries and its window
# opens; the silent uninstaller keeps the agent's calls unless /REMOVEDATA is given. The ZIP holds the
# same files for portable use.
#   tests/windows/installer.sh BUILD-DIR      (WINEPREFIX: a booted prefix)
SETUP="$1/call-companion-setup.exe"
ZIP=$(ls "$1"/call-companion-*-win64.zip 2>/dev/null | head -1)
source "$(dirname "$0")/../gui/xvfb.sh" wine "$1"
: "${WINEPREFIX:?a booted Wine prefix}"
[ -f "$SETUP" ] || fail "no $SETUP"
# Every Wine program from here on sees the display: a desktop Wine began without one (a headless
# command before) cannot show a window, so its server is restarted with the display set.
wineserver -k 2>/dev/null || true
start_xvfb
[ -n "$ZIP" ] || fail "no ZIP in $1"
unzip -l "$ZIP" >"$WORK/zip.list"
for f in call-companion.exe data/knowledge dictionaries/en_US.dic dictionaries/es_ES.dic dictionaries/pt_BR.dic \
         locale/es/LC_MESSAGES/call-companion.mo locale/pt_BR/LC_MESSAGES/call-companion.mo; do
  grep -q " Call Companion/$f" "$WORK/zip.list" || fail "the ZIP has no $f"
done

winenv() { winepath -u "$(wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r')"; }
LOCAL=$(winenv LOCALAPPDATA)
ROAMING=$(winenv APPDATA)
INST="$LOCAL/Programs/Call Companion"
timeout 300 wine "$SETUP" /S || fail "the silent install failed"
for f in call-companion.exe uninstall.exe data/outcomes.toml dictionaries/en_US.aff locale/es/LC_MESSAGES/call-companion.mo; do
  [ -e "$INST/$f" ] || fail "not installed: $INST/$f"
done
[ -f "$ROAMING/Microsoft/Windows/Start Menu/Programs/Call Companion/Call Companion.lnk" ] || fail "no Start menu entry"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\CallCompanion' /v UninstallString 2>/dev/null \
  | grep -q uninstall.exe || fail "the uninstaller is not registered for this user"

# The installed copy reads the installed data, not a build tree's.
out=$(timeout 120 wine "$INST/call-companion.exe" data check 2>&1) || fail "installed data check: $out"

DATA="$ROAMING/Call Companion"
DB="$DATA/companion.db"
rm -rf "$DATA" # the GUI smoke test's calls: this start must make its own
start_app "$INST/call-companion.exe"
WIN=$(wait_window "Call Companion")
focus "$WIN"; sleep 1
shot windows-installed "$WIN"
[ -f "$DATA/companion.db" ] || fail "the installed app made no database in %APPDATA%\\Call Companion"
# A call's notes in the installed copy, a misspelt word among them (the shipped en_US dictionary marks it).
xdotool key ctrl+n; sleep 1
xdotool type --delay 30 "Custmer cant print from the thrid floor"
sleep 1.5
shot windows-installed-notes "$WIN"
sql "$DB" "SELECT text FROM note_lines" | grep -q "thrid floor" || fail "the installed app did not save the notes"
xdotool key ctrl+e; sleep 0.5; xdotool key ctrl+d; sleep 1
stop_app "$WIN"

# uninstall ARGS...: as IT runs it, "uninstall.exe /S": it copies itself aside, starts the copy and
# returns at once; the copy removes the program (waited for here, up to a minute).
uninstall() {
  timeout 120 wine "$INST/uninstall.exe" "$@" || fail "uninstall.exe $* failed"
  for _ in $(seq 120); do [ -e "$INST/call-companion.exe" ] || break; sleep 0.5; done
  [ ! -e "$INST/call-companion.exe" ] || fail "the uninstaller left the program"
  sleep 1 # its last steps after the program's files
}

# The program goes, the agent's data stays.
uninstall /S
[ ! -e "$ROAMING/Microsoft/Windows/Start Menu/Programs/Call Companion" ] || fail "the uninstaller left the Start menu entry"
[ -f "$DATA/companion.db" ] || fail "the uninstaller removed the agent's calls unasked"
# Asked to, it removes them too.
timeout 300 wine "$SETUP" /S || fail "the second silent install failed"
uninstall /S /REMOVEDATA
[ ! -e "$DATA" ] || fail "/REMOVEDATA kept the data"
echo "PASS: per-user silent install, the installed app's window, uninstall keeping (then removing) the data"
