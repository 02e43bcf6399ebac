-- Erased customers' keys, as SHA-256 digests only, with when this service erased them: a replay of events.v1 (the
-- orders and refunds from before the erasure) must not bring the customer back, while newer activity under the same
-- key is a new customer.
CREATE TABLE erased_key (
    key_digest text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
