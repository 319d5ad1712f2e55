-- The W3C traceparent of the span that wrote the event; the relay puts it on the Kafka record as the
-- "traceparent" header (Outbox Event Router additional field), so consumers continue the writer's trace.
-- Null when the writer ran outside any trace (a scheduled job).
--
-- Repeatable and idempotent on purpose: versions 0.x are this shared module's, and every service has versioned
-- migrations from 1 on, so a new 0.x version would be "out of order" on every existing database. Flyway applies a
-- repeatable migration after the versioned ones, on new and existing databases alike.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS traceparent varchar(128);
