-- The saga's state from the ledger: which reservation backs a command, its size, and the balance the ledger
-- reported once it was held (the answer's tokens_remaining is derived from these, see docs/events.md).
ALTER TABLE command
    ADD COLUMN reservation_id  uuid,
    ADD COLUMN reserved_tokens bigint,
    ADD COLUMN available_after bigint,
    ADD COLUMN trace_id        varchar(128),
    ADD COLUMN conversation_id uuid;

-- Chat: one conversation per thread, its messages in insertion order (the bigserial id).
CREATE TABLE conversation (
    id         uuid         PRIMARY KEY,
    user_id    varchar(128) NOT NULL,
    title      varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

CREATE INDEX conversation_user_updated_idx ON conversation (user_id, updated_at DESC);

CREATE TABLE chat_message (
    id              bigserial    PRIMARY KEY,
    conversation_id uuid         NOT NULL REFERENCES conversation (id),
    command_id      uuid         NOT NULL,
    role            varchar(16)  NOT NULL,
    content         text         NOT NULL,
    created_at      timestamptz  NOT NULL
);

CREATE INDEX chat_message_conversation_idx ON chat_message (conversation_id, id);
