#include "snapshotcompactor.h"

#include <limits>

#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/jsondiff.h"
#include "json/jsonpatch.h"

SnapshotCompactor::SnapshotCompactor(SnapshotStore &store)
    : m_store(store)
{ }

int SnapshotCompactor::chooseStorage(NewSnapshot &next, const QJsonObject &previousState, const QString &previousId,
    int previousDepth, const SnapshotStrategy &strategy, const PayloadCodec &codec, bool keptApart)
{
    next.baseId.clear();
    next.patch = {};
    if (!strategy.incremental || previousId.isEmpty() || previousDepth + 1 >= strategy.keyframeEvery)
        return 0;
    JsonDiff::Options options;
    if (const KindDefinition *info = KindRegistry::find(next.kind))
        options.identities = info->identitiesFor(next.payload);
    const QJsonArray patch = JsonDiff::diff(previousState, next.payload, options);
    QByteArray patchBytes;
    CanonicalJson::append(patchBytes, patch);
    const QByteArray full = CanonicalJson::write(next.payload);
    if (codec.encode(PayloadCodec::deltaKey(next.kind), patchBytes).blob.size()
        >= codec.encode(next.kind, full).blob.size())
        return 0;
    // The patch must rebuild exactly the bytes the checksum is of; otherwise the snapshot stays full.
    auto rebuilt = JsonPatch::apply(previousState, patch);
    if (!rebuilt || !rebuilt->isObject() || CanonicalJson::write(rebuilt->toObject()) != full)
        return 0;
    if (keptApart) {
        // The writer stores Pii::withholdPatch(patch) on the withheld base; it must rebuild the withheld document
        // exactly, or the row could not be read back (withheld_checksum would not match).
        const QJsonArray withheldPatch = Pii::withholdPatch(patch, Pii::personalPointers(next.payload, next.kind));
        auto withheld = JsonPatch::apply(Pii::withhold(previousState, next.kind).document, withheldPatch);
        if (!withheld || !withheld->isObject()
            || CanonicalJson::write(withheld->toObject())
                != CanonicalJson::write(Pii::withhold(next.payload, next.kind).document))
            return 0;
    }
    next.baseId = previousId;
    next.patch = patch;
    return previousDepth + 1;
}

Result<CompactionReport> SnapshotCompactor::run(const QString &tenant, const QString &kind, const QString &entityId,
    const QString &actor, const QString &source, const Progress &progress)
{
    if (!StateReconstructor::isEventSourced(kind))
        return Error { Error::Code::Invalid,
            QStringLiteral("compaction works on the event-sourced kinds (order, aggregate), not \"%1\"").arg(kind) };
    auto strategy = m_store.history().strategy(tenant, kind);
    if (!strategy)
        return strategy.error();
    QStringList ids;
    if (!entityId.isEmpty()) {
        ids.append(entityId);
    } else {
        auto entities = m_store.entities(tenant, kind, {}, 10'000'000);
        if (!entities)
            return entities.error();
        for (const EntitySummary &e : std::as_const(*entities))
            ids.append(e.entityId);
    }
    CompactionReport report;
    bool cancelled = false;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (progress && !progress(i, ids.size())) {
            cancelled = true;
            break;
        }
        if (Status status = compactEntity(tenant, kind, ids.at(i), *strategy, actor, source, report); !status)
            return status.error();
        ++report.entities;
    }
    if (!cancelled && strategy->incremental) {
        const int before = report.reencoded;
        if (Status status = trainDeltaDictionary(tenant, kind, ids, report); !status)
            return status.error();
        if (report.reencoded > before) {
            // With a dictionary for patches more versions are smaller as deltas: decide again.
            for (const QString &id : std::as_const(ids)) {
                if (Status status = compactEntity(tenant, kind, id, *strategy, actor, source, report, true); !status)
                    return status.error();
            }
        }
    }
    // What the entities take now, read back rather than estimated.
    for (const QString &id : std::as_const(ids)) {
        auto versions = m_store.history().versions(tenant, kind, id);
        if (!versions)
            return versions.error();
        for (const SnapshotHeader &h : std::as_const(*versions))
            report.storedBytesAfter += h.storedSize;
    }
    AuditEntry entry;
    entry.tenant = tenant;
    entry.actor = actor;
    entry.action = QStringLiteral("snapshot.compact");
    entry.target = entityId.isEmpty() ? kind : kind + u' ' + entityId;
    entry.outcome = cancelled ? QStringLiteral("cancelled") : QStringLiteral("ok");
    entry.details = { { QStringLiteral("source"), source }, { QStringLiteral("entities"), report.entities },
        { QStringLiteral("snapshots_written"), report.snapshotsWritten },
        { QStringLiteral("stored_as_delta"), report.storedAsDelta },
        { QStringLiteral("stored_as_keyframe"), report.storedAsKeyframe },
        { QStringLiteral("reencoded_with_delta_dictionary"), report.reencoded },
        { QStringLiteral("stored_bytes_before"), report.storedBytesBefore },
        { QStringLiteral("stored_bytes_after"), report.storedBytesAfter },
        { QStringLiteral("strategy"), SnapshotStrategy::modeName(strategy->mode) },
        { QStringLiteral("incremental"), strategy->incremental } };
    if (Status status = m_store.maintenance().audit(entry); !status)
        return status.error();
    if (cancelled)
        return Error { Error::Code::Cancelled,
            QStringLiteral("compaction cancelled after %1 of %2 entities; what was done is consistent")
                .arg(report.entities)
                .arg(ids.size()) };
    return report;
}

Status SnapshotCompactor::compactEntity(const QString &tenant, const QString &kind, const QString &entityId,
    const SnapshotStrategy &strategy, const QString &actor, const QString &source, CompactionReport &report,
    bool secondPass)
{
    auto versions = m_store.history().versions(tenant, kind, entityId);
    if (!versions)
        return versions.error();

    // 1. The stored versions, each stored as the strategy says.
    QJsonObject previousState;
    QString previousId;
    int previousDepth = 0;
    qint64 lastSeq = 0;
    EpochMs lastAt = std::numeric_limits<EpochMs>::min();
    for (const SnapshotHeader &h : std::as_const(*versions)) {
        auto snapshot = m_store.load(h.id);
        if (!snapshot) {
            if (!snapshot.error().isIntegrityError())
                return snapshot.error();
            // Never build on (or rewrite) what fails verification; the entity is left as it is.
            report.problems.append(QStringLiteral("%1 skipped: %2").arg(entityId, snapshot.error().message));
            return {};
        }
        NewSnapshot probe;
        probe.kind = kind;
        probe.payload = CanonicalJson::read(snapshot->payload);
        const int depth = chooseStorage(
            probe, previousState, previousId, previousDepth, strategy, m_store.codec(), m_store.keepsPersonalApart());
        if (!secondPass)
            report.storedBytesBefore += h.storedSize;
        if (probe.baseId != h.baseId) {
            QByteArray content;
            if (probe.baseId.isEmpty())
                content = snapshot->payload;
            else
                CanonicalJson::append(content, probe.patch);
            if (Status status = m_store.history().rewriteStorage(h.id, probe.baseId, content); !status) {
                if (status.error().code != Error::Code::Conflict)
                    return status;
                // Converted meanwhile (its personal fields kept apart): the entity is left for the next run.
                report.problems.append(QStringLiteral("%1 skipped: %2").arg(entityId, status.error().message));
                return {};
            }
            ++(probe.baseId.isEmpty() ? report.storedAsKeyframe : report.storedAsDelta);
        }
        previousState = std::move(probe.payload);
        previousId = h.id;
        previousDepth = depth;
        if (h.eventSeq)
            lastSeq = std::max(lastSeq, *h.eventSeq);
        lastAt = std::max(lastAt, h.takenAt);
    }

    // 2. The snapshots the strategy calls for after the newest one.
    auto events = m_store.sources().events(tenant, entityId, lastSeq);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return {};
    if (versions->isEmpty() || lastAt == std::numeric_limits<EpochMs>::min())
        lastAt = events->first().occurredAt;
    QJsonObject state = previousState;
    EpochMs since = lastAt;
    int eventsSince = 0;
    qint64 bytesSince = 0;
    QList<NewSnapshot> batch;
    for (const EventRecord &event : std::as_const(*events)) {
        auto folded = StateReconstructor::fold(kind, std::move(state), { event });
        if (!folded) {
            report.problems.append(QStringLiteral("%1 skipped: %2").arg(entityId, folded.error().message));
            return {};
        }
        state = std::move(folded).value();
        ++eventsSince;
        bytesSince += CanonicalJson::write(event.data).size();
        const bool byEvents = eventsSince >= strategy.everyEvents;
        const bool byTime = event.occurredAt - since >= qint64(strategy.everyHours) * 3'600'000;
        bool due = false;
        switch (strategy.mode) {
        case SnapshotStrategy::Mode::Events:
            due = byEvents;
            break;
        case SnapshotStrategy::Mode::Time:
            due = byTime;
            break;
        case SnapshotStrategy::Mode::Hybrid:
            due = byEvents || byTime;
            break;
        case SnapshotStrategy::Mode::Size:
            due = bytesSince >= strategy.maxReplayBytes;
            break;
        }
        if (!due)
            continue;
        NewSnapshot s;
        s.tenant = tenant;
        s.kind = kind;
        s.entityId = entityId;
        s.takenAt = std::max(event.occurredAt, lastAt);
        s.id = SnapshotId::generate(s.takenAt);
        s.type = QStringLiteral("event_driven");
        s.createdBy = actor;
        s.trigger = { { QStringLiteral("action"), QStringLiteral("snapshot_strategy") },
            { QStringLiteral("source"), source }, { QStringLiteral("user_id"), actor },
            { QStringLiteral("strategy"), SnapshotStrategy::modeName(strategy.mode) } };
        s.eventSeq = event.seq;
        state = StateReconstructor::asNewSnapshot(kind, std::move(state), event.seq, event.occurredAt);
        s.payload = state;
        previousDepth = chooseStorage(
            s, previousState, previousId, previousDepth, strategy, m_store.codec(), m_store.keepsPersonalApart());
        previousState = state;
        previousId = s.id;
        lastAt = s.takenAt;
        since = event.occurredAt;
        eventsSince = 0;
        bytesSince = 0;
        batch.append(std::move(s));
    }
    if (batch.isEmpty())
        return {};
    auto written = m_store.putBatch(batch);
    if (!written)
        return written.error();
    report.snapshotsWritten += int(written->size());
    return {};
}

Status SnapshotCompactor::trainDeltaDictionary(
    const QString &tenant, const QString &kind, const QStringList &ids, CompactionReport &report)
{
    const QString key = PayloadCodec::deltaKey(kind);
    if (m_store.codec().activeDictionaryId(key) == 0) {
        auto samples = m_store.samplePayloads(key, 2000);
        if (!samples)
            return samples.error();
        if (samples->size() < MinDeltaSamples)
            return {}; // too few patches to learn from: they stay with plain zstd
        auto dictionary = PayloadCodec::trainDictionary(*samples, 16 * 1024);
        if (!dictionary)
            return {};
        if (auto added = m_store.addDictionary(key, *dictionary, int(samples->size())); !added)
            return added.error();
    }
    // This tenant's patches again, with it (another tenant's are re-encoded when it is compacted: its patches keep
    // their codec until then, and read as they are). A run killed halfway left some with their old codec: the
    // dictionary already exists then, and this finishes the work.
    const QString withDictionary = PayloadCodec::dictionaryCodec(m_store.codec().activeDictionaryId(key));
    for (const QString &entityId : ids) {
        auto versions = m_store.history().versions(tenant, kind, entityId);
        if (!versions)
            return versions.error();
        for (const SnapshotHeader &h : std::as_const(*versions)) {
            if (h.baseId.isEmpty() || h.codec == withDictionary)
                continue;
            auto blob = m_store.rawPayload(h.id);
            if (!blob)
                return blob.error();
            auto patch = m_store.codec().decode(h.codec, *blob, h.rawSize, QString());
            if (!patch)
                continue; // damaged: left for verify to report, never rewritten
            if (Status status = m_store.history().rewriteStorage(h.id, h.baseId, *patch); !status) {
                if (status.error().code != Error::Code::Conflict)
                    return status;
                report.problems.append(QStringLiteral("%1 skipped: %2").arg(h.entityId, status.error().message));
                continue;
            }
            ++report.reencoded;
        }
    }
    return {};
}
