-- Credentials, CLI keys, refresh-token families, signing keys and login throttling.

-- null for accounts that sign in through an external issuer (Keycloak): they have no Cloudya password
ALTER TABLE app_user ADD COLUMN password_hash text;
-- a downgrade or cancellation takes effect at the end of the paid period, so it waits here until then
ALTER TABLE app_user ADD COLUMN pending_plan varchar(32);
ALTER TABLE app_user ADD COLUMN pending_plan_at timestamptz;
-- the newest billing event applied: an older one delivered late must not undo it
ALTER TABLE app_user ADD COLUMN plan_event_at timestamptz;

-- one row per (issuer, subject) seen at the gateway: the Cloudya account behind a Keycloak user
CREATE TABLE external_identity (
    issuer     varchar(500) NOT NULL,
    subject    varchar(255) NOT NULL,
    user_id    uuid         NOT NULL REFERENCES app_user (id),
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);

-- only SHA-256 hashes of refresh tokens are kept; a used token stays as evidence for reuse detection
CREATE TABLE refresh_token (
    id         uuid PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    token_hash bytea       NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

CREATE TABLE api_key (
    id           uuid PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES app_user (id),
    name         varchar(100) NOT NULL,
    prefix       varchar(16)  NOT NULL,
    key_hash     bytea        NOT NULL UNIQUE,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_key_user ON api_key (user_id);

-- the private JWK of each signing key; the newest signs, the newest two are published in the JWKS
CREATE TABLE signing_key (
    kid        varchar(64) PRIMARY KEY,
    jwk        text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- failed logins per account and per client address within a window; a full window locks the key
CREATE TABLE login_failure (
    throttle_key varchar(400) PRIMARY KEY,
    failures     int          NOT NULL,
    window_start timestamptz  NOT NULL,
    locked_until timestamptz
);
