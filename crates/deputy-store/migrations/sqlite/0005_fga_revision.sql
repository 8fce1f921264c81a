-- A store's revision counts its tuple writes. Every Write request increments it once,
-- under the store's write lock, and its change-log rows carry the new value, so that a
-- reader holding tuples in memory can catch up by replaying the changes after the
-- revision it last saw — in commit order, whatever the clocks of the writers said.
ALTER TABLE fga_stores ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fga_changes ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE INDEX fga_changes_by_revision ON fga_changes (store_id, revision, ulid);
