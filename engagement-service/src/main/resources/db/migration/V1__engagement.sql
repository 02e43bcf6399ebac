-- Offers: the definition as the admin saved it (JSON of domain.Offer) and the counters redemptions move.
CREATE TABLE offer (
    offer_id     text PRIMARY KEY,
    definition   jsonb       NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    granted      bigint      NOT NULL DEFAULT 0,
    redemptions  bigint      NOT NULL DEFAULT 0,
    spent        numeric(16, 2) NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- One customer's code for an offer: codes are random and unique, the way a store redeems an offer.
CREATE TABLE offer_grant (
    code          text PRIMARY KEY,
    offer_id      text        NOT NULL REFERENCES offer (offer_id),
    customer_key  text        NOT NULL,
    granted_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    redemptions   int         NOT NULL DEFAULT 0,
    action_id     text
);
CREATE INDEX offer_grant_customer ON offer_grant (customer_key);
CREATE INDEX offer_grant_offer_customer ON offer_grant (offer_id, customer_key);

-- Every coupon_redeemed event once (its id is the key), accepted or refused, with the discount counted.
CREATE TABLE redemption (
    event_id      text PRIMARY KEY,
    code          text,
    offer_id      text,
    customer_key  text,
    channel       text        NOT NULL,
    order_id      text,
    discount      numeric(16, 2) NOT NULL DEFAULT 0,
    accepted      boolean     NOT NULL,
    reason        text,
    at            timestamptz NOT NULL
);
CREATE INDEX redemption_offer ON redemption (offer_id);
CREATE INDEX redemption_customer ON redemption (customer_key);

-- Journeys: definition as JSON of domain.Journey.
CREATE TABLE journey (
    journey_id    text PRIMARY KEY,
    definition    jsonb       NOT NULL,
    trigger_kind  text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- A trigger waiting for its due time, then what became of it. One per (journey, customer, trigger event) for ever, and
-- at most one pending per (journey, customer): a second cart change while one waits is the same abandoned cart.
CREATE TABLE journey_trigger (
    journey_id        text        NOT NULL,
    customer_key      text        NOT NULL,
    trigger_event_id  text        NOT NULL,
    channel           text        NOT NULL,
    items             text[]      NOT NULL DEFAULT '{}',
    triggered_at      timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    state             text        NOT NULL DEFAULT 'pending',
    decided_at        timestamptz,
    PRIMARY KEY (journey_id, customer_key, trigger_event_id)
);
CREATE UNIQUE INDEX journey_trigger_one_pending ON journey_trigger (journey_id, customer_key) WHERE state = 'pending';
CREATE INDEX journey_trigger_due ON journey_trigger (due_at) WHERE state = 'pending';
CREATE INDEX journey_trigger_customer ON journey_trigger (customer_key);

-- Who entered a journey's experiment, and in which group; the base of the uplift.
CREATE TABLE journey_entry (
    journey_id        text        NOT NULL,
    customer_key      text        NOT NULL,
    trigger_event_id  text        NOT NULL,
    holdout           boolean     NOT NULL,
    entered_at        timestamptz NOT NULL,
    PRIMARY KEY (journey_id, customer_key, trigger_event_id)
);
CREATE INDEX journey_entry_customer ON journey_entry (customer_key);

-- Actions, also the outbox of engagement.actions.v1: the unique key makes a trigger evaluated twice write one action.
CREATE TABLE engagement_action (
    action_id         text PRIMARY KEY,
    journey_id        text        NOT NULL,
    customer_key      text        NOT NULL,
    trigger_event_id  text        NOT NULL,
    channel           text        NOT NULL,
    record            jsonb       NOT NULL,
    at                timestamptz NOT NULL,
    published         boolean     NOT NULL DEFAULT false,
    UNIQUE (journey_id, customer_key, trigger_event_id)
);
CREATE INDEX engagement_action_customer ON engagement_action (customer_key, at);
CREATE INDEX engagement_action_unpublished ON engagement_action (at) WHERE NOT published;

-- Purchases (for "bought within the wait" and for conversions), once per event id.
CREATE TABLE purchase (
    event_id      text PRIMARY KEY,
    customer_key  text           NOT NULL,
    channel       text           NOT NULL,
    order_id      text,
    amount        numeric(16, 2) NOT NULL,
    currency      text           NOT NULL,
    at            timestamptz    NOT NULL
);
CREATE INDEX purchase_customer ON purchase (customer_key, at);
CREATE INDEX purchase_order ON purchase (order_id);

-- Channels a customer opted out of: from identify traits (latest event wins) or the admin API.
CREATE TABLE consent (
    customer_key  text        NOT NULL,
    channel       text        NOT NULL,
    opted_out     boolean     NOT NULL,
    source        text        NOT NULL,
    at            timestamptz NOT NULL,
    PRIMARY KEY (customer_key, channel)
);

-- Erased customers' keys (SHA-256 digests) and when: a replay of older events must not bring them back.
CREATE TABLE erased_key (
    key_digest text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
