-- Personal fields kept apart (issue 26) are a shared store's: a local SQLite file is its owner's alone, who is its
-- admin, and its payloads are stored whole. The column is here so that both backends read the same header.
ALTER TABLE snapshots ADD COLUMN withheld_checksum TEXT;
