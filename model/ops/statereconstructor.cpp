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

Result<QJsonObject> StateReconstructor::apply(QJsonObject state, const QList<EventRecord> &events)
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
    return value.toObject();
}

namespace {

// A bare state with what a fold stamps: the first shape of `definition` it has, or has once stamped (a state replayed
// from the first event may lack the very members that make its shape: a 1.x aggregate's event_seq).
QJsonObject stampedBare(const KindDefinition *definition, QJsonObject state, qint64 seq, EpochMs at)
{
    if (!definition)
        return state;
    if (const KindShape *recognised = definition->recognise(state))
        return recognised->stamped(std::move(state), seq, at);
    for (const KindShape &candidate : definition->shapes) {
        QJsonObject stamped = candidate.stamped(state, seq, at);
        if (candidate.matches(stamped))
            return stamped;
    }
    return state;
}

} // namespace

Result<QJsonObject> StateReconstructor::fold(
    const QString &kind, QJsonObject document, const QList<EventRecord> &events)
{
    if (events.isEmpty())
        return document;
    const KindDefinition *definition = KindRegistry::find(kind);
    const KindShape *shape = definition && !document.isEmpty() ? definition->recognise(document) : nullptr;
    if (shape && shape->state && !shape->state->evaluate(document).value_or(QJsonValue()).isObject())
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 %2: the %3 record's state (%4) is not a JSON object")
                .arg(kind, events.first().aggregateId, shape->name, shape->state->toString()) };
    auto state = apply(shape ? shape->stateOf(document) : std::move(document), events);
    if (!state)
        return state.error();
    const qint64 seq = events.last().seq;
    const EpochMs at = events.last().occurredAt;
    if (shape)
        return shape->stamped(
            shape->withState(shape->withoutRecordMembers(std::move(document)), *std::move(state)), seq, at);
    return stampedBare(definition, std::move(state).value(), seq, at);
}

QJsonObject StateReconstructor::stateOf(const QString &kind, const QJsonObject &document)
{
    const KindShape *shape = KindRegistry::shapeOf(kind, document);
    return shape ? shape->stateOf(document) : document;
}

QJsonObject StateReconstructor::asNewSnapshot(const QString &kind, QJsonObject document, qint64 seq, EpochMs at)
{
    const KindShape *shape = KindRegistry::shapeOf(kind, document);
    if (!shape || !shape->state)
        return document;
    return stampedBare(KindRegistry::find(kind), shape->stateOf(document), seq, at);
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
    // The form the entity's snapshots give it: a source that keeps the state inside its own record (the event
    // store's data, the order service's state) is replayed into that record, and the state is what is shown, before
    // its first record as after it. (A snapshot that cannot be read leaves the replay in the bare form.)
    if (state.isEmpty()) {
        auto nearest = history.snapshotsUpTo(tenant, kind, entityId, seq, 1);
        if (!nearest)
            return nearest.error();
        if (nearest->isEmpty()) {
            auto all = history.versions(tenant, kind, entityId);
            if (!all)
                return all.error();
            if (!all->isEmpty())
                nearest->append(all->first());
        }
        if (!nearest->isEmpty())
            if (auto snapshot = m_store.load(nearest->first().id)) {
                const QJsonObject document = CanonicalJson::read(snapshot->payload);
                if (const KindShape *shape = KindRegistry::shapeOf(kind, document); shape && shape->state)
                    state = shape->withState(shape->withoutRecordMembers(document), {});
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
    // The state at the target, not the record it may have been read from (the same, however it was reconstructed).
    r.state = std::move(folded).value();
    if (const KindShape *shape = KindRegistry::shapeOf(kind, r.state); shape && shape->state)
        r.state = shape->stateOf(r.state);
    r.version = seq;
    if (!events->isEmpty())
        r.timestamp = events->last().occurredAt;
    r.eventsReplayed = int(events->size());
    r.replayed = std::move(events).value();
    r.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return r;
}
