#include "sqllivesources.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>

using SqlValues::compactJson;
using SqlValues::execWith;
using SqlValues::nullableInt;
using SqlValues::optionalInt;
using SqlValues::parseObject;

namespace {

// An empty text as '' (a null QString would bind NULL).
QString text(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("") : value;
}

const QString TableColumns = QStringLiteral(
    "source, table_name, kind, shape, mapping, watermark_time, watermark_id, rows_synced, gone_at_source, "
    "newest_source_at, newest_synced_at, last_sync_at, last_outcome, last_error, source_deletes");

LiveSourceTable readTable(const QSqlQuery &row)
{
    LiveSourceTable t;
    t.source = row.value(0).toString();
    t.table = row.value(1).toString();
    t.kind = row.value(2).toString();
    t.shape = row.value(3).toString();
    t.mapping = parseObject(row.value(4));
    t.watermarkTime = row.value(5).toString();
    t.watermarkId = row.value(6).toString();
    t.rowsSynced = row.value(7).toLongLong();
    t.goneAtSource = row.value(8).toLongLong();
    t.newestSourceAt = optionalInt(row.value(9));
    t.newestSyncedAt = optionalInt(row.value(10));
    t.lastSyncAt = optionalInt(row.value(11));
    t.lastOutcome = row.value(12).toString();
    t.lastError = row.value(13).toString();
    t.sourceDeletes = optionalInt(row.value(14));
    return t;
}

} // namespace

Result<QList<LiveSource>> SqlLiveSources::read(const QString &where, const QVariantList &values)
{
    auto sources = m_sql.rows(QStringLiteral("reading live sources"),
        QStringLiteral("SELECT name, preset, conninfo, tenant_id, time_zone, overlap_s, created_at, created_by "
                       "FROM live_sources %1 ORDER BY name")
            .arg(where),
        values, [](const QSqlQuery &row) {
            LiveSource s;
            s.name = row.value(0).toString();
            s.preset = row.value(1).toString();
            s.conninfo = row.value(2).toString();
            s.tenant = row.value(3).toString();
            s.timeZone = row.value(4).toString();
            s.overlapSeconds = row.value(5).toInt();
            s.createdAt = row.value(6).toLongLong();
            s.createdBy = row.value(7).toString();
            return s;
        });
    if (!sources)
        return sources.error();
    auto tables = m_sql.rows(QStringLiteral("reading live source tables"),
        QStringLiteral("SELECT %1 FROM live_source_tables ORDER BY source, table_name").arg(TableColumns), {},
        readTable);
    if (!tables)
        return tables.error();
    for (LiveSource &s : *sources) {
        for (const LiveSourceTable &t : std::as_const(*tables)) {
            if (t.source == s.name)
                s.tables.append(t);
        }
    }
    return sources;
}

Result<QList<LiveSource>> SqlLiveSources::liveSources()
{
    return read({}, {});
}

Result<LiveSource> SqlLiveSources::liveSource(const QString &name)
{
    auto found = read(QStringLiteral("WHERE name = ?"), { name });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error { Error::Code::NotFound, QStringLiteral("there is no source \"%1\"").arg(name) };
    return found->constFirst();
}

Status SqlLiveSources::addLiveSource(const LiveSource &s, const QString &actor)
{
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("SELECT 1 FROM live_sources WHERE name = ?"), { s.name }))
            return m_sql.errorFrom(QStringLiteral("adding source %1").arg(s.name), query);
        if (query.next())
            return Error { Error::Code::Invalid, QStringLiteral("there is a source \"%1\" already").arg(s.name) };
        query.finish();
        if (!execWith(query,
                QStringLiteral("INSERT INTO live_sources (name, preset, conninfo, tenant_id, time_zone, overlap_s, "
                               "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                { s.name, s.preset, s.conninfo, s.tenant, s.timeZone, s.overlapSeconds,
                    QDateTime::currentMSecsSinceEpoch(), actor }))
            return m_sql.errorFrom(QStringLiteral("adding source %1").arg(s.name), query);
        QStringList tables;
        for (LiveSourceTable t : s.tables) {
            t.source = s.name;
            if (!execWith(query,
                    QStringLiteral(
                        "INSERT INTO live_source_tables (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .arg(TableColumns),
                    { t.source, t.table, t.kind, t.shape, compactJson(t.mapping), text(t.watermarkTime),
                        text(t.watermarkId), t.rowsSynced, t.goneAtSource, nullableInt(t.newestSourceAt),
                        nullableInt(t.newestSyncedAt), nullableInt(t.lastSyncAt), text(t.lastOutcome),
                        text(t.lastError), nullableInt(t.sourceDeletes) }))
                return m_sql.errorFrom(QStringLiteral("adding source %1").arg(s.name), query);
            tables.append(t.table);
        }
        audit.tenant = s.tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("source.add");
        audit.target = s.name;
        audit.details = { { QStringLiteral("preset"), s.preset }, { QStringLiteral("conninfo"), s.conninfo },
            { QStringLiteral("tables"), QJsonArray::fromStringList(tables) } };
        return {};
    });
}

Status SqlLiveSources::removeLiveSource(const QString &name, const QString &actor)
{
    auto existing = liveSource(name);
    if (!existing)
        return existing.error();
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("DELETE FROM live_source_tables WHERE source = ?"), { name })
            || !execWith(query, QStringLiteral("DELETE FROM live_sources WHERE name = ?"), { name }))
            return m_sql.errorFrom(QStringLiteral("removing source %1").arg(name), query);
        audit.tenant = existing->tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("source.remove");
        audit.target = name;
        qint64 synced = 0;
        for (const LiveSourceTable &t : std::as_const(existing->tables))
            synced += t.rowsSynced;
        audit.details = { { QStringLiteral("rows_synced"), synced } };
        return {};
    });
}

Result<LiveSourceTable> SqlLiveSources::lockState(
    const SqlConnections &sql, QSqlDatabase &db, const QString &source, const QString &table)
{
    // PostgreSQL: the row stays locked until the transaction ends, so a second sync of the table (another console,
    // a schedule) waits and then reads where this one left off. SQLite's write transaction already excludes it.
    QSqlQuery query(db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM live_source_tables WHERE source = ? AND table_name = ?%2")
                .arg(TableColumns, sql.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE")),
            { source, table }))
        return sql.errorFrom(QStringLiteral("reading the state of %1.%2").arg(source, table), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return sql.errorFrom(QStringLiteral("reading the state of %1.%2").arg(source, table), query);
        return Error { Error::Code::NotFound,
            QStringLiteral("source %1 has no table %2 (it was removed meanwhile)").arg(source, table) };
    }
    return readTable(query);
}

Status SqlLiveSources::saveState(const SqlConnections &sql, QSqlDatabase &db, const LiveSourceTable &t)
{
    QSqlQuery query(db);
    const bool ok = execWith(query,
        QStringLiteral("UPDATE live_source_tables SET watermark_time = ?, watermark_id = ?, rows_synced = ?, "
                       "gone_at_source = ?, newest_source_at = ?, newest_synced_at = ?, last_sync_at = ?, "
                       "last_outcome = ?, last_error = ?, source_deletes = ? WHERE source = ? AND table_name = ?"),
        { text(t.watermarkTime), text(t.watermarkId), t.rowsSynced, t.goneAtSource, nullableInt(t.newestSourceAt),
            nullableInt(t.newestSyncedAt), nullableInt(t.lastSyncAt), text(t.lastOutcome), text(t.lastError),
            nullableInt(t.sourceDeletes), t.source, t.table });
    if (!ok)
        return sql.errorFrom(QStringLiteral("saving the state of %1.%2").arg(t.source, t.table), query);
    if (query.numRowsAffected() != 1)
        return Error { Error::Code::NotFound,
            QStringLiteral("source %1 has no table %2 (it was removed meanwhile)").arg(t.source, t.table) };
    return {};
}

Status SqlLiveSources::recordSyncOutcome(const LiveSourceTable &t)
{
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &) -> Status {
        QSqlQuery query(db);
        if (!execWith(query,
                QStringLiteral(
                    "UPDATE live_source_tables SET newest_source_at = ?, last_sync_at = ?, last_outcome = ?, "
                    "last_error = ? WHERE source = ? AND table_name = ?"),
                { nullableInt(t.newestSourceAt), nullableInt(t.lastSyncAt), text(t.lastOutcome), text(t.lastError),
                    t.source, t.table }))
            return m_sql.errorFrom(QStringLiteral("recording the sync of %1.%2").arg(t.source, t.table), query);
        return {};
    });
}
