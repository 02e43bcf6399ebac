-- Portraits from profile.updates.v1: which user keys are one customer (so a store receipt on a member card converts the
-- web cart it follows) and what the journeys' portrait triggers and branch conditions read.
CREATE TABLE customer (
    customer_id        text PRIMARY KEY,
    lifecycle          text,
    segments           text[]      NOT NULL DEFAULT '{}',
    propensity         double precision,
    preferred_channel  text,
    updated_at         timestamptz NOT NULL
);
CREATE TABLE customer_key (
    user_key     text PRIMARY KEY,
    customer_id  text NOT NULL
);
CREATE INDEX customer_key_customer ON customer_key (customer_id);

-- The latest recommendations per customer (recommendations.v1), attached to actions that ask for them.
CREATE TABLE recommended (
    customer_id   text PRIMARY KEY,
    items         text[]      NOT NULL,
    generated_at  timestamptz NOT NULL
);

-- Delivery, open and click feedback on actions (message_* events through ingestion), once per event.
CREATE TABLE action_feedback (
    event_id   text PRIMARY KEY,
    action_id  text        NOT NULL,
    kind       text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX action_feedback_action ON action_feedback (action_id);

-- Which branch a customer was decided into and the offer it grants (for both groups: the uplift per offer).
ALTER TABLE journey_entry ADD COLUMN branch int, ADD COLUMN offer_id text;
CREATE INDEX journey_entry_offer ON journey_entry (offer_id);

-- Birthdays from identify traits (month and day only; the year is not kept), for birthday journeys.
CREATE TABLE customer_birthday (
    customer_key  text PRIMARY KEY,
    month_day     text        NOT NULL,
    channel       text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX customer_birthday_day ON customer_birthday (month_day);
