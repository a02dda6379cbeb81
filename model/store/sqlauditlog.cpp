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
    return m_sql.rows(QStringLiteral("reading the audit log"),
        QStringLiteral("SELECT id, at, tenant_id, actor, host, action, target, details, outcome FROM audit_log "
                       "WHERE %1 ORDER BY id DESC LIMIT ?")
            .arg(where.join(QStringLiteral(" AND "))),
        values, [](const QSqlQuery &row) {
            return AuditEntry { row.value(0).toLongLong(), row.value(1).toLongLong(), row.value(2).toString(),
                row.value(3).toString(), row.value(4).toString(), row.value(5).toString(), row.value(6).toString(),
                parseObject(row.value(7)), row.value(8).toString() };
        });
}
