-- Snapshots brought in from their source systems (issue 24): a record's identity in its source (the SAAN guide's
-- snapshot_id, a row's id, MongoDB's _id, the order service's orderId:version, or the SHA-256 of its content), so
-- that ingesting the same export again adds nothing. Snapshots SnapScope takes itself have none.
ALTER TABLE snapshots ADD COLUMN source_id TEXT;
CREATE UNIQUE INDEX snapshots_source ON snapshots (tenant_id, kind, source_id) WHERE source_id IS NOT NULL;
