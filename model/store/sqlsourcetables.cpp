#include "sqlsourcetables.h"

#include <QSqlError>
#include <QSqlQuery>

#include "domain/pii.h"
#include "json/strictjson.h"

using SqlValues::compactJson;
using SqlValues::execWith;
using SqlValues::nullIfEmpty;

namespace {

// Runs `bind` for every row inside one transaction with one prepared statement.
template <typename Row, typename Bind>
Status insertRows(QSqlDatabase &db, const QString &sql, const QList<Row> &rows, const QString &what, Bind bind)
{
    if (rows.isEmpty())
        return {};
    if (!db.transaction())
        return Error { Error::Code::Database, db.lastError().text() };
    QSqlQuery query(db);
    query.prepare(sql);
    for (const Row &row : rows) {
        bind(query, row);
        if (!query.exec()) {
            const Error error { Error::Code::Database,
                QStringLiteral("writing %1: %2").arg(what, query.lastError().text()) };
            query = QSqlQuery();
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return {};
}

} // namespace

Status SqlSourceTables::appendEvents(const QList<EventRecord> &events)
{
    if (events.isEmpty())
        return {};
    // A shared store keeps the events' contact details apart, as it does the snapshots' (issue 26).
    const bool splits = m_personal.splits();
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &) -> Status {
        QSqlQuery query(db);
        query.prepare(splits ? QStringLiteral("INSERT INTO events (tenant_id, aggregate_id, seq, type, occurred_at, "
                                              "data, withheld) VALUES (?, ?, ?, ?, ?, ?, true)")
                             : QStringLiteral("INSERT INTO events (tenant_id, aggregate_id, seq, type, occurred_at, "
                                              "data) VALUES (?, ?, ?, ?, ?, ?)"));
        QList<SqlPersonalFields::EventRow> fields;
        for (const EventRecord &e : events) {
            Pii::WithheldDocument withheld;
            if (splits)
                withheld = Pii::withhold(e.data, QString());
            for (const QVariant &value :
                { QVariant(e.tenant), QVariant(e.aggregateId), QVariant(e.seq), QVariant(e.type),
                    QVariant(e.occurredAt), QVariant(compactJson(splits ? withheld.document : e.data)) })
                query.addBindValue(value);
            if (!query.exec())
                return m_sql.errorFrom(QStringLiteral("writing events"), query);
            for (Pii::WithheldField &field : withheld.fields)
                fields.append({ e.tenant, e.aggregateId, e.seq, std::move(field) });
        }
        return m_personal.writeEvents(db, fields);
    });
}

Status SqlSourceTables::putStockLevels(const QList<StockLevel> &levels)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    return insertRows(*dbResult,
        QStringLiteral(
            "INSERT INTO stock_levels (tenant_id, store_code, item_code, name, quantity, minimum_quantity, "
            "reorder_point, reorder_quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
            "(tenant_id, store_code, item_code) DO UPDATE SET name = excluded.name, quantity = excluded.quantity, "
            "minimum_quantity = excluded.minimum_quantity, reorder_point = excluded.reorder_point, "
            "reorder_quantity = excluded.reorder_quantity, updated_at = excluded.updated_at"),
        levels, QStringLiteral("stock levels"), [](QSqlQuery &query, const StockLevel &s) {
            query.addBindValue(s.tenant);
            query.addBindValue(s.storeCode);
            query.addBindValue(s.itemCode);
            query.addBindValue(s.name);
            query.addBindValue(s.quantity);
            query.addBindValue(s.minimumQuantity);
            query.addBindValue(s.reorderPoint);
            query.addBindValue(s.reorderQuantity);
            query.addBindValue(s.updatedAt);
        });
}

Status SqlSourceTables::appendInventoryTransactions(const QList<InventoryTransaction> &transactions)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    return insertRows(*dbResult,
        QStringLiteral(
            "INSERT INTO inventory_transactions (id, tenant_id, store_code, product_id, type, quantity, reason, "
            "reference_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        transactions, QStringLiteral("inventory transactions"), [](QSqlQuery &query, const InventoryTransaction &t) {
            query.addBindValue(t.id);
            query.addBindValue(t.tenant);
            query.addBindValue(t.storeCode);
            query.addBindValue(t.productId);
            query.addBindValue(t.type);
            query.addBindValue(t.quantity);
            query.addBindValue(nullIfEmpty(t.reason));
            query.addBindValue(nullIfEmpty(t.referenceId));
            query.addBindValue(t.occurredAt);
        });
}

Result<QList<EventRecord>> SqlSourceTables::events(
    const QString &tenant, const QString &aggregateId, qint64 afterSeq, std::optional<qint64> upToSeq)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT seq, type, occurred_at, data FROM events WHERE tenant_id = ? AND "
                                 "aggregate_id = ? AND seq > ?");
    QVariantList values { tenant, aggregateId, afterSeq };
    if (upToSeq) {
        sql += QStringLiteral(" AND seq <= ?");
        values.append(*upToSeq);
    }
    if (!execWith(query, sql + QStringLiteral(" ORDER BY seq"), values))
        return m_sql.errorFrom(QStringLiteral("reading the events of %1").arg(aggregateId), query);
    QList<EventRecord> events;
    while (query.next()) {
        // The event store's rows come from another system: data that is not a JSON object is named, not read as {}.
        const QVariant data = query.value(3);
        const auto parsed = StrictJson::readStored(
            data.typeId() == QMetaType::QByteArray ? data.toByteArray() : data.toString().toUtf8());
        if (!data.isNull() && (!parsed || !parsed->isObject()))
            return Error { Error::Code::Invalid,
                QStringLiteral("event %1 of %2 has data that is not a JSON object%3")
                    .arg(query.value(0).toLongLong())
                    .arg(aggregateId, parsed ? QString() : QStringLiteral(" (") + parsed.error().message + u')') };
        events.append({ tenant, aggregateId, query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toLongLong(), parsed ? parsed->toObject() : QJsonObject() });
    }
    if (query.lastError().isValid())
        return m_sql.errorFrom(QStringLiteral("reading the events of %1").arg(aggregateId), query);
    query.finish();
    if (m_personal.splits() && m_personal.readable() && !events.isEmpty()) {
        auto fields = m_personal.eventFields(tenant, aggregateId, afterSeq, upToSeq);
        if (!fields)
            return fields.error();
        for (EventRecord &e : events) {
            if (const auto found = fields->constFind(e.seq); found != fields->constEnd())
                e.data = Pii::restore(std::move(e.data), *found);
        }
    }
    return events;
}

Result<EventRange> SqlSourceTables::eventRange(const QString &tenant, const QString &aggregateId)
{
    auto row = m_sql.first(QStringLiteral("reading the events of %1").arg(aggregateId),
        QStringLiteral("SELECT COUNT(*), MIN(seq), MAX(seq), MIN(occurred_at), MAX(occurred_at) FROM events "
                       "WHERE tenant_id = ? AND aggregate_id = ?"),
        { tenant, aggregateId });
    if (!row)
        return row.error();
    return EventRange { row->value(0).toLongLong(), row->value(1).toLongLong(), row->value(2).toLongLong(),
        row->value(3).toLongLong(), row->value(4).toLongLong() };
}

Result<qint64> SqlSourceTables::lastSeqAt(const QString &tenant, const QString &aggregateId, EpochMs at)
{
    // Events are appended in time order, so the newest by sequence that occurred by then is the answer.
    auto row = m_sql.first(QStringLiteral("reading the events of %1").arg(aggregateId),
        QStringLiteral("SELECT MAX(seq) FROM events WHERE tenant_id = ? AND aggregate_id = ? AND occurred_at <= ?"),
        { tenant, aggregateId, at });
    if (!row)
        return row.error();
    return row->value(0).isNull() ? qint64(0) : row->value(0).toLongLong();
}

Result<QStringList> SqlSourceTables::storeCodes(const QString &tenant)
{
    return m_sql.rows(QStringLiteral("reading store codes"),
        QStringLiteral("SELECT DISTINCT store_code FROM stock_levels WHERE tenant_id = ? ORDER BY store_code"),
        { tenant }, [](const QSqlQuery &row) { return row.value(0).toString(); });
}

Result<QList<StockLevel>> SqlSourceTables::stockLevels(const QString &tenant, const QString &storeCode)
{
    return m_sql.rows(QStringLiteral("reading the stock of %1").arg(storeCode),
        QStringLiteral("SELECT item_code, name, quantity, minimum_quantity, reorder_point, reorder_quantity, "
                       "updated_at FROM stock_levels WHERE tenant_id = ? AND store_code = ? ORDER BY item_code"),
        { tenant, storeCode }, [&](const QSqlQuery &row) {
            return StockLevel { tenant, storeCode, row.value(0).toString(), row.value(1).toString(),
                row.value(2).toInt(), row.value(3).toInt(), row.value(4).toInt(), row.value(5).toInt(),
                row.value(6).toLongLong() };
        });
}

Result<QList<InventoryTransaction>> SqlSourceTables::inventoryTransactions(
    const QString &tenant, EpochMs from, EpochMs to, const QString &storeCode)
{
    QString sql = QStringLiteral("SELECT id, store_code, product_id, type, quantity, reason, reference_id, occurred_at "
                                 "FROM inventory_transactions WHERE tenant_id = ? AND occurred_at >= ? "
                                 "AND occurred_at < ?");
    QVariantList values { tenant, from, to };
    if (!storeCode.isEmpty()) {
        sql += QStringLiteral(" AND store_code = ?");
        values.append(storeCode);
    }
    return m_sql.rows(QStringLiteral("reading inventory transactions"),
        sql + QStringLiteral(" ORDER BY occurred_at, id"), values, [&](const QSqlQuery &row) {
            return InventoryTransaction { row.value(0).toString(), tenant, row.value(1).toString(),
                row.value(2).toString(), row.value(3).toString(), row.value(4).toInt(), row.value(5).toString(),
                row.value(6).toString(), row.value(7).toLongLong() };
        });
}

Result<QList<DailyInventoryFact>> SqlSourceTables::latestDailyInventoryBefore(
    const QString &tenant, const QString &day, const QString &storeCode)
{
    QString storeFilter;
    QVariantList values { tenant, day };
    // (bound in order: tenant, the day inside the sub-select, then the store)
    if (!storeCode.isEmpty()) {
        storeFilter = QStringLiteral(" AND d.store_code = ?");
        values.append(storeCode);
    }
    // The closing of the newest earlier day that has rows (the day index answers it at once); a product without a
    // row that day starts from zero.
    return m_sql.rows(QStringLiteral("reading daily inventory before %1").arg(day),
        QStringLiteral("SELECT d.store_code, d.product_id, d.day, d.opening, d.closing, d.inbound, d.outbound, "
                       "d.adjustments, d.average_cost, d.total_value, d.snapshot_id FROM daily_inventory d "
                       "WHERE d.tenant_id = ? AND d.day = (SELECT MAX(p.day) FROM daily_inventory p WHERE "
                       "p.tenant_id = d.tenant_id AND p.day < %1)%2 ORDER BY d.store_code, d.product_id")
            .arg(m_sql.dialect().dateParameter(), storeFilter),
        values, [](const QSqlQuery &row) {
            return DailyInventoryFact { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toLongLong(), row.value(4).toLongLong(), row.value(5).toLongLong(),
                row.value(6).toLongLong(), row.value(7).toLongLong(), row.value(8).toDouble(), row.value(9).toDouble(),
                row.value(10).toString() };
        });
}
