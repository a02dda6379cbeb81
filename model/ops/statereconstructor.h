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

    // Folds events into a state: each event's RFC 6902 patch in order, then the fields a fold stamps (an aggregate's
    // version and event_seq, the updated_at of the last event). The state a snapshot of that event would hold.
    static Result<QJsonObject> fold(const QString &kind, QJsonObject state, const QList<EventRecord> &events);
    static bool isEventSourced(const QString &kind) { return kind == u"order" || kind == u"aggregate"; }

private:
    SnapshotStore &m_store;
};
