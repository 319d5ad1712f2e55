#!/bin/bash
# One saga measurement on a fresh suite of this checkout's jars (build first: ./mvnw -o -DskipTests clean package):
# start the suite, 3,000 sequential warm-up commands and 300 measured (SagaStepTimes), then open-loop 40, 50 and
# 100 commands/s for 45 s each after 30 s at 40/s (SagaLoadBench), CPU per process over 30 s at 40/s, resident memory
# of each JVM, the JIT's work and the collections since start (jstat -compiler, jstat -gc) after the runs; stops the suite.
# bin/cloudya-up's variables apply, e.g. CLOUDYA_JIT=c1 bench/saga/run-once.sh c1, CLOUDYA_AOT=true, or JVM_OPTS="...".
# Run from the repository root: bench/saga/run-once.sh <label>   (results in /tmp/saga-<label>.*)
set -uo pipefail
label=${1:?label}
kafka_jar=$(find ~/.m2/repository/org/apache/kafka/kafka-clients -name 'kafka-clients-*.jar' | sort | tail -1)
slf4j_jar=$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-2*.jar' | sort | tail -1)
source bench/saga/parts.sh
start_suite "/tmp/saga-$label.suite"
java -cp "$kafka_jar:$slf4j_jar" bench/SagaStepTimes.java http://127.0.0.1:8080 300 3000 2>&1 | grep -v SLF4J \
  | tail -8 > "/tmp/saga-$label.steps"
java bench/SagaLoadBench.java http://127.0.0.1:8080 40,50,100 45 30 10 > "/tmp/saga-$label.load" 2>&1 &
sleep 45
bench/saga/cpu-by-process.sh 30 > "/tmp/saga-$label.cpu"
while pgrep -f SagaLoadBench > /dev/null; do sleep 5; done
rss_by_part > "/tmp/saga-$label.rss"
for p in $(pgrep -f cloudya.part=); do
  echo "$(part_of "$p") $(jstat -compiler "$p" | tail -1)"
done | awk '{print $1, $2, "methods", $5, "s"}' | sort > "/tmp/saga-$label.jit"
for p in $(pgrep -f cloudya.part=); do
  echo "$(part_of "$p") $(jstat -gc "$p" | tail -1)"
done | awk '{printf "%s heap %d of %d MiB, young %d in %.1f s, full %d in %.1f s\n", $1, ($4 + $5 + $7 + $9) / 1024,
  ($2 + $3 + $6 + $8) / 1024, $14, $15, $16, $17}' | sort > "/tmp/saga-$label.gc"
cat "/tmp/saga-$label".{steps,cpu,load,rss,jit,gc}
stop_suite
rm -rf "/tmp/saga-$label.logs"; cp -r var/log "/tmp/saga-$label.logs"
true
