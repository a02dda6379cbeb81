-- SnapScope's roles on a shared PostgreSQL store (README "Shared store and roles"). A DBA runs it once in the store's
-- database, after `snapscope-cli init --pg` made the tables (and again after an upgrade that adds tables);
-- `snapscope-cli init --pg` runs it itself when its login may create roles. Running it again changes nothing.
--
--   admin    everything: snapshots, cleanup, purge, restore, legal hold, schedules, sources, kinds, ingest, access
--   analyst  reads: timelines, payloads with personal data masked, charts and reports; writes nothing
--   support  timelines, compare, cases and their export, legal hold, personal data one field at a time (audited)
--
-- People log in as their own roles; `snapscope-cli access grant LOGIN --role R --tenant T` makes a login a member of
-- one of these and of a tenant. Row-level security shows each login its tenants' rows only.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'snapscope_admin') THEN
        CREATE ROLE snapscope_admin NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'snapscope_analyst') THEN
        CREATE ROLE snapscope_analyst NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'snapscope_support') THEN
        CREATE ROLE snapscope_support NOLOGIN;
    END IF;
END
$$;

-- An admin may make others analysts or support staff (and, holding its own membership WITH ADMIN OPTION, admins);
-- the store's owner may make anyone anything.
GRANT snapscope_analyst, snapscope_support TO snapscope_admin WITH ADMIN OPTION;
DO $$
DECLARE
    owner_name text := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'snapshots'::regclass);
    schema_name text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.oid = 'snapshots'::regclass);
BEGIN
    IF NOT pg_has_role(owner_name, 'snapscope_admin', 'MEMBER') THEN
        EXECUTE format('GRANT snapscope_admin TO %I WITH ADMIN OPTION', owner_name);
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO snapscope_admin, snapscope_analyst, snapscope_support',
                   current_database());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO snapscope_admin, snapscope_analyst, snapscope_support', schema_name);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO snapscope_admin', schema_name);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO snapscope_admin', schema_name);
END
$$;

-- Nobody but the owner changes the schema's history or the audit log's past.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM snapscope_admin;
REVOKE UPDATE, DELETE ON audit_log FROM snapscope_admin;

-- What everyone reads: the snapshots, where they come from (events, stock), the kinds and the dictionaries that
-- decode them, the snapshot strategies that replay them, the audit log. Everyone writes audit entries (a reveal, an
-- export).
GRANT SELECT ON schema_migrations, tenants, snapshots, events, stock_levels, inventory_transactions, kind_definitions,
    zstd_dictionaries, snapshot_stats, snapshot_strategies, audit_log TO snapscope_analyst, snapscope_support;
GRANT INSERT ON audit_log TO snapscope_analyst, snapscope_support;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO snapscope_analyst, snapscope_support;

-- Analysts: the chart facts.
GRANT SELECT ON daily_inventory, chat_outcomes, inventory_store_days, chat_days TO snapscope_analyst;

-- Support: a legal hold pins a snapshot.
GRANT UPDATE (pinned, pin_reason) ON snapshots TO snapscope_support;

-- Admins count a login's tenants when they take its last one.
GRANT EXECUTE ON FUNCTION snapscope_tenant_count(text) TO snapscope_admin;
