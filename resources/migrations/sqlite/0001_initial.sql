-- SnapScope schema 1 (SQLite). Times are UTC milliseconds since the epoch; days are 'YYYY-MM-DD' business days.
CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    business_time_zone TEXT NOT NULL DEFAULT 'UTC',
    currency TEXT NOT NULL DEFAULT 'THB'
);

CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    taken_at INTEGER NOT NULL,
    snapshot_type TEXT NOT NULL,
    created_by TEXT NOT NULL,
    "trigger" TEXT,
    previous_id TEXT,
    event_seq INTEGER,
    base_id TEXT,
    codec TEXT NOT NULL,
    raw_size INTEGER NOT NULL,
    stored_size INTEGER NOT NULL,
    checksum TEXT NOT NULL,
    payload BLOB NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}',
    pinned INTEGER NOT NULL DEFAULT 0,
    pin_reason TEXT,
    deleted_at INTEGER
);
CREATE UNIQUE INDEX snapshots_entity_version ON snapshots (tenant_id, kind, entity_id, version);
CREATE INDEX snapshots_kind_time ON snapshots (tenant_id, kind, taken_at, id, deleted_at);
CREATE INDEX snapshots_kind_type_time ON snapshots (tenant_id, kind, snapshot_type, taken_at, id, deleted_at);
-- deleted_at last: counting and positioning a timeline's live rows reads these indexes alone.
CREATE INDEX snapshots_time ON snapshots (tenant_id, taken_at, id, deleted_at);

-- Small rows found by their key: WITHOUT ROWID keeps them in one B-tree instead of a table plus its key index.
CREATE TABLE daily_inventory (
    tenant_id TEXT NOT NULL,
    store_code TEXT NOT NULL,
    product_id TEXT NOT NULL,
    day TEXT NOT NULL,
    opening INTEGER NOT NULL,
    closing INTEGER NOT NULL,
    inbound INTEGER NOT NULL,
    outbound INTEGER NOT NULL,
    adjustments INTEGER NOT NULL,
    average_cost REAL NOT NULL,
    total_value REAL NOT NULL,
    snapshot_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, store_code, product_id, day)
) WITHOUT ROWID;
CREATE INDEX daily_inventory_day ON daily_inventory (tenant_id, day);

CREATE TABLE chat_outcomes (
    snapshot_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    customer_id TEXT,
    platform TEXT,
    snapshot_type TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    business_day TEXT NOT NULL,
    total_messages INTEGER,
    duration_s INTEGER,
    human_handoff INTEGER NOT NULL DEFAULT 0,
    avg_confidence REAL,
    order_created INTEGER NOT NULL DEFAULT 0,
    order_value REAL,
    satisfaction REAL
);
CREATE INDEX chat_outcomes_day ON chat_outcomes (tenant_id, business_day, platform);

CREATE TABLE events (
    tenant_id TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (tenant_id, aggregate_id, seq)
);

CREATE TABLE stock_levels (
    tenant_id TEXT NOT NULL,
    store_code TEXT NOT NULL,
    item_code TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    minimum_quantity INTEGER NOT NULL,
    reorder_point INTEGER NOT NULL,
    reorder_quantity INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, store_code, item_code)
);

CREATE TABLE inventory_transactions (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    store_code TEXT NOT NULL,
    product_id TEXT NOT NULL,
    type TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    reason TEXT,
    reference_id TEXT,
    occurred_at INTEGER NOT NULL
);
CREATE INDEX inventory_transactions_product ON inventory_transactions (tenant_id, product_id, occurred_at);

CREATE TABLE schedules (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_selector TEXT NOT NULL DEFAULT '*',
    cron TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    snapshot_type TEXT NOT NULL DEFAULT 'scheduled',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_run_at INTEGER,
    next_run_at INTEGER
);

CREATE TABLE schedule_runs (
    id TEXT PRIMARY KEY,
    schedule_id TEXT NOT NULL REFERENCES schedules (id),
    scheduled_for INTEGER NOT NULL,
    lease_owner TEXT NOT NULL,
    lease_expires_at INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    status TEXT NOT NULL DEFAULT 'running',
    snapshots_taken INTEGER NOT NULL DEFAULT 0,
    message TEXT,
    UNIQUE (schedule_id, scheduled_for)
);

CREATE TABLE retention_policies (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    keep_last INTEGER NOT NULL DEFAULT 0,
    keep_hourly INTEGER NOT NULL DEFAULT 0,
    keep_daily INTEGER NOT NULL DEFAULT 0,
    keep_weekly INTEGER NOT NULL DEFAULT 0,
    keep_monthly INTEGER NOT NULL DEFAULT 0,
    keep_yearly INTEGER NOT NULL DEFAULT 0,
    keep_significant_days INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    UNIQUE (tenant_id, kind)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    tenant_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE zstd_dictionaries (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sample_count INTEGER NOT NULL,
    size INTEGER NOT NULL,
    dict BLOB NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE snapshot_stats (
    day TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    raw_bytes INTEGER NOT NULL DEFAULT 0,
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    total_put_ms REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (day, tenant_id, kind)
);
