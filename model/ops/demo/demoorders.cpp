// The demo's orders: created, confirmed, shipped, completed, some cancelled or modified, each an event-sourced
// aggregate with its stock movements and payments.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

namespace {

// The order service's Order (its DynamoDB snapshot item's state): the same order in that service's own names.
QJsonObject serviceOrder(const QJsonObject &order)
{
    QJsonArray items;
    for (const QJsonValue &v : order.value(u"items").toArray()) {
        const QJsonObject line = v.toObject();
        items.append(QJsonObject { { QStringLiteral("productId"), line.value(u"product_id") },
            { QStringLiteral("name"), line.value(u"name_en") }, { QStringLiteral("quantity"), line.value(u"quantity") },
            { QStringLiteral("unitPrice"), line.value(u"unit_price") },
            { QStringLiteral("subtotal"), line.value(u"subtotal") } });
    }
    const QJsonObject customer = order.value(u"customer").toObject();
    const QJsonObject pricing = order.value(u"pricing").toObject();
    const QJsonObject delivery = order.value(u"delivery").toObject();
    const QJsonObject address = delivery.value(u"address").toObject();
    const QJsonObject payment = order.value(u"payment").toObject();
    QJsonObject state { { QStringLiteral("id"), order.value(u"order_id") },
        { QStringLiteral("customerId"), customer.value(u"id") },
        { QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("name"), customer.value(u"name") },
                { QStringLiteral("phone"), customer.value(u"phone") },
                { QStringLiteral("email"), customer.value(u"email") } } },
        { QStringLiteral("items"), items }, { QStringLiteral("totalAmount"), pricing.value(u"total") },
        { QStringLiteral("currency"), pricing.value(u"currency") },
        { QStringLiteral("status"), order.value(u"status").toString().toUpper() },
        { QStringLiteral("channel"), order.value(u"channel") },
        { QStringLiteral("storeCode"), order.value(u"store_code") },
        { QStringLiteral("shippingAddress"),
            QJsonObject { { QStringLiteral("line1"), address.value(u"line1") },
                { QStringLiteral("city"), address.value(u"province") },
                { QStringLiteral("postalCode"), address.value(u"postcode") } } },
        { QStringLiteral("payment"),
            QJsonObject { { QStringLiteral("method"), payment.value(u"method") },
                { QStringLiteral("status"), payment.value(u"status").toString().toUpper() } } },
        { QStringLiteral("createdAt"), order.value(u"created_at") },
        { QStringLiteral("updatedAt"), order.value(u"updated_at") } };
    if (delivery.contains(u"tracking_number"))
        state.insert(QStringLiteral("shipment"),
            QJsonObject { { QStringLiteral("carrier"), delivery.value(u"carrier") },
                { QStringLiteral("trackingNumber"), delivery.value(u"tracking_number") },
                { QStringLiteral("events"), order.value(u"tracking") } });
    return state;
}

} // namespace

// ---- orders: created -> confirmed -> shipped -> completed, some cancelled or modified.
bool DemoWorld::orders(int count, const QString &tenantId, const QString &currency)
{
    static const QStringList channels { QStringLiteral("line"), QStringLiteral("facebook"), QStringLiteral("web"),
        QStringLiteral("whatsapp"), QStringLiteral("store") };
    static const QStringList payments { QStringLiteral("promptpay"), QStringLiteral("credit_card"),
        QStringLiteral("cash_on_delivery"), QStringLiteral("bank_transfer") };
    static const QStringList carriers { QStringLiteral("Kerry Express"), QStringLiteral("Flash Express"),
        QStringLiteral("Thailand Post"), QStringLiteral("J&T Express") };
    const QStringList provinces = DemoVocabulary::provinces(), districts = DemoVocabulary::districts();
    for (int n = 0; n < count; ++n) {
        const Customer &customer = rng.pick(customers);
        const QString orderId = QStringLiteral("ORD-%1-%2")
                                    .arg(tenantId == tenant ? QStringLiteral("TH") : QStringLiteral("SG"))
                                    .arg(n + 1, 6, 10, QLatin1Char('0'));
        EpochMs t = randomTime(start, end - Hour);
        QJsonArray items;
        const int itemCount = int(rng.range(1, 6));
        for (int i = 0; i < itemCount; ++i) {
            const Product &p = rng.pick(catalogue);
            const qint64 qty = rng.range(1, 6);
            items.append(QJsonObject { { QStringLiteral("product_id"), p.id }, { QStringLiteral("name"), p.thai },
                { QStringLiteral("name_en"), p.english }, { QStringLiteral("quantity"), qty },
                { QStringLiteral("unit_price"), p.price },
                { QStringLiteral("subtotal"), money(p.price * double(qty)) } });
        }
        const auto pricing = [&](const QJsonArray &lines) {
            double subtotal = 0;
            for (const QJsonValue &line : lines)
                subtotal += line.toObject().value(u"subtotal").toDouble();
            const double discount = subtotal > 500 ? money(subtotal * 0.05) : 0.0;
            const double shipping = subtotal > 300 ? 0.0 : 40.0;
            const double tax = money((subtotal - discount) * 0.07);
            return QJsonObject { { QStringLiteral("subtotal"), money(subtotal) },
                { QStringLiteral("discount"), discount }, { QStringLiteral("shipping_fee"), shipping },
                { QStringLiteral("tax"), tax },
                { QStringLiteral("total"), money(subtotal - discount + shipping + tax) },
                { QStringLiteral("currency"), currency } };
        };
        QJsonObject order {
            { QStringLiteral("order_id"), orderId },
            { QStringLiteral("customer"), customerJson(customer) },
            { QStringLiteral("items"), items },
            { QStringLiteral("pricing"), pricing(items) },
            { QStringLiteral("channel"), rng.pick(channels) },
            { QStringLiteral("store_code"), rng.pick(Stores) },
            { QStringLiteral("delivery"),
                QJsonObject { { QStringLiteral("method"),
                                  rng.chance(0.8) ? QStringLiteral("courier") : QStringLiteral("pickup") },
                    { QStringLiteral("address"),
                        QJsonObject { { QStringLiteral("line1"),
                                          QStringLiteral("%1/%2 ซอยสุขุมวิท %3")
                                              .arg(rng.range(1, 999))
                                              .arg(rng.range(1, 99))
                                              .arg(rng.range(1, 101)) },
                            { QStringLiteral("district"), rng.pick(districts) },
                            { QStringLiteral("province"), rng.pick(provinces) },
                            { QStringLiteral("postcode"), QString::number(rng.range(10100, 90110)) } } } } },
            { QStringLiteral("payment"),
                QJsonObject { { QStringLiteral("method"), rng.pick(payments) },
                    { QStringLiteral("status"), QStringLiteral("pending") } } },
            { QStringLiteral("notes"),
                rng.chance(0.2) ? QStringLiteral("กรุณาโทรก่อนส่ง / please call before delivery") : QString() },
            { QStringLiteral("created_at"), iso(t) },
        };
        QJsonArray history;
        // Singapore's orders come from the order service (NestJS on DynamoDB): its events build its own Order, and
        // every 10th event it writes an order_snapshots item (its EVENT_COUNT strategy, threshold 10), with its own
        // snapshot version counting 1, 2, ... and the state as JSON (decoded here, as an ingest would store it).
        const bool orderService = tenantId != tenant;
        qint64 serviceVersion = 0;
        // Acme's orders are the SAAN guide's order snapshot document: the order's state wrapped with what triggered the
        // snapshot and the change it records. The order's events build this document (an event without a snapshot, like
        // packing, changes only its order_state), so replaying them gives every snapshot back.
        QJsonObject document;
        QJsonObject published; // the document the order's events have built so far
        qint64 seq = 0;
        const auto publish = [&](const QString &eventType) {
            order.insert(QStringLiteral("updated_at"), iso(t));
            if (orderService)
                document = serviceOrder(order);
            else
                document.insert(QStringLiteral("order_state"), order);
            orderEvents.append({ tenantId, orderId, ++seq, eventType, t,
                QJsonObject { { QStringLiteral("event_id"), rng.id(t) },
                    { QStringLiteral("patch"), memberPatch(published, document) } } });
            published = document;
            ++events;
            if (!orderService || seq % 10 != 0)
                return true;
            const QJsonObject item { { QStringLiteral("orderId"), orderId },
                { QStringLiteral("version"), ++serviceVersion }, { QStringLiteral("state"), document },
                { QStringLiteral("lastEventSequence"), seq }, { QStringLiteral("timestamp"), t },
                { QStringLiteral("metadata"),
                    QJsonObject { { QStringLiteral("createdBy"), QStringLiteral("system") },
                        { QStringLiteral("reason"), QStringLiteral("threshold-reached") } } } };
            return emit(QStringLiteral("order"), orderId, t, QStringLiteral("event_driven"), item,
                trigger(QStringLiteral("order-service"), QStringLiteral("threshold-reached")), QStringLiteral("system"),
                seq, tenantId);
        };
        const auto step = [&](const QString &status, const QString &action) {
            static const QHash<QString, QString> eventTypes { { QStringLiteral("created"),
                                                                  QStringLiteral("OrderCreated") },
                { QStringLiteral("confirmed"), QStringLiteral("PaymentConfirmed") },
                { QStringLiteral("modified"), QStringLiteral("OrderModified") },
                { QStringLiteral("shipped"), QStringLiteral("OrderShipped") },
                { QStringLiteral("completed"), QStringLiteral("OrderDelivered") },
                { QStringLiteral("cancelled"), QStringLiteral("OrderCancelled") } };
            static const QHash<QString, QString> sources { { QStringLiteral("created"),
                                                               QStringLiteral("order_service") },
                { QStringLiteral("confirmed"), QStringLiteral("payment_service") },
                { QStringLiteral("modified"), QStringLiteral("order_service") },
                { QStringLiteral("shipped"), QStringLiteral("delivery_service") },
                { QStringLiteral("completed"), QStringLiteral("delivery_service") },
                { QStringLiteral("cancelled"), QStringLiteral("order_service") } };
            const QString previous = order.value(u"status").toString(QStringLiteral("draft"));
            history.append(QJsonObject { { QStringLiteral("status"), status }, { QStringLiteral("at"), iso(t) } });
            order.insert(QStringLiteral("status"), status);
            order.insert(QStringLiteral("status_history"), history);
            if (orderService)
                return publish(eventTypes.value(status));
            const QJsonObject triggeredBy = trigger(sources.value(status), action,
                status == u"modified" || status == u"cancelled" ? QStringLiteral("staff_%1").arg(rng.range(100, 999))
                                                                : QStringLiteral("system"));
            document = QJsonObject { { QStringLiteral("snapshot_id"),
                                         QStringLiteral("snap_%1_%2").arg(orderId).arg(seq + 1) },
                { QStringLiteral("order_id"), orderId }, { QStringLiteral("snapshot_type"), status },
                { QStringLiteral("timestamp"), iso(t) }, { QStringLiteral("triggered_by"), triggeredBy },
                { QStringLiteral("changes"),
                    QJsonObject {
                        { QStringLiteral("previous_status"), previous }, { QStringLiteral("new_status"), status } } } };
            publish(eventTypes.value(status));
            return emit(QStringLiteral("order"), orderId, t, status, document, triggeredBy, QStringLiteral("system"),
                seq, tenantId);
        };
        if (!step(QStringLiteral("created"), QStringLiteral("order_created")))
            return false;
        const qsizetype ref = orderRefs.size();
        OrderRef created;
        created.tenant = tenantId;
        created.id = orderId;
        created.customer = &customer;
        created.channel = order.value(u"channel").toString();
        created.storeCode = order.value(u"store_code").toString();
        created.createdAt = t;
        created.total = order.value(u"pricing").toObject().value(u"total").toDouble();
        orderRefs.append(std::move(created));
        const double fate = rng.unit();
        if (fate < 0.04) { // cancelled before confirmation
            t += rng.range(10, 600) * Minute;
            if (t < end && !step(QStringLiteral("cancelled"), QStringLiteral("customer_cancelled")))
                return false;
            continue;
        }
        t += rng.range(3, 90) * Minute;
        if (t >= end)
            continue;
        QJsonObject payment = order.value(u"payment").toObject();
        payment.insert(QStringLiteral("status"), QStringLiteral("paid"));
        payment.insert(QStringLiteral("paid_at"), iso(t));
        order.insert(QStringLiteral("payment"), payment);
        if (!step(QStringLiteral("confirmed"), QStringLiteral("payment_received")))
            return false;
        orderRefs[ref].confirmedAt = t;
        orderRefs[ref].paid = order.value(u"pricing").toObject().value(u"total").toDouble();
        for (const QJsonValue &line : std::as_const(items))
            orderRefs[ref].items.append(
                { line.toObject().value(u"product_id").toString(), line.toObject().value(u"quantity").toInteger() });
        if (fate < 0.10) { // modified after confirmation: a quantity changes
            t += rng.range(10, 240) * Minute;
            if (t >= end)
                continue;
            QJsonObject line = items.at(0).toObject();
            const qint64 qty = line.value(u"quantity").toInteger() + rng.range(1, 3);
            line.insert(QStringLiteral("quantity"), qty);
            line.insert(QStringLiteral("subtotal"), money(line.value(u"unit_price").toDouble() * double(qty)));
            items.replace(0, line);
            order.insert(QStringLiteral("items"), items);
            order.insert(QStringLiteral("pricing"), pricing(items));
            if (!step(QStringLiteral("modified"), QStringLiteral("customer_changed_items")))
                return false;
            orderRefs[ref].modifiedAt = t;
            orderRefs[ref].modifiedProduct = line.value(u"product_id").toString();
            orderRefs[ref].modifiedBy = qty - orderRefs[ref].items.at(0).second;
        } else if (fate < 0.14) { // cancelled after payment
            t += rng.range(30, 600) * Minute;
            if (t < end && !step(QStringLiteral("cancelled"), QStringLiteral("out_of_stock")))
                return false;
            if (t < end)
                orderRefs[ref].refundedAt = t;
            continue;
        }
        // Packing starts between payment and hand-over: an event without a snapshot, which only a
        // point-in-time reconstruction shows.
        t += rng.range(1, 3) * Hour;
        if (t >= end)
            continue;
        order.insert(QStringLiteral("fulfilment"),
            QJsonObject { { QStringLiteral("stage"), QStringLiteral("packing") },
                { QStringLiteral("store_code"), order.value(u"store_code") },
                { QStringLiteral("started_at"), iso(t) } });
        if (!publish(QStringLiteral("PackingStarted")))
            return false;
        t += rng.range(3, 33) * Hour;
        if (t >= end)
            continue;
        QJsonObject delivery = order.value(u"delivery").toObject();
        delivery.insert(QStringLiteral("carrier"), rng.pick(carriers));
        delivery.insert(QStringLiteral("tracking_number"), QStringLiteral("TH%1").arg(rng.range(100000000, 999999999)));
        delivery.insert(QStringLiteral("estimated_date"),
            QDateTime::fromMSecsSinceEpoch(t + 2 * Day, zone).date().toString(Qt::ISODate));
        order.insert(QStringLiteral("delivery"), delivery);
        if (!step(QStringLiteral("shipped"), QStringLiteral("handed_to_carrier")))
            return false;
        const EpochMs delivered = t + rng.range(18, 96) * Hour;
        if (orderService) {
            // The carrier's scans on the way: an event each, so a long delivery takes an order past 10 events.
            static const QStringList scans { QStringLiteral("picked_up"), QStringLiteral("arrived_at_hub"),
                QStringLiteral("departed_hub"), QStringLiteral("in_transit"), QStringLiteral("out_for_delivery") };
            const int scanCount = int(rng.range(2, 14));
            const EpochMs shipped = t;
            QJsonArray tracking;
            for (int i = 0; i < scanCount; ++i) {
                const EpochMs at = shipped + (delivered - shipped) * (i + 1) / (scanCount + 1);
                if (at >= end)
                    break;
                t = at;
                tracking.append(
                    QJsonObject { { QStringLiteral("status"), scans.at(std::min<int>(i, scans.size() - 1)) },
                        { QStringLiteral("at"), iso(t) } });
                order.insert(QStringLiteral("tracking"), tracking);
                if (!publish(QStringLiteral("ShipmentTrackingUpdated")))
                    return false;
            }
        }
        t = delivered;
        if (t < end && !step(QStringLiteral("completed"), QStringLiteral("delivered")))
            return false;
    }
    return true;
}

} // namespace Demo
