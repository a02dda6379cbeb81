-- Point-in-time state (issue 7): snapshot strategies per kind, and the index that finds the deltas built on a base.

-- mode: events (every_events), time (every_hours), hybrid (either), size (replayed event bytes above max_replay_bytes).
-- incremental: new snapshots are stored as RFC 6902 patches against the previous version when that is smaller, with a
-- full keyframe at least every keyframe_every versions.
CREATE TABLE snapshot_strategies (
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    mode TEXT NOT NULL,
    every_events INTEGER NOT NULL DEFAULT 10,
    every_hours INTEGER NOT NULL DEFAULT 24,
    max_replay_bytes BIGINT NOT NULL DEFAULT 65536,
    incremental BOOLEAN NOT NULL DEFAULT FALSE,
    keyframe_every INTEGER NOT NULL DEFAULT 10,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);

CREATE INDEX snapshots_base ON snapshots (base_id) WHERE base_id IS NOT NULL;
