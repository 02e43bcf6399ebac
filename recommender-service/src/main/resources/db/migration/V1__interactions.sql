-- What each customer did with each item, one row per event (and order line): the models' training data and
-- the live history that real-time recommendations fold in. The event id makes a redelivered event a no-op.
CREATE TABLE interaction (
    event_id  text             PRIMARY KEY,
    user_key  text             NOT NULL,
    item_id   text             NOT NULL,
    type      text             NOT NULL,
    value     double precision NOT NULL DEFAULT 0,
    at        timestamptz      NOT NULL
);
CREATE INDEX interaction_user ON interaction (user_key);

-- The catalog, from catalog.products.v1: text for the content model, categories for filters.
CREATE TABLE item (
    product_id  text        PRIMARY KEY,
    title       text,
    description text,
    category    text,
    brand       text,
    in_stock    boolean     NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
