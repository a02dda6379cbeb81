#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>

#include "domain/error.h"
#include "store/maintenancestore.h"

class SnapshotStore;

// The .ndjson.zst archive of cleanup and import: one snapshot per line (its header, SHA-256 checksum and payload as
// JSON), the whole file one zstd stream. A file is written to a temporary name, fsynced and linked to its name, so an
// archive that exists is complete; and an archive is never replaced: writing to a path that exists fails (it would
// have silently dropped the rows of the cleanup that wrote it first).
class SnapshotArchive
{
public:
    // Called every few hundred snapshots; return false to cancel (the partial file is removed).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Reads each snapshot (verified) from the store and writes the archive.
    static Result<qint64> write(
        SnapshotStore &store, const QList<QUuid> &ids, const QString &path, const Progress &progress = {});
    // Reads and checks a whole archive: every line strict JSON, every field well-formed, every checksum equal to
    // the SHA-256 of the payload's canonical bytes. An error names the file and line; nothing is returned then.
    static Result<QList<MaintenanceStore::ArchivedRow>> read(const QString &path);
    // Streams the archive through zstd (each frame's checksum checked) and checks every line as read() does, keeping
    // only the snapshot ids (in lower case): what a purge asks before it deletes rows that name the archive.
    static Result<QSet<QString>> ids(const QString &path);

    // One snapshot as an archive line (ending in '\n'), and back: strict JSON, every field checked, the checksum
    // equal to the SHA-256 of the payload's canonical bytes; `where` names the line in errors.
    static QByteArray line(const SnapshotHeader &header, const QByteArray &canonicalPayload);
    static Result<MaintenanceStore::ArchivedRow> parseLine(const QByteArray &line, const QString &where);
};
