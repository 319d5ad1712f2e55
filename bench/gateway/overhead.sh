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
SECONDS_EACH=${1:-20}
WARMUP=${2:-60}
RUNS=${3:-2}
source bench/gateway/setup.sh

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
