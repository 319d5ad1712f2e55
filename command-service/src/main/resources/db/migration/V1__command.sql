-- One row per command the user asked; the result columns are filled when the ai-worker answers.
CREATE TABLE command (
    id              uuid         PRIMARY KEY,
    user_id         varchar(128) NOT NULL,
    plan            varchar(32)  NOT NULL,
    user_input      text         NOT NULL,
    execution_mode  varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    response        text,
    commands        jsonb,
    provider        varchar(64),
    model           varchar(128),
    words_used      integer,
    failure_code    varchar(64),
    failure_message text
);

-- The history endpoint lists one user's commands, newest first.
CREATE INDEX command_user_created_idx ON command (user_id, created_at DESC);
