#include "sqlingesttransaction.h"

#include <QSqlError>

#include "store/sqllivesources.h"

SqlIngestTransaction::SqlIngestTransaction(
    SqlConnections &sql, SqlTenants &tenants, SqlSnapshotWriter &writer, QSqlDatabase db, const QList<Tenant> &existing)
    : m_sql(sql)
    , m_tenants(tenants)
    , m_writer(writer)
    , m_db(std::move(db))
{
    for (const Tenant &t : existing)
        m_known.insert(t.id, t);
}

SqlIngestTransaction::~SqlIngestTransaction()
{
    if (m_committed)
        return;
    m_db.rollback();
    if (m_createdAny)
        (void)m_tenants.load(); // forget the zones of tenants never committed (a failure keeps them: harmless)
}

std::optional<Tenant> SqlIngestTransaction::tenant(const QString &id)
{
    const auto found = m_known.constFind(id);
    return found == m_known.constEnd() ? std::nullopt : std::optional(*found);
}

Result<bool> SqlIngestTransaction::createTenant(const Tenant &tenant)
{
    auto inserted = m_tenants.insertIfAbsent(tenant);
    if (!inserted)
        return inserted.error();
    m_createdAny = m_createdAny || *inserted;
    m_known.insert(tenant.id, tenant);
    return *inserted;
}

Result<IngestWrite> SqlIngestTransaction::write(const QList<NewSnapshot> &snapshots)
{
    return m_writer.ingestBatch(snapshots, m_run);
}

Result<LiveSourceTable> SqlIngestTransaction::syncState(const QString &source, const QString &table)
{
    return SqlLiveSources::lockState(m_sql, m_db, source, table);
}

Status SqlIngestTransaction::saveSyncState(const LiveSourceTable &table)
{
    return SqlLiveSources::saveState(m_sql, m_db, table);
}

Status SqlIngestTransaction::commit(const AuditEntry &audit)
{
    if (!audit.action.isEmpty()) {
        if (Status logged = m_sql.appendAudit(m_db, audit); !logged)
            return logged;
    }
    if (!m_db.commit())
        return Error { Error::Code::Database,
            QStringLiteral("committing the ingested snapshots: %1").arg(m_db.lastError().text()) };
    m_committed = true;
    return {};
}
