-- Customers whose portrait a committed batch changed and whose record on profile.updates.v1 the broker has not yet
-- acknowledged: marked in the batch's own transaction, cleared after the acknowledgement, and re-published by a
-- sweep when the process died (or the broker stayed away) in between.
CREATE TABLE unpublished_portrait (
    customer_id text        PRIMARY KEY,
    marked_at   timestamptz NOT NULL
);
CREATE INDEX unpublished_portrait_marked_at ON unpublished_portrait (marked_at);
