#pragma once

#include <QHash>
#include <QMutex>
#include <QTimeZone>

#include "domain/snapshot.h"
#include "store/sqlconnections.h"

// The tenants table, and each tenant's business time zone kept at hand: the write path files every snapshot under
// the business day it was taken on.
class SqlTenants
{
public:
    explicit SqlTenants(SqlConnections &sql)
        : m_sql(sql)
    { }

    Result<QList<Tenant>> tenants();
    Status putTenant(const Tenant &tenant);
    // Inserts the tenant unless one with its id exists (which is left as it is): true when it was inserted.
    Result<bool> insertIfAbsent(const Tenant &tenant);
    // Reads the tenants' zones (on open).
    Status load();
    // The business day (YYYY-MM-DD) `at` falls on in the tenant's zone (UTC for an unknown tenant).
    QString businessDay(const QString &tenant, EpochMs at);

private:
    // Inserts the tenant, or (replace) overwrites the one with its id; false when it existed and was kept.
    Result<bool> write(const Tenant &tenant, bool replace);

    SqlConnections &m_sql;
    QMutex m_mutex; // guards the members below
    QHash<QString, QTimeZone> m_zones;
    struct BusinessDay
    {
        EpochMs start = 0, end = 0; // [start, end) in UTC milliseconds
        QString text;
    };
    QHash<QString, BusinessDay> m_lastDay; // per tenant: batches mostly stay within a day
};
