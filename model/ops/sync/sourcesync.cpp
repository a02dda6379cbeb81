#include "sourcesync.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>

#include "domain/kindregistry.h"
#include "ops/ingest/recordinterpreter.h"
#include "ops/ingest/snapshotingest.h"
#include "ops/sync/sourcepresets.h"
#include "store/connectionspec.h"
#include "store/snapshotstore.h"
#include "store/sqlconnections.h"
#include "store/sqlvalues.h"
#include "json/strictjson.h"

bool SourceSyncReport::succeeded() const
{
    if (cancelled)
        return false;
    for (const SourceTableSync &t : tables) {
        if (!t.error.isEmpty())
            return false;
    }
    return true;
}

qint64 SourceSyncReport::stored() const
{
    qint64 n = 0;
    for (const SourceTableSync &t : tables)
        n += t.stored;
    return n;
}

QJsonObject SourceSyncReport::toJson() const
{
    QJsonArray list;
    for (const SourceTableSync &t : tables) {
        QJsonObject o { { QStringLiteral("table"), t.table }, { QStringLiteral("read"), t.read },
            { QStringLiteral("stored"), t.stored }, { QStringLiteral("duplicates"), t.duplicates },
            { QStringLiteral("gone_at_source"), t.goneAtSource },
            { QStringLiteral("lag_s"), t.lag ? QJsonValue(double(*t.lag) / 1000.0) : QJsonValue() } };
        if (!t.error.isEmpty())
            o.insert(QStringLiteral("error"), t.error);
        list.append(o);
    }
    return { { QStringLiteral("source"), source }, { QStringLiteral("tables"), list },
        { QStringLiteral("stored"), stored() }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("cancelled"), cancelled } };
}

SourceSync::SourceSync(SnapshotStore &store, QString actor)
    : m_store(store)
    , m_actor(std::move(actor))
{ }

namespace {

QString quoted(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

// The types a time column may have: what the shape's time rule reads as RFC 3339 in row_to_json.
bool isTimeType(const QString &type)
{
    return type == u"timestamp without time zone" || type == u"timestamp with time zone";
}

// A read-only connection to a source, on the calling thread, closed when it goes. Its password comes from
// ~/.pgpass or PGPASSWORD (libpq reads both), never from SnapScope's settings or store.
class SourceConnection
{
public:
    SourceConnection() = default;
    SourceConnection(const SourceConnection &) = delete;
    SourceConnection &operator=(const SourceConnection &) = delete;
    ~SourceConnection() { close(); }
    void close()
    {
        if (m_name.isEmpty())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

    Status open(const LiveSource &source)
    {
        close();
        m_source = source.name;
        auto spec = ConnectionSpec::fromPgKeywords(source.conninfo, QStringLiteral("--conninfo"));
        if (!spec)
            return fail(spec.error().message);
        spec->password.clear();
        static std::atomic<int> counter { 0 };
        const SqlConnections connections(*spec);
        const QString name = QStringLiteral("snapscope-source-%1").arg(++counter);
        auto db = connections.openConnection(name, true);
        if (!db)
            return fail(db.error().message, db.error().code);
        m_name = name;
        m_db = *db;
        // Nothing SnapScope sends can change the source; times come back in UTC, and the server names the
        // connection, so that a DBA can tell it from the application's own.
        for (const QString &statement :
            { QStringLiteral("SET default_transaction_read_only = on"), QStringLiteral("SET TIME ZONE 'UTC'"),
                QStringLiteral("SET DateStyle = ISO"), QStringLiteral("SET standard_conforming_strings = on"),
                QStringLiteral("SET application_name = %1")
                    .arg(quoted(QStringLiteral("snapscope source ") + source.name)) }) {
            QSqlQuery query(m_db);
            if (!query.exec(statement))
                return fail(query.lastError().text().simplified());
        }
        return {};
    }

    QSqlDatabase &db() { return m_db; }

    Error fail(const QString &message, Error::Code code = Error::Code::Connection) const
    {
        return { code, QStringLiteral("source %1: %2").arg(m_source, message) };
    }
    Error failed(const QString &what, const QSqlQuery &query) const
    {
        const QSqlError e = query.lastError();
        const QString text = (e.databaseText().isEmpty() ? e.text() : e.databaseText()).simplified();
        return fail(QStringLiteral("%1: %2").arg(
                        what, text.isEmpty() ? QStringLiteral("the server closed the connection") : text),
            Error::Code::Database);
    }

private:
    QString m_source, m_name;
    QSqlDatabase m_db;
};

// A table as the source has it: its name as the server quotes it, its columns' types, the time column's type.
struct SourceTable
{
    QString relation; // to_regclass(...)::text
    QHash<QString, QString> columns; // name -> type without its length or precision
    bool timeIndexed = false;
};

Result<SourceTable> describe(SourceConnection &source, const LiveSource &live, const LiveSourceTable &table,
    const SourcePresets::TableReading &reading)
{
    QSqlQuery query(source.db());
    query.prepare(QStringLiteral("SELECT to_regclass(?)::text, has_table_privilege(to_regclass(?), 'SELECT')"));
    query.addBindValue(table.table);
    query.addBindValue(table.table);
    if (!query.exec() || !query.next())
        return source.failed(QStringLiteral("looking up table %1").arg(table.table), query);
    if (query.value(0).isNull())
        return source.fail(QStringLiteral("table %1 is not there (or the user cannot see its schema)").arg(table.table),
            Error::Code::NotFound);
    SourceTable out;
    out.relation = query.value(0).toString();
    if (!query.value(1).toBool())
        return source.fail(
            QStringLiteral("the user may not read table %1 (it needs GRANT SELECT ON %1)").arg(out.relation),
            Error::Code::Database);
    query.finish();
    query.prepare(QStringLiteral("SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a "
                                 "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    query.addBindValue(table.table);
    if (!query.exec())
        return source.failed(QStringLiteral("reading the columns of %1").arg(table.table), query);
    while (query.next())
        out.columns.insert(query.value(0).toString(), query.value(1).toString());
    query.finish();

    QStringList problems;
    const auto expected = SourcePresets::expectedColumns(live.preset, table.table);
    for (const SourcePresets::Column &c : expected) {
        const auto found = out.columns.constFind(c.name);
        if (found == out.columns.constEnd())
            problems.append(QStringLiteral("column %1 is missing").arg(c.name));
        else if (*found != c.type)
            problems.append(QStringLiteral("column %1 is %2, not %3").arg(c.name, *found, c.type));
    }
    for (const QString &c : SourcePresets::mappedColumns(table.mapping)) {
        if (!out.columns.contains(c))
            problems.append(QStringLiteral("column %1 is missing").arg(c));
    }
    if (problems.isEmpty() && !isTimeType(out.columns.value(reading.timeColumn)))
        problems.append(QStringLiteral("the time column %1 is %2, not a timestamp")
                            .arg(reading.timeColumn, out.columns.value(reading.timeColumn)));
    if (!problems.isEmpty())
        return source.fail(QStringLiteral("table %1 has other columns than %2: %3")
                               .arg(table.table,
                                   expected.isEmpty() ? QStringLiteral("its mapping names")
                                                      : QStringLiteral("its system's document gives it"),
                                   problems.join(QStringLiteral("; "))),
            Error::Code::Invalid);

    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                                 "i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = to_regclass(?) AND "
                                 "a.attname = ?)"));
    query.addBindValue(table.table);
    query.addBindValue(reading.timeColumn);
    if (!query.exec() || !query.next())
        return source.failed(QStringLiteral("reading the indexes of %1").arg(table.table), query);
    out.timeIndexed = query.value(0).toBool();
    return out;
}

QHash<QString, QTimeZone> tenantZones(SnapshotStore &store)
{
    QHash<QString, QTimeZone> zones;
    if (auto tenants = store.tenants()) {
        for (const Tenant &t : *tenants)
            zones.insert(t.id, QTimeZone(t.businessTimeZone.toUtf8()));
    }
    return zones;
}

IngestOptions optionsFor(const LiveSource &source, const QString &actor)
{
    IngestOptions options;
    options.defaultTenant = source.tenant;
    options.zone = source.timeZone;
    options.actor = actor;
    return options;
}

// One fetched row and what it becomes.
struct Row
{
    QByteArray text;
    QString time, id;
    IngestedRecord record;
};

struct Fetched
{
    std::vector<Row> rows;
    QFuture<void> interpreted;
    ~Fetched() { interpreted.waitForFinished(); } // never rows freed under the pool's feet
};

} // namespace

Result<LiveSource> SourceSync::define(const QString &name, const QString &preset, const QString &conninfo,
    const QString &tenant, const QString &zone, int overlapSeconds, const QJsonObject &mapping)
{
    static const QRegularExpression NamePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    if (!NamePattern.match(name).hasMatch())
        return Error { Error::Code::Invalid,
            QStringLiteral("a source's name is letters, digits, '_', '.' and '-' (at most 63), not \"%1\"").arg(name) };
    if (!SourcePresets::names().contains(preset))
        return Error {
            Error::Code::Invalid,
            QStringLiteral("unknown preset \"%1\" (%2)").arg(preset, SourcePresets::names().join(QStringLiteral(", ")))
        };
    auto spec = ConnectionSpec::fromPgKeywords(conninfo, QStringLiteral("--conninfo"));
    if (!spec)
        return spec.error();
    if (spec->database.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("the connection names no database (dbname=…)") };
    if (tenant.isEmpty())
        return Error { Error::Code::Invalid,
            QStringLiteral("a source needs the tenant its rows belong to (--tenant)") };
    if (!QTimeZone(zone.toUtf8()).isValid())
        return Error { Error::Code::Invalid,
            QStringLiteral("unknown time zone \"%1\" (use an IANA name such as Asia/Bangkok)").arg(zone) };
    if (overlapSeconds < 0)
        return Error { Error::Code::Invalid, QStringLiteral("the overlap window cannot be negative") };
    LiveSource source;
    source.name = name;
    source.preset = preset;
    source.conninfo = conninfo.simplified();
    source.tenant = tenant;
    source.timeZone = zone;
    source.overlapSeconds = overlapSeconds;
    if (preset == u"mapping") {
        auto tables = SourcePresets::fromMapping(mapping);
        if (!tables)
            return tables.error();
        source.tables = *tables;
    } else {
        if (!mapping.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("a mapping file goes with --preset mapping") };
        source.tables = SourcePresets::tables(preset);
    }
    for (LiveSourceTable &t : source.tables) {
        t.source = name;
        if (auto reading = SourcePresets::reading(t); !reading)
            return reading.error();
    }
    return source;
}

Result<QList<SourceTableCheck>> SourceSync::test(const LiveSource &live)
{
    SourceConnection source;
    if (Status opened = source.open(live); !opened)
        return opened.error();
    auto interpreterZones = tenantZones(m_store);
    QList<SourceTableCheck> checks;
    for (LiveSourceTable table : live.tables) {
        SourceTableCheck check;
        check.table = table.table;
        auto reading = SourcePresets::reading(table);
        if (!reading)
            return reading.error();
        check.timeColumn = reading->timeColumn;
        auto described = describe(source, live, table, *reading);
        if (!described) {
            check.problem = described.error().message;
            checks.append(check);
            continue;
        }
        check.timeIndexed = described->timeIndexed;
        QSqlQuery query(source.db());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(described->relation)) || !query.next()) {
            check.problem = source.failed(QStringLiteral("counting the rows of %1").arg(table.table), query).message;
            checks.append(check);
            continue;
        }
        check.rows = query.value(0).toLongLong();
        query.finish();
        // The newest row, read as a sync reads it: its time in the source's zone.
        if (!query.exec(QStringLiteral("SELECT row_to_json(t)::text FROM %1 t ORDER BY t.%2 DESC NULLS LAST LIMIT 1")
                            .arg(described->relation, SqlValues::quotedIdentifier(reading->timeColumn)))) {
            check.problem
                = source.failed(QStringLiteral("reading the newest row of %1").arg(table.table), query).message;
            checks.append(check);
            continue;
        }
        if (query.next()) {
            auto interpreter = RecordInterpreter::forShape(
                *reading->kind, *reading->shape, optionsFor(live, m_actor), interpreterZones);
            if (!interpreter)
                return interpreter.error();
            const IngestedRecord newest = interpreter->interpret(query.value(0).toString().toUtf8(), table.table);
            if (newest.problem.isEmpty())
                check.newestAt = newest.snapshot.takenAt;
        }
        checks.append(check);
        table.newestSourceAt = check.newestAt;
        if (Status recorded = m_store.liveSources().recordSyncOutcome(table); !recorded)
            return recorded.error();
    }
    return checks;
}

Result<QList<QJsonObject>> SourceSync::listedRows(const LiveSource &live, const QString &table)
{
    if (!SourcePresets::listedTables(live.preset).contains(table))
        return Error { Error::Code::Invalid, QStringLiteral("source %1 lists no table %2").arg(live.name, table) };
    SourceConnection source;
    if (Status opened = source.open(live); !opened)
        return opened.error();
    QSqlQuery query(source.db());
    if (!query.exec(QStringLiteral("SELECT row_to_json(t)::text FROM %1 t").arg(SqlValues::quotedIdentifier(table))))
        return source.failed(QStringLiteral("reading %1").arg(table), query);
    QList<QJsonObject> rows;
    while (query.next()) {
        auto parsed = StrictJson::parse(query.value(0).toString().toUtf8(), QStringLiteral("not valid JSON"));
        if (parsed && parsed->isObject())
            rows.append(parsed->toObject());
    }
    if (query.lastError().isValid())
        return source.failed(QStringLiteral("reading %1").arg(table), query);
    return rows;
}

Result<SourceSyncReport> SourceSync::sync(const LiveSource &live, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    SourceConnection source;
    if (Status opened = source.open(live); !opened)
        return opened.error();
    const QHash<QString, QTimeZone> zones = tenantZones(m_store);
    SourceSyncReport report;
    report.source = live.name;
    for (qsizetype index = 0; index < live.tables.size() && !report.cancelled; ++index) {
        const LiveSourceTable &table = live.tables.at(index);
        SourceTableSync result;
        result.table = table.table;
        std::optional<LiveSourceTable> last; // the state as the last commit left it
        const auto sync = [&]() -> Status {
            // A connection the server dropped while the table before was read is opened again for this one.
            if (!source.db().isOpen()) {
                if (Status reopened = source.open(live); !reopened)
                    return reopened;
            }
            auto reading = SourcePresets::reading(table);
            if (!reading)
                return reading.error();
            auto described = describe(source, live, table, *reading);
            if (!described)
                return described.error();
            auto interpreter
                = RecordInterpreter::forShape(*reading->kind, *reading->shape, optionsFor(live, m_actor), zones);
            if (!interpreter)
                return interpreter.error();
            std::unique_ptr<IngestTransaction> tx;
            LiveSourceTable state;
            const auto begin = [&]() -> Status {
                auto transaction = m_store.beginIngest();
                if (!transaction)
                    return transaction.error();
                tx = std::move(*transaction);
                auto locked = tx->syncState(live.name, table.table);
                if (!locked)
                    return locked.error();
                state = *locked;
                return {};
            };
            if (Status begun = begin(); !begun)
                return begun;
            last = state;
            const LiveSourceTable before = state;

            // One snapshot of the source for the count and the rows: what was counted is what was read.
            QSqlQuery query(source.db());
            const auto sourceFailed = [&](const QString &what) { return source.failed(what, query); };
            if (!query.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
                return sourceFailed(QStringLiteral("starting to read %1").arg(table.table));
            struct EndRead
            {
                QSqlDatabase db;
                ~EndRead()
                {
                    if (db.isOpen())
                        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                }
            } endRead { source.db() };
            // The rows gone at source are counted again only when the source has deleted rows of the table since the
            // last count (its statistics say how many it ever deleted; -1: they are not kept). Counting a table of
            // millions takes longer than a sync that finds nothing new; a delete the statistics have not caught yet
            // is counted by the next sync.
            if (!query.exec(QStringLiteral("SELECT COALESCE((SELECT n_tup_del FROM pg_stat_user_tables WHERE relid = "
                                           "CAST(%1 AS regclass)), -1)")
                                .arg(quoted(described->relation)))
                || !query.next())
                return sourceFailed(QStringLiteral("reading the statistics of %1").arg(table.table));
            const qint64 deletes = query.value(0).toLongLong();
            query.finish();
            std::optional<qint64> sourceRows;
            if (deletes < 0 || deletes != state.sourceDeletes.value_or(-1) || state.watermarkTime.isEmpty()) {
                if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(described->relation)) || !query.next())
                    return sourceFailed(QStringLiteral("counting the rows of %1").arg(table.table));
                sourceRows = query.value(0).toLongLong();
                query.finish();
            }
            // From the watermark less the overlap window; a row without a time is read too (last), to be named.
            const QString time = SqlValues::quotedIdentifier(reading->timeColumn),
                          id = SqlValues::quotedIdentifier(reading->idColumn);
            QString where;
            if (!state.watermarkTime.isEmpty())
                where = QStringLiteral("WHERE t.%1 >= CAST(%2 AS %3) - CAST(%4 AS interval) OR t.%1 IS NULL")
                            .arg(time, quoted(state.watermarkTime), described->columns.value(reading->timeColumn),
                                quoted(QStringLiteral("%1 seconds").arg(live.overlapSeconds)));
            if (!query.exec(QStringLiteral("DECLARE snapscope_sync NO SCROLL CURSOR FOR SELECT row_to_json(t)::text, "
                                           "(t.%1)::text, (t.%2)::text FROM %3 t %4 ORDER BY t.%1, t.%2")
                                .arg(time, id, described->relation, where)))
                return sourceFailed(QStringLiteral("reading %1").arg(table.table));

            const QString rowWhere = QStringLiteral("source %1, table %2, row %3");
            const auto interpretRow = [&](Row &row) {
                row.record = interpreter->interpret(row.text, rowWhere.arg(live.name, table.table, row.id));
                if (!row.record.problem.isEmpty())
                    return;
                NewSnapshot &s = row.record.snapshot;
                if (!reading->payloadColumn.isEmpty()) {
                    // A mapped payload column: its document is the snapshot, the row only says whose and when.
                    auto whole = StrictJson::parse(row.text, QStringLiteral("not valid JSON"));
                    QJsonValue payload = whole ? whole->toObject().value(reading->payloadColumn) : QJsonValue();
                    if (payload.isString()) {
                        auto decoded = StrictJson::parse(payload.toString().toUtf8(), QStringLiteral("not valid JSON"));
                        payload = decoded ? *decoded : QJsonValue();
                    }
                    if (!payload.isObject()) {
                        row.record.problem
                            = QStringLiteral("column %1 holds no JSON object").arg(reading->payloadColumn);
                        return;
                    }
                    s.payload = payload.toObject();
                }
                s.trigger = { { QStringLiteral("source"), QStringLiteral("sync") },
                    { QStringLiteral("live_source"), live.name }, { QStringLiteral("table"), table.table },
                    { QStringLiteral("shape"), row.record.shape } };
            };
            IngestSummary summary;
            qint64 read = 0, held = 0; // held: rows of this table the store has now that it had not counted
            qint64 sinceCommit = 0;
            const auto write = [&](Fetched &batch) -> Status {
                batch.interpreted.waitForFinished();
                std::vector<const IngestedRecord *> good;
                good.reserve(batch.rows.size());
                for (const Row &row : batch.rows) {
                    if (!row.record.problem.isEmpty())
                        return Error { Error::Code::Invalid,
                            QStringLiteral("%1: %2").arg(row.record.where, row.record.problem) };
                    good.push_back(&row.record);
                }
                const qint64 ingestedBefore = summary.ingested;
                auto written = writeIngested(*tx, std::move(good), live.timeZone, summary);
                if (!written)
                    return written.error();
                if (!written->refused.isEmpty())
                    return Error { Error::Code::Conflict,
                        QStringLiteral("%1: %2").arg(
                            written->refused.constFirst().first->where, written->refused.constFirst().second) };
                // A duplicate newer than what this table had synced is a row the store held already (an earlier
                // ingest of an export): it counts as this table's; older ones are the overlap read again.
                held += summary.ingested - ingestedBefore;
                for (const IngestedRecord *duplicate : std::as_const(written->duplicates)) {
                    if (!before.newestSyncedAt || duplicate->snapshot.takenAt > *before.newestSyncedAt)
                        ++held;
                }
                for (const Row &row : batch.rows)
                    state.newestSyncedAt = std::max(
                        state.newestSyncedAt.value_or(row.record.snapshot.takenAt), row.record.snapshot.takenAt);
                state.watermarkTime = batch.rows.back().time;
                state.watermarkId = batch.rows.back().id;
                sinceCommit += qint64(batch.rows.size());
                return {};
            };
            // Commits what is written with the watermark it reached, and goes on in a new transaction: a first sync
            // of millions of rows neither holds the store's write lock throughout nor starts again from nothing.
            const auto commit = [&](bool finished) -> Status {
                state.rowsSynced += held;
                held = 0;
                if (finished) {
                    if (sourceRows) {
                        state.goneAtSource = std::max<qint64>(0, state.rowsSynced - *sourceRows);
                        state.sourceDeletes = deletes < 0 ? std::nullopt : std::optional(deletes);
                    }
                    state.newestSourceAt = read > 0 ? state.newestSyncedAt : before.newestSourceAt;
                    state.lastSyncAt = QDateTime::currentMSecsSinceEpoch();
                    state.lastOutcome = QStringLiteral("succeeded");
                    state.lastError.clear();
                }
                if (Status saved = tx->saveSyncState(state); !saved)
                    return saved;
                AuditEntry audit; // only a sync that changed something is worth a line of the log
                if (summary.ingested > 0 || state.goneAtSource != before.goneAtSource) {
                    audit.tenant = live.tenant;
                    audit.actor = m_actor;
                    audit.action = QStringLiteral("source.sync");
                    audit.target = live.name + u'.' + table.table;
                    audit.details = { { QStringLiteral("read"), read }, { QStringLiteral("stored"), summary.ingested },
                        { QStringLiteral("duplicates"), summary.duplicates },
                        { QStringLiteral("gone_at_source"), state.goneAtSource },
                        { QStringLiteral("watermark"), QString(state.watermarkTime + u' ' + state.watermarkId) } };
                }
                if (Status committed = tx->commit(audit); !committed)
                    return committed;
                result.stored += summary.ingested;
                result.duplicates += summary.duplicates;
                summary = IngestSummary();
                last = state;
                sinceCommit = 0;
                return finished ? Status() : begin();
            };
            // Batch k is interpreted on the pool while batch k + 1 is fetched and batch k - 1 written.
            std::unique_ptr<Fetched> pending;
            int fetchRows = BatchRows;
            while (true) {
                if (!query.exec(QStringLiteral("FETCH FORWARD %1 FROM snapscope_sync").arg(fetchRows)))
                    return sourceFailed(state.watermarkId.isEmpty()
                            ? QStringLiteral("reading %1").arg(table.table)
                            : QStringLiteral("reading %1 after row %2").arg(table.table, state.watermarkId));
                auto fetched = std::make_unique<Fetched>();
                fetched->rows.reserve(size_t(fetchRows));
                qint64 bytes = 0;
                while (query.next()) {
                    fetched->rows.push_back({ query.value(0).toString().toUtf8(), query.value(1).toString(),
                        query.value(2).toString(), {} });
                    bytes += fetched->rows.back().text.size();
                }
                if (query.lastError().isValid())
                    return sourceFailed(QStringLiteral("reading %1").arg(table.table));
                query.finish();
                if (fetched->rows.empty())
                    break;
                read += qint64(fetched->rows.size());
                // Three batches are in memory at once: one of big rows (whole order documents) holds fewer of them.
                fetchRows = int(std::clamp<qint64>(
                    BatchBytes * qint64(fetched->rows.size()) / std::max<qint64>(bytes, 1), 16, BatchRows));
                fetched->interpreted = QtConcurrent::map(fetched->rows, interpretRow);
                if (pending) {
                    if (Status written = write(*pending); !written)
                        return written;
                    if (sinceCommit >= m_commitRows) {
                        if (Status committed = commit(false); !committed)
                            return committed;
                    }
                }
                pending = std::move(fetched);
                if (progress && !progress({ table.table, int(index), int(live.tables.size()), read })) {
                    report.cancelled = true;
                    return Error { Error::Code::Cancelled,
                        QStringLiteral("the sync of %1 was cancelled").arg(table.table) };
                }
            }
            if (pending) {
                if (Status written = write(*pending); !written)
                    return written;
            }
            result.read = read;
            return commit(true);
        };
        const Status synced = sync();
        if (last) {
            result.goneAtSource = last->goneAtSource;
            result.lag = last->lag();
        }
        if (!synced) {
            // What was not committed has rolled back: the watermark and counts are the last commit's.
            result.error = synced.error().message;
            LiveSourceTable failed = last.value_or(table);
            failed.lastSyncAt = QDateTime::currentMSecsSinceEpoch();
            failed.lastOutcome = synced.error().code == Error::Code::Cancelled ? QStringLiteral("cancelled")
                                                                               : QStringLiteral("failed");
            failed.lastError = synced.error().message;
            (void)m_store.liveSources().recordSyncOutcome(failed);
        }
        report.tables.append(result);
    }
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}
