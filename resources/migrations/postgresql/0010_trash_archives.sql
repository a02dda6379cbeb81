-- The archive a trashed row went to (issue 21): a cleanup asked for one, so a purge deletes the row only while that
-- archive (absolute path) reads whole. NULL: trashed without an archive.
ALTER TABLE snapshots ADD COLUMN archived_in text;
