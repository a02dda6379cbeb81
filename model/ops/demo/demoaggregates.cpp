// The demo's event-sourced aggregates: long-running workflows.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "codec/sha256.h"
#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

// ---- event-sourced aggregates: the event-sourcing story's long-running workflows (order fulfilment, supplier
// onboarding, refund review), each event's data an RFC 6902 patch on the workflow's state; every 10 events the event
// store's Snapshot object (its eventThreshold), the state in its data.
// (Not shopping carts: the SAAN guide lists cart operations among what is not worth a snapshot.)
bool DemoWorld::aggregates(QList<EventRecord> &eventRows)
{
    static const QStringList workflows { QStringLiteral("order_fulfilment"), QStringLiteral("supplier_onboarding"),
        QStringLiteral("refund_review") };
    static const QStringList stepNames { QStringLiteral("validate"), QStringLiteral("reserve_stock"),
        QStringLiteral("request_documents"), QStringLiteral("review"), QStringLiteral("approve"),
        QStringLiteral("notify_customer"), QStringLiteral("settle_payment"), QStringLiteral("archive") };
    for (int a = 0; a < scale.aggregates; ++a) {
        const QString id = QStringLiteral("wf-%1").arg(a + 1, 5, 10, QLatin1Char('0'));
        const int length = rng.chance(0.15) ? int(rng.range(100, 400)) : int(rng.range(5, 90));
        QJsonObject state { { QStringLiteral("id"), id },
            { QStringLiteral("workflow"), workflows.at(rng.below(workflows.size())) },
            { QStringLiteral("status"), QStringLiteral("running") }, { QStringLiteral("steps"), QJsonArray() },
            { QStringLiteral("variables"), QJsonObject { { QStringLiteral("owner"), rng.pick(customers).id } } } };
        EpochMs t = randomTime(start, end - 30 * Day);
        // The workflow's start is its first event; everything after it is a patch on that state.
        eventRows.append({ tenant, id, 1, QStringLiteral("WorkflowStarted"), t,
            QJsonObject { { QStringLiteral("event_id"), rng.id(t) },
                { QStringLiteral("patch"), memberPatch(QJsonObject(), state) } } });
        ++events;
        for (int seq = 2; seq <= length; ++seq) {
            t += rng.range(1, 600) * 1000 + (seq % 50 == 0 ? Day : 0);
            QJsonArray steps = state.value(u"steps").toArray();
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
            if (steps.isEmpty() || pick < 35) {
                const QJsonObject step { { QStringLiteral("id"), QStringLiteral("step-%1").arg(seq) },
                    { QStringLiteral("name"), stepNames.at(rng.below(stepNames.size())) },
                    { QStringLiteral("status"), QStringLiteral("running") }, { QStringLiteral("attempts"), 1 } };
                steps.append(step);
                op("add", QStringLiteral("/steps/-"), step);
                type = QStringLiteral("StepStarted");
            } else if (pick < 65) {
                const qsizetype i = rng.below(steps.size());
                QJsonObject step = steps.at(i).toObject();
                step.insert(QStringLiteral("status"), QStringLiteral("completed"));
                steps.replace(i, step);
                op("replace", QStringLiteral("/steps/%1/status").arg(i), step.value(u"status"));
                type = QStringLiteral("StepCompleted");
            } else if (pick < 80) {
                const qsizetype i = rng.below(steps.size());
                QJsonObject step = steps.at(i).toObject();
                step.insert(QStringLiteral("attempts"), step.value(u"attempts").toInt() + 1);
                steps.replace(i, step);
                op("replace", QStringLiteral("/steps/%1/attempts").arg(i), step.value(u"attempts"));
                type = QStringLiteral("StepRetried");
            } else if (pick < 95) {
                const QString key = QStringLiteral("v%1").arg(rng.below(6));
                QJsonObject variables = state.value(u"variables").toObject();
                const QJsonValue value = QStringLiteral("%1").arg(rng.range(1000, 9999));
                op(variables.contains(key) ? "replace" : "add", QStringLiteral("/variables/") + key, value);
                variables.insert(key, value);
                state.insert(QStringLiteral("variables"), variables);
                type = QStringLiteral("VariableSet");
            } else {
                static const QStringList statuses { QStringLiteral("running"), QStringLiteral("waiting"),
                    QStringLiteral("failed") };
                const QString status = statuses.at(rng.below(statuses.size()));
                op("replace", QStringLiteral("/status"), status);
                state.insert(QStringLiteral("status"), status);
                type = QStringLiteral("StatusChanged");
            }
            state.insert(QStringLiteral("steps"), steps);
            eventRows.append({ tenant, id, seq, type, t,
                QJsonObject { { QStringLiteral("event_id"), rng.id(t) }, { QStringLiteral("patch"), patch } } });
            ++events;
            if (seq % 10 == 0) {
                // The event store's Snapshot object: the state in `data`, with its checksum and size.
                const QByteArray data = CanonicalJson::write(state);
                const QJsonObject snapshot { { QStringLiteral("id"), rng.id(t) }, { QStringLiteral("aggregateId"), id },
                    { QStringLiteral("version"), seq }, { QStringLiteral("timestamp"), iso(t) },
                    { QStringLiteral("data"), state },
                    { QStringLiteral("metadata"),
                        QJsonObject { { QStringLiteral("eventType"), type }, { QStringLiteral("compressed"), false },
                            { QStringLiteral("size"), data.size() },
                            { QStringLiteral("checksum"), QString::fromLatin1(Sha256::hash(data).toHex()) },
                            { QStringLiteral("createdFromVersion"), seq - 10 } } } };
                if (!emit(QStringLiteral("aggregate"), id, t, QStringLiteral("event_driven"), snapshot,
                        trigger(QStringLiteral("event-store"), QStringLiteral("every_10_events")),
                        QStringLiteral("system"), seq))
                    return false;
            }
        }
    }
    return true;
}

} // namespace Demo
