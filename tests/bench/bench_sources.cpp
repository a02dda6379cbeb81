// Live-source benchmark (issue 25): a first sync of the SAAN guide's chat_conversation_snapshots (filled in a source
// PostgreSQL database by the server itself), then incremental syncs of 1,000 new rows across the four SAAN tables and
// of none. Prints rows per second, seconds and the process's peak resident memory; asserts nothing.
//   build/release/tests/bench/bench_sources --source "host=... dbname=SRC user=..." [--rows 1000000]
//       [--pg "host=... dbname=STORE user=..."]
// Both databases are scratch databases: their public schema is dropped first.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include "common/sourcedatabase.h"
#include "ops/sync/sourcesync.h"
#include "store/snapshotstore.h"

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

QSqlDatabase connect(const ConnectionSpec &spec, const QString &name)
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(spec.host);
    db.setPort(spec.port);
    db.setDatabaseName(spec.database);
    db.setUserName(spec.user);
    if (!db.open())
        qFatal("cannot connect to %s", qPrintable(spec.database));
    return db;
}

// 250 new rows in each SAAN table, newer than all before.
QStringList newRows(qint64 round)
{
    const QString at
        = QStringLiteral("TIMESTAMP '2030-01-01' + make_interval(hours => %1) + make_interval(secs => n)").arg(round);
    const QString key = QStringLiteral("'r%1-' || n").arg(round);
    return {
        SourceDatabase::chatRowsSql()
            .arg(10000000 + round * 1000)
            .arg(10000000 + round * 1000 + 249)
            .arg(QStringLiteral("'2030-01-01'::timestamp + make_interval(hours => %1)").arg(round))
            .arg(1),
        QStringLiteral(
            "INSERT INTO order_snapshots (id, order_id, snapshot_type, snapshot_data, created_at, order_status, "
            "total_amount, item_count) SELECT md5('o' || %1)::uuid, md5('order' || n)::uuid, "
            "'status_change', '{\"customer\": {\"name\": \"x\"}}', %2, 'paid', 10.5, 1 FROM "
            "generate_series(1, 250) n")
            .arg(key, at),
        QStringLiteral("INSERT INTO inventory_transactions (id, product_id, transaction_type, quantity, reason, "
                       "product_state, transaction_context, created_at) SELECT md5('t' || %1)::uuid, md5('p' || (n % "
                       "40))::uuid, 'sale', -1, 'order', '{\"name\": \"Tea\", \"cost_price\": 10}', '{\"store_code\": "
                       "\"BKK-01\"}', %2 FROM generate_series(1, 250) n")
            .arg(key, at),
        QStringLiteral("INSERT INTO daily_inventory_snapshots (id, snapshot_date, product_id, opening_stock, "
                       "closing_stock, average_cost, total_value, snapshot_created_at) SELECT md5('d' || %1)::uuid, "
                       "DATE '2030-01-01' + %3, md5('p' || n)::uuid, 100, 90, 10.00, 900.00, %2 FROM "
                       "generate_series(1, 250) n")
            .arg(key, at)
            .arg(round),
    };
}

int runInto(const ConnectionSpec &storeSpec, const QString &label, const ConnectionSpec &sourceSpec,
    const QString &conninfo, qint64 rows)
{
    auto store = openSnapshotStore(storeSpec, { true });
    if (!store) {
        out() << store.error().message << Qt::endl;
        return 1;
    }
    (void)(*store)->putTenant(
        { QStringLiteral("saan-th"), QStringLiteral("SAAN"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") });
    auto source = SourceSync::define(QStringLiteral("saan"), QStringLiteral("saan"), conninfo,
        QStringLiteral("saan-th"), QStringLiteral("Asia/Bangkok"), 600);
    if (!source || !(*store)->liveSources().addLiveSource(*source, QStringLiteral("bench"))) {
        out() << "cannot add the source" << Qt::endl;
        return 1;
    }
    SourceSync sync(**store, QStringLiteral("bench"));
    const auto timed = [&](const QString &what, qint64 expected) {
        auto live = (*store)->liveSources().liveSource(QStringLiteral("saan"));
        QElapsedTimer timer;
        timer.start();
        auto report = sync.sync(*live);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        if (!report || !report->succeeded()) {
            out() << label << ": " << what << " failed: "
                  << (report ? report->toJson().value(u"tables").toArray().first().toObject().value(u"error").toString()
                             : report.error().message)
                  << Qt::endl;
            return false;
        }
        out() << QStringLiteral("%1: %2: %3 row(s) stored in %4 s (%5 rows/s); peak RSS %6 MB")
                     .arg(label, what)
                     .arg(report->stored())
                     .arg(s, 0, 'f', 3)
                     .arg(qint64(double(report->stored()) / std::max(s, 1e-9)))
                     .arg(peakRssMb())
              << Qt::endl;
        return report->stored() == expected;
    };
    qint64 sourceRows = 0; // the chat rows, and what the run before added to the other tables
    {
        QSqlDatabase db = connect(sourceSpec, QStringLiteral("count"));
        QSqlQuery count(db);
        for (const char *table : { "chat_conversation_snapshots", "order_snapshots", "inventory_transactions",
                 "daily_inventory_snapshots" }) {
            if (count.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)) && count.next())
                sourceRows += count.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    bool ok = timed(QStringLiteral("first sync of %1 rows (%2 chat)").arg(sourceRows).arg(rows), sourceRows);
    {
        QSqlDatabase db = connect(sourceSpec, QStringLiteral("fill"));
        for (int round = 1; round <= 3 && ok; ++round) {
            if (const QString failed = SourceDatabase::run(db, newRows(round * 10 + (label == u"SQLite" ? 0 : 1000)));
                !failed.isEmpty()) {
                out() << failed << Qt::endl;
                return 1;
            }
            ok = timed(QStringLiteral("incremental, 1,000 new rows across the four tables"), 1000)
                && timed(QStringLiteral("incremental, no new rows"), 0);
        }
        // The same with the index the README advises on each time column (the SAAN DDL has none that leads with it).
        if (const QString failed = SourceDatabase::run(db,
                { QStringLiteral(
                      "CREATE INDEX IF NOT EXISTS bench_chat_time ON chat_conversation_snapshots (created_at)"),
                    QStringLiteral("CREATE INDEX IF NOT EXISTS bench_order_time ON order_snapshots (created_at)"),
                    QStringLiteral("CREATE INDEX IF NOT EXISTS bench_tx_time ON inventory_transactions (created_at)"),
                    QStringLiteral("CREATE INDEX IF NOT EXISTS bench_daily_time ON daily_inventory_snapshots "
                                   "(snapshot_created_at)") });
            !failed.isEmpty()) {
            out() << failed << Qt::endl;
            return 1;
        }
        for (int round = 4; round <= 5 && ok; ++round) {
            if (const QString failed = SourceDatabase::run(db, newRows(round * 10 + (label == u"SQLite" ? 0 : 1000)));
                !failed.isEmpty()) {
                out() << failed << Qt::endl;
                return 1;
            }
            ok = timed(QStringLiteral("incremental, time columns indexed, 1,000 new rows"), 1000)
                && timed(QStringLiteral("incremental, time columns indexed, no new rows"), 0);
        }
        SourceDatabase::run(db,
            { QStringLiteral("DROP INDEX bench_chat_time"), QStringLiteral("DROP INDEX bench_order_time"),
                QStringLiteral("DROP INDEX bench_tx_time"), QStringLiteral("DROP INDEX bench_daily_time") });
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Chat rows in the source."),
        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption sourceOption(QStringLiteral("source"),
        QStringLiteral("The source's scratch PostgreSQL database."), QStringLiteral("conninfo"));
    const QCommandLineOption pgOption(QStringLiteral("pg"),
        QStringLiteral("A scratch PostgreSQL database for the store."), QStringLiteral("conninfo"));
    parser.addOptions({ rowsOption, sourceOption, pgOption });
    parser.addHelpOption();
    parser.process(app);
    auto sourceSpec = ConnectionSpec::fromPgKeywords(parser.value(sourceOption));
    if (!parser.isSet(sourceOption) || !sourceSpec) {
        out() << "--source CONNINFO is needed" << Qt::endl;
        return 2;
    }
    const qint64 rows = parser.value(rowsOption).toLongLong();
    {
        QSqlDatabase db = connect(*sourceSpec, QStringLiteral("setup"));
        QElapsedTimer timer;
        timer.start();
        QStringList statements = SourceDatabase::ddl();
        // One row every 2 s from 2029 on: the sync's overlap window (10 minutes) holds 300 of them.
        statements << SourceDatabase::chatRowsSql().arg(0).arg(rows - 1).arg(QStringLiteral("'2029-01-01'")).arg(2)
                   << QStringLiteral("VACUUM ANALYZE chat_conversation_snapshots");
        if (const QString failed = SourceDatabase::run(db, statements); !failed.isEmpty()) {
            out() << failed << Qt::endl;
            return 1;
        }
        out() << QStringLiteral("source: %1 chat rows made in %2 s").arg(rows).arg(timer.elapsed() / 1000.0)
              << Qt::endl;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
    QTemporaryDir dir;
    int failed = runInto(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))), QStringLiteral("SQLite"),
        *sourceSpec, parser.value(sourceOption), rows);
    if (parser.isSet(pgOption)) {
        auto spec = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        if (!spec)
            return 2;
        {
            QSqlDatabase db = connect(*spec, QStringLiteral("reset"));
            SourceDatabase::run(db,
                { QStringLiteral("SET client_min_messages = warning"), QStringLiteral("DROP SCHEMA public CASCADE"),
                    QStringLiteral("CREATE SCHEMA public") });
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reset"));
        failed |= runInto(*spec, QStringLiteral("PostgreSQL"), *sourceSpec, parser.value(sourceOption), rows);
    }
    SnapshotStore::waitUntilAllClosed(30000);
    return failed;
}
