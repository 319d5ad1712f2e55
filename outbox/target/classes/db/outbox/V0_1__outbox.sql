-- The transactional outbox (Debezium Outbox Event Router column names) and the consumer's dedup log.
-- Versions 0.x belong to this shared module; each service numbers its own migrations from 1.
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(64)  NOT NULL,
    aggregateid   varchar(128) NOT NULL,
    type          varchar(128) NOT NULL,
    topic         varchar(128) NOT NULL,
    payload       jsonb        NOT NULL,
    occurred_at   timestamptz  NOT NULL
);

-- Only inserts are published: rows are deleted in the same transaction that wrote them,
-- so the table stays empty and the delete never reaches the relay.
CREATE PUBLICATION cloudya_outbox FOR TABLE outbox WITH (publish = 'insert');

CREATE TABLE processed_event (
    consumer_group varchar(128) NOT NULL,
    event_id       uuid         NOT NULL,
    processed_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
