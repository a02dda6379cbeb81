#pragma once

#include "codec/payloadcodec.h"
#include "store/historystore.h"
#include "store/sqlconnections.h"
#include "store/sqlsnapshotreader.h"

// HistoryStore over the SQL store's connections, reading snapshots through its reader.
class SqlHistoryStore final : public HistoryStore
{
public:
    SqlHistoryStore(SqlConnections &sql, SqlSnapshotReader &reader, PayloadCodec &codec)
        : m_sql(sql)
        , m_reader(reader)
        , m_codec(codec)
    { }

    Result<QList<SnapshotHeader>> versions(
        const QString &tenant, const QString &kind, const QString &entityId) override;
    Result<QList<SnapshotHeader>> snapshotsUpTo(
        const QString &tenant, const QString &kind, const QString &entityId, qint64 seq, int limit) override;
    Result<SnapshotStrategy> strategy(const QString &tenant, const QString &kind) override;
    Status saveStrategy(const QString &tenant, const SnapshotStrategy &strategy, const QString &actor) override;
    Status rewriteStorage(const QString &id, const QString &baseId, const QByteArray &content) override;
    Result<int> chainDepth(const QString &id) override;

private:
    SqlConnections &m_sql;
    SqlSnapshotReader &m_reader;
    PayloadCodec &m_codec;
};
