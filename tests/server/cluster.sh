#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the team server's tests: its own test CA, TLS only, on
# 127.0.0.1 at a free port, in a temporary folder; never a mock.
#
#   cluster.sh start DIR   starts it; DIR/env says where it is, DIR/<login>.toml are server.toml files
#   cluster.sh stop DIR    stops it and removes its folder
#   cluster.sh crash DIR   kills it as a power cut would (immediate stop: no checkpoint, no goodbye)
#   cluster.sh restart DIR starts it again after a crash, on the same port, with the same data
#   cluster.sh pause DIR   stops every process of it (SIGSTOP): a server that hangs, holding its sockets
#   cluster.sh resume DIR  lets it go on (SIGCONT)
#
# Logins (password in DIR/password): ccadmin (the superuser, for set-up only), the agents alice and bob
# (team north) and carol (team south), the reviewers rita (north) and sam (south), the lead lee
# (north), and certagent (north), who logs in with a client certificate instead of a password.
# As root (CI), the server runs as the postgres user, as Debian's own clusters do.
set -euo pipefail

cmd=${1:?start or stop}
dir=${2:?a folder for the cluster files}
bin=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$cmd" = stop ]; then
  [ -f "$dir/env" ] || exit 0
  # shellcheck source=/dev/null
  . "$dir/env"
  as_pg "$bin/pg_ctl" -D "$CC_PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$CC_PG_ROOT"
  rm -f "$dir/env"
  exit 0
fi

if [ "$cmd" = crash ] || [ "$cmd" = restart ] || [ "$cmd" = pause ] || [ "$cmd" = resume ]; then
  # shellcheck source=/dev/null
  . "$dir/env"
  data="$CC_PG_ROOT/data"
  case $cmd in
    crash) as_pg "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null ;;
    restart) as_pg "$bin/pg_ctl" -D "$data" -l "$CC_PG_ROOT/server.log" -w -t 30 start >/dev/null ;;
    pause | resume)
      postmaster=$(head -1 "$data/postmaster.pid")
      signal=$([ "$cmd" = pause ] && echo STOP || echo CONT)
      kill -"$signal" "$postmaster"
      pkill -"$signal" -P "$postmaster" || true ;;
  esac
  exit 0
fi

[ "$cmd" = start ] || { echo "usage: cluster.sh start|stop|crash|restart|pause|resume DIR" >&2; exit 2; }
[ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed ($bin): run .ci/deps" >&2; exit 1; }
mkdir -p "$dir"
"$0" stop "$dir"

root=$(mktemp -d /tmp/cc-pg.XXXXXX)
chmod 755 "$root"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(openssl rand -hex 16)

# The test CA, the server's certificate for 127.0.0.1 (not for localhost), and certagent's client certificate.
(
  cd "$root"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Call Companion test CA" \
    -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=Call Companion test server" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
    -out server.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=certagent" -keyout certagent.key -out certagent.csr 2>/dev/null
  openssl x509 -req -in certagent.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -out certagent.crt \
    2>/dev/null
  # A CA the server does not trust, for the test that a wrong server is refused.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Somebody else" -keyout other-ca.key \
    -out other-ca.crt 2>/dev/null
  printf '%s\n' "$password" >pwfile
  chmod 600 ./*.key pwfile
)
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root"

as_pg "$bin/initdb" -D "$root/data" -U ccadmin --pwfile="$root/pwfile" -A scram-sha-256 --auth-local=trust \
  -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; exit 1; }
cat >>"$root/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
ssl = on
ssl_cert_file = '$root/server.crt'
ssl_key_file = '$root/server.key'
ssl_ca_file = '$root/ca.crt'
password_encryption = 'scram-sha-256'
max_connections = 300
fsync = off
full_page_writes = off
CONF
cat >"$root/data/pg_hba.conf" <<HBA
local     all  all                     trust
hostssl   all  certagent  127.0.0.1/32 cert
hostssl   all  all        127.0.0.1/32 scram-sha-256
hostnossl all  all        127.0.0.1/32 reject
HBA
as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 30 start >/dev/null ||
  { cat "$root/server.log" >&2; exit 1; }

cat >"$dir/env" <<ENV
CC_PG_ROOT=$root
CC_PG_PORT=$port
CC_PG_SOCKET=$root
CC_PG_PASSWORD=$password
ENV

psql_admin() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$root" -p "$port" -U ccadmin "$@"; }
psql_admin -d postgres -c "CREATE DATABASE callcompanion"
for login in alice bob carol rita sam lee certagent; do
  psql_admin -d postgres -c "CREATE ROLE $login LOGIN PASSWORD '$password'"
done

# A server.toml for each login, as an agent's PC would hold it.
cp "$root/ca.crt" "$dir/ca.crt"
cp "$root/other-ca.crt" "$dir/other-ca.crt"
cp "$root/certagent.crt" "$dir/certagent.crt"
cp "$root/certagent.key" "$dir/certagent.key"
chmod 600 "$dir/certagent.key"
for login in ccadmin alice bob carol rita sam lee; do
  cat >"$dir/$login.toml" <<TOML
host = "127.0.0.1"
port = $port
database = "callcompanion"
user = "$login"
password = "$password"
ca = "ca.crt"
TOML
  chmod 600 "$dir/$login.toml"
done
cat >"$dir/certagent.toml" <<TOML
host = "127.0.0.1"
port = $port
database = "callcompanion"
user = "certagent"
certificate = "certagent.crt"
key = "certagent.key"
ca = "ca.crt"
TOML
chmod 600 "$dir/certagent.toml"
echo "PostgreSQL test cluster on 127.0.0.1:$port ($root)"
