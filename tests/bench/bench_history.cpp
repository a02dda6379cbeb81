// Point-in-time figures of issue 7: an aggregate with 10,000 events and a snapshot every 100 events, reconstructed
// at random points by hybrid (snapshot + events) and by full replay in one run; and the bytes of the order timelines
// of a demo database stored with incremental snapshots versus full ones (on a copy of the file).
//
//   bench_history [--db DEMO.sqlite] [--pg CONNINFO] [--targets N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "bench/benchsupport.h"
#include "common/cartfixture.h"
#include "ops/snapshotcompactor.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/jsondiff.h"

using BenchSupport::out;
using BenchSupport::percentile;

namespace {

const QString BenchTenant = QStringLiteral("bench");
const QString Kind = QStringLiteral("aggregate");

void reconstruction(const ConnectionSpec &spec, int targets)
{
    auto opened = openSnapshotStore(spec, { true });
    if (!opened) {
        out() << "cannot open " << spec.displayName() << ": " << opened.error().message << Qt::endl;
        return;
    }
    SnapshotStore &store = **opened;
    if (!store.putTenant({ BenchTenant, QStringLiteral("Bench"), QStringLiteral("UTC"), QStringLiteral("THB") })) {
        out() << "could not write the tenant" << Qt::endl;
        return;
    }
    const QString id = QStringLiteral("cart-%1").arg(QDateTime::currentMSecsSinceEpoch());
    CartFixture::Options cart;
    cart.tenant = BenchTenant;
    cart.id = id;
    cart.events = 10'000;
    cart.snapshotEvery = 100;
    cart.seed = 42;
    cart.maxLines = 40;
    cart.termsRepeat = 1;
    cart.stepMs = 30'000;
    if (CartFixture::put(store, cart).isEmpty()) {
        out() << "could not write the aggregate" << Qt::endl;
        return;
    }
    StateReconstructor reconstructor(store);
    QRandomGenerator rng(7);
    std::vector<double> hybrid, full;
    qint64 replayedHybrid = 0;
    int mismatches = 0;
    // The same random versions by both methods; each method's runs back to back, so neither runs on caches the
    // other left cold.
    std::vector<qint64> versions;
    for (int i = 0; i < targets; ++i)
        versions.push_back(rng.bounded(1, 10'001));
    QList<QJsonObject> hybridStates;
    for (qint64 seq : versions) {
        StateReconstructor::Target target;
        target.seq = seq;
        QElapsedTimer timer;
        timer.start();
        auto h = reconstructor.reconstruct(BenchTenant, Kind, id, target, StateReconstructor::Method::Hybrid);
        hybrid.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        hybridStates.append(h ? h->state : QJsonObject());
        replayedHybrid += h ? h->eventsReplayed : 0;
    }
    for (qsizetype i = 0; i < qsizetype(versions.size()); ++i) {
        StateReconstructor::Target target;
        target.seq = versions[size_t(i)];
        QElapsedTimer timer;
        timer.start();
        auto f = reconstructor.reconstruct(BenchTenant, Kind, id, target, StateReconstructor::Method::FullReplay);
        full.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        if (!f || f->state != hybridStates.at(i) || hybridStates.at(i).isEmpty())
            ++mismatches;
    }
    // Where a hybrid reconstruction's time goes, step by step, at the same targets.
    std::vector<double> find, load, read, fold;
    QRandomGenerator again(7);
    for (int i = 0; i < targets; ++i) {
        const qint64 seq = again.bounded(1, 10'001);
        QElapsedTimer timer;
        timer.start();
        auto candidates = store.history().snapshotsUpTo(BenchTenant, Kind, id, seq, 1);
        find.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        timer.restart();
        QJsonObject state;
        qint64 from = 0;
        if (candidates && !candidates->isEmpty()) {
            auto snapshot = store.load(candidates->first().id);
            state = QJsonDocument::fromJson(snapshot->payload).object();
            from = *candidates->first().eventSeq;
        }
        load.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        timer.restart();
        auto events = store.sources().events(BenchTenant, id, from, seq);
        read.push_back(BenchSupport::ms(timer.nsecsElapsed()));
        timer.restart();
        auto folded = StateReconstructor::fold(Kind, state, *events);
        fold.push_back(BenchSupport::ms(timer.nsecsElapsed()));
    }
    const double hMedian = percentile(hybrid, 0.5), fMedian = percentile(full, 0.5);
    out() << spec.displayName() << ": aggregate with 10,000 events, a snapshot every 100; " << targets
          << " random versions" << Qt::endl;
    out() << QStringLiteral("  hybrid:      median %1 ms, p95 %2 ms, max %3 ms (%4 events replayed on average)")
                 .arg(hMedian, 0, 'f', 3)
                 .arg(percentile(hybrid, 0.95), 0, 'f', 3)
                 .arg(percentile(hybrid, 1.0), 0, 'f', 3)
                 .arg(double(replayedHybrid) / targets, 0, 'f', 1)
          << Qt::endl;
    out() << QStringLiteral("  full replay: median %1 ms, p95 %2 ms, max %3 ms")
                 .arg(fMedian, 0, 'f', 3)
                 .arg(percentile(full, 0.95), 0, 'f', 3)
                 .arg(percentile(full, 1.0), 0, 'f', 3)
          << Qt::endl;
    out() << QStringLiteral("  hybrid steps (medians): find the snapshot %1 ms, load and verify it %2 ms, read the "
                            "events %3 ms, fold them %4 ms")
                 .arg(percentile(find, 0.5), 0, 'f', 3)
                 .arg(percentile(load, 0.5), 0, 'f', 3)
                 .arg(percentile(read, 0.5), 0, 'f', 3)
                 .arg(percentile(fold, 0.5), 0, 'f', 3)
          << Qt::endl;
    out() << QStringLiteral("  hybrid is %1x faster (medians); states differing: %2")
                 .arg(fMedian / std::max(hMedian, 1e-6), 0, 'f', 1)
                 .arg(mismatches)
          << Qt::endl;
}

struct Bytes
{
    qint64 stored = 0, raw = 0, rows = 0, deltas = 0;
};

Bytes orderBytes(const ConnectionSpec &spec)
{
    auto opened = openSnapshotStore(spec, {});
    Bytes b;
    if (!opened)
        return b;
    auto tenants = (*opened)->tenants();
    for (const Tenant &t : *tenants) {
        SnapshotQuery query;
        query.tenant = t.id;
        query.kind = QStringLiteral("order");
        PageRequest request;
        request.limit = 5000;
        while (true) {
            auto page = (*opened)->listHeaders(query, request);
            if (!page)
                return b;
            for (const SnapshotHeader &h : std::as_const(page->headers)) {
                b.stored += h.storedSize;
                b.raw += h.rawSize;
                ++b.rows;
                b.deltas += h.baseId.isEmpty() ? 0 : 1;
            }
            if (!page->next)
                break;
            request.after = page->next;
        }
    }
    return b;
}

void incrementalOrders(const QString &demo)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("orders.sqlite"));
    if (!QFile::copy(demo, copy)) {
        out() << "cannot copy " << demo << Qt::endl;
        return;
    }
    const ConnectionSpec spec = ConnectionSpec::sqlite(copy);
    const Bytes before = orderBytes(spec);
    auto opened = openSnapshotStore(spec, {});
    if (!opened) {
        out() << opened.error().message << Qt::endl;
        return;
    }
    QElapsedTimer timer;
    timer.start();
    auto tenants = (*opened)->tenants();
    for (const Tenant &t : *tenants) {
        SnapshotStrategy strategy = SnapshotStrategy::defaultFor(QStringLiteral("order"));
        strategy.incremental = true;
        if (Status saved = (*opened)->history().saveStrategy(t.id, strategy, QStringLiteral("bench")); !saved)
            out() << saved.error().message << Qt::endl;
        auto report = SnapshotCompactor(**opened).run(
            t.id, QStringLiteral("order"), {}, QStringLiteral("bench"), QStringLiteral("bench"));
        if (!report)
            out() << report.error().message << Qt::endl;
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    opened->reset();
    const Bytes after = orderBytes(spec);
    out() << "order timelines of " << demo << ": " << before.rows << " snapshots" << Qt::endl;
    out() << QStringLiteral("  full:        %1 bytes stored (%2 raw)").arg(before.stored).arg(before.raw) << Qt::endl;
    out() << QStringLiteral("  incremental: %1 bytes stored (%2 raw), %3 deltas; compaction %4 s")
                 .arg(after.stored)
                 .arg(after.raw)
                 .arg(after.deltas)
                 .arg(seconds, 0, 'f', 1)
          << Qt::endl;
    out() << QStringLiteral("  incremental / full: %1% of the stored bytes, %2% of the raw bytes")
                 .arg(100.0 * double(after.stored) / double(std::max<qint64>(1, before.stored)), 0, 'f', 1)
                 .arg(100.0 * double(after.raw) / double(std::max<qint64>(1, before.raw)), 0, 'f', 1)
          << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("A demo database (its orders)."), QStringLiteral("file"));
    const QCommandLineOption pgOption(
        QStringLiteral("pg"), QStringLiteral("Also reconstruct on this PostgreSQL."), QStringLiteral("conninfo"));
    const QCommandLineOption targetsOption(QStringLiteral("targets"), QStringLiteral("Random versions (200)."),
        QStringLiteral("n"), QStringLiteral("200"));
    parser.addOptions({ dbOption, pgOption, targetsOption });
    parser.addHelpOption();
    parser.process(app);
    const int targets = std::max(1, parser.value(targetsOption).toInt());

    QTemporaryDir dir;
    reconstruction(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("aggregate.sqlite"))), targets);
    if (parser.isSet(pgOption)) {
        auto spec = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        if (spec)
            reconstruction(*spec, targets);
        else
            out() << spec.error().message << Qt::endl;
    }
    if (parser.isSet(dbOption))
        incrementalOrders(parser.value(dbOption));
    return 0;
}
