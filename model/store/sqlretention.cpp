#include "sqlretention.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include "domain/kindregistry.h"
#include "domain/maintenancejson.h"

using SqlValues::execWith;

namespace {

QStringList toStrings(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QJsonArray parseArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

} // namespace

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

Result<QList<RetentionPolicy>> SqlRetention::policies(const QString &tenant)
{
    return m_sql.rows(QStringLiteral("reading retention policies"),
        QStringLiteral("SELECT %1 FROM retention_policies WHERE tenant_id = ? ORDER BY kind").arg(PolicyColumns),
        { tenant }, readPolicy);
}

Result<std::optional<RetentionPolicy>> SqlRetention::policy(const QString &tenant, const QString &kind)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM retention_policies WHERE tenant_id = ? AND kind = ?").arg(PolicyColumns),
            { tenant, kind }))
        return m_sql.errorFrom(QStringLiteral("reading the retention policy of %1").arg(kind), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading the retention policy of %1").arg(kind), query);
        return std::optional<RetentionPolicy>();
    }
    return std::optional<RetentionPolicy>(readPolicy(query));
}

Status SqlRetention::savePolicy(const QString &tenant, const RetentionPolicy &policy, const QString &actor)
{
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
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
                    .arg(PolicyColumns, m_sql.dialect().jsonParameter()),
                { tenant, policy.kind, policy.keepLast, policy.keepWithinDays, policy.keepDaily, policy.keepWeekly,
                    policy.keepMonthly, policy.keepYearly, policy.deleteOlderThanDays, protectedTypes,
                    QDateTime::currentMSecsSinceEpoch(), actor }))
            return m_sql.errorFrom(QStringLiteral("saving the retention policy of %1").arg(policy.kind), query);
        audit.tenant = tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("policy.save");
        audit.target = policy.kind;
        audit.details = MaintenanceJson::toJson(policy);
        return {};
    });
}

Result<RetentionCandidates> SqlRetention::candidates(
    const QString &tenant, const QString &kind, const std::function<bool()> &cancelled)
{
    const KindDefinition *info = KindRegistry::find(kind);
    if (!info)
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    auto db = m_sql.db();
    if (!db)
        return db.error();
    // The kind's significance rules, read from the summary in SQL. Field names are identifiers (checked when the
    // definition was read) and limits are numbers, so both can be written into the statement.
    QStringList flags;
    const bool sqlite = m_sql.dialect().isSqlite();
    for (const SignificanceRule &rule : info->significance) {
        const QString &field = rule.field;
        if (rule.test == SignificanceRule::Test::Is) {
            const bool wanted = rule.value.toBool();
            // A JSON true or false, not a number 1 or a text: json_type tells them apart where json_extract does not.
            const QString literal = wanted ? QStringLiteral("true") : QStringLiteral("false");
            flags.append(sqlite ? QStringLiteral("json_type(summary, '$.%1') = '%2'").arg(field, literal)
                                : QStringLiteral("summary -> '%1' = '%2'::jsonb").arg(field, literal));
            continue;
        }
        const QString limit = QString::number(rule.value.toDouble(), 'g', 17);
        const QChar op = rule.test == SignificanceRule::Test::Below ? u'<' : u'>';
        flags.append(sqlite ? QStringLiteral("(CASE WHEN json_type(summary, '$.%1') IN ('integer', 'real') THEN "
                                             "json_extract(summary, '$.%1') END) %2 %3")
                                  .arg(field, op, limit)
                            : QStringLiteral("(CASE WHEN jsonb_typeof(summary -> '%1') = 'number' THEN "
                                             "(summary ->> '%1')::float8 END) %2 %3")
                                  .arg(field, op, limit));
    }
    const QString flagged = flags.isEmpty()
        ? (m_sql.dialect().isSqlite() ? QStringLiteral("0") : QStringLiteral("false"))
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
        if (m_sql.dialect().isSqlite()) {
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
              .arg(m_sql.dialect().isSqlite() ? flagged : QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(flagged),
                  scanTable ? QStringLiteral("NOT INDEXED ") : QString());
    const auto scan = [&](QSqlDatabase connection, const QString &range, const QVariantList &bounds,
                          qint64 reserve) -> Result<RetentionCandidates> {
        QSqlQuery query(connection);
        query.setForwardOnly(true);
        if (!execWith(query, sql + range, QVariantList { tenant, kind } + bounds))
            return m_sql.errorFrom(QStringLiteral("reading the snapshots of %1").arg(kind), query);
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
            return m_sql.errorFrom(QStringLiteral("reading the snapshots of %1").arg(kind), query);
        return part;
    };
    // (Never from the background thread itself, nor while it is busy with a whole-store scan of its own.)
    QThreadPool &background = m_background;
    if (!scanTable || expected < 200'000 || background.activeThreadCount() >= background.maxThreadCount()
        || QThreadPool::globalInstance() == &background)
        return scan(*db, QString(), {}, expected);

    // A big table scan is split in two halves of the file, the second read on the store's background thread with
    // its own connection: the per-row work of Qt's driver (values, strings, ids) then uses both cores.
    const qint64 middle = maxRowid / 2;
    const QString range = QStringLiteral(" AND rowid > ? AND rowid <= ?");
    QFuture<Result<RetentionCandidates>> upper = QtConcurrent::run(&background, [&, middle, maxRowid] {
        auto connection = m_sql.db();
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
