-- The identity graph: every user key ever seen, and the customer (connected component) it belongs to.
CREATE TABLE identity (
    key         text        PRIMARY KEY,
    customer_id text        NOT NULL,
    linked_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_customer ON identity (customer_id);

-- One portrait per customer, as a JSON document; scores are written by the model job.
CREATE TABLE profile (
    customer_id  text             PRIMARY KEY,
    user_id      text,
    portrait     jsonb            NOT NULL,
    propensity   double precision,
    churn_risk   double precision,
    updated_at   timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX profile_user ON profile (user_id);

-- The compact event history the models learn from (and export returns).
CREATE TABLE customer_event (
    customer_id text        NOT NULL,
    event_id    text        NOT NULL,
    at          timestamptz NOT NULL,
    type        text        NOT NULL,
    channel     text,
    amount      numeric,
    category    text,
    PRIMARY KEY (customer_id, event_id)
);
CREATE INDEX customer_event_at ON customer_event (at);

-- Product categories and brands from catalog.products.v1, for interests from events that carry only an id.
CREATE TABLE product (
    product_id text        PRIMARY KEY,
    category   text,
    brand      text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Offsets of events.v1, written in the same transaction as the portraits: each event is applied exactly once.
CREATE TABLE consumer_offset (
    group_id    text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (group_id, topic, partition)
);

CREATE TABLE segment (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('rule', 'cluster')),
    definition  jsonb,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE segment_member (
    segment_id  text        NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    customer_id text        NOT NULL,
    since       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_member_customer ON segment_member (customer_id);

-- Trained models (coefficients and standardization) with their time-split quality.
CREATE TABLE model_run (
    id         bigserial   PRIMARY KEY,
    kind       text        NOT NULL,
    trained_at timestamptz NOT NULL DEFAULT now(),
    model      jsonb       NOT NULL,
    metrics    jsonb       NOT NULL
);

-- Erased customers' keys, as SHA-256 digests only: a replay of events.v1 must not bring them back.
CREATE TABLE erased_key (
    key_digest text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
