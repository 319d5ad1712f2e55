#!/usr/bin/env bash
# Makes sure a Redis answers at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379), starting a local one if not.
set -euo pipefail
host="${REDIS_HOST:-127.0.0.1}" port="${REDIS_PORT:-6379}"
if redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG; then
  echo "Redis ready at $host:$port"; exit 0
fi
command -v redis-server >/dev/null || { echo "Redis is not running and redis-server is not installed" >&2; exit 1; }
mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log
for _ in $(seq 1 40); do
  redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG && { echo "Redis started at $host:$port"; exit 0; }
  sleep 0.25
done
echo "Redis did not start" >&2; exit 1
