// Ingest benchmark (issue 24): SAAN chat_conversation_snapshots rows as `COPY (SELECT row_to_json(t) ...)` writes
// them (about 1.6 KB each), ingested from a JSON lines file into a new store. Prints records per second and the
// process's peak resident memory; asserts nothing.
//   build/release/tests/bench/bench_ingest [--records 200000] [--pg "host=... dbname=... user=..."] [--gigabytes 1]
// --pg runs the same into that PostgreSQL database (emptied first: a scratch database only). --gigabytes writes a file
// of that size instead (rows of many sessions) and reports the memory an ingest of it needs.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include "ops/ingest/snapshotingest.h"
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

// One row of the SAAN guide's chat_conversation_snapshots table, as row_to_json writes it.
QByteArray chatRow(qint64 i)
{
    QJsonArray messages;
    for (int m = 0; m < 3; ++m)
        messages.append(
            QJsonObject { { QStringLiteral("timestamp"), QStringLiteral("2025-07-03T15:%1:00").arg(30 + m) },
                { QStringLiteral("sender"), m % 2 ? QStringLiteral("bot") : QStringLiteral("customer") },
                { QStringLiteral("content"), QStringLiteral("อยากสั่งโค้กกับมาม่า ขอสองแพ็คค่ะ ส่งวันนี้ได้ไหม") },
                { QStringLiteral("intent"), QStringLiteral("product_inquiry") } });
    const qint64 session = i / 3; // three snapshots per session: order_created, escalated, session_ended
    const QJsonObject row { { QStringLiteral("id"),
                                QStringLiteral("7a1c3e52-%1-4222-8333-%2")
                                    .arg(i % 10000, 4, 10, QLatin1Char('0'))
                                    .arg(i, 12, 10, QLatin1Char('0')) },
        { QStringLiteral("session_id"), QStringLiteral("sess-%1").arg(session) },
        { QStringLiteral("customer_id"), QStringLiteral("cust-%1").arg(session % 5000) },
        { QStringLiteral("snapshot_type"),
            QStringList {
                QStringLiteral("order_created"), QStringLiteral("escalated"), QStringLiteral("session_ended") }
                .at(int(i % 3)) },
        { QStringLiteral("platform"), QStringLiteral("line") }, { QStringLiteral("total_messages"), 12 + int(i % 9) },
        { QStringLiteral("conversation_duration"), 420 },
        { QStringLiteral("intent_progression"),
            QJsonArray { QStringLiteral("greeting"), QStringLiteral("product_inquiry"),
                QStringLiteral("order_creation"), QStringLiteral("payment_confirmation") } },
        { QStringLiteral("ai_confidence_scores"), QJsonArray { 0.95, 0.87, 0.92, 0.98 } },
        { QStringLiteral("human_handoff"), i % 3 == 1 },
        { QStringLiteral("business_outcome"),
            QJsonObject { { QStringLiteral("order_created"), true },
                { QStringLiteral("order_id"), QStringLiteral("order-%1").arg(session) },
                { QStringLiteral("order_value"), 285.5 + double(i % 100) } } },
        { QStringLiteral("conversion_metrics"),
            QJsonObject { { QStringLiteral("conversion_rate"), 1.0 }, { QStringLiteral("time_to_order"), 300 } } },
        { QStringLiteral("customer_satisfaction"), 1 + int(i % 5) }, { QStringLiteral("key_messages"), messages },
        { QStringLiteral("created_at"),
            QStringLiteral("2025-07-%1T%2:%3:00")
                .arg(1 + (session / 2000) % 28, 2, 10, QLatin1Char('0'))
                .arg(8 + i % 3, 2, 10, QLatin1Char('0'))
                .arg(session % 60, 2, 10, QLatin1Char('0')) } };
    return QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n';
}

bool writeRows(const QString &path, qint64 records, qint64 bytes, qint64 *written)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    qint64 size = 0, i = 0;
    for (; bytes > 0 ? size < bytes : i < records; ++i)
        size += file.write(chatRow(i));
    *written = i;
    return true;
}

int ingestInto(const ConnectionSpec &spec, const QString &label, const QString &path, qint64 rows)
{
    auto store = openSnapshotStore(spec, { true });
    if (!store) {
        out() << label << ": " << store.error().message << Qt::endl;
        return 1;
    }
    IngestOptions options;
    options.defaultTenant = QStringLiteral("acme-th");
    options.zone = QStringLiteral("Asia/Bangkok");
    QElapsedTimer timer;
    timer.start();
    auto summary = SnapshotIngest(**store, options).run({ path });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary) {
        out() << label << ": " << summary.error().message << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("%1: %2 SAAN chat rows (%3 MB) ingested in %4 s: %5 records/s; peak RSS %6 MB")
                 .arg(label)
                 .arg(summary->ingested)
                 .arg(double(QFile(path).size()) / 1e6, 0, 'f', 0)
                 .arg(seconds, 0, 'f', 2)
                 .arg(double(rows) / seconds, 0, 'f', 0)
                 .arg(peakRssMb())
          << Qt::endl;
    return summary->ingested == rows ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption recordsOption(
        QStringLiteral("records"), QStringLiteral("Rows to ingest."), QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption pgOption(
        QStringLiteral("pg"), QStringLiteral("PostgreSQL scratch database."), QStringLiteral("conninfo"));
    const QCommandLineOption gbOption(
        QStringLiteral("gigabytes"), QStringLiteral("Write a file of this size instead."), QStringLiteral("gb"));
    parser.addOptions({ recordsOption, pgOption, gbOption });
    parser.addHelpOption();
    parser.process(app);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chat.jsonl"));
    qint64 rows = 0;
    const qint64 bytes = parser.isSet(gbOption) ? qint64(parser.value(gbOption).toDouble() * 1e9) : 0;
    if (!writeRows(path, parser.value(recordsOption).toLongLong(), bytes, &rows)) {
        out() << "cannot write " << path << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("input: %1 rows, %2 bytes per row; peak RSS before ingest %3 MB")
                 .arg(rows)
                 .arg(QFile(path).size() / std::max<qint64>(rows, 1))
                 .arg(peakRssMb())
          << Qt::endl;
    int failed = ingestInto(
        ConnectionSpec::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))), QStringLiteral("SQLite"), path, rows);
    if (parser.isSet(pgOption)) {
        auto spec = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        if (!spec) {
            out() << spec.error().message << Qt::endl;
            return 1;
        }
        {
            // A scratch database: SnapScope's tables are dropped first, so the run starts empty.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("reset"));
            db.setHostName(spec->host);
            db.setPort(spec->port);
            db.setDatabaseName(spec->database);
            db.setUserName(spec->user);
            bool emptied = db.open();
            if (emptied) {
                QSqlQuery reset(db);
                emptied = reset.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
                    && reset.exec(QStringLiteral("CREATE SCHEMA public"));
            }
            if (!emptied) {
                out() << "cannot empty the PostgreSQL database" << Qt::endl;
                return 1;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reset"));
        failed |= ingestInto(*spec, QStringLiteral("PostgreSQL"), path, rows);
    }
    SnapshotStore::waitUntilAllClosed(30000);
    return failed;
}
