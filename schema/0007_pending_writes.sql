-- Every mirrored row a write not yet confirmed by the server has changed says so (its
-- `pending` value): each read looks up the unsettled entries, and the refused ones not yet
-- followed by a pull, through these two small indexes instead of a scan of every entry
-- ever queued.
CREATE INDEX outbox_unsettled ON outbox (entity, id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_refused ON outbox (entity, id) WHERE state = 'failed';
