-- SnapScope schema 1 (PostgreSQL). Times are UTC milliseconds since the epoch (bigint), so keyset paging and
-- comparisons are identical to SQLite's; days are business days (date).
CREATE TABLE tenants (
    id text PRIMARY KEY,
    name text NOT NULL,
    business_time_zone text NOT NULL DEFAULT 'UTC',
    currency text NOT NULL DEFAULT 'THB'
);

CREATE TABLE snapshots (
    id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    kind text NOT NULL,
    entity_id text NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    taken_at bigint NOT NULL,
    snapshot_type text NOT NULL,
    created_by text NOT NULL,
    "trigger" jsonb,
    previous_id uuid,
    event_seq bigint,
    base_id uuid,
    codec text NOT NULL,
    raw_size bigint NOT NULL,
    stored_size bigint NOT NULL,
    checksum text NOT NULL,
    payload bytea NOT NULL,
    summary jsonb NOT NULL DEFAULT '{}',
    pinned boolean NOT NULL DEFAULT false,
    pin_reason text,
    deleted_at bigint
);
CREATE UNIQUE INDEX snapshots_entity_version ON snapshots (tenant_id, kind, entity_id, version);
CREATE INDEX snapshots_kind_time ON snapshots (tenant_id, kind, taken_at, id, deleted_at);
CREATE INDEX snapshots_kind_type_time ON snapshots (tenant_id, kind, snapshot_type, taken_at, id, deleted_at);
-- deleted_at last: counting and positioning a timeline's live rows reads these indexes alone.
CREATE INDEX snapshots_time ON snapshots (tenant_id, taken_at, id, deleted_at);

CREATE TABLE daily_inventory (
    tenant_id text NOT NULL,
    store_code text NOT NULL,
    product_id text NOT NULL,
    day date NOT NULL,
    opening integer NOT NULL,
    closing integer NOT NULL,
    inbound integer NOT NULL,
    outbound integer NOT NULL,
    adjustments integer NOT NULL,
    average_cost double precision NOT NULL,
    total_value double precision NOT NULL,
    snapshot_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, store_code, product_id, day)
);
CREATE INDEX daily_inventory_day ON daily_inventory (tenant_id, day);

CREATE TABLE chat_outcomes (
    snapshot_id uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    session_id text NOT NULL,
    customer_id text,
    platform text,
    snapshot_type text NOT NULL,
    taken_at bigint NOT NULL,
    business_day date NOT NULL,
    total_messages integer,
    duration_s integer,
    human_handoff boolean NOT NULL DEFAULT false,
    avg_confidence double precision,
    order_created boolean NOT NULL DEFAULT false,
    order_value double precision,
    satisfaction double precision
);
CREATE INDEX chat_outcomes_day ON chat_outcomes (tenant_id, business_day, platform);

CREATE TABLE events (
    tenant_id text NOT NULL,
    aggregate_id text NOT NULL,
    seq bigint NOT NULL,
    type text NOT NULL,
    occurred_at bigint NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (tenant_id, aggregate_id, seq)
);

CREATE TABLE stock_levels (
    tenant_id text NOT NULL,
    store_code text NOT NULL,
    item_code text NOT NULL,
    name text NOT NULL,
    quantity integer NOT NULL,
    minimum_quantity integer NOT NULL,
    reorder_point integer NOT NULL,
    reorder_quantity integer NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (tenant_id, store_code, item_code)
);

CREATE TABLE inventory_transactions (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    store_code text NOT NULL,
    product_id text NOT NULL,
    type text NOT NULL,
    quantity integer NOT NULL,
    reason text,
    reference_id text,
    occurred_at bigint NOT NULL
);
CREATE INDEX inventory_transactions_product ON inventory_transactions (tenant_id, product_id, occurred_at);

CREATE TABLE schedules (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    entity_selector text NOT NULL DEFAULT '*',
    cron text NOT NULL,
    time_zone text NOT NULL DEFAULT 'UTC',
    snapshot_type text NOT NULL DEFAULT 'scheduled',
    enabled boolean NOT NULL DEFAULT true,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    last_run_at bigint,
    next_run_at bigint
);

CREATE TABLE schedule_runs (
    id text PRIMARY KEY,
    schedule_id text NOT NULL REFERENCES schedules (id),
    scheduled_for bigint NOT NULL,
    lease_owner text NOT NULL,
    lease_expires_at bigint NOT NULL,
    started_at bigint NOT NULL,
    finished_at bigint,
    status text NOT NULL DEFAULT 'running',
    snapshots_taken integer NOT NULL DEFAULT 0,
    message text,
    UNIQUE (schedule_id, scheduled_for)
);

CREATE TABLE retention_policies (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    kind text NOT NULL,
    keep_last integer NOT NULL DEFAULT 0,
    keep_hourly integer NOT NULL DEFAULT 0,
    keep_daily integer NOT NULL DEFAULT 0,
    keep_weekly integer NOT NULL DEFAULT 0,
    keep_monthly integer NOT NULL DEFAULT 0,
    keep_yearly integer NOT NULL DEFAULT 0,
    keep_significant_days integer NOT NULL DEFAULT 0,
    enabled boolean NOT NULL DEFAULT true,
    updated_at bigint NOT NULL,
    UNIQUE (tenant_id, kind)
);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at bigint NOT NULL,
    tenant_id text,
    actor text NOT NULL,
    action text NOT NULL,
    target text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE zstd_dictionaries (
    id integer PRIMARY KEY,
    kind text NOT NULL,
    created_at bigint NOT NULL,
    sample_count integer NOT NULL,
    size integer NOT NULL,
    dict bytea NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE snapshot_stats (
    day date NOT NULL,
    tenant_id text NOT NULL,
    kind text NOT NULL,
    created bigint NOT NULL DEFAULT 0,
    deleted bigint NOT NULL DEFAULT 0,
    raw_bytes bigint NOT NULL DEFAULT 0,
    stored_bytes bigint NOT NULL DEFAULT 0,
    total_put_ms double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (day, tenant_id, kind)
);
