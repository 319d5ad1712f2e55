#!/bin/bash
# Where each JVM's resident memory goes after an overload: a warm suite (40 commands/s for WARM s, 120), then open
# loop at 100/s for 45 s, then per Spring part: RSS, threads, heap (young and old generation, committed/used KiB),
# code cache and metaspace (jcmd), right after the load and again after IDLE s (90) with no traffic.
# Run from a checkout's root: bench/saga/memory-after-overload.sh <label>   (results in /tmp/saga-mem-<label>.*)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/saga-mem-$label
snapshot() {
  local p part rss threads heap code meta
  for p in $(pgrep -f cloudya.part=); do
    part=$(part_of "$p")
    case "$part" in kafka-broker|cdc-relay) continue ;; esac
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$p/status")
    threads=$(awk '/Threads/ {print $2}' "/proc/$p/status")
    heap=$(jcmd "$p" GC.heap_info 2>/dev/null | grep -o 'total [0-9]*K, used [0-9]*K' | head -2 | tr -d 'a-z,' | xargs)
    code=$(jcmd "$p" Compiler.codecache 2>/dev/null | grep -o 'used=[0-9]*Kb' | head -1)
    meta=$(jcmd "$p" VM.metaspace 2>/dev/null | awk '/^ *Both:/ {print $6 $7; exit}')
    echo "$part rss=${rss}MiB threads=$threads heap=[$heap] code-$code metaspace-committed=$meta"
  done
}
start_suite "$out.suite"
java bench/SagaLoadBench.java http://127.0.0.1:8080 40 "${WARM:-120}" 0 10 > "$out.load40" 2>&1
java bench/SagaLoadBench.java http://127.0.0.1:8080 100 45 0 10 > "$out.load" 2>&1
{ echo "== right after 100/s"; snapshot; sleep "${IDLE:-90}"; echo "== after ${IDLE:-90} s idle"; snapshot; } > "$out.mem"
stop_suite
cat "$out".{load,mem}
