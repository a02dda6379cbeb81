#include "sqlsnapshotstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "store/migrator.h"
#include "store/sqlchartfacts.h"
#include "store/sqlingesttransaction.h"
#include "json/canonicaljson.h"
#include "json/jsonpatch.h"
#include "json/jsonpointer.h"
#include "json/strictjson.h"

using SqlValues::compactJson;
using SqlValues::nullIfEmpty;

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
    store->m_personal.setSchemaVersion(options.keepPersonalApart ? *migrated : 0);
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
    if (!options.keepPersonalApart && !store->m_sql.isSqlite() && *migrated >= 16 && store->m_access.session().owner) {
        // Rows written whole on a store that keeps them apart (a test's store as SnapScope wrote before schema 15):
        // guarded as migration 16 guards such rows until they are converted.
        auto guarded = store->m_sql.first(QStringLiteral("guarding rows written whole"),
            QStringLiteral("SELECT snapscope_guard_unconverted(true)"), {});
        if (!guarded)
            return guarded.error();
        guarded->finish();
    }
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
            if (!query.exec(
                    QStringLiteral("SELECT id, tenant_id, kind, entity_id, taken_at, checksum, withheld_checksum "
                                   "FROM snapshots WHERE seal = 'pending' LIMIT %1")
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
                h.withheldChecksum = query.value(6).toString(); // a row kept apart: seal version 2 (migration 16)
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

Result<QJsonValue> SqlSnapshotStore::revealPersonal(
    const QString &id, const QString &field, const QString &actor, const QString &where)
{
    auto h = m_reader.header(id);
    if (!h)
        return h.error();
    if (Status allowed = m_access.require(Access::Action::RevealPersonal); !allowed)
        return allowed.error();
    if (!h->withheldChecksum.isEmpty())
        return m_personal.reveal(h->id, field, where);
    // Stored whole (a local file, or a row not converted yet): read here, and recorded before it is returned.
    auto loaded = m_reader.load(h->id);
    if (!loaded)
        return loaded.error();
    const QJsonValue document = CanonicalJson::read(loaded->payload);
    std::optional<QJsonValue> value;
    if (field.startsWith(Pii::SummaryPrefix)) {
        for (const Pii::WithheldField &f : Pii::withholdSummary(loaded->header.summary, h->kind).fields) {
            if (f.field == field)
                value = f.value;
        }
    } else if (Pii::personalPointers(document, h->kind).contains(field)) {
        value = JsonPointer::parse(field)->evaluate(document);
    }
    if (!value)
        return Error { Error::Code::NotFound,
            QStringLiteral("snapshot %1 keeps no personal field %2").arg(h->id, field) };
    Status audited = m_sql.write([&](QSqlDatabase &, AuditEntry &audit) -> Status {
        audit.tenant = h->tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("pii.reveal");
        audit.target = h->id;
        audit.details = { { QStringLiteral("field"), field }, { QStringLiteral("where"), where } };
        return {};
    });
    if (!audited)
        return audited.error();
    return *value;
}

Result<int> SqlSnapshotStore::retrainDictionaries()
{
    auto keys = m_sql.rows(QStringLiteral("reading the dictionaries"),
        QStringLiteral("SELECT DISTINCT kind FROM zstd_dictionaries WHERE active AND NOT trained_withheld"), {},
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!keys)
        return keys.error();
    int trained = 0;
    for (const QString &key : std::as_const(*keys)) {
        auto samples = m_reader.samplePayloads(key, 2000);
        if (!samples)
            return samples.error();
        // Rows not converted yet are sampled whole: their personal fields are withheld here first.
        const QString kind = PayloadCodec::kindOfKey(key);
        for (QByteArray &sample : *samples) {
            if (!PayloadCodec::isDeltaKey(key)) {
                sample = CanonicalJson::write(Pii::withhold(CanonicalJson::read(sample), kind).document);
            } else if (const auto patch = StrictJson::readStored(sample); patch && patch->isArray()) {
                sample.clear();
                CanonicalJson::append(sample, Pii::withholdPatch(patch->toArray(), {}));
            }
        }
        auto dictionary = PayloadCodec::trainDictionary(*samples, 16 * 1024);
        if (!dictionary) {
            // Too few rows to learn from: the key's payloads are stored with plain zstd from now on.
            auto off = m_sql.change(QStringLiteral("retiring the %1 dictionary").arg(key),
                QStringLiteral("UPDATE zstd_dictionaries SET active = ? WHERE kind = ?"), { false, key });
            if (!off)
                return off.error();
            if (Status reloaded = m_dictionaries.reload(); !reloaded)
                return reloaded.error();
            continue;
        }
        auto added = m_dictionaries.add(key, *dictionary, int(samples->size()));
        if (!added)
            return added.error();
        ++trained;
    }
    return trained;
}

Result<SnapshotStore::PersonalConversion> SqlSnapshotStore::withholdPending(
    int batchSize, const std::function<bool(qint64 done, qint64 total)> &progress)
{
    PersonalConversion report;
    if (!m_personal.splits())
        return report;
    // Rows to convert: those stored whole, and those encoded with a dictionary trained on whole payloads (written
    // after the upgrade, before the conversion), which is dropped once no row needs it.
    auto oldDictionaries = m_sql.rows(QStringLiteral("reading the dictionaries"),
        QStringLiteral("SELECT id FROM zstd_dictionaries WHERE NOT trained_withheld"), {},
        [](const QSqlQuery &q) { return PayloadCodec::dictionaryCodec(q.value(0).toInt()); });
    if (!oldDictionaries)
        return oldDictionaries.error();
    QVariantList oldCodecs;
    for (const QString &codec : std::as_const(*oldDictionaries))
        oldCodecs.append(codec);
    const QString pendingRow = oldCodecs.isEmpty()
        ? QStringLiteral("withheld_checksum IS NULL")
        : QStringLiteral("(withheld_checksum IS NULL OR codec IN (%1))")
              .arg(QStringList(oldCodecs.size(), QStringLiteral("?")).join(u", "));
    const QString counting = QStringLiteral("SELECT (SELECT count(*) FROM snapshots WHERE %1) + (SELECT count(*) FROM "
                                            "events WHERE withheld IS NULL)")
                                 .arg(pendingRow);
    // Counted as the login sees them (its tenants); converted by the owner only, who sees every tenant's rows: an
    // admin's conversion would drop dictionaries another tenant's rows still need.
    auto pending = m_sql.first(QStringLiteral("counting the snapshots to convert"), counting, oldCodecs);
    if (!pending)
        return pending.error();
    const qint64 total = pending->value(0).toLongLong();
    pending->finish();
    if (batchSize <= 0) {
        report.remaining = total;
        return report;
    }
    if (!m_access.session().owner)
        return Error { Error::Code::Forbidden,
            QStringLiteral("converting a store's rows is its owner's job (the login that ran init: it sees every "
                           "tenant); %1 is not its owner")
                .arg(m_access.session().login) };
    if (total > 0) {
        auto retrained = retrainDictionaries();
        if (!retrained)
            return retrained.error();
        report.dictionariesRetrained = *retrained;
    }
    // One pass in id order (time order: a base before the deltas on it); a row that fails to load is left as it is
    // and named, and the pass goes on.
    QString after = QStringLiteral("00000000-0000-0000-0000-000000000000");
    const QString uuid = m_sql.dialect().uuidParameter();
    qint64 done = 0;
    QStringList problems;
    while (true) {
        auto rows = m_sql.rows(QStringLiteral("finding the snapshots to convert"),
            QStringLiteral("SELECT id, withheld_checksum IS NOT NULL FROM snapshots WHERE %1 AND id > %2 ORDER BY id "
                           "LIMIT ?")
                .arg(pendingRow, uuid),
            oldCodecs + QVariantList { after, qMax(1, batchSize) }, [](const QSqlQuery &q) {
                return std::pair { q.value(0).toString(), q.value(1).toBool() };
            });
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            break;
        after = rows->constLast().first;
        Status batch = m_sql.write([&](QSqlDatabase &db, AuditEntry &) -> Status {
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE snapshots SET base_id = %1, codec = ?, raw_size = ?, stored_size = "
                                          "?, payload = ?, summary = %2, withheld_checksum = ?, seal = ? WHERE id = %1 "
                                          "AND withheld_checksum IS NULL")
                               .arg(uuid, m_sql.dialect().jsonParameter()));
            QSqlQuery reencode(db);
            reencode.prepare(QStringLiteral(
                "UPDATE snapshots SET codec = ?, raw_size = ?, stored_size = ?, payload = ? WHERE id = %1")
                                 .arg(uuid));
            // The rows stored whole are read in one query, before any of the batch is written: a delta's base in
            // the batch is read whole too.
            QStringList wholeIds;
            for (const auto &[id, keptApart] : std::as_const(*rows)) {
                if (!keptApart)
                    wholeIds.append(id);
            }
            auto wholeRows = m_reader.loadMany(wholeIds);
            if (!wholeRows)
                return wholeRows.error();
            qsizetype nextWhole = 0;
            QList<SqlPersonalFields::Row> fields;
            for (const auto &[id, keptApart] : std::as_const(*rows)) {
                if (keptApart) {
                    // Kept apart already, but encoded with a dictionary trained on whole payloads: its stored bytes
                    // are encoded again as they are (withheld again by today's kind definitions, they might no
                    // longer match the fields kept for them).
                    auto h = m_reader.header(id);
                    auto blob = h ? m_reader.rawPayload(id) : Result<QByteArray>(h.error());
                    auto bytes = blob ? m_codec.decode(h->codec, *blob, h->rawSize, QString())
                                      : Result<QByteArray>(blob.error());
                    if (!bytes) {
                        problems.append(QStringLiteral("snapshot %1: %2").arg(id, bytes.error().message));
                        continue;
                    }
                    const EncodedPayload encoded
                        = m_codec.encode(h->baseId.isEmpty() ? h->kind : PayloadCodec::deltaKey(h->kind), *bytes);
                    for (const QVariant &value : { QVariant(encoded.codec), QVariant(encoded.rawSize),
                             QVariant(qint64(encoded.blob.size())), QVariant(encoded.blob), QVariant(id) })
                        reencode.addBindValue(value);
                    if (!reencode.exec())
                        return m_sql.errorFrom(QStringLiteral("encoding snapshot %1 again").arg(id), reencode);
                    ++report.converted;
                    continue;
                }
                Result<Snapshot> &whole = (*wholeRows)[nextWhole++];
                if (!whole) {
                    problems.append(whole.error().message);
                    continue;
                }
                const SnapshotHeader &h = whole->header;
                if (!h.withheldChecksum.isEmpty())
                    continue; // converted meanwhile (another run): nothing left to do
                const QJsonObject document = CanonicalJson::read(whole->payload);
                Pii::WithheldDocument withheld = Pii::withhold(document, h.kind);
                Pii::WithheldDocument summary = Pii::withholdSummary(h.summary, h.kind);
                const QByteArray stored = CanonicalJson::write(withheld.document);
                const QString withheldChecksum = PayloadCodec::checksumOf(stored);
                // A delta stays a delta when its patch, withheld, makes the withheld state from its withheld base;
                // otherwise it is stored whole (withheld), which is always right.
                QString baseId = h.baseId;
                EncodedPayload encoded;
                if (!baseId.isEmpty()) {
                    auto base = m_reader.loadStored(baseId);
                    auto blob = m_reader.rawPayload(id);
                    auto patch = blob ? m_codec.decode(h.codec, *blob, h.rawSize, QString())
                                      : Result<QByteArray>(blob.error());
                    std::optional<QByteArray> patched;
                    const auto parsed = patch ? StrictJson::readStored(*patch) : Result<QJsonValue>(patch.error());
                    if (base && parsed && parsed->isArray()) {
                        const QJsonArray operations
                            = Pii::withholdPatch(parsed->toArray(), Pii::personalPointers(document, h.kind));
                        const QJsonValue baseState = base->withheld
                            ? CanonicalJson::read(base->payload)
                            : QJsonValue(Pii::withhold(CanonicalJson::read(base->payload), h.kind).document);
                        auto applied = JsonPatch::apply(baseState, operations);
                        if (applied && applied->isObject()
                            && PayloadCodec::checksumOf(CanonicalJson::write(applied->toObject()))
                                == withheldChecksum) {
                            patched = QByteArray();
                            CanonicalJson::append(*patched, operations);
                        }
                    }
                    if (patched)
                        encoded = m_codec.encode(PayloadCodec::deltaKey(h.kind), *patched);
                    else
                        baseId.clear();
                }
                if (baseId.isEmpty())
                    encoded = m_codec.encode(h.kind, stored);
                update.addBindValue(nullIfEmpty(baseId));
                update.addBindValue(encoded.codec);
                update.addBindValue(encoded.rawSize);
                update.addBindValue(qint64(encoded.blob.size()));
                update.addBindValue(encoded.blob);
                update.addBindValue(compactJson(summary.document));
                update.addBindValue(withheldChecksum);
                SnapshotHeader sealed = h; // the seal covers the stored form's checksum too
                sealed.withheldChecksum = withheldChecksum;
                update.addBindValue(SnapshotSeal::of(sealed));
                update.addBindValue(h.id);
                if (!update.exec())
                    return m_sql.errorFrom(QStringLiteral("converting snapshot %1").arg(h.id), update);
                if (update.numRowsAffected() != 1)
                    continue; // converted meanwhile: its fields are written already
                for (Pii::WithheldField &field : withheld.fields)
                    fields.append({ h.id, h.tenant, std::move(field) });
                for (Pii::WithheldField &field : summary.fields)
                    fields.append({ h.id, h.tenant, std::move(field) });
                ++report.converted;
            }
            // The batch's fields at once, after its rows (a delta later in the batch read its base whole, above).
            report.fields += fields.size();
            return m_personal.write(db, fields);
        });
        if (!batch)
            return batch.error();
        done += rows->size();
        if (progress && !progress(done, total)) {
            report.cancelled = true;
            break;
        }
    }
    // The events, in (tenant, aggregate, sequence) order.
    QVariantList eventAfter { QStringLiteral(""), QStringLiteral(""), qint64(-1) }; // not NULL: compared
    while (!report.cancelled) {
        struct Pending
        {
            QString tenant, aggregateId;
            qint64 seq;
            QString data;
        };
        auto events = m_sql.rows(QStringLiteral("finding the events to convert"),
            QStringLiteral("SELECT tenant_id, aggregate_id, seq, data FROM events WHERE withheld IS NULL AND "
                           "(tenant_id, aggregate_id, seq) > (?, ?, ?) ORDER BY tenant_id, aggregate_id, seq LIMIT ?"),
            eventAfter + QVariantList { qMax(1, batchSize) }, [](const QSqlQuery &q) {
                return Pending { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                    q.value(3).toString() };
            });
        if (!events)
            return events.error();
        if (events->isEmpty())
            break;
        eventAfter = { events->constLast().tenant, events->constLast().aggregateId, events->constLast().seq };
        Status batch = m_sql.write([&](QSqlDatabase &db, AuditEntry &) -> Status {
            QList<SqlPersonalFields::EventRow> fields;
            QSqlQuery update(db);
            update.prepare(QStringLiteral(
                "UPDATE events SET data = ?, withheld = true WHERE tenant_id = ? AND aggregate_id = ? AND seq = ?"));
            for (const Pending &e : std::as_const(*events)) {
                // Data that is not a JSON object is kept as it is (reading it names it).
                const auto parsed = StrictJson::readStored(e.data.toUtf8());
                QString data = e.data;
                if (parsed && parsed->isObject()) {
                    Pii::WithheldDocument withheld = Pii::withhold(parsed->toObject(), QString());
                    if (!withheld.fields.isEmpty())
                        data = compactJson(withheld.document);
                    for (Pii::WithheldField &field : withheld.fields)
                        fields.append({ e.tenant, e.aggregateId, e.seq, std::move(field) });
                }
                for (const QVariant &value :
                    { QVariant(data), QVariant(e.tenant), QVariant(e.aggregateId), QVariant(e.seq) })
                    update.addBindValue(value);
                if (!update.exec())
                    return m_sql.errorFrom(
                        QStringLiteral("converting event %1 of %2").arg(e.seq).arg(e.aggregateId), update);
                ++report.events;
            }
            report.fields += fields.size();
            return m_personal.writeEvents(db, fields);
        });
        if (!batch)
            return batch.error();
        done += events->size();
        if (progress && !progress(done, total)) {
            report.cancelled = true;
            break;
        }
    }
    auto left = m_sql.first(QStringLiteral("counting the snapshots to convert"), counting, oldCodecs);
    if (!left)
        return left.error();
    report.remaining = left->value(0).toLongLong();
    left->finish();
    if (report.remaining == 0) {
        // The dictionaries trained on whole payloads, once no row needs them.
        auto dropped = m_sql.change(QStringLiteral("dropping the dictionaries trained on personal data"),
            QStringLiteral("DELETE FROM zstd_dictionaries d WHERE NOT trained_withheld AND NOT EXISTS (SELECT 1 FROM "
                           "snapshots s WHERE s.codec = 'zstd-dict:' || d.id)"),
            {});
        if (!dropped)
            return dropped.error();
        report.dictionariesDropped = int(*dropped);
        // Nothing is left for the restrictive policies to guard (migration 16): they go, and with them their cost.
        auto lifted = m_sql.first(QStringLiteral("dropping the policies that guarded the conversion"),
            QStringLiteral("SELECT snapscope_guard_unconverted(false)"), {});
        if (!lifted)
            return lifted.error();
        lifted->finish();
    }
    if (!problems.isEmpty())
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral(
                "%1 snapshots could not be read and keep their personal fields until repaired; the first: %2")
                .arg(problems.size())
                .arg(problems.constFirst()) };
    return report;
}
