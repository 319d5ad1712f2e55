#!/bin/bash
# What the CDC relay's copies cost, on one warm suite at a steady 40 commands/s (the JIT settled, so windows minutes
# apart compare): CPU per process over 30 s windows with the relay in two states, alternated.
#   bench/saga/relay-ab.sh stop <label>      A: relay running, B: relay stopped (kill -STOP; nothing copied)
#   bench/saga/relay-ab.sh receipts <label>  on: the relay reads the fast path's receipts; off: it copies everything
#                                           (the relay restarted with the same command line before each window)
# Build first (./mvnw -o -DskipTests clean install); results in /tmp/relay-ab-<label>.cpu. WARM=420 by default.
set -uo pipefail
mode=${1:?stop or receipts}; label=${2:?label}
source bench/saga/parts.sh
out=/tmp/relay-ab-$label
start_suite "$out.suite"
java bench/SagaLoadBench.java http://127.0.0.1:8080 40 1800 0 10 > "$out.load" 2>&1 &
sleep "${WARM:-420}"
relay_pid() { for p in $(pgrep -f cloudya.part=); do [ "$(part_of "$p")" = cdc-relay ] && echo "$p"; done; }
pid=$(relay_pid)
tr '\0' '\n' < "/proc/$pid/environ" | grep -v '^RELAY_RECEIPTS_TOPIC=' > "$out.env"
mapfile -d '' cmd < "/proc/$pid/cmdline"
cwd=$(readlink "/proc/$pid/cwd")
restart_relay() {  # $1: the receipts topic, empty for none
  local old; old=$(relay_pid); kill "$old"; while kill -0 "$old" 2> /dev/null; do sleep 0.5; done
  (cd "$cwd" && env -i $(cat "$out.env") RELAY_RECEIPTS_TOPIC="$1" "${cmd[@]}" >> "$out.relaylog" 2>&1 &)
}
counts() { curl -s localhost:8090/actuator/prometheus | grep -E '^relay_records_(forwarded|skipped)_total' \
  | awk '{split($1, a, "_total"); n[a[1]] += $2} END {for (k in n) printf "%s=%d ", k, n[k]}'; }
window() { echo "== $1 $(date +%T) $(counts)" >> "$out.cpu"; bench/saga/cpu-by-process.sh 30 >> "$out.cpu"; }
: > "$out.cpu"
if [ "$mode" = stop ]; then
  for round in 1 2 3; do
    window "A$round"; kill -STOP "$pid"; sleep 10
    window "B$round"; kill -CONT "$pid"; sleep 20
  done
  window A4
else
  for state in on off on off; do
    if [ "$state" = on ]; then restart_relay outbox.delivered; else restart_relay ""; fi
    sleep 90; window "$state"
  done
fi
pkill -f SagaLoadBench; sleep 2
stop_suite
cat "$out.cpu"
