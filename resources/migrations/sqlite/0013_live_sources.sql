-- Live sources (issue 25): a running system's PostgreSQL snapshot tables that SnapScope follows, and per table the
-- watermark its syncs have reached (advanced in the transaction that stores the rows) and what the last sync found.
-- A source's connection has no password here: it comes from ~/.pgpass or PGPASSWORD. source_deletes is the
-- source's own count of rows deleted from the table when the rows gone at source were last counted.
CREATE TABLE live_sources (
    name TEXT PRIMARY KEY,
    preset TEXT NOT NULL,
    conninfo TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    overlap_s INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE live_source_tables (
    source TEXT NOT NULL,
    table_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    shape TEXT NOT NULL,
    mapping TEXT NOT NULL,
    watermark_time TEXT NOT NULL,
    watermark_id TEXT NOT NULL,
    rows_synced BIGINT NOT NULL,
    gone_at_source BIGINT NOT NULL,
    newest_source_at BIGINT,
    newest_synced_at BIGINT,
    last_sync_at BIGINT,
    last_outcome TEXT NOT NULL,
    last_error TEXT NOT NULL,
    source_deletes BIGINT,
    PRIMARY KEY (source, table_name)
);
