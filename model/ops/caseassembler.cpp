#include "caseassembler.h"

#include "store/snapshotstore.h"

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
    if (order->isEmpty())
        return Error { Error::Code::NotFound, QStringLiteral("no order %1 in tenant %2").arg(orderId, tenant) };
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
    std::stable_sort(c.chats.begin(), c.chats.end(),
        [](const SnapshotHeader &a, const SnapshotHeader &b) { return a.takenAt < b.takenAt; });

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
