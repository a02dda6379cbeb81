#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "domain/error.h"
#include "domain/snapshot.h"

class SnapshotStore;

// Who exported a bundle, for what, and when.
struct EvidenceInfo
{
    QString caseId; // the order of a dispute case
    QString exportedBy;
    QString host;
    EpochMs exportedAt = 0;
};

struct BundleVerification
{
    EvidenceInfo info;
    int snapshots = 0; // listed in the manifest
    QStringList problems; // what changed, one sentence each, naming the snapshot
    bool intact() const { return problems.isEmpty(); }
};

// An evidence bundle (.ndjson.zst): a manifest line (case, who, when, and per snapshot its id, kind, entity,
// version, checksum and the SHA-256 of its line), one line per snapshot as in an archive (header, checksum, payload),
// and a last line with the SHA-256 of the manifest line. Every line is its own zstd frame with a content checksum, so
// damage stays in one line and is named. It shows that the contents were not altered since export; it is not a
// signature (someone who rewrites every digest as well is not caught).
class EvidenceBundle
{
public:
    // Reads each snapshot (verified; incremental ones materialized) and writes the bundle via a temporary file.
    static Result<int> write(
        SnapshotStore &store, const QStringList &ids, const EvidenceInfo &info, const QString &path);
    // Re-verifies a bundle; an unreadable file is an Error, an altered one a report with problems.
    static Result<BundleVerification> verify(const QString &path);
};
