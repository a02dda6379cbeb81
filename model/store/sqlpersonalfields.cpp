#include "sqlpersonalfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include "domain/snapshotid.h"
#include "store/bulkinsert.h"

QJsonValue SqlPersonalFields::fromStored(const QVariant &text)
{
    // jsonb comes back as its text; a bare string or number is read as a one-element array's element.
    const QByteArray bytes = '[' + text.toString().toUtf8() + ']';
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    return document.isArray() && document.array().size() == 1 ? document.array().at(0) : QJsonValue();
}

QString SqlPersonalFields::toStored(const QJsonValue &value)
{
    const QByteArray bytes = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(bytes.mid(1, bytes.size() - 2));
}

bool SqlPersonalFields::readable() const
{
    const SessionAccess &session = m_access.session();
    return !session.enforced || session.owner || session.role == Access::Role::Admin;
}

Result<QList<Pii::WithheldField>> SqlPersonalFields::fields(const QString &snapshotId)
{
    if (!readable())
        return Error { Error::Code::Forbidden,
            QStringLiteral("the %1 role does not read personal data: reveal one field at a time")
                .arg(Access::roleName(m_access.session().role)) };
    return m_sql.rows(QStringLiteral("reading the personal fields of %1").arg(snapshotId),
        QStringLiteral("SELECT field, value FROM personal_fields WHERE snapshot_id = %1 ORDER BY field")
            .arg(m_sql.dialect().uuidParameter()),
        { snapshotId }, [](const QSqlQuery &q) {
            return Pii::WithheldField { q.value(0).toString(), fromStored(q.value(1)) };
        });
}

Status SqlPersonalFields::write(QSqlDatabase &db, const QList<Row> &rows)
{
    if (rows.isEmpty())
        return {};
    BulkInsert insert(db, QStringLiteral("INSERT INTO personal_fields (snapshot_id, field, tenant_id, value)"),
        QStringLiteral("(%1, ?, ?, %2)").arg(m_sql.dialect().uuidParameter(), m_sql.dialect().jsonParameter()),
        QString(), m_sql.dialect().insertRowsPerStatement());
    for (const Row &row : rows) {
        if (!insert.addRow({ row.snapshotId, row.field.field, row.tenant, toStored(row.field.value) }))
            return Error { Error::Code::Database,
                QStringLiteral("writing the personal fields of %1: %2").arg(row.snapshotId, insert.lastError()) };
    }
    if (!insert.flush())
        return Error { Error::Code::Database, QStringLiteral("writing personal fields: %1").arg(insert.lastError()) };
    return {};
}

Result<QJsonValue> SqlPersonalFields::reveal(const QString &snapshotId, const QString &field, const QString &where)
{
    if (!SnapshotId::isWellFormed(snapshotId))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(snapshotId) };
    auto row = m_sql.first(QStringLiteral("revealing %1 of snapshot %2").arg(field, snapshotId),
        QStringLiteral("SELECT snapscope_reveal(%1, ?, ?)").arg(m_sql.dialect().uuidParameter()),
        { snapshotId.toLower(), field, where });
    if (!row)
        return row.error();
    return fromStored(row->value(0));
}

Result<QStringList> SqlPersonalFields::find(
    const QString &tenant, const QString &kind, const QString &name, const QString &value, bool prefix, int limit)
{
    // The server searches the customer's phone only (case search), and for support a prefix of at least four
    // characters (a shorter one finds nothing here rather than an error).
    if (name != u"customer_phone" || (prefix && value.size() < 4 && !readable()))
        return QStringList();
    return m_sql.rows(QStringLiteral("finding the %1 snapshots of %2").arg(kind, value),
        QStringLiteral("SELECT snapscope_find_personal(?, ?, ?, ?, ?)"),
        { tenant, kind, value, prefix, qMax(1, limit) }, [](const QSqlQuery &q) { return q.value(0).toString(); });
}

Status SqlPersonalFields::writeEvents(QSqlDatabase &db, const QList<EventRow> &rows)
{
    if (rows.isEmpty())
        return {};
    BulkInsert insert(db,
        QStringLiteral("INSERT INTO event_personal_fields (tenant_id, aggregate_id, seq, field, value)"),
        QStringLiteral("(?, ?, ?, ?, %1)").arg(m_sql.dialect().jsonParameter()), QString(),
        m_sql.dialect().insertRowsPerStatement());
    for (const EventRow &row : rows) {
        if (!insert.addRow({ row.tenant, row.aggregateId, row.seq, row.field.field, toStored(row.field.value) }))
            return Error { Error::Code::Database,
                QStringLiteral("writing the personal fields of event %1 of %2: %3")
                    .arg(row.seq)
                    .arg(row.aggregateId, insert.lastError()) };
    }
    if (!insert.flush())
        return Error { Error::Code::Database,
            QStringLiteral("writing the personal fields of events: %1").arg(insert.lastError()) };
    return {};
}

Result<QHash<qint64, QList<Pii::WithheldField>>> SqlPersonalFields::eventFields(
    const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq)
{
    QString sql = QStringLiteral("SELECT seq, field, value FROM event_personal_fields WHERE tenant_id = ? AND "
                                 "aggregate_id = ? AND seq > ?");
    QVariantList values { tenant, aggregateId, afterSeq };
    if (upToSeq) {
        sql += QStringLiteral(" AND seq <= ?");
        values.append(*upToSeq);
    }
    struct Read
    {
        qint64 seq;
        Pii::WithheldField field;
    };
    auto rows = m_sql.rows(QStringLiteral("reading the personal fields of the events of %1").arg(aggregateId), sql,
        values, [](const QSqlQuery &q) {
            return Read { q.value(0).toLongLong(), { q.value(1).toString(), fromStored(q.value(2)) } };
        });
    if (!rows)
        return rows.error();
    QHash<qint64, QList<Pii::WithheldField>> bySeq;
    for (Read &row : *rows)
        bySeq[row.seq].append(std::move(row.field));
    return bySeq;
}
