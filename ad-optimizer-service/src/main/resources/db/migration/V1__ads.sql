-- Money is stored in micros (millionths) of the reporting currency, so sums are exact.

-- The campaign registry (admin).
CREATE TABLE campaign (
    campaign_id         text PRIMARY KEY,
    name                text NOT NULL,
    channels            text[] NOT NULL,
    daily_budget_micros bigint NOT NULL,
    min_daily_micros    bigint NOT NULL,
    max_daily_micros    bigint NOT NULL,
    target_segments     text[] NOT NULL DEFAULT '{}',
    active              boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE campaign_ad (
    ad_id       text PRIMARY KEY,                  -- unique across campaigns, as the platforms' events name it
    campaign_id text NOT NULL REFERENCES campaign (campaign_id) ON DELETE CASCADE,
    position    int NOT NULL,
    name        text NOT NULL,
    creative    text
);
CREATE INDEX campaign_ad_campaign ON campaign_ad (campaign_id, position);

-- Ad events already counted: a redelivered event changes nothing (pruned after the retention of events.v1).
CREATE TABLE ad_event_seen (
    event_id text PRIMARY KEY,
    seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ad_event_seen_at ON ad_event_seen (seen_at);

-- Anonymous daily counters per (campaign, day in the reporting zone, ad, channel); registered or not.
CREATE TABLE ad_daily (
    campaign_id text NOT NULL,
    day         date NOT NULL,
    ad_id       text NOT NULL,
    channel     text NOT NULL,
    impressions bigint NOT NULL DEFAULT 0,
    clicks      bigint NOT NULL DEFAULT 0,
    cost_micros bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, day, ad_id, channel)
);
CREATE INDEX ad_daily_ad ON ad_daily (ad_id, day);
CREATE INDEX ad_daily_day ON ad_daily (day);

-- Clicks as touches that can earn credit for a later purchase (personal: erased with the customer).
CREATE TABLE ad_touch (
    event_id    text PRIMARY KEY,
    user_key    text NOT NULL,
    at          timestamptz NOT NULL,
    campaign_id text NOT NULL,
    ad_id       text NOT NULL,
    channel     text NOT NULL
);
CREATE INDEX ad_touch_user ON ad_touch (user_key, at);

-- Purchases, once per order id; user_key is cleared by an erasure (the order stays so a replay is not counted again).
CREATE TABLE ad_order (
    order_id      text PRIMARY KEY,
    user_key      text,
    at            timestamptz NOT NULL,
    day           date NOT NULL,
    amount_micros bigint NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ad_order_user ON ad_order (user_key, at);

-- Attribution credits per order, model and (campaign, ad, channel), dated by the purchase day. Under last_touch
-- touch_event_id names the click that earned the order (revenue per click for experiments).
CREATE TABLE ad_credit (
    order_id       text NOT NULL,
    model          text NOT NULL,
    campaign_id    text NOT NULL,
    ad_id          text NOT NULL,
    channel        text NOT NULL,
    day            date NOT NULL,
    conversions    double precision NOT NULL,
    revenue_micros bigint NOT NULL,
    touch_event_id text,
    PRIMARY KEY (order_id, model, campaign_id, ad_id, channel)
);
CREATE INDEX ad_credit_campaign ON ad_credit (model, campaign_id, day);
CREATE INDEX ad_credit_ad ON ad_credit (model, ad_id, day);

-- Customers from profile.updates.v1: which user keys are one customer, and what audiences need.
CREATE TABLE customer (
    customer_id text PRIMARY KEY,
    segments    text[] NOT NULL DEFAULT '{}',
    propensity  double precision,
    churn_risk  double precision,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE customer_key (
    user_key    text PRIMARY KEY,
    customer_id text NOT NULL
);
CREATE INDEX customer_key_customer ON customer_key (customer_id);

-- Budget decisions, also the outbox of ads.decisions.v1.
CREATE TABLE ad_decision (
    decision_id text PRIMARY KEY,
    policy      text NOT NULL,
    record      jsonb NOT NULL,
    response    jsonb NOT NULL,
    decided_at  timestamptz NOT NULL,
    published   boolean NOT NULL DEFAULT false
);
CREATE INDEX ad_decision_unpublished ON ad_decision (decided_at) WHERE NOT published;
