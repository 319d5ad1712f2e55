#!/usr/bin/env bash
# Gateway overhead, side by side in one run: a tiny upstream (nginx `return 200`) called directly, through nginx
# proxy_pass, through a bare Spring Cloud Gateway route (bench/bare-gateway) and through our gateway-service with its
# real authentication (own JWT, then a CLI API key checked with auth-service) and its Redis rate limiter; wrk at 1
# and 16 connections, after a warm-up, repeated. Prints a Markdown table (p50/p99 in ms, requests/s).
# Run on a quiet machine with the suite stopped (it uses ports 9000-9002, 9080, 9081):
#   bench/gateway/overhead.sh [seconds=20] [warmup-seconds=60] [runs=2]
# Needs: wrk and nginx (Debian: apt-get install wrk nginx-light), the local PostgreSQL (prepared here) and Redis.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
source bin/lib/java.sh
infra/scripts/prepare-postgres.sh >/dev/null   # roles and databases, idempotent (as bin/cloudya-up does)
SECONDS_EACH=${1:-20}
WARMUP=${2:-60}
RUNS=${3:-2}
VAR="$ROOT/var/bench-gateway"
JVM_OPTS="${JVM_OPTS:--Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m}"
declare -a PIDS=()
trap 'kill ${PIDS[*]} 2>/dev/null || true' EXIT

for jar in gateway-service/target/gateway-service.jar auth-service/target/auth-service.jar \
           bench/bare-gateway/target/bare-gateway.jar; do
  [ -f "$jar" ] || ./mvnw -B -ntp -q -DskipTests -pl gateway-service,auth-service,bench/bare-gateway -am package
done
mkdir -p "$VAR"/{client_body,proxy,fastcgi,uwsgi,scgi}
sed "s|@VAR@|$VAR|g" bench/gateway/nginx.conf.template >"$VAR/nginx.conf"
nginx -c "$VAR/nginx.conf" -p "$VAR" & PIDS+=($!)

run_jar() { # name jar env...
  local name=$1 jar=$2; shift 2
  # shellcheck disable=SC2086
  env "$@" java $JVM_OPTS -jar "$jar" >"$VAR/$name.log" 2>&1 & PIDS+=($!)
  echo $! >"$VAR/$name.pid"
}
run_jar bare-gateway bench/bare-gateway/target/bare-gateway.jar PORT=9002 UPSTREAM_URL=http://127.0.0.1:9000
run_jar auth-service auth-service/target/auth-service.jar PORT=9081 AUTH_ISSUER=http://127.0.0.1:9081 \
  ACCESS_TOKEN_TTL=3h
run_jar gateway-service gateway-service/target/gateway-service.jar PORT=9080 AUTH_URL=http://127.0.0.1:9081 \
  AUTH_ISSUER=http://127.0.0.1:9081 TOKEN_URL=http://127.0.0.1:9000 \
  RATE_FREE_RPM=600000000 RATE_FREE_BURST=600000000

wait_for() { # url
  for _ in $(seq 1 180); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "$1 did not come up" >&2; exit 1
}
wait_for http://127.0.0.1:9000/ && wait_for http://127.0.0.1:9001/ && wait_for http://127.0.0.1:9002/
wait_for http://127.0.0.1:9081/actuator/health && wait_for http://127.0.0.1:9080/actuator/health

# a CLI user, as the README makes one: register, log in (JWT), create an API key
credentials="{\"email\":\"gw-bench-$RANDOM$RANDOM@example.com\",\"password\":\"Gw-Bench-Horse-$RANDOM$RANDOM\"}"
json() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }
curl -fsS -H 'Content-Type: application/json' -d "$credentials" http://127.0.0.1:9080/api/auth/register >/dev/null
JWT=$(curl -fsS -H 'Content-Type: application/json' -d "$credentials" http://127.0.0.1:9080/api/auth/login | json access_token)
KEY=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $JWT" -d '{"name":"bench"}' \
  http://127.0.0.1:9080/api/auth/api-keys | json key)
[ -n "$JWT" ] && [ -n "$KEY" ] || { echo "could not make the bench user" >&2; exit 1; }
PATH_Q=/api/tokens/balance
curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" "http://127.0.0.1:9080$PATH_Q"

declare -A TARGETS=(
  [direct]="http://127.0.0.1:9000$PATH_Q|"
  [nginx]="http://127.0.0.1:9001$PATH_Q|"
  [bare-scg]="http://127.0.0.1:9002$PATH_Q|"
  [ours-jwt]="http://127.0.0.1:9080$PATH_Q|Authorization: Bearer $JWT"
  [ours-key]="http://127.0.0.1:9080$PATH_Q|Authorization: Bearer $KEY"
)
ORDER=(direct nginx bare-scg ours-jwt ours-key)

bench() { # target connections seconds → "p50 p99 rps" (ms, ms, req/s)
  local url=${TARGETS[$1]%%|*} header=${TARGETS[$1]#*|} threads=$(( $2 > 1 ? 2 : 1 ))
  local args=(-t"$threads" -c"$2" -d"$3"s --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 } / [0-9]+ requests in / { total = $1 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.3f %.3f %.0f %d\n", p50, p99, rps, bad }'
}

echo "warming up for ${WARMUP}s (16 connections on bare-scg, ours-jwt and ours-key at once)..." >&2
warming=()
for t in bare-scg ours-jwt ours-key; do bench "$t" 16 "$WARMUP" >/dev/null & warming+=($!); done
wait "${warming[@]}"

echo "| run | target | conns | p50 ms | p99 ms | added p50 ms | requests/s | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  for conns in 1 16; do
    base=""
    for t in "${ORDER[@]}"; do
      read -r p50 p99 rps bad <<<"$(bench "$t" "$conns" "$SECONDS_EACH")"
      [ -z "$base" ] && base=$p50
      added=$(awk -v a="$p50" -v b="$base" 'BEGIN { printf "%.3f", a - b }')
      echo "| $run | $t | $conns | $p50 | $p99 | $added | $rps | $bad |"
    done
  done
done
echo
echo "RSS after the runs: gateway-service $(( $(awk '/VmRSS/ {print $2}' /proc/$(cat "$VAR/gateway-service.pid")/status) / 1024 )) MiB," \
  "bare-gateway $(( $(awk '/VmRSS/ {print $2}' /proc/$(cat "$VAR/bare-gateway.pid")/status) / 1024 )) MiB"
