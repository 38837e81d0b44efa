#!/usr/bin/env bash
# A day in the life, from the keyboard only, in a 360x640 window: the three sessions of issue #14.
# 1. The agent: a tense help-desk call, then the same caller again, greeted by name. A prompt shows; a menu opened and closed with Escape swallows
#    nothing and holds nobody; a card number read out is masked; a hold; the caller's words searched
#    and the referral inserted; a snippet from Ctrl+J's picker; wrap-up refuses "(not set)" under the
#    team's outcome rule and takes the outcome from the keyboard.
# 2. The new hire: training mode, the billing script walked with its keys (Alt+X, a branch by its
#    number, a checklist item by Ctrl+digit), a practice call whose customer follows the branch taken
#    and that says at the end how it went.
# 3. The reviewer: the history, the first call's review, scores from the keyboard and a summary;
#    Escape asks before anything is lost; saved; the HTML report holds the scores and the summary.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
DATA="$WORK/data"
mkdir -p "$DATA"
printf '[agent]\nname=Ana Agent\ncompany=Acme IT\n[calls]\nrequire_outcome=1\n' > "$DATA/settings.ini"
start_companion
xdotool windowsize "$WIN" 360 640; sleep 0.5
xdotool mousemove 1279 799 # out of every window: no tooltip over the screenshots
events() { sql "$DB" "SELECT kind || ': ' || $EVENT_FACTS FROM events WHERE call_id = (SELECT max(id) FROM calls) ORDER BY id"; }

# --- 1. The agent -------------------------------------------------------------------------------
xdotool key ctrl+n; sleep 0.4
xdotool key alt+2; sleep 0.3
xdotool type --delay 10 "Robin Example"
xdotool key Tab; xdotool type --delay 10 "555-0142"
xdotool key alt+1; sleep 0.2
xdotool type --delay 10 "Caller is furious, third outage this week"
sleep 1.6
events | grep -q "^prompt: " || fail "no prompt showed for a furious caller"
xdotool key alt+c; sleep 0.4; xdotool key Escape; sleep 0.3
xdotool key Return
xdotool type --delay 10 "he says the wifi keeps dropping at home"
xdotool key Return
xdotool type --delay 10 "Read out his card 4111 1111 1111 1111 before I could stop him"
sleep 1.4
[ "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'held'")" = 0 ] || fail "the caller went on hold unasked"
sql "$DB" "SELECT text FROM note_lines" | grep -q "4111 1111 1111 1111" && fail "the card number reached the disk"
sql "$DB" "SELECT text FROM note_lines" | grep -q "he says the wifi keeps dropping at home" || fail "typed words were lost"
xdotool key ctrl+h; sleep 1.2; xdotool key ctrl+h; sleep 0.3
shot day-agent-call "$WIN"
xdotool key ctrl+k; sleep 0.3
xdotool type --delay 20 "his home wifi keeps dropping"; sleep 1.2
xdotool key Return; sleep 0.4
shot day-agent-search "$WIN"
xdotool key alt+i; sleep 0.4
xdotool key Escape; sleep 0.2
xdotool key ctrl+End Return
xdotool key ctrl+j; PICK=$(wait_window "Insert a snippet"); focus "$PICK"
xdotool type --delay 20 "callback"; sleep 0.3
xdotool key Return; sleep 0.4
focus "$WIN"
xdotool key ctrl+e; sleep 0.6
xdotool key ctrl+d; sleep 0.5
[ "$(sql "$DB" "SELECT finished FROM calls WHERE id = 1")" = 0 ] || fail "wrap-up finished without the outcome the team asks for"
# Ctrl+D put the keyboard on the outcome: Referred elsewhere is the second outcome.
xdotool key space; sleep 0.4; xdotool key Down Down Return; sleep 0.4
shot day-agent-wrap-up "$WIN"
xdotool key ctrl+d; sleep 0.8
[ "$(sql "$DB" "SELECT finished || outcome FROM calls WHERE id = 1")" = "1referred" ] \
  || fail "the call was not finished as referred: $(sql "$DB" "SELECT finished, outcome FROM calls WHERE id = 1")"
notes=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines WHERE call_id = 1 ORDER BY line_no)")
grep -q "Referred to: " <<<"$notes" || fail "the referral is not in the notes: $notes"
grep -q "Agreed to call Robin Example back on 555-0142" <<<"$notes" || fail "the snippet is not in the notes, filled: $notes"
grep -q "\*\*\*\* \*\*\*\* \*\*\*\* 1111\|\*\{12\}1111\|1111" <<<"$notes" || fail "the masked card line is missing: $notes"

# The same caller rings again: their number brings their name back, and the status bar says so.
xdotool key ctrl+n; sleep 0.4
xdotool key alt+2; sleep 0.3
xdotool key Tab; xdotool type --delay 10 "555-0142"; sleep 1.2
shot day-agent-repeat-caller "$WIN"
[ "$(sql "$DB" "SELECT caller_name FROM calls WHERE id = 2")" = "Robin Example" ] \
  || fail "the repeat caller's name was not carried: '$(sql "$DB" "SELECT caller_name FROM calls WHERE id = 2")'"
xdotool key ctrl+e; sleep 0.5; xdotool key ctrl+d; sleep 0.4
xdotool key space; sleep 0.4; xdotool key Down Return; sleep 0.3; xdotool key ctrl+d; sleep 0.6
[ "$(sql "$DB" "SELECT finished FROM calls WHERE id = 2")" = 1 ] || fail "the repeat call was not finished"

# --- 2. The new hire ----------------------------------------------------------------------------
xdotool key ctrl+shift+t; sleep 0.3
xdotool key alt+5; sleep 0.4
xdotool key Down; sleep 0.4          # the picker's first script: Billing question
xdotool key alt+p; sleep 0.6         # a practice call with its simulated customer
xdotool key alt+l; sleep 0.3         # the customer's first line, then the script's steps
xdotool key alt+x; sleep 0.3         # opening -> verify
xdotool key ctrl+1; sleep 0.2        # identity checked
xdotool key 1; sleep 0.3             # verified -> what is the question
xdotool key alt+l; sleep 0.3         # "Sam Okafor, ..." (after verify)
xdotool key alt+l; sleep 0.3         # "It's the bill dated ..." (after what-question)
xdotool key 3; sleep 0.3             # a refund or credit -> refund-request
xdotool key alt+l; sleep 0.3
xdotool key alt+l; sleep 0.3
xdotool key 2; sleep 0.3             # Billing must decide -> raise-dispute
xdotool key alt+l; sleep 0.3         # the dispute branch's line, not the credit branch's
shot day-new-hire-practice "$WIN"
practice_id=$(sql "$DB" "SELECT max(id) FROM calls")
[ "$(sql "$DB" "SELECT training FROM calls WHERE id = $practice_id")" = 1 ] || fail "the practice call counts as real"
grep -q "^branch: .*Billing must decide" <<<"$(events)" || fail "the branch was not taken by its number: $(events)"
grep -q "^check: " <<<"$(events)" || fail "Ctrl+1 did not tick the checklist: $(events)"
xdotool key ctrl+e; sleep 0.6
shot day-new-hire-summary "$WIN"
summary=$(events | grep "^practice-over: " || true)
[ "$summary" = "practice-over: 6 | 12 | 5" ] || fail "practice summary: '$summary' in $(events)"
xdotool key Escape; sleep 0.2
xdotool key ctrl+d; sleep 0.6       # the outcome rule holds for practice calls too
xdotool key space; sleep 0.4; xdotool key Down Return; sleep 0.3; xdotool key ctrl+d; sleep 0.6
shot day-new-hire-done "$WIN"   # how the practice went stays in the window once it is done
xdotool key ctrl+shift+t; sleep 0.3

# --- 3. The reviewer ----------------------------------------------------------------------------
xdotool key ctrl+shift+h
HIST=$(wait_window "Call history"); focus "$HIST"; sleep 0.5
xdotool key ctrl+f; xdotool type --delay 20 "wifi"; sleep 0.8
xdotool key Down Return
REVIEW=$(wait_window "Review: .*, Robin Example"); focus "$REVIEW"; sleep 0.6
xdotool key alt+r; xdotool type --delay 10 "Dana QA"
# Greeting from its list (Down through "–", "N/A", 0..5), verification by typing its score.
xdotool key Tab space; sleep 0.3
for _ in $(seq 7); do xdotool key Down; done
xdotool key Return; sleep 0.2
xdotool key Tab 4; sleep 0.3
xdotool key alt+u; xdotool type --delay 10 "Calm with an angry caller; a warm referral"
xdotool key alt+t; sleep 0.2
xdotool key Escape; sleep 0.8
ASK=$(wait_window "Unsaved review"); focus "$ASK"
shot day-review-asks
xdotool key Escape; sleep 0.5      # keep reviewing: nothing lost
focus "$REVIEW"
xdotool key ctrl+s; sleep 0.5
shot day-review-saved "$REVIEW"
R="$DATA/reviews.db"
[ "$(sql "$R" "SELECT group_concat(criterion_id || '=' || score, ',') FROM (SELECT * FROM review_scores ORDER BY criterion_id)")" \
  = "greeting=5,verification=4" ] || fail "the scores did not survive Escape: $(sql "$R" "SELECT * FROM review_scores")"
xdotool key Escape; sleep 0.6
xdotool search --onlyvisible --name "^Review: " >/dev/null 2>&1 && fail "a saved review did not close on Escape"
focus "$HIST"; xdotool key Escape; sleep 0.3
stop_app "$WIN"

DISPLAY= "$APP" export --format html --data-dir "$DATA" "$WORK/report.html"
grep -q "Dana QA" "$WORK/report.html" || fail "the HTML export has no review"
grep -q "Calm with an angry caller; a warm referral" "$WORK/report.html" || fail "the HTML export has no summary"
[ "$(sql "$R" "SELECT summary FROM reviews")" = "Calm with an angry caller; a warm referral" ] || fail "summary: $(sql "$R" "SELECT * FROM reviews")"
grep -q "Robin Example" "$WORK/report.html" || fail "the HTML export lacks the call"
grep -q "{company}\|{caller_name}\|{agent_name}" "$WORK/report.html" && fail "a raw placeholder in the export"
grep -q "4111 1111 1111 1111" "$WORK/report.html" && fail "the card number is in the export"
echo "PASS: a day in the life: the agent's call, the new hire's practice and the reviewer's scores, from the keyboard"
