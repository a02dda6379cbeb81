#pragma once

#include "codec/payloadcodec.h"
#include "store/sqlconnections.h"
#include "store/sqlsnapshotreader.h"
#include "store/sqltenants.h"

// Writes the snapshots table: new snapshots in batches (versions, summaries, chart facts and the day's statistics in
// one transaction), and pins.
class SqlSnapshotWriter
{
public:
    SqlSnapshotWriter(SqlConnections &sql, PayloadCodec &codec, SqlTenants &tenants, SqlSnapshotReader &reader)
        : m_sql(sql)
        , m_codec(codec)
        , m_tenants(tenants)
        , m_reader(reader)
    { }

    Result<QList<SnapshotHeader>> putBatch(const QList<NewSnapshot> &snapshots);
    Status setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor);
    Status setPinned(
        const QStringList &ids, bool pinned, const QString &reason, const QString &actor, const QString &target);

private:
    Result<QList<SnapshotHeader>> writeBatch(const QList<NewSnapshot> &snapshots); // one attempt of putBatch

    SqlConnections &m_sql;
    PayloadCodec &m_codec;
    SqlTenants &m_tenants;
    SqlSnapshotReader &m_reader;
};
