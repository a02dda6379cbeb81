#include "replayverifier.h"

#include "domain/kindregistry.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/jsondiff.h"

namespace {
// The first change between two states, as "op /path", for a one-line report.
QString firstDifference(const QString &kind, const QJsonObject &expected, const QJsonObject &actual)
{
    JsonDiff::Options options;
    if (const KindDefinition *info = KindRegistry::find(kind))
        options.identities = info->identitiesFor(expected);
    const QJsonArray patch = JsonDiff::diff(expected, actual, options);
    if (patch.isEmpty())
        return {};
    const QJsonObject op = patch.first().toObject();
    return QStringLiteral("%1 %2 (%3 change(s))")
        .arg(op.value(u"op").toString(), op.value(u"path").toString())
        .arg(patch.size());
}
} // namespace

ReplayVerifier::ReplayVerifier(SnapshotStore &store)
    : m_store(store)
{ }

Result<ReplayReport> ReplayVerifier::run(
    const QString &tenant, const QString &kind, const Progress &progress, const Found &found)
{
    if (!StateReconstructor::isEventSourced(kind))
        return Error { Error::Code::Invalid,
            QStringLiteral("replay verification works on the event-sourced kinds (order, aggregate), not \"%1\"")
                .arg(kind) };
    auto entities = m_store.entities(tenant, kind, {}, 10'000'000);
    if (!entities)
        return entities.error();
    ReplayReport report;
    const auto mismatch = [&](ReplayMismatch m) {
        if (found)
            found(m);
        report.mismatches.append(std::move(m));
    };
    for (qsizetype e = 0; e < entities->size(); ++e) {
        if (progress && !progress(e, entities->size())) {
            report.cancelled = true;
            return report;
        }
        const QString &entityId = entities->at(e).entityId;
        auto versions = m_store.history().versions(tenant, kind, entityId);
        if (!versions)
            return versions.error();
        auto events = m_store.sources().events(tenant, entityId, 0);
        if (!events)
            return events.error();
        ++report.entities;
        report.events += events->size();

        // Documents are compared by content (KindShape::contentOf): the state, without what a fold stamps, so a
        // snapshot the source wrote inside its own record (the event store's data) compares with a bare replay.
        QJsonObject full; // the state after every event so far, from the first, unstamped
        qsizetype next = 0; // the first event not applied to `full`
        qint64 appliedSeq = 0; // the last event applied to `full`
        QJsonObject previous; // the last snapshot checked, and its sequence
        qint64 previousSeq = -1;
        for (const SnapshotHeader &h : std::as_const(*versions)) {
            if (!h.eventSeq)
                continue; // a snapshot that does not say which events it holds cannot be replayed
            const qint64 seq = *h.eventSeq;
            ++report.snapshots;
            auto stored = m_store.load(h.id);
            if (!stored) {
                mismatch({ entityId, h.id, seq, QStringLiteral("cannot be read: %1").arg(stored.error().message) });
                continue;
            }
            const QJsonObject document = CanonicalJson::read(stored->payload);
            const KindShape *shape = KindRegistry::shapeOf(kind, document);
            if (const auto says = shape ? shape->eventSeqOf(document) : std::nullopt; says && *says != seq) {
                mismatch({ entityId, h.id, seq, QStringLiteral("its payload says event %1").arg(*says) });
                continue;
            }
            const QJsonObject content = shape ? shape->contentOf(document) : document;
            QList<EventRecord> upTo;
            while (next < events->size() && events->at(next).seq <= seq)
                upTo.append(events->at(next++));
            const qint64 reached = upTo.isEmpty() ? appliedSeq : upTo.last().seq;
            if (reached != seq) {
                mismatch({ entityId, h.id, seq, QStringLiteral("its event %1 is missing").arg(seq) });
                continue;
            }
            auto replayed = StateReconstructor::apply(full, upTo);
            if (!replayed) {
                mismatch({ entityId, h.id, seq, replayed.error().message });
                break;
            }
            full = std::move(replayed).value();
            appliedSeq = seq;
            // A replayed state as the stored document's shape holds it: what it must agree on.
            const auto expected = [&](const QJsonObject &state) {
                return shape ? shape->contentOf(shape->withState(document, state)) : state;
            };
            if (const QString d = firstDifference(kind, expected(full), content); !d.isEmpty())
                mismatch({ entityId, h.id, seq, QStringLiteral("differs from the full replay: %1").arg(d) });
            if (previousSeq >= 0) {
                // upTo holds exactly the events after the previous snapshot checked.
                auto hybrid = StateReconstructor::fold(kind, previous, upTo);
                if (!hybrid)
                    mismatch({ entityId, h.id, seq, hybrid.error().message });
                else if (const QString d
                         = firstDifference(kind, expected(StateReconstructor::stateOf(kind, *hybrid)), content);
                         !d.isEmpty())
                    mismatch({ entityId, h.id, seq,
                        QStringLiteral("differs from the hybrid reconstruction from the snapshot at event %1: %2")
                            .arg(previousSeq)
                            .arg(d) });
            }
            previous = document;
            previousSeq = seq;
        }
    }
    return report;
}
