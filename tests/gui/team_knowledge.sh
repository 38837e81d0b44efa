#!/usr/bin/env bash
# One knowledge base for the team, through a real PostgreSQL (a cluster of this test's own): alice saves
# a new entry from her search page; it goes to her lead as a proposal; lee approves it in his companion
# (View › Knowledge proposals, Ctrl+Shift+K, Alt+A); bob's companion pulls it when it starts and finds it
# from what a caller says; alice's own entry becomes the team's, not a second copy; with the server
# down, bob keeps the last good copy.
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/team_cluster.sh"
admin "SELECT cc.add_member('alice', 'north', 'agent'), cc.add_member('bob', 'north', 'agent'),
              cc.add_member('lee', 'north', 'lead')" >/dev/null
# until SECONDS CHECK...: runs CHECK until it succeeds, for at most SECONDS
until_true() {
  local limit=$1; shift
  for _ in $(seq $((limit * 4))); do "$@" && return 0; sleep 0.25; done
  return 1
}
is() { [ "$(eval "$1")" = "$2" ]; }
local_count() { sqlite3 "$WORK/$1/companion.db" "$2"; }

start_xvfb
companion alice
companion lee

# alice, on a call about a door badge, finds nothing and saves who can help.
focus "$WIN_alice"; xdotool key alt+4; sleep 0.4; xdotool key alt+n
DIALOG=$(wait_window "New knowledge entry"); focus "$DIALOG"
xdotool type --delay 5 "Building badge and door access"; xdotool key Tab
xdotool type --delay 5 "badge; door; swipe card; locked out of the building"; xdotool key Tab
xdotool type --delay 5 "Facilities"; xdotool key Tab
xdotool type --delay 5 "Facilities security desk"; xdotool key Tab
xdotool type --delay 5 "+1 555 0142"; xdotool key Return
until_true 15 is "admin \"SELECT count(*) FROM cc.kb_proposals WHERE status = 'pending'\"" 1 ||
  { cat "$WORK/alice.err" >&2; fail "alice's entry never reached the server as a proposal"; }

# lee is offered the proposals once his companion knows he leads the team.
PROPOSALS=$(lead_opens "$WIN_lee" ctrl+shift+k "^Knowledge proposals$")
focus "$PROPOSALS"; sleep 1
xdotool mousemove 1279 799
shot team-knowledge-proposal "$PROPOSALS"
xdotool key alt+a
until_true 10 is "admin \"SELECT count(*) FROM cc.kb_entries\"" 1 || fail "lee's approval did not reach the server"
sleep 0.5
shot team-knowledge-approved "$PROPOSALS"
[ "$(admin "SELECT status || ' by ' || decided_by FROM cc.kb_proposals")" = "approved by lee" ] || fail "the decision"

# bob's companion pulls the team's knowledge base when it starts, and finds the entry from a caller's words.
companion bob
until_true 15 is "local_count bob \"SELECT count(*) FROM kb_entries WHERE title = 'Building badge and door access'\"" 1 ||
  { cat "$WORK/bob.err" >&2; fail "the approved entry never reached bob's companion"; }
[ "$(local_count bob "SELECT approved_by FROM team_kb")" = lee ] || fail "bob's copy does not say who approved it"
"$APP" kb search --data-dir "$WORK/bob" --limit 3 "hi, my swipe card stopped working and I'm locked out" |
  grep -q "Building badge and door access" || fail "bob's search does not find the team's entry from the caller's words"

focus "$WIN_bob"; xdotool key alt+4; sleep 0.3
xdotool type --delay 20 "my swipe card stopped working"; sleep 1; xdotool key Return; sleep 0.6
xdotool mousemove 1279 799
shot team-knowledge-bob-card "$WIN_bob"

# alice's entry is now the team's (her companion asks every 30 s): the same entry, not a second one.
until_true 45 is "local_count alice \"SELECT approved_by FROM team_kb\"" lee || fail "alice's companion never took the approved entry"
[ "$(local_count alice "SELECT count(*) FROM kb_entries WHERE title = 'Building badge and door access'")" = 1 ] ||
  fail "alice has two copies of her entry"

# The server goes down: bob's companion starts again on the last good copy.
kill "$PID_bob"; sleep 0.5
bash "$CLUSTER" stop "$SERVER" >/dev/null
companion bob
sleep 2
"$APP" kb search --data-dir "$WORK/bob" --limit 3 "swipe card" | grep -q "Building badge and door access" ||
  fail "bob lost the team's entry with the server down"
echo "PASS: alice's entry, approved by lee, reached bob's companion and stays with the server down"
