#!/bin/bash
# What the outbox row costs PostgreSQL against a logical decoding message (pg_logical_emit_message), the design's
# alternative: pgbench runs one saga step's transaction (dedup insert, state update, event) both ways, alternated,
# on a throwaway database with the real outbox migration. Reports tps and the machine's CPU ticks (1/100 s) per run
# with pgbench's own CPU beside it; the difference is PostgreSQL's. Run on a quiet machine, the suite stopped:
#   bench/pg/outbox-row-vs-message.sh [transactions per run, 10000] [rounds, 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
tx=${1:-10000}
rounds=${2:-3}
db=cloudya_outbox_bench
export PGOPTIONS="--client-min-messages=warning"
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" 2>/dev/null' EXIT
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -h 127.0.0.1 -U postgres -d "$db" -q -f outbox/src/main/resources/db/outbox/V0_1__outbox.sql \
  -f outbox/src/main/resources/db/outbox/R__outbox_traceparent.sql \
  -c "CREATE TABLE step (id int PRIMARY KEY, n bigint); INSERT INTO step SELECT g, 0 FROM generate_series(1, 100) g"
# one saga event, as the services write it
payload=$(tr -d '\n' < contracts/src/test/resources/golden/TokensReserved.json)
step_start() {
  printf '%s\n' '\set c random(1, 100)' 'BEGIN;' 'SELECT gen_random_uuid() AS uid \gset' \
    "INSERT INTO processed_event (consumer_group, event_id) VALUES ('bench', :uid);" \
    'UPDATE step SET n = n + 1 WHERE id = :c;'
}
{ step_start; echo "INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, occurred_at, traceparent)"
  echo "  VALUES (:uid, 'reservation', 'user-1', 'TokensReserved', 'reservation.events', '$payload'::jsonb, now(), NULL);"
  echo 'DELETE FROM outbox WHERE id = :uid;'; echo 'COMMIT;'; } > "$work/row.sql"
{ step_start; echo "SELECT pg_logical_emit_message(true, 'outbox', '$payload');"; echo 'COMMIT;'; } > "$work/message.sql"
busy() { awk 'NR == 1 {print $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat; }
for _ in $(seq 1 "$rounds"); do
  for kind in row message; do
    before=$(busy)
    result=$( { /usr/bin/time -f "pgbench-cpu-s=%U+%S" pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 1 \
      -t "$tx" -f "$work/$kind.sql" "$db"; } 2>&1 | grep -E '^tps|pgbench-cpu' | cut -d' ' -f1-3 | xargs)
    echo "$kind machine-ticks=$(( $(busy) - before )) $result"
  done
done
