#!/usr/bin/env bash
# Prepares the local PostgreSQL for Cloudya, idempotently:
#  - wal_level=logical (needed by the Debezium CDC relay), restarting the cluster only when it changes;
#  - one role and one database per service (plus a *_test database for the integration tests).
# Connection: PGHOST/PGPORT/PGUSER (defaults 127.0.0.1:5432, postgres), trust or ~/.pgpass auth.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SERVICES=(auth command token billing ai)
psql_q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

wait_for_postgres() {
  for _ in $(seq 1 60); do
    pg_isready -q && return 0
    sleep 0.5
  done
  echo "PostgreSQL at $PGHOST:$PGPORT is not answering" >&2
  return 1
}

start_cluster_if_down() {
  pg_isready -q && return 0
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  fi
  wait_for_postgres
}

ensure_logical_wal() {
  [ "$(psql_q 'SHOW wal_level')" = "logical" ] && return 0
  echo "Setting wal_level=logical and restarting PostgreSQL"
  psql_q "ALTER SYSTEM SET wal_level = logical"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main restart
  wait_for_postgres
}

# The relay's slots persist while the suite is down (that is what makes restarts lose nothing), but an inactive
# slot pins WAL for the whole cluster: cap what a forgotten slot may keep so a laptop's disk never fills.
ensure_slot_wal_cap() {
  local cap="${PG_SLOT_WAL_KEEP:-2GB}"
  [ "$(psql_q 'SHOW max_slot_wal_keep_size')" = "$cap" ] && return 0
  psql_q "ALTER SYSTEM SET max_slot_wal_keep_size = '$cap'"
  psql_q "SELECT pg_reload_conf()" >/dev/null
}

ensure_role() {
  local role=$1
  if [ -z "$(psql_q "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
    psql_q "CREATE ROLE $role LOGIN PASSWORD '$role'"
  fi
}

ensure_database() {
  local db=$1 owner=$2
  if [ -z "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_q "CREATE DATABASE $db OWNER $owner"
  fi
}

start_cluster_if_down
ensure_logical_wal
ensure_slot_wal_cap
for svc in "${SERVICES[@]}"; do
  ensure_role "cloudya_$svc"
  ensure_database "cloudya_$svc" "cloudya_$svc"
  ensure_database "cloudya_${svc}_test" "cloudya_$svc"
done
echo "PostgreSQL ready: wal_level=$(psql_q 'SHOW wal_level'), databases: ${SERVICES[*]/#/cloudya_}"
