#!/usr/bin/env bash
# Accessibility: every control the keyboard reaches has a name and a tooltip (the app audits each
# window it shows when CALL_COMPANION_A11Y_AUDIT is set), on every page, in the dialogs and in the QA
# windows (history, review, stats), all reached from the keyboard. Buttons and check boxes are named by
# their labels.
source "$(dirname "$0")/xvfb.sh"
export CALL_COMPANION_A11Y_AUDIT=1
start_xvfb
start_companion
sleep 0.5
xdotool key ctrl+n; sleep 0.3
for page in 2 3 5 1; do xdotool key alt+$page; sleep 0.3; done
xdotool key ctrl+k; sleep 0.3; xdotool key Escape
xdotool key ctrl+comma; DLG=$(wait_window "Settings"); focus "$DLG"; xdotool key Escape; focus "$WIN"
xdotool key F1; DLG=$(wait_window "Keyboard shortcuts"); focus "$DLG"; xdotool key Escape; focus "$WIN"
# Call › Add a transfer (Alt+C, then T), as a keyboard user reaches it.
xdotool key alt+c; sleep 0.3; xdotool key t
DLG=$(wait_window "Add a transfer or escalation"); focus "$DLG"; xdotool key Escape; focus "$WIN"
# The QA windows: history, a call's review, my stats (a finished call first).
xdotool type --delay 10 "Printer offline"; sleep 0.4
xdotool key ctrl+e; sleep 0.3; xdotool key ctrl+d; sleep 0.5
xdotool key ctrl+shift+h; HIST=$(wait_window "Call history"); focus "$HIST"
xdotool key Tab Return; REVIEW=$(wait_window "Review: .*"); focus "$REVIEW"; sleep 0.5
xdotool key Escape; sleep 0.3
focus "$WIN"; xdotool key ctrl+shift+s; STATS=$(wait_window "My stats"); focus "$STATS"; sleep 0.5
xdotool key Escape
focus "$WIN"
sleep 0.5
stop_app "$WIN"
if grep "^a11y:" "$WORK/app.err" >&2; then fail "controls without a name or a tooltip (above)"; fi
echo "PASS: every control reached has a name and a tooltip"
