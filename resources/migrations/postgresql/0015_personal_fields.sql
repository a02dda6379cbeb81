-- Personal data out of reach (issue 26). A kind's personal fields (its definition's "personal" pointers, its
-- "personal_summary" fields, and every member named phone, email or address) are kept in personal_fields, which only
-- admins read; the snapshot's payload and summary hold "[withheld]" in their places. The checksum stays the SHA-256
-- of the whole document; withheld_checksum is that of the stored one, which is what support and analysts read and
-- verify. Rows written before this version are converted by `snapscope-cli personal convert` (init runs it), in
-- batches that commit as they go; until a row is converted, only admins see it.
ALTER TABLE snapshots ADD COLUMN withheld_checksum text;

-- A dictionary everyone reads to decode payloads must not have learnt personal data: those trained before this version
-- (on whole payloads) are replaced when the rows are converted, and dropped once no row needs them.
ALTER TABLE zstd_dictionaries ADD COLUMN trained_withheld boolean NOT NULL DEFAULT false;
ALTER TABLE zstd_dictionaries ALTER COLUMN trained_withheld SET DEFAULT true;

CREATE TABLE personal_fields (
    snapshot_id uuid NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    field text NOT NULL, -- a JSON Pointer into the payload, or "summary:" and a summary field's name
    tenant_id text NOT NULL,
    value jsonb NOT NULL,
    PRIMARY KEY (snapshot_id, field)
);
-- Case search finds an order by its customer's phone, exact or a prefix.
CREATE INDEX personal_fields_search ON personal_fields (tenant_id, field, (value #>> '{}'));
ALTER TABLE personal_fields ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON personal_fields USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));

-- The event store's events carry the same details (an OrderCreated holds the order's customer): their contact-detail
-- members are kept apart the same way, by aggregate and sequence number. withheld is NULL on an event written before
-- this version until it is converted.
ALTER TABLE events ADD COLUMN withheld boolean;
CREATE TABLE event_personal_fields (
    tenant_id text NOT NULL,
    aggregate_id text NOT NULL,
    seq bigint NOT NULL,
    field text NOT NULL, -- a JSON Pointer into the event's data
    value jsonb NOT NULL,
    PRIMARY KEY (tenant_id, aggregate_id, seq, field),
    FOREIGN KEY (tenant_id, aggregate_id, seq) REFERENCES events (tenant_id, aggregate_id, seq) ON DELETE CASCADE
);
ALTER TABLE event_personal_fields ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON event_personal_fields USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));

-- Whether the session's login reads personal data: the store's owner, or a member of snapscope_admin.
CREATE FUNCTION snapscope_sees_personal() RETURNS boolean
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF snapscope_is_owner() THEN
        RETURN true;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'snapscope_admin') THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, 'snapscope_admin', 'MEMBER');
END;
$$;

-- Whether the session's login may reveal one field at a time: support and admins.
CREATE FUNCTION snapscope_may_reveal() RETURNS boolean
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF snapscope_sees_personal() THEN
        RETURN true;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'snapscope_support') THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, 'snapscope_support', 'MEMBER');
END;
$$;

-- A row not converted yet still holds its personal fields: only those who may read them see it.
CREATE POLICY personal_withheld ON snapshots AS RESTRICTIVE FOR SELECT
    USING (withheld_checksum IS NOT NULL OR (SELECT snapscope_sees_personal()));

CREATE POLICY personal_withheld ON events AS RESTRICTIVE FOR SELECT
    USING (withheld IS NOT NULL OR (SELECT snapscope_sees_personal()));

-- One personal field of one snapshot, for support and admins, recorded in the audit log in the same transaction: the
-- value is never returned without its audit row.
CREATE FUNCTION snapscope_reveal(snapshot uuid, wanted text, place text DEFAULT 'reveal') RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
    row_tenant text;
    kept jsonb;
BEGIN
    IF NOT snapscope_may_reveal() THEN
        RAISE EXCEPTION 'revealing personal data needs the support or admin role'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT tenant_id INTO row_tenant FROM snapshots WHERE id = snapshot AND deleted_at IS NULL;
    IF row_tenant IS NULL OR NOT (snapscope_is_owner() OR row_tenant = ANY (snapscope_tenants())) THEN
        RAISE EXCEPTION 'no snapshot with id %', snapshot USING ERRCODE = 'no_data_found';
    END IF;
    SELECT value INTO kept FROM personal_fields WHERE snapshot_id = snapshot AND field = wanted;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'snapshot % keeps no personal field %', snapshot, wanted USING ERRCODE = 'no_data_found';
    END IF;
    -- The server's log too: a caller that rolls its transaction back takes the audit row with it, not this line.
    RAISE LOG 'snapscope: % revealed % of snapshot % (%)', session_user, wanted, snapshot, place;
    INSERT INTO audit_log (at, tenant_id, actor, action, target, details)
        VALUES ((extract(epoch FROM clock_timestamp()) * 1000)::bigint, row_tenant, session_user, 'pii.reveal',
                snapshot::text, jsonb_build_object('field', wanted, 'where', place));
    RETURN kept;
END;
$$;

-- The live snapshots of a kind whose customer's phone (its summary's customer_phone) equals `wanted` or starts with
-- it (prefix; at least 4 characters but for admins), for support and admins: case search by phone. The phone itself is not
-- returned.
CREATE FUNCTION snapscope_find_personal(tenant text, wanted_kind text, wanted text, prefix boolean, most integer)
    RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    IF NOT snapscope_may_reveal() THEN
        RAISE EXCEPTION 'searching by personal data needs the support or admin role'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT (snapscope_is_owner() OR tenant = ANY (snapscope_tenants())) THEN
        RETURN;
    END IF;
    IF prefix AND length(wanted) < 4 AND NOT snapscope_sees_personal() THEN
        RAISE EXCEPTION 'a phone number prefix needs at least 4 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF prefix THEN
        RETURN QUERY SELECT f.snapshot_id FROM personal_fields f JOIN snapshots s ON s.id = f.snapshot_id
            WHERE f.tenant_id = tenant AND f.field = 'summary:customer_phone'
              AND starts_with(f.value #>> '{}', wanted)
              AND s.kind = wanted_kind AND s.deleted_at IS NULL LIMIT least(most, 10000);
    ELSE
        RETURN QUERY SELECT f.snapshot_id FROM personal_fields f JOIN snapshots s ON s.id = f.snapshot_id
            WHERE f.tenant_id = tenant AND f.field = 'summary:customer_phone' AND (f.value #>> '{}') = wanted
              AND s.kind = wanted_kind AND s.deleted_at IS NULL LIMIT least(most, 10000);
    END IF;
END;
$$;

-- A dictionary trained on whole payloads (before this version) is read by those who read personal data only; the
-- conversion trains new ones and drops the old.
ALTER TABLE zstd_dictionaries ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON zstd_dictionaries FOR SELECT USING (trained_withheld OR (SELECT snapscope_sees_personal()));
CREATE POLICY admins_write ON zstd_dictionaries FOR INSERT WITH CHECK (true);
CREATE POLICY admins_change ON zstd_dictionaries FOR UPDATE USING (true);
CREATE POLICY admins_remove ON zstd_dictionaries FOR DELETE USING (true);

DO $$
DECLARE
    path text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION snapscope_sees_personal() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION snapscope_may_reveal() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION snapscope_reveal(uuid, text, text) SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION snapscope_find_personal(text, text, text, boolean, integer) SET search_path = %s',
                   path);
    -- A store whose roles exist already: its admins read and write the new table (the roles script grants it too).
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'snapscope_admin') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON personal_fields, event_personal_fields TO snapscope_admin;
    END IF;
END
$$;
