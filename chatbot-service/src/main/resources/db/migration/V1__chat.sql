-- Orders as the chatbot needs them, from purchase and refund events (idempotent per event).
CREATE TABLE chat_order (
    order_key  text PRIMARY KEY,            -- upper-cased order id: customers type it in any case
    order_id   text NOT NULL,
    user_key   text NOT NULL,
    placed_at  timestamptz NOT NULL,
    amount     numeric(14, 2) NOT NULL,
    currency   text NOT NULL,
    items      int NOT NULL,
    store_id   text
);
CREATE INDEX chat_order_user ON chat_order (user_key, placed_at DESC);

CREATE TABLE chat_refund (
    event_id   text PRIMARY KEY,
    order_key  text NOT NULL,
    user_key   text NOT NULL,
    amount     numeric(14, 2) NOT NULL,
    refunded_at timestamptz NOT NULL
);
CREATE INDEX chat_refund_order ON chat_refund (order_key);
CREATE INDEX chat_refund_user ON chat_refund (user_key);

-- Dialogue state per session; a session idle past the TTL starts over.
CREATE TABLE chat_session (
    session_id text PRIMARY KEY,
    user_key   text NOT NULL,
    channel    text NOT NULL,
    state      jsonb NOT NULL,
    turns      int NOT NULL DEFAULT 0,      -- turns ever taken in this session (numbers them)
    started_at timestamptz NOT NULL,        -- the current conversation's start (after an expiry, a later one)
    updated_at timestamptz NOT NULL
);
CREATE INDEX chat_session_user ON chat_session (user_key);
CREATE INDEX chat_session_updated ON chat_session (updated_at);

-- Every turn (phones masked), also the outbox of chat.transcripts.v1.
CREATE TABLE chat_turn (
    turn_id     text PRIMARY KEY,
    session_id  text NOT NULL,
    seq         int NOT NULL,
    user_key    text NOT NULL,
    channel     text NOT NULL,
    language    text,
    text        text NOT NULL,
    reply       text NOT NULL,
    intent      text NOT NULL,
    confidence  double precision NOT NULL,
    sentiment   double precision NOT NULL,
    entities    text[] NOT NULL,
    answered_by text NOT NULL,
    handoff     boolean NOT NULL,
    at          timestamptz NOT NULL,
    published   boolean NOT NULL DEFAULT false,
    UNIQUE (session_id, seq)
);
CREATE INDEX chat_turn_user ON chat_turn (user_key);
CREATE INDEX chat_turn_unpublished ON chat_turn (at) WHERE NOT published;

-- Hand-offs, also the outbox of support.handoff.v1 (the record is stored as published).
CREATE TABLE chat_handoff (
    ticket_id  text PRIMARY KEY,
    session_id text NOT NULL,
    user_key   text NOT NULL,
    record     jsonb NOT NULL,
    at         timestamptz NOT NULL,
    published  boolean NOT NULL DEFAULT false
);
CREATE INDEX chat_handoff_user ON chat_handoff (user_key);
CREATE INDEX chat_handoff_unpublished ON chat_handoff (at) WHERE NOT published;

-- Feedback on answers; confirmed examples train the next intent model.
CREATE TABLE chat_feedback (
    turn_id        text PRIMARY KEY REFERENCES chat_turn (turn_id) ON DELETE CASCADE,
    helpful        boolean NOT NULL,
    correct_intent text,
    comment        text,
    at             timestamptz NOT NULL DEFAULT now()
);

-- The FAQ knowledge base (seeded from the bundled file when empty).
CREATE TABLE chat_faq (
    faq_id     text PRIMARY KEY,
    language   text,
    question   text NOT NULL,
    answer     text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
