#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/history.h"
#include "domain/snapshot.h"
#include "domain/sourcerecords.h"

// The event-sourcing half of the data layer: the snapshots a reconstruction starts from,
// snapshot strategies, and rewriting how a snapshot is stored (full or as a delta). Same threading rule as
// SnapshotStore: every method runs on the calling thread with that thread's connection.
class HistoryStore
{
public:
    virtual ~HistoryStore() = default;

    // Every live version of an entity, oldest first.
    virtual Result<QList<SnapshotHeader>> versions(const QString &tenant, const QString &kind, const QString &entityId)
        = 0;
    // Live snapshots of an entity that fold in events up to at most `seq`, newest first, at most `limit` of them.
    virtual Result<QList<SnapshotHeader>> snapshotsUpTo(
        const QString &tenant, const QString &kind, const QString &entityId, qint64 seq, int limit)
        = 0;

    // The stored strategy of a kind, or the specification's default.
    virtual Result<SnapshotStrategy> strategy(const QString &tenant, const QString &kind) = 0;
    // Inserts or replaces; audited as strategy.save.
    virtual Status saveStrategy(const QString &tenant, const SnapshotStrategy &strategy, const QString &actor) = 0;

    // Stores snapshot `id` again, as a full payload (baseId empty, content = the state's canonical bytes) or as a
    // delta (content = the canonical RFC 6902 patch against baseId, an older version of the same entity). The
    // store checks that the new form materializes to the snapshot's checksum before it replaces anything.
    virtual Status rewriteStorage(const QString &id, const QString &baseId, const QByteArray &content) = 0;
    // How many deltas lie between a snapshot and its keyframe (0: it is full).
    virtual Result<int> chainDepth(const QString &id) = 0;
};
