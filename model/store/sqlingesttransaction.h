#pragma once

#include <QHash>
#include <QSqlDatabase>

#include "store/ingesttransaction.h"
#include "store/sqlconnections.h"
#include "store/sqlsnapshotwriter.h"
#include "store/sqltenants.h"

// An ingest run's transaction on one connection (SqlSnapshotStore::beginIngest): begun by the store, rolled back
// when destroyed uncommitted.
class SqlIngestTransaction final : public IngestTransaction
{
public:
    SqlIngestTransaction(SqlConnections &sql, SqlTenants &tenants, SqlSnapshotWriter &writer, QSqlDatabase db,
        const QList<Tenant> &existing);
    ~SqlIngestTransaction() override;

    std::optional<Tenant> tenant(const QString &id) override;
    Result<bool> createTenant(const Tenant &tenant) override;
    Result<IngestWrite> write(const QList<NewSnapshot> &snapshots) override;
    Result<LiveSourceTable> syncState(const QString &source, const QString &table) override;
    Status saveSyncState(const LiveSourceTable &table) override;
    Status commit(const AuditEntry &audit) override;

private:
    SqlConnections &m_sql;
    SqlTenants &m_tenants;
    SqlSnapshotWriter &m_writer;
    QSqlDatabase m_db;
    QHash<QString, Tenant> m_known;
    SqlSnapshotWriter::IngestRun m_run;
    bool m_committed = false;
    bool m_createdAny = false;
};
