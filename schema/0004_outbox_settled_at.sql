-- When an entry left the queue for good (delivered, failed or expired), in ms: with
-- created_at, how long writes wait for the server (`cwsync status`).
ALTER TABLE outbox ADD COLUMN settled_at INTEGER;
