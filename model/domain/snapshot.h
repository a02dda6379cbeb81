#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

// Millisecond timestamps are UTC milliseconds since the epoch everywhere below the GUI: they sort, page and
// compare the same way on SQLite and PostgreSQL, and the views convert them to local time for display.
using EpochMs = qint64;

struct EntityRef
{
    QString tenant;
    QString kind;
    QString entityId;
    friend bool operator==(const EntityRef &, const EntityRef &) = default;
};

// Half-open [from, to) range of taken_at; either end may be open.
struct TimeRange
{
    std::optional<EpochMs> from;
    std::optional<EpochMs> to;
};

// Everything about a snapshot except its payload: what lists and timelines show.
struct SnapshotHeader
{
    QString id;
    QString tenant;
    QString kind;
    QString entityId;
    int version = 0;
    EpochMs takenAt = 0;
    QString type;
    QString createdBy;
    QJsonObject trigger;
    QString previousId;
    std::optional<qint64> eventSeq;
    QString baseId; // non-empty: the payload is stored as an RFC 6902 patch against this snapshot's state
    QString codec;
    qint64 rawSize = 0;
    qint64 storedSize = 0;
    QString checksum; // SHA-256 hex of the canonical payload bytes
    // A shared store keeps personal fields apart (issue 26): the SHA-256 hex of the stored document, with Pii::Withheld
    // in their places. Empty: the payload is stored whole (SQLite, or a row not converted yet).
    QString withheldChecksum;
    QString seal; // SHA-256 hex binding the checksum to this row (codec/snapshotseal.h)
    QJsonObject summary;
    bool pinned = false;
    std::optional<EpochMs> deletedAt;

    EntityRef entity() const { return { tenant, kind, entityId }; }
    // What the stored bytes hash to, once materialized.
    const QString &storedChecksum() const { return withheldChecksum.isEmpty() ? checksum : withheldChecksum; }
};

// A header with its verified payload (canonical JSON bytes).
// Oldest first by (taken_at, id): the order timelines and cases list snapshots in.
inline void sortOldestFirst(QList<SnapshotHeader> &headers)
{
    std::sort(headers.begin(), headers.end(), [](const SnapshotHeader &a, const SnapshotHeader &b) {
        return a.takenAt != b.takenAt ? a.takenAt < b.takenAt : a.id < b.id;
    });
}

struct Snapshot
{
    SnapshotHeader header;
    QByteArray payload;
    // The payload holds Pii::Withheld where its personal fields are: the session may not read them (it hashes to
    // header.withheldChecksum).
    bool withheld = false;
};

// What a caller hands to the store; the store assigns id, version, previous id, codec and summary.
struct NewSnapshot
{
    QString tenant;
    QString kind;
    QString entityId;
    EpochMs takenAt = 0;
    QString type;
    QString createdBy = QStringLiteral("system");
    QJsonObject trigger;
    std::optional<qint64> eventSeq;
    // An incremental snapshot: baseId names the previous version it builds on and patch turns that version's state
    // into `payload`; the patch is stored, the checksum and summary are those of `payload`.
    QString baseId;
    QJsonArray patch;
    QJsonObject payload;
    QString id; // optional: a caller-chosen UUID (the demo generator uses seeded ids); empty = generated

    // A record brought in from its source system (ingest): what the source knows it by. A second snapshot of the same
    // tenant and kind with the same source id is a duplicate and is not written (IngestTransaction).
    QString sourceId;
    // Where the snapshot goes in its entity's timeline. Append: the next version. AtVersion: `version`, the source's
    // own. ByTime: its place by taken_at, the versions after it moving up one. A snapshot placed before others also
    // becomes their predecessor (previous id); incremental snapshots name their base by id, so they stay valid.
    enum class Placement { Append, AtVersion, ByTime };
    Placement placement = Placement::Append;
    int version = 0; // with AtVersion
};

struct EntitySummary
{
    QString entityId;
    qint64 snapshotCount = 0;
    EpochMs lastTakenAt = 0;
};

struct KindStats
{
    QString kind;
    qint64 count = 0;
    qint64 rawBytes = 0;
    qint64 storedBytes = 0;
    bool sizesKnown = true; // false for the quick counts (SnapshotStore::kindCounts), whose sizes are not read
    double ratio() const { return rawBytes > 0 ? double(storedBytes) / double(rawBytes) : 0.0; }
};

struct Tenant
{
    QString id;
    QString name;
    QString businessTimeZone;
    QString currency;
};
