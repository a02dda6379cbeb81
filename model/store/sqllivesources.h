#pragma once

#include "store/livesourcestore.h"
#include "store/sqlconnections.h"

// LiveSourceStore over the SQL store's connections.
class SqlLiveSources final : public LiveSourceStore
{
public:
    explicit SqlLiveSources(SqlConnections &sql)
        : m_sql(sql)
    { }

    Result<QList<LiveSource>> liveSources() override;
    Result<LiveSource> liveSource(const QString &name) override;
    Status addLiveSource(const LiveSource &source, const QString &actor) override;
    Status removeLiveSource(const QString &name, const QString &actor) override;
    Status recordSyncOutcome(const LiveSourceTable &table) override;
    Result<qint64> sourcedSnapshots(const QString &tenant, const QString &kind) override;

    // The table's whole state (watermark and counts too), inside the caller's transaction: an ingest run's.
    static Status saveState(const SqlConnections &sql, QSqlDatabase &db, const LiveSourceTable &table);

private:
    Result<QList<LiveSource>> read(const QString &where, const QVariantList &values);

    SqlConnections &m_sql;
};
