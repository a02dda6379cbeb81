#pragma once

#include "store/historystore.h"

class SqlSnapshotStore;

// HistoryStore over the SQL store's per-thread connections and dialect; owned by the SqlSnapshotStore it serves.
class SqlHistoryStore final : public HistoryStore
{
public:
    explicit SqlHistoryStore(SqlSnapshotStore &store)
        : m_store(store)
    { }

    Result<QList<EventRecord>> events(
        const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq) override;
    Result<EventRange> eventRange(const QString &tenant, const QString &aggregateId) override;
    Result<qint64> lastSeqAt(const QString &tenant, const QString &aggregateId, EpochMs at) override;
    Result<QList<SnapshotHeader>> versions(
        const QString &tenant, const QString &kind, const QString &entityId) override;
    Result<QList<SnapshotHeader>> snapshotsUpTo(
        const QString &tenant, const QString &kind, const QString &entityId, qint64 seq, int limit) override;
    Result<SnapshotStrategy> strategy(const QString &tenant, const QString &kind) override;
    Status saveStrategy(const QString &tenant, const SnapshotStrategy &strategy, const QString &actor) override;
    Status rewriteStorage(const QString &id, const QString &baseId, const QByteArray &content) override;
    Result<int> chainDepth(const QString &id) override;

private:
    SqlSnapshotStore &m_store;
};
