-- Maintenance (issue 6): retention policies, schedules with their runs, the audit log's host and outcome, the trash.
-- The schema-1 tables below were never written by a released program; they are replaced by their final shape.
DROP TABLE schedule_runs;
DROP TABLE schedules;
DROP TABLE retention_policies;

-- One policy per tenant and kind (DESIGN §7). Zero means "rule not used"; protected_types is a JSON array.
CREATE TABLE retention_policies (
    tenant_id text NOT NULL,
    kind text NOT NULL,
    keep_last bigint NOT NULL DEFAULT 0,
    keep_within_days bigint NOT NULL DEFAULT 0,
    keep_daily bigint NOT NULL DEFAULT 0,
    keep_weekly bigint NOT NULL DEFAULT 0,
    keep_monthly bigint NOT NULL DEFAULT 0,
    keep_yearly bigint NOT NULL DEFAULT 0,
    delete_older_than_days bigint NOT NULL DEFAULT 0,
    protected_types jsonb NOT NULL DEFAULT '[]',
    updated_at bigint NOT NULL,
    updated_by text NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);

-- action (jsonb): {"type":"snapshot","kind":K,"targets":["all"]|[codes]} or {"type":"cleanup","kind":K,"policy":{...}}.
CREATE TABLE schedules (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    name text NOT NULL,
    cron text NOT NULL,
    time_zone text NOT NULL,
    action jsonb NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    last_executed_at bigint,
    next_run_at bigint
);
CREATE INDEX schedules_due ON schedules (enabled, next_run_at);

-- A run row is the lease: its key (schedule, occurrence) can be inserted once, by one runner, whichever host or
-- process it is; the loser sees the conflict and skips the occurrence.
CREATE TABLE schedule_runs (
    schedule_id text NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_for bigint NOT NULL,
    runner text NOT NULL,
    started_at bigint NOT NULL,
    finished_at bigint,
    outcome text NOT NULL DEFAULT 'running',
    snapshots_taken bigint NOT NULL DEFAULT 0,
    snapshots_trashed bigint NOT NULL DEFAULT 0,
    error text,
    PRIMARY KEY (schedule_id, scheduled_for)
);

ALTER TABLE audit_log ADD COLUMN host text;
ALTER TABLE audit_log ADD COLUMN outcome text NOT NULL DEFAULT 'ok';
CREATE INDEX audit_log_action ON audit_log (action, at);

-- The trash: few rows among millions, found by when they were trashed.
CREATE INDEX snapshots_trash ON snapshots (tenant_id, deleted_at) WHERE deleted_at IS NOT NULL;
