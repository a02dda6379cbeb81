#include "sqlanalytics.h"

#include <QSqlQuery>

Result<QList<KindStats>> SqlAnalytics::kindStats(const QString &tenant, bool withSizes)
{
    // Without the sizes, every column read is in snapshots_kind_time: the table itself is not touched.
    QString sql = withSizes ? QStringLiteral(
                      "SELECT kind, COUNT(*), SUM(raw_size), SUM(stored_size) FROM snapshots WHERE deleted_at IS NULL")
                            : QStringLiteral("SELECT kind, COUNT(*), 0, 0 FROM snapshots WHERE deleted_at IS NULL");
    QVariantList values;
    if (!tenant.isEmpty()) {
        sql += QStringLiteral(" AND tenant_id = ?");
        values << tenant;
    }
    return m_sql.rows(QStringLiteral("reading storage statistics"),
        sql + QStringLiteral(" GROUP BY kind ORDER BY kind"), values, [withSizes](const QSqlQuery &row) {
            return KindStats { row.value(0).toString(), row.value(1).toLongLong(), row.value(2).toLongLong(),
                row.value(3).toLongLong(), withSizes };
        });
}

Result<QList<InventoryPoint>> SqlAnalytics::inventorySeries(const InventorySeriesQuery &q)
{
    if (q.tenant.isEmpty() || !q.from.isValid() || !q.to.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("an inventory series needs a tenant and a date range") };
    const SqlDialect &d = m_sql.dialect();
    QStringList where { QStringLiteral("tenant_id = ?"), QStringLiteral("day >= %1").arg(d.dateParameter()),
        QStringLiteral("day <= %1").arg(d.dateParameter()) };
    QVariantList values { q.tenant, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate) };
    if (!q.storeCode.isEmpty()) {
        where << QStringLiteral("store_code = ?");
        values << q.storeCode;
    }
    if (!q.productId.isEmpty()) {
        where << QStringLiteral("product_id = ?");
        values << q.productId;
    } else if (q.topN > 0) {
        // The N products with the largest stock value on the last day of the range that has data.
        where << QStringLiteral("product_id IN (SELECT product_id FROM daily_inventory WHERE tenant_id = ?%1 AND day = "
                                "(SELECT MAX(day) FROM daily_inventory WHERE tenant_id = ? AND day <= %2) "
                                "GROUP BY product_id ORDER BY SUM(total_value) DESC, product_id LIMIT %3)")
                     .arg(q.storeCode.isEmpty() ? QString() : QStringLiteral(" AND store_code = ?"), d.dateParameter())
                     .arg(q.topN);
        values << q.tenant;
        if (!q.storeCode.isEmpty())
            values << q.storeCode;
        values << q.tenant << q.to.toString(Qt::ISODate);
    }
    // Days first (summed over the products and stores chosen), then periods: the first day's opening, the last
    // day's closing and value, the flows summed.
    const QString sql = QStringLiteral(
        "WITH days AS (SELECT day, SUM(opening) AS opening, SUM(closing) AS closing, SUM(inbound) AS inbound, "
        "SUM(outbound) AS outbound, SUM(adjustments) AS adjustments, SUM(total_value) AS total_value "
        "FROM %3 WHERE %1 GROUP BY day), "
        "ranked AS (SELECT %2 AS period, days.*, "
        "ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY day) AS first_day, "
        "ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY day DESC) AS last_day FROM days) "
        "SELECT period, SUM(CASE WHEN first_day = 1 THEN opening END), SUM(CASE WHEN last_day = 1 THEN closing END), "
        "SUM(inbound), SUM(outbound), SUM(adjustments), SUM(CASE WHEN last_day = 1 THEN total_value END) "
        "FROM ranked GROUP BY period ORDER BY period")
                            .arg(where.join(QStringLiteral(" AND ")),
                                d.periodStart(QStringLiteral("day"), q.granularity),
                                // Every product: the per-store day sums (2,190 rows for two years of 3 stores)
                                // instead of the facts (1.1 million).
                                q.productId.isEmpty() && q.topN <= 0 ? QStringLiteral("inventory_store_days")
                                                                     : QStringLiteral("daily_inventory"));
    return m_sql.rows(QStringLiteral("reading the inventory series"), sql, values, [](const QSqlQuery &row) {
        InventoryPoint p;
        p.period = row.value(0).toDate();
        p.opening = row.value(1).toLongLong();
        p.closing = row.value(2).toLongLong();
        p.inbound = row.value(3).toLongLong();
        p.outbound = row.value(4).toLongLong();
        p.adjustments = row.value(5).toLongLong();
        p.totalValue = row.value(6).toDouble();
        p.hasData = true;
        return p;
    });
}

Result<QList<ChatPoint>> SqlAnalytics::chatSeries(const ChatSeriesQuery &q)
{
    if (q.tenant.isEmpty() || !q.from.isValid() || !q.to.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("a chat series needs a tenant and a date range") };
    const SqlDialect &d = m_sql.dialect();
    QStringList where { QStringLiteral("tenant_id = ?"), QStringLiteral("snapshot_type = ?"),
        QStringLiteral("business_day >= %1").arg(d.dateParameter()),
        QStringLiteral("business_day <= %1").arg(d.dateParameter()) };
    QVariantList values { q.tenant, q.snapshotType, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate) };
    if (!q.platform.isEmpty()) {
        where << QStringLiteral("platform = ?");
        values << q.platform;
    }
    if (q.humanHandoff) {
        where << QStringLiteral("human_handoff = ?");
        values << *q.humanHandoff;
    }
    const QString period = d.periodStart(QStringLiteral("business_day"), q.granularity);
    // From the day sums of migration 0002; an average is its sum over its count, as AVG would compute it.
    const QString sql = QStringLiteral(
        "SELECT %1 AS period, SUM(conversations), SUM(converted), "
        "SUM(order_value_sum) / NULLIF(SUM(order_value_count), 0), SUM(duration_sum) / NULLIF(SUM(duration_count), 0), "
        "SUM(satisfaction_sum) / NULLIF(SUM(satisfaction_count), 0), "
        "SUM(CASE WHEN platform = 'line' THEN conversations ELSE 0 END), "
        "SUM(CASE WHEN platform = 'facebook' THEN conversations ELSE 0 END), "
        "SUM(CASE WHEN platform = 'whatsapp' THEN conversations ELSE 0 END) "
        "FROM chat_days WHERE %2 GROUP BY period ORDER BY period")
                            .arg(period, where.join(QStringLiteral(" AND ")));
    const auto optional = [](const QVariant &v) { return v.isNull() ? std::optional<double>() : v.toDouble(); };
    return m_sql.rows(QStringLiteral("reading the chat series"), sql, values, [&optional](const QSqlQuery &row) {
        ChatPoint p;
        p.period = row.value(0).toDate();
        p.conversations = row.value(1).toLongLong();
        p.converted = row.value(2).toLongLong();
        p.averageOrderValue = optional(row.value(3));
        p.averageDurationS = optional(row.value(4));
        p.averageSatisfaction = optional(row.value(5));
        p.line = row.value(6).toLongLong();
        p.facebook = row.value(7).toLongLong();
        p.whatsapp = row.value(8).toLongLong();
        p.hasData = true;
        return p;
    });
}

Result<InventoryCatalogue> SqlAnalytics::inventoryCatalogue(const QString &tenant)
{
    const auto text = [](const QSqlQuery &row) { return row.value(0).toString(); };
    auto stores = m_sql.rows(QStringLiteral("listing the inventory's stores"),
        QStringLiteral("SELECT DISTINCT store_code FROM inventory_store_days WHERE tenant_id = ? ORDER BY store_code"),
        { tenant }, text);
    if (!stores)
        return stores.error();
    // One index seek per product (daily_inventory_product) instead of a DISTINCT over every fact row.
    auto products = m_sql.rows(QStringLiteral("listing the inventory's products"),
        QStringLiteral("WITH RECURSIVE products(id) AS ("
                       "SELECT MIN(product_id) FROM daily_inventory WHERE tenant_id = ? "
                       "UNION ALL SELECT (SELECT MIN(product_id) FROM daily_inventory WHERE tenant_id = ? "
                       "AND product_id > products.id) "
                       "FROM products WHERE products.id IS NOT NULL) "
                       "SELECT id FROM products WHERE id IS NOT NULL"),
        { tenant, tenant }, text);
    if (!products)
        return products.error();
    return InventoryCatalogue { *stores, *products };
}

Result<QList<MonthlyInventoryLine>> SqlAnalytics::monthlyInventory(const MonthlyInventoryQuery &q)
{
    if (q.tenant.isEmpty() || !q.month.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("a monthly inventory report needs a tenant and a month") };
    const SqlDialect &d = m_sql.dialect();
    const QDate first(q.month.year(), q.month.month(), 1);
    QVariantList values { q.tenant, first.toString(Qt::ISODate), first.addMonths(1).addDays(-1).toString(Qt::ISODate) };
    QString store;
    if (!q.storeCode.isEmpty()) {
        store = QStringLiteral(" AND store_code = ?");
        values << q.storeCode;
    }
    values << q.tenant;
    // Each store's last day of the product in the month gives its closing stock and value; every day's outbound at
    // that day's average cost is the cost of goods sold.
    const QString sql = QStringLiteral(
        "WITH month AS (SELECT store_code, product_id, day, closing, total_value, outbound, average_cost, "
        "ROW_NUMBER() OVER (PARTITION BY store_code, product_id ORDER BY day DESC) AS from_end "
        "FROM daily_inventory WHERE tenant_id = ? AND day >= %1 AND day <= %1%2), "
        "products AS (SELECT product_id, SUM(CASE WHEN from_end = 1 THEN closing ELSE 0 END) AS closing, "
        "SUM(CASE WHEN from_end = 1 THEN total_value ELSE 0 END) AS total_value, SUM(outbound) AS outbound, "
        "SUM(outbound * average_cost) AS cogs, MAX(day) AS last_day FROM month GROUP BY product_id) "
        "SELECT products.product_id, (SELECT MIN(name) FROM stock_levels WHERE tenant_id = ? "
        "AND item_code = products.product_id), closing, total_value, outbound, cogs, last_day "
        "FROM products ORDER BY total_value DESC, products.product_id")
                            .arg(d.dateParameter(), store);
    return m_sql.rows(QStringLiteral("reading the monthly inventory report"), sql, values, [](const QSqlQuery &row) {
        MonthlyInventoryLine line;
        line.productId = row.value(0).toString();
        line.name = row.value(1).toString();
        line.closingStock = row.value(2).toLongLong();
        line.totalValue = row.value(3).toDouble();
        line.outbound = row.value(4).toLongLong();
        line.costOfGoodsSold = row.value(5).toDouble();
        line.lastDay = row.value(6).toDate();
        return line;
    });
}
