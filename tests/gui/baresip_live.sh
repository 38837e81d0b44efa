#!/usr/bin/env bash
# Against the real thing, all on loopback: baresip (ctrl_tcp) and sipp. A call from 5550100 rings in
# the companion, is answered from the companion (Ctrl+N sends baresip "accept"), talks for 3 s and is
# hung up by the caller: the companion records it with the number and a talk time within 1 s of 3 s. A
# caller who gives up while it rings is a missed call. A hold from the companion reaches baresip, as its
# call list shows. Every process started here is ended by its PID, with timeouts.
source "$(dirname "$0")/xvfb.sh"
command -v baresip >/dev/null && command -v sipp >/dev/null || fail "baresip-core and sip-tester are not installed"
SCEN="$(dirname "$0")/sipp"
BARESIP_PID=""
trap 'rc=$?; kill "$BARESIP_PID" 2>/dev/null; cleanup $rc' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SIP=$(port); CTRL=$(port); SIPP=$(port)

CFG="$WORK/baresip"
mkdir -p "$CFG"
cat > "$CFG/config" <<CONF
poll_method		epoll
sip_listen		127.0.0.1:$SIP
net_interface		127.0.0.1
audio_player		aubridge,x
audio_source		aubridge,x
audio_alert		aubridge,x
module_path		/usr/lib/baresip/modules
module			g711.so
module			aubridge.so
module_tmp		account.so
module_app		menu.so
module_app		ctrl_tcp.so
ctrl_tcp_listen		127.0.0.1:$CTRL
CONF
echo '<sip:companion@127.0.0.1>;regint=0;answermode=manual' > "$CFG/accounts"

start_xvfb
DATA="$WORK/data"
mkdir -p "$DATA"
printf '[softphone]\nbaresip=127.0.0.1:%s\n' "$CTRL" > "$DATA/settings.ini"
# The companion first, before baresip: it must keep trying and connect when baresip comes.
start_companion
timeout 60 baresip -f "$CFG" </dev/null >"$WORK/baresip.log" 2>&1 &
BARESIP_PID=$!
for _ in $(seq 100); do grep -q "Connected to baresip" "$WORK/app.err" && break; sleep 0.1; done
grep -q "Connected to baresip" "$WORK/app.err" || fail "the companion never connected to baresip"
sipp_call() { timeout 20 sipp -sf "$SCEN/$1" -s companion "127.0.0.1:$SIP" -i 127.0.0.1 -p "$SIPP" -m 1 \
  -nostdin "${@:2}" >>"$WORK/sipp.log" 2>&1; }

# 1. An answered call of 3 s.
sipp_call answered.xml -d 3000 &
SIPP_PID=$!
# The state and the caller's number are two writes a moment apart (slower under ASan): wait for both.
for _ in $(seq 50); do
  [ "$(sql "$DB" "SELECT state || '|' || callback_number || '|' || caller_name FROM calls")" = "ringing|5550100|Ana Souza" ] && break
  sleep 0.1
done
[ "$(sql "$DB" "SELECT callback_number || '|' || caller_name FROM calls")" = "5550100|Ana Souza" ] || fail "ringing call: $(sql "$DB" "SELECT state, callback_number, caller_name FROM calls")"
focus "$WIN"
xdotool key ctrl+n
wait "$SIPP_PID" || fail "sipp's answered call failed: $(tail -5 "$WORK/sipp.log")"
sleep 0.5
shot baresip-after-call "$WIN"
row=$(sql "$DB" "SELECT state || '|' || talk_ms FROM calls WHERE id = 1")
[ "${row%%|*}" = wrap_up ] || fail "after the caller hung up: $row"
talk=${row##*|}
[ "$talk" -ge 2000 ] && [ "$talk" -le 4000 ] || fail "talk time $talk ms for a 3 s call"
echo "talk time recorded: $talk ms for a 3000 ms call"
xdotool key ctrl+d; sleep 0.3

# 2. A caller who gives up while it rings.
sipp_call missed.xml || fail "sipp's cancelled call failed: $(tail -5 "$WORK/sipp.log")"
sleep 0.5
[ "$(sql "$DB" "SELECT missed || '|' || finished FROM calls WHERE id = 2")" = "1|1" ] || fail "no missed call: $(sql "$DB" "SELECT * FROM calls WHERE id = 2")"

# 3. A hold from the companion reaches baresip.
sipp_call answered-hold.xml -d 1000 &
SIPP_PID=$!
for _ in $(seq 50); do [ "$(sql "$DB" "SELECT count(*) FROM calls WHERE id = 3 AND state = 'ringing'")" = 1 ] && break; sleep 0.1; done
xdotool key ctrl+n; sleep 1
xdotool key ctrl+h; sleep 0.8
grep -a -i "baresip listcalls: ok.*hold" "$WORK/app.err" >/dev/null || fail "baresip did not report the hold: $(grep -a 'baresip' "$WORK/app.err" | tail -5)"
xdotool key ctrl+h
wait "$SIPP_PID" || fail "sipp's third call failed"
stop_app "$WIN"
echo "PASS: baresip's call events drove the companion; a missed call; a hold reached baresip"
