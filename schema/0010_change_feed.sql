-- The change feed: one row per committed change of a mirrored resource (written by the
-- store's transactions, once per resource a transaction changed) and per outbox entry
-- queued or changing state (written by the triggers below, whichever process made the
-- change), in commit order. Its id is what a reader resumes from; the oldest rows beyond
-- the last 10,000 are pruned. The newest row is never pruned, so a new id is always larger
-- than every id before it without AUTOINCREMENT (which would write sqlite_sequence in every
-- transaction, the outbox's fsync'd ones too).
CREATE TABLE change_feed (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('resource', 'outbox')),
    -- The resource (`favorites`, `orders`...) or, for the outbox, the write's kind (`addFavorite`...).
    name TEXT NOT NULL,
    entry_id INTEGER,
    state TEXT
);

CREATE TRIGGER change_feed_outbox_queued AFTER INSERT ON outbox
BEGIN
    INSERT INTO change_feed (at, kind, name, entry_id, state)
    VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 'outbox', NEW.kind, NEW.id, NEW.state);
END;

CREATE TRIGGER change_feed_outbox_state AFTER UPDATE OF state ON outbox
WHEN NEW.state IS NOT OLD.state
BEGIN
    INSERT INTO change_feed (at, kind, name, entry_id, state)
    VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 'outbox', NEW.kind, NEW.id, NEW.state);
END;
