// The demo's stock: daily inventory per store and product, inventory transactions, store stock levels.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace Demo {

// ---- daily inventory: closing = opening + inbound - outbound + adjustments; opening = previous closing.
// Each (store, product) line has its own random stream, so a day's lines are generated in parallel.
bool DemoWorld::dailyInventory()
{
    struct Line
    {
        const Product *product;
        QString store;
        QString entity;
        qint64 stock;
        double cost;
        Rng rng;
    };
    std::vector<Line> lines;
    for (const QString &storeCode : Stores) {
        for (int p = 0; p < scale.inventoryProducts && p < catalogue.size(); ++p) {
            const Product &product = catalogue.at(p);
            Rng lineRng(streamSeed(baseSeed, 1, lines.size()));
            const qint64 stock = product.demand * lineRng.range(8, 20);
            lines.push_back({ &product, storeCode, storeCode + u':' + product.id, stock, product.cost, lineRng });
        }
    }
    const QJsonObject dailyTrigger = trigger(QStringLiteral("inventory-service"), QStringLiteral("daily_close"));
    const QString daily = QStringLiteral("daily"), kind = QStringLiteral("daily_inventory");
    const QDate firstDay = QDateTime::fromMSecsSinceEpoch(start, zone).date();
    // Days are generated in blocks and written line by line within a block: a batch then touches a few hundred
    // entities' index pages instead of every entity's, which halves what SQLite writes per snapshot.
    constexpr int BlockDays = 14;
    struct BlockDay
    {
        QString text;
        EpochMs takenAt;
        QString updatedAt;
        bool weekend;
    };
    std::vector<BlockDay> block;
    std::vector<NewSnapshot> rows(lines.size() * size_t(BlockDays));
    std::vector<int> indexes(lines.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    for (int first = 0; first < scale.days; first += BlockDays) {
        block.clear();
        for (int d = first; d < std::min(scale.days, first + BlockDays); ++d) {
            const QDate day = firstDay.addDays(d);
            const EpochMs takenAt = QDateTime(day, QTime(23, 59), zone).toMSecsSinceEpoch();
            block.push_back({ day.toString(Qt::ISODate), takenAt, iso(takenAt), day.dayOfWeek() >= 6 });
        }
        const auto generate = [&](int index) {
            Line &line = lines[size_t(index)];
            Rng &r = line.rng;
            const Product &p = *line.product;
            for (size_t d = 0; d < block.size(); ++d) {
                const BlockDay &day = block[d];
                const qint64 opening = line.stock;
                const qint64 reorderPoint = p.demand * 4;
                qint64 inbound = 0;
                if (opening < reorderPoint || r.chance(0.05))
                    inbound = p.demand * r.range(7, 14);
                const double demand = p.demand * (day.weekend ? 1.3 : 1.0) * (0.5 + r.unit());
                const qint64 outbound = std::min<qint64>(opening + inbound, qint64(std::llround(demand)));
                qint64 adjustments = 0;
                if (r.chance(0.04))
                    adjustments = -std::min<qint64>(opening + inbound - outbound, r.range(1, 3));
                else if (r.chance(0.01))
                    adjustments = r.range(1, 2);
                const qint64 closing = opening + inbound - outbound + adjustments;
                if (inbound > 0)
                    line.cost = money(line.cost * (0.97 + 0.06 * r.unit()));
                line.stock = closing;
                NewSnapshot &s = rows[size_t(index) * size_t(BlockDays) + d];
                s.tenant = tenant;
                s.kind = kind;
                s.entityId = line.entity;
                s.takenAt = day.takenAt;
                s.type = daily;
                s.createdBy = QStringLiteral("system");
                s.trigger = dailyTrigger;
                s.id = r.id(day.takenAt);
                // The SAAN guide's daily inventory document, with the store it counts (the deployment has three).
                s.payload = QJsonObject {
                    { QStringLiteral("snapshot_date"), day.text },
                    { QStringLiteral("store_code"), line.store },
                    { QStringLiteral("product_id"), p.id },
                    { QStringLiteral("opening_stock"), opening },
                    { QStringLiteral("closing_stock"), closing },
                    { QStringLiteral("total_inbound"), inbound },
                    { QStringLiteral("total_outbound"), outbound },
                    { QStringLiteral("adjustments"), adjustments },
                    { QStringLiteral("average_cost"), line.cost },
                    { QStringLiteral("total_value"), money(double(closing) * line.cost) },
                    { QStringLiteral("snapshot_created_at"), day.updatedAt },
                };
            }
        };
        // Lines are generated a group at a time, about one write batch, so generating the next group overlaps
        // with writing this one.
        constexpr size_t GroupLines = 2048;
        for (size_t group = 0; group < lines.size(); group += GroupLines) {
            const size_t groupEnd = std::min(lines.size(), group + GroupLines);
            QtConcurrent::blockingMap(
                indexes.begin() + qsizetype(group), indexes.begin() + qsizetype(groupEnd), generate);
            for (size_t line = group; line < groupEnd; ++line) {
                for (size_t d = 0; d < block.size(); ++d) {
                    if (!sink(std::move(rows[line * size_t(BlockDays) + d])))
                        return false;
                }
            }
        }
    }
    return true;
}

bool DemoWorld::inventoryTransactions(QList<InventoryTransaction> &rows)
{
    static const QStringList types { QStringLiteral("deducted"), QStringLiteral("restocked"),
        QStringLiteral("adjusted"), QStringLiteral("transferred"), QStringLiteral("damaged") };
    static const QStringList reasons { QStringLiteral("store_sale"), QStringLiteral("supplier_delivery"),
        QStringLiteral("stock_count"), QStringLiteral("store_transfer"), QStringLiteral("damaged_in_storage") };
    struct Movement
    {
        EpochMs at;
        QString tenant;
        const Product *product;
        QString store;
        int type;
        qint64 quantity;
        QString reason;
        QString reference;
    };
    QHash<QString, const Product *> productById;
    for (const Product &p : std::as_const(catalogue))
        productById.insert(p.id, &p);
    std::vector<Movement> moves;
    // What each paid order took from its store, a later change of quantity, and the return of a cancelled one.
    for (const OrderRef &o : std::as_const(orderRefs)) {
        if (o.confirmedAt == 0)
            continue;
        for (const auto &[product, quantity] : o.items)
            moves.push_back({ o.confirmedAt + Minute, o.tenant, productById.value(product), o.storeCode, 0, -quantity,
                QStringLiteral("order_fulfilment"), o.id });
        if (o.modifiedAt != 0)
            moves.push_back({ o.modifiedAt + Minute, o.tenant, productById.value(o.modifiedProduct), o.storeCode, 0,
                -o.modifiedBy, QStringLiteral("order_changed"), o.id });
        if (o.refundedAt != 0) {
            for (const auto &[product, quantity] : o.items)
                moves.push_back({ o.refundedAt + Minute, o.tenant, productById.value(product), o.storeCode, 1, quantity,
                    QStringLiteral("order_cancelled"), o.id });
        }
    }
    // The stores' own movements: walk-in sales, deliveries, counts, transfers, damage.
    for (int n = 0; n < scale.inventoryTx; ++n) {
        const qint64 pick = rng.below(100);
        const int typeIndex = pick < 55 ? 0 : pick < 80 ? 1 : pick < 90 ? 2 : pick < 96 ? 3 : 4;
        const Product &p = rng.pick(catalogue);
        qint64 quantity = typeIndex == 1 ? p.demand * rng.range(5, 12) : -rng.range(1, 8);
        if (typeIndex == 2)
            quantity = rng.range(-3, 3);
        moves.push_back({ start + (end - start) * n / std::max(1, scale.inventoryTx) + rng.below(Hour), tenant, &p,
            rng.pick(Stores), typeIndex, quantity, reasons.at(typeIndex),
            typeIndex == 1 ? QStringLiteral("PO-%1").arg(rng.range(1000, 9999)) : QString() });
    }
    // In time order: each product's versions follow time.
    std::stable_sort(moves.begin(), moves.end(), [](const Movement &a, const Movement &b) { return a.at < b.at; });
    QHash<QString, qint64> levels;
    qint64 n = 0;
    for (const Movement &m : moves) {
        if (!m.product || m.at >= end)
            continue;
        const Product &p = *m.product;
        qint64 &level = levels[m.tenant + m.store + p.id];
        if (level == 0)
            level = p.demand * 10;
        const qint64 before = level;
        level = std::max<qint64>(0, level + m.quantity);
        const QString id = QStringLiteral("TX-%1").arg(++n, 7, 10, QLatin1Char('0'));
        const QString &type = types.at(m.type);
        // The SAAN guide's inventory transaction document; the store and the stock before and after in its context.
        const QJsonObject payload {
            { QStringLiteral("transaction_id"), id },
            { QStringLiteral("product_id"), p.id },
            { QStringLiteral("transaction_type"), type },
            { QStringLiteral("quantity"), m.quantity },
            { QStringLiteral("reason"), m.reason },
            { QStringLiteral("reference_id"), m.reference },
            { QStringLiteral("product_state"),
                QJsonObject { { QStringLiteral("name"), p.thai }, { QStringLiteral("cost_price"), p.cost },
                    { QStringLiteral("selling_price"), p.price } } },
            { QStringLiteral("transaction_context"),
                QJsonObject { { QStringLiteral("store_code"), m.store },
                    { QStringLiteral("warehouse_location"),
                        QStringLiteral("%1-%2-%3")
                            .arg(QChar(u'A' + int(p.id.right(2).toInt() % 4)))
                            .arg(p.id.right(1).toInt() % 5 + 1)
                            .arg(p.id.right(2).toInt() % 9 + 1) },
                    { QStringLiteral("stock_before"), before }, { QStringLiteral("stock_after"), level },
                    { QStringLiteral("performed_by"),
                        m.reference.startsWith(u"ORD-") ? QStringLiteral("system")
                                                        : QStringLiteral("staff.%1").arg(rng.range(1, 40)) } } },
            { QStringLiteral("created_at"), iso(m.at) },
        };
        rows.append({ id, m.tenant, m.store, p.id, type, int(m.quantity), m.reason, m.reference, m.at });
        if (m.reference.startsWith(u"ORD-"))
            cases[m.tenant + u'/' + m.reference].transactions.append(id);
        if (!emit(QStringLiteral("inventory_tx"), p.id, m.at, type, payload,
                trigger(QStringLiteral("inventory-service"), m.reason), QStringLiteral("system"), std::nullopt,
                m.tenant))
            return false;
    }
    return true;
}

bool DemoWorld::storeStock(QList<StockLevel> &levels)
{
    // The stock service runs for both tenants: each has its schedule (a SnapshotScheduleDocument, weekly on Monday at
    // 02:00, day of week 0 = Monday) and a StockSnapshotDocument per store and run, as mongoexport decodes them; now
    // and then an operator takes one by hand.
    struct StockTenant
    {
        QString id;
        QStringList stores;
        QString zone;
        QString operatorId;
    };
    const QList<StockTenant> stockTenants { { tenant, Stores, QStringLiteral("Asia/Bangkok"),
                                                QStringLiteral("admin.wilai") },
        { QStringLiteral("lotus-sg"), { QStringLiteral("SG001"), QStringLiteral("SG002") },
            QStringLiteral("Asia/Singapore"), QStringLiteral("ops.mei") } };
    const int items = std::min<int>(catalogue.size(), scale.inventoryProducts);
    const auto objectId = [this](EpochMs at) {
        return QStringLiteral("%1%2")
            .arg(quint32(at / 1000), 8, 16, QLatin1Char('0'))
            .arg(rng.next() & 0xFFFFFFFFFFFFULL, 16, 16, QLatin1Char('0'));
    };
    for (const StockTenant &st : stockTenants) {
        const QTimeZone tenantZone(st.zone.toUtf8());
        // The first Monday at 02:00 (the tenant's time) on or after the demo's start.
        QDate monday = QDateTime::fromMSecsSinceEpoch(start, tenantZone).date();
        monday = monday.addDays((8 - monday.dayOfWeek()) % 7);
        const EpochMs firstRun = QDateTime(monday, QTime(2, 0), tenantZone).toMSecsSinceEpoch();
        const EpochMs configured = firstRun - 2 * Day;
        const auto schedule = [&](EpochMs at, int retentionDays) {
            const EpochMs lastRun = at < firstRun ? 0 : firstRun + (at - firstRun) / (7 * Day) * (7 * Day);
            QJsonObject document { { QStringLiteral("_id"), objectId(configured) },
                { QStringLiteral("tenant_id"), st.id },
                { QStringLiteral("schedule_interval"), QStringLiteral("weekly") },
                { QStringLiteral("schedule_hour"), 2 }, { QStringLiteral("schedule_minute"), 0 },
                { QStringLiteral("schedule_day_of_week"), 0 }, { QStringLiteral("retention_days"), retentionDays },
                { QStringLiteral("target_stores"), QJsonArray { QStringLiteral("all") } },
                { QStringLiteral("enabled"), true }, { QStringLiteral("created_at"), iso(configured) },
                { QStringLiteral("updated_at"), iso(at) } };
            if (lastRun > 0)
                document.insert(QStringLiteral("last_executed_at"), iso(lastRun));
            return emit(QStringLiteral("stock_schedule"), st.id, at, QStringLiteral("weekly"), document,
                trigger(QStringLiteral("stock-service"), QStringLiteral("schedule_saved"), st.operatorId),
                st.operatorId, {}, st.id);
        };
        // Half way through, the tenant keeps its snapshots longer (an audit asked for it).
        if (!schedule(configured, 90) || (end - start > 60 * Day && !schedule(start + (end - start) / 2, 180)))
            return false;
        for (const QString &store : st.stores) {
            QList<qint64> quantities;
            for (int i = 0; i < items; ++i)
                quantities.append(catalogue.at(i).demand * rng.range(5, 20));
            for (EpochMs run = firstRun; run < end; run += 7 * Day) {
                const bool manual = rng.chance(0.1);
                const EpochMs at
                    = manual ? run + rng.range(9, 17) * Hour + rng.below(Hour) : run + rng.below(90) * 1000;
                if (at >= end)
                    break;
                QJsonArray stocks;
                qint64 total = 0;
                for (int i = 0; i < items; ++i) {
                    const Product &p = catalogue.at(i);
                    quantities[i] = std::max<qint64>(0, quantities[i] + rng.range(-p.demand * 3, p.demand * 3));
                    total += quantities[i];
                    stocks.append(QJsonObject { { QStringLiteral("item_code"), p.id },
                        { QStringLiteral("quantity"), quantities[i] },
                        { QStringLiteral("minimum_quantity"), p.demand * 2 },
                        { QStringLiteral("reorder_point"), p.demand * 4 },
                        { QStringLiteral("reorder_quantity"), p.demand * 10 } });
                }
                const QString createdBy = manual ? st.operatorId : QStringLiteral("system");
                const QJsonObject document { { QStringLiteral("_id"), objectId(at) },
                    { QStringLiteral("tenant_id"), st.id }, { QStringLiteral("store_code"), store },
                    { QStringLiteral("snapshot_id"), rng.id(at) }, { QStringLiteral("total_items"), items },
                    { QStringLiteral("total_quantity"), total }, { QStringLiteral("stocks"), stocks },
                    { QStringLiteral("created_by"), createdBy },
                    { QStringLiteral("generate_date_time"), IsoTime::toUtcString(at) },
                    { QStringLiteral("created_at"), IsoTime::toUtcString(at) },
                    { QStringLiteral("updated_at"), IsoTime::toUtcString(at) } };
                if (!emit(QStringLiteral("stock"), store, at,
                        manual ? QStringLiteral("manual") : QStringLiteral("scheduled"), document,
                        trigger(QStringLiteral("stock-service"),
                            manual ? QStringLiteral("manual_snapshot") : QStringLiteral("weekly_schedule"), createdBy),
                        createdBy, {}, st.id))
                    return false;
            }
            for (int i = 0; i < items; ++i) {
                const Product &p = catalogue.at(i);
                levels.append(
                    { st.id, store, p.id, p.thai, int(quantities[i]), p.demand * 2, p.demand * 4, p.demand * 10, end });
            }
        }
    }
    return true;
}

} // namespace Demo
