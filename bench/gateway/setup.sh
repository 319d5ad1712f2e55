# Sourced by the gateway benchmarks (run from the repository root, with set -euo pipefail): starts the tiny upstream
# and the nginx floor (ports 9000, 9001), the bare Spring Cloud Gateway (9002), auth-service (9081) and our gateway
# (9080, pid in $VAR/gateway-service.pid), all stopped when the calling script exits; makes a CLI user and leaves
# its token in JWT and its API key in KEY; PATH_Q is the proxied path. run_jar starts a JVM the same way.
source bin/lib/java.sh
infra/scripts/prepare-postgres.sh >/dev/null   # roles and databases, idempotent (as bin/cloudya-up does)
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
