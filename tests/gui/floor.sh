#!/usr/bin/env bash
# The floor, live: three companions (alice, bob and carol, one team) publish their state to a real
# PostgreSQL (a cluster of this test's own, tests/server/cluster.sh); their lead, lee, watches the floor
# in his own companion. alice's call starting, going on hold, into wrap-up and done shows in lee's
# window (its title counts who is talking, on hold and in wrap-up, so the test reads it); a lead of
# another team is not offered the floor.
source "$(dirname "$0")/xvfb.sh"
CLUSTER="$(dirname "$0")/../server/cluster.sh"
SERVER="$WORK/pg"
bash "$CLUSTER" start "$SERVER" >/dev/null || fail "the test's PostgreSQL did not start"
# shellcheck source=/dev/null
. "$SERVER/env"
PIDS=()
trap 'rc=$?; for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done; bash "$CLUSTER" stop "$SERVER"; cleanup $rc' EXIT
admin() { PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$SERVER/ca.crt" \
  psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CC_PG_PORT" -U ccadmin -d callcompanion -c "$1"; }
"$APP" server init --config "$SERVER/ccadmin.toml" >/dev/null || fail "server init failed"
admin "SELECT cc.add_member('alice', 'north', 'agent'), cc.add_member('bob', 'north', 'agent'),
              cc.add_member('certagent', 'north', 'agent'), cc.add_member('lee', 'north', 'lead'),
              cc.add_member('sam', 'south', 'lead')" >/dev/null

start_xvfb
# companion LOGIN: starts a companion in its own data folder, as LOGIN on the server; sets WIN_<LOGIN>
companion() {
  local login=$1 dir="$WORK/$1" pid id=""
  mkdir -p "$dir"
  cp "$SERVER/$login.toml" "$SERVER/ca.crt" "$dir/"
  mv "$dir/$login.toml" "$dir/server.toml"
  [ -f "$SERVER/$login.key" ] && cp "$SERVER/$login.crt" "$SERVER/$login.key" "$dir/"
  chmod 600 "$dir"/*
  "$APP" --data-dir "$dir" >"$WORK/$login.out" 2>"$WORK/$login.err" &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 100); do
    id=$(xdotool search --all --onlyvisible --pid "$pid" --name "^Call Companion$" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && break
    sleep 0.1
  done
  [ -n "$id" ] || fail "$login's companion did not open"
  printf -v "WIN_$login" '%s' "$id"
}
companion alice
companion bob
companion certagent   # the third agent logs in with a client certificate
companion lee
sleep 1.5 # the companions' first states reach the server; lee's is checked for the floor

# The floor is offered once lee's companion has asked the server whether he leads a team.
FLOOR=""
for _ in $(seq 20); do
  focus "$WIN_lee"; xdotool key ctrl+shift+l; sleep 0.5
  FLOOR=$(xdotool search --onlyvisible --name "^The floor" 2>/dev/null | head -1 || true)
  [ -n "$FLOOR" ] && break
done
[ -n "$FLOOR" ] || { cat "$WORK/lee.err" >&2; shot floor-not-offered; fail "lee was not offered the floor (View › The floor, Ctrl+Shift+L)"; }
wait_window "The floor: 0 talking · 0 on hold · 0 in wrap-up" >/dev/null
xdotool windowmove "$FLOOR" 400 0
# floor_shows TITLE: lee's floor window says it, and how long it took from the key
floor_shows() {
  local t0=$EPOCHREALTIME
  wait_window "The floor: $1" >/dev/null
  printf 'floor: "%s" after %s s\n' "$1" "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')"
}
focus "$WIN_bob"; xdotool key ctrl+n
floor_shows "1 talking · 0 on hold · 0 in wrap-up"
focus "$WIN_alice"; xdotool key ctrl+n
floor_shows "2 talking · 0 on hold · 0 in wrap-up"
xdotool key ctrl+h
floor_shows "1 talking · 1 on hold · 0 in wrap-up"
sleep 1
xdotool mousemove 1279 799; sleep 0.3
shot floor-three-companions
focus "$WIN_alice"; xdotool key ctrl+h
floor_shows "2 talking · 0 on hold · 0 in wrap-up"
xdotool key ctrl+e
floor_shows "1 talking · 0 on hold · 1 in wrap-up"
xdotool key ctrl+d; sleep 0.5; xdotool key ctrl+d
floor_shows "1 talking · 0 on hold · 0 in wrap-up"
# The server has what the window shows, dated by its own clock.
[ "$(admin "SELECT state FROM cc.agent_state WHERE agent = 'alice'")" = idle ] || fail "alice's state on the server"
[ "$(admin "SELECT state FROM cc.agent_state WHERE agent = 'bob'")" = talking ] || fail "bob's state on the server"
[ "$(admin "SELECT count(*) FROM cc.agent_state WHERE agent = 'certagent'")" = 1 ] || fail "the third companion never published"

# A lead of another team is not offered lee's floor: sam's View menu has no floor for north, and
# row-level security shows him none of its agents.
[ "$(PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$SERVER/ca.crt" psql -X -q -t -A \
  -h 127.0.0.1 -p "$CC_PG_PORT" -U sam -d callcompanion -c "SELECT count(*) FROM cc.agent_state")" = 0 ] ||
  fail "the south team's lead sees the north team's floor"
echo "PASS: a lead's floor window followed a companion's call through talking, hold, wrap-up and done"
