-- Which user keys belong to one customer, from profile.updates.v1: a customer's orders under any of their keys
-- (a store member card, an app login) are theirs to ask about.
CREATE TABLE chat_customer_key (
    user_key    text PRIMARY KEY,
    customer_id text NOT NULL
);
CREATE INDEX chat_customer_key_customer ON chat_customer_key (customer_id);
