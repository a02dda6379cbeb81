#pragma once

// An event-sourced cart for tests and benchmarks: events whose RFC 6902 patches add, change and remove lines,
// written with a full snapshot every N events, and the state after each event to compare with.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/jsondiff.h"

namespace CartFixture {

struct Options
{
    QString tenant;
    QString id;
    int events = 100;
    int snapshotEvery = 10; // 0: no snapshots
    quint32 seed = 1;
    int maxLines = 30; // the state stays bounded, as a long-lived aggregate's does
    EpochMs start = 1'772'352'000'000; // 2026-03-01T08:00:00Z
    qint64 stepMs = 60'000; // event k occurs at start + k * stepMs
    int termsRepeat = 40; // unchanging text that makes a patch smaller than the state
};

// Returns the state after each event (index = sequence; index 0 is the empty state), or an empty list on failure.
inline QList<QJsonObject> put(SnapshotStore &store, const Options &o)
{
    QRandomGenerator rng(o.seed);
    QList<QJsonObject> states { QJsonObject() };
    QList<EventRecord> records;
    QList<NewSnapshot> snapshots;
    QJsonObject state;
    for (int seq = 1; seq <= o.events; ++seq) {
        QJsonObject bare = state; // the event's patch is taken before the fold stamps version and time
        for (const char *stamped : { "version", "event_seq", "updated_at" })
            bare.remove(QLatin1String(stamped));
        QJsonObject next = bare;
        if (seq == 1) {
            next = { { QStringLiteral("id"), o.id }, { QStringLiteral("status"), QStringLiteral("open") },
                { QStringLiteral("items"), QJsonArray() }, { QStringLiteral("total"), 0 },
                { QStringLiteral("terms"),
                    QStringLiteral("ตะกร้าสินค้า %1 / shopping cart terms, ").arg(o.id).repeated(o.termsRepeat) } };
        } else {
            QJsonArray items = next.value(u"items").toArray();
            const int pick = int(rng.bounded(100));
            if (items.isEmpty() || (pick < 45 && items.size() < o.maxLines)) {
                items.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("line-%1").arg(seq) },
                    { QStringLiteral("sku"), QStringLiteral("P%1").arg(rng.bounded(1, 500), 4, 10, QLatin1Char('0')) },
                    { QStringLiteral("qty"), int(rng.bounded(1, 9)) }, { QStringLiteral("price"), 189.5 } });
            } else if (pick < 75) {
                const int i = int(rng.bounded(int(items.size())));
                QJsonObject item = items.at(i).toObject();
                item.insert(QStringLiteral("qty"), int(rng.bounded(1, 9)));
                items.replace(i, item);
            } else if (pick < 95) {
                items.removeAt(int(rng.bounded(int(items.size()))));
            } else {
                next.insert(QStringLiteral("status"), pick % 2 ? QStringLiteral("checkout") : QStringLiteral("open"));
            }
            double total = 0;
            for (const QJsonValue &item : std::as_const(items))
                total += item.toObject().value(u"qty").toDouble() * item.toObject().value(u"price").toDouble();
            next.insert(QStringLiteral("items"), items);
            next.insert(QStringLiteral("total"), total);
        }
        const EventRecord event { o.tenant, o.id, seq, QStringLiteral("CartChanged"), o.start + qint64(seq) * o.stepMs,
            QJsonObject { { QStringLiteral("patch"), JsonDiff::diff(bare, next) } } };
        records.append(event);
        auto folded = StateReconstructor::fold(QStringLiteral("aggregate"), state, { event });
        if (!folded)
            return {};
        state = *folded;
        states.append(state);
        if (o.snapshotEvery > 0 && seq % o.snapshotEvery == 0) {
            NewSnapshot s;
            s.tenant = o.tenant;
            s.kind = QStringLiteral("aggregate");
            s.entityId = o.id;
            s.takenAt = event.occurredAt;
            s.type = QStringLiteral("event_driven");
            s.eventSeq = seq;
            s.payload = state;
            snapshots.append(s);
        }
    }
    if (!store.sources().appendEvents(records))
        return {};
    for (qsizetype first = 0; first < snapshots.size(); first += 1000) {
        if (!store.putBatch(snapshots.mid(first, 1000)))
            return {};
    }
    return states;
}

} // namespace CartFixture
