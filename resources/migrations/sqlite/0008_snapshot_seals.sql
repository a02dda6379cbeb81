-- The seal binds a payload's checksum to its row (issue 21): SHA-256 over id, tenant, kind, entity, taken_at and the
-- checksum (codec/snapshotseal.h). Rows written before are marked 'pending' and sealed when the store opens (in
-- batches, resumed after an interruption); a row without a seal is damage, never sealed afresh.
ALTER TABLE snapshots ADD COLUMN seal TEXT DEFAULT 'pending';
CREATE INDEX snapshots_pending_seal ON snapshots (id) WHERE seal = 'pending';
