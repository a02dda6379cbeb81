#include "sqlsnapshotstore.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "domain/snapshotid.h"
#include "store/bulkinsert.h"
#include "store/jobsahead.h"
#include "store/sqlvalues.h"
#include "json/canonicaljson.h"
#include "json/jsonnumber.h"
#include "json/jsonpatch.h"

namespace {

const QString HeaderColumns = QStringLiteral(
    "id, tenant_id, kind, entity_id, version, taken_at, snapshot_type, created_by, \"trigger\", previous_id, "
    "event_seq, base_id, codec, raw_size, stored_size, checksum, summary, pinned, deleted_at, seal");
constexpr int HeaderColumnCount = 20;

QAtomicInt storeCounter;

using SqlValues::compactJson;
using SqlValues::nullIfEmpty;
using SqlValues::parseObject;

// A name for the calling thread's connection that no later thread gets. (Named after the QThread's address, a new
// thread at a finished one's address found its connection, which Qt refuses across threads, and the new one
// replaced it with "duplicate connection name" on stderr.)
QString threadTag()
{
    static QAtomicInteger<quint64> threads;
    thread_local const QString tag = QString::number(++threads, 16);
    return tag;
}

Error noSchema(const ConnectionSpec &spec)
{
    return Error { Error::Code::NotFound,
        QStringLiteral("%1 has no SnapScope schema yet (create it with snapscope-cli init)").arg(spec.displayName()) };
}

bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() == 0)
        return true; // SQLite treats an empty file as an empty database
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

// Classifies a failed PostgreSQL connection into something a user can act on.
Error connectionError(const ConnectionSpec &spec, const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString where = QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    if (text.contains(QStringLiteral("no password supplied")))
        return { Error::Code::Connection,
            QStringLiteral("PostgreSQL at %1 asks for a password for user \"%2\" and none was given (password= in "
                           "the connection, PGPASSWORD or ~/.pgpass)")
                .arg(where, spec.user) };
    if (text.contains(QStringLiteral("password authentication failed")))
        return { Error::Code::Connection,
            QStringLiteral("PostgreSQL at %1 refused the password for user \"%2\"").arg(where, spec.user) };
    if (text.contains(QStringLiteral("does not exist")) && text.contains(QStringLiteral("database")))
        return { Error::Code::NotFound,
            QStringLiteral("PostgreSQL at %1 has no database \"%2\"").arg(where, spec.database) };
    if (text.contains(QStringLiteral("Connection refused")) || text.contains(QStringLiteral("could not connect"))
        || text.contains(QStringLiteral("timeout")) || text.contains(QStringLiteral("could not translate host")))
        return { Error::Code::Connection,
            QStringLiteral("cannot reach PostgreSQL at %1: %2").arg(where, text.simplified()) };
    return { Error::Code::Connection,
        QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(where, text.simplified()) };
}

// Everything about one snapshot that can be computed without the database, done on the pool before the write, so
// the single writing thread only assigns versions and binds values.
struct PreparedSnapshot
{
    const NewSnapshot *source = nullptr;
    const KindInfo *kind = nullptr;
    SnapshotHeader header; // complete but for version and previousId
    QVariantList row; // bind values of the snapshots row, with placeholders at VersionColumn and PreviousIdColumn
    QVariantList facts; // bind values of the kind's fact row (daily_inventory, chat_outcomes)
    QString factKey; // the fact row's ON CONFLICT key, for kinds whose fact rows replace each other
    QString entityKey; // tenant, kind and entity id: the version sequence it belongs to
    QString statsKey; // business day, tenant and kind: the snapshot_stats row it counts in
    QString businessDay;
};
constexpr qsizetype VersionColumn = 4;
constexpr qsizetype PreviousIdColumn = 9;

} // namespace

SqlSnapshotStore::SqlSnapshotStore(const ConnectionSpec &spec)
    : m_spec(spec)
    , m_dialect(spec.backend)
    , m_connectionPrefix(QStringLiteral("snapscope-%1-").arg(storeCounter.fetchAndAddRelaxed(1)))
{ }

SqlSnapshotStore::~SqlSnapshotStore()
{
    m_workers.waitForDone();
    m_background.waitForDone();
    QMutexLocker locker(&m_mutex);
    // The workers are idle now; removing a connection closes it once its last handle is gone. (Fetching it here first
    // would touch another thread's connection.)
    for (const QString &name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<SqlSnapshotStore>> SqlSnapshotStore::open(const ConnectionSpec &spec, const OpenOptions &options)
{
    std::unique_ptr<SqlSnapshotStore> store(new SqlSnapshotStore(spec));
    store->m_privateBulkLoad = options.privateBulkLoad && spec.backend == ConnectionSpec::Backend::SQLite;
    const Migrator migrator(store->m_dialect);

    int sqliteVersion = 0;
    if (spec.backend == ConnectionSpec::Backend::SQLite) {
        const QFileInfo info(spec.sqlitePath);
        if (spec.sqlitePath.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("no database file given") };
        if (info.exists()) {
            if (!info.isFile())
                return Error { Error::Code::Io, QStringLiteral("%1 is not a file").arg(spec.sqlitePath) };
            if (!info.isReadable())
                return Error { Error::Code::Io, QStringLiteral("%1 is not readable").arg(spec.sqlitePath) };
            if (!looksLikeSqlite(spec.sqlitePath)) {
                return Error { Error::Code::NotSnapScope,
                    QStringLiteral("%1 is not a SnapScope database (not an SQLite file)").arg(spec.sqlitePath) };
            }
            // Not writable (file or folder): opened read-only, and said so; with no folder to put its -shm file in,
            // SQLite reads a WAL database only as immutable.
            const QFileInfo folder(info.absolutePath());
            store->m_immutable = !folder.isWritable();
            // Immutable means the -wal file is not read: what was committed into it since the last checkpoint would
            // be missing without a word (a store "verified" short). Refused instead, with the way out.
            if (const QFileInfo wal(spec.sqlitePath + QStringLiteral("-wal")); store->m_immutable && wal.size() > 0)
                return Error { Error::Code::Io,
                    QStringLiteral("%1 has changes in %2 that cannot be read while its folder is not writable "
                                   "(SQLite needs to put its -shm file there): open it once where the folder is "
                                   "writable, or copy both files to one that is")
                        .arg(spec.sqlitePath, wal.fileName()) };
            store->m_readOnly = store->m_immutable || !info.isWritable();
            // Inspect read-only first, so a foreign or newer database is refused without a byte written.
            const QString probeName = store->m_connectionPrefix + QStringLiteral("probe");
            Result<int> inspected = Error { Error::Code::Database, QString() };
            {
                auto probe = store->openConnection(probeName, true);
                if (!probe)
                    return probe.error();
                inspected = migrator.inspect(*probe);
                probe->close();
            }
            QSqlDatabase::removeDatabase(probeName);
            if (!inspected) {
                Error error = inspected.error();
                error.message = spec.sqlitePath + QStringLiteral(": ") + error.message;
                return error;
            }
            if (*inspected == 0 && !options.createSchema)
                return noSchema(spec);
            if (store->m_readOnly && *inspected != migrator.latestVersion()) {
                return Error { Error::Code::Io,
                    QStringLiteral("%1 is not writable, and its schema (version %2) needs upgrading to version %3: "
                                   "open it once where it can be written")
                        .arg(spec.sqlitePath)
                        .arg(*inspected)
                        .arg(migrator.latestVersion()) };
            }
            sqliteVersion = *inspected;
        } else {
            if (!options.createIfMissing) {
                return Error { Error::Code::NotFound,
                    QStringLiteral("database file %1 does not exist (create it with snapscope-cli init or demo)")
                        .arg(spec.sqlitePath) };
            }
            if (!QDir().mkpath(info.absolutePath()))
                return Error { Error::Code::Io, QStringLiteral("cannot create folder %1").arg(info.absolutePath()) };
        }
    }

    Result<int> migrated = sqliteVersion;
    int before = sqliteVersion;
    if (!store->m_readOnly) {
        auto db = store->db();
        if (!db)
            return db.error();
        const bool postgres = !store->m_dialect.isSqlite();
        if (postgres) {
            // Two consoles opening a fresh database at once must not both migrate it. The wait is for another
            // migration, which may take longer than the usual lock wait (lock_timeout) allows.
            QSqlQuery lock(*db);
            lock.exec(QStringLiteral("SET lock_timeout = 0"));
            lock.exec(QStringLiteral("SELECT pg_advisory_lock(727274)"));
            if (!options.createSchema) {
                auto inspected = migrator.inspect(*db);
                if (inspected && *inspected == 0) {
                    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(727274)"));
                    return noSchema(spec);
                }
            }
        }
        migrated = migrator.migrate(*db, &before);
        if (postgres) {
            QSqlQuery unlock(*db);
            unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(727274)"));
            unlock.exec(QStringLiteral("SET lock_timeout = %1").arg(SqlDialect::BusyTimeoutMs));
        }
    }
    if (!migrated) {
        Error error = migrated.error();
        error.message = spec.displayName() + QStringLiteral(": ") + error.message;
        return error;
    }
    store->m_schemaVersion = *migrated;
    if (store->m_privateBulkLoad) {
        if (Status status = store->deferIndexes(); !status)
            return status.error();
    }
    if (Status status = store->loadTenants(); !status)
        return status.error();
    if (Status status = store->loadDictionaries(); !status)
        return status.error();
    if (*migrated >= 8 && !store->m_readOnly) {
        if (Status status = store->sealPending(); !status)
            return status.error();
    }
    if (before > 0 && before < 6 && *migrated >= 6 && !store->m_readOnly) {
        // Version 6 searches orders by the customer's phone, a summary field older orders lack.
        if (Status status = store->resummarize(QStringLiteral("order")); !status)
            return status.error();
    }
    store->releaseConnection();
    return store;
}

Result<QSqlDatabase> SqlSnapshotStore::openConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
    if (m_dialect.isSqlite()) {
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(SqlDialect::BusyTimeoutMs);
        if (m_immutable) {
            db.setDatabaseName(QUrl::fromLocalFile(m_spec.sqlitePath).toString() + QStringLiteral("?immutable=1"));
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        } else {
            db.setDatabaseName(m_spec.sqlitePath);
        }
        if (readOnly || m_readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
    } else {
        db.setHostName(m_spec.host);
        db.setPort(m_spec.port);
        db.setDatabaseName(m_spec.database);
        db.setUserName(m_spec.user);
        if (!m_spec.password.isEmpty())
            db.setPassword(m_spec.password);
        QString options
            = QStringLiteral("connect_timeout=%1;").arg(m_spec.connectTimeoutSeconds) + m_dialect.startupOptions();
        if (!m_spec.sslmode.isEmpty())
            options += QStringLiteral(";sslmode=") + m_spec.sslmode;
        db.setConnectOptions(options);
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        if (m_dialect.isSqlite())
            return Error { Error::Code::Io, QStringLiteral("cannot open %1: %2").arg(m_spec.sqlitePath, error.text()) };
        return connectionError(m_spec, error);
    }
    if (!readOnly && !m_readOnly) {
        for (const QString &statement : m_dialect.sessionSetup(m_privateBulkLoad)) {
            QSqlQuery query(db);
            // Changing the journal mode takes an exclusive lock and does not wait for it (the busy timeout does not
            // apply): several processes opening a new file at once wait here, as long as for any other lock.
            QElapsedTimer waited;
            waited.start();
            bool done = query.exec(statement);
            while (!done && m_dialect.isSqlite() && (query.lastError().nativeErrorCode().toInt() & 0xff) == 5
                && waited.elapsed() < SqlDialect::BusyTimeoutMs) {
                QThread::msleep(20);
                done = query.exec(statement);
            }
            if (!done) {
                const QSqlError error = query.lastError();
                query = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return Error { Error::Code::Database,
                    QStringLiteral("setting up the connection (%1): %2")
                        .arg(statement,
                            error.text().trimmed().isEmpty() ? QStringLiteral("the database did not answer")
                                                             : error.text()) };
            }
        }
    }
    return db;
}

Result<QSqlDatabase> SqlSnapshotStore::db()
{
    const QString name = m_connectionPrefix + threadTag();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen())
            return existing;
    }
    auto opened = openConnection(name, false);
    if (opened) {
        QMutexLocker locker(&m_mutex);
        if (!m_connectionNames.contains(name))
            m_connectionNames.append(name);
    }
    return opened;
}

void SqlSnapshotStore::releaseConnection()
{
    const QString name = m_connectionPrefix + threadTag();
    QMutexLocker locker(&m_mutex);
    if (!m_connectionNames.removeOne(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Error SqlSnapshotStore::errorFrom(const QString &what, const QSqlQuery &query) const
{
    const QSqlError error = query.lastError();
    if (m_dialect.isSqlite() && (error.nativeErrorCode().toInt() & 0xff) == 8) // SQLITE_READONLY
        return { Error::Code::Io,
            what + QStringLiteral(": the database is read-only here (its file or folder is not writable)") };
    if (!m_dialect.isSqlite() && error.nativeErrorCode() == u"55P03") // lock_not_available, after lock_timeout
        return { Error::Code::Database,
            what
                + QStringLiteral(": PostgreSQL did not grant a lock within %1 s; %2")
                      .arg(SqlDialect::BusyTimeoutMs / 1000)
                      .arg(lockHolders()) };
    if (!m_dialect.isSqlite() && error.nativeErrorCode() == u"42501") // insufficient_privilege
        return { Error::Code::Database,
            what
                + QStringLiteral(": PostgreSQL role %1 lacks the right to do this (%2)")
                      .arg(m_spec.user, error.databaseText().trimmed()) };
    return { Error::Code::Database, what + QStringLiteral(": ") + error.text() };
}

QString SqlSnapshotStore::lockHolders() const
{
    // Asked on a connection of its own: the one that waited is in an aborted transaction now.
    static QAtomicInt asked;
    const QString name = m_connectionPrefix + QStringLiteral("locks-") + QString::number(++asked);
    QString holders;
    {
        // The store's own way of connecting (the same TLS demands), read-only: nothing is written on it.
        auto opened = openConnection(name, true);
        if (opened) {
            QSqlDatabase db = *opened;
            QSqlQuery query(db);
            // The sessions in a transaction on this database, oldest first: the lock is one of theirs. (The one that
            // waited is in an aborted transaction now, and left out.)
            if (query.exec(QStringLiteral(
                    "SELECT pid, COALESCE(NULLIF(application_name, ''), 'an unnamed client'), COALESCE(usename, '?'), "
                    "COALESCE(host(client_addr), 'local'), state, CAST(EXTRACT(EPOCH FROM now() - xact_start) AS "
                    "bigint) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND xact_start IS NOT NULL AND state <> 'idle in transaction (aborted)' ORDER BY xact_start LIMIT "
                    "3"))) {
                QStringList sessions;
                while (query.next())
                    sessions.append(
                        QStringLiteral("pid %1 (%2, user %3 from %4, %5, in a transaction for %6 s)")
                            .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString(), query.value(4).toString(), query.value(5).toString()));
                if (!sessions.isEmpty())
                    holders = QStringLiteral("it is held by ") + sessions.join(QStringLiteral(", or "));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return holders.isEmpty() ? QStringLiteral("the session holding it has ended; try again") : holders;
}

Status SqlSnapshotStore::loadTenants()
{
    auto list = tenants();
    if (!list)
        return list.error();
    QMutexLocker locker(&m_mutex);
    m_tenantZones.clear();
    for (const Tenant &tenant : *list)
        m_tenantZones.insert(tenant.id, QTimeZone(tenant.businessTimeZone.toUtf8()));
    return {};
}

Status SqlSnapshotStore::loadDictionaries()
{
    auto db = this->db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    const bool checksummed = m_schemaVersion >= 9;
    if (!query.exec(QStringLiteral("SELECT id, kind, dict, active, %1 FROM zstd_dictionaries ORDER BY id")
                        .arg(checksummed ? QStringLiteral("checksum") : QStringLiteral("NULL"))))
        return errorFrom(QStringLiteral("reading zstd dictionaries"), query);
    QList<std::pair<int, QString>> pending; // written before schema 9: their checksums are written now
    while (query.next()) {
        const CompressionDictionary dictionary { query.value(0).toInt(), query.value(1).toString(),
            query.value(2).toByteArray() };
        const QString stored = query.value(4).toString();
        const QString actual = PayloadCodec::dictionaryChecksum(dictionary.id, dictionary.kind, dictionary.bytes);
        if (checksummed && stored == u"pending") {
            pending.append({ dictionary.id, actual });
        } else if (checksummed && stored.compare(actual, Qt::CaseInsensitive) != 0) {
            m_codec.markDamaged(dictionary.id, dictionary.kind,
                stored.isEmpty() ? QStringLiteral("no checksum is stored")
                                 : QStringLiteral("its checksum does not match"));
            continue;
        }
        // A dictionary zstd cannot load is damage of the same kind: its payloads are unreadable, not the store.
        if (Status status = m_codec.addDictionary(dictionary, query.value(3).toBool()); !status)
            m_codec.markDamaged(dictionary.id, dictionary.kind, QStringLiteral("zstd cannot load it"));
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading zstd dictionaries"), query);
    query.finish();
    if (!pending.isEmpty() && !m_readOnly) {
        QSqlQuery update(*db);
        update.prepare(
            QStringLiteral("UPDATE zstd_dictionaries SET checksum = ? WHERE id = ? AND checksum = 'pending'"));
        for (const auto &[id, checksum] : std::as_const(pending)) {
            update.addBindValue(checksum);
            update.addBindValue(id);
            if (!update.exec())
                return errorFrom(QStringLiteral("writing the checksum of dictionary %1").arg(id), update);
        }
    }
    return {};
}

Status SqlSnapshotStore::deferIndexes()
{
    // Unique indexes stay: they enforce constraints, and putBatch looks up the latest version through one.
    auto db = this->db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    // (sql is NULL for the indexes SQLite makes itself for PRIMARY KEY and UNIQUE constraints.)
    if (!query.exec(
            QStringLiteral("SELECT m.name, m.sql FROM sqlite_master AS m "
                           "JOIN pragma_index_list(m.tbl_name) AS i ON i.name = m.name "
                           "WHERE m.type = 'index' AND m.sql IS NOT NULL AND NOT i.\"unique\" ORDER BY m.name")))
        return errorFrom(QStringLiteral("listing indexes"), query);
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
        m_deferredIndexes.append(query.value(1).toString());
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("listing indexes"), query);
    query.finish();
    for (const QString &name : std::as_const(names)) {
        if (!query.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name)))
            return errorFrom(QStringLiteral("deferring index %1").arg(name), query);
    }
    return {};
}

namespace {

// The day sums of migration 0002, for all rows or (with a WHERE for %1) for one day.
// (Grouped by day first: SQLite then walks daily_inventory_day instead of sorting 1.1 million rows, 2.8 s -> 1.7 s.)
const QString InventoryDaySums = QStringLiteral(
    "SELECT tenant_id, store_code, day, SUM(opening), SUM(closing), SUM(inbound), SUM(outbound), SUM(adjustments), "
    "SUM(total_value), COUNT(*) FROM daily_inventory %1 GROUP BY tenant_id, day, store_code");
const QString ChatDaySums = QStringLiteral(
    "SELECT tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff, COUNT(*), "
    "SUM(CASE WHEN order_created THEN 1 ELSE 0 END), COALESCE(SUM(CASE WHEN order_created THEN order_value END), 0), "
    "COUNT(CASE WHEN order_created THEN order_value END), COALESCE(SUM(duration_s), 0), COUNT(duration_s), "
    "COALESCE(SUM(satisfaction), 0), COUNT(satisfaction) FROM chat_outcomes %1 "
    "GROUP BY tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff");

} // namespace

Status SqlSnapshotStore::refreshChartDays(QSqlDatabase &db,
    const std::set<std::tuple<QString, QString, QString>> &inventoryDays,
    const std::set<std::tuple<QString, QString, QString>> &chatDays)
{
    const QString date = m_dialect.dateParameter();
    struct Refresh
    {
        const std::set<std::tuple<QString, QString, QString>> &days;
        QString remove, insert;
    };
    const Refresh refreshes[] = {
        { inventoryDays,
            QStringLiteral("DELETE FROM inventory_store_days WHERE tenant_id = ? AND store_code = ? AND day = %1")
                .arg(date),
            QStringLiteral("INSERT INTO inventory_store_days %1")
                .arg(InventoryDaySums.arg(
                    QStringLiteral("WHERE tenant_id = ? AND store_code = ? AND day = %1").arg(date))) },
        { chatDays,
            QStringLiteral("DELETE FROM chat_days WHERE tenant_id = ? AND snapshot_type = ? AND business_day = %1")
                .arg(date),
            QStringLiteral("INSERT INTO chat_days %1")
                .arg(ChatDaySums.arg(
                    QStringLiteral("WHERE tenant_id = ? AND snapshot_type = ? AND business_day = %1").arg(date))) },
    };
    for (const Refresh &r : refreshes) {
        if (r.days.empty())
            continue;
        QSqlQuery remove(db), insert(db);
        if (!remove.prepare(r.remove) || !insert.prepare(r.insert))
            return errorFrom(
                QStringLiteral("preparing the chart day sums"), remove.lastError().isValid() ? remove : insert);
        for (const auto &[tenant, key, day] : r.days) {
            for (QSqlQuery *q : { &remove, &insert }) {
                q->addBindValue(tenant);
                q->addBindValue(key);
                q->addBindValue(day);
                if (!q->exec())
                    return errorFrom(QStringLiteral("updating the chart day sums"), *q);
                q->finish();
            }
        }
    }
    return {};
}

Status SqlSnapshotStore::finishBulkLoad()
{
    if (m_deferredIndexes.isEmpty())
        return {};
    auto db = this->db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    for (const QString &sql : std::as_const(m_deferredIndexes)) {
        if (!query.exec(sql))
            return errorFrom(QStringLiteral("building an index"), query);
    }
    m_deferredIndexes.clear();
    // The charts' day sums, from all the facts at once.
    for (const QString &sql :
        { QStringLiteral("DELETE FROM inventory_store_days"), QStringLiteral("DELETE FROM chat_days"),
            QStringLiteral("INSERT INTO inventory_store_days %1").arg(InventoryDaySums.arg(QString())),
            QStringLiteral("INSERT INTO chat_days %1").arg(ChatDaySums.arg(QString())),
            // Statistics for the planner (0.4 s; sampled ones led it astray): the top-N series reads one day through
            // daily_inventory_day, then each product through daily_inventory_product (2-4 s without, 0.08 s with).
            QStringLiteral("ANALYZE daily_inventory") }) {
        if (!query.exec(sql))
            return errorFrom(QStringLiteral("summing the chart days"), query);
    }
    return {};
}

QString SqlSnapshotStore::businessDay(const QString &tenant, EpochMs at)
{
    QTimeZone zone;
    {
        QMutexLocker locker(&m_mutex);
        const auto cached = m_lastBusinessDay.constFind(tenant);
        if (cached != m_lastBusinessDay.constEnd() && at >= cached->start && at < cached->end)
            return cached->text;
        zone = m_tenantZones.value(tenant, QTimeZone::utc());
    }
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDate date = QDateTime::fromMSecsSinceEpoch(at, zone).date();
    BusinessDay day { QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch(),
        QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(), date.toString(Qt::ISODate) };
    QMutexLocker locker(&m_mutex);
    m_lastBusinessDay.insert(tenant, day);
    return day.text;
}

QString SqlSnapshotStore::headerColumns()
{
    return HeaderColumns;
}

Result<QList<SnapshotHeader>> SqlSnapshotStore::readHeaders(QSqlQuery &query, bool oldestFirst) const
{
    QList<SnapshotHeader> headers;
    while (query.next()) {
        auto h = readHeader(query);
        if (!h)
            return h.error();
        headers.append(std::move(h).value());
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading snapshot headers"), query);
    if (oldestFirst)
        sortOldestFirst(headers);
    return headers;
}

Result<SnapshotHeader> SqlSnapshotStore::readHeader(const QSqlQuery &query) const
{
    SnapshotHeader h;
    h.id = query.value(0).toString();
    h.tenant = query.value(1).toString();
    h.kind = query.value(2).toString();
    h.entityId = query.value(3).toString();
    h.version = query.value(4).toInt();
    h.takenAt = query.value(5).toLongLong();
    h.type = query.value(6).toString();
    h.createdBy = query.value(7).toString();
    h.trigger = parseObject(query.value(8));
    h.previousId = query.value(9).toString();
    if (!query.value(10).isNull())
        h.eventSeq = query.value(10).toLongLong();
    h.baseId = query.value(11).toString();
    h.codec = query.value(12).toString();
    h.rawSize = query.value(13).toLongLong();
    h.storedSize = query.value(14).toLongLong();
    h.checksum = query.value(15).toString();
    h.summary = parseObject(query.value(16));
    h.pinned = query.value(17).toBool();
    if (!query.value(18).isNull())
        h.deletedAt = query.value(18).toLongLong();
    h.seal = query.value(19).toString();
    return h;
}

Result<SnapshotHeader> SqlSnapshotStore::put(const NewSnapshot &snapshot)
{
    auto written = putBatch({ snapshot });
    if (!written)
        return written.error();
    return written->constFirst();
}

Result<QList<SnapshotHeader>> SqlSnapshotStore::putBatch(const QList<NewSnapshot> &snapshots)
{
    // Two writers on one PostgreSQL server can give the same entity the same next version (each read the old
    // latest); the loser's batch rolls back on the unique index and is written again with fresh versions. (SQLite
    // writers are serialized by BEGIN IMMEDIATE.)
    for (int attempt = 1;; ++attempt) {
        auto written = writeBatch(snapshots);
        if (written || attempt == 5 || !written.error().message.contains(QStringLiteral("snapshots_entity_version")))
            return written;
    }
}

Result<QList<SnapshotHeader>> SqlSnapshotStore::writeBatch(const QList<NewSnapshot> &snapshots)
{
    if (snapshots.isEmpty())
        return QList<SnapshotHeader>();
    QElapsedTimer timer;
    timer.start();

    // Validate and encode first: nothing reaches the database unless every snapshot in the batch is well-formed.
    std::vector<PreparedSnapshot> prepared(size_t(snapshots.size()));
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const NewSnapshot &s = snapshots.at(i);
        PreparedSnapshot &p = prepared[size_t(i)];
        p.source = &s;
        p.kind = KindRegistry::find(s.kind);
        if (!p.kind)
            return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(s.kind) };
        if (s.tenant.isEmpty() || s.entityId.isEmpty() || s.type.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("a snapshot needs a tenant, an entity id and a type") };
        if (!s.id.isEmpty() && !SnapshotId::isWellFormed(s.id))
            return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a UUID").arg(s.id) };
        if (!s.baseId.isEmpty() && !SnapshotId::isWellFormed(s.baseId))
            return Error { Error::Code::Invalid, QStringLiteral("base id \"%1\" is not a UUID").arg(s.baseId) };
        p.header.id = s.id.isEmpty() ? SnapshotId::generate(s.takenAt) : s.id.toLower();
    }
    const auto prepare = [this](PreparedSnapshot &p) {
        const NewSnapshot &s = *p.source;
        EncodedPayload encoded;
        if (s.baseId.isEmpty()) {
            encoded = m_codec.encode(s.kind, CanonicalJson::write(s.payload));
        } else {
            QByteArray patch;
            CanonicalJson::append(patch, s.patch);
            encoded = m_codec.encode(PayloadCodec::deltaKey(s.kind), patch);
            encoded.checksum = PayloadCodec::checksumOf(CanonicalJson::write(s.payload));
        }
        SnapshotHeader &h = p.header;
        h.tenant = s.tenant;
        h.kind = s.kind;
        h.entityId = s.entityId;
        h.takenAt = s.takenAt;
        h.type = s.type;
        h.createdBy = s.createdBy.isEmpty() ? QStringLiteral("system") : s.createdBy;
        h.trigger = s.trigger;
        h.eventSeq = s.eventSeq;
        h.baseId = s.baseId;
        h.codec = encoded.codec;
        h.rawSize = encoded.rawSize;
        h.storedSize = encoded.blob.size();
        h.checksum = encoded.checksum;
        h.seal = SnapshotSeal::of(h);
        h.summary = p.kind->summarize(s.payload);
        p.row = { h.id, h.tenant, h.kind, h.entityId, QVariant() /* version */, h.takenAt, h.type, h.createdBy,
            h.trigger.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compactJson(h.trigger)),
            QVariant() /* previous id */,
            h.eventSeq ? QVariant(*h.eventSeq) : QVariant(QMetaType::fromType<qlonglong>()), nullIfEmpty(h.baseId),
            h.codec, h.rawSize, h.storedSize, h.checksum, encoded.blob, compactJson(h.summary), h.seal };
        p.entityKey = s.tenant + u'\x1f' + s.kind + u'\x1f' + s.entityId;
        p.businessDay = businessDay(s.tenant, s.takenAt);
        p.statsKey = p.businessDay + u'\x1f' + s.tenant + u'\x1f' + s.kind;
        const QJsonObject &payload = s.payload;
        if (s.kind == u"daily_inventory") {
            p.facts = { s.tenant, payload.value(u"store_code").toString(), payload.value(u"product_id").toString(),
                payload.value(u"day").toString(), payload.value(u"opening_stock").toInteger(),
                payload.value(u"closing_stock").toInteger(), payload.value(u"inbound").toInteger(),
                payload.value(u"outbound").toInteger(), payload.value(u"adjustments").toInteger(),
                JsonNumber::toDouble(payload.value(u"average_cost")),
                JsonNumber::toDouble(payload.value(u"total_value")), h.id };
            p.factKey = s.tenant + u'\x1f' + p.facts.at(1).toString() + u'\x1f' + p.facts.at(2).toString() + u'\x1f'
                + p.facts.at(3).toString();
        } else if (s.kind == u"chat") {
            const QJsonObject ai = payload.value(u"ai").toObject();
            const QJsonObject outcome = payload.value(u"outcome").toObject();
            const QJsonValue satisfaction = outcome.value(u"satisfaction");
            p.facts = { h.id, s.tenant, s.entityId,
                nullIfEmpty(JsonNumber::scalarText(payload.value(u"customer").toObject().value(u"id"))),
                nullIfEmpty(payload.value(u"platform").toString()), s.type, s.takenAt, p.businessDay,
                payload.value(u"total_messages").toInteger(), payload.value(u"duration_s").toInteger(),
                ai.value(u"human_handoff").toBool(), JsonNumber::toDouble(ai.value(u"avg_confidence")),
                outcome.value(u"order_created").toBool(), JsonNumber::toDouble(outcome.value(u"order_value")),
                JsonNumber::isNumber(satisfaction) ? QVariant(JsonNumber::toDouble(satisfaction))
                                                   : QVariant(QMetaType::fromType<double>()) };
        }
    };
    // Chunks are prepared on the pool ahead of the one being written here; one the pool has not reached yet is
    // prepared by this thread rather than waited for.
    constexpr qsizetype ChunkSize = 64;
    constexpr qsizetype ChunksAhead = 8;
    const auto chunkRange = [&](qsizetype chunk) {
        const auto first = prepared.begin() + chunk * ChunkSize;
        return std::pair { first, first + std::min<qsizetype>(ChunkSize, qsizetype(prepared.end() - first)) };
    };
    const qsizetype chunks = (qsizetype(prepared.size()) + ChunkSize - 1) / ChunkSize;
    JobsAhead preparing(*QThreadPool::globalInstance(), chunks, ChunksAhead, [&](qsizetype chunk) {
        const auto [first, last] = chunkRange(chunk);
        std::for_each(first, last, prepare);
    });

    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    const SqlDialect &d = m_dialect;

    QSqlQuery latest(db);
    // PostgreSQL parses a prepared statement at once, taking its table's lock: a held lock times out here.
    if (!latest.prepare(
            QStringLiteral("SELECT version, id FROM snapshots WHERE tenant_id = ? AND kind = ? AND entity_id = ? "
                           "ORDER BY version DESC LIMIT 1")))
        return errorFrom(QStringLiteral("reading the latest version"), latest);
    const int RowsPerStatement = d.insertRowsPerStatement();
    BulkInsert insert(db,
        QStringLiteral("INSERT INTO snapshots (id, tenant_id, kind, entity_id, version, taken_at, snapshot_type, "
                       "created_by, \"trigger\", previous_id, event_seq, base_id, codec, raw_size, stored_size, "
                       "checksum, payload, summary, seal)"),
        QStringLiteral("(%1, ?, ?, ?, ?, ?, ?, ?, %2, %1, ?, %1, ?, ?, ?, ?, ?, %2, ?)")
            .arg(d.uuidParameter(), d.jsonParameter()),
        QString(), RowsPerStatement);
    // The fact rows the charts read. A daily_inventory row replaces the one of the same store, product and day.
    struct FactTable
    {
        QString name;
        BulkInsert rows;
    };
    FactTable inventory { QStringLiteral("daily_inventory"),
        BulkInsert(db,
            QStringLiteral("INSERT INTO daily_inventory (tenant_id, store_code, product_id, day, opening, closing, "
                           "inbound, outbound, adjustments, average_cost, total_value, snapshot_id)"),
            QStringLiteral("(?, ?, ?, %1, ?, ?, ?, ?, ?, ?, ?, %2)").arg(d.dateParameter(), d.uuidParameter()),
            QStringLiteral("ON CONFLICT (tenant_id, store_code, product_id, day) DO UPDATE SET "
                           "opening = excluded.opening, closing = excluded.closing, inbound = excluded.inbound, "
                           "outbound = excluded.outbound, adjustments = excluded.adjustments, "
                           "average_cost = excluded.average_cost, total_value = excluded.total_value, "
                           "snapshot_id = excluded.snapshot_id"),
            RowsPerStatement) };
    FactTable chat { QStringLiteral("chat_outcomes"),
        BulkInsert(db,
            QStringLiteral("INSERT INTO chat_outcomes (snapshot_id, tenant_id, session_id, customer_id, platform, "
                           "snapshot_type, taken_at, business_day, total_messages, duration_s, human_handoff, "
                           "avg_confidence, order_created, order_value, satisfaction)"),
            QStringLiteral("(%1, ?, ?, ?, ?, ?, ?, %2, ?, ?, ?, ?, ?, ?, ?)").arg(d.uuidParameter(), d.dateParameter()),
            QString(), RowsPerStatement) };

    struct Latest
    {
        int version;
        QString id;
    };
    QHash<QString, Latest> latestInBatch;
    struct DayStats
    {
        QString day, tenant, kind;
        qint64 created = 0, raw = 0, stored = 0;
    };
    QHash<QString, DayStats> dayStats;

    if (Status begun = m_dialect.beginWrite(db); !begun)
        return begun.error();
    const auto fail = [&](const Error &error) -> Error {
        db.rollback();
        return error;
    };

    const auto writeError = [](const QString &what, const BulkInsert &rows) {
        return Error { Error::Code::Database, QStringLiteral("writing %1: %2").arg(what, rows.lastError()) };
    };
    // A failed group names the snapshot that opened it; the whole batch is rolled back either way.
    qsizetype firstPending = 0;
    const auto snapshotsFrom = [&](qsizetype first) {
        const PreparedSnapshot &p = prepared[size_t(first)];
        return QStringLiteral("snapshot %1 (%2 %3)").arg(p.header.id, p.header.kind, p.header.entityId);
    };

    // The days whose chart sums this batch changes (tenant, store or type, day).
    std::set<std::tuple<QString, QString, QString>> inventoryDays, chatDays;
    QList<SnapshotHeader> headers;
    headers.reserve(snapshots.size());
    for (qsizetype chunk = 0; chunk < chunks; ++chunk) {
        preparing.need(chunk);
        const auto [first, last] = chunkRange(chunk);
        for (auto it = first; it != last; ++it) {
            PreparedSnapshot &p = *it;
            SnapshotHeader &h = p.header;
            // The limit every reader applies (PayloadCodec::decode): what could not be read back is not written.
            if (h.rawSize > PayloadCodec::MaxPayloadBytes)
                return fail({ Error::Code::Invalid,
                    QStringLiteral("snapshot %1 (%2 %3): its payload of %4 bytes is over the limit of %5 bytes")
                        .arg(h.id, h.kind, h.entityId)
                        .arg(h.rawSize)
                        .arg(PayloadCodec::MaxPayloadBytes) });
            Latest previous { 0, QString() };
            if (auto found = latestInBatch.constFind(p.entityKey); found != latestInBatch.constEnd()) {
                previous = *found;
            } else {
                latest.addBindValue(h.tenant);
                latest.addBindValue(h.kind);
                latest.addBindValue(h.entityId);
                if (!latest.exec())
                    return fail(errorFrom(QStringLiteral("reading the latest version"), latest));
                if (latest.next())
                    previous = { latest.value(0).toInt(), latest.value(1).toString() };
                else if (SqlValues::failedReading(latest)) // not "no version yet": that would store a second v1
                    return fail(errorFrom(QStringLiteral("reading the latest version"), latest));
                latest.finish();
            }
            h.version = previous.version + 1;
            h.previousId = previous.id;
            p.row[VersionColumn] = h.version;
            p.row[PreviousIdColumn] = nullIfEmpty(h.previousId);

            if (insert.pendingRows() == 0)
                firstPending = headers.size();
            if (!insert.addRow(std::move(p.row)))
                return fail(writeError(snapshotsFrom(firstPending), insert));
            latestInBatch.insert(p.entityKey, { h.version, h.id });

            if (h.kind == u"daily_inventory")
                inventoryDays.insert({ h.tenant, p.facts.at(1).toString(), p.facts.at(3).toString() });
            else if (h.kind == u"chat")
                chatDays.insert({ h.tenant, h.type, p.businessDay });
            if (FactTable *facts = h.kind == u"daily_inventory" ? &inventory : h.kind == u"chat" ? &chat : nullptr) {
                if (!facts->rows.addRow(std::move(p.facts), p.factKey))
                    return fail(writeError(facts->name, facts->rows));
            }

            DayStats &stats = dayStats[p.statsKey];
            if (stats.created == 0) {
                stats.day = p.businessDay;
                stats.tenant = h.tenant;
                stats.kind = h.kind;
            }
            ++stats.created;
            stats.raw += h.rawSize;
            stats.stored += h.storedSize;
            headers.append(std::move(h));
        }
    }

    if (!insert.flush())
        return fail(writeError(snapshotsFrom(firstPending), insert));
    for (FactTable *facts : { &inventory, &chat }) {
        if (!facts->rows.flush())
            return fail(writeError(facts->name, facts->rows));
    }

    // A private bulk load sums every day once at the end (finishBulkLoad).
    if (!m_privateBulkLoad) {
        if (Status refreshed = refreshChartDays(db, inventoryDays, chatDays); !refreshed)
            return fail(refreshed.error());
    }

    const double msPerSnapshot = double(timer.nsecsElapsed()) / 1e6 / double(prepared.size());
    QSqlQuery statsQuery(db);
    statsQuery.prepare(
        QStringLiteral("INSERT INTO snapshot_stats (day, tenant_id, kind, created, raw_bytes, stored_bytes, "
                       "total_put_ms) VALUES (%1, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, tenant_id, kind) DO UPDATE "
                       "SET created = snapshot_stats.created + excluded.created, raw_bytes = "
                       "snapshot_stats.raw_bytes + excluded.raw_bytes, stored_bytes = snapshot_stats.stored_bytes "
                       "+ excluded.stored_bytes, total_put_ms = snapshot_stats.total_put_ms + excluded.total_put_ms")
            .arg(d.dateParameter()));
    for (const DayStats &stats : std::as_const(dayStats)) {
        statsQuery.addBindValue(stats.day);
        statsQuery.addBindValue(stats.tenant);
        statsQuery.addBindValue(stats.kind);
        statsQuery.addBindValue(stats.created);
        statsQuery.addBindValue(stats.raw);
        statsQuery.addBindValue(stats.stored);
        statsQuery.addBindValue(msPerSnapshot * double(stats.created));
        if (!statsQuery.exec())
            return fail(errorFrom(QStringLiteral("updating snapshot_stats"), statsQuery));
    }

    if (!db.commit()) {
        const Error error { Error::Code::Database,
            QStringLiteral("committing snapshots: %1").arg(db.lastError().text()) };
        db.rollback();
        return error;
    }
    return headers;
}

namespace {

// ASCII letters of text in upper or lower case; other characters as they are (SQLite's lower() folds only ASCII).
QString asciiCase(const QString &text, bool upper)
{
    QString result = text;
    for (QChar &c : result) {
        if (upper && c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - (u'a' - u'A'));
        else if (!upper && c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return result;
}

// The first text after every text that starts with prefix (in binary order): the prefix followed by the highest
// code point.
QString prefixEnd(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

// An entity id prefix (the timeline's filter, the navigator's search), case-insensitive.
void appendEntityPrefix(const QString &prefix, bool sqlite, QStringList &where, QVariantList &values)
{
    // lower() on both sides folds alike on each backend (ASCII letters in SQLite, every
    // letter in PostgreSQL). The range before it holds every case variant of the prefix in binary order
    // (upper-case ASCII sorts before lower-case), so an index on entity_id can narrow the rows; the lower()
    // term then keeps the exact matches. PostgreSQL compares text in the database's collation, where that range
    // does not hold, so there the lower() term alone decides.
    if (sqlite) {
        where << QStringLiteral("entity_id >= ? AND entity_id < ?");
        values << asciiCase(prefix, true) << prefixEnd(asciiCase(prefix, false));
    }
    where << QStringLiteral("lower(substr(entity_id, 1, ?)) = lower(?)");
    values << qsizetype(prefix.toUcs4().size()) << prefix;
}

// The WHERE terms and their bound values for a query's filters (every filter goes into the SQL).
void appendFilters(const SnapshotQuery &q, bool sqlite, QStringList &where, QVariantList &values)
{
    where << QStringLiteral("tenant_id = ?");
    values << q.tenant;
    if (!q.kind.isEmpty()) {
        where << QStringLiteral("kind = ?");
        values << q.kind;
    }
    if (!q.entityId.isEmpty()) {
        where << QStringLiteral("entity_id = ?");
        values << q.entityId;
    } else if (!q.entityPrefix.isEmpty()) {
        appendEntityPrefix(q.entityPrefix, sqlite, where, values);
    }
    if (!q.types.isEmpty()) {
        QStringList marks;
        for (const QString &type : q.types) {
            marks << QStringLiteral("?");
            values << type;
        }
        where << QStringLiteral("snapshot_type IN (%1)").arg(marks.join(u','));
    }
    if (q.takenAt.from) {
        where << QStringLiteral("taken_at >= ?");
        values << *q.takenAt.from;
    }
    if (q.takenAt.to) {
        where << QStringLiteral("taken_at < ?");
        values << *q.takenAt.to;
    }
    if (!q.createdBy.isEmpty()) {
        // Contains, case-insensitive ("ana" finds "Ana.K" and "support-ana"); % and _ typed are literal.
        QString pattern = q.createdBy.toLower();
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        where << QStringLiteral("lower(created_by) LIKE ? ESCAPE '\\'");
        values << QString(u'%' + pattern + u'%');
    }
    switch (q.trash) {
    case SnapshotQuery::Trash::Hide:
        where << QStringLiteral("deleted_at IS NULL");
        break;
    case SnapshotQuery::Trash::Only:
        where << QStringLiteral("deleted_at IS NOT NULL");
        break;
    case SnapshotQuery::Trash::Include:
        break;
    }
}

// Prepares sql, whose %1 stands for the filters' WHERE terms, and binds the filters' values.
void prepareFiltered(QSqlQuery &query, const QString &sql, const SnapshotQuery &q, bool sqlite)
{
    QStringList where;
    QVariantList values;
    appendFilters(q, sqlite, where, values);
    query.setForwardOnly(true);
    query.prepare(sql.arg(where.join(QStringLiteral(" AND "))));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
}

} // namespace

Result<HeaderPage> SqlSnapshotStore::listHeaders(const SnapshotQuery &q, const PageRequest &page)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("listing needs a tenant") };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();

    QStringList where;
    QVariantList values;
    appendFilters(q, m_dialect.isSqlite(), where, values);
    const bool newestFirst = page.order == SortOrder::NewestFirst;
    if (page.after) {
        where << QStringLiteral("(taken_at, id) %1 (?, %2)")
                     .arg(newestFirst ? QStringLiteral("<") : QStringLiteral(">"), m_dialect.uuidParameter());
        values << page.after->takenAt << page.after->id;
    }
    const int limit = qBound(1, page.limit, 100000);
    const QString direction = newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString columns = page.withStoredPayload ? HeaderColumns + QStringLiteral(", payload") : HeaderColumns;
    const QString sql = QStringLiteral("SELECT %1 FROM snapshots WHERE %2 ORDER BY taken_at %3, id %3 LIMIT %4")
                            .arg(columns, where.join(QStringLiteral(" AND ")), direction)
                            .arg(limit + 1);
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return errorFrom(QStringLiteral("listing snapshots"), query);
    HeaderPage result;
    result.headers.reserve(qMin(limit, 1024));
    bool more = false;
    while (query.next()) {
        if (result.headers.size() == limit) {
            more = true;
            break;
        }
        auto h = readHeader(query);
        if (!h)
            return h.error();
        result.headers.append(std::move(h).value());
        if (page.withStoredPayload)
            result.storedPayloads.append(query.value(HeaderColumnCount).toByteArray());
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("listing snapshots"), query);
    if (more)
        result.next = PageCursor { result.headers.constLast().takenAt, result.headers.constLast().id };
    return result;
}

Result<QStringList> SqlSnapshotStore::checkDatabase()
{
    if (!m_dialect.isSqlite())
        return QStringList();
    auto db = this->db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    // A damaged file can fail the check itself ("database disk image is malformed"): that is its finding.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(100)")))
        return QStringList { query.lastError().text() };
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems.append(line);
    }
    if (SqlValues::failedReading(query))
        problems.append(query.lastError().text());
    return problems;
}

Result<qint64> SqlSnapshotStore::countHeaders(const SnapshotQuery &q)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("counting needs a tenant") };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    prepareFiltered(query, QStringLiteral("SELECT count(*) FROM snapshots WHERE %1"), q, m_dialect.isSqlite());
    if (!query.exec() || !query.next())
        return errorFrom(QStringLiteral("counting snapshots"), query);
    return query.value(0).toLongLong();
}

Result<QList<PageCursor>> SqlSnapshotStore::pageEnds(const SnapshotQuery &q, SortOrder order, int pageSize)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("listing needs a tenant") };
    if (pageSize < 1)
        return Error { Error::Code::Invalid, QStringLiteral("page size must be positive") };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    const QString direction = order == SortOrder::NewestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QSqlQuery query(*dbResult);
    // Only (taken_at, id, deleted_at) are read, which the time indexes hold: no table row is visited.
    prepareFiltered(query,
        QStringLiteral("SELECT taken_at, id FROM (SELECT taken_at, id, row_number() OVER (ORDER BY taken_at %2, id %2) "
                       "AS n FROM snapshots WHERE %1) AS numbered WHERE n % ? = 0 ORDER BY n")
            .replace(QStringLiteral("%2"), direction),
        q, m_dialect.isSqlite());
    query.addBindValue(pageSize);
    if (!query.exec())
        return errorFrom(QStringLiteral("reading page positions"), query);
    QList<PageCursor> ends;
    while (query.next())
        ends.append(PageCursor { query.value(0).toLongLong(), query.value(1).toString() });
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading page positions"), query);
    return ends;
}

Result<SnapshotHeader> SqlSnapshotStore::header(const QString &id)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(
        QStringLiteral("SELECT %1 FROM snapshots WHERE id = %2").arg(HeaderColumns, m_dialect.uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    return readHeader(query);
}

Result<QByteArray> SqlSnapshotStore::rawPayload(const QString &id)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(QStringLiteral("SELECT payload FROM snapshots WHERE id = %1").arg(m_dialect.uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    return query.value(0).toByteArray();
}

Result<Snapshot> SqlSnapshotStore::load(const QString &id)
{
    return loadAt(id, 0);
}

Result<Snapshot> SqlSnapshotStore::loadAt(const QString &id, int depth)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, payload FROM snapshots WHERE id = %2")
                      .arg(HeaderColumns, m_dialect.uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    auto h = readHeader(query);
    if (!h)
        return h.error();
    const QByteArray blob = query.value(HeaderColumnCount).toByteArray();
    query.finish();
    if (Status sealed = SnapshotSeal::check(*h); !sealed)
        return sealed.error();
    // A delta's checksum is that of the state it materializes to, checked there.
    const QString checksum = h->baseId.isEmpty() ? h->checksum : QString();
    auto payload = m_codec.decode(h->codec, blob, h->rawSize, checksum);
    if (!payload && payload.error().code == Error::Code::UnknownDictionary) {
        // Another console or the CLI may have trained it since this store opened.
        if (loadDictionaries())
            payload = m_codec.decode(h->codec, blob, h->rawSize, checksum);
    }
    if (!payload) {
        Error error = payload.error();
        error.message = QStringLiteral("snapshot %1: %2").arg(id, error.message);
        return error;
    }
    if (h->baseId.isEmpty())
        return Snapshot { std::move(h).value(), std::move(payload).value() };
    return materialize(std::move(h).value(), *payload, depth);
}

Result<Snapshot> SqlSnapshotStore::materialize(SnapshotHeader header, const QByteArray &patchBytes, int depth)
{
    const QString &id = header.id;
    const auto broken = [&](const QString &why) {
        return Error { Error::Code::BrokenChain, QStringLiteral("snapshot %1: %2").arg(id, why) };
    };
    // A chain is a few versions long (a keyframe every K); a cycle or a runaway chain is damage.
    if (header.baseId == id)
        return broken(QStringLiteral("its base is itself"));
    if (depth >= MaxChainDepth)
        return broken(QStringLiteral("its chain of deltas is longer than %1 versions").arg(MaxChainDepth));
    auto base = loadAt(header.baseId, depth + 1);
    if (!base) {
        if (base.error().code == Error::Code::NotFound)
            return broken(QStringLiteral("its base %1 is missing").arg(header.baseId));
        Error error = base.error();
        // Said once, by the version asked for: a chain of 64 ("builds on ... builds on ...") made a 72 KB line.
        if (!error.isIntegrityError() || depth > 0)
            return error;
        error.message = QStringLiteral("snapshot %1 builds on a damaged base: %2").arg(id, error.message);
        return error;
    }
    const auto patch = StrictJson::readStored(patchBytes);
    if (!patch || !patch->isArray())
        return broken(QStringLiteral("its stored patch is not a JSON array"));
    auto state = JsonPatch::apply(CanonicalJson::read(base->payload), patch->toArray());
    if (!state || !state->isObject())
        return broken(
            QStringLiteral("its patch does not apply to base %1: %2")
                .arg(header.baseId, state ? QStringLiteral("the result is not an object") : state.error().message));
    QByteArray payload = CanonicalJson::write(state->toObject());
    const QString actual = PayloadCodec::checksumOf(payload);
    if (actual.compare(header.checksum, Qt::CaseInsensitive) != 0)
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral(
                "snapshot %1: checksum mismatch: stored %2, the state materialized from base %3 hashes to %4")
                .arg(id, header.checksum.left(12), header.baseId, actual.left(12)) };
    return Snapshot { std::move(header), std::move(payload) };
}

Result<QList<SnapshotHeader>> SqlSnapshotStore::withSummaryValue(
    const QString &tenant, const QString &kind, const QString &field, const QString &value, Match match, int limit)
{
    // A field name goes into the SQL text (the index is on that expression): only plain names are accepted.
    static const QRegularExpression plainName(QStringLiteral("^[a-z_]+$"));
    if (!plainName.match(field).hasMatch())
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a summary field").arg(field) };
    // The kind too, as a literal: SQLite uses a partial index only when the query names its kind.
    if (!KindRegistry::find(kind))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    if (value.isEmpty())
        return QList<SnapshotHeader> {};
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    const QString expression = m_dialect.isSqlite() ? QStringLiteral("json_extract(summary, '$.%1')").arg(field)
                                                    : QStringLiteral("(summary ->> '%1')").arg(field);
    // A prefix is a range over the same expression, so the index serves it: [value, value with its last
    // character one higher).
    const QString condition = match == Match::Exact ? expression + QStringLiteral(" = ?")
                                                    : QStringLiteral("%1 >= ? AND %1 < ?").arg(expression);
    query.prepare(QStringLiteral("SELECT %1 FROM snapshots WHERE tenant_id = ? AND kind = '%2' AND %3 AND "
                                 "deleted_at IS NULL LIMIT ?")
                      .arg(HeaderColumns, kind, condition));
    query.addBindValue(tenant);
    query.addBindValue(value);
    if (match == Match::Prefix) {
        QString upper = value;
        upper.back() = QChar(upper.back().unicode() + 1);
        query.addBindValue(upper);
    }
    query.addBindValue(qMax(1, limit));
    if (!query.exec())
        return errorFrom(QStringLiteral("finding the %1 snapshots of %2").arg(kind, value), query);
    // Sorted here: an ORDER BY would have SQLite read the kind's time index instead of the expression index.
    return readHeaders(query, true);
}

Result<QList<EntitySummary>> SqlSnapshotStore::entities(
    const QString &tenant, const QString &kind, const QString &prefix, int limit)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QString sql
        = QStringLiteral("SELECT entity_id, COUNT(*), MAX(taken_at) FROM snapshots WHERE tenant_id = ? AND kind = ? "
                         "AND deleted_at IS NULL");
    // The entity prefix as the timeline's filter reads it: in any case.
    QStringList where;
    QVariantList values;
    if (!prefix.isEmpty())
        appendEntityPrefix(prefix, m_dialect.isSqlite(), where, values);
    for (const QString &term : std::as_const(where))
        sql += QStringLiteral(" AND ") + term;
    sql += QStringLiteral(" GROUP BY entity_id ORDER BY entity_id LIMIT ?");
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(tenant);
    query.addBindValue(kind);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(qBound(1, limit, 1000000));
    if (!query.exec())
        return errorFrom(QStringLiteral("listing entities"), query);
    QList<EntitySummary> result;
    while (query.next())
        result.append({ query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong() });
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("listing entities"), query);
    return result;
}

Status SqlSnapshotStore::audit(QSqlDatabase &db, const QString &tenant, const QString &actor, const QString &action,
    const QString &target, const QJsonObject &details, const QString &outcome)
{
    AuditEntry entry;
    entry.tenant = tenant;
    entry.actor = actor;
    entry.action = action;
    entry.target = target;
    entry.details = details;
    entry.outcome = outcome;
    return m_maintenance.writeAudit(db, entry);
}

Status SqlSnapshotStore::writeTransaction(const std::function<Status(QSqlDatabase &db, AuditEntry &audit)> &work)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_dialect.beginWrite(db); !begun)
        return begun.error();
    AuditEntry entry;
    Status status = work(db, entry);
    if (status && !entry.action.isEmpty())
        status = m_maintenance.writeAudit(db, entry);
    if (!status) {
        db.rollback();
        return status;
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return {};
}

Status SqlSnapshotStore::setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor)
{
    auto h = header(id);
    if (!h)
        return h.error();
    if (pinned && reason.trimmed().isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("pinning (legal hold) needs a reason") };
    return writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET pinned = ?, pin_reason = ? WHERE id = %1")
                          .arg(m_dialect.uuidParameter()));
        query.addBindValue(pinned);
        query.addBindValue(pinned ? QVariant(reason) : QVariant(QMetaType::fromType<QString>()));
        query.addBindValue(h->id);
        if (!query.exec())
            return errorFrom(QStringLiteral("pinning %1").arg(id), query);
        audit.tenant = h->tenant;
        audit.actor = actor;
        audit.action = pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
        audit.target = h->id;
        audit.details = { { QStringLiteral("reason"), reason }, { QStringLiteral("kind"), h->kind },
            { QStringLiteral("entity_id"), h->entityId }, { QStringLiteral("version"), h->version } };
        return {};
    });
}

Status SqlSnapshotStore::setPinned(
    const QStringList &ids, bool pinned, const QString &reason, const QString &actor, const QString &target)
{
    if (ids.isEmpty())
        return {};
    if (pinned && reason.trimmed().isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("a legal hold needs a reason") };
    auto first = header(ids.first());
    if (!first)
        return first.error();
    return writeTransaction([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET pinned = ?, pin_reason = ? WHERE id = %1 AND tenant_id = ?")
                          .arg(m_dialect.uuidParameter()));
        for (const QString &id : ids) {
            query.addBindValue(pinned);
            query.addBindValue(pinned ? QVariant(reason) : QVariant(QMetaType::fromType<QString>()));
            query.addBindValue(id);
            query.addBindValue(first->tenant);
            if (!query.exec())
                return errorFrom(QStringLiteral("pinning %1").arg(id), query);
            if (query.numRowsAffected() != 1)
                return Error { Error::Code::NotFound,
                    QStringLiteral("no snapshot %1 in tenant %2: nothing was pinned").arg(id, first->tenant) };
        }
        audit.tenant = first->tenant;
        audit.actor = actor;
        audit.action = pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
        audit.target = target;
        audit.details = { { QStringLiteral("reason"), reason }, { QStringLiteral("count"), ids.size() },
            { QStringLiteral("snapshot_ids"), QJsonArray::fromStringList(ids) } };
        return {};
    });
}

Status SqlSnapshotStore::discardEverything(const AuditEntry &why)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &database = *dbResult;
    QStringList tables;
    {
        QSqlQuery query(database);
        if (!query.exec(m_dialect.listTablesSql()))
            return errorFrom(QStringLiteral("listing the tables"), query);
        while (query.next()) {
            if (const QString name = query.value(0).toString(); name != u"schema_migrations" && name != u"audit_log")
                tables.append(name);
        }
        if (SqlValues::failedReading(query))
            return errorFrom(QStringLiteral("listing the tables"), query);
    }
    if (Status begun = m_dialect.beginWrite(database); !begun)
        return begun.error();
    QSqlQuery query(database);
    const auto failed = [&](const QString &table) {
        const Error error = errorFrom(QStringLiteral("emptying %1").arg(table), query);
        query.finish();
        database.rollback();
        return error;
    };
    if (m_dialect.isSqlite()) {
        // Foreign keys are checked at the commit, when every table is empty.
        if (!query.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
            return failed(QStringLiteral("the tables"));
        for (const QString &table : std::as_const(tables)) {
            if (!query.exec(QStringLiteral("DELETE FROM \"%1\"").arg(table)))
                return failed(table);
        }
    } else {
        QStringList quoted;
        for (const QString &table : std::as_const(tables))
            quoted.append(u'"' + table + u'"');
        if (!tables.isEmpty() && !query.exec(QStringLiteral("TRUNCATE %1").arg(quoted.join(u','))))
            return failed(QStringLiteral("the tables"));
    }
    query.finish();
    if (Status written = m_maintenance.writeAudit(database, why); !written) {
        database.rollback();
        return written.error();
    }
    if (!database.commit()) {
        const Error error { Error::Code::Database,
            QStringLiteral("emptying the tables: %1").arg(database.lastError().text()) };
        database.rollback();
        return error;
    }
    return {};
}

Status SqlSnapshotStore::sealPending()
{
    // Few or no rows: the partial index holds only the pending ones. Each batch is one transaction, so an
    // interrupted open leaves whole batches and the next open goes on.
    constexpr int Batch = 5000;
    while (true) {
        auto dbResult = db();
        if (!dbResult)
            return dbResult.error();
        QSqlDatabase &database = *dbResult;
        if (Status begun = m_dialect.beginWrite(database); !begun)
            return begun.error();
        const auto failed = [&](const QString &what, const QSqlQuery &q) {
            const Error error = errorFrom(what, q);
            database.rollback();
            return error;
        };
        QList<SnapshotHeader> pending;
        {
            QSqlQuery query(database);
            query.setForwardOnly(true);
            if (!query.exec(QStringLiteral("SELECT id, tenant_id, kind, entity_id, taken_at, checksum FROM snapshots "
                                           "WHERE seal = 'pending' LIMIT %1")
                                .arg(Batch)))
                return failed(QStringLiteral("finding the snapshots to seal"), query);
            while (query.next()) {
                SnapshotHeader h;
                h.id = query.value(0).toString();
                h.tenant = query.value(1).toString();
                h.kind = query.value(2).toString();
                h.entityId = query.value(3).toString();
                h.takenAt = query.value(4).toLongLong();
                h.checksum = query.value(5).toString();
                pending.append(std::move(h));
            }
            if (SqlValues::failedReading(query))
                return failed(QStringLiteral("finding the snapshots to seal"), query);
        }
        QSqlQuery update(database);
        update.prepare(QStringLiteral("UPDATE snapshots SET seal = ? WHERE id = %1").arg(m_dialect.uuidParameter()));
        for (const SnapshotHeader &h : std::as_const(pending)) {
            // A row with no checksum is sealed too; SnapshotSeal::check still calls it damage.
            update.addBindValue(SnapshotSeal::of(h));
            update.addBindValue(h.id);
            if (!update.exec())
                return failed(QStringLiteral("sealing snapshot %1").arg(h.id), update);
        }
        update.finish();
        if (!database.commit()) {
            const Error error { Error::Code::Database,
                QStringLiteral("sealing snapshots: %1").arg(database.lastError().text()) };
            database.rollback();
            return error;
        }
        if (pending.size() < Batch)
            return {};
    }
}

Status SqlSnapshotStore::resummarize(const QString &kind)
{
    const KindInfo *info = KindRegistry::find(kind);
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QStringList ids;
    {
        QSqlQuery query(*dbResult);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id FROM snapshots WHERE kind = ?"));
        query.addBindValue(kind);
        if (!query.exec())
            return errorFrom(QStringLiteral("listing the %1 snapshots").arg(kind), query);
        while (query.next())
            ids.append(query.value(0).toString());
        if (SqlValues::failedReading(query))
            return errorFrom(QStringLiteral("listing the %1 snapshots").arg(kind), query);
    }
    // In batches, each in one transaction; a payload that no longer verifies keeps its summary.
    constexpr qsizetype Batch = 2000;
    for (qsizetype first = 0; first < ids.size(); first += Batch) {
        QList<std::pair<QString, QString>> updates;
        for (const QString &id : ids.mid(first, Batch)) {
            auto loaded = load(id);
            if (!loaded)
                continue;
            updates.append({ id, compactJson(info->summarize(CanonicalJson::read(loaded->payload))) });
        }
        auto dbAgain = db();
        if (!dbAgain)
            return dbAgain.error();
        QSqlDatabase &database = *dbAgain;
        if (!database.transaction())
            return Error { Error::Code::Database, database.lastError().text() };
        QSqlQuery update(database);
        update.prepare(QStringLiteral("UPDATE snapshots SET summary = %1 WHERE id = %2")
                           .arg(m_dialect.jsonParameter(), m_dialect.uuidParameter()));
        for (const auto &[id, summary] : std::as_const(updates)) {
            update.addBindValue(summary);
            update.addBindValue(id);
            if (!update.exec()) {
                const Error error = errorFrom(QStringLiteral("updating the summary of %1").arg(id), update);
                database.rollback();
                return error;
            }
        }
        if (!database.commit())
            return Error { Error::Code::Database, database.lastError().text() };
    }
    return {};
}

Result<QList<KindStats>> SqlSnapshotStore::kindStats(const QString &tenant)
{
    return readKindStats(tenant, true);
}

Result<QList<KindStats>> SqlSnapshotStore::kindCounts(const QString &tenant)
{
    return readKindStats(tenant, false);
}

Result<QList<KindStats>> SqlSnapshotStore::readKindStats(const QString &tenant, bool withSizes)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    // Without the sizes, every column read is in snapshots_kind_time: the table itself is not touched.
    QString sql = withSizes ? QStringLiteral(
                      "SELECT kind, COUNT(*), SUM(raw_size), SUM(stored_size) FROM snapshots WHERE deleted_at IS NULL")
                            : QStringLiteral("SELECT kind, COUNT(*), 0, 0 FROM snapshots WHERE deleted_at IS NULL");
    if (!tenant.isEmpty())
        sql += QStringLiteral(" AND tenant_id = ?");
    sql += QStringLiteral(" GROUP BY kind ORDER BY kind");
    query.prepare(sql);
    if (!tenant.isEmpty())
        query.addBindValue(tenant);
    if (!query.exec())
        return errorFrom(QStringLiteral("reading storage statistics"), query);
    QList<KindStats> result;
    while (query.next())
        result.append({ query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
            query.value(3).toLongLong(), withSizes });
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading storage statistics"), query);
    return result;
}

Result<QList<Tenant>> SqlSnapshotStore::tenants()
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    if (!query.exec(QStringLiteral("SELECT id, name, business_time_zone, currency FROM tenants ORDER BY id")))
        return errorFrom(QStringLiteral("reading tenants"), query);
    QList<Tenant> result;
    while (query.next())
        result.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString() });
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading tenants"), query);
    return result;
}

Status SqlSnapshotStore::putTenant(const Tenant &tenant)
{
    const QTimeZone zone(tenant.businessTimeZone.toUtf8());
    if (!zone.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("unknown time zone \"%1\"").arg(tenant.businessTimeZone) };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(QStringLiteral("INSERT INTO tenants (id, name, business_time_zone, currency) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET name = excluded.name, business_time_zone = "
                                 "excluded.business_time_zone, currency = excluded.currency"));
    query.addBindValue(tenant.id);
    query.addBindValue(tenant.name);
    query.addBindValue(tenant.businessTimeZone);
    query.addBindValue(tenant.currency);
    if (!query.exec())
        return errorFrom(QStringLiteral("writing tenant %1").arg(tenant.id), query);
    QMutexLocker locker(&m_mutex);
    m_tenantZones.insert(tenant.id, zone);
    m_lastBusinessDay.remove(tenant.id);
    return {};
}

namespace {

// Runs `bind` for every row inside one transaction with one prepared statement.
template <typename Row, typename Bind>
Status insertRows(QSqlDatabase &db, const QString &sql, const QList<Row> &rows, const QString &what, Bind bind)
{
    if (rows.isEmpty())
        return {};
    if (!db.transaction())
        return Error { Error::Code::Database, db.lastError().text() };
    QSqlQuery query(db);
    query.prepare(sql);
    for (const Row &row : rows) {
        bind(query, row);
        if (!query.exec()) {
            const Error error { Error::Code::Database,
                QStringLiteral("writing %1: %2").arg(what, query.lastError().text()) };
            query = QSqlQuery();
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return {};
}

} // namespace

Status SqlSnapshotStore::appendEvents(const QList<EventRecord> &events)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    return insertRows(*dbResult,
        QStringLiteral(
            "INSERT INTO events (tenant_id, aggregate_id, seq, type, occurred_at, data) VALUES (?, ?, ?, ?, ?, ?)"),
        events, QStringLiteral("events"), [](QSqlQuery &query, const EventRecord &e) {
            query.addBindValue(e.tenant);
            query.addBindValue(e.aggregateId);
            query.addBindValue(e.seq);
            query.addBindValue(e.type);
            query.addBindValue(e.occurredAt);
            query.addBindValue(compactJson(e.data));
        });
}

Status SqlSnapshotStore::putStockLevels(const QList<StockLevel> &levels)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    return insertRows(*dbResult,
        QStringLiteral(
            "INSERT INTO stock_levels (tenant_id, store_code, item_code, name, quantity, minimum_quantity, "
            "reorder_point, reorder_quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
            "(tenant_id, store_code, item_code) DO UPDATE SET name = excluded.name, quantity = excluded.quantity, "
            "minimum_quantity = excluded.minimum_quantity, reorder_point = excluded.reorder_point, "
            "reorder_quantity = excluded.reorder_quantity, updated_at = excluded.updated_at"),
        levels, QStringLiteral("stock levels"), [](QSqlQuery &query, const StockLevel &s) {
            query.addBindValue(s.tenant);
            query.addBindValue(s.storeCode);
            query.addBindValue(s.itemCode);
            query.addBindValue(s.name);
            query.addBindValue(s.quantity);
            query.addBindValue(s.minimumQuantity);
            query.addBindValue(s.reorderPoint);
            query.addBindValue(s.reorderQuantity);
            query.addBindValue(s.updatedAt);
        });
}

Status SqlSnapshotStore::appendInventoryTransactions(const QList<InventoryTransaction> &transactions)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    return insertRows(*dbResult,
        QStringLiteral(
            "INSERT INTO inventory_transactions (id, tenant_id, store_code, product_id, type, quantity, reason, "
            "reference_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        transactions, QStringLiteral("inventory transactions"), [](QSqlQuery &query, const InventoryTransaction &t) {
            query.addBindValue(t.id);
            query.addBindValue(t.tenant);
            query.addBindValue(t.storeCode);
            query.addBindValue(t.productId);
            query.addBindValue(t.type);
            query.addBindValue(t.quantity);
            query.addBindValue(nullIfEmpty(t.reason));
            query.addBindValue(nullIfEmpty(t.referenceId));
            query.addBindValue(t.occurredAt);
        });
}

Result<QList<QByteArray>> SqlSnapshotStore::samplePayloads(const QString &kind, int limit)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    // Spread the sample over the kind's history rather than taking only the newest rows. A delta key samples the
    // kind's stored patches; a kind, its full documents.
    const bool deltas = PayloadCodec::isDeltaKey(kind);
    query.prepare(QStringLiteral("SELECT id, codec, raw_size, payload FROM snapshots WHERE kind = ? AND deleted_at IS "
                                 "NULL AND base_id IS %1 ORDER BY checksum LIMIT ?")
                      .arg(deltas ? QStringLiteral("NOT NULL") : QStringLiteral("NULL")));
    query.addBindValue(PayloadCodec::kindOfKey(kind));
    query.addBindValue(qBound(1, limit, 100000));
    if (!query.exec())
        return errorFrom(QStringLiteral("sampling %1 payloads").arg(kind), query);
    QStringList ids;
    QList<QByteArray> samples;
    while (query.next()) {
        if (deltas) {
            auto patch = m_codec.decode(
                query.value(1).toString(), query.value(3).toByteArray(), query.value(2).toLongLong(), QString());
            if (patch) // a corrupt one is no sample; verify reports it
                samples.append(*patch);
        } else {
            ids.append(query.value(0).toString());
        }
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("sampling %1 payloads").arg(kind), query);
    query.finish();
    samples.reserve(samples.size() + ids.size());
    for (const QString &id : std::as_const(ids)) {
        auto snapshot = load(id);
        if (snapshot) // a corrupt snapshot is no sample; verify reports it
            samples.append(snapshot->payload);
    }
    return samples;
}

Result<int> SqlSnapshotStore::addDictionary(const QString &kind, const QByteArray &bytes, int sampleCount)
{
    if (!KindRegistry::find(PayloadCodec::kindOfKey(kind)))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_dialect.beginWrite(db); !begun)
        return begun.error();
    QSqlQuery next(db);
    if (!next.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM zstd_dictionaries")) || !next.next()) {
        const Error error = errorFrom(QStringLiteral("allocating a dictionary id"), next);
        db.rollback();
        return error;
    }
    const int id = next.value(0).toInt();
    next.finish();
    QSqlQuery deactivate(db);
    deactivate.prepare(QStringLiteral("UPDATE zstd_dictionaries SET active = ? WHERE kind = ?"));
    deactivate.addBindValue(false);
    deactivate.addBindValue(kind);
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO zstd_dictionaries (id, kind, created_at, sample_count, size, dict, active, "
                       "checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(kind);
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    insert.addBindValue(sampleCount);
    insert.addBindValue(bytes.size());
    insert.addBindValue(bytes);
    insert.addBindValue(true);
    insert.addBindValue(PayloadCodec::dictionaryChecksum(id, kind, bytes));
    if (!deactivate.exec() || !insert.exec()) {
        const Error error
            = errorFrom(QStringLiteral("storing the dictionary"), insert.lastError().isValid() ? insert : deactivate);
        db.rollback();
        return error;
    }
    const QJsonObject details { { QStringLiteral("kind"), kind }, { QStringLiteral("size"), bytes.size() },
        { QStringLiteral("samples"), sampleCount } };
    if (Status status
        = audit(db, QString(), QStringLiteral("system"), QStringLiteral("dict_train"), QString::number(id), details);
        !status) {
        db.rollback();
        return status.error();
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    if (Status status = m_codec.addDictionary({ id, kind, bytes }, true); !status)
        return status.error();
    return id;
}

Result<QList<DictionaryInfo>> SqlSnapshotStore::dictionaries()
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    if (!query.exec(QStringLiteral(
            "SELECT id, kind, created_at, sample_count, size, active FROM zstd_dictionaries ORDER BY id")))
        return errorFrom(QStringLiteral("reading dictionaries"), query);
    QList<DictionaryInfo> result;
    while (query.next()) {
        result.append({ query.value(0).toInt(), query.value(1).toString(), query.value(2).toLongLong(),
            query.value(3).toInt(), query.value(4).toInt(), query.value(5).toBool() });
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading dictionaries"), query);
    return result;
}

Result<QList<InventoryPoint>> SqlSnapshotStore::inventorySeries(const InventorySeriesQuery &q)
{
    if (q.tenant.isEmpty() || !q.from.isValid() || !q.to.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("an inventory series needs a tenant and a date range") };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    const SqlDialect &d = m_dialect;
    QStringList where { QStringLiteral("tenant_id = ?"), QStringLiteral("day >= %1").arg(d.dateParameter()),
        QStringLiteral("day <= %1").arg(d.dateParameter()) };
    QVariantList values { q.tenant, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate) };
    if (!q.storeCode.isEmpty()) {
        where << QStringLiteral("store_code = ?");
        values << q.storeCode;
    }
    if (!q.productId.isEmpty()) {
        where << QStringLiteral("product_id = ?");
        values << q.productId;
    } else if (q.topN > 0) {
        // The N products with the largest stock value on the last day of the range that has data.
        where << QStringLiteral("product_id IN (SELECT product_id FROM daily_inventory WHERE tenant_id = ?%1 AND day = "
                                "(SELECT MAX(day) FROM daily_inventory WHERE tenant_id = ? AND day <= %2) "
                                "GROUP BY product_id ORDER BY SUM(total_value) DESC, product_id LIMIT %3)")
                     .arg(q.storeCode.isEmpty() ? QString() : QStringLiteral(" AND store_code = ?"), d.dateParameter())
                     .arg(q.topN);
        values << q.tenant;
        if (!q.storeCode.isEmpty())
            values << q.storeCode;
        values << q.tenant << q.to.toString(Qt::ISODate);
    }
    // Days first (summed over the products and stores chosen), then periods: the first day's opening, the last
    // day's closing and value, the flows summed.
    const QString sql = QStringLiteral(
        "WITH days AS (SELECT day, SUM(opening) AS opening, SUM(closing) AS closing, SUM(inbound) AS inbound, "
        "SUM(outbound) AS outbound, SUM(adjustments) AS adjustments, SUM(total_value) AS total_value "
        "FROM %3 WHERE %1 GROUP BY day), "
        "ranked AS (SELECT %2 AS period, days.*, "
        "ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY day) AS first_day, "
        "ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY day DESC) AS last_day FROM days) "
        "SELECT period, SUM(CASE WHEN first_day = 1 THEN opening END), SUM(CASE WHEN last_day = 1 THEN closing END), "
        "SUM(inbound), SUM(outbound), SUM(adjustments), SUM(CASE WHEN last_day = 1 THEN total_value END) "
        "FROM ranked GROUP BY period ORDER BY period")
                            .arg(where.join(QStringLiteral(" AND ")),
                                d.periodStart(QStringLiteral("day"), q.granularity),
                                // Every product: the per-store day sums (2,190 rows for two years of 3 stores)
                                // instead of the facts (1.1 million).
                                q.productId.isEmpty() && q.topN <= 0 ? QStringLiteral("inventory_store_days")
                                                                     : QStringLiteral("daily_inventory"));
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return errorFrom(QStringLiteral("reading the inventory series"), query);
    QList<InventoryPoint> points;
    while (query.next()) {
        InventoryPoint p;
        p.period = query.value(0).toDate();
        p.opening = query.value(1).toLongLong();
        p.closing = query.value(2).toLongLong();
        p.inbound = query.value(3).toLongLong();
        p.outbound = query.value(4).toLongLong();
        p.adjustments = query.value(5).toLongLong();
        p.totalValue = query.value(6).toDouble();
        p.hasData = true;
        points.append(p);
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading the inventory series"), query);
    return points;
}

Result<QList<ChatPoint>> SqlSnapshotStore::chatSeries(const ChatSeriesQuery &q)
{
    if (q.tenant.isEmpty() || !q.from.isValid() || !q.to.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("a chat series needs a tenant and a date range") };
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    const SqlDialect &d = m_dialect;
    QStringList where { QStringLiteral("tenant_id = ?"), QStringLiteral("snapshot_type = ?"),
        QStringLiteral("business_day >= %1").arg(d.dateParameter()),
        QStringLiteral("business_day <= %1").arg(d.dateParameter()) };
    QVariantList values { q.tenant, q.snapshotType, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate) };
    if (!q.platform.isEmpty()) {
        where << QStringLiteral("platform = ?");
        values << q.platform;
    }
    if (q.humanHandoff) {
        where << QStringLiteral("human_handoff = ?");
        values << *q.humanHandoff;
    }
    const QString period = d.periodStart(QStringLiteral("business_day"), q.granularity);
    // From the day sums of migration 0002; an average is its sum over its count, as AVG would compute it.
    const QString sql = QStringLiteral(
        "SELECT %1 AS period, SUM(conversations), SUM(converted), "
        "SUM(order_value_sum) / NULLIF(SUM(order_value_count), 0), SUM(duration_sum) / NULLIF(SUM(duration_count), 0), "
        "SUM(satisfaction_sum) / NULLIF(SUM(satisfaction_count), 0), "
        "SUM(CASE WHEN platform = 'line' THEN conversations ELSE 0 END), "
        "SUM(CASE WHEN platform = 'facebook' THEN conversations ELSE 0 END), "
        "SUM(CASE WHEN platform = 'whatsapp' THEN conversations ELSE 0 END) "
        "FROM chat_days WHERE %2 GROUP BY period ORDER BY period")
                            .arg(period, where.join(QStringLiteral(" AND ")));
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return errorFrom(QStringLiteral("reading the chat series"), query);
    const auto optional = [](const QVariant &v) { return v.isNull() ? std::optional<double>() : v.toDouble(); };
    QList<ChatPoint> points;
    while (query.next()) {
        ChatPoint p;
        p.period = query.value(0).toDate();
        p.conversations = query.value(1).toLongLong();
        p.converted = query.value(2).toLongLong();
        p.averageOrderValue = optional(query.value(3));
        p.averageDurationS = optional(query.value(4));
        p.averageSatisfaction = optional(query.value(5));
        p.line = query.value(6).toLongLong();
        p.facebook = query.value(7).toLongLong();
        p.whatsapp = query.value(8).toLongLong();
        p.hasData = true;
        points.append(p);
    }
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("reading the chat series"), query);
    return points;
}

Result<InventoryCatalogue> SqlSnapshotStore::inventoryCatalogue(const QString &tenant)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    InventoryCatalogue catalogue;
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT DISTINCT store_code FROM inventory_store_days WHERE tenant_id = ? ORDER BY store_code"));
    query.addBindValue(tenant);
    if (!query.exec())
        return errorFrom(QStringLiteral("listing the inventory's stores"), query);
    while (query.next())
        catalogue.stores << query.value(0).toString();
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("listing the inventory's stores"), query);
    // One index seek per product (daily_inventory_product) instead of a DISTINCT over every fact row.
    query.prepare(QStringLiteral("WITH RECURSIVE products(id) AS ("
                                 "SELECT MIN(product_id) FROM daily_inventory WHERE tenant_id = ? "
                                 "UNION ALL SELECT (SELECT MIN(product_id) FROM daily_inventory WHERE tenant_id = ? "
                                 "AND product_id > products.id) "
                                 "FROM products WHERE products.id IS NOT NULL) "
                                 "SELECT id FROM products WHERE id IS NOT NULL"));
    query.addBindValue(tenant);
    query.addBindValue(tenant);
    if (!query.exec())
        return errorFrom(QStringLiteral("listing the inventory's products"), query);
    while (query.next())
        catalogue.products << query.value(0).toString();
    if (SqlValues::failedReading(query))
        return errorFrom(QStringLiteral("listing the inventory's products"), query);
    return catalogue;
}
