-- Who may see which tenant (issue 26). Row-level security on every tenant's rows reads tenant_members: a login sees
-- the rows of the tenants it is a member of. The store's owner is not subject to it (it owns the tables). The group
-- roles and their grants are not made here: roles belong to the whole server and a schema owner may not create them;
-- `snapscope-cli roles --sql` prints that script for a DBA, and `init --pg` runs it when its login may.
CREATE TABLE tenant_members (
    member text NOT NULL,
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    granted_by text NOT NULL DEFAULT session_user,
    granted_at bigint NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
    PRIMARY KEY (member, tenant_id)
);

-- The tenants of the session's login. SECURITY DEFINER so that it reads tenant_members whatever that table's own
-- policy shows; session_user, not current_user: inside a definer's function current_user is the definer. An array,
-- which the policies read once per statement, `(SELECT snapscope_tenants())`: the planner then takes the tenant test
-- into the index condition and estimates the rows as it does without it (with `IN (SELECT …)` it halved every
-- estimate, and a timeline query filtered by an entity prefix chose a plan three times slower).
-- PL/pgSQL keeps the inner query's plan for the session; a SQL function would plan it at every statement.
CREATE FUNCTION snapscope_tenants() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(tenant_id), '{}') FROM tenant_members WHERE member = session_user);
END;
$$;

-- How many tenants a login is a member of, whoever asks: revoking its last tenant takes its role too.
CREATE FUNCTION snapscope_tenant_count(login text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT count(*) FROM tenant_members WHERE member = login
$$;

-- Whether the session's login owns SnapScope's tables (or is a superuser): the store's owner, which may do anything
-- and may name whom it acts for in the audit log (a schedule's job).
CREATE FUNCTION snapscope_is_owner() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = 'snapshots'::regclass
$$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON tenants USING (id = ANY ((SELECT snapscope_tenants())::text[]));
-- A login sees its own memberships and its tenants' members; it adds or removes members of its own tenants only (an
-- admin of one tenant cannot make itself a member of another).
ALTER TABLE tenant_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_seen ON tenant_members FOR SELECT
    USING (member = session_user OR tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
CREATE POLICY members_added ON tenant_members FOR INSERT WITH CHECK (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
CREATE POLICY members_changed ON tenant_members FOR UPDATE USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
CREATE POLICY members_removed ON tenant_members FOR DELETE USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON snapshots USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE daily_inventory ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON daily_inventory USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE chat_outcomes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON chat_outcomes USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE inventory_store_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON inventory_store_days USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE chat_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON chat_days USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON events USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE stock_levels ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON stock_levels USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE inventory_transactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON inventory_transactions USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE snapshot_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON snapshot_stats USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE schedules ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON schedules USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE schedule_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON schedule_runs USING (EXISTS (SELECT 1 FROM schedules s WHERE s.id = schedule_id));
ALTER TABLE retention_policies ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON retention_policies USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE snapshot_strategies ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON snapshot_strategies USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE live_sources ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON live_sources USING (tenant_id = ANY ((SELECT snapscope_tenants())::text[]));
ALTER TABLE live_source_tables ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON live_source_tables USING (EXISTS (SELECT 1 FROM live_sources s WHERE s.name = source));
-- The audit log: a tenant's entries to its members; the entries of no tenant (a kind imported) to everyone.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON audit_log
    USING (tenant_id IS NULL OR tenant_id = ANY ((SELECT snapscope_tenants())::text[]));

-- The audit log names the login that wrote the entry, and the server's time, whatever the client says: only the store's
-- owner may name whom it acts for. UPDATE and DELETE were refused for everyone already (0001); TRUNCATE now is too,
-- for all but the owner.
CREATE FUNCTION audit_log_session_actor() RETURNS trigger AS $$
BEGIN
    IF NOT snapscope_is_owner() THEN
        NEW.actor := session_user;
        NEW.at := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_session_actor();
CREATE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF NOT snapscope_is_owner() THEN
        RAISE EXCEPTION 'audit_log is append-only';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

-- The functions find their tables in SnapScope's schema, and nowhere a login could put a table of the same name first
-- (its own schema, or the session's temporary one, which PostgreSQL searches first unless it is named last).
DO $$
DECLARE
    path text := format('%I, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION snapscope_tenants() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION snapscope_tenant_count(text) SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION snapscope_is_owner() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION audit_log_session_actor() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION audit_log_no_truncate() SET search_path = %s', path);
END
$$;
-- Who is a member of how many tenants is for admins (the roles script grants it).
REVOKE EXECUTE ON FUNCTION snapscope_tenant_count(text) FROM PUBLIC;
