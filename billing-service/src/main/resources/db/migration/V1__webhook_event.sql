-- Skeleton of the Stripe webhook log: the Stripe event id is the primary key so a redelivered
-- webhook can be recognised. The billing issue adds payload handling, customers and subscriptions.
CREATE TABLE webhook_event (
    id          varchar(255) PRIMARY KEY,
    type        varchar(128) NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now()
);
