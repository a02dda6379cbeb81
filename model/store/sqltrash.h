#pragma once

#include "codec/payloadcodec.h"
#include "store/maintenancestore.h"
#include "store/sqlconnections.h"
#include "store/sqlpersonalfields.h"
#include "store/sqltenants.h"

// The trash (moving to it, restoring from it, purging it) and putting archived snapshots back (MaintenanceStore's
// trash section).
class SqlTrash
{
public:
    SqlTrash(SqlConnections &sql, PayloadCodec &codec, SqlTenants &tenants, SqlPersonalFields &personal)
        : m_sql(sql)
        , m_codec(codec)
        , m_tenants(tenants)
        , m_personal(personal)
    { }

    Result<qint64> trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn);
    Result<qint64> restore(const QStringList &ids);
    Result<qint64> purge(
        const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit, const QStringList &goodArchives);
    Result<QMap<QString, QStringList>> archives(const QString &tenant, EpochMs trashedBefore);
    Result<qint64> count(const QString &tenant, std::optional<EpochMs> trashedBefore);
    // On a store that keeps personal fields apart, the rows are stored as the writer stores them: withheld, with
    // their fields in personal_fields (issue 26).
    Result<qint64> importArchived(const QList<MaintenanceStore::ArchivedRow> &rows);

private:
    // A list of ids as one bound value: a JSON array for SQLite's json_each, an array literal for PostgreSQL.
    QString idListParameter() const;
    QVariant idListValue(const QStringList &ids) const;

    SqlConnections &m_sql;
    PayloadCodec &m_codec;
    SqlTenants &m_tenants;
    SqlPersonalFields &m_personal;
};
