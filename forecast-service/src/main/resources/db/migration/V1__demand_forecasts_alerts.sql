-- Purchases already counted, by event id: a redelivered purchase adds nothing. Rows older than the
-- deduplication retention (longer than events.v1 keeps events) are pruned.
CREATE TABLE applied_event (
    event_id   text        PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_event_applied_at ON applied_event (applied_at);

-- Units sold per SKU, store ('online' for orders without one) and ISO week (its Monday, UTC), with the
-- revenue that gives the week's average price (a model feature) and the ABC classes.
CREATE TABLE weekly_demand (
    sku      text    NOT NULL,
    store    text    NOT NULL,
    week     date    NOT NULL,
    quantity bigint  NOT NULL,
    revenue  numeric NOT NULL,
    PRIMARY KEY (sku, store, week)
);
CREATE INDEX weekly_demand_week ON weekly_demand (week);

-- The latest stock count per SKU and store; a count that arrives late never overwrites a newer one.
CREATE TABLE stock (
    sku        text        NOT NULL,
    store      text        NOT NULL,
    on_hand    integer     NOT NULL,
    counted_at timestamptz NOT NULL,
    event_id   text        NOT NULL,
    PRIMARY KEY (sku, store)
);

-- SKUs whose history or stock changed since their forecasts were made: the durable debounce queue of the
-- recomputation. An instance claims a SKU until claimed_until; a SKU touched again meanwhile stays queued.
CREATE TABLE dirty_sku (
    sku              text        PRIMARY KEY,
    first_touched_at timestamptz NOT NULL,
    touched_at       timestamptz NOT NULL,
    claimed_until    timestamptz
);

-- The latest forecast per SKU and store ('all' = every store together), exactly as published.
CREATE TABLE forecast (
    sku         text        NOT NULL,
    store       text        NOT NULL,
    origin_week date        NOT NULL,
    body        jsonb       NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (sku, store)
);
CREATE INDEX forecast_origin_week ON forecast (origin_week);

-- The replenishment policy derived from each forecast.
CREATE TABLE policy (
    sku                    text             NOT NULL,
    store                  text             NOT NULL,
    abc_class              text             NOT NULL,
    service_level          double precision NOT NULL,
    expected_weekly_demand double precision NOT NULL,
    protection_demand      double precision NOT NULL,
    safety_stock           double precision NOT NULL,
    reorder_point          double precision NOT NULL,
    order_quantity         double precision NOT NULL,
    overstock_level        double precision NOT NULL,
    computed_at            timestamptz      NOT NULL,
    PRIMARY KEY (sku, store)
);

-- Alerts in force, one per SKU, store and type: published when opened and when resolved (the row goes).
CREATE TABLE open_alert (
    sku             text             NOT NULL,
    store           text             NOT NULL,
    type            text             NOT NULL,
    on_hand         double precision NOT NULL,
    threshold       double precision NOT NULL,
    suggested_order double precision NOT NULL,
    message         text             NOT NULL,
    opened_at       timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    PRIMARY KEY (sku, store, type)
);
CREATE INDEX open_alert_store ON open_alert (store);
