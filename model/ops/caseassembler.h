#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

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

// One order a case search found: what the results list shows.
struct CaseHit
{
    QString orderId;
    QString customerId;
    QString customerPhone; // personal: masked for the support role
    EpochMs createdAt = 0; // its first snapshot (its first event when it has none)
    EpochMs updatedAt = 0; // its newest (its last event)
    QString status; // as of the newest snapshot (its state now)
    QJsonValue total; // a number, kept exactly when a double cannot hold it (JsonNumber)
    QString matchedBy; // "order id", "customer id", "chat session", "phone"
};

class CaseAssembler
{
public:
    explicit CaseAssembler(SnapshotStore &store);
    // NotFound when the tenant has neither a snapshot nor an event of that order.
    Result<DisputeCase> assemble(const QString &tenant, const QString &orderId);
    // Orders whose id, customer id or chat session id is `text`, or whose customer's phone number is `text` or
    // starts with it (digits; spaces and dashes are ignored). At most `limit` orders, newest first.
    Result<QList<CaseHit>> search(const QString &tenant, const QString &text, int limit = 200);

private:
    // An order known by its events alone (its service snapshots it only now and then): a hit built from its state
    // now, or nullopt when the id has no events or they are not an order's (a workflow's: its state names no
    // customer; the events table does not say whose events it holds).
    Result<std::optional<CaseHit>> orderFromEvents(const QString &tenant, const QString &orderId);

    SnapshotStore &m_store;
};
