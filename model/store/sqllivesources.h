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

    // Inside the caller's transaction (an ingest run's): a table's state, locked until the transaction ends, and
    // its watermark, counts and outcome written back.
    static Result<LiveSourceTable> lockState(
        const SqlConnections &sql, QSqlDatabase &db, const QString &source, const QString &table);
    static Status saveState(const SqlConnections &sql, QSqlDatabase &db, const LiveSourceTable &table);

private:
    Result<QList<LiveSource>> read(const QString &where, const QVariantList &values);

    SqlConnections &m_sql;
};
