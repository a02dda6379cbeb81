#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/history.h"
#include "domain/snapshot.h"

class SnapshotStore;

// Point-in-time state of an event-sourced entity (orders and aggregates): the newest verified snapshot at or before
// the target plus the events after it (hybrid), or every event from the first (full replay).
class StateReconstructor
{
public:
    enum class Method { Hybrid, FullReplay };
    struct Target
    {
        std::optional<qint64> seq; // a version: the state after this event
        std::optional<EpochMs> at; // a moment: the state after the last event that occurred by then
    };
    // How many older snapshots are tried when newer ones fail verification, before falling back to full replay.
    static constexpr int SnapshotsTried = 8;

    explicit StateReconstructor(SnapshotStore &store);

    Result<StateReconstruction> reconstruct(
        const QString &tenant, const QString &kind, const QString &entityId, const Target &target, Method method);

    // Folds events into a document: each event's RFC 6902 patch in order on the document's state (where its shape
    // keeps it: the event store snapshot's data, the order service item's state; else the document itself), then
    // what a fold stamps (the version and event sequence of the last event, its time), without the members of the
    // record it started from (its id, checksum). The document a snapshot of that event would be.
    static Result<QJsonObject> fold(const QString &kind, QJsonObject document, const QList<EventRecord> &events);
    // The events' patches alone, on a bare state.
    static Result<QJsonObject> apply(QJsonObject state, const QList<EventRecord> &events);
    // The state in `document` (KindShape::stateOf of its shape; the document itself when no shape recognises it).
    static QJsonObject stateOf(const QString &kind, const QJsonObject &document);
    // A folded document as a snapshot SnapScope takes itself: a source's own record (the event store's Snapshot, the
    // order service's item) is not written in its name (its id, checksum and version counter are the source's), so
    // the state alone, with what a fold stamps as of event `seq` at `at`; any other document as it is.
    static QJsonObject asNewSnapshot(const QString &kind, QJsonObject document, qint64 seq, EpochMs at);
    static bool isEventSourced(const QString &kind) { return kind == u"order" || kind == u"aggregate"; }

private:
    SnapshotStore &m_store;
};
