#!/usr/bin/env bash
# Two companions on one machine (two data folders, alice and bob) sync their calls to a real PostgreSQL
# (tests/server/cluster.sh), played from the keyboard; a reviewer of their team reviews one from the
# server and its agent's PC receives the review; the other team's reviewer sees none. While the server
# holds the calls table locked, or is stopped dead, the agent's keystrokes and call states are not held
# up, and the calls catch up.
source "$(dirname "$0")/xvfb.sh"
# A cluster of this test's own (tests/server/cluster.sh): it is paused on purpose below, and the other
# server tests go on meanwhile on theirs.
CLUSTER="$(dirname "$0")/../server/cluster.sh"
CC_TEST_SERVER="$WORK/pg"
bash "$CLUSTER" start "$CC_TEST_SERVER" >/dev/null || fail "the test's PostgreSQL did not start"
# shellcheck source=/dev/null
. "$CC_TEST_SERVER/env"

db="cc_gui_$$"
psql_as() { # psql_as LOGIN SQL: one value, as that login, over TLS that checks the server
  PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$CC_TEST_SERVER/ca.crt" \
    psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CC_PG_PORT" -U "$1" -d "$db" -c "$2"
}
admin() { PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$CC_TEST_SERVER/ca.crt" \
  psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CC_PG_PORT" -U ccadmin -d "${2:-$db}" -c "$1"; }
admin "CREATE DATABASE $db" postgres
trap 'rc=$?; bash "$CLUSTER" resume "$CC_TEST_SERVER" 2>/dev/null; bash "$CLUSTER" stop "$CC_TEST_SERVER"; cleanup $rc' EXIT

# Each login's server.toml, pointed at this test's database.
for login in ccadmin alice bob rita; do
  mkdir -p "$WORK/$login"
  sed "s/^database = .*/database = \"$db\"/" "$CC_TEST_SERVER/$login.toml" >"$WORK/$login/server.toml"
  cp "$CC_TEST_SERVER/ca.crt" "$WORK/$login/"
  chmod 600 "$WORK/$login/server.toml"
done
"$APP" server init --config "$WORK/ccadmin/server.toml" >/dev/null || fail "server init failed"
admin "SELECT cc.add_member('alice', 'north', 'agent'), cc.add_member('bob', 'north', 'agent'),
              cc.add_member('rita', 'north', 'reviewer'), cc.add_member('sam', 'south', 'reviewer')" >/dev/null

start_xvfb

# play_call CALLER NOTES: a call from the keyboard: start, the caller's name, notes, hold and back, end,
# wrap-up done
play_call() {
  focus "$WIN"
  xdotool key ctrl+n; sleep 0.5
  xdotool key alt+2; sleep 0.3; xdotool type --delay 10 "$1"
  xdotool key alt+1; sleep 0.2
  xdotool type --delay 15 "$2"
  xdotool key ctrl+h; sleep 0.3; xdotool key ctrl+h
  xdotool key ctrl+e; sleep 0.3
  xdotool key ctrl+d; sleep 0.5
}
# wait_server_calls LOGIN N: waits until the server holds N calls of LOGIN
wait_server_calls() {
  for _ in $(seq 100); do
    [ "$(psql_as "$1" "SELECT count(*) FROM cc.calls")" = "$2" ] && return 0
    sleep 0.2
  done
  fail "$1's calls on the server: $(psql_as "$1" "SELECT count(*) FROM cc.calls"), expected $2"
}

# --- Alice, whose server is held up: a lock on the calls table, held by the administrator.
DATA="$WORK/alice"
start_companion
ALICE_PID=$APP_PID
lockfifo="$WORK/lock.fifo"; mkfifo "$lockfifo"
( PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$CC_TEST_SERVER/ca.crt" \
    psql -X -q -h 127.0.0.1 -p "$CC_PG_PORT" -U ccadmin -d "$db" <"$lockfifo" >/dev/null 2>&1 ) &
exec 4>"$lockfifo"
echo "BEGIN; LOCK TABLE cc.calls IN ACCESS EXCLUSIVE MODE;" >&4
sleep 0.5
play_call "Robin Example" "Printer offline on the third floor, the spooler restarted"
# The call is done and saved while the server cannot take it: nothing in the window waited.
play_call "Sam Okafor" "Second caller: VPN drops every hour"
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 1")" = 2 ] || fail "alice's calls were not both finished"
notes=$(sql "$DB" "SELECT group_concat(text, '|') FROM note_lines")
[ "$notes" = "Printer offline on the third floor, the spooler restarted|Second caller: VPN drops every hour" ] ||
  fail "alice's notes, typed while the server was held up: '$notes'"
[ "$(sql "$DB" "SELECT count(*) FROM outbox")" = 2 ] || fail "alice's calls are not waiting in the outbox"
sleep 4.5 # the status line's last message gives way to the server's state
shot team-server-held-up "$WIN"
echo "ROLLBACK;" >&4; exec 4>&-
wait_server_calls alice 2
[ "$(sql "$DB" "SELECT count(*) FROM outbox")" = 0 ] || fail "alice's outbox was not emptied"
sleep 4.5
shot team-server-synced "$WIN"

# The server stops dead (every process of it SIGSTOPped, its sockets open): a call is played, typed and
# finished as if nothing happened, and arrives once the server goes on.
bash "$CLUSTER" pause "$CC_TEST_SERVER"
play_call "Lee Park" "Third caller, typed while the server hung"
[ "$(sql "$DB" "SELECT count(*) FROM calls WHERE finished = 1")" = 3 ] || fail "a call could not finish while the server hung"
[ "$(sql "$DB" "SELECT text FROM note_lines WHERE text LIKE 'Third caller%'")" = "Third caller, typed while the server hung" ] ||
  fail "the notes typed while the server hung: $(sql "$DB" "SELECT text FROM note_lines")"
sleep 6 # past the connection's time limit: the window says the server is offline
shot team-server-stopped "$WIN"
bash "$CLUSTER" resume "$CC_TEST_SERVER"
wait_server_calls alice 3
stop_app "$WIN"

# The same from the command line, for a PC without the window: nothing is left to send.
out=$("$APP" sync --data-dir "$WORK/alice") || fail "sync failed: $out"
grep -q "^0 waiting, 0 refused, 0 quarantined$" <<<"$out" || fail "sync said: $out"
# A server.toml that others can read is refused, with its name, and nothing is sent.
chmod 644 "$WORK/alice/server.toml"
if out=$("$APP" sync --data-dir "$WORK/alice" 2>&1); then fail "sync used a server.toml others can read"; fi
grep -q "chmod 600" <<<"$out" || fail "sync's refusal of a readable server.toml: $out"
chmod 600 "$WORK/alice/server.toml"

# --- Bob, in his own data folder, on the same machine.
DATA="$WORK/bob"
start_companion
play_call "Dana Reyes" "Bob: password reset for the payroll system"
wait_server_calls bob 1
stop_app "$WIN"

# --- Rita, the team's reviewer, on her own PC: the team's calls from the server, found by the words
# of the notes, reviewed with the same timeline and scorecard, the review sent back under her login.
DATA="$WORK/rita"
start_companion
xdotool key ctrl+shift+r
TEAM=$(wait_window "Team calls"); sleep 1.5; focus "$TEAM"
shot team-calls "$TEAM"
xdotool key ctrl+f; xdotool type --delay 20 "payroll"; xdotool key Return; sleep 1.5
xdotool mousemove 1279 799
shot team-calls-found "$TEAM"
focus "$TEAM"; xdotool key ctrl+f; xdotool key Down Return
REVIEW=$(wait_window "Review: .*Dana Reyes · bob"); focus "$REVIEW"; sleep 0.8
xdotool key alt+r Tab space; sleep 0.3
for _ in $(seq 7); do xdotool key Down; done
xdotool key Return; sleep 0.2
xdotool key alt+u; xdotool type --delay 10 "Clear steps for the payroll reset"
xdotool key ctrl+s; sleep 0.8
shot team-review-saved "$REVIEW"
R="$WORK/rita/reviews.db"
[ "$(sql "$R" "SELECT reviewer || ':' || summary FROM reviews")" = "rita:Clear steps for the payroll reset" ] ||
  fail "rita's review on her PC: $(sql "$R" "SELECT reviewer, summary FROM reviews")"
for _ in $(seq 100); do
  [ "$(psql_as rita "SELECT count(*) FROM cc.reviews WHERE reviewer = 'rita'")" = 1 ] && break; sleep 0.2
done
[ "$(psql_as rita "SELECT sheet->>'summary' FROM cc.reviews WHERE reviewer = 'rita'")" = \
  "Clear steps for the payroll reset" ] || fail "rita's review did not reach the server: $(sql "$R" "SELECT * FROM review_outbox")"
xdotool key Escape; sleep 0.5
# The lead's view of one agent: the figures bob sees of his own calls, from the server, without breaks.
focus "$TEAM"; xdotool key alt+t
STATS=$(wait_window "Stats: bob \\(from the team server\\)"); focus "$STATS"; sleep 0.5
shot team-stats "$STATS"
xdotool key Escape; sleep 0.3
stop_app "$WIN"

# --- Bob's PC reads the review of his call: his own history shows it.
DATA="$WORK/bob"
start_companion
for _ in $(seq 100); do
  [ "$(sql "$WORK/bob/reviews.db" "SELECT count(*) FROM reviews WHERE reviewer = 'rita'" 2>/dev/null)" = 1 ] && break
  sleep 0.2
done
[ "$(sql "$WORK/bob/reviews.db" "SELECT summary FROM reviews WHERE reviewer = 'rita'")" = \
  "Clear steps for the payroll reset" ] || fail "bob's PC did not receive rita's review"
stop_app "$WIN"
[ -f "$WORK/alice/reviews.db" ] &&
  [ "$(sql "$WORK/alice/reviews.db" "SELECT count(*) FROM reviews")" != 0 ] && fail "alice received a review of bob's call"

# --- The reviewer of their team sees both agents' calls; the other team's reviewer sees none.
[ "$(psql_as rita "SELECT count(*) FROM cc.calls")" = 4 ] || fail "rita does not see the team's 4 calls"
[ "$(psql_as rita "SELECT string_agg(DISTINCT agent, ',' ORDER BY agent) FROM cc.calls")" = "alice,bob" ] ||
  fail "rita's calls are not alice's and bob's"
found=$(psql_as rita "SELECT agent FROM cc.calls WHERE notes_search @@ plainto_tsquery('simple', 'payroll')")
[ "$found" = bob ] || fail "rita's search of the team's notes for 'payroll' found '$found'"
[ "$(psql_as sam "SELECT count(*) FROM cc.calls")" = 0 ] || fail "sam, on another team, sees calls"
echo "PASS: two companions synced 4 calls through PostgreSQL, a reviewer reviewed one from the server and its agent received it; a locked or stopped server held up nothing in the window"
