-- Skeleton of the user store: just enough for the service to own a table. The auth issue extends it.
CREATE TABLE app_user (
    id         uuid PRIMARY KEY,
    email      varchar(320) NOT NULL UNIQUE,
    plan       varchar(32)  NOT NULL DEFAULT 'free',
    created_at timestamptz  NOT NULL DEFAULT now()
);
