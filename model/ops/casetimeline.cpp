#include "casetimeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QMutexLocker>

#include <algorithm>

#include "domain/pii.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/jsonnumber.h"

namespace {

// User-visible text of the case view (translated there; the CLI, which installs no translator, prints English).
QString caseText(const char *text)
{
    return QCoreApplication::translate("CaseTimeline", text);
}

QString number(const QJsonValue &v)
{
    if (JsonNumber::isExact(v))
        return QString::fromLatin1(JsonNumber::text(v));
    return v.isDouble() ? QLocale::c().toString(v.toDouble(), 'f', v.toDouble() == std::floor(v.toDouble()) ? 0 : 2)
                        : v.toString();
}

QString orderDetails(const SnapshotHeader &h, const SnapshotHeader *previous)
{
    const QString status = h.summary.value(u"status").toString();
    const QJsonValue total = h.summary.value(u"total_amount");
    QStringList parts;
    if (!previous) {
        parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "status %1")).arg(status)
              << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "total %1")).arg(number(total));
    } else {
        const QString before = previous->summary.value(u"status").toString();
        if (before != status)
            parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "status %1 → %2")).arg(before, status);
        const QJsonValue totalBefore = previous->summary.value(u"total_amount");
        if (totalBefore != total)
            parts
                << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "total %1 → %2")).arg(number(totalBefore), number(total));
        if (parts.isEmpty())
            parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "status %1")).arg(status);
    }
    return parts.join(QStringLiteral(" · "));
}

QString chatDetails(const SnapshotHeader &h)
{
    QStringList parts {
        caseText(QT_TRANSLATE_NOOP("CaseTimeline", "%1 messages")).arg(h.summary.value(u"total_messages").toInt())
    };
    if (h.summary.value(u"human_handoff").toBool())
        parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "handed off"));
    if (h.summary.value(u"order_created").toBool())
        parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "order created"));
    if (h.summary.contains(u"satisfaction"))
        parts << caseText(QT_TRANSLATE_NOOP("CaseTimeline", "satisfaction %1/5"))
                     .arg(number(h.summary.value(u"satisfaction")));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QList<CaseEntry> mergedCaseTimeline(const DisputeCase &c)
{
    QList<CaseEntry> entries;
    entries.reserve(c.order.size() + c.chats.size() + c.inventory.size() + c.financial.size());
    for (qsizetype i = 0; i < c.order.size(); ++i)
        entries.append({ CaseEntry::Source::Order, c.order.at(i),
            orderDetails(c.order.at(i), i > 0 ? &c.order.at(i - 1) : nullptr) });
    for (const SnapshotHeader &h : c.chats)
        entries.append({ CaseEntry::Source::Chat, h, chatDetails(h) });
    for (const SnapshotHeader &h : c.inventory)
        entries.append({ CaseEntry::Source::Inventory, h,
            QStringLiteral("%1 × %2 · %3")
                .arg(number(h.summary.value(u"quantity")), h.entityId, h.summary.value(u"reason").toString()) });
    for (const SnapshotHeader &h : c.financial)
        entries.append({ CaseEntry::Source::Financial, h,
            QStringLiteral("%1 %2").arg(number(h.summary.value(u"amount")), h.summary.value(u"currency").toString()) });
    std::stable_sort(entries.begin(), entries.end(), [](const CaseEntry &a, const CaseEntry &b) {
        if (a.header.takenAt != b.header.takenAt)
            return a.header.takenAt < b.header.takenAt;
        return a.source < b.source;
    });
    return entries;
}

CaseCursor::CaseCursor(SnapshotStore &store, DisputeCase c)
    : m_store(store)
    , m_case(std::move(c))
{ }

Result<QJsonObject> CaseCursor::payload(const QString &snapshotId)
{
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_payloads.constFind(snapshotId); it != m_payloads.constEnd())
            return *it;
    }
    auto loaded = m_store.load(snapshotId);
    if (!loaded)
        return loaded.error();
    const QJsonObject object = CanonicalJson::read(loaded->payload);
    QMutexLocker lock(&m_mutex);
    m_payloads.insert(snapshotId, object);
    return object;
}

Result<CaseMoment> CaseCursor::at(EpochMs moment)
{
    QElapsedTimer timer;
    timer.start();
    CaseMoment m;
    m.at = moment;
    // The newest order snapshot by then, if any: the order existed.
    const SnapshotHeader *newestOrder = nullptr;
    for (const SnapshotHeader &h : m_case.order) {
        if (h.takenAt <= moment)
            newestOrder = &h;
    }
    StateReconstructor reconstructor(m_store);
    auto state = reconstructor.reconstruct(m_case.tenant, QStringLiteral("order"), m_case.orderId,
        StateReconstructor::Target { std::nullopt, moment }, StateReconstructor::Method::Hybrid);
    if (state) {
        m.orderExists = true;
        m.order = state->state;
        m.orderVersion = state->version;
        m.orderSnapshot = state->fromSnapshot;
        // A detail revealed from the snapshot is not this moment's when an event folded in since may have changed it.
        if (!state->fromSnapshot.isEmpty()) {
            for (const EventRecord &e : std::as_const(state->replayed)) {
                for (const QString &name : Pii::ContactDetails) {
                    if (!m.changedByEvents.contains(name) && Pii::mentions(e.data, name))
                        m.changedByEvents.append(name);
                }
            }
        }
        m.orderSource = state->fromSnapshot.isEmpty()
            ? caseText(QT_TRANSLATE_NOOP("CaseTimeline", "%1 events replayed")).arg(state->eventsReplayed)
            : caseText(QT_TRANSLATE_NOOP("CaseTimeline", "snapshot %1 + %2 events"))
                  .arg(state->fromSnapshot)
                  .arg(state->eventsReplayed);
    } else if (state.error().code != Error::Code::NotFound) {
        return state.error();
    } else if (newestOrder) {
        // No events for this order (or none by then): the newest snapshot is the state.
        auto p = payload(newestOrder->id);
        if (!p)
            return p.error();
        m.orderExists = true;
        m.order = *p;
        m.orderSnapshot = newestOrder->id;
        m.orderSource = caseText(QT_TRANSLATE_NOOP("CaseTimeline", "snapshot %1")).arg(newestOrder->id);
    }
    QHash<QString, const SnapshotHeader *> newestChat;
    for (const SnapshotHeader &h : m_case.chats) {
        if (h.takenAt <= moment)
            newestChat.insert(h.entityId, &h);
    }
    for (auto it = newestChat.constBegin(); it != newestChat.constEnd(); ++it) {
        auto p = payload(it.value()->id);
        if (!p)
            return p.error();
        m.chats.insert(it.key(), *p);
    }
    m.elapsedMs = timer.nsecsElapsed() / 1e6;
    return m;
}
