-- Issue 26, after version 15: two changes to what 15 made.
--
-- 1. The restrictive policies on snapshots and events that 15 made guard the conversion only. From 15 on SnapScope
-- writes every row withheld; only rows written before wait for `personal convert`. Kept for good the policies cost on
-- every read for everyone they apply to: the check reads withheld_checksum, the row's last column, so a query that
-- filters many rows reads each to its end (a timeline page by entity prefix: 20% more for an admin on the large demo).
-- They stay while there are rows to convert and go when there are none; the conversion drops them once it is done.
-- The table's owner calls this (only an owner may change a table's policies); wanted: whether they should be there.
CREATE OR REPLACE FUNCTION snapscope_guard_unconverted(wanted boolean) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    guarded_snapshots boolean := EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                                          AND tablename = 'snapshots' AND policyname = 'personal_withheld');
    guarded_events boolean := EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = current_schema()
                                       AND tablename = 'events' AND policyname = 'personal_withheld');
BEGIN
    IF wanted IS NULL THEN
        RAISE EXCEPTION 'snapscope_guard_unconverted: say true or false' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Each statement only when something changes: a policy is changed under an exclusive lock on its table.
    IF wanted AND NOT guarded_snapshots THEN
        CREATE POLICY personal_withheld ON snapshots AS RESTRICTIVE FOR SELECT
            USING (withheld_checksum IS NOT NULL OR (SELECT snapscope_sees_personal()));
    ELSIF NOT wanted AND guarded_snapshots THEN
        DROP POLICY personal_withheld ON snapshots;
    END IF;
    IF wanted AND NOT guarded_events THEN
        CREATE POLICY personal_withheld ON events AS RESTRICTIVE FOR SELECT
            USING (withheld IS NOT NULL OR (SELECT snapscope_sees_personal()));
    ELSIF NOT wanted AND guarded_events THEN
        DROP POLICY personal_withheld ON events;
    END IF;
END;
$$;
REVOKE EXECUTE ON FUNCTION snapscope_guard_unconverted(boolean) FROM PUBLIC;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION snapscope_guard_unconverted(boolean) SET search_path = %I, pg_temp',
                   current_schema());
END
$$;

-- 2. Seal version 2 (codec/snapshotseal.h): a row kept apart is sealed over its withheld_checksum too, so its
-- withheld form and that checksum cannot be swapped together unseen by a login that verifies only that form. The rows
-- 15 wrote carry a version 1 seal. Those whose version 1 seal holds are sealed again with version 2 here, in the
-- migration's transaction (marked pending instead, they would read as damaged until the owner's next open sealed
-- them, and other logins, who may not write seals, could not open the store meanwhile); one whose seal does not hold
-- keeps it and reads as damaged, as before. Both versions, for this one pass (codec/snapshotseal.cpp is the rule):
-- SHA-256 in hex over the fields below, separated by the unit separator.
UPDATE snapshots
    SET seal = encode(sha256(convert_to(concat_ws(chr(31), 'snapscope-seal-2', lower(id::text), tenant_id, kind,
                                                  entity_id, taken_at::text, lower(checksum), lower(withheld_checksum)),
                                        'UTF8')), 'hex')
    WHERE withheld_checksum IS NOT NULL
      AND lower(seal) = encode(sha256(convert_to(concat_ws(chr(31), 'snapscope-seal-1', lower(id::text), tenant_id, kind,
                                                           entity_id, taken_at::text, lower(checksum)), 'UTF8')), 'hex');

-- Last, so that the exclusive lock dropping a policy takes is held only until the commit just after.
SELECT snapscope_guard_unconverted(EXISTS (SELECT 1 FROM snapshots WHERE withheld_checksum IS NULL)
                                   OR EXISTS (SELECT 1 FROM events WHERE withheld IS NULL));
