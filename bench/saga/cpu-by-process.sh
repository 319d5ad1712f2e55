#!/bin/bash
# CPU ticks (1/100 s) used by each suite process kind over SECONDS: the JVMs by name, PostgreSQL (all backends and
# walsenders), the bench programs, and the machine's total. Run: bench/saga/cpu-by-process.sh 30
set -euo pipefail
seconds=${1:-30}
snapshot() {
  for p in $(pgrep -f cloudya.part=); do
    name=$(tr '\0' ' ' < /proc/$p/cmdline | grep -o 'cloudya.part=[a-z-]*' | cut -d= -f2)
    awk -v n="$name" '{print n, $14 + $15}' /proc/$p/stat 2>/dev/null || true
  done
  for p in $(pgrep -x postgres); do awk '{print "postgres", $14 + $15}' /proc/$p/stat 2>/dev/null || true; done
  for p in $(pgrep -f "bench/Saga"); do awk '{print "bench", $14 + $15}' /proc/$p/stat 2>/dev/null || true; done
  awk 'NR == 1 {print "total", $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat
}
sum() { awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort; }
before=$(snapshot | sum)
sleep "$seconds"
after=$(snapshot | sum)
join <(echo "$before") <(echo "$after") | awk '{print $1, $3 - $2}' | sort -k2 -n -r
