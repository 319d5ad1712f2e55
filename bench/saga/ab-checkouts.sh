#!/bin/bash
# Two builds side by side on one machine: run-warm.sh in checkout A, then B, then A, then B (ROUNDS pairs, 2 by
# default), so that the machine's drift falls on both alike. Each checkout must be built (jars in target/).
# Run from this checkout's root: bench/saga/ab-checkouts.sh <dirA> <labelA> <dirB> <labelB>
# Results: /tmp/saga-warm-<label><round>.* as run-warm.sh writes them; WARM is passed on (default 360 s there).
set -uo pipefail
dir_a=${1:?dirA}; label_a=${2:?labelA}; dir_b=${3:?dirB}; label_b=${4:?labelB}
for round in $(seq 1 "${ROUNDS:-2}"); do
  (cd "$dir_a" && bench/saga/run-warm.sh "$label_a$round")
  (cd "$dir_b" && bench/saga/run-warm.sh "$label_b$round")
done
