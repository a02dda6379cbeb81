#include "statereconstructor.h"

#include <QElapsedTimer>

#include "domain/kindregistry.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonpatch.h"

StateReconstructor::StateReconstructor(SnapshotStore &store)
    : m_store(store)
{ }

Result<QJsonObject> StateReconstructor::fold(const QString &kind, QJsonObject state, const QList<EventRecord> &events)
{
    QJsonValue value = std::move(state);
    for (const EventRecord &event : events) {
        auto next = JsonPatch::apply(value, event.data.value(u"patch").toArray());
        if (!next)
            return Error { Error::Code::Invalid,
                QStringLiteral("event %1 of %2 does not apply: %3")
                    .arg(event.seq)
                    .arg(event.aggregateId, next.error().message) };
        value = std::move(next).value();
    }
    QJsonObject result = value.toObject();
    if (events.isEmpty())
        return result;
    // The state's version, event sequence and time where its shape keeps them (a SnapScope 1.x aggregate's version,
    // event_seq and updated_at; the event store's version and timestamp; an order's timestamp).
    // A state replayed from the first event may lack the very members that make its shape (a 1.x aggregate's
    // event_seq): then the first shape it has once stamped is its shape.
    const qint64 seq = events.last().seq;
    const EpochMs at = events.last().occurredAt;
    const KindDefinition *definition = KindRegistry::find(kind);
    if (!definition)
        return result;
    if (const KindShape *shape = definition->recognise(result))
        return shape->stamped(std::move(result), seq, at);
    for (const KindShape &shape : definition->shapes) {
        QJsonObject stamped = shape.stamped(result, seq, at);
        if (shape.matches(stamped))
            return stamped;
    }
    return result;
}

Result<StateReconstruction> StateReconstructor::reconstruct(
    const QString &tenant, const QString &kind, const QString &entityId, const Target &target, Method method)
{
    QElapsedTimer timer;
    timer.start();
    if (!isEventSourced(kind))
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 is not an event-sourced kind (order or aggregate)").arg(kind) };
    HistoryStore &history = m_store.history();
    SourceTables &sources = m_store.sources();
    StateReconstruction r;
    r.tenant = tenant;
    r.kind = kind;
    r.entityId = entityId;

    qint64 seq = 0;
    if (target.seq) {
        seq = *target.seq;
        if (seq < 1)
            return Error { Error::Code::Invalid, QStringLiteral("a version is an event sequence number, 1 or more") };
    } else if (target.at) {
        auto last = sources.lastSeqAt(tenant, entityId, *target.at);
        if (!last)
            return last.error();
        if (*last == 0)
            return Error { Error::Code::NotFound,
                QStringLiteral("%1 had no events yet at %2").arg(entityId, IsoTime::toUtcSeconds(*target.at)) };
        seq = *last;
    } else {
        auto range = sources.eventRange(tenant, entityId);
        if (!range)
            return range.error();
        seq = range->lastSeq;
    }

    QJsonObject state;
    qint64 fromSeq = 0;
    if (method == Method::Hybrid) {
        // The newest one nearly always verifies: older ones are read only when it does not.
        auto candidates = history.snapshotsUpTo(tenant, kind, entityId, seq, 1);
        if (!candidates)
            return candidates.error();
        for (qsizetype i = 0; i < candidates->size(); ++i) {
            const SnapshotHeader h = candidates->at(i);
            auto snapshot = m_store.load(h.id);
            if (!snapshot) {
                if (!snapshot.error().isIntegrityError())
                    return snapshot.error();
                r.skippedSnapshots.append(QStringLiteral("%1: %2").arg(h.id, snapshot.error().message));
                if (candidates->size() == 1) {
                    auto older = history.snapshotsUpTo(tenant, kind, entityId, seq, SnapshotsTried);
                    if (!older)
                        return older.error();
                    *candidates = std::move(older).value();
                }
                continue;
            }
            state = CanonicalJson::read(snapshot->payload);
            fromSeq = h.eventSeq.value_or(0);
            r.fromSnapshot = h.id;
            r.fromSnapshotSeq = fromSeq;
            r.timestamp = h.takenAt;
            break;
        }
    }
    auto events = sources.events(tenant, entityId, fromSeq, seq);
    if (!events)
        return events.error();
    if (events->isEmpty() && r.fromSnapshot.isEmpty())
        return Error { Error::Code::NotFound,
            QStringLiteral("%1 %2 has no events up to version %3").arg(kind, entityId).arg(seq) };
    if (events->isEmpty()) {
        // The snapshot is exactly at the target: its event still says when that was (and that it exists).
        auto at = sources.events(tenant, entityId, seq - 1, seq);
        if (!at)
            return at.error();
        if (at->isEmpty())
            return Error { Error::Code::NotFound,
                QStringLiteral("%1 %2 has no event %3").arg(kind, entityId).arg(seq) };
        r.timestamp = at->first().occurredAt;
    } else if (events->last().seq != seq)
        return Error { Error::Code::NotFound,
            QStringLiteral("%1 %2 has no event %3 (its last is %4)")
                .arg(kind, entityId)
                .arg(seq)
                .arg(events->last().seq) };
    auto folded = fold(kind, std::move(state), *events);
    if (!folded)
        return folded.error();
    r.state = std::move(folded).value();
    r.version = seq;
    if (!events->isEmpty())
        r.timestamp = events->last().occurredAt;
    r.eventsReplayed = int(events->size());
    r.replayed = std::move(events).value();
    r.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return r;
}
