-- Maintenance (issue 6): retention policies, schedules with their runs, the audit log's host and outcome, the trash.
-- The schema-1 tables below were never written by a released program; they are replaced by their final shape.
DROP TABLE schedule_runs;
DROP TABLE schedules;
DROP TABLE retention_policies;

-- One policy per tenant and kind (DESIGN §7). Zero means "rule not used"; protected_types is a JSON array.
CREATE TABLE retention_policies (
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    keep_last INTEGER NOT NULL DEFAULT 0,
    keep_within_days INTEGER NOT NULL DEFAULT 0,
    keep_daily INTEGER NOT NULL DEFAULT 0,
    keep_weekly INTEGER NOT NULL DEFAULT 0,
    keep_monthly INTEGER NOT NULL DEFAULT 0,
    keep_yearly INTEGER NOT NULL DEFAULT 0,
    delete_older_than_days INTEGER NOT NULL DEFAULT 0,
    protected_types TEXT NOT NULL DEFAULT '[]',
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);

-- action: {"type":"snapshot","kind":K,"targets":["all"]|[codes]} or {"type":"cleanup","kind":K,"policy":{...}}.
CREATE TABLE schedules (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    cron TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    action TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_executed_at INTEGER,
    next_run_at INTEGER
);
CREATE INDEX schedules_due ON schedules (enabled, next_run_at);

-- A run row is the lease: its key (schedule, occurrence) can be inserted once, by one runner, whichever host or
-- process it is; the loser sees the conflict and skips the occurrence.
CREATE TABLE schedule_runs (
    schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_for INTEGER NOT NULL,
    runner TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    outcome TEXT NOT NULL DEFAULT 'running',
    snapshots_taken INTEGER NOT NULL DEFAULT 0,
    snapshots_trashed INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    PRIMARY KEY (schedule_id, scheduled_for)
);

ALTER TABLE audit_log ADD COLUMN host TEXT;
ALTER TABLE audit_log ADD COLUMN outcome TEXT NOT NULL DEFAULT 'ok';
CREATE INDEX audit_log_action ON audit_log (action, at);

-- The trash: few rows among millions, found by when they were trashed.
CREATE INDEX snapshots_trash ON snapshots (tenant_id, deleted_at) WHERE deleted_at IS NOT NULL;
