# The team server for a GUI test: a PostgreSQL cluster of the test's own (tests/server/cluster.sh),
# Call Companion's schema on it, and companions logged in to it. Sourced after xvfb.sh; stopped by the
# EXIT trap.
CLUSTER="$(dirname "$0")/../server/cluster.sh"
SERVER="$WORK/pg"
bash "$CLUSTER" start "$SERVER" >/dev/null || fail "the test's PostgreSQL did not start"
# shellcheck source=/dev/null
. "$SERVER/env"
PIDS=()
trap 'rc=$?; for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; bash "$CLUSTER" stop "$SERVER" || true; cleanup $rc' EXIT
admin() { PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$SERVER/ca.crt" \
  psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CC_PG_PORT" -U ccadmin -d callcompanion -c "$1"; }
# admin_file FILE: runs the SQL in FILE as the administrator (a statement too long for a command line)
admin_file() { PGPASSWORD=$CC_PG_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$SERVER/ca.crt" \
  psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CC_PG_PORT" -U ccadmin -d callcompanion -f "$1"; }
"$APP" server init --config "$SERVER/ccadmin.toml" >/dev/null || fail "server init failed"

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
  printf -v "WIN_$login" "%s" "$id"
  printf -v "PID_$login" "%s" "$pid"
}

# lead_opens WINDOW KEY TITLE: a lead's window (WINDOW, a companion's) is offered what KEY opens once the
# companion has asked the server whether its login leads a team; prints the id of the window titled
# TITLE (a regular expression), or fails.
lead_opens() {
  local from=$1 key=$2 title=$3 id=""
  for _ in $(seq 20); do
    focus "$from"; xdotool key "$key"; sleep 0.5
    id=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
  done
  shot "not-offered-$key"
  fail "the lead was not offered $title ($key)"
}
