#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

#include "domain/error.h"
#include "domain/history.h"
#include "domain/snapshot.h"

class PayloadCodec;
class SnapshotStore;

struct CompactionReport
{
    int entities = 0;
    int snapshotsWritten = 0; // the snapshots the strategy called for
    int storedAsDelta = 0; // existing snapshots rewritten as a patch against the previous version
    int storedAsKeyframe = 0; // existing deltas rewritten as full snapshots (long chains, or a full strategy)
    int reencoded = 0; // deltas encoded again with the kind's first delta dictionary
    qint64 storedBytesBefore = 0; // of the entities looked at, before and after
    qint64 storedBytesAfter = 0;
    QStringList problems; // entities skipped, one sentence each
};

// `snapshot compact`: for each entity of an event-sourced kind, writes the snapshots its strategy calls for after
// the newest one, and stores the entity's versions as the strategy says: full, or as deltas against the previous
// version with a keyframe at least every K versions (long chains become keyframes); the kind's patches get a zstd
// dictionary of their own once there are enough of them. Audited as snapshot.compact.
class SnapshotCompactor
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels (between entities)

    explicit SnapshotCompactor(SnapshotStore &store);
    // entityId empty: every entity of the kind that has snapshots.
    Result<CompactionReport> run(const QString &tenant, const QString &kind, const QString &entityId,
        const QString &actor, const QString &source, const Progress &progress = {});

    // How `next` is stored after `previous` (depth: the deltas between previous and its keyframe): as a patch when
    // the strategy is incremental, the chain is shorter than K and the patch encodes smaller; sets next.baseId and
    // next.patch then. Returns next's depth. keptApart: the store keeps personal fields apart, so the patch is stored
    // withheld too and must make the withheld document from the withheld previous one (issue 26).
    static int chooseStorage(NewSnapshot &next, const QJsonObject &previousState, const QString &previousId,
        int previousDepth, const SnapshotStrategy &strategy, const PayloadCodec &codec, bool keptApart);

    // Patches needed to train a delta dictionary.
    static constexpr int MinDeltaSamples = 200;

private:
    // The kind's first delta dictionary, once there are enough patches to learn from; then this tenant's patches
    // are encoded with it.
    Status trainDeltaDictionary(
        const QString &tenant, const QString &kind, const QStringList &ids, CompactionReport &report);
    // secondPass: deciding again after a delta dictionary was trained (the bytes before are counted already).
    Status compactEntity(const QString &tenant, const QString &kind, const QString &entityId,
        const SnapshotStrategy &strategy, const QString &actor, const QString &source, CompactionReport &report,
        bool secondPass = false);

    SnapshotStore &m_store;
};
