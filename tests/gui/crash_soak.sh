#!/usr/bin/env bash
# Crash soak: the real app on a temp data folder, a call in progress, notes typed through the real
# editor and autosave, and SIGKILL at a random moment, KILLS times. After each kill it checks that
#   - every note typed more than 1 s before the kill is in the database (autosave promises the disk
#     within 1 s of the last keystroke), and nothing that was not typed;
#   - PRAGMA integrity_check is ok;
#   - the next start restores the unfinished call (a 'restored' event, and the agent is told).
# Now and then the restart is killed as well, before its window is up (the checks then are the same
# notes and integrity_check). The kill moments and the words come from SEED, printed first, so a
# failing run can be replayed.
#
#   bash tests/gui/crash_soak.sh build/release/call-companion build/release [KILLS [SEED]]
# CI (ctest gui_crash_soak) runs 20 kills; the long run is 200.
source "$(dirname "$0")/xvfb.sh"
KILLS=${3:-20}
SEED=${4:-$(( $(date +%s) % 100000 ))}
RANDOM=$SEED
echo "crash soak: $KILLS kills, seed $SEED (replay: $0 APP BUILD $KILLS $SEED)"

WORDS=(caller router reset password modem account billing refund invoice printer driver laptop email
       outage ticket escalate verified callback address postcode warranty replaced shipped tracking)
kills=0 startup_kills=0 restores=0 lines_checked=0 chunks_checked=0 failures=0
now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
soak_fail() {
  failures=$((failures + 1)); echo "FAIL (kill $kills, seed $SEED): $*" >&2
  [ -s "$WORK/app.err" ] && sed 's/^/  app: /' "$WORK/app.err" >&2
  shot "crash-soak-failure-$failures" >/dev/null 2>&1 || true
}
notes_in_db() { sql "$DB" "SELECT group_concat(text, char(10)) FROM (SELECT text FROM note_lines WHERE call_id = (SELECT id FROM calls WHERE finished = 0 ORDER BY id DESC LIMIT 1) ORDER BY line_no)"; }

# Every random choice is drawn here, before any timing can change how many are used: a seed gives the
# same kill moments, restart kills and words on every machine.
declare -a KILL_AFTER EARLY_KILL PLAN
for ((k = 1; k <= KILLS; k++)); do
  KILL_AFTER[k]=$(( RANDOM % 3000 ))
  (( RANDOM % 8 == 0 )) && EARLY_KILL[k]=$(( RANDOM % 400 )) || EARLY_KILL[k]=-1
  plan=""
  for ((c = 0; c < 120; c++)); do
    if (( RANDOM % 6 == 0 )); then plan+=$'\n'; else plan+="${WORDS[RANDOM % ${#WORDS[@]}]} "; fi
    plan+=$'\t'
  done
  PLAN[k]=$plan
done

start_xvfb
t0=$(now_ms)
# The app is left out of the shell's job table, so 200 kills do not print 200 "Killed" lines.
start_soaked_app() {
  "$APP" --data-dir "$DATA" >"$WORK/app.out" 2>"$WORK/app.err" &
  APP_PID=$!
  disown "$APP_PID"
}
DATA="$WORK/data" DB="$WORK/data/companion.db"
start_soaked_app
WIN=$(wait_window "Call Companion")
focus "$WIN"
xdotool key ctrl+n
sleep 0.3
base=""  # the notes as they stand in the database when typing resumes

for ((k = 1; k <= KILLS; k++)); do
  # Typing goes on in the foreground; the kill comes from the background at a random moment in the
  # first 3 s, sometimes before a single key is typed.
  kill_after=${KILL_AFTER[k]}
  IFS=$'\t' read -r -d '' -a chunks <<< "${PLAN[k]}" || true
  rm -f "$WORK/killed_at"
  ( sleep "$(printf '%d.%03d' $((kill_after / 1000)) $((kill_after % 1000)))"; now_ms > "$WORK/killed_at.tmp"; mv "$WORK/killed_at.tmp" "$WORK/killed_at"
    kill -9 "$APP_PID" ) 2>/dev/null &
  killer=$!
  typed="$base" stamps=() texts=()
  c=0
  while [ ! -e "$WORK/killed_at" ] && kill -0 "$APP_PID" 2>/dev/null && (( c < ${#chunks[@]} )); do
    chunk=${chunks[c]}; c=$((c + 1))
    if [ "$chunk" = $'\n' ]; then
      [ -n "$typed" ] || continue
      xdotool key Return
    else
      xdotool type --delay 12 "$chunk"
    fi
    # The chunk's last key has been sent when xdotool returns: that is its keystroke time.
    typed+="$chunk"; stamps+=("$(now_ms)"); texts+=("$typed")
  done
  wait "$killer" 2>/dev/null || true
  while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.01; done
  APP_PID=""
  kills=$k
  killed_at=$(cat "$WORK/killed_at")
  [ -n "${SOAK_DEBUG:-}" ] && echo "kill $k after ${kill_after} ms: ${#stamps[@]} chunks, first $(( ${stamps[0]:-$killed_at} - killed_at )) ms, last $(( ${stamps[-1]:-$killed_at} - killed_at )) ms from the kill" >&2

  # What must be on disk: everything typed up to 1 s before the kill.
  required="$base"
  for i in "${!stamps[@]}"; do
    if (( stamps[i] <= killed_at - 1000 )); then required="${texts[i]}"; chunks_checked=$((chunks_checked + 1)); fi
  done
  saved=$(notes_in_db)
  # $(...) drops trailing newlines: compare without them on both sides.
  req_trim=$(printf '%s' "$required") typed_trim=$(printf '%s' "$typed")
  if [[ "$saved" != "$req_trim"* ]]; then
    # How far behind the kill the database was: the last chunk it holds in full.
    behind="before this round's typing"
    for i in "${!stamps[@]}"; do
      t=$(printf '%s' "${texts[i]}")
      [[ "$saved" == "$t"* ]] && behind="$(( killed_at - stamps[i] )) ms"
    done
    soak_fail "typed more than 1 s before the kill but not saved: the database holds what was typed up to $behind before it (kill after ${kill_after} ms, ${#stamps[@]} chunks typed; both texts in $BUILD/crash_soak-kill-$k.txt)"
    printf 'typed (required up to 1 s before the kill):\n%s\n\nin the database:\n%s\n' "$req_trim" "$saved" > "$BUILD/crash_soak-kill-$k.txt"
  elif [[ "$typed_trim" != "$saved"* ]]; then
    soak_fail "the database holds notes that were never typed: '${saved: -60}'"
  fi
  lines_checked=$(( lines_checked + $(printf '%s' "$req_trim" | grep -c '' || true) ))
  ! grep -q "wx check failed" "$WORK/app.err" || soak_fail "a wx check failed before the kill"
  integrity=$(sql "$DB" "PRAGMA integrity_check")
  [ "$integrity" = ok ] || soak_fail "integrity_check after the kill: $integrity"

  if (( EARLY_KILL[k] >= 0 )); then
    # Now and then the restart is killed too, before its window is up: while it opens the database
    # or writes the restore.
    early=${EARLY_KILL[k]}
    start_soaked_app
    sleep "$(printf '0.%03d' "$early")"
    kill -9 "$APP_PID" 2>/dev/null || true
    while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.01; done
    startup_kills=$((startup_kills + 1))
    [ "$(notes_in_db)" = "$saved" ] || soak_fail "a kill $early ms into the restart changed the notes"
    integrity=$(sql "$DB" "PRAGMA integrity_check")
    [ "$integrity" = ok ] || soak_fail "integrity_check after a kill $early ms into the restart: $integrity"
  fi
  restored_before=$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'restored'")
  start_soaked_app
  WIN=$(wait_window "Call Companion")
  restored_after=$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'restored'")
  unfinished=$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 0")
  if [ "$restored_after" = $((restored_before + 1)) ] && [ "$unfinished" = 1 ] \
     && grep -q "was restored with its notes" "$WORK/app.err"; then
    restores=$((restores + 1))
  else
    soak_fail "the call was not restored (restored events $restored_before -> $restored_after, unfinished calls $unfinished)"
  fi
  # The editor shows what was restored: carry on typing at its end.
  # (sqlite3 ends its output with one newline; the notes' own trailing newlines are kept.)
  base=$(notes_in_db; printf x); base=${base%x}; base=${base%$'\n'}
  focus "$WIN"
  xdotool key alt+1 ctrl+End
done

# The last restored call can still be finished normally.
xdotool key ctrl+e; sleep 0.2; xdotool key ctrl+d; sleep 0.3
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 0")" = 0 ] || soak_fail "the restored call could not be finished"
stop_app "$WIN"
[ "$(sql "$DB" "PRAGMA integrity_check")" = ok ] || soak_fail "integrity_check at the end"
secs=$(( ($(now_ms) - t0) / 1000 ))
echo "crash soak: seed $SEED, $kills kills while typing and $startup_kills during a restart, $restores restores verified, $chunks_checked words and line breaks typed >1 s before a kill found on disk ($lines_checked note lines checked in all), $failures failures, ${secs} s"
[ "$failures" = 0 ] || exit 1
echo "PASS: $kills SIGKILLs lost no note typed more than 1 s before them; every call came back"
