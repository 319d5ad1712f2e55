-- The token ledger. ledger_entry is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); token_account
-- holds the current buckets and the TigerBeetle-style counters, updated in the same transaction as each entry,
-- so every column of token_account is re-derivable as a sum over the account's entries (LedgerAudit checks it).
CREATE TABLE token_account (
    user_id        varchar(128) PRIMARY KEY,
    plan           varchar(32)  NOT NULL,
    -- a downgrade or cancellation waits here until the next refill
    pending_plan   varchar(32),
    period_start   timestamptz  NOT NULL,
    period_end     timestamptz  NOT NULL,
    rolled_over    bigint       NOT NULL CHECK (rolled_over >= 0),
    allowance      bigint       NOT NULL CHECK (allowance >= 0),
    purchased      bigint       NOT NULL CHECK (purchased >= 0),
    reserved       bigint       NOT NULL CHECK (reserved >= 0),
    credits_posted bigint       NOT NULL CHECK (credits_posted >= 0),
    debits_posted  bigint       NOT NULL CHECK (debits_posted >= 0),
    opened_at      timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    -- available = credits_posted - debits_posted - debits_pending (reserved), the ledger's identity
    CONSTRAINT balance_identity
        CHECK (rolled_over + allowance + purchased = credits_posted - debits_posted - reserved)
);
CREATE INDEX token_account_period_end ON token_account (period_end);

CREATE TABLE ledger_entry (
    id              bigserial    PRIMARY KEY,
    user_id         varchar(128) NOT NULL REFERENCES token_account (user_id),
    code            varchar(24)  NOT NULL,
    amount          bigint       NOT NULL CHECK (amount >= 0),
    -- the exact change this entry made to each bucket and counter of the account
    d_rolled_over   bigint       NOT NULL,
    d_allowance     bigint       NOT NULL,
    d_purchased     bigint       NOT NULL,
    d_reserved      bigint       NOT NULL,
    credit          bigint       NOT NULL CHECK (credit >= 0),
    debit           bigint       NOT NULL CHECK (debit >= 0),
    available_after bigint       NOT NULL CHECK (available_after >= 0),
    ref             varchar(200),
    event_id        uuid,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX ledger_entry_user_newest ON ledger_entry (user_id, id DESC);
-- business idempotency: one purchase, one refund per purchase id, one grant per period reference
CREATE UNIQUE INDEX ledger_entry_purchase_once ON ledger_entry (ref) WHERE code = 'PURCHASE';
CREATE UNIQUE INDEX ledger_entry_refund_once ON ledger_entry (ref) WHERE code = 'REFUND';
CREATE UNIQUE INDEX ledger_entry_grant_once ON ledger_entry (user_id, ref) WHERE code = 'GRANT';

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: write a correcting entry instead of %', TG_OP;
END;
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();

-- One row per command: PENDING until settled, released or expired; REJECTED when nothing could be held.
-- The hold_* columns say which buckets the reserved tokens were taken from (spending order).
CREATE TABLE reservation (
    reservation_id   uuid         PRIMARY KEY,
    command_id       uuid         NOT NULL UNIQUE,
    user_id          varchar(128) NOT NULL REFERENCES token_account (user_id),
    requested        bigint       NOT NULL,
    amount           bigint       NOT NULL CHECK (amount >= 0),
    hold_rolled_over bigint       NOT NULL CHECK (hold_rolled_over >= 0),
    hold_allowance   bigint       NOT NULL CHECK (hold_allowance >= 0),
    hold_purchased   bigint       NOT NULL CHECK (hold_purchased >= 0),
    period_start     timestamptz  NOT NULL,
    status           varchar(16)  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    created_at       timestamptz  NOT NULL,
    resolved_at      timestamptz,
    charged          bigint,
    released         bigint,
    CHECK (hold_rolled_over + hold_allowance + hold_purchased = amount)
);
CREATE INDEX reservation_pending_expiry ON reservation (expires_at) WHERE status = 'PENDING';

-- A command's outcome that arrived before its CommandRequested (fast-path and relay copies interleave):
-- kept until the reservation exists, then applied in the reservation's own transaction.
CREATE TABLE early_outcome (
    command_id     uuid         PRIMARY KEY,
    user_id        varchar(128) NOT NULL,
    words_used     integer,
    failure_reason varchar(64),
    received_at    timestamptz  NOT NULL
);
