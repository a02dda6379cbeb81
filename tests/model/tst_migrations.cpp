#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include "../common/testsupport.h"
#include "codec/snapshotseal.h"
#include "store/migrator.h"
#include "store/snapshotstore.h"

namespace {

constexpr int LatestVersion = 16;

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

const QStringList ExpectedTables { QStringLiteral("tenants"), QStringLiteral("snapshots"),
    QStringLiteral("daily_inventory"), QStringLiteral("chat_outcomes"), QStringLiteral("events"),
    QStringLiteral("stock_levels"), QStringLiteral("inventory_transactions"), QStringLiteral("schedules"),
    QStringLiteral("schedule_runs"), QStringLiteral("retention_policies"), QStringLiteral("audit_log"),
    QStringLiteral("zstd_dictionaries"), QStringLiteral("snapshot_stats"), QStringLiteral("schema_migrations"),
    QStringLiteral("inventory_store_days"), QStringLiteral("chat_days"), QStringLiteral("snapshot_strategies") };

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsTriggersAndFunctions();
    void sqliteFromEmpty();
    void eightInitsAtOnce();
    void sqliteNewerSchemaIsRefusedUntouched();
    void upgradeToSixSummarizesOrdersAgain();
    void sqliteForeignDatabaseIsRefusedUntouched();
    void nonSqliteFileIsRefusedUntouched();
    void missingFileIsNotCreatedUnlessAsked();
    void postgresFromEmptyAndNewerSchema();
    void postgresUpgradeToSixteen();

private:
    void checkTables(const ConnectionSpec &spec);
};

void TestMigrations::splitsTriggersAndFunctions()
{
    const QStringList sqlite = Migrator::splitStatements(
        QStringLiteral("CREATE TABLE a (x INTEGER);\n-- comment\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n    "
                       "SELECT RAISE(ABORT, 'no');\nEND;\nCREATE INDEX i ON a (x);\n"));
    QCOMPARE(sqlite.size(), 3);
    QVERIFY(sqlite.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
    QVERIFY(sqlite.at(1).endsWith(QStringLiteral("END;")));
    const QStringList pg = Migrator::splitStatements(
        QStringLiteral("CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n    RAISE EXCEPTION 'x';\nEND;\n$$ LANGUAGE "
                       "plpgsql;\nCREATE TABLE b (y int);\n"));
    QCOMPARE(pg.size(), 2);
    QVERIFY(pg.at(0).contains(QStringLiteral("RAISE EXCEPTION")));
}

void TestMigrations::checkTables(const ConnectionSpec &spec)
{
    TestSupport::SideConnection side(spec);
    QVERIFY(side.isOpen());
    QStringList tables = side.db().tables();
    for (const QString &table : ExpectedTables)
        QVERIFY2(tables.contains(table), qPrintable(table));
    QSqlQuery query(side.db());
    QVERIFY(query.exec(QStringLiteral("SELECT version, name FROM schema_migrations ORDER BY version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("initial"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QCOMPARE(query.value(1).toString(), QStringLiteral("chart_aggregates"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    QCOMPARE(query.value(1).toString(), QStringLiteral("maintenance"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 4);
    QCOMPARE(query.value(1).toString(), QStringLiteral("history"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 5);
    QCOMPARE(query.value(1).toString(), QStringLiteral("case_indexes"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 6);
    QCOMPARE(query.value(1).toString(), QStringLiteral("case_search"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 7);
    QCOMPARE(query.value(1).toString(), QStringLiteral("schedule_leases"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 8);
    QCOMPARE(query.value(1).toString(), QStringLiteral("snapshot_seals"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 9);
    QCOMPARE(query.value(1).toString(), QStringLiteral("dictionary_checksums"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 10);
    QCOMPARE(query.value(1).toString(), QStringLiteral("trash_archives"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 11);
    QCOMPARE(query.value(1).toString(), QStringLiteral("kind_definitions"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 12);
    QCOMPARE(query.value(1).toString(), QStringLiteral("source_identity"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 13);
    QCOMPARE(query.value(1).toString(), QStringLiteral("live_sources"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 14);
    QCOMPARE(query.value(1).toString(), QStringLiteral("access"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 15);
    QCOMPARE(query.value(1).toString(), QStringLiteral("personal_fields"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), LatestVersion);
    QCOMPARE(query.value(1).toString(), QStringLiteral("conversion_guard"));
    QVERIFY(!query.next());
}

void TestMigrations::sqliteFromEmpty()
{
    QTemporaryDir dir;
    const ConnectionSpec spec = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("new.sqlite")));
    {
        auto store = openSnapshotStore(spec, { true });
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), LatestVersion);
    }
    checkTables(spec);
    // A local file is its owner's alone (issue 26): nobody else may read it, nor its write-ahead log.
    for (const QString &file : QStringList { spec.sqlitePath, spec.sqlitePath + QStringLiteral("-wal") }) {
        if (!QFileInfo::exists(file))
            continue;
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        QVERIFY2(!(QFileInfo(file).permissions() & others), qPrintable(file));
        QVERIFY(QFileInfo(file).permissions() & QFile::ReadOwner);
    }
    // Opening again applies nothing twice.
    auto again = openSnapshotStore(spec, {});
    QVERIFY(again.ok());
    QCOMPARE((*again)->schemaVersion(), LatestVersion);
}

void TestMigrations::eightInitsAtOnce()
{
    // Eight `init` runs on one new file: one creates the schema, the others wait for its lock and find it there
    // (about a third of such rounds used to fail: "table tenants already exists", "duplicate column name"). Five
    // rounds, so a race that is back fails here.
    QTemporaryDir dir;
    for (int round = 0; round < 5; ++round) {
        const QString path = dir.filePath(QStringLiteral("eight-%1.sqlite").arg(round));
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 8; ++i) {
            runs.push_back(std::make_unique<QProcess>());
            runs.back()->start(
                QStringLiteral(SNAPSCOPE_CLI_PATH), { QStringLiteral("init"), QStringLiteral("--db"), path });
        }
        for (const auto &run : runs) {
            QVERIFY(run->waitForFinished(60000));
            QVERIFY2(run->exitStatus() == QProcess::NormalExit && run->exitCode() == 0,
                run->readAllStandardError().constData());
        }
        auto store = openSnapshotStore(ConnectionSpec::sqlite(path), {});
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        const int latest = (*store)->schemaVersion();
        store = Error {};
        TestSupport::SideConnection side(ConnectionSpec::sqlite(path));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), MAX(version) FROM schema_migrations")) && query.next());
        QCOMPARE(query.value(1).toInt(), latest);
        QCOMPARE(query.value(0).toInt(), latest); // each migration recorded once
    }
}

void TestMigrations::sqliteNewerSchemaIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    const ConnectionSpec spec = ConnectionSpec::sqlite(path);
    QVERIFY(openSnapshotStore(spec, { true }).ok());
    {
        TestSupport::SideConnection side(spec);
        QSqlQuery query(side.db());
        QVERIFY(
            query.exec(QStringLiteral("PRAGMA journal_mode=DELETE"))); // fold the WAL in, so the file is all there is
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (17, 'future', 0)")));
    }
    const QByteArray before = fileDigest(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    auto refused = openSnapshotStore(spec, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QStringLiteral("version 17"))
            && refused.error().message.contains(QStringLiteral("(%1)").arg(LatestVersion)),
        qPrintable(refused.error().message));
    QCOMPARE(fileDigest(path), before);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestMigrations::upgradeToSixSummarizesOrdersAgain()
{
    // A version 5 database: its orders' summaries have no customer_phone, which case search by phone reads.
    QTemporaryDir dir;
    const ConnectionSpec spec = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("v5.sqlite")));
    QString id;
    {
        auto store = openSnapshotStore(spec, { true });
        QVERIFY(store);
        QVERIFY((*store)->putTenant(
            { QStringLiteral("t"), QStringLiteral("T"), QStringLiteral("UTC"), QStringLiteral("THB") }));
        NewSnapshot order;
        order.tenant = QStringLiteral("t");
        order.kind = QStringLiteral("order");
        order.entityId = QStringLiteral("ORD-1");
        order.takenAt = 1'780'000'000'000;
        order.type = QStringLiteral("created");
        order.payload = { { QStringLiteral("status"), QStringLiteral("created") },
            { QStringLiteral("customer"),
                QJsonObject { { QStringLiteral("id"), QStringLiteral("C1") },
                    { QStringLiteral("phone"), QStringLiteral("0812345678") } } } };
        auto put = (*store)->put(order);
        QVERIFY(put);
        id = put->id;
        QCOMPARE(put->summary.value(u"customer_phone").toString(), QStringLiteral("0812345678"));
    }
    {
        TestSupport::SideConnection side(spec);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("UPDATE snapshots SET summary = json_remove(summary, '$.customer_phone')")));
        QVERIFY(query.exec(QStringLiteral("DROP INDEX snapshots_order_customer")));
        QVERIFY(query.exec(QStringLiteral("DROP INDEX snapshots_order_phone")));
        // Back to version 5: what 15 (withheld checksums), 13 (live sources), 12 (source ids), 11 (kinds), 8 (seals)
        // and 7 (leases, rebuilt from the table as it is) added goes too.
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE snapshots DROP COLUMN withheld_checksum")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE live_source_tables")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE live_sources")));
        QVERIFY(query.exec(QStringLiteral("DROP INDEX snapshots_source")));
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE snapshots DROP COLUMN source_id")));
        QVERIFY(query.exec(QStringLiteral("DROP INDEX snapshots_pending_seal")));
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE snapshots DROP COLUMN seal")));
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE zstd_dictionaries DROP COLUMN checksum")));
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE snapshots DROP COLUMN archived_in")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE kind_definitions")));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 6")));
    }
    auto store = openSnapshotStore(spec, {});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE((*store)->schemaVersion(), LatestVersion);
    auto header = (*store)->header(id);
    QVERIFY(header);
    QCOMPARE(header->summary.value(u"customer_phone").toString(), QStringLiteral("0812345678"));
    // Rows from before version 8 were sealed on the way: the order loads and verifies.
    QCOMPARE(header->seal, SnapshotSeal::of(*header));
    QVERIFY((*store)->load(id));
    auto found = (*store)->withSummaryValue(QStringLiteral("t"), QStringLiteral("order"),
        QStringLiteral("customer_phone"), QStringLiteral("08123"), SnapshotStore::Match::Prefix);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
}

void TestMigrations::sqliteForeignDatabaseIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("someone-else.sqlite"));
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(path));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO invoices (total) VALUES (12.5)")));
    }
    const QByteArray before = fileDigest(path);
    auto refused = openSnapshotStore(ConnectionSpec::sqlite(path), { true });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::NotSnapScope);
    QVERIFY(refused.error().message.contains(QStringLiteral("not a SnapScope database")));
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestMigrations::nonSqliteFileIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("These are my notes, not a database.\n");
    file.close();
    const QByteArray before = fileDigest(path);
    auto refused = openSnapshotStore(ConnectionSpec::sqlite(path), { true });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::NotSnapScope);
    QVERIFY(refused.error().message.contains(QStringLiteral("not an SQLite file")));
    QCOMPARE(fileDigest(path), before);
}

void TestMigrations::missingFileIsNotCreatedUnlessAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.sqlite"));
    auto refused = openSnapshotStore(ConnectionSpec::sqlite(path), {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::NotFound);
    QVERIFY(!QFile::exists(path));
}

void TestMigrations::postgresFromEmptyAndNewerSchema()
{
    SNAPSCOPE_REQUIRE_POSTGRES(pg);
    QString error;
    QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
    {
        auto store = openSnapshotStore(*pg, {});
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), LatestVersion);
    }
    checkTables(*pg);
    {
        TestSupport::SideConnection side(*pg);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (17, 'future', 0)")));
    }
    auto refused = openSnapshotStore(*pg, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QStringLiteral("version 17"))
            && refused.error().message.contains(QStringLiteral("(%1)").arg(LatestVersion)),
        qPrintable(refused.error().message));
    // A database holding somebody else's tables is refused too.
    QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
    {
        TestSupport::SideConnection side(*pg);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE invoices (id int)")));
    }
    auto foreign = openSnapshotStore(*pg, {});
    QVERIFY(!foreign.ok());
    QCOMPARE(foreign.error().code, Error::Code::NotSnapScope);
}

// A store at version 15 (issue 26): the rows it kept apart carry a version 1 seal and its restrictive policies guard
// every read. Version 16 seals those rows again with version 2 where version 1 holds, leaves a row whose seal does not
// hold as damaged, and keeps the policies only while rows wait for the conversion.
void TestMigrations::postgresUpgradeToSixteen()
{
    SNAPSCOPE_REQUIRE_POSTGRES(pg);
    QString error;
    for (const bool waiting : { false, true }) {
        QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
        QStringList ids;
        {
            auto store = openSnapshotStore(*pg, {});
            QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
            QVERIFY((*store)->keepsPersonalApart());
            QVERIFY((*store)->putTenant({ QStringLiteral("t16"), QStringLiteral("Test"), QStringLiteral("Asia/Bangkok"),
                QStringLiteral("THB") }));
            QList<NewSnapshot> batch;
            for (int i = 0; i < 5; ++i) {
                NewSnapshot s;
                s.tenant = QStringLiteral("t16");
                s.kind = QStringLiteral("account");
                s.entityId = QStringLiteral("ACC-%1").arg(i);
                s.takenAt = 1767225600000 + i;
                s.type = QStringLiteral("manual");
                s.payload = { { QStringLiteral("account_id"), s.entityId },
                    { QStringLiteral("contact_email"), QStringLiteral("owner%1@example.co.th").arg(i) } };
                batch.append(s);
            }
            auto written = (*store)->putBatch(batch);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
            SnapshotQuery all;
            all.tenant = QStringLiteral("t16");
            auto headers = (*store)->listHeaders(all, PageRequest {});
            QVERIFY(headers && headers->headers.size() == 5);
            // Back to version 15 as it was: version 1 seals (computed here, by SnapshotSeal), one of them not this
            // row's; the policies; no guard function.
            TestSupport::SideConnection side(*pg);
            QSqlQuery query(side.db());
            for (const SnapshotHeader &h : std::as_const(headers->headers)) {
                QVERIFY(!h.withheldChecksum.isEmpty());
                SnapshotHeader v1 = h;
                v1.withheldChecksum.clear();
                if (ids.isEmpty())
                    v1.checksum = QString(64, u'0'); // damaged under version 1 already
                ids.append(h.id);
                QVERIFY(query.exec(QStringLiteral("UPDATE snapshots SET seal = '%1' WHERE id = '%2'")
                                       .arg(SnapshotSeal::of(v1), h.id)));
            }
            for (const char *sql : { "DROP FUNCTION snapscope_guard_unconverted(boolean)",
                     "DELETE FROM schema_migrations WHERE version = 16",
                     "CREATE POLICY personal_withheld ON snapshots AS RESTRICTIVE FOR SELECT USING (withheld_checksum "
                     "IS NOT NULL OR (SELECT snapscope_sees_personal()))",
                     "CREATE POLICY personal_withheld ON events AS RESTRICTIVE FOR SELECT USING (withheld IS NOT NULL "
                     "OR (SELECT snapscope_sees_personal()))" })
                QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
            if (waiting) // a row written before 15, not converted yet
                QVERIFY(query.exec(
                    QStringLiteral("UPDATE snapshots SET withheld_checksum = NULL WHERE id = '%1'").arg(ids.last())));
        }
        auto store = openSnapshotStore(*pg, {});
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), LatestVersion);
        QCOMPARE(TestSupport::scalar(
                     *pg, QStringLiteral("SELECT count(*) FROM pg_policies WHERE policyname = 'personal_withheld'")),
            waiting ? 2 : 0);
        auto damaged = (*store)->load(ids.first());
        QVERIFY(!damaged);
        QVERIFY2(damaged.error().message.contains(QStringLiteral("seal")), qPrintable(damaged.error().message));
        for (qsizetype i = 1; i < ids.size() - (waiting ? 1 : 0); ++i) {
            auto loaded = (*store)->load(ids.at(i));
            QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
            QCOMPARE(loaded->header.seal, SnapshotSeal::of(loaded->header));
            QVERIFY(loaded->payload.contains("@example.co.th"));
        }
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
