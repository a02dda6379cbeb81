-- Version 16 changes only a shared store (PostgreSQL): the policies that guard the conversion of personal fields, and
-- the seal of rows kept apart. A local file keeps its payloads whole and has neither; its version follows.
SELECT 1;
