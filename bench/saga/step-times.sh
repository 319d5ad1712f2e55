#!/bin/bash
# Where one command's time goes, sequentially, on a fresh suite of this checkout: bench/SagaStepTimes.java after a
# warm-up (WARMUP commands, 3,000 by default), REQUESTS (500) measured. Run from a checkout's root:
# bench/saga/step-times.sh <label>   (results in /tmp/saga-steps-<label>)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/saga-steps-$label
start_suite "$out.suite"
# kafka-clients 4 logs through slf4j: its API must be there (with no binding it stays silent)
clients=$(ls ~/.m2/repository/org/apache/kafka/kafka-clients/*/kafka-clients-*.jar | grep -v -- -test | tail -1)
slf4j=$(ls ~/.m2/repository/org/slf4j/slf4j-api/*/slf4j-api-*.jar | grep -v -- -sources | sort -V | tail -1)
java -cp "$clients:$slf4j" bench/SagaStepTimes.java http://127.0.0.1:8080 "${REQUESTS:-500}" "${WARMUP:-3000}" > "$out" 2>&1
stop_suite
cat "$out"
