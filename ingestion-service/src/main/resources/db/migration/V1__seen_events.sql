-- Event ids already published, for dropping messages a channel resends. The source (raw topic, partition,
-- offset) tells a resend apart from this service reprocessing its own message after a crash.
CREATE TABLE seen_events (
    event_id      uuid        PRIMARY KEY,
    src_topic     text        NOT NULL,
    src_partition integer     NOT NULL,
    src_offset    bigint      NOT NULL,
    seen_at       timestamptz NOT NULL DEFAULT now()
);

-- Rows arrive in time order, so a BRIN index finds expired ones at almost no write cost.
CREATE INDEX seen_events_seen_at ON seen_events USING brin (seen_at);
