#!/usr/bin/env bash
# One pack for the team, through a real PostgreSQL (a cluster of this test's own): lee, the lead,
# publishes the team's scripts with `call-companion server publish-pack` (a pack that fails data check
# is refused before it reaches the server); bob's companion takes version 1 between calls, pulls version
# 2 during a call but keeps version 1 until the call is done, and refuses a broken version 3 that
# reached the server another way, keeping version 2.
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/team_cluster.sh"
admin "SELECT cc.add_member('bob', 'north', 'agent'), cc.add_member('lee', 'north', 'lead')" >/dev/null
until_true() {
  local limit=$1; shift
  for _ in $(seq $((limit * 4))); do "$@" && return 0; sleep 0.25; done
  return 1
}
says() { grep -q "$1" "$WORK/bob.err"; }
# pack NAME TITLE: a copy of the bundled pack in $WORK/NAME with the password reset script titled TITLE
pack() {
  cp -r "$(dirname "$0")/../../data" "$WORK/$1"
  sed -i "s/^title = \"Password reset\"$/title = \"$2\"/" "$WORK/$1/scripts/password-reset.toml"
  grep -q "title = \"$2\"" "$WORK/$1/scripts/password-reset.toml" || fail "could not retitle the script"
}
publish() { "$APP" server publish-pack "$WORK/$1" --config "$SERVER/lee.toml"; }

pack one "Password reset (team v1)"
publish one | grep -q "version 1 of team north" || fail "lee could not publish the pack"
# A pack with a mistake: refused on lee's PC with the file and line, nothing sent.
pack broken "Password reset (broken)"
printf '\n[[prompt]]\nid = "half-written"\n' >>"$WORK/broken/prompts/default.toml"
if publish broken 2>"$WORK/publish.err"; then fail "a broken pack was published"; fi
grep -q "prompts/default.toml:[0-9]" "$WORK/publish.err" || { cat "$WORK/publish.err" >&2; fail "the refusal names no file and line"; }
[ "$(admin "SELECT count(*) FROM cc.packs")" = 1 ] || fail "the broken pack reached the server"

start_xvfb
companion bob
until_true 20 says "pack version 1 is in use" || { cat "$WORK/bob.err" >&2; fail "bob's companion never took version 1"; }
grep -q 'title = "Password reset (team v1)"' "$WORK/bob/team-packs/v1/scripts/password-reset.toml" || fail "version 1 on bob's PC"

# A call starts; lee publishes version 2 meanwhile: bob's companion fetches it but changes nothing mid-call.
focus "$WIN_bob"; xdotool key ctrl+n; sleep 0.3
xdotool type --delay 10 "Caller locked out of email"
pack two "Password reset (team v2)"
publish two >/dev/null || fail "lee could not publish version 2"
until_true 45 test -d "$WORK/bob/team-packs/v2" || fail "bob's companion never fetched version 2"
sleep 3
says "pack version 2 is in use" && fail "the pack changed during the call"
xdotool key ctrl+e; sleep 0.5; xdotool key ctrl+d
until_true 10 says "pack version 2 is in use" || fail "version 2 was not taken once the call was done"
sleep 0.5; xdotool mousemove 1279 799
shot team-pack-switched "$WIN_bob"
[ ! -d "$WORK/bob/team-packs/v1" ] || fail "the old version was kept after the switch"
focus "$WIN_bob"; xdotool key alt+5; sleep 0.5
for _ in 1 2 3 4; do xdotool key Down; sleep 0.2; done # the password reset script, as the team titled it
sleep 0.5; xdotool mousemove 1279 799
shot team-pack-script-page "$WIN_bob"

# A broken version written on the server by hand: bob's companion checks it, refuses it, keeps version 2.
python3 - "$WORK/broken" >"$WORK/v3.sql" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
files = {str(p.relative_to(d)): p.read_text() for p in d.rglob("*") if p.is_file() and p.suffix in (".toml", ".txt", ".csv", ".md")}
print("INSERT INTO cc.packs VALUES ('north', 3, $pack$" + json.dumps(files) + "$pack$::jsonb, 'ccadmin', now());")
PY
admin_file "$WORK/v3.sql" >/dev/null
until_true 45 says "pack version 3 was refused, and version 2 stays in use: team pack v3/prompts/default.toml" ||
  { cat "$WORK/bob.err" >&2; fail "bob's companion did not refuse the broken version"; }
[ -d "$WORK/bob/team-packs/v2" ] && [ ! -d "$WORK/bob/team-packs/v3" ] || fail "the last good version is not the one kept"
echo "PASS: the team's pack reached bob's companion between calls, never during one, and a broken one was refused"
