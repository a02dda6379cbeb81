#include "sqlsnapshotstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "store/migrator.h"
#include "store/sqlchartfacts.h"
#include "store/sqlingesttransaction.h"
#include "json/canonicaljson.h"

using SqlValues::compactJson;

namespace {

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

} // namespace

SqlSnapshotStore::SqlSnapshotStore(const ConnectionSpec &spec)
    : m_sql(spec)
{ }

SqlSnapshotStore::~SqlSnapshotStore()
{
    // The workers use the connections; m_sql removes them once they are idle.
    m_workers.waitForDone();
    m_background.waitForDone();
}

Result<std::unique_ptr<SqlSnapshotStore>> SqlSnapshotStore::open(const ConnectionSpec &spec, const OpenOptions &options)
{
    std::unique_ptr<SqlSnapshotStore> store(new SqlSnapshotStore(spec));
    store->m_sql.setPrivateBulkLoad(options.privateBulkLoad && spec.backend == ConnectionSpec::Backend::SQLite);
    const Migrator migrator(store->m_sql.dialect());

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
            const bool immutable = !folder.isWritable();
            // Immutable means the -wal file is not read: what was committed into it since the last checkpoint would
            // be missing without a word (a store "verified" short). Refused instead, with the way out.
            if (const QFileInfo wal(spec.sqlitePath + QStringLiteral("-wal")); immutable && wal.size() > 0)
                return Error { Error::Code::Io,
                    QStringLiteral("%1 has changes in %2 that cannot be read while its folder is not writable "
                                   "(SQLite needs to put its -shm file there): open it once where the folder is "
                                   "writable, or copy both files to one that is")
                        .arg(spec.sqlitePath, wal.fileName()) };
            store->m_sql.setReadOnly(!info.isWritable(), immutable);
            // Inspect read-only first, so a foreign or newer database is refused without a byte written.
            const QString probeName = store->m_sql.uniqueName(QStringLiteral("probe"));
            Result<int> inspected = Error { Error::Code::Database, QString() };
            {
                auto probe = store->m_sql.openConnection(probeName, true);
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
            if (store->m_sql.isReadOnly() && *inspected != migrator.latestVersion()) {
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
            // A local file is its owner's alone (DESIGN §10): made readable by nobody else before SQLite writes a
            // byte to it (its -wal and -shm files take the same mode). Not truncated: another process starting at
            // the same moment may have made it already.
            QFile file(spec.sqlitePath);
            if (!file.open(QIODevice::ReadWrite)
                || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return Error { Error::Code::Io,
                    QStringLiteral("cannot create %1: %2").arg(spec.sqlitePath, file.errorString()) };
        }
    }

    Result<int> migrated = sqliteVersion;
    int before = sqliteVersion;
    if (!store->m_sql.isReadOnly()) {
        auto db = store->m_sql.db();
        if (!db)
            return db.error();
        const bool postgres = !store->m_sql.dialect().isSqlite();
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
    if (!migrated && migrated.error().code != Error::Code::SchemaTooNew) {
        if (Status explained = store->m_access.explainRefusal(migrated.error()); !explained)
            migrated = explained.error();
    }
    if (!migrated) {
        Error error = migrated.error();
        error.message = spec.displayName() + QStringLiteral(": ") + error.message;
        return error;
    }
    store->m_schemaVersion = *migrated;
    if (store->m_sql.isPrivateBulkLoad()) {
        if (Status status = store->deferIndexes(); !status)
            return status.error();
    }
    // Who the login is comes first: a login with no role is told so, not refused a table.
    if (Status status = store->m_access.load(); !status) {
        Error error = status.error();
        error.message = spec.displayName() + QStringLiteral(": ") + error.message;
        return error;
    }
    if (Status status = store->m_tenants.load(); !status)
        return status.error();
    if (Status status = store->m_kinds.load(*migrated); !status)
        return status.error();
    if (Status status = store->m_dictionaries.load(*migrated); !status)
        return status.error();
    if (*migrated >= 8 && !store->m_sql.isReadOnly()) {
        if (Status status = store->sealPending(); !status)
            return status.error();
    }
    if (before > 0 && before < 6 && *migrated >= 6 && !store->m_sql.isReadOnly()) {
        // Version 6 searches orders by the customer's phone, a summary field older orders lack.
        if (Status status = store->resummarize(QStringLiteral("order")); !status)
            return status.error();
    }
    store->m_sql.release();
    return store;
}

Status SqlSnapshotStore::deferIndexes()
{
    // Unique indexes stay: they enforce constraints, and putBatch looks up the latest version through one.
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    // (sql is NULL for the indexes SQLite makes itself for PRIMARY KEY and UNIQUE constraints.)
    if (!query.exec(
            QStringLiteral("SELECT m.name, m.sql FROM sqlite_master AS m "
                           "JOIN pragma_index_list(m.tbl_name) AS i ON i.name = m.name "
                           "WHERE m.type = 'index' AND m.sql IS NOT NULL AND NOT i.\"unique\" ORDER BY m.name")))
        return m_sql.errorFrom(QStringLiteral("listing indexes"), query);
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
        m_deferredIndexes.append(query.value(1).toString());
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("listing indexes"), query);
    query.finish();
    for (const QString &name : std::as_const(names)) {
        if (!query.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name)))
            return m_sql.errorFrom(QStringLiteral("deferring index %1").arg(name), query);
    }
    return {};
}

Status SqlSnapshotStore::finishBulkLoad()
{
    if (m_deferredIndexes.isEmpty())
        return {};
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    for (const QString &sql : std::as_const(m_deferredIndexes)) {
        if (!query.exec(sql))
            return m_sql.errorFrom(QStringLiteral("building an index"), query);
    }
    m_deferredIndexes.clear();
    // The charts' day sums, from all the facts at once.
    return SqlChartFacts::sumAllDays(m_sql, query);
}

Result<std::unique_ptr<IngestTransaction>> SqlSnapshotStore::beginIngest()
{
    if (m_sql.isReadOnly())
        return Error { Error::Code::Invalid,
            QStringLiteral("the store %1 is open read-only: nothing can be ingested").arg(m_sql.spec().displayName()) };
    auto existing = m_tenants.tenants();
    if (!existing)
        return existing.error();
    auto db = m_sql.db();
    if (!db)
        return db.error();
    if (Status begun = m_sql.dialect().beginWrite(*db); !begun)
        return begun.error();
    return std::unique_ptr<IngestTransaction>(
        std::make_unique<SqlIngestTransaction>(m_sql, m_tenants, m_writer, *db, *existing));
}

Result<SnapshotHeader> SqlSnapshotStore::put(const NewSnapshot &snapshot)
{
    auto written = putBatch({ snapshot });
    if (!written)
        return written.error();
    return written->constFirst();
}

Status SqlSnapshotStore::discardEverything(const AuditEntry &why)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &database = *dbResult;
    QStringList tables;
    {
        QSqlQuery query(database);
        if (!query.exec(m_sql.dialect().listTablesSql()))
            return m_sql.errorFrom(QStringLiteral("listing the tables"), query);
        while (query.next()) {
            if (const QString name = query.value(0).toString(); name != u"schema_migrations" && name != u"audit_log")
                tables.append(name);
        }
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("listing the tables"), query);
    }
    if (Status begun = m_sql.dialect().beginWrite(database); !begun)
        return begun.error();
    QSqlQuery query(database);
    const auto failed = [&](const QString &table) {
        const Error error = m_sql.errorFrom(QStringLiteral("emptying %1").arg(table), query);
        query.finish();
        database.rollback();
        return error;
    };
    if (m_sql.dialect().isSqlite()) {
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
    if (Status written = m_sql.appendAudit(database, why); !written) {
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
        auto dbResult = m_sql.db();
        if (!dbResult)
            return dbResult.error();
        QSqlDatabase &database = *dbResult;
        if (Status begun = m_sql.dialect().beginWrite(database); !begun)
            return begun.error();
        const auto failed = [&](const QString &what, const QSqlQuery &q) {
            const Error error = m_sql.errorFrom(what, q);
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
        update.prepare(
            QStringLiteral("UPDATE snapshots SET seal = ? WHERE id = %1").arg(m_sql.dialect().uuidParameter()));
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
    const KindDefinition *info = KindRegistry::find(kind);
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QStringList ids;
    {
        QSqlQuery query(*dbResult);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id FROM snapshots WHERE kind = ?"));
        query.addBindValue(kind);
        if (!query.exec())
            return m_sql.errorFrom(QStringLiteral("listing the %1 snapshots").arg(kind), query);
        while (query.next())
            ids.append(query.value(0).toString());
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("listing the %1 snapshots").arg(kind), query);
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
        auto dbAgain = m_sql.db();
        if (!dbAgain)
            return dbAgain.error();
        QSqlDatabase &database = *dbAgain;
        if (!database.transaction())
            return Error { Error::Code::Database, database.lastError().text() };
        QSqlQuery update(database);
        update.prepare(QStringLiteral("UPDATE snapshots SET summary = %1 WHERE id = %2")
                           .arg(m_sql.dialect().jsonParameter(), m_sql.dialect().uuidParameter()));
        for (const auto &[id, summary] : std::as_const(updates)) {
            update.addBindValue(summary);
            update.addBindValue(id);
            if (!update.exec()) {
                const Error error = m_sql.errorFrom(QStringLiteral("updating the summary of %1").arg(id), update);
                database.rollback();
                return error;
            }
        }
        if (!database.commit())
            return Error { Error::Code::Database, database.lastError().text() };
    }
    return {};
}
