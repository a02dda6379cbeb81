#include "sqlmaintenancestore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "domain/maintenancejson.h"
#include "store/sqlsnapshotstore.h"
#include "store/sqlvalues.h"
#include "json/isotime.h"

using SqlValues::compactJson;
using SqlValues::execWith;
using SqlValues::nullableInt;
using SqlValues::nullIfEmpty;
using SqlValues::parseObject;

namespace {

QJsonArray parseArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QStringList toStrings(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

std::optional<EpochMs> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<EpochMs>(value.toLongLong());
}

} // namespace

QString SqlMaintenanceStore::idListParameter() const
{
    return m_store.m_dialect.isSqlite() ? QStringLiteral("(SELECT value FROM json_each(?))")
                                        : QStringLiteral("(SELECT unnest(CAST(? AS uuid[])))");
}

QVariant SqlMaintenanceStore::idListValue(const QStringList &ids) const
{
    if (m_store.m_dialect.isSqlite())
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    return QString(QStringLiteral("{") + ids.join(u',') + u'}');
}

Result<qint64> SqlMaintenanceStore::changeRows(const QString &sql, const QVariantList &values, const QString &what)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query, sql, values))
        return m_store.errorFrom(what, query);
    return qint64(query.numRowsAffected());
}

// ---- retention

namespace {
const QString PolicyColumns
    = QStringLiteral("kind, keep_last, keep_within_days, keep_daily, keep_weekly, keep_monthly, "
                     "keep_yearly, delete_older_than_days, protected_types, updated_at, "
                     "updated_by");

RetentionPolicy readPolicy(const QSqlQuery &query)
{
    RetentionPolicy p;
    p.kind = query.value(0).toString();
    p.keepLast = query.value(1).toInt();
    p.keepWithinDays = query.value(2).toInt();
    p.keepDaily = query.value(3).toInt();
    p.keepWeekly = query.value(4).toInt();
    p.keepMonthly = query.value(5).toInt();
    p.keepYearly = query.value(6).toInt();
    p.deleteOlderThanDays = query.value(7).toInt();
    p.protectedTypes = toStrings(parseArray(query.value(8)));
    p.updatedAt = query.value(9).toLongLong();
    p.updatedBy = query.value(10).toString();
    return p;
}
} // namespace

Result<QList<RetentionPolicy>> SqlMaintenanceStore::retentionPolicies(const QString &tenant)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM retention_policies WHERE tenant_id = ? ORDER BY kind").arg(PolicyColumns),
            { tenant }))
        return m_store.errorFrom(QStringLiteral("reading retention policies"), query);
    QList<RetentionPolicy> policies;
    while (query.next())
        policies.append(readPolicy(query));
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading retention policies"), query);
    return policies;
}

Result<std::optional<RetentionPolicy>> SqlMaintenanceStore::retentionPolicy(const QString &tenant, const QString &kind)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM retention_policies WHERE tenant_id = ? AND kind = ?").arg(PolicyColumns),
            { tenant, kind }))
        return m_store.errorFrom(QStringLiteral("reading the retention policy of %1").arg(kind), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_store.errorFrom(QStringLiteral("reading the retention policy of %1").arg(kind), query);
        return std::optional<RetentionPolicy>();
    }
    return std::optional<RetentionPolicy>(readPolicy(query));
}

Status SqlMaintenanceStore::saveRetentionPolicy(
    const QString &tenant, const RetentionPolicy &policy, const QString &actor)
{
    return m_store.writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        const QString protectedTypes = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(policy.protectedTypes)).toJson(QJsonDocument::Compact));
        if (!execWith(query,
                QStringLiteral(
                    "INSERT INTO retention_policies (tenant_id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %2, ?, ?) "
                    "ON CONFLICT (tenant_id, kind) DO UPDATE SET keep_last = excluded.keep_last, "
                    "keep_within_days = excluded.keep_within_days, keep_daily = excluded.keep_daily, "
                    "keep_weekly = excluded.keep_weekly, keep_monthly = excluded.keep_monthly, "
                    "keep_yearly = excluded.keep_yearly, delete_older_than_days = excluded.delete_older_than_days, "
                    "protected_types = excluded.protected_types, updated_at = excluded.updated_at, "
                    "updated_by = excluded.updated_by")
                    .arg(PolicyColumns, m_store.m_dialect.jsonParameter()),
                { tenant, policy.kind, policy.keepLast, policy.keepWithinDays, policy.keepDaily, policy.keepWeekly,
                    policy.keepMonthly, policy.keepYearly, policy.deleteOlderThanDays, protectedTypes,
                    QDateTime::currentMSecsSinceEpoch(), actor }))
            return m_store.errorFrom(QStringLiteral("saving the retention policy of %1").arg(policy.kind), query);
        audit.tenant = tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("policy.save");
        audit.target = policy.kind;
        audit.details = MaintenanceJson::toJson(policy);
        return {};
    });
}

Result<RetentionCandidates> SqlMaintenanceStore::retentionCandidates(
    const QString &tenant, const QString &kind, const std::function<bool()> &cancelled)
{
    const KindInfo *info = KindRegistry::find(kind);
    if (!info)
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    auto db = m_store.db();
    if (!db)
        return db.error();
    QStringList flags;
    for (const QString &flag : info->significantSummaryFlags())
        flags.append(m_store.m_dialect.isSqlite() ? QStringLiteral("json_extract(summary, '$.%1') = 1").arg(flag)
                                                  : QStringLiteral("summary -> '%1' = 'true'::jsonb").arg(flag));
    const QString flagged = flags.isEmpty()
        ? (m_store.m_dialect.isSqlite() ? QStringLiteral("0") : QStringLiteral("false"))
        : QStringLiteral("(") + flags.join(QStringLiteral(" OR ")) + u')';
    // How many rows to expect, from the time index alone (0.2 s for a million).
    qint64 expected = 0;
    qint64 maxRowid = 0;
    bool scanTable = false;
    if (QSqlQuery count(*db); execWith(count,
                                  QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE tenant_id = ? AND kind = ? "
                                                 "AND deleted_at IS NULL"),
                                  { tenant, kind })
        && count.next()) {
        expected = count.value(0).toLongLong();
        // SQLite: when the kind is a large part of the table, one pass over the table in file order beats a million
        // index lookups in time order (1.0 s against 1.9 s for the 1.1 million daily inventory rows of the large
        // demo); for a small kind the index wins by far.
        if (m_store.m_dialect.isSqlite()) {
            QSqlQuery rows(*db);
            if (rows.exec(QStringLiteral("SELECT MAX(rowid) FROM snapshots")) && rows.next())
                maxRowid = rows.value(0).toLongLong();
            scanTable = expected * 4 > maxRowid;
        }
    }
    // No ORDER BY: rows are grouped by entity below, which is cheaper than having the database sort them.
    const QString sql
        = QStringLiteral("SELECT id, entity_id, taken_at, snapshot_type, pinned, stored_size, %1, base_id FROM "
                         "snapshots %2WHERE tenant_id = ? AND kind = ? AND deleted_at IS NULL")
              .arg(m_store.m_dialect.isSqlite() ? flagged
                                                : QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(flagged),
                  scanTable ? QStringLiteral("NOT INDEXED ") : QString());
    const auto scan = [&](QSqlDatabase connection, const QString &range, const QVariantList &bounds,
                          qint64 reserve) -> Result<RetentionCandidates> {
        QSqlQuery query(connection);
        query.setForwardOnly(true);
        if (!execWith(query, sql + range, QVariantList { tenant, kind } + bounds))
            return m_store.errorFrom(QStringLiteral("reading the snapshots of %1").arg(kind), query);
        RetentionCandidates part;
        part.tenant = tenant;
        part.kind = kind;
        part.rows.reserve(size_t(reserve));
        QHash<QString, int> entityIndex;
        QHash<QString, int> typeIndex;
        qint64 n = 0;
        while (query.next()) {
            if (cancelled && (++n & 0xFFFF) == 0 && cancelled())
                return Error { Error::Code::Cancelled, QStringLiteral("planning cancelled") };
            RetentionCandidate c;
            c.id = QUuid::fromString(query.value(0).toString());
            const QString entity = query.value(1).toString();
            auto e = entityIndex.constFind(entity);
            if (e == entityIndex.constEnd()) {
                e = entityIndex.insert(entity, int(part.entities.size()));
                part.entities.append(entity);
            }
            c.entity = *e;
            c.takenAt = query.value(2).toLongLong();
            const QString type = query.value(3).toString();
            auto t = typeIndex.constFind(type);
            if (t == typeIndex.constEnd()) {
                t = typeIndex.insert(type, int(part.types.size()));
                part.types.append(type);
            }
            c.type = *t;
            c.pinned = query.value(4).toBool();
            c.storedSize = query.value(5).toLongLong();
            c.flagged = query.value(6).toInt() != 0;
            if (const QVariant base = query.value(7); !base.isNull())
                c.baseId = QUuid::fromString(base.toString());
            part.rows.push_back(c);
        }
        if (SqlValues::failedReading(query))
            return m_store.errorFrom(QStringLiteral("reading the snapshots of %1").arg(kind), query);
        return part;
    };
    // (Never from the background thread itself, nor while it is busy with a whole-store scan of its own.)
    QThreadPool &background = m_store.backgroundWorkers();
    if (!scanTable || expected < 200'000 || background.activeThreadCount() >= background.maxThreadCount()
        || QThreadPool::globalInstance() == &background)
        return scan(*db, QString(), {}, expected);

    // A big table scan is split in two halves of the file, the second read on the store's background thread with
    // its own connection: the per-row work of Qt's driver (values, strings, ids) then uses both cores.
    const qint64 middle = maxRowid / 2;
    const QString range = QStringLiteral(" AND rowid > ? AND rowid <= ?");
    QFuture<Result<RetentionCandidates>> upper = QtConcurrent::run(&background, [&, middle, maxRowid] {
        auto connection = m_store.db();
        if (!connection)
            return Result<RetentionCandidates>(connection.error());
        return scan(*connection, range, { middle, maxRowid }, expected / 2);
    });
    auto lower = scan(*db, range, { qint64(0), middle }, expected / 2 + 1);
    upper.waitForFinished();
    Result<RetentionCandidates> second = upper.result();
    if (!lower)
        return lower;
    if (!second)
        return second;
    // Merge: the second half's entity and type numbers are renumbered into the first half's.
    RetentionCandidates &result = *lower;
    const auto renumber = [](QStringList &names, const QStringList &more) {
        QHash<QString, int> index;
        for (int i = 0; i < names.size(); ++i)
            index.insert(names.at(i), i);
        std::vector<int> map(size_t(more.size()));
        for (int i = 0; i < more.size(); ++i) {
            auto found = index.constFind(more.at(i));
            if (found == index.constEnd()) {
                found = index.insert(more.at(i), int(names.size()));
                names.append(more.at(i));
            }
            map[size_t(i)] = *found;
        }
        return map;
    };
    const std::vector<int> entityMap = renumber(result.entities, second->entities);
    const std::vector<int> typeMap = renumber(result.types, second->types);
    result.rows.reserve(result.rows.size() + second->rows.size());
    for (RetentionCandidate c : second->rows) {
        c.entity = entityMap[size_t(c.entity)];
        c.type = typeMap[size_t(c.type)];
        result.rows.push_back(c);
    }
    return std::move(result);
}

// ---- the trash

Result<qint64> SqlMaintenanceStore::trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn)
{
    if (ids.isEmpty())
        return qint64(0);
    QStringList text;
    text.reserve(ids.size());
    for (const QUuid &id : ids)
        text.append(id.toString(QUuid::WithoutBraces));
    // Pinned rows are re-checked here: a pin set after the plan was made still wins.
    return changeRows(QStringLiteral("UPDATE snapshots SET deleted_at = ?, archived_in = ? WHERE id IN %1 AND "
                                     "deleted_at IS NULL AND pinned = ?")
                          .arg(idListParameter()),
        { at, nullIfEmpty(archivedIn), idListValue(text), false }, QStringLiteral("moving snapshots to the trash"));
}

Result<qint64> SqlMaintenanceStore::restore(const QStringList &ids)
{
    if (ids.isEmpty())
        return qint64(0);
    return changeRows(QStringLiteral("UPDATE snapshots SET deleted_at = NULL, archived_in = NULL WHERE id IN %1 AND "
                                     "deleted_at IS NOT NULL")
                          .arg(idListParameter()),
        { idListValue(ids) }, QStringLiteral("restoring snapshots from the trash"));
}

Result<QMap<QString, QStringList>> SqlMaintenanceStore::trashArchives(const QString &tenant, EpochMs trashedBefore)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT archived_in, id FROM snapshots WHERE tenant_id = ? AND deleted_at IS NOT NULL "
                           "AND deleted_at < ? AND archived_in IS NOT NULL"),
            { tenant, trashedBefore }))
        return m_store.errorFrom(QStringLiteral("reading the trash's archives"), query);
    QMap<QString, QStringList> archives;
    while (query.next())
        archives[query.value(0).toString()].append(query.value(1).toString());
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading the trash's archives"), query);
    return archives;
}

Result<qint64> SqlMaintenanceStore::purge(
    const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit, const QStringList &goodArchives)
{
    auto dbResult = m_store.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_store.m_dialect.beginWrite(db); !begun)
        return begun.error();
    QSqlQuery query(db);
    // A base that a delta still builds on stays until the delta is gone (a later batch or run purges it then). A row
    // trashed with an archive goes only while that archive reads whole.
    QStringList placeholders;
    QVariantList values { tenant, trashedBefore };
    for (const QString &archive : goodArchives) {
        placeholders.append(QStringLiteral("?"));
        values.append(archive);
    }
    values.append(limit);
    const QString archived = placeholders.isEmpty()
        ? QStringLiteral("s.archived_in IS NULL")
        : QStringLiteral("(s.archived_in IS NULL OR s.archived_in IN (%1))").arg(placeholders.join(u','));
    if (!execWith(query,
            QStringLiteral("DELETE FROM snapshots WHERE id IN (SELECT id FROM snapshots s WHERE tenant_id = ? "
                           "AND deleted_at IS NOT NULL AND deleted_at < ? AND %1 AND NOT EXISTS (SELECT 1 FROM "
                           "snapshots c WHERE c.base_id = s.id) LIMIT ?)")
                .arg(archived),
            values)) {
        const Error error = m_store.errorFrom(QStringLiteral("purging the trash"), query);
        query.finish();
        db.rollback();
        return error;
    }
    const qint64 purged = query.numRowsAffected();
    query.finish();
    if (purged > 0) {
        audit.details.insert(QStringLiteral("purged"), purged);
        if (Status written = writeAudit(db, audit); !written) {
            db.rollback();
            return written.error();
        }
    }
    if (!db.commit()) {
        const Error error { Error::Code::Database, QStringLiteral("purging the trash: %1").arg(db.lastError().text()) };
        db.rollback();
        return error;
    }
    return purged;
}

Result<qint64> SqlMaintenanceStore::trashCount(const QString &tenant, std::optional<EpochMs> trashedBefore)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE tenant_id = ? AND deleted_at IS NOT NULL "
                           "AND deleted_at < ?"),
            { tenant, trashedBefore.value_or(std::numeric_limits<qint64>::max()) })
        || !query.next())
        return m_store.errorFrom(QStringLiteral("counting the trash"), query);
    return query.value(0).toLongLong();
}

Result<qint64> SqlMaintenanceStore::importArchived(const QList<ArchivedRow> &rows)
{
    // Rows of a tenant this database does not hold would be orphans no timeline lists: refused before any is written.
    auto tenants = m_store.tenants();
    if (!tenants)
        return tenants.error();
    QSet<QString> known;
    for (const Tenant &t : std::as_const(*tenants))
        known.insert(t.id);
    for (const ArchivedRow &row : rows) {
        if (!known.contains(row.header.tenant))
            return Error { Error::Code::Invalid,
                QStringLiteral("the archive holds snapshots of tenant \"%1\", which this database does not have "
                               "(snapshot %2); nothing was imported")
                    .arg(row.header.tenant, row.header.id) };
    }
    auto dbResult = m_store.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_store.m_dialect.beginWrite(db); !begun)
        return begun.error();
    const SqlDialect &d = m_store.m_dialect;
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT checksum FROM snapshots WHERE id = %1").arg(d.uuidParameter()));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO snapshots (id, tenant_id, kind, entity_id, version, taken_at, "
                                  "snapshot_type, created_by, \"trigger\", previous_id, event_seq, base_id, codec, "
                                  "raw_size, stored_size, checksum, payload, summary, pinned, seal) "
                                  "VALUES (%1, ?, ?, ?, ?, ?, ?, ?, %2, %1, ?, %1, ?, ?, ?, ?, ?, %2, ?, ?)")
                       .arg(d.uuidParameter(), d.jsonParameter()));
    const auto fail = [&](const Error &error) -> Result<qint64> {
        exists.finish();
        insert.finish();
        db.rollback();
        return error;
    };
    qint64 inserted = 0;
    for (const ArchivedRow &row : rows) {
        const SnapshotHeader &h = row.header;
        exists.addBindValue(h.id);
        if (!exists.exec())
            return fail(m_store.errorFrom(QStringLiteral("importing %1").arg(h.id), exists));
        const bool there = exists.next();
        if (!there && SqlValues::failedReading(exists))
            return fail(m_store.errorFrom(QStringLiteral("importing %1").arg(h.id), exists));
        if (there) {
            if (exists.value(0).toString() != h.checksum) {
                return fail({ Error::Code::Invalid,
                    QStringLiteral("snapshot %1 is already in the database with different content").arg(h.id) });
            }
            continue; // already there (restored, or never purged)
        }
        const EncodedPayload encoded = m_store.m_codec.encode(h.kind, row.payload);
        SnapshotHeader sealed = h;
        sealed.checksum = encoded.checksum;
        for (const QVariant &value :
            QVariantList { h.id, h.tenant, h.kind, h.entityId, h.version, h.takenAt, h.type, h.createdBy,
                h.trigger.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compactJson(h.trigger)),
                nullIfEmpty(h.previousId), nullableInt(h.eventSeq), nullIfEmpty(h.baseId), encoded.codec,
                encoded.rawSize, qint64(encoded.blob.size()), encoded.checksum, encoded.blob, compactJson(h.summary),
                h.pinned, SnapshotSeal::of(sealed) })
            insert.addBindValue(value);
        if (!insert.exec())
            return fail(m_store.errorFrom(QStringLiteral("importing %1").arg(h.id), insert));
        ++inserted;
    }
    exists.finish();
    insert.finish();
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return inserted;
}

// ---- schedules

namespace {
const QString ScheduleColumns = QStringLiteral(
    "id, tenant_id, name, cron, time_zone, action, enabled, created_at, updated_at, last_executed_at, next_run_at");
}

Result<QList<Schedule>> SqlMaintenanceStore::readSchedules(const QString &where, const QVariantList &values)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM schedules WHERE %2 ORDER BY name, id").arg(ScheduleColumns, where), values))
        return m_store.errorFrom(QStringLiteral("reading schedules"), query);
    QList<Schedule> list;
    while (query.next()) {
        Schedule s;
        s.id = query.value(0).toString();
        s.tenant = query.value(1).toString();
        s.name = query.value(2).toString();
        s.cron = query.value(3).toString();
        s.timeZone = query.value(4).toString();
        auto action = MaintenanceJson::actionFromJson(parseObject(query.value(5)));
        if (!action)
            return Error { Error::Code::Invalid, QStringLiteral("schedule %1: %2").arg(s.id, action.error().message) };
        s.action = *action;
        s.enabled = query.value(6).toBool();
        s.createdAt = query.value(7).toLongLong();
        s.updatedAt = query.value(8).toLongLong();
        s.lastExecutedAt = optionalMs(query.value(9));
        s.nextRunAt = optionalMs(query.value(10));
        list.append(s);
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading schedules"), query);
    return list;
}

Result<QList<Schedule>> SqlMaintenanceStore::schedules(const QString &tenant)
{
    return readSchedules(QStringLiteral("tenant_id = ?"), { tenant });
}

Result<Schedule> SqlMaintenanceStore::schedule(const QString &id)
{
    auto list = readSchedules(QStringLiteral("id = ?"), { id });
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error { Error::Code::NotFound, QStringLiteral("no schedule %1").arg(id) };
    return list->first();
}

Result<QList<Schedule>> SqlMaintenanceStore::dueSchedules(EpochMs now)
{
    return readSchedules(QStringLiteral("enabled = ? AND next_run_at IS NOT NULL AND next_run_at <= ?"), { true, now });
}

Status SqlMaintenanceStore::saveSchedule(const Schedule &s, const QString &actor)
{
    return m_store.writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        const QJsonObject action = MaintenanceJson::toJson(s.action);
        const EpochMs now = QDateTime::currentMSecsSinceEpoch();
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("SELECT 1 FROM schedules WHERE id = ?"), { s.id }))
            return m_store.errorFrom(QStringLiteral("saving schedule %1").arg(s.name), query);
        const bool existed = query.next();
        query.finish();
        const bool ok = existed
            ? execWith(query,
                QStringLiteral("UPDATE schedules SET name = ?, cron = ?, time_zone = ?, action = %1, enabled = ?, "
                               "updated_at = ?, next_run_at = ? WHERE id = ?")
                    .arg(m_store.m_dialect.jsonParameter()),
                { s.name, s.cron, s.timeZone, compactJson(action), s.enabled, now, nullableInt(s.nextRunAt), s.id })
            : execWith(query,
                QStringLiteral("INSERT INTO schedules (%1) VALUES (?, ?, ?, ?, ?, %2, ?, ?, ?, NULL, ?)")
                    .arg(ScheduleColumns, m_store.m_dialect.jsonParameter()),
                { s.id, s.tenant, s.name, s.cron, s.timeZone, compactJson(action), s.enabled, now, now,
                    nullableInt(s.nextRunAt) });
        if (!ok)
            return m_store.errorFrom(QStringLiteral("saving schedule %1").arg(s.name), query);
        audit.tenant = s.tenant;
        audit.actor = actor;
        audit.action = existed ? QStringLiteral("schedule.update") : QStringLiteral("schedule.create");
        audit.target = s.id;
        audit.details = { { QStringLiteral("name"), s.name }, { QStringLiteral("cron"), s.cron },
            { QStringLiteral("time_zone"), s.timeZone }, { QStringLiteral("enabled"), s.enabled },
            { QStringLiteral("action"), action } };
        return {};
    });
}

Status SqlMaintenanceStore::deleteSchedule(const QString &id, const QString &actor)
{
    auto existing = schedule(id);
    if (!existing)
        return existing.error();
    return m_store.writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("DELETE FROM schedule_runs WHERE schedule_id = ?"), { id })
            || !execWith(query, QStringLiteral("DELETE FROM schedules WHERE id = ?"), { id }))
            return m_store.errorFrom(QStringLiteral("deleting schedule %1").arg(id), query);
        audit.tenant = existing->tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("schedule.delete");
        audit.target = id;
        audit.details = { { QStringLiteral("name"), existing->name }, { QStringLiteral("cron"), existing->cron } };
        return {};
    });
}

Result<std::optional<int>> SqlMaintenanceStore::claimRun(
    const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs)
{
    std::optional<int> claimed;
    Status status = m_store.writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        const QString what = QStringLiteral("taking the lease of schedule %1").arg(scheduleId);
        QSqlQuery query(db);
        // The primary key (schedule, occurrence, attempt) is the lease: of two runners inserting it, one succeeds.
        if (!execWith(query,
                QStringLiteral("INSERT INTO schedule_runs (schedule_id, scheduled_for, attempt, runner, started_at, "
                               "lease_until) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING"),
                { scheduleId, scheduledFor, runner, now, now + leaseMs }))
            return m_store.errorFrom(what, query);
        if (query.numRowsAffected() == 1) {
            claimed = 1;
            return {};
        }
        if (!execWith(query,
                QStringLiteral("SELECT attempt, runner, lease_until FROM schedule_runs WHERE schedule_id = ? AND "
                               "scheduled_for = ? AND outcome = 'running' ORDER BY attempt DESC LIMIT 1"),
                { scheduleId, scheduledFor }))
            return m_store.errorFrom(what, query);
        if (!query.next())
            return SqlValues::failedReading(query) ? Status(m_store.errorFrom(what, query)) : Status(); // it ran
        const int attempt = query.value(0).toInt();
        const QString holder = query.value(1).toString();
        const EpochMs leaseUntil = query.value(2).toLongLong();
        query.finish();
        if (leaseUntil >= now)
            return {}; // a live runner has it
        const QString vanished = QStringLiteral("runner vanished: %1 stopped renewing its lease (due by %2)")
                                     .arg(holder, IsoTime::toUtcSeconds(leaseUntil));
        // Guarded on the lease read above: two runners finding it expired update it once.
        if (!execWith(query,
                QStringLiteral("UPDATE schedule_runs SET outcome = 'failed', finished_at = ?, error = ? WHERE "
                               "schedule_id = ? AND scheduled_for = ? AND attempt = ? AND outcome = 'running' AND "
                               "lease_until = ?"),
                { now, vanished, scheduleId, scheduledFor, attempt, leaseUntil }))
            return m_store.errorFrom(what, query);
        if (query.numRowsAffected() != 1)
            return {};
        if (!execWith(query,
                QStringLiteral("INSERT INTO schedule_runs (schedule_id, scheduled_for, attempt, runner, started_at, "
                               "lease_until) VALUES (?, ?, ?, ?, ?, ?)"),
                { scheduleId, scheduledFor, attempt + 1, runner, now, now + leaseMs }))
            return m_store.errorFrom(what, query);
        claimed = attempt + 1;
        if (!execWith(query, QStringLiteral("SELECT tenant_id FROM schedules WHERE id = ?"), { scheduleId }))
            return m_store.errorFrom(what, query);
        audit.tenant = query.next() ? query.value(0).toString() : QString();
        audit.actor = runner;
        audit.action = QStringLiteral("schedule.lease_expired");
        audit.target = scheduleId;
        audit.outcome = QStringLiteral("failed");
        audit.details = { { QStringLiteral("scheduled_for"), scheduledFor }, { QStringLiteral("attempt"), attempt },
            { QStringLiteral("runner"), holder }, { QStringLiteral("lease_until"), leaseUntil },
            { QStringLiteral("next_attempt_by"), runner } };
        return {};
    });
    if (!status)
        return status.error();
    return claimed;
}

Result<bool> SqlMaintenanceStore::renewLease(const ScheduleRun &run, EpochMs until)
{
    auto changed = changeRows(
        QStringLiteral("UPDATE schedule_runs SET lease_until = ? WHERE schedule_id = ? AND scheduled_for = ? AND "
                       "attempt = ? AND runner = ? AND outcome = 'running'"),
        { until, run.scheduleId, run.scheduledFor, run.attempt, run.runner },
        QStringLiteral("renewing the lease of schedule %1").arg(run.scheduleId));
    if (!changed)
        return changed.error();
    return *changed == 1;
}

Status SqlMaintenanceStore::finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt)
{
    return m_store.writeTransaction([&](QSqlDatabase &db, AuditEntry &) -> Status {
        QSqlQuery query(db);
        const QString what = QStringLiteral("recording the run of %1").arg(run.scheduleId);
        if (!execWith(query,
                QStringLiteral("UPDATE schedule_runs SET finished_at = ?, outcome = ?, snapshots_taken = ?, "
                               "snapshots_trashed = ?, error = ? WHERE schedule_id = ? AND scheduled_for = ? AND "
                               "attempt = ? AND runner = ? AND outcome = 'running'"),
                { run.finishedAt.value_or(QDateTime::currentMSecsSinceEpoch()), run.outcome, run.snapshotsTaken,
                    run.snapshotsTrashed, nullIfEmpty(run.error), run.scheduleId, run.scheduledFor, run.attempt,
                    run.runner }))
            return m_store.errorFrom(what, query);
        if (query.numRowsAffected() != 1)
            return Error { Error::Code::Database,
                QStringLiteral("schedule %1 lost its lease while running (another runner took the occurrence over)")
                    .arg(run.scheduleId) };
        if (!execWith(query, QStringLiteral("UPDATE schedules SET last_executed_at = ?, next_run_at = ? WHERE id = ?"),
                { run.startedAt, nullableInt(nextRunAt), run.scheduleId }))
            return m_store.errorFrom(what, query);
        return {};
    });
}

Result<QList<ScheduleRun>> SqlMaintenanceStore::scheduleRuns(const QString &scheduleId, int limit)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral(
                "SELECT schedule_id, scheduled_for, runner, started_at, finished_at, outcome, "
                "snapshots_taken, snapshots_trashed, error, attempt FROM schedule_runs WHERE schedule_id = ? "
                "ORDER BY scheduled_for DESC, attempt DESC LIMIT ?"),
            { scheduleId, limit }))
        return m_store.errorFrom(QStringLiteral("reading the runs of %1").arg(scheduleId), query);
    QList<ScheduleRun> runs;
    while (query.next()) {
        runs.append(
            { query.value(0).toString(), query.value(1).toLongLong(), query.value(9).toInt(), query.value(2).toString(),
                query.value(3).toLongLong(), optionalMs(query.value(4)), query.value(5).toString(),
                query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toString() });
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading the runs of %1").arg(scheduleId), query);
    return runs;
}

// ---- audit log

Status SqlMaintenanceStore::writeAudit(QSqlDatabase &db, const AuditEntry &entry)
{
    static const QString host = QSysInfo::machineHostName();
    QSqlQuery query(db);
    if (!execWith(query,
            QStringLiteral("INSERT INTO audit_log (at, tenant_id, actor, host, action, target, details, outcome) "
                           "VALUES (?, ?, ?, ?, ?, ?, %1, ?)")
                .arg(m_store.m_dialect.jsonParameter()),
            { entry.at > 0 ? entry.at : QDateTime::currentMSecsSinceEpoch(), nullIfEmpty(entry.tenant), entry.actor,
                entry.host.isEmpty() ? host : entry.host, entry.action, nullIfEmpty(entry.target),
                compactJson(entry.details), entry.outcome }))
        return m_store.errorFrom(QStringLiteral("writing the audit log"), query);
    return {};
}

Status SqlMaintenanceStore::audit(const AuditEntry &entry)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    return writeAudit(*db, entry);
}

Result<QList<AuditEntry>> SqlMaintenanceStore::auditLog(const AuditQuery &q)
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
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!execWith(query,
            QStringLiteral("SELECT id, at, tenant_id, actor, host, action, target, details, outcome FROM audit_log "
                           "WHERE %1 ORDER BY id DESC LIMIT ?")
                .arg(where.join(QStringLiteral(" AND "))),
            values))
        return m_store.errorFrom(QStringLiteral("reading the audit log"), query);
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append({ query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
            parseObject(query.value(7)), query.value(8).toString() });
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading the audit log"), query);
    return entries;
}

// ---- sources of manual snapshots

Result<QStringList> SqlMaintenanceStore::storeCodes(const QString &tenant)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT DISTINCT store_code FROM stock_levels WHERE tenant_id = ? ORDER BY store_code"),
            { tenant }))
        return m_store.errorFrom(QStringLiteral("reading store codes"), query);
    QStringList codes;
    while (query.next())
        codes.append(query.value(0).toString());
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading store codes"), query);
    return codes;
}

Result<QList<StockLevel>> SqlMaintenanceStore::stockLevels(const QString &tenant, const QString &storeCode)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!execWith(query,
            QStringLiteral("SELECT item_code, name, quantity, minimum_quantity, reorder_point, reorder_quantity, "
                           "updated_at FROM stock_levels WHERE tenant_id = ? AND store_code = ? ORDER BY item_code"),
            { tenant, storeCode }))
        return m_store.errorFrom(QStringLiteral("reading the stock of %1").arg(storeCode), query);
    QList<StockLevel> levels;
    while (query.next()) {
        levels.append({ tenant, storeCode, query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(),
            query.value(3).toInt(), query.value(4).toInt(), query.value(5).toInt(), query.value(6).toLongLong() });
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading the stock of %1").arg(storeCode), query);
    return levels;
}

Result<QList<InventoryTransaction>> SqlMaintenanceStore::inventoryTransactions(
    const QString &tenant, EpochMs from, EpochMs to, const QString &storeCode)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, store_code, product_id, type, quantity, reason, reference_id, occurred_at "
                                 "FROM inventory_transactions WHERE tenant_id = ? AND occurred_at >= ? "
                                 "AND occurred_at < ?");
    QVariantList values { tenant, from, to };
    if (!storeCode.isEmpty()) {
        sql += QStringLiteral(" AND store_code = ?");
        values.append(storeCode);
    }
    if (!execWith(query, sql + QStringLiteral(" ORDER BY occurred_at, id"), values))
        return m_store.errorFrom(QStringLiteral("reading inventory transactions"), query);
    QList<InventoryTransaction> rows;
    while (query.next()) {
        rows.append({ query.value(0).toString(), tenant, query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toInt(), query.value(5).toString(), query.value(6).toString(),
            query.value(7).toLongLong() });
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading inventory transactions"), query);
    return rows;
}

Result<QList<DailyInventoryFact>> SqlMaintenanceStore::latestDailyInventoryBefore(
    const QString &tenant, const QString &day, const QString &storeCode)
{
    auto db = m_store.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    const QString date = m_store.m_dialect.dateParameter();
    QString storeFilter;
    QVariantList values { tenant, day };
    // (bound in order: tenant, the day inside the sub-select, then the store)
    if (!storeCode.isEmpty()) {
        storeFilter = QStringLiteral(" AND d.store_code = ?");
        values.append(storeCode);
    }
    // The closing of the newest earlier day that has rows (the day index answers it at once); a product without a
    // row that day starts from zero.
    if (!execWith(query,
            QStringLiteral("SELECT d.store_code, d.product_id, d.day, d.opening, d.closing, d.inbound, d.outbound, "
                           "d.adjustments, d.average_cost, d.total_value, d.snapshot_id FROM daily_inventory d "
                           "WHERE d.tenant_id = ? AND d.day = (SELECT MAX(p.day) FROM daily_inventory p WHERE "
                           "p.tenant_id = d.tenant_id AND p.day < %1)%2 ORDER BY d.store_code, d.product_id")
                .arg(date, storeFilter),
            values))
        return m_store.errorFrom(QStringLiteral("reading daily inventory before %1").arg(day), query);
    QList<DailyInventoryFact> rows;
    while (query.next()) {
        rows.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
            query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toDouble(),
            query.value(9).toDouble(), query.value(10).toString() });
    }
    if (SqlValues::failedReading(query))
        return m_store.errorFrom(QStringLiteral("reading daily inventory before %1").arg(day), query);
    return rows;
}
