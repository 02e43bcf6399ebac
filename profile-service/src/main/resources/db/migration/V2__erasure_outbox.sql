-- What an erasure must still tell Kafka (the request on privacy.erasure.v1, the tombstone on profile.updates.v1 and
-- this service's acknowledgement), written in the transaction that deletes the customer so that a broker outage
-- cannot lose it. The relay deletes a row once the broker has acknowledged it: it names the erased customer's keys,
-- which must not outlive their delivery. A null value is a tombstone.
CREATE TABLE erasure_outbox (
    id         bigserial   PRIMARY KEY,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    value      bytea,
    created_at timestamptz NOT NULL DEFAULT now()
);
