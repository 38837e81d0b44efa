#!/usr/bin/env bash
# QA review from the keyboard: two calls are taken (notes, a hold, a prompt, a referral); the history
# (Ctrl+Shift+H) lists them and its search finds one by a word of its notes; Enter opens its review with
# the timeline; the reviewer scores four criteria, pins a comment at the hold and saves (Ctrl+S). The
# scores land in reviews.db and the agent's calls are byte-for-byte what they were. Then the calls are
# exported as an archive and opened read-only by another data folder's companion, and the agent's
# stats window opens.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
DATA="$WORK/data"
mkdir -p "$DATA"
printf '[agent]\nname=Ana Agent\n' > "$DATA/settings.ini"
start_companion

xdotool key ctrl+n; sleep 0.4
xdotool key alt+2; sleep 0.3
xdotool type --delay 10 "Ana Souza"
xdotool key alt+1; sleep 0.2
xdotool type --delay 10 "Caller is furious about the third outage"
sleep 1.5
xdotool key Escape Return
xdotool type --delay 10 "Printer offline since the update"
xdotool key ctrl+h; sleep 1.2; xdotool key ctrl+h; sleep 0.3
xdotool key ctrl+k; sleep 0.3
xdotool type --delay 30 "prnter"; sleep 0.8
xdotool key Down Return; sleep 0.3
xdotool key alt+i; sleep 0.3
xdotool key Escape; sleep 0.2
xdotool type --delay 10 "Gave the caller the link"
sleep 0.5
xdotool key ctrl+e; sleep 0.5; xdotool key ctrl+d; sleep 0.5
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 10 "Mailbox full, asked for more quota"
sleep 0.4
xdotool key ctrl+e; sleep 0.3; xdotool key ctrl+d; sleep 0.8

# The agent looks back at a call of today: Today's page (Alt+3), the older call (End), Enter opens its
# review, and the call's state is left alone.
xdotool key alt+3; sleep 0.4
xdotool key End; sleep 0.2
xdotool key Return
TODAY_REVIEW=$(wait_window "Review: .*, Ana Souza")
shot today-opens-review "$TODAY_REVIEW"
focus "$TODAY_REVIEW"; xdotool key Escape; sleep 0.5
TODAY_HIST=$(wait_window "Call history")
focus "$TODAY_HIST"; xdotool key Escape; sleep 0.5
xdotool search --onlyvisible --name "^Call history$" >/dev/null 2>&1 && fail "the history opened from Today did not close"
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 0")" = 0 ] || fail "Enter on Today's list started a call"
focus "$WIN"

calls_before=$(sql "$DB" "SELECT group_concat(id || caller_name || talk_ms || hold_ms, '|') FROM calls")
notes_before=$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY call_id, line_no)")
events_before=$(sql "$DB" "SELECT count(*) FROM events")

xdotool key ctrl+shift+h
HIST=$(wait_window "Call history")
focus "$HIST"
shot history "$HIST"
xdotool key ctrl+f
xdotool type --delay 30 "furious"
sleep 0.6
shot history-search "$HIST"
xdotool key Tab; sleep 0.2
xdotool key Return
REVIEW=$(wait_window "Review: .*, Ana Souza")
# Return on the same call again brings its review window forward instead of opening a second one
# (a second window, saved later, overwrote what the first had saved).
focus "$HIST"; xdotool key Return; sleep 0.8
[ "$(xdotool search --onlyvisible --name '^Review: .*, Ana Souza$' | wc -l)" = 1 ] \
  || fail "a second review window of the same call opened"
focus "$REVIEW"
shot review-timeline "$REVIEW"

# Score: greeting 5/5, verification 4/5, listening 5/5, empathy 3/5 (each choice: "–", "N/A", 0..5).
xdotool key alt+r
xdotool type --delay 10 "Dana QA"
for s in 5 4 5 3; do
  xdotool key Tab space; sleep 0.3
  for _ in $(seq $((s + 2))); do xdotool key Down; done
  xdotool key Return; sleep 0.2
done
# A comment pinned at the hold: the timeline's sixth line is "Caller put on hold".
xdotool key alt+t; sleep 0.2
for _ in 1 2 3 4 5; do xdotool key Down; done
xdotool key ctrl+m; sleep 0.8
xdotool type --delay 10 "Good: told the caller why and for how long"
xdotool key Return; sleep 0.5
focus "$REVIEW"
xdotool key ctrl+s; sleep 0.5
shot review-scored "$REVIEW"

R="$DATA/reviews.db"
[ -f "$R" ] || fail "no reviews.db"
[ "$(stat -c %a "$R")" = 600 ] || fail "reviews.db is readable by others"
[ "$(sql "$R" "SELECT reviewer || '|' || scorecard_id || '|' || round(percent, 1) FROM reviews")" = "Dana QA|standard|82.9" ] \
  || fail "review row: $(sql "$R" "SELECT * FROM reviews")"
[ "$(sql "$R" "SELECT group_concat(criterion_id || '=' || score, ',') FROM (SELECT * FROM review_scores ORDER BY criterion_id)")" \
  = "empathy=3,greeting=5,listening=5,verification=4" ] || fail "scores: $(sql "$R" "SELECT * FROM review_scores")"
comment=$(sql "$R" "SELECT offset_ms || '|' || text FROM review_comments")
[[ "$comment" == *"|Good: told the caller why and for how long" ]] || fail "pinned comment: '$comment'"
hold_at=$(sql "$DB" "SELECT offset_ms FROM events WHERE kind = 'held'")
[ "${comment%%|*}" = "$hold_at" ] || fail "the comment is at ${comment%%|*} ms, the hold at $hold_at ms"

# Review changed nothing of the agent's.
[ "$(sql "$DB" "SELECT group_concat(id || caller_name || talk_ms || hold_ms, '|') FROM calls")" = "$calls_before" ] \
  || fail "the calls changed under review"
[ "$(sql "$DB" "SELECT group_concat(text, '|') FROM (SELECT text FROM note_lines ORDER BY call_id, line_no)")" = "$notes_before" ] \
  || fail "the notes changed under review"
[ "$(sql "$DB" "SELECT count(*) FROM events")" = "$events_before" ] || fail "events were added by review"
[ "$(sql "$DB" "SELECT count(*) FROM sqlite_master WHERE name LIKE 'review%'")" = 0 ] \
  || fail "review tables in the agent's database"

# Save as HTML (Alt+H) writes the report as printed: the call, the scores, the summary and the comments.
focus "$REVIEW"
xdotool key alt+h
SAVE=$(wait_window "Save the call's report")
sleep 0.5
shot review-save-html "$SAVE"
focus "$SAVE"
xdotool key ctrl+a; xdotool type --delay 5 "$WORK/report.html"; xdotool key Return; sleep 1
[ -f "$WORK/report.html" ] || fail "Save as HTML wrote nothing"
grep -q "Dana QA" "$WORK/report.html" || fail "the saved report has no reviewer"
grep -q "<title>Call Companion: call review</title>" "$WORK/report.html" || fail "the saved report has no title"
grep -q "<style>" "$WORK/report.html" || fail "the saved report is not styled as the export is"
grep -q "82.9\|83%" "$WORK/report.html" || fail "the saved report has no score"
grep -q "Good: told the caller why and for how long" "$WORK/report.html" || fail "the saved report has no pinned comment"
[ "$(stat -c %a "$WORK/report.html")" = 600 ] || fail "the report is readable by others"
# The headless export's HTML carries the saved review too.
"$APP" export --format html --data-dir "$DATA" "$WORK/export.html" 2>/dev/null || fail "export --format html failed"
grep -q "reviewed by Dana QA" "$WORK/export.html" || fail "export --format html has no review"
grep -q "Good: told the caller why and for how long" "$WORK/export.html" || fail "export --format html has no pinned comment"

# Print (Ctrl+P) shows the pages first; closing the preview leaves the review as it was, still taking
# the keyboard (the steps below pin and save through it).
focus "$REVIEW"
xdotool key ctrl+p
PREVIEW=$(wait_window "Call review: print preview")
sleep 0.8
shot review-print-preview "$PREVIEW"
focus "$PREVIEW"; xdotool key Escape; sleep 0.6
xdotool search --onlyvisible --name "^Call review: print preview$" >/dev/null 2>&1 && fail "Escape did not close the print preview"
xdotool search --onlyvisible --name "^Review: .*, Ana Souza$" >/dev/null || fail "the review closed with the print preview"

# Unsaved work is never lost to Escape: a second comment, then Escape asks first, and Enter saves.
focus "$REVIEW"
xdotool key alt+t; sleep 0.2
xdotool key ctrl+m; sleep 0.8
xdotool type --delay 10 "Second look: the recap was short"
xdotool key Return; sleep 0.5
focus "$REVIEW"
xdotool key Escape
ASK=$(wait_window "Unsaved review")
shot review-close-asks "$ASK"
focus "$ASK"; xdotool key Return; sleep 0.8
[ "$(sql "$R" "SELECT count(*) FROM review_comments")" = 2 ] || fail "Escape lost the unsaved comment"
xdotool search --onlyvisible --name "^Review: " >/dev/null 2>&1 && fail "the review stayed open after saving"
shot history-reviewed "$HIST"
# The history window's own export (Ctrl+E, HTML) carries the reviews as well.
focus "$HIST"
xdotool key ctrl+e
EXPORT=$(wait_window "Export [0-9]* calls*")
focus "$EXPORT"
xdotool key ctrl+a; xdotool type --delay 5 "$WORK/history-export.html"; xdotool key Return; sleep 1
[ -f "$WORK/history-export.html" ] || fail "the history's export wrote nothing"
grep -q "reviewed by Dana QA" "$WORK/history-export.html" || fail "the history's HTML export has no review"
grep -q "Second look: the recap was short" "$WORK/history-export.html" \
  || fail "the history's HTML export has no pinned comment"
focus "$WIN"
xdotool key ctrl+shift+s
STATS=$(wait_window "My stats")
sleep 0.3
shot stats "$STATS"

# Another reviewer's machine: the calls as an archive, opened read-only by a companion on another folder.
"$APP" export --format archive --data-dir "$DATA" "$WORK/ana.ccarchive" 2>/dev/null || fail "archive export"
"$APP" --data-dir "$WORK/reviewer" --archive "$WORK/ana.ccarchive" >"$WORK/second.out" 2>"$WORK/second.err" &
SECOND=$!
ARCH=$(wait_window "Call history: Ana Agent .archive, read-only.")
shot archive-history "$ARCH"
kill "$SECOND" 2>/dev/null; wait "$SECOND" 2>/dev/null || true
[ "$(sql "$WORK/ana.ccarchive" "SELECT count(*) FROM calls")" = 2 ] || fail "the archive does not hold both calls"

kill -0 "$APP_PID" || fail "the app died"
stop_app "$WIN"
echo "PASS: history, search, review timeline, scorecard with a pinned comment saved apart, stats, archive opened read-only"
