-- A lease that expires (issue 21): a runner killed mid-run left its row 'running' and the schedule stuck. The runner
-- now moves lease_until forward while it works (a heartbeat); a running row whose lease_until has passed is marked
-- failed ("runner vanished") and the occurrence runs again as the next attempt. The key gains the attempt, so both
-- stay in the history. Rows from before get ten minutes from their start.
ALTER TABLE schedule_runs ADD COLUMN attempt integer NOT NULL DEFAULT 1;
ALTER TABLE schedule_runs ADD COLUMN lease_until bigint;
UPDATE schedule_runs SET lease_until = started_at + 600000;
ALTER TABLE schedule_runs ALTER COLUMN lease_until SET NOT NULL;
ALTER TABLE schedule_runs DROP CONSTRAINT schedule_runs_pkey;
ALTER TABLE schedule_runs ADD PRIMARY KEY (schedule_id, scheduled_for, attempt);
