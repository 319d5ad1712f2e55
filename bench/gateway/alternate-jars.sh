#!/usr/bin/env bash
# Two builds of our gateway, alternated on the same running setup (bench/gateway/setup.sh): for each jar in turn,
# restart the gateway with it, 60 s of warm traffic at 16 connections, three 15 s runs at 16 connections with the
# CLI key (requests/s, p50, the gateway's CPU per request from /proc), then 10 s at 1 connection with the key and
# with the JWT. Alternating, rather than one jar's runs after the other's, spreads the machine's drift over both.
#   [CREDENTIAL=jwt] bench/gateway/alternate-jars.sh <before.jar> <after.jar> [rounds=2]   (16-connection runs with the
#   CLI key by default, with the JWT when CREDENTIAL=jwt)
# Copy the jars out of gateway-service/target first; same needs and ports as overhead.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2"); ROUNDS=${3:-2}
source bench/gateway/setup.sh
URL="http://127.0.0.1:9080$PATH_Q"
if [ "${CREDENTIAL:-key}" = jwt ]; then AT_16="$JWT"; else AT_16="$KEY"; fi

restart_gateway() { # jar
  local old; old=$(cat "$VAR/gateway-service.pid")
  kill "$old"; while kill -0 "$old" 2>/dev/null; do sleep 0.5; done
  run_jar gateway-service "$1" PORT=9080 AUTH_URL=http://127.0.0.1:9081 AUTH_ISSUER=http://127.0.0.1:9081 \
    TOKEN_URL=http://127.0.0.1:9000 RATE_FREE_RPM=600000000 RATE_FREE_BURST=600000000
  wait_for http://127.0.0.1:9080/actuator/health
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$(cat "$VAR/gateway-service.pid")/stat"; }

measure() { # label jar
  restart_gateway "$2"
  wrk -t2 -c16 -d60s -H "Authorization: Bearer $AT_16" "$URL" >/dev/null
  local line="$1 at 16:" i c0 out
  for i in 1 2 3; do
    c0=$(cpu_ticks)
    out=$(wrk -t2 -c16 -d15s --latency -H "Authorization: Bearer $AT_16" "$URL")
    line+=$(echo "$out" | awk -v ticks=$(( $(cpu_ticks) - c0 )) '
      $1 == "50%" { p50 = $2 } $1 == "Requests/sec:" { rps = $2 } / requests in / { n = $1 }
      END { printf " [%d/s p50 %s cpu %.3f ms]", rps, p50, ticks * 10 / n }')
  done
  for credential in "$KEY" "$JWT"; do
    line+=" 1 conn p50 $(wrk -t1 -c1 -d10s --latency -H "Authorization: Bearer $credential" "$URL" | awk '$1 == "50%" {print $2}')"
  done
  echo "$line"
}

for round in $(seq 1 "$ROUNDS"); do
  measure "before" "$BEFORE"
  measure "after " "$AFTER"
done
