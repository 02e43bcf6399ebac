-- Outgoing webhooks, one per action channel: where a shop's push/SMS/e-mail gateway or POS takes the channel's actions.
-- The secret signs each request (HMAC-SHA256); it is needed in clear to sign, and never returned by the API.
-- enqueued_through: actions decided before it (less the enqueue margin) have their deliveries already; a cursor so the
-- enqueue does not rescan every action ever written.
CREATE TABLE webhook (
    channel           text PRIMARY KEY,
    url               text        NOT NULL,
    secret            text        NOT NULL,
    active            boolean     NOT NULL DEFAULT true,
    max_attempts      int         NOT NULL CHECK (max_attempts >= 1),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    enqueued_through  timestamptz NOT NULL
);

-- One delivery per action and channel, whatever the number of instances or restarts (the unique key); it goes with the
-- action when the customer is erased (ON DELETE CASCADE). 'pending' until delivered or dead; dead ones are the dead
-- letters, with the last HTTP status or error, and can be redriven.
CREATE TABLE webhook_delivery (
    delivery_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    action_id         text        NOT NULL REFERENCES engagement_action (action_id) ON DELETE CASCADE,
    channel           text        NOT NULL,
    state             text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts          int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_status       int,
    last_error        text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    delivered_at      timestamptz,
    UNIQUE (action_id, channel)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (channel, next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_state ON webhook_delivery (state, updated_at);

-- The enqueue reads a channel's actions from its cursor on.
CREATE INDEX engagement_action_channel_at ON engagement_action (channel, at);
