-- One row per answered AI job: who asked, which provider and model answered, how many words it cost.
CREATE TABLE ai_job (
    id          uuid         PRIMARY KEY, -- the AiJobRequested event id
    command_id  uuid         NOT NULL,
    user_id     varchar(128) NOT NULL,
    provider    varchar(64)  NOT NULL,
    model       varchar(128) NOT NULL,
    words_used  integer      NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE INDEX ai_job_command_idx ON ai_job (command_id);
