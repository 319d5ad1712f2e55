#!/bin/bash
# How the suite behaves past its capacity: a fresh suite, 10 commands/s for WARM s (120: the JIT warms without a
# backlog), then RATE commands/s (30) for 60 s, then 10/s for 60 s (does it come back?), each phase's answered
# latencies and refusals, and command-service's refusals by reason. Environment variables reach the suite, so a
# setting can be compared with another: ADMISSION_QUEUE_DELAY_TARGET=0s bench/saga/overload.sh noshed
# Run from a checkout's root: bench/saga/overload.sh <label>   (results in /tmp/overload-<label>.*)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/overload-$label
start_suite "$out.suite"
java bench/SagaLoadBench.java http://127.0.0.1:8080 10 "${WARM:-120}" 0 10 > "$out.warm" 2>&1
java bench/SagaLoadBench.java http://127.0.0.1:8080 "${RATE:-30}",10 60 0 10 > "$out.load" 2>&1
curl -s http://127.0.0.1:8082/actuator/prometheus | grep -E '^commands_rejected_overloaded_total' > "$out.refused"
stop_suite
cat "$out".{load,refused}
