#pragma once

#include <QDate>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"
#include "store/connectionspec.h"

class SnapshotStore;

struct DemoOptions
{
    enum class Scale { Tiny, Small, Large }; // Tiny: two weeks of every kind, for tests and a first look
    Scale scale = Scale::Small;
    quint64 seed = 42;
    // The demo's "now": its history ends here. Fixed by default so that the same seed gives the same database on any
    // day (tests); `snapscope-cli demo` and the console's first start end it now, so its newest day is today.
    EpochMs endAt = 1793466000000; // 2026-10-31T17:00:00Z = 2026-11-01 00:00 in Bangkok
    bool trainDictionaries = true;

    // The end of `day` in the demo's home zone (Asia/Bangkok): a demo that ends there has `day` as its newest day.
    static EpochMs endOfDay(const QDate &day);
};

// What the generator made for one order: the chat it was taken in, the stock movements and the financial records
// that name it. The ground truth a dispute case is checked against.
struct DemoCase
{
    QStringList chatSessions;
    QStringList transactions; // transaction_id of the inventory_tx snapshots
    QStringList financialRecords; // entity ids of the financial snapshots
};

struct DemoReport
{
    QHash<QString, DemoCase> cases; // by "tenant/order id"
    QHash<QString, qint64> snapshotsByKind;
    qint64 snapshots = 0;
    qint64 events = 0;
    double seconds = 0;
};

// Fills a store with realistic, deterministic (per seed) business history for every kind (issue 2, item 7).
class DemoGenerator
{
public:
    // Return false to cancel; the batches written so far stay (each is one transaction).
    using Progress = std::function<bool(qint64 done, qint64 estimatedTotal, const QString &phase)>;

    DemoGenerator(SnapshotStore &store, DemoOptions options);
    ~DemoGenerator();
    Result<DemoReport> run(const Progress &progress = {});

    static qint64 estimatedSnapshots(DemoOptions::Scale scale);
    // Canonical payloads per kind as the demo writes them (up to `perKind` each), without a store: for dictionary
    // training, codec tests and compression benchmarks.
    static QHash<QString, QList<QByteArray>> samplePayloads(quint64 seed, int perKind);

private:
    SnapshotStore &m_store;
    DemoOptions m_options;
};

// Writes the demo into a new SQLite file at `path`. The file is built as `path`.partial, which nothing else opens, with
// the store's private bulk-load settings (no journal on disk, no syncs), then switched to WAL, synced and renamed to
// `path`: an interrupted or failed run leaves no `path` behind, and a crash at worst a .partial that the next run
// replaces. Fails when `path` exists.
Result<DemoReport> createDemoSqliteFile(
    const QString &path, const DemoOptions &options, const DemoGenerator::Progress &progress = {});

// Fills an existing database (PostgreSQL, or an SQLite file that exists) in place. Its many transactions are
// bracketed by audit rows, demo.start and demo: a database whose last demo.start has no demo after it holds an
// interrupted fill, which verify reports and the next fill discards (every table emptied in one transaction) before
// it starts again. Any other database with snapshots is refused. The store is opened here, `spec` naming it.
Result<DemoReport> fillDemoInPlace(
    const ConnectionSpec &spec, const DemoOptions &options, const DemoGenerator::Progress &progress = {});
// When the database holds an interrupted demo fill: when it started, as the audit log says.
Result<std::optional<EpochMs>> interruptedDemoFill(SnapshotStore &store);
