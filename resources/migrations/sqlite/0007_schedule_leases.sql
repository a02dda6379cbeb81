-- A lease that expires (issue 21): a runner killed mid-run left its row 'running' and the schedule stuck. The runner
-- now moves lease_until forward while it works (a heartbeat); a running row whose lease_until has passed is marked
-- failed ("runner vanished") and the occurrence runs again as the next attempt. The key gains the attempt, so both
-- stay in the history. Rows from before get ten minutes from their start.
CREATE TABLE schedule_runs_leased (
    schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_for INTEGER NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 1,
    runner TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    lease_until INTEGER NOT NULL,
    finished_at INTEGER,
    outcome TEXT NOT NULL DEFAULT 'running',
    snapshots_taken INTEGER NOT NULL DEFAULT 0,
    snapshots_trashed INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    PRIMARY KEY (schedule_id, scheduled_for, attempt)
);
INSERT INTO schedule_runs_leased (schedule_id, scheduled_for, attempt, runner, started_at, lease_until, finished_at,
    outcome, snapshots_taken, snapshots_trashed, error)
SELECT schedule_id, scheduled_for, 1, runner, started_at, started_at + 600000, finished_at, outcome, snapshots_taken,
    snapshots_trashed, error
FROM schedule_runs;
DROP TABLE schedule_runs;
ALTER TABLE schedule_runs_leased RENAME TO schedule_runs;
