-- A favorite queued offline goes last: `max(position)` of the user's favorites, found by
-- this index instead of a scan of them all.
CREATE INDEX favorite_by_position ON favorite (uid, position);
