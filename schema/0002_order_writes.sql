-- Orders through the outbox: a create's deadline, when its request first went out, how
-- long a create of unknown outcome is looked up, and the server ids of local ids.

-- A create is never sent after its deadline (ms); NULL for writes without one.
ALTER TABLE outbox ADD COLUMN deadline_at INTEGER;
-- When the request first went out (ms): a create of unknown outcome is looked for among
-- the orders created after it.
ALTER TABLE outbox ADD COLUMN first_sent_at INTEGER;
-- A create whose outcome is unknown (no answer, a crash while sending) is looked up until
-- then (ms), and neither resent nor expired before.
ALTER TABLE outbox ADD COLUMN resolve_until INTEGER;

-- The server's id of each local id a delivered create had (an order's streetOrderId, a
-- strategy's id). An order id here belongs to one outbox entry and is never adopted twice.
CREATE TABLE local_id (
    local_id TEXT PRIMARY KEY,
    server_id TEXT NOT NULL,
    entry_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX local_id_by_server ON local_id (server_id);
