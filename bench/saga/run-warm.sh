#!/bin/bash
# One warm suite of the checkout in the current directory: 40 commands/s open loop for WARM seconds (360), CPU per
# process over three 30 s windows still at 40/s, then open loop 50 and 100 commands/s for 45 s each, resident memory.
# To compare two builds, run it in each checkout one after the other (a git worktree of the other commit, built).
# Run from a checkout's root: bench/saga/run-warm.sh <label>   (results in /tmp/saga-warm-<label>.*)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/saga-warm-$label
start_suite "$out.suite"
warm=${WARM:-360}
java bench/SagaLoadBench.java http://127.0.0.1:8080 40 $((warm + 110)) 0 10 > "$out.load40" 2>&1 &
sleep "$warm"
: > "$out.cpu"
for w in 1 2 3; do
  echo "== w$w $(date +%T)" >> "$out.cpu"; bench/saga/cpu-by-process.sh 30 >> "$out.cpu"; sleep 5
done
while pgrep -f SagaLoadBench > /dev/null; do sleep 2; done
java bench/SagaLoadBench.java http://127.0.0.1:8080 50,100 45 0 10 > "$out.load" 2>&1
rss_by_part > "$out.rss"
stop_suite
cat "$out".{cpu,load,rss}
