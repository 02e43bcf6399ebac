-- Who gave each piece of feedback: a customer on their own turn, or the back office (reader, admin). Rows from before
-- feedback needed a credential could have come from anyone: they stay, marked unverified, and train nothing.
ALTER TABLE chat_feedback ADD COLUMN given_by text NOT NULL DEFAULT 'unverified';
