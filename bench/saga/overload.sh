#!/bin/bash
# How the suite behaves past its capacity: a fresh suite, 10 commands/s for WARM s (120: the JIT warms without a
# backlog), then RATE commands/s (30) for 60 s, then 10/s for 60 s (does it come back?), each phase's answered
# latencies and refusals, and command-service's refusals by reason; every 2 s of the loaded phases, command-service's
# admission limit, requests waiting for their answer and queue delay ($out.trace). Environment variables reach the
# suite, so a setting can be compared with another: ADMISSION_QUEUE_TARGET=0s bench/saga/overload.sh nolimit
# MODEL_DELAY_MS: the model answers after that long (bench/SlowOllama.java), so the ai-worker's lanes, not the CPU,
# bound the saga (16 jobs at once per lane: 16 answers/s at 1000 ms).
# Run from a checkout's root: bench/saga/overload.sh <label>   (results in /tmp/overload-<label>.*)
set -uo pipefail
label=${1:?label}
source bench/saga/parts.sh
out=/tmp/overload-$label
if [ -n "${MODEL_DELAY_MS:-}" ]; then
  # the model is the bottleneck instead of the CPU: bench/SlowOllama.java answers each job after MODEL_DELAY_MS
  java bench/SlowOllama.java 11434 "$MODEL_DELAY_MS" > "$out.model" 2>&1 &
  model=$!
  export OLLAMA_ENABLED=true OLLAMA_BASE_URL=http://127.0.0.1:11434
fi
start_suite "$out.suite"
java bench/SagaLoadBench.java http://127.0.0.1:8080 10 "${WARM:-120}" 0 10 > "$out.warm" 2>&1
trace() {
  while sleep 2; do
    echo "$(date +%T) $(curl -s http://127.0.0.1:8082/actuator/prometheus | grep -E \
      '^commands_(admission_limit|pending_answers|queue_delay_seconds)[{ ]' | sed 's/{[^}]*}//' \
      | awk '{printf "%s=%s ", $1, $2}')"
  done
}
trace > "$out.trace" &
tracer=$!
java bench/SagaLoadBench.java http://127.0.0.1:8080 "${RATE:-30}",10 60 0 10 > "$out.load" 2>&1
kill $tracer
curl -s http://127.0.0.1:8082/actuator/prometheus | grep -E '^commands_rejected_overloaded_total' > "$out.refused"
stop_suite
[ -n "${model:-}" ] && kill "$model"
cat "$out".{load,refused}
