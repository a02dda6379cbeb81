#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/pii.h"
#include "store/sqlaccess.h"
#include "store/sqlconnections.h"

// Personal fields kept apart from the payload on a shared store (issue 26): personal_fields, which only admins read.
// Written with their snapshots, read back for the sessions that may see them, revealed one at a time through the
// server's snapscope_reveal (which writes the audit row in the same transaction), and searched through
// snapscope_find_personal (case search by phone) without being returned.
class SqlPersonalFields
{
public:
    SqlPersonalFields(SqlConnections &sql, const SqlAccess &access)
        : m_sql(sql)
        , m_access(access)
    { }

    // Snapshots written from now keep their personal fields apart: a PostgreSQL store at schema 15 or later.
    bool splits() const { return m_splits; }
    void setSchemaVersion(int version) { m_splits = !m_sql.isSqlite() && version >= 15; }
    // The session reads them: the store's owner or an admin (and a SQLite file's owner, where nothing is apart).
    bool readable() const;

    // One snapshot's fields, for a session that may read them.
    Result<QList<Pii::WithheldField>> fields(const QString &snapshotId);
    // Writes fields of snapshots in the caller's transaction (after their snapshots rows).
    struct Row
    {
        QString snapshotId, tenant;
        Pii::WithheldField field;
    };
    Status write(QSqlDatabase &db, const QList<Row> &rows);
    // One field, audited by the server as "pii.reveal" by the session's login, with `where` (inspector, case view).
    Result<QJsonValue> reveal(const QString &snapshotId, const QString &field, const QString &where);
    // The ids of a kind's live snapshots whose summary field `name` equals `value` (or starts with it).
    Result<QStringList> find(
        const QString &tenant, const QString &kind, const QString &name, const QString &value, bool prefix, int limit);

    // The event store's events (issue 26): their contact-detail members, by aggregate and sequence number.
    struct EventRow
    {
        QString tenant, aggregateId;
        qint64 seq = 0;
        Pii::WithheldField field;
    };
    Status writeEvents(QSqlDatabase &db, const QList<EventRow> &rows);
    // The fields of an aggregate's events in (afterSeq, upToSeq], by sequence number, for a session that reads them.
    Result<QHash<qint64, QList<Pii::WithheldField>>> eventFields(
        const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq);
    // A jsonb value as the driver returns it (its text), and back.
    static QJsonValue fromStored(const QVariant &text);
    static QString toStored(const QJsonValue &value);

private:
    SqlConnections &m_sql;
    const SqlAccess &m_access;
    bool m_splits = false;
};
