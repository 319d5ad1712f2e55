#!/bin/bash
# The saga on a suite whose JIT has settled: start the suite, warm it open loop (default 20 commands/s for 1,200 s,
# i.e. 24,000 commands), measuring CPU per process and JIT work (jstat -compiler) over 30 s early (after ~3,000
# commands, where run-once.sh measures) and late; then 40, 50 and 100 commands/s as in run-once.sh; stops the suite.
# Run from the repository root: [WARM_RATE=20 WARM_SECONDS=1200] bench/saga/run-long-warm.sh <label>
# Results in /tmp/saga-<label>.*; about WARM_SECONDS + 6 minutes.
set -uo pipefail
label=${1:?label}
rate=${WARM_RATE:-20}
seconds=${WARM_SECONDS:-1200}
source bench/saga/parts.sh
out=/tmp/saga-$label
jit() {
  for p in $(pgrep -f cloudya.part=); do
    echo "$(part_of "$p") $(jstat -compiler "$p" | tail -1)"
  done | sort
}
# methods compiled and seconds the compiler threads were busy over the window, per JVM
window() {
  jit > "$out.jit-a"; bench/saga/cpu-by-process.sh 30 > "$out.$1.cpu"; jit > "$out.jit-b"
  paste -d'|' "$out.jit-a" "$out.jit-b" | awk -F'|' '{split($1, a, " "); split($2, b, " ");
    printf "%s %d methods %.1f s\n", a[1], b[2] - a[2], b[5] - a[5]}' > "$out.$1.jit"
}
RATE_FREE_RPM=1000000 RATE_FREE_BURST=1000000 ./bin/cloudya-up --no-build > "$out.suite" 2>&1 &
for _ in $(seq 1 60); do grep -q "is up" "$out.suite" && break; sleep 3; done
java bench/SagaLoadBench.java http://127.0.0.1:8080 "$rate" "$seconds" 10 10 > "$out.warm" 2>&1 &
warm=$!
sleep 160; window early
sleep $((seconds - 240)); window late
wait "$warm"
java bench/SagaLoadBench.java http://127.0.0.1:8080 40,50,100 45 30 10 > "$out.load" 2>&1 &
load=$!
sleep 45; window at40
wait "$load"
rss_by_part > "$out.rss"
tail -1 "$out.warm"; cat "$out".{early,late,at40}.cpu "$out".{early,late,at40}.jit "$out.load" "$out.rss"
bin/cloudya-down > /dev/null 2>&1; sleep 5; pkill -f cloudya.part=; sleep 5; pkill -9 -f cloudya.part=
true
