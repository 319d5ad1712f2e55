#!/bin/bash
# Idle CPU of a fresh suite, then light load: 60 s at 10 commands/s, 120 s idle, two 60 s CPU windows with no
# traffic (bench/saga/cpu-by-process.sh), then 5 and 20 commands/s for 40 s each. Environment variables reach the
# suite, so one setting can be compared against none: SPRING_KAFKA_CONSUMER_FETCHMAXWAIT=5000 bench/saga/idle-cpu.sh fmw5
# Run from a checkout's root: bench/saga/idle-cpu.sh <label>   (results in /tmp/idle-<label>.*)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/idle-$label
start_suite "$out.suite"
java bench/SagaLoadBench.java http://127.0.0.1:8080 10 60 0 10 > "$out.warm" 2>&1
sleep 120
for w in 1 2; do bench/saga/cpu-by-process.sh 60 > "$out.cpu$w"; done
java bench/SagaLoadBench.java http://127.0.0.1:8080 5,20 40 0 10 > "$out.load" 2>&1
stop_suite
cat "$out".{cpu1,cpu2,load}
