// The demo's event-sourced aggregates (shopping carts).
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

// ---- event-sourced aggregates: each event's data carries an RFC 6902 patch; a snapshot every 10 events.
bool DemoWorld::aggregates(QList<EventRecord> &eventRows)
{
    for (int a = 0; a < scale.aggregates; ++a) {
        const QString id = QStringLiteral("cart-%1").arg(a + 1, 5, 10, QLatin1Char('0'));
        const int length = rng.chance(0.15) ? int(rng.range(100, 400)) : int(rng.range(5, 90));
        QJsonObject state { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("open") },
            { QStringLiteral("items"), QJsonArray() }, { QStringLiteral("total"), 0.0 },
            { QStringLiteral("customer_id"), rng.pick(customers).id } };
        EpochMs t = randomTime(start, end - 30 * Day);
        // The cart's creation is its first event; everything after it is a patch on that state.
        eventRows.append({ tenant, id, 1, QStringLiteral("CartCreated"), t,
            QJsonObject { { QStringLiteral("event_id"), rng.id(t) },
                { QStringLiteral("patch"), memberPatch(QJsonObject(), state) } } });
        ++events;
        for (int seq = 2; seq <= length; ++seq) {
            t += rng.range(1, 600) * 1000 + (seq % 50 == 0 ? Day : 0);
            QJsonArray items = state.value(u"items").toArray();
            QJsonArray patch;
            QString type;
            const auto op = [&](const char *name, const QString &path,
                                const QJsonValue &value = QJsonValue::Undefined) {
                QJsonObject o { { QStringLiteral("op"), QString::fromLatin1(name) }, { QStringLiteral("path"), path } };
                if (!value.isUndefined())
                    o.insert(QStringLiteral("value"), value);
                patch.append(o);
            };
            const qint64 pick = rng.below(100);
            if (items.isEmpty() || pick < 40) {
                const Product &p = rng.pick(catalogue);
                const QJsonObject item { { QStringLiteral("id"), QStringLiteral("line-%1").arg(seq) },
                    { QStringLiteral("sku"), p.id }, { QStringLiteral("name"), p.thai },
                    { QStringLiteral("qty"), rng.range(1, 4) }, { QStringLiteral("price"), p.price } };
                items.append(item);
                op("add", QStringLiteral("/items/-"), item);
                type = QStringLiteral("ItemAdded");
            } else if (pick < 70) {
                const qsizetype i = rng.below(items.size());
                QJsonObject item = items.at(i).toObject();
                item.insert(QStringLiteral("qty"), rng.range(1, 9));
                items.replace(i, item);
                op("replace", QStringLiteral("/items/%1/qty").arg(i), item.value(u"qty"));
                type = QStringLiteral("ItemQuantityChanged");
            } else if (pick < 85) {
                const qsizetype i = rng.below(items.size());
                items.removeAt(i);
                op("remove", QStringLiteral("/items/%1").arg(i));
                type = QStringLiteral("ItemRemoved");
            } else if (pick < 95) {
                const QString code = QStringLiteral("SALE%1").arg(rng.range(5, 30));
                op(state.contains(u"coupon") ? "replace" : "add", QStringLiteral("/coupon"), code);
                state.insert(QStringLiteral("coupon"), code);
                type = QStringLiteral("CouponApplied");
            } else {
                static const QStringList statuses { QStringLiteral("open"), QStringLiteral("checkout"),
                    QStringLiteral("abandoned") };
                const QString status = statuses.at(rng.below(statuses.size()));
                op("replace", QStringLiteral("/status"), status);
                state.insert(QStringLiteral("status"), status);
                type = QStringLiteral("StatusChanged");
            }
            double total = 0;
            for (const QJsonValue &item : std::as_const(items))
                total += item.toObject().value(u"price").toDouble() * item.toObject().value(u"qty").toDouble();
            total = money(total);
            op("replace", QStringLiteral("/total"), total);
            state.insert(QStringLiteral("items"), items);
            state.insert(QStringLiteral("total"), total);
            eventRows.append({ tenant, id, seq, type, t,
                QJsonObject { { QStringLiteral("event_id"), rng.id(t) }, { QStringLiteral("patch"), patch } } });
            ++events;
            if (seq % 10 == 0) {
                QJsonObject snapshot = state;
                snapshot.insert(QStringLiteral("version"), seq);
                snapshot.insert(QStringLiteral("event_seq"), seq);
                snapshot.insert(QStringLiteral("updated_at"), iso(t));
                if (!emit(QStringLiteral("aggregate"), id, t, QStringLiteral("event_driven"), snapshot,
                        trigger(QStringLiteral("cart-service"), QStringLiteral("every_10_events")),
                        QStringLiteral("system"), seq))
                    return false;
            }
        }
    }
    return true;
}

} // namespace Demo
