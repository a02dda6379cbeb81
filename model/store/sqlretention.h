#pragma once

#include <QThreadPool>

#include "store/maintenancestore.h"
#include "store/sqlconnections.h"

// Retention policies, and the live snapshots a cleanup plans over (MaintenanceStore's retention section).
class SqlRetention
{
public:
    // background: the store's background thread, which reads half of a large SQLite scan.
    SqlRetention(SqlConnections &sql, QThreadPool &background)
        : m_sql(sql)
        , m_background(background)
    { }

    Result<QList<RetentionPolicy>> policies(const QString &tenant);
    Result<std::optional<RetentionPolicy>> policy(const QString &tenant, const QString &kind);
    Status savePolicy(const QString &tenant, const RetentionPolicy &policy, const QString &actor);
    Result<RetentionCandidates> candidates(
        const QString &tenant, const QString &kind, const std::function<bool()> &cancelled);

private:
    SqlConnections &m_sql;
    QThreadPool &m_background;
};
