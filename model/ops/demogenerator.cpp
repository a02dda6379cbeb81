#include "demogenerator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <QFuture>
#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <numeric>
#include <unistd.h>

#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "ops/demo/demoworld.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

using namespace Demo;

QHash<QString, QList<QByteArray>> DemoGenerator::samplePayloads(quint64 seed, int perKind)
{
    DemoOptions options;
    options.scale = DemoOptions::Scale::Small;
    DemoWorld sample(options, seed);
    QHash<QString, QList<QByteArray>> samples;
    sample.sink = [&](NewSnapshot &&s) {
        QList<QByteArray> &list = samples[s.kind];
        if (list.size() < perKind)
            list.append(CanonicalJson::write(s.payload));
        return true;
    };
    QList<InventoryTransaction> transactions;
    QList<EventRecord> events;
    QList<StockLevel> levels;
    sample.scale.days = 30;
    sample.orders(std::max(50, perKind / 3), sample.tenant, QStringLiteral("THB"));
    sample.chats(std::max(50, perKind / 2), sample.tenant, 2);
    sample.dailyInventory();
    sample.inventoryTransactions(transactions);
    sample.financial();
    sample.customerTiers();
    sample.accounts();
    sample.aggregates(events);
    sample.storeStock(levels);
    return samples;
}

EpochMs DemoOptions::endOfDay(const QDate &day)
{
    return QDateTime(day.addDays(1), QTime(0, 0), QTimeZone("Asia/Bangkok")).toMSecsSinceEpoch();
}

DemoGenerator::DemoGenerator(SnapshotStore &store, DemoOptions options)
    : m_store(store)
    , m_options(options)
{ }

DemoGenerator::~DemoGenerator() = default;

qint64 DemoGenerator::estimatedSnapshots(DemoOptions::Scale scale)
{
    const Scale s = scaleFor(scale);
    // Orders (both tenants) bring their stock movements (about 3.3 lines each) and payments.
    return qint64(s.days) * s.inventoryProducts * 3 + qint64(s.orders) * 37 / 10 + qint64(s.orders) * 11 / 10 * 43 / 10
        + qint64(s.chats) * 22 / 10 + s.inventoryTx + s.days + s.financialExtra + s.tierRecords + s.accounts * 2
        + s.aggregates * 5 + 3 * (s.days / 7) + (s.days < 30 ? 40 : 1100);
}

Result<DemoReport> DemoGenerator::run(const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    DemoReport report;
    const qint64 estimate = estimatedSnapshots(m_options.scale);

    if (Status s = m_store.putTenant({ QStringLiteral("acme-th"), QStringLiteral("ACME Retail Thailand"),
            QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") });
        !s)
        return s.error();
    if (Status s = m_store.putTenant({ QStringLiteral("lotus-sg"), QStringLiteral("Lotus Mart Singapore"),
            QStringLiteral("Asia/Singapore"), QStringLiteral("SGD") });
        !s)
        return s.error();

    // 1. Dictionaries, trained on a sample drawn with a different seed, before any payload is written.
    if (m_options.trainDictionaries) {
        const QHash<QString, QList<QByteArray>> samples = samplePayloads(m_options.seed ^ 0xD1C7D1C7ULL, 600);
        for (const KindDefinition *kind : KindRegistry::all()) { // registry order: the same seed gives the same ids
            QList<QByteArray> kindSamples = samples.value(kind->id);
            // A shared store keeps personal fields apart, and a dictionary everyone reads is not trained on them.
            if (m_store.keepsPersonalApart()) {
                for (QByteArray &sample : kindSamples)
                    sample = CanonicalJson::write(Pii::withhold(CanonicalJson::read(sample), kind->id).document);
            }
            if (kind->id == u"stock")
                continue; // few, large payloads: zstd finds its own redundancy
            auto dictionary = PayloadCodec::trainDictionary(kindSamples, 16 * 1024);
            if (!dictionary)
                continue; // too few samples for this kind: it is stored with plain zstd
            auto id = m_store.addDictionary(kind->id, *dictionary, int(kindSamples.size()));
            if (!id)
                return id.error();
        }
    }

    // 2. The history itself, written in batches of one transaction each.
    DemoWorld impl(m_options, m_options.seed);
    QList<NewSnapshot> batch;
    constexpr qsizetype BatchSize = 4000;
    std::optional<Error> failure;
    bool cancelled = false;
    QString phase;
    // Generation and writing overlap: up to two batches wait for or are in writing on a store worker, chained so
    // they are written one after the other in order, while the next is generated here. A failed batch fails the
    // ones chained after it with the same error.
    using Written = Result<QList<SnapshotHeader>>;
    struct InFlight
    {
        std::shared_ptr<const QList<NewSnapshot>> batch;
        QFuture<Written> written;
    };
    constexpr size_t MaxInFlight = 2;
    std::deque<InFlight> inFlight;
    const auto waitOldest = [&]() -> bool {
        const Written written = inFlight.front().written.result();
        inFlight.pop_front(); // the batch is freed here, off the writing thread
        if (!written) {
            if (!failure)
                failure = written.error();
            return false;
        }
        return true;
    };
    const auto waitForPending = [&]() -> bool {
        bool ok = true;
        while (!inFlight.empty())
            ok = waitOldest() && ok;
        return ok;
    };
    const auto flush = [&]() -> bool {
        if (batch.isEmpty())
            return true;
        while (inFlight.size() >= MaxInFlight) {
            if (!waitOldest())
                return false;
        }
        for (const NewSnapshot &s : std::as_const(batch))
            ++report.snapshotsByKind[s.kind];
        report.snapshots += batch.size();
        auto toWrite = std::make_shared<const QList<NewSnapshot>>(std::move(batch));
        SnapshotStore *store = &m_store;
        QFuture<Written> written = inFlight.empty()
            ? QtConcurrent::run(&m_store.workers(), [store, toWrite] { return store->putBatch(*toWrite); })
            : inFlight.back().written.then(&m_store.workers(), [store, toWrite](const Written &previous) -> Written {
                  if (!previous)
                      return previous.error();
                  return store->putBatch(*toWrite);
              });
        inFlight.push_back({ std::move(toWrite), std::move(written) });
        batch = QList<NewSnapshot>();
        batch.reserve(BatchSize);
        if (progress && !progress(report.snapshots, std::max(estimate, report.snapshots), phase)) {
            cancelled = true;
            waitForPending();
            return false;
        }
        return true;
    };
    impl.sink = [&](NewSnapshot &&s) {
        batch.append(std::move(s));
        return batch.size() < BatchSize || flush();
    };

    QList<InventoryTransaction> transactions;
    QList<EventRecord> eventRows;
    QList<StockLevel> levels;
    const auto step = [&](const QString &name, const std::function<bool()> &work) {
        phase = name;
        return work() && flush();
    };
    const bool ok = step(QStringLiteral("orders"),
                        [&] { return impl.orders(impl.scale.orders, impl.tenant, QStringLiteral("THB")); })
        && step(QStringLiteral("orders (Singapore)"),
            [&] { return impl.orders(impl.scale.orders / 10, QStringLiteral("lotus-sg"), QStringLiteral("SGD")); })
        && step(QStringLiteral("chats"), [&] { return impl.chats(impl.scale.chats, impl.tenant, 2); })
        && step(QStringLiteral("chats (Singapore)"),
            [&] { return impl.chats(impl.scale.chats / 20, QStringLiteral("lotus-sg"), 3); })
        && step(QStringLiteral("daily inventory"), [&] { return impl.dailyInventory(); })
        && step(QStringLiteral("inventory transactions"), [&] { return impl.inventoryTransactions(transactions); })
        && step(QStringLiteral("financial records"), [&] { return impl.financial(); })
        && step(QStringLiteral("customer tiers"), [&] { return impl.customerTiers(); })
        && step(QStringLiteral("accounts"), [&] { return impl.accounts(); })
        && step(QStringLiteral("aggregates"), [&] { return impl.aggregates(eventRows); })
        && step(QStringLiteral("store stock"), [&] { return impl.storeStock(levels); });
    const bool written = waitForPending();
    if (failure || !written)
        return *failure;
    if (cancelled || !ok)
        return Error { Error::Code::Cancelled,
            QStringLiteral("demo generation cancelled after %1 snapshots").arg(report.snapshots) };

    eventRows += impl.orderEvents;
    if (Status s = m_store.sources().appendEvents(eventRows); !s)
        return s.error();
    if (Status s = m_store.sources().appendInventoryTransactions(transactions); !s)
        return s.error();
    if (Status s = m_store.sources().putStockLevels(levels); !s)
        return s.error();
    report.events = impl.events;
    report.cases = std::move(impl.cases);
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

Result<std::optional<EpochMs>> interruptedDemoFill(SnapshotStore &store)
{
    AuditQuery query;
    query.action = QStringLiteral("demo");
    query.limit = 1;
    auto newest = store.maintenance().auditLog(query);
    if (!newest)
        return newest.error();
    if (!newest->isEmpty() && newest->constFirst().action == u"demo.start")
        return std::optional<EpochMs>(newest->constFirst().at);
    return std::optional<EpochMs>();
}

Result<DemoReport> fillDemoInPlace(
    const ConnectionSpec &spec, const DemoOptions &options, const DemoGenerator::Progress &progress)
{
    OpenOptions open;
    open.createSchema = true;
    {
        auto store = openSnapshotStore(spec, open);
        if (!store)
            return store.error();
        auto interrupted = interruptedDemoFill(**store);
        if (!interrupted)
            return interrupted.error();
        if (*interrupted) {
            // Only a database nobody has used since: the fill's own rows (dictionaries) and nothing else after it.
            AuditQuery since;
            since.at.from = **interrupted;
            since.limit = 1000;
            auto later = (*store)->maintenance().auditLog(since);
            if (!later)
                return later.error();
            for (const AuditEntry &e : std::as_const(*later)) {
                if (e.action != u"demo.start" && e.action != u"dict_train")
                    return Error { Error::Code::Database,
                        QStringLiteral("%1 holds a demo fill that was interrupted at %2, but has been used since (%3 "
                                       "by %4): demo will not discard it; fill a new database instead")
                            .arg(spec.displayName(), IsoTime::toUtcSeconds(**interrupted), e.action, e.actor) };
            }
            AuditEntry discard;
            discard.actor = QStringLiteral("system");
            discard.action = QStringLiteral("demo.discard");
            discard.details = { { QStringLiteral("interrupted_fill_started_at"), **interrupted } };
            if (Status discarded = (*store)->discardEverything(discard); !discarded)
                return discarded.error();
        } else {
            auto existing = (*store)->kindStats(QString());
            if (!existing)
                return existing.error();
            qint64 count = 0;
            for (const KindStats &k : std::as_const(*existing))
                count += k.count;
            if (count > 0) // not bad usage: the database is not one a demo may go into
                return Error { Error::Code::Database,
                    QStringLiteral("%1 already holds %2 snapshots; demo data goes into a new database")
                        .arg(spec.displayName())
                        .arg(count) };
        }
    } // a discarded store's dictionaries and tenants are forgotten with it
    auto store = openSnapshotStore(spec, open);
    if (!store)
        return store.error();
    AuditEntry entry;
    entry.actor = QStringLiteral("system");
    entry.action = QStringLiteral("demo.start");
    entry.outcome = QStringLiteral("started");
    entry.details = { { QStringLiteral("seed"), QString::number(options.seed) },
        { QStringLiteral("scale"),
            options.scale == DemoOptions::Scale::Large      ? QStringLiteral("large")
                : options.scale == DemoOptions::Scale::Tiny ? QStringLiteral("tiny")
                                                            : QStringLiteral("small") } };
    if (Status started = (*store)->maintenance().audit(entry); !started)
        return started.error();
    auto report = DemoGenerator(**store, options).run(progress);
    if (!report)
        return report; // demo.start stays the newest: the fill reads as interrupted, and the next one replaces it
    entry.action = QStringLiteral("demo");
    entry.outcome = QStringLiteral("ok");
    entry.at = 0;
    entry.details.insert(QStringLiteral("snapshots"), report->snapshots);
    if (Status finished = (*store)->maintenance().audit(entry); !finished)
        return finished.error();
    return report;
}

Result<DemoReport> createDemoSqliteFile(
    const QString &path, const DemoOptions &options, const DemoGenerator::Progress &progress)
{
    QElapsedTimer timer; // the whole of it, publishing included
    timer.start();
    if (QFileInfo::exists(path))
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 already exists; the demo goes into a new file").arg(path) };
    const QString partial = path + QStringLiteral(".partial");
    const auto removePartial = [&partial] {
        for (const QString &suffix :
            { QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(partial + suffix);
    };
    removePartial(); // left by a run that crashed
    const ConnectionSpec spec = ConnectionSpec::sqlite(partial);

    Result<DemoReport> report = Error { Error::Code::Database, QString() };
    {
        OpenOptions bulk;
        bulk.createIfMissing = true;
        bulk.privateBulkLoad = true;
        auto store = openSnapshotStore(spec, bulk);
        if (!store) {
            removePartial();
            return store.error();
        }
        report = DemoGenerator(**store, options).run(progress);
        if (report) {
            if (progress)
                progress(report->snapshots, report->snapshots, QStringLiteral("indexes"));
            if (Status built = (*store)->finishBulkLoad(); !built)
                report = built.error();
        }
    } // every connection of the bulk load is closed here
    if (!report) {
        removePartial();
        return report;
    }

    // Publish: a normal open switches the file to WAL, as every later open expects; then sync and rename.
    const auto publishError = [&](const QString &what) {
        removePartial();
        return Error { Error::Code::Io, QStringLiteral("%1: %2").arg(path, what) };
    };
    {
        auto store = openSnapshotStore(spec, {});
        if (!store) {
            removePartial();
            return store.error();
        }
    }
    QFile file(partial);
    if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
        return publishError(QStringLiteral("cannot sync the new database: %1").arg(file.errorString()));
    file.close();
    if (!QFile::rename(partial, path))
        return publishError(QStringLiteral("cannot move the new database into place (did the file appear meanwhile?)"));
    report->seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}
