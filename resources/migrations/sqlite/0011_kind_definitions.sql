-- Kinds added without recompiling (issue 23): `snapscope-cli kind import FILE` stores a kind definition here, and every
-- console that opens the store reads it. The built-in kinds ship with the program and are not stored.
CREATE TABLE kind_definitions (
    kind TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    imported_by TEXT NOT NULL
);
