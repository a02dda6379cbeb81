#pragma once

#include "domain/analytics.h"
#include "store/sqlconnections.h"

// What the charts and the storage statistics read: the chart facts' sums grouped by period in SQL, the inventory's
// stores and products, and per-kind counts and sizes.
class SqlAnalytics
{
public:
    explicit SqlAnalytics(SqlConnections &sql)
        : m_sql(sql)
    { }

    Result<QList<InventoryPoint>> inventorySeries(const InventorySeriesQuery &query);
    Result<QList<ChatPoint>> chatSeries(const ChatSeriesQuery &query);
    Result<InventoryCatalogue> inventoryCatalogue(const QString &tenant);
    Result<QList<MonthlyInventoryLine>> monthlyInventory(const MonthlyInventoryQuery &query);
    // Per kind, live snapshots of a tenant (all tenants when empty); withSizes reads every row, without them the
    // time index alone answers.
    Result<QList<KindStats>> kindStats(const QString &tenant, bool withSizes);

private:
    SqlConnections &m_sql;
};
