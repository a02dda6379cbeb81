#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "domain/error.h"
#include "domain/snapshot.h"

class SnapshotStore;

// Everything about one order in a dispute: its snapshots, the chat sessions it was taken in (every snapshot of
// them, before and after the order), the stock movements and the financial records that name it. Each list oldest
// first.
struct DisputeCase
{
    QString tenant;
    QString orderId;
    QList<SnapshotHeader> order;
    QStringList chatSessions;
    QList<SnapshotHeader> chats;
    QList<SnapshotHeader> inventory;
    QList<SnapshotHeader> financial;

    QStringList snapshotIds() const; // all of them, for a legal hold or an evidence bundle
};

class CaseAssembler
{
public:
    explicit CaseAssembler(SnapshotStore &store);
    // NotFound when the tenant has no snapshot of that order.
    Result<DisputeCase> assemble(const QString &tenant, const QString &orderId);

private:
    SnapshotStore &m_store;
};
