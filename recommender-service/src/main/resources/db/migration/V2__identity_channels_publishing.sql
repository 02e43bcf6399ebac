-- The channel of each interaction (per-channel popularity) and when it was stored (who is active, for
-- recommendations.v1).
ALTER TABLE interaction ADD COLUMN channel text;
ALTER TABLE interaction ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX interaction_stored_at ON interaction (stored_at);

-- Customers from profile.updates.v1: which user keys are one customer (a store card and a login), and the
-- segments whose popularity stands in for a thin history.
CREATE TABLE customer (
    customer_id       text        PRIMARY KEY,
    segments          text[]      NOT NULL DEFAULT '{}',
    preferred_channel text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE customer_key (
    user_key    text PRIMARY KEY,
    customer_id text NOT NULL
);
CREATE INDEX customer_key_customer ON customer_key (customer_id);

-- How far recommendations.v1 has been published: interactions stored after this mark make a customer active.
CREATE TABLE publication (
    id           int         PRIMARY KEY,
    published_to timestamptz NOT NULL
);
