#!/bin/bash
# CPU ticks (1/100 s) used by each suite process kind over SECONDS: the JVMs by name, PostgreSQL (its walsenders
# apart from its other processes), the bench programs, and the machine's total. Run: bench/saga/cpu-by-process.sh 30
# Counted per process: one that started during the window counts in full, one that ended is left out (connection
# pools replace PostgreSQL backends now and then; summing by kind alone would subtract a gone backend's lifetime).
set -euo pipefail
source "$(dirname "$0")/parts.sh"
seconds=${1:-30}
snapshot() {
  for p in $(pgrep -f cloudya.part=); do
    name=$(part_of "$p")
    awk -v n="$name" -v p="$p" '{print n ":" p, $14 + $15}' /proc/$p/stat 2>/dev/null || true
  done
  # walsenders (one per database the relay streams from) apart from the backends that run the services' queries
  for p in $(pgrep -x postgres); do
    kind=postgres; grep -qa walsender "/proc/$p/cmdline" 2>/dev/null && kind=postgres-walsender
    awk -v n="$kind" -v p="$p" '{print n ":" p, $14 + $15}' /proc/$p/stat 2>/dev/null || true
  done
  for p in $(pgrep -f "bench/Saga"); do awk -v p="$p" '{print "bench:" p, $14 + $15}' /proc/$p/stat 2>/dev/null || true; done
  awk 'NR == 1 {print "total:0", $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat
}
before=$(snapshot | sort)
sleep "$seconds"
after=$(snapshot | sort)
join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$before") <(echo "$after") \
  | awk '{split($1, k, ":"); d[k[1]] += $3 - $2} END {for (n in d) print n, d[n]}' | sort -k2 -n -r
