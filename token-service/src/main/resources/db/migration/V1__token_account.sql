-- Skeleton of the ledger's account row: just enough for the service to own a table.
-- The ledger issue adds the posted/pending counters and the append-only ledger_entry table.
CREATE TABLE token_account (
    user_id    varchar(128) PRIMARY KEY,
    plan       varchar(32)  NOT NULL DEFAULT 'free',
    created_at timestamptz  NOT NULL DEFAULT now()
);
