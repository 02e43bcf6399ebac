-- Phone, e-mail and member-card links from unverified (client-side) sources: kept aside, never part of the graph.
CREATE TABLE identity_hint (
    key         text        NOT NULL,
    customer_id text        NOT NULL,
    channel     text,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    PRIMARY KEY (key, customer_id)
);
CREATE INDEX identity_hint_customer ON identity_hint (customer_id);

-- Links the graph refused because they would have joined two customers; listed for back-office review.
CREATE TABLE identity_conflict (
    id                bigserial   PRIMARY KEY,
    customer_id       text        NOT NULL,
    other_customer_id text        NOT NULL,
    key               text        NOT NULL,
    reason            text        NOT NULL,
    channel           text,
    event_id          text,
    at                timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_conflict_customer ON identity_conflict (customer_id);
CREATE INDEX identity_conflict_other ON identity_conflict (other_customer_id);

-- The key each history row arrived under, so an admin can split a wrong merge back along it.
ALTER TABLE customer_event ADD COLUMN subject text;
