// Keeping personal data apart (issue 26): what it costs to write a store so (the demo, written whole and kept
// apart, on the same PostgreSQL server), and how fast a store written before schema 15 is converted. Prints its
// figures; asserts nothing. The database named is emptied first.
//   build/release/tests/bench/bench_personal --pg "host=… dbname=… user=OWNER" [--scale tiny|small]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>

#include "bench/benchsupport.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

using namespace BenchSupport;

namespace {

bool empty(const ConnectionSpec &spec)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-reset"));
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.database);
        db.setUserName(spec.user);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
                && query.exec(QStringLiteral("CREATE SCHEMA public"));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-reset"));
    return ok;
}

// The demo written into an empty store, kept apart or whole; its snapshots and the seconds it took.
std::pair<qint64, double> fill(const ConnectionSpec &spec, DemoOptions::Scale scale, bool apart)
{
    if (!empty(spec))
        return { -1, 0 };
    OpenOptions options;
    options.keepPersonalApart = apart;
    auto store = openSnapshotStore(spec, options);
    if (!store)
        return { -1, 0 };
    DemoOptions demo;
    demo.scale = scale;
    QElapsedTimer timer;
    timer.start();
    auto report = DemoGenerator(**store, demo).run();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!apart) {
        // As migration 15 leaves a store written before it: its dictionaries were trained on whole payloads.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-mark"));
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.database);
        db.setUserName(spec.user);
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("UPDATE zstd_dictionaries SET trained_withheld = false"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("bench-mark"));
    }
    return { report ? report->snapshots : -1, seconds };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pg(
        QStringLiteral("pg"), QStringLiteral("The store (emptied first)."), QStringLiteral("conninfo"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("tiny or small (default)."),
        QStringLiteral("scale"), QStringLiteral("small"));
    parser.addOptions({ pg, scaleOption });
    parser.process(app);
    const auto spec = ConnectionSpec::fromPgKeywords(parser.value(pg));
    if (!spec) {
        out() << "bench_personal: --pg takes libpq keywords" << Qt::endl;
        return 2;
    }
    const DemoOptions::Scale scale
        = parser.value(scaleOption) == u"tiny" ? DemoOptions::Scale::Tiny : DemoOptions::Scale::Small;

    const auto [whole, wholeSeconds] = fill(*spec, scale, false);
    const auto [apart, apartSeconds] = fill(*spec, scale, true);
    if (whole < 0 || apart < 0) {
        out() << "bench_personal: could not fill the store" << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("demo written whole:     %1 snapshots in %2 s (%3 /s)")
                 .arg(whole)
                 .arg(wholeSeconds, 0, 'f', 1)
                 .arg(double(whole) / wholeSeconds, 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("demo kept apart:        %1 snapshots in %2 s (%3 /s), %4% of the whole rate")
                 .arg(apart)
                 .arg(apartSeconds, 0, 'f', 1)
                 .arg(double(apart) / apartSeconds, 0, 'f', 0)
                 .arg(100.0 * (double(apart) / apartSeconds) / (double(whole) / wholeSeconds), 0, 'f', 0)
          << Qt::endl;

    // The conversion of a store written whole, as the owner's init runs it.
    fill(*spec, scale, false);
    auto store = openSnapshotStore(*spec, {});
    if (!store)
        return 1;
    QElapsedTimer timer;
    timer.start();
    auto converted = (*store)->withholdPending(500, {});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!converted) {
        out() << "bench_personal: " << converted.error().message << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("conversion:             %1 snapshots and %2 events in %3 s (%4 rows/s), %5 fields kept "
                            "apart, %6 dictionaries trained again, %7 dropped, %8 left")
                 .arg(converted->converted)
                 .arg(converted->events)
                 .arg(seconds, 0, 'f', 1)
                 .arg(double(converted->converted + converted->events) / seconds, 0, 'f', 0)
                 .arg(converted->fields)
                 .arg(converted->dictionariesRetrained)
                 .arg(converted->dictionariesDropped)
                 .arg(converted->remaining)
          << Qt::endl;
    out() << "peak RSS: " << statusKb("VmHWM:") / 1024 << " MB" << Qt::endl;
    return 0;
}
