#!/usr/bin/env bash
# Notes the agent can trust, driven from the keyboard: misspelt words are underlined and the context
# menu adds one to the personal dictionary; a snippet expands with the caller's name; a card number and
# its CVV are masked before saving; Ctrl+Shift+C puts the CRM summary on the clipboard; a second call
# from the same number shows the earlier one.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.4
xdotool key alt+2; sleep 0.3
xdotool type --delay 15 "Ana Souza"
xdotool key Tab
xdotool type --delay 15 "555-0100"
xdotool key alt+1; sleep 0.2
xdotool type --delay 15 "The custmer recieved a new pasword"
xdotool key Return
xdotool type --delay 15 ";vrf "
xdotool key Return
xdotool type --delay 15 "Paid with card 4111 1111 1111 1111 cvv 123 today"
# A snippet with a gap the call does not know yet: the gap is selected, and typing fills it.
xdotool key Return
xdotool type --delay 15 ";esc "
sleep 0.3
xdotool type --delay 15 "4471"
sleep 1.5
shot notes-spelling-masking "$WIN"

lines=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY line_no)")
expected="The custmer recieved a new pasword|Verified caller: Ana Souza, date of birth, postcode |Paid with card **** **** **** 1111 cvv *** today|Escalated case 4471 with full notes; caller told what happens next "
[ "$lines" = "$expected" ] || fail "notes in the database: '$lines'"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'masked'")" -ge 1 ] || fail "no 'masked' event"
grep -q "Masked a card number" "$WORK/app.err" || fail "the agent was not told about the masking"

# The context menu on a misspelt word (keyboard: Shift+F10), then "Add to dictionary" by its mnemonic.
xdotool key ctrl+Home ctrl+Right Right
xdotool key shift+F10; sleep 0.5
shot spelling-menu
xdotool key a; sleep 0.3
grep -qx "custmer" "$DATA/personal-words.txt" || fail "the word was not added to the personal dictionary"

xdotool key ctrl+shift+c; sleep 0.3
clip=$(xclip -o -selection clipboard)
grep -q "^Caller: Ana Souza$" <<<"$clip" || fail "clipboard: $clip"
grep -q "Verified caller: Ana Souza" <<<"$clip" || fail "notes missing from the summary: $clip"
grep -q "4111 1111" <<<"$clip" && fail "the summary holds the card number"

xdotool key ctrl+e; sleep 0.2; xdotool key ctrl+d; sleep 0.3
# A second call from the same number.
xdotool key ctrl+n; sleep 0.3
xdotool key alt+2; sleep 0.3
xdotool key Tab
xdotool type --delay 15 "555-0100"
sleep 0.5
shot earlier-calls "$WIN"
xdotool search --onlyvisible --name "^Call Companion$" >/dev/null
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE callback_number = '555-0100'")" -ge 1 ] || fail "first call not saved"
# Tab and Shift+Tab in the notes move to other controls: no tab character, and Shift+Tab does not put
# the caret back inside a word the agent goes on typing.
xdotool key alt+1; sleep 0.2
xdotool type --delay 15 "abc"
xdotool key Tab; sleep 0.2
xdotool key alt+1; sleep 0.2
xdotool key shift+Tab; sleep 0.2
xdotool key alt+1; sleep 0.2
xdotool type --delay 15 "def"
sleep 1.5
last=$(sql "$DB" "SELECT group_concat(text, '|') FROM note_lines WHERE call_id = (SELECT max(id) FROM calls)")
[ "$last" = "abcdef" ] || fail "Tab or Shift+Tab changed the notes: '$last'"
# Tabbing out of the notes backwards, however far, and pressing the space bar never reaches a call
# button: the call is still in talk (its buttons are for the mouse; Ctrl+N/H/E/D for the keyboard).
# A new call with no number: no earlier-calls button between the notes and the call buttons.
xdotool key ctrl+e; sleep 0.2; xdotool key ctrl+d; sleep 0.3; xdotool key ctrl+n; sleep 0.5
calls_before=$(sql "$DB" "SELECT count(*) FROM calls")
for n in 1 2 3 4 5 6; do
  xdotool key alt+1; sleep 0.2
  for _ in $(seq "$n"); do xdotool key shift+Tab; done
  sleep 0.2; xdotool key space; sleep 0.2
done
xdotool key Escape; sleep 0.5
[ "$(sql "$DB" "SELECT count(*) FROM calls")" = "$calls_before" ] &&
  [ "$(sql "$DB" "SELECT state FROM calls WHERE id = (SELECT max(id) FROM calls)")" = talking ] ||
  fail "Shift+Tab and space changed the call: calls $calls_before -> $(sql "$DB" "SELECT count(*) FROM calls"), events of the last: $(sql "$DB" "SELECT group_concat(kind) FROM events WHERE call_id = (SELECT max(id) FROM calls)")"
stop_app "$WIN"
echo "PASS: spell-check, personal dictionary, snippet, masking, CRM summary and earlier calls"
