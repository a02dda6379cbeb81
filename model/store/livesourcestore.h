#pragma once

#include <QList>
#include <QString>

#include "domain/error.h"
#include "domain/livesource.h"

// The live sources SnapScope follows and, per table, how far their syncs have come (issue 25). Same threading rule as
// SnapshotStore: every method runs on the calling thread with that thread's connection. A table's watermark moves
// only with the rows it covers, in their ingest transaction (IngestTransaction::saveSyncState).
class LiveSourceStore
{
public:
    virtual ~LiveSourceStore() = default;

    virtual Result<QList<LiveSource>> liveSources() = 0; // with their tables, by name
    virtual Result<LiveSource> liveSource(const QString &name) = 0; // NotFound names it
    // Adds a source and its tables (audited as source.add); a source of that name is refused.
    virtual Status addLiveSource(const LiveSource &source, const QString &actor) = 0;
    // Forgets a source and its watermarks (audited as source.remove); what its syncs stored stays.
    virtual Status removeLiveSource(const QString &name, const QString &actor) = 0;
    // Records what a sync or test found without moving the watermark or the counts: a failed or cancelled sync, or
    // a test's look at the newest source row.
    virtual Status recordSyncOutcome(const LiveSourceTable &table) = 0;
};
