#include "sqlauditlog.h"

#include <QSqlQuery>

using SqlValues::execWith;
using SqlValues::parseObject;

Status SqlAuditLog::append(const AuditEntry &entry)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    return m_sql.appendAudit(*db, entry);
}

Result<QList<AuditEntry>> SqlAuditLog::read(const AuditQuery &q)
{
    QStringList where { QStringLiteral("1 = 1") };
    QVariantList values;
    if (!q.tenant.isEmpty()) {
        where.append(QStringLiteral("tenant_id = ?"));
        values.append(q.tenant);
    }
    if (!q.actor.isEmpty()) {
        where.append(QStringLiteral("actor = ?"));
        values.append(q.actor);
    }
    if (!q.action.isEmpty()) {
        where.append(QStringLiteral("action LIKE ? ESCAPE '\\'"));
        QString prefix = q.action;
        prefix.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        values.append(QString(prefix + u'%'));
    }
    if (q.at.from) {
        where.append(QStringLiteral("at >= ?"));
        values.append(*q.at.from);
    }
    if (q.at.to) {
        where.append(QStringLiteral("at < ?"));
        values.append(*q.at.to);
    }
    if (q.beforeId) {
        where.append(QStringLiteral("id < ?"));
        values.append(*q.beforeId);
    }
    values.append(q.limit);
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!execWith(query,
            QStringLiteral("SELECT id, at, tenant_id, actor, host, action, target, details, outcome FROM audit_log "
                           "WHERE %1 ORDER BY id DESC LIMIT ?")
                .arg(where.join(QStringLiteral(" AND "))),
            values))
        return m_sql.errorFrom(QStringLiteral("reading the audit log"), query);
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append({ query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
            parseObject(query.value(7)), query.value(8).toString() });
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading the audit log"), query);
    return entries;
}
