#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/error.h"
#include "domain/history.h"
#include "domain/sourcerecords.h"

// The source tables manual and scheduled snapshots read (DESIGN §2, "Sources"): an aggregate's events, stock levels,
// inventory transactions, and the daily inventory facts a day's snapshot opens from. Each table is written and read
// here. Same threading rule as SnapshotStore: every method runs on the calling thread with that thread's connection.
class SourceTables
{
public:
    virtual ~SourceTables() = default;

    // --- events of event-sourced aggregates
    virtual Status appendEvents(const QList<EventRecord> &events) = 0;
    // Events with afterSeq < seq <= upToSeq (no upper bound when empty), oldest first.
    virtual Result<QList<EventRecord>> events(
        const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq = {})
        = 0;
    virtual Result<EventRange> eventRange(const QString &tenant, const QString &aggregateId) = 0;
    // The last event that occurred at or before `at` (0: none yet).
    virtual Result<qint64> lastSeqAt(const QString &tenant, const QString &aggregateId, EpochMs at) = 0;

    // --- stock levels (inserted or replaced per store and item)
    virtual Status putStockLevels(const QList<StockLevel> &levels) = 0;
    virtual Result<QStringList> storeCodes(const QString &tenant) = 0;
    virtual Result<QList<StockLevel>> stockLevels(const QString &tenant, const QString &storeCode) = 0;

    // --- inventory transactions
    virtual Status appendInventoryTransactions(const QList<InventoryTransaction> &transactions) = 0;
    // Those with from <= occurred_at < to, of one store or (empty) all, oldest first.
    virtual Result<QList<InventoryTransaction>> inventoryTransactions(
        const QString &tenant, EpochMs from, EpochMs to, const QString &storeCode)
        = 0;

    // For each store and product, its newest daily_inventory fact row of a day before `day` (YYYY-MM-DD).
    virtual Result<QList<DailyInventoryFact>> latestDailyInventoryBefore(
        const QString &tenant, const QString &day, const QString &storeCode)
        = 0;
};
