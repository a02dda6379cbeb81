#include "caseassembler.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "domain/kindregistry.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/jsonnumber.h"

QStringList DisputeCase::snapshotIds() const
{
    QStringList ids;
    for (const QList<SnapshotHeader> *list : { &order, &chats, &inventory, &financial }) {
        for (const SnapshotHeader &h : *list)
            ids.append(h.id);
    }
    return ids;
}

CaseAssembler::CaseAssembler(SnapshotStore &store)
    : m_store(store)
{ }

Result<DisputeCase> CaseAssembler::assemble(const QString &tenant, const QString &orderId)
{
    DisputeCase c;
    c.tenant = tenant;
    c.orderId = orderId;
    auto order = m_store.history().versions(tenant, QStringLiteral("order"), orderId);
    if (!order)
        return order.error();
    if (order->isEmpty()) {
        // An order its service snapshots only now and then (the order service: every 10th event) is still a case
        // when it has events: the case's moments are reconstructed from them.
        auto fromEvents = orderFromEvents(tenant, orderId);
        if (!fromEvents)
            return fromEvents.error();
        if (!*fromEvents)
            return Error { Error::Code::NotFound, QStringLiteral("no order %1 in tenant %2").arg(orderId, tenant) };
    }
    c.order = std::move(order).value();

    // The chat snapshots that name the order lead to their sessions; the case shows each session whole.
    auto naming = m_store.withSummaryValue(tenant, QStringLiteral("chat"), QStringLiteral("order_id"), orderId);
    if (!naming)
        return naming.error();
    for (const SnapshotHeader &h : std::as_const(*naming)) {
        if (!c.chatSessions.contains(h.entityId))
            c.chatSessions.append(h.entityId);
    }
    for (const QString &session : std::as_const(c.chatSessions)) {
        auto versions = m_store.history().versions(tenant, QStringLiteral("chat"), session);
        if (!versions)
            return versions.error();
        c.chats += *versions;
    }
    sortOldestFirst(c.chats);

    auto inventory
        = m_store.withSummaryValue(tenant, QStringLiteral("inventory_tx"), QStringLiteral("reference_id"), orderId);
    if (!inventory)
        return inventory.error();
    c.inventory = std::move(inventory).value();
    auto financial = m_store.withSummaryValue(tenant, QStringLiteral("financial"), QStringLiteral("order_id"), orderId);
    if (!financial)
        return financial.error();
    c.financial = std::move(financial).value();
    return c;
}

Result<std::optional<CaseHit>> CaseAssembler::orderFromEvents(const QString &tenant, const QString &orderId)
{
    const QString order = QStringLiteral("order");
    auto range = m_store.sources().eventRange(tenant, orderId);
    if (!range)
        return range.error();
    if (range->count == 0)
        return std::optional<CaseHit>();
    auto state
        = StateReconstructor(m_store).reconstruct(tenant, order, orderId, {}, StateReconstructor::Method::Hybrid);
    if (!state) {
        if (state.error().code == Error::Code::NotFound || state.error().code == Error::Code::Invalid)
            return std::optional<CaseHit>(); // not an order's events
        return state.error();
    }
    const KindShape *shape = KindRegistry::shapeOf(order, state->state);
    const auto fact = [&](const char *name) {
        return shape ? shape->value(state->state, QString::fromLatin1(name)) : QJsonValue();
    };
    const QString customer = JsonNumber::scalarText(fact("customer_id"));
    if (customer.isEmpty())
        return std::optional<CaseHit>();
    return std::optional<CaseHit>(CaseHit { orderId, customer, JsonNumber::scalarText(fact("customer_phone")),
        range->firstAt, range->lastAt, fact("status").toString(), fact("total_amount"), QString() });
}

Result<QList<CaseHit>> CaseAssembler::search(const QString &tenant, const QString &text, int limit)
{
    const QString term = text.trimmed();
    QList<CaseHit> hits;
    if (term.isEmpty())
        return hits;
    QStringList orderIds;
    QHash<QString, QString> matchedBy;
    const auto found = [&](const QString &orderId, const QString &how) {
        if (!orderId.isEmpty() && !matchedBy.contains(orderId)) {
            orderIds.append(orderId);
            matchedBy.insert(orderId, how);
        }
    };
    const QString order = QStringLiteral("order");

    auto byId = m_store.history().versions(tenant, order, term);
    if (!byId)
        return byId.error();
    std::optional<CaseHit> ofEvents;
    if (byId->isEmpty()) {
        auto fromEvents = orderFromEvents(tenant, term);
        if (!fromEvents)
            return fromEvents.error();
        ofEvents = std::move(fromEvents).value();
    }
    if (!byId->isEmpty() || ofEvents)
        found(term, QCoreApplication::translate("CaseAssembler", "order id"));

    auto byCustomer = m_store.withSummaryValue(tenant, order, QStringLiteral("customer_id"), term);
    if (!byCustomer)
        return byCustomer.error();
    for (const SnapshotHeader &h : std::as_const(*byCustomer))
        found(h.entityId, QCoreApplication::translate("CaseAssembler", "customer id"));

    auto session = m_store.history().versions(tenant, QStringLiteral("chat"), term);
    if (!session)
        return session.error();
    for (const SnapshotHeader &h : std::as_const(*session))
        found(h.summary.value(u"order_id").toString(), QCoreApplication::translate("CaseAssembler", "chat session"));

    static const QRegularExpression phoneLike(QStringLiteral("^\\+?[0-9][0-9 -]*$"));
    if (phoneLike.match(term).hasMatch()) {
        QString digits = term;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        // A prefix of a few digits matches many snapshots; enough rows are read to fill the list with orders.
        auto byPhone = m_store.withSummaryValue(
            tenant, order, QStringLiteral("customer_phone"), digits, SnapshotStore::Match::Prefix, limit * 20);
        if (!byPhone)
            return byPhone.error();
        for (const SnapshotHeader &h : std::as_const(*byPhone))
            found(h.entityId, QCoreApplication::translate("CaseAssembler", "phone"));
    }

    for (const QString &orderId : std::as_const(orderIds)) {
        if (hits.size() >= limit)
            break;
        auto versions = m_store.history().versions(tenant, order, orderId);
        if (!versions)
            return versions.error();
        if (versions->isEmpty()) {
            // Known by its events alone (only the id finds such an order: customer and phone are read from
            // snapshots' summaries).
            if (orderId == term && ofEvents) {
                ofEvents->matchedBy = matchedBy.value(orderId);
                hits.append(*ofEvents);
            }
            continue;
        }
        const SnapshotHeader &first = versions->first(), &last = versions->last();
        hits.append({ orderId, JsonNumber::scalarText(last.summary.value(u"customer_id")),
            JsonNumber::scalarText(last.summary.value(u"customer_phone")), first.takenAt, last.takenAt,
            last.summary.value(u"status").toString(), last.summary.value(u"total_amount"), matchedBy.value(orderId) });
    }
    std::stable_sort(
        hits.begin(), hits.end(), [](const CaseHit &a, const CaseHit &b) { return a.createdAt > b.createdAt; });
    return hits;
}
