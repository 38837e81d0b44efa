#!/usr/bin/env bash
# Nothing changes the call unasked. During a call with a prompt showing, a seeded random run of a few
# hundred key sequences as an agent's hands make them: menus opened from the keyboard, moved about in
# and closed with Escape, Escape alone, Tab and Shift+Tab, arrows, words typed into the notes, and now
# and then the hold shortcut pressed twice. The call's state may change only through that shortcut
# (every hold in the timeline is one of its presses, and the call is still on at the end), and every
# letter typed for the notes is in the saved notes, and nothing else. (The menu that swallowed letters
# after Escape went to a prompt is pinned down by menu_escape.sh; this run guards the rest.)
#   random_keys.sh APP BUILD [SEED] [ACTIONS]
source "$(dirname "$0")/xvfb.sh"
SEED=${3:-11}
ACTIONS=${4:-160}
RANDOM=$SEED
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.4
xdotool type --delay 15 "Caller is furious about the outage "
sleep 1.6
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'prompt'")" -ge 1 ] \
  || fail "no prompt showed: the run needs one"

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
word() { local w="q" n=$((3 + RANDOM % 4)) letters=abcdefghijklmnoprstuvwyz; for _ in $(seq $n); do w+=${letters:RANDOM%24:1}; done; echo "$w"; }
typed=()
holds=0
for i in $(seq "$ACTIONS"); do
  case $((RANDOM % 9)) in
    0|1|2) # words for the notes, typed where the notes have the keyboard
      # Alt+1 puts the keyboard in the notes; the words wait for it (a space typed while a button still
      # had the keyboard would press it: the agent's own key, but not what this run means).
      xdotool key alt+1; sleep 0.25
      # Now and then the caller is furious again: the empathy prompt comes back.
      if [ $((RANDOM % 5)) = 0 ]; then w=furious; else w=$(word); fi
      typed+=("$w"); xdotool type --delay 8 "$w " ;;
    3) # a menu opened from the keyboard or with the mouse, moved about in, then closed
      if [ $((RANDOM % 3)) = 0 ]; then xdotool mousemove --window "$WIN" "$(pick 19 59 103 150)" 12 click 1
      else xdotool key "$(pick alt+f alt+c alt+v alt+h F10)"; fi
      sleep 0.15
      for _ in $(seq $((RANDOM % 4))); do xdotool key "$(pick Down Up Left Right)"; done
      xdotool key Escape; sleep 0.1 ;;
    4) xdotool key Escape ;;
    5) xdotool key "$(pick Tab shift+Tab Tab)" ;;
    6) xdotool key "$(pick Left Right Up Down Home End)" ;;
    7) # the agent's own hold shortcut, on and off again
      if [ $((RANDOM % 4)) = 0 ]; then xdotool key ctrl+h; sleep 0.2; xdotool key ctrl+h; holds=$((holds + 1)); fi ;;
    8) # a new line in the notes
      xdotool key alt+1; sleep 0.25; xdotool key Return ;;
  esac
  sleep 0.03
done
xdotool key alt+1; sleep 1.8
shot random-keys-end "$WIN"
kill -0 "$APP_PID" || fail "the app died"
notes=$(sql "$DB" "SELECT group_concat(text, ' ') FROM (SELECT text FROM note_lines ORDER BY line_no)")
# The arrows move the caret, so a word may land inside earlier text, even inside an earlier word: what
# must hold is that every letter typed is there, and nothing else, whatever the order.
python3 - "Caller is furious about the outage ${typed[*]}" "$notes" <<'PY' || fail "letters typed for the notes are missing or extra (seed $SEED)"
import sys
from collections import Counter
typed, notes = (Counter(c for c in t if not c.isspace()) for t in sys.argv[1:3])
if typed != notes:
    print("missing:", dict(typed - notes), "extra:", dict(notes - typed), file=sys.stderr)
    sys.exit(1)
PY
held=$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'held'")
[ "$held" = "$holds" ] || fail "the call went on hold $held times; the agent asked $holds times (seed $SEED)"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind IN ('ended', 'done')")" = 0 ] || fail "the call was ended unasked (seed $SEED)"
stop_app "$WIN"
echo "PASS: $ACTIONS random key sequences (seed $SEED): ${#typed[@]} words all in the notes, $holds holds all asked for, the call untouched otherwise"
