-- Roles, tenant membership and row-level security (issue 26) are PostgreSQL's: a local SQLite file is single-user, its
-- owner is its admin, and the file is created readable by its owner only. Nothing changes in the schema; the version
-- stays the same on both backends.
SELECT 1;
