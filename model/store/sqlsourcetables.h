#pragma once

#include "store/sourcetables.h"
#include "store/sqlconnections.h"
#include "store/sqlpersonalfields.h"

// SourceTables over the SQL store's connections.
class SqlSourceTables final : public SourceTables
{
public:
    SqlSourceTables(SqlConnections &sql, SqlPersonalFields &personal)
        : m_sql(sql)
        , m_personal(personal)
    { }

    Status appendEvents(const QList<EventRecord> &events) override;
    Result<QList<EventRecord>> events(
        const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq) override;
    Result<EventRange> eventRange(const QString &tenant, const QString &aggregateId) override;
    Result<qint64> lastSeqAt(const QString &tenant, const QString &aggregateId, EpochMs at) override;
    Status putStockLevels(const QList<StockLevel> &levels) override;
    Result<QStringList> storeCodes(const QString &tenant) override;
    Result<QList<StockLevel>> stockLevels(const QString &tenant, const QString &storeCode) override;
    Status appendInventoryTransactions(const QList<InventoryTransaction> &transactions) override;
    Result<QList<InventoryTransaction>> inventoryTransactions(
        const QString &tenant, EpochMs from, EpochMs to, const QString &storeCode) override;
    Result<QList<DailyInventoryFact>> latestDailyInventoryBefore(
        const QString &tenant, const QString &day, const QString &storeCode) override;

private:
    SqlConnections &m_sql;
    SqlPersonalFields &m_personal;
};
