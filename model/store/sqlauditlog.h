#pragma once

#include "domain/maintenance.h"
#include "store/sqlconnections.h"

// The audit log: appended to on its own or inside another write's transaction (SqlConnections::write), read newest
// first (MaintenanceStore's audit section).
class SqlAuditLog
{
public:
    explicit SqlAuditLog(SqlConnections &sql)
        : m_sql(sql)
    { }

    Status append(const AuditEntry &entry);
    Result<QList<AuditEntry>> read(const AuditQuery &query);

private:
    SqlConnections &m_sql;
};
