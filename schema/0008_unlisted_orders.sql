-- An order the mirror holds as active that the server lists nowhere any more (neither among
-- the active orders nor in the history over its own createTime, after its lookups) is marked
-- from then on (ms), not shown active for good; the server listing it again clears the mark.
ALTER TABLE "order" ADD COLUMN unlisted_since INTEGER;
CREATE INDEX order_unlisted ON "order" (street_order_id) WHERE unlisted_since IS NOT NULL;
