#!/usr/bin/env bash
# The floor, live: three companions (alice, bob and carol, one team) publish their state to a real
# PostgreSQL (a cluster of this test's own, tests/server/cluster.sh); their lead, lee, watches the floor
# in his own companion. alice's call starting, going on hold, into wrap-up and done shows in lee's
# window (its title counts who is talking, on hold and in wrap-up, so the test reads it); a lead of
# another team is not offered the floor.
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/team_cluster.sh"
admin "SELECT cc.add_member('alice', 'north', 'agent'), cc.add_member('bob', 'north', 'agent'),
              cc.add_member('certagent', 'north', 'agent'), cc.add_member('lee', 'north', 'lead'),
              cc.add_member('sam', 'south', 'lead')" >/dev/null

start_xvfb
companion alice
companion bob
companion certagent   # the third agent logs in with a client certificate
companion lee
sleep 1.5 # the companions' first states reach the server; lee's is checked for the floor

# The floor is offered once lee's companion has asked the server whether he leads a team.
FLOOR=$(lead_opens "$WIN_lee" ctrl+shift+l "^The floor")
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
