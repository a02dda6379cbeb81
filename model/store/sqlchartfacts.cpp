#include "sqlchartfacts.h"

#include "json/jsonnumber.h"

using SqlValues::nullIfEmpty;

namespace {

// The day sums of migration 0002, for all rows or (with a WHERE for %1) for one day.
// (Grouped by day first: SQLite then walks daily_inventory_day instead of sorting 1.1 million rows, 2.8 s -> 1.7 s.)
const QString InventoryDaySums = QStringLiteral(
    "SELECT tenant_id, store_code, day, SUM(opening), SUM(closing), SUM(inbound), SUM(outbound), SUM(adjustments), "
    "SUM(total_value), COUNT(*) FROM daily_inventory %1 GROUP BY tenant_id, day, store_code");
const QString ChatDaySums = QStringLiteral(
    "SELECT tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff, COUNT(*), "
    "SUM(CASE WHEN order_created THEN 1 ELSE 0 END), COALESCE(SUM(CASE WHEN order_created THEN order_value END), 0), "
    "COUNT(CASE WHEN order_created THEN order_value END), COALESCE(SUM(duration_s), 0), COUNT(duration_s), "
    "COALESCE(SUM(satisfaction), 0), COUNT(satisfaction) FROM chat_outcomes %1 "
    "GROUP BY tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff");

} // namespace

std::optional<SqlChartFacts::Row> SqlChartFacts::rowOf(const SnapshotHeader &h, const KindDefinition &kind,
    const KindShape &shape, const QJsonObject &payload, const QString &businessDay)
{
    // The facts are named in the kind's definition (chartFactNames); each shape says where its documents keep them.
    // Facts by their place in that list, so that a million rows are read without a search by name.
    const auto fact = [&](qsizetype i) { return shape.chartFact(payload, i); };
    const auto text = [&](qsizetype i) { return JsonNumber::scalarText(fact(i)); };
    const auto integer = [&](qsizetype i) { return qint64(JsonNumber::toDouble(fact(i))); };
    const auto number = [&](qsizetype i) { return JsonNumber::toDouble(fact(i)); };
    Row row;
    switch (kind.chart) {
    case ChartFacts::None:
        return std::nullopt;
    case ChartFacts::DailyInventory: {
        row.inventory = true;
        // store_code, product_id, day, opening_stock, closing_stock, inbound, outbound, adjustments, average_cost,
        // total_value
        const QString store = text(0), product = text(1);
        const QString day = text(2).left(10);
        if (product.isEmpty() || day.isEmpty())
            return std::nullopt;
        row.values = { h.tenant, store, product, day, integer(3), integer(4), integer(5), integer(6), integer(7),
            number(8), number(9), h.id };
        row.replaces = h.tenant + u'\x1f' + store + u'\x1f' + product + u'\x1f' + day;
        row.day = { h.tenant, store, day };
        return row;
    }
    case ChartFacts::ChatOutcomes: {
        // customer_id, platform, total_messages, duration_s, human_handoff, avg_confidence, order_created,
        // order_value, satisfaction
        const QJsonValue satisfaction = fact(8);
        row.values = { h.id, h.tenant, h.entityId, nullIfEmpty(text(0)), nullIfEmpty(text(1)), h.type, h.takenAt,
            businessDay, integer(2), integer(3), fact(4).toBool(), number(5), fact(6).toBool(), number(7),
            JsonNumber::isNumber(satisfaction) ? QVariant(JsonNumber::toDouble(satisfaction))
                                               : QVariant(QMetaType::fromType<double>()) };
        row.day = { h.tenant, h.type, businessDay };
        return row;
    }
    }
    return std::nullopt;
}

SqlChartFacts::SqlChartFacts(SqlConnections &sql, const QSqlDatabase &db)
    : m_sql(sql)
    , m_db(db)
    // A daily_inventory row replaces the one of the same store, product and day.
    , m_inventory(db,
          QStringLiteral("INSERT INTO daily_inventory (tenant_id, store_code, product_id, day, opening, closing, "
                         "inbound, outbound, adjustments, average_cost, total_value, snapshot_id)"),
          QStringLiteral("(?, ?, ?, %1, ?, ?, ?, ?, ?, ?, ?, %2)")
              .arg(sql.dialect().dateParameter(), sql.dialect().uuidParameter()),
          QStringLiteral("ON CONFLICT (tenant_id, store_code, product_id, day) DO UPDATE SET "
                         "opening = excluded.opening, closing = excluded.closing, inbound = excluded.inbound, "
                         "outbound = excluded.outbound, adjustments = excluded.adjustments, "
                         "average_cost = excluded.average_cost, total_value = excluded.total_value, "
                         "snapshot_id = excluded.snapshot_id"),
          sql.dialect().insertRowsPerStatement())
    , m_chat(db,
          QStringLiteral("INSERT INTO chat_outcomes (snapshot_id, tenant_id, session_id, customer_id, platform, "
                         "snapshot_type, taken_at, business_day, total_messages, duration_s, human_handoff, "
                         "avg_confidence, order_created, order_value, satisfaction)"),
          QStringLiteral("(%1, ?, ?, ?, ?, ?, ?, %2, ?, ?, ?, ?, ?, ?, ?)")
              .arg(sql.dialect().uuidParameter(), sql.dialect().dateParameter()),
          QString(), sql.dialect().insertRowsPerStatement())
{ }

namespace {

Error writeError(const QString &table, const BulkInsert &rows)
{
    return { Error::Code::Database, QStringLiteral("writing %1: %2").arg(table, rows.lastError()) };
}

} // namespace

Status SqlChartFacts::add(Row &&row)
{
    (row.inventory ? m_inventoryDays : m_chatDays).insert(row.day);
    BulkInsert &rows = row.inventory ? m_inventory : m_chat;
    if (!rows.addRow(std::move(row.values), row.replaces))
        return writeError(row.inventory ? QStringLiteral("daily_inventory") : QStringLiteral("chat_outcomes"), rows);
    return {};
}

Status SqlChartFacts::finish()
{
    if (!m_inventory.flush())
        return writeError(QStringLiteral("daily_inventory"), m_inventory);
    if (!m_chat.flush())
        return writeError(QStringLiteral("chat_outcomes"), m_chat);
    // A private bulk load sums every day once at the end (sumAllDays).
    return m_sql.isPrivateBulkLoad() ? Status() : refreshDays();
}

Status SqlChartFacts::refreshDays()
{
    const QString date = m_sql.dialect().dateParameter();
    struct Refresh
    {
        const std::set<std::tuple<QString, QString, QString>> &days;
        QString remove, insert;
    };
    const Refresh refreshes[] = {
        { m_inventoryDays,
            QStringLiteral("DELETE FROM inventory_store_days WHERE tenant_id = ? AND store_code = ? AND day = %1")
                .arg(date),
            QStringLiteral("INSERT INTO inventory_store_days %1")
                .arg(InventoryDaySums.arg(
                    QStringLiteral("WHERE tenant_id = ? AND store_code = ? AND day = %1").arg(date))) },
        { m_chatDays,
            QStringLiteral("DELETE FROM chat_days WHERE tenant_id = ? AND snapshot_type = ? AND business_day = %1")
                .arg(date),
            QStringLiteral("INSERT INTO chat_days %1")
                .arg(ChatDaySums.arg(
                    QStringLiteral("WHERE tenant_id = ? AND snapshot_type = ? AND business_day = %1").arg(date))) },
    };
    for (const Refresh &r : refreshes) {
        if (r.days.empty())
            continue;
        QSqlQuery remove(m_db), insert(m_db);
        if (!remove.prepare(r.remove) || !insert.prepare(r.insert))
            return m_sql.errorFrom(
                QStringLiteral("preparing the chart day sums"), remove.lastError().isValid() ? remove : insert);
        for (const auto &[tenant, key, day] : r.days) {
            for (QSqlQuery *q : { &remove, &insert }) {
                q->addBindValue(tenant);
                q->addBindValue(key);
                q->addBindValue(day);
                if (!q->exec())
                    return m_sql.errorFrom(QStringLiteral("updating the chart day sums"), *q);
                q->finish();
            }
        }
    }
    return {};
}

Status SqlChartFacts::sumAllDays(SqlConnections &sql, QSqlQuery &query)
{
    for (const QString &statement :
        { QStringLiteral("DELETE FROM inventory_store_days"), QStringLiteral("DELETE FROM chat_days"),
            QStringLiteral("INSERT INTO inventory_store_days %1").arg(InventoryDaySums.arg(QString())),
            QStringLiteral("INSERT INTO chat_days %1").arg(ChatDaySums.arg(QString())),
            // Statistics for the planner (0.4 s; sampled ones led it astray): the top-N series reads one day through
            // daily_inventory_day, then each product through daily_inventory_product (2-4 s without, 0.08 s with).
            QStringLiteral("ANALYZE daily_inventory") }) {
        if (!query.exec(statement))
            return sql.errorFrom(QStringLiteral("summing the chart days"), query);
    }
    return {};
}
