#!/usr/bin/env bash
# Regression, found by the crash soak: a word flagged by the spell-check that met the edge of a wrapped
# line made Scintilla's squiggle-pixmap style ask wx for a zero-wide bitmap; wx's failed check opened a
# modal "An assertion failed!" dialog that took the keyboard, so the notes typed next went into the
# dialog (and a Return pressed its Stop button). The underline is now drawn without a pixmap, and a
# failed wx check is never a dialog: it is a line on stderr, which this test also counts.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n
typed=""
# "postcode" is not in en_US; the line wraps several times in the 360-pixel window.
for w in postcode driver caller tracking account tracking verified laptop shipped verified modem outage shipped \
         verified driver callback refund caller shipped email outage account callback escalate billing postcode; do
  xdotool type --delay 12 "$w "; typed+="$w "
  others=$(xdotool search --onlyvisible --name "" 2>/dev/null | while read -r id; do xdotool getwindowname "$id"; done \
           | grep -vx -e "Call Companion" -e "" || true)
  [ -z "$others" ] || { shot misspelt-word-at-wrap; fail "a window took the keyboard while typing: $others"; }
done
sleep 1.2
[ "$(sql "$DB" "SELECT group_concat(text, char(10)) FROM note_lines")" = "$typed" ] || fail "notes typed were lost"
! grep "wx check failed" "$WORK/app.err" || fail "wx checks failed while painting the notes"
stop_app "$WIN"
echo "PASS: a misspelt word at a wrapped line's edge is underlined without a failed check or a dialog"
