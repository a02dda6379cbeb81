#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include "domain/error.h"
#include "domain/snapshot.h"
#include "ops/caseassembler.h"

// One row of a case's merged timeline: a snapshot of the order, of a chat session, of a stock movement or of a
// financial record, with what it says in a line ("status paid → shipped", "−2 sale").
struct CaseEntry
{
    enum class Source { Order, Chat, Inventory, Financial };
    Source source = Source::Order;
    SnapshotHeader header;
    QString details;
};

// The case's snapshots in time order (ties: order, chat, inventory, financial, then id).
QList<CaseEntry> mergedCaseTimeline(const DisputeCase &c);

// The case as of one moment: the order's state reconstructed from its events (or, for an order with no events,
// its newest snapshot by then), each chat session's newest snapshot by then.
struct CaseMoment
{
    EpochMs at = 0;
    bool orderExists = false; // false: the order had not been created yet
    QJsonObject order;
    qint64 orderVersion = 0; // the last event folded in; 0 when the state is a snapshot's
    QString orderSource; // "snapshot X + N events", for the panel's caption
    QString orderSnapshot; // X: the order snapshot the state rests on (empty: replayed from events alone)
    QStringList changedByEvents; // contact details (Pii::ContactDetails) an event folded in after X names
    QHash<QString, QJsonObject> chats; // session id -> its state (sessions not started yet are absent)
    double elapsedMs = 0;
};

// Computes moments of one case. Loaded chat payloads are kept, so moving back and forth reads each once. Safe to
// call from a worker thread (one call at a time is what the view does; a mutex guards the cache regardless).
class CaseCursor
{
public:
    CaseCursor(SnapshotStore &store, DisputeCase c);
    const DisputeCase &disputeCase() const { return m_case; }
    Result<CaseMoment> at(EpochMs moment);

private:
    Result<QJsonObject> payload(const QString &snapshotId);

    SnapshotStore &m_store;
    DisputeCase m_case;
    QMutex m_mutex;
    QHash<QString, QJsonObject> m_payloads;
};
