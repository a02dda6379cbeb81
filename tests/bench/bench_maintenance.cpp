// Cleanup figures of issue 6 on a large store (snapscope-cli demo --scale large): plan time, trash throughput with
// the GUI heartbeat while the console's own retention page runs the cleanup, purge throughput, and beside them a
// plain DELETE (and UPDATE) of the same rows in the sqlite3 shell. Destructive steps run on a copy of the file.
//
//   bench_maintenance --db FILE [--kind daily_inventory] [--scratch DIR] [--skip-shell] [--plan-only]
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimeZone>

#include "bench/benchsupport.h"
#include "items/progresstask.h"
#include "maintenanceview.h"
#include "ops/retentionplanner.h"
#include "ops/snapshottaker.h"
#include "ops/trashbin.h"
#include "retentionpanel.h"
#include "store/snapshotstore.h"

using BenchSupport::out;

namespace {

RetentionPolicy benchPolicy(const QString &kind)
{
    RetentionPolicy policy;
    policy.kind = kind;
    policy.keepDaily = 30;
    policy.keepWeekly = 12;
    policy.keepMonthly = 12;
    return policy;
}

// Runs sqlite3 with ".timer on" and returns the summed "real" seconds of its statements.
double sqliteShell(const QString &db, const QString &script)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { db });
    shell.write((QStringLiteral(".timer on\n") + script + QStringLiteral("\n.quit\n")).toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    double seconds = 0;
    const QString text = QString::fromUtf8(shell.readAllStandardOutput());
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(QStringLiteral("Run Time: real ")))
            seconds += line.section(u' ', 3, 3).toDouble();
    }
    const QByteArray errors = shell.readAllStandardError();
    if (!errors.isEmpty())
        out() << "  sqlite3: " << errors.trimmed() << Qt::endl;
    return seconds;
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    return QFile::copy(from, to);
}

} // namespace

// A manual snapshot of one store with 10,000 items, in a scratch store: the median of five.
void storeSnapshot(const QString &scratch)
{
    QTemporaryDir dir(QDir(scratch).filePath(QStringLiteral("bench-take-XXXXXX")));
    auto opened = openSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("take.sqlite"))), { true });
    if (!opened
        || !(*opened)->putTenant(
            { QStringLiteral("t"), QStringLiteral("T"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") })) {
        out() << "cannot make the scratch store" << Qt::endl;
        return;
    }
    QList<StockLevel> levels;
    for (int i = 0; i < 10'000; ++i)
        levels.append(
            { QStringLiteral("t"), QStringLiteral("BIG01"), QStringLiteral("SKU%1").arg(i, 5, 10, QLatin1Char('0')),
                QStringLiteral("สินค้า %1").arg(i), i % 500, 10, 20, 100, 0 });
    if (!(*opened)->sources().putStockLevels(levels)) {
        out() << "cannot write the stock levels" << Qt::endl;
        return;
    }
    std::vector<double> times;
    for (int run = 0; run < 5; ++run) {
        // One item counted differently each run: an unchanged store is not stored again (issue 20).
        StockLevel recount = levels.at(run);
        recount.quantity += 1;
        if (!(*opened)->sources().putStockLevels({ recount })) {
            out() << "cannot write the stock levels" << Qt::endl;
            return;
        }
        TakeRequest request;
        request.tenant = QStringLiteral("t");
        request.kind = QStringLiteral("stock");
        request.storeCodes = { QStringLiteral("BIG01") };
        request.actor = QStringLiteral("bench");
        QElapsedTimer timer;
        timer.start();
        auto taken = SnapshotTaker(**opened).take(request, [](qint64, qint64) { return true; });
        times.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        if (!taken || taken->taken.size() != 1) {
            out() << "the snapshot failed: "
                  << (taken ? QStringLiteral("%1 taken").arg(taken->taken.size()) : taken.error().message) << Qt::endl;
            return;
        }
    }
    out() << QStringLiteral("manual snapshot of a 10,000-item store: median %1 ms, max %2 ms (5 runs)")
                 .arg(BenchSupport::percentile(times, 0.5), 0, 'f', 1)
                 .arg(BenchSupport::percentile(times, 1.0), 0, 'f', 1)
          << Qt::endl;
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("A large demo database."), QStringLiteral("file"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), QStringLiteral("Kind to clean up."),
        QStringLiteral("kind"), QStringLiteral("daily_inventory"));
    const QCommandLineOption scratchOption(
        QStringLiteral("scratch"), QStringLiteral("Folder for the copies."), QStringLiteral("dir"), QDir::tempPath());
    const QCommandLineOption skipShell(QStringLiteral("skip-shell"), QStringLiteral("Do not time the sqlite3 shell."));
    const QCommandLineOption planOnly(QStringLiteral("plan-only"), QStringLiteral("Stop after the console's plan."));
    parser.addOptions({ dbOption, kindOption, scratchOption, skipShell, planOnly });
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(dbOption)) {
        out() << "bench_maintenance: --db FILE (a large demo) is required" << Qt::endl;
        return 2;
    }
    storeSnapshot(parser.value(scratchOption));
    const QString kind = parser.value(kindOption);
    const QString copy = QDir(parser.value(scratchOption)).filePath(QStringLiteral("bench-maintenance.db"));
    const RetentionPolicy policy = benchPolicy(kind);

    // 1. Plan, three times on the original (read-only use), warm after the first.
    std::shared_ptr<SnapshotStore> original;
    {
        auto opened = openSharedSnapshotStore(ConnectionSpec::sqlite(parser.value(dbOption)));
        if (!opened) {
            out() << opened.error().message << Qt::endl;
            return 1;
        }
        original = *opened;
    }
    const QString tenant = original->tenants()->first().id;
    QTimeZone zone(original->tenants()->first().businessTimeZone.toUtf8());
    out() << "plan of " << kind << " (keep 30 daily, 12 weekly, 12 monthly), tenant " << tenant << Qt::endl;
    QList<QUuid> ids;
    for (int run = 1; run <= 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto candidates = original->maintenance().retentionCandidates(tenant, kind);
        const qint64 readMs = timer.elapsed();
        const RetentionPlan plan
            = RetentionPlanner::plan(std::move(*candidates), policy, QDateTime::currentMSecsSinceEpoch(), zone);
        const qint64 totalMs = timer.elapsed();
        out() << "  run " << run << ": " << plan.candidates.rows.size() << " snapshots planned in " << totalMs
              << " ms (read " << readMs << " ms, decide " << totalMs - readMs << " ms); " << plan.deleteCount << " go, "
              << plan.keepCount << " stay" << Qt::endl;
        ids = plan.idsToDelete();
    }
    original.reset();

    // 2. Trash through the console's retention page, with the GUI heartbeat.
    if (!copyFile(parser.value(dbOption), copy)) {
        out() << "cannot copy the database to " << copy << Qt::endl;
        return 1;
    }
    auto opened = openSharedSnapshotStore(ConnectionSpec::sqlite(copy));
    std::shared_ptr<SnapshotStore> store = *opened;
    MaintenanceView view;
    view.resize(1400, 900);
    view.show();
    view.setStore(store, tenant);
    RetentionPanel *panel = view.retentionPanel();
    view.setCurrentWidget(panel);
    panel->setKind(kind);
    BenchSupport::waitUntil([&] { return panel->policy().kind == kind; });
    panel->setPolicy(policy);
    QDialog *preview = nullptr;
    QObject::connect(panel, &RetentionPanel::previewShown, panel, [&](QDialog *dialog) { preview = dialog; });
    BenchSupport::Heartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer planTimer;
    planTimer.start();
    panel->planCleanup();
    BenchSupport::waitUntil([&] { return preview != nullptr; }, 600000);
    const double planStall = heartbeat.stop();
    out() << "console plan + preview dialog: " << planTimer.elapsed() << " ms, longest GUI stall " << planStall << " ms"
          << Qt::endl;
    if (parser.isSet(planOnly))
        return 0;
    qint64 trashed = -1;
    QObject::connect(panel, &RetentionPanel::cleanedUp, panel, [&](qint64 n) { trashed = n; });
    heartbeat.start();
    QElapsedTimer trashTimer;
    trashTimer.start();
    preview->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    BenchSupport::waitUntil([&] { return trashed >= 0; }, 3600000);
    const qint64 trashMs = trashTimer.elapsed();
    const double trashStall = heartbeat.stop();
    out() << "trash: " << trashed << " snapshots in " << trashMs
          << " ms = " << qint64(double(trashed) / (trashMs / 1000.0)) << " snapshots/s; longest GUI stall "
          << trashStall << " ms" << Qt::endl;

    // 3. Purge what was trashed.
    QElapsedTimer purgeTimer;
    purgeTimer.start();
    auto purged = TrashBin(*store, tenant, QStringLiteral("bench")).purge(-1);
    const qint64 purgeMs = purgeTimer.elapsed();
    out() << "purge: " << (purged ? *purged : -1) << " snapshots in " << purgeMs
          << " ms = " << qint64(double(purged ? *purged : 0) / (purgeMs / 1000.0)) << " snapshots/s" << Qt::endl;
    store.reset();

    // 4. The same rows in the sqlite3 shell: a plain UPDATE of deleted_at and a plain DELETE, each on a fresh copy.
    if (!parser.isSet(skipShell)) {
        const QString idFile = QDir(parser.value(scratchOption)).filePath(QStringLiteral("bench-maintenance-ids.txt"));
        QFile file(idFile);
        if (file.open(QIODevice::WriteOnly)) {
            for (const QUuid &id : std::as_const(ids))
                file.write(id.toString(QUuid::WithoutBraces).toLatin1() + '\n');
            file.close();
        }
        const QString load = QStringLiteral("PRAGMA journal_mode=WAL;\nCREATE TEMP TABLE d(id TEXT PRIMARY KEY);\n"
                                            ".import %1 d\n")
                                 .arg(idFile);
        for (const auto &[name, statement] :
            { std::pair { QStringLiteral("UPDATE snapshots SET deleted_at"),
                  QStringLiteral("UPDATE snapshots SET deleted_at = 1 WHERE id IN (SELECT id FROM d);") },
                std::pair { QStringLiteral("DELETE FROM snapshots"),
                    QStringLiteral("DELETE FROM snapshots WHERE id IN (SELECT id FROM d);") } }) {
            copyFile(parser.value(dbOption), copy);
            const double loadSeconds = sqliteShell(copy, load + QStringLiteral("SELECT COUNT(*) FROM d;"));
            const double seconds = sqliteShell(copy, load + statement) - loadSeconds;
            out() << "sqlite3 shell, plain " << name << " of the same " << ids.size()
                  << " rows: " << qint64(seconds * 1000) << " ms = " << qint64(double(ids.size()) / seconds)
                  << " rows/s" << Qt::endl;
        }
        QFile::remove(idFile);
    }
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(copy + suffix);
    return 0;
}
