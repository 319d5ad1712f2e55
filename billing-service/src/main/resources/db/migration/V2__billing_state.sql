-- The webhook log keeps the exact raw payload (text, not jsonb, so the signed bytes stay as received)
-- and the Stripe event's own creation time, which orders events; arrival order means nothing.
ALTER TABLE webhook_event
    ADD COLUMN payload        text,
    ADD COLUMN stripe_created timestamptz,
    ADD COLUMN outcome        varchar(32);

-- One Stripe customer per user, created on first need.
CREATE TABLE billing_customer (
    user_id            varchar(128) PRIMARY KEY,
    stripe_customer_id varchar(255) NOT NULL UNIQUE,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

-- Our view of each Stripe subscription. state_at is the Stripe event time (epoch seconds) of the newest
-- subscription object state applied: an older event never overwrites it.
CREATE TABLE subscription (
    id                     varchar(255) PRIMARY KEY,
    user_id                varchar(128) NOT NULL,
    plan                   varchar(32),
    status                 varchar(32)  NOT NULL,
    current_period_start   timestamptz,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean      NOT NULL DEFAULT false,
    state_at               bigint       NOT NULL DEFAULT 0,
    -- the period start of the newest paid invoice we announced (Started or Renewed)
    paid_period_start      timestamptz,
    -- the Stripe time (epoch seconds) of the newest invoice.paid / invoice.payment_failed applied
    payment_state_at       bigint       NOT NULL DEFAULT 0,
    past_due_since         timestamptz,
    started_at             timestamptz,
    ended_at               timestamptz,
    ended_reason           varchar(32),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX subscription_user ON subscription (user_id);
CREATE INDEX subscription_dunning ON subscription (past_due_since) WHERE past_due_since IS NOT NULL AND ended_at IS NULL;

-- Token top-ups, one per paid Checkout Session; refunds are cumulative amounts from Stripe.
CREATE TABLE top_up (
    id                varchar(255) PRIMARY KEY,
    user_id           varchar(128) NOT NULL,
    payment_intent_id varchar(255) UNIQUE,
    tokens            bigint       NOT NULL,
    amount_cents      bigint       NOT NULL,
    currency          varchar(8)   NOT NULL,
    refunded_cents    bigint       NOT NULL DEFAULT 0,
    refunded_tokens   bigint       NOT NULL DEFAULT 0,
    created_at        timestamptz  NOT NULL DEFAULT now()
);
