#!/usr/bin/env bash
# The "not my job" referral, from the keyboard: Ctrl+K, a typo, arrow to a result, Enter for its card,
# Alt+I to insert it into the notes, Escape back to the notes. The note line and the timeline event
# must be saved. Hostile input in the search box must not break anything.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
start_companion
xdotool key ctrl+n; sleep 0.4
xdotool type --delay 15 "Caller's home printer is offline"
xdotool key ctrl+k; sleep 0.4
xdotool type --delay 30 '"*-:NEAR( AND ) title:'
sleep 0.4
xdotool key ctrl+a BackSpace
xdotool type --delay 40 "prnter"
sleep 0.8
shot knowledge-results "$WIN"
xdotool key Down; sleep 0.2
xdotool key Return; sleep 0.4
shot knowledge-card "$WIN"
xdotool key alt+i; sleep 0.3
xdotool key Escape; sleep 0.3
xdotool type --delay 15 "Gave the caller the link"
sleep 1.5
shot knowledge-referral-in-notes "$WIN"
kill -0 "$APP_PID" || fail "the app died"
line=$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 1")
[[ "$line" == "Referred to: "*"printer"*"(https://"*")"* ]] || fail "no referral line in the notes: '$line'"
[ "$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 2")" = "Gave the caller the link" ] || fail "Escape did not return to the notes"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'referral'")" = 1 ] || fail "no referral event"
[[ "$line" != *[0-9]:[0-9][0-9] ]] || fail "the referral line repeats its time: '$line'"

# A second search, as the caller says it: the best card shows at once, and Alt+I inserts that card, not
# the printer card the first search showed.
xdotool key ctrl+k; sleep 0.4
xdotool type --delay 15 "hi, my laptop got nicked off the train this morning"
sleep 1.2
shot knowledge-caller-sentence "$WIN"
xdotool key alt+i; sleep 0.3
xdotool key Escape; sleep 1.5
line=$(sql "$DB" "SELECT text FROM note_lines WHERE line_no = 3")
[[ "$line" == "Referred to: Lost or stolen Example Co device"* ]] || fail "Alt+I inserted the wrong card: '$line'"
# The words of that search now lead to the entry (kb_learned).
learned=$(sql "$DB" "SELECT count(*) FROM kb_learned l JOIN kb_entries e ON e.id = l.entry_id WHERE e.title = 'Lost or stolen Example Co device'")
[ "$learned" -ge 2 ] || fail "the referral was not learned ($learned words)"

# The arrows pick a result while the keyboard stays in the box: Down shows the second card, and Alt+I
# inserts that one; letters typed after it still go into the search.
expected=$("$APP" --data-dir "$DATA" kb search --json "printer " | python3 -c 'import json,sys; print(json.load(sys.stdin)[1]["title"])')
xdotool key ctrl+k; sleep 0.4
xdotool key ctrl+a BackSpace
xdotool type --delay 30 "printer "
sleep 1.2
xdotool key Down; sleep 0.3
xdotool key alt+i; sleep 0.3
xdotool key Escape; sleep 1.5
line=$(sql "$DB" "SELECT text FROM note_lines WHERE text <> '' ORDER BY line_no DESC LIMIT 1")
[[ "$line" == "Referred to: $expected"* ]] || fail "Down then Alt+I inserted '$line', not the second result '$expected'"
xdotool key ctrl+k; sleep 0.4
xdotool key ctrl+a BackSpace
xdotool type --delay 30 "printer"; sleep 0.8
xdotool key Down; sleep 0.2
xdotool type --delay 30 " ink"; sleep 1.2
shot knowledge-typing-after-down "$WIN"
xdotool key ctrl+a ctrl+c; sleep 0.2
[ "$(xclip -o -selection clipboard)" = "printer ink" ] || fail "typing after Down did not reach the search box: '$(xclip -o -selection clipboard)'"
xdotool key Escape; sleep 0.3

# A note line that clearly names something another team handles gets a quiet suggestion under the
# notes; the keyboard stays in the notes, and Alt+I inserts it.
xdotool type --delay 15 "her instagram was hacked"
sleep 1.8
shot knowledge-suggestion "$WIN"
xdotool type --delay 15 " yesterday"
xdotool key alt+i; sleep 1.5
[ "$(sql "$DB" "SELECT text FROM note_lines WHERE text <> '' ORDER BY line_no DESC LIMIT 1 OFFSET 1")" = "her instagram was hacked yesterday" ] \
  || fail "typing after the suggestion appeared did not reach the notes"
line=$(sql "$DB" "SELECT text FROM note_lines WHERE text <> '' ORDER BY line_no DESC LIMIT 1")
[[ "$line" == "Referred to: Instagram help center"* ]] || fail "Alt+I did not insert the suggestion: '$line'"
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'referral'")" = 4 ] || fail "referral events missing"

# A team's new entries, imported from the File menu (Alt+F, I): the import runs on its own thread behind
# a progress dialog, and the entry is found at once.
cat >"$WORK/new-entries.csv" <<'CSV'
title,keywords,category,handled_by,phone,url,email,hours,what_to_say,body,last_verified,source
Solar panel feed-in tariff,solar; panels; feed-in; export meter,Energy,Example Co solar team,+1 555-0177,https://example.com/solar,solar@example.com,Mon-Fri 09:00-17:00,The solar team handles feed-in payments.,,2026-11-20,GUI test
CSV
focus "$WIN"
xdotool key alt+f; sleep 0.3
xdotool key i
PICK=$(wait_window "Import knowledge entries")
focus "$PICK"
xdotool key ctrl+a; xdotool type --delay 5 "$WORK/new-entries.csv"; xdotool key Return
for _ in $(seq 50); do
  [ "$(sql "$DB" "SELECT count(*) FROM kb_entries WHERE title = 'Solar panel feed-in tariff'")" = 1 ] && break
  sleep 0.2
done
[ "$(sql "$DB" "SELECT count(*) FROM kb_entries WHERE title = 'Solar panel feed-in tariff'")" = 1 ] \
  || fail "the imported entry is not in the knowledge base"
sleep 0.5
shot knowledge-imported "$WIN"
focus "$WIN"
xdotool key ctrl+k; sleep 0.4
xdotool key ctrl+a BackSpace
xdotool type --delay 20 "they want paying for the electricity their solar panels make"
sleep 1.2
"$APP" --data-dir "$DATA" kb search --json "they want paying for the electricity their solar panels make" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r and r[0]["title"] == "Solar panel feed-in tariff" else 1)' \
  || fail "the imported entry is not the first answer"
xdotool key Escape; sleep 0.3
kill -0 "$APP_PID" || fail "the app died"
stop_app "$WIN"
echo "PASS: a typo and a caller's sentence found their referrals, Alt+I inserted the card shown, a note line's suggestion went in with Alt+I, and an import from the File menu was found at once"
