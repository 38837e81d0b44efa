#!/usr/bin/env bash
# Ctrl+, opens the settings dialog; what the agent types there is in settings.ini after OK, takes
# effect at once; Escape leaves everything as it was.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
INI="$DATA/settings.ini"

xdotool key ctrl+comma
DLG=$(wait_window "Settings")
focus "$DLG"
shot settings-dialog "$DLG"
# The name field has the keyboard; Tab moves through the fields in order.
xdotool type --delay 10 "Ana Souza"
xdotool key Tab
xdotool type --delay 10 "Example Co"
xdotool key Return
for _ in $(seq 50); do xdotool search --onlyvisible --name "^Settings\$" >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --onlyvisible --name "^Settings\$" >/dev/null 2>&1 && fail "OK did not close the dialog"
grep -q "^name=Ana Souza$" "$INI" || fail "the name is not in settings.ini: $(cat "$INI")"
grep -q "^company=Example Co$" "$INI" || fail "the company is not in settings.ini"

# Escape cancels: nothing changes.
focus "$WIN"
xdotool key ctrl+comma
DLG=$(wait_window "Settings")
focus "$DLG"
xdotool type --delay 10 "Someone Else"
xdotool key Escape
sleep 0.5
grep -q "^name=Ana Souza$" "$INI" || fail "Escape changed the name: $(cat "$INI")"

# The interface language, reached from the keyboard (name, company, hold, stale days, the outcome rule,
# language): it is
# saved, and the window says it waits for the next start.
focus "$WIN"
xdotool key ctrl+comma
DLG=$(wait_window "Settings")
focus "$DLG"
xdotool key Tab Tab Tab Tab Tab Down
sleep 0.3
shot settings-language "$DLG"
# Enter on a drop-down opens it: back to the name field, where Enter is OK.
xdotool key shift+Tab shift+Tab shift+Tab shift+Tab Return
sleep 0.5
grep -q "^language=en$" "$INI" || fail "the language is not in settings.ini: $(cat "$INI")"
shot settings-restart-notice "$WIN"

# The name is used at once, without a restart: the CRM summary signs with it.
focus "$WIN"
xdotool key ctrl+n; sleep 0.3; xdotool key ctrl+e; sleep 0.2; xdotool key ctrl+shift+c; sleep 0.5
clip=$(xclip -o -selection clipboard)
grep -q "Ana Souza" <<<"$clip" || fail "the summary does not carry the new name: $clip"
stop_app "$WIN"
echo "PASS: the settings dialog opens with Ctrl+, saves on Enter and cancels on Escape"
