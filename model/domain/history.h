#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "domain/snapshot.h"
#include "domain/sourcerecords.h"

// When snapshots of an event-sourced kind are due (the event-sourcing specification's strategies), and whether
// they are stored as deltas.
struct SnapshotStrategy
{
    enum class Mode { Events, Time, Hybrid, Size };
    QString kind;
    Mode mode = Mode::Events;
    int everyEvents = 10; // the order service specification's default
    int everyHours = 24;
    qint64 maxReplayBytes = 64 * 1024; // Size: the patch bytes replayed since the last snapshot
    bool incremental = false;
    int keyframeEvery = 10; // incremental: a full snapshot at least every K versions

    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(const QString &name);
    // The specification's default for a kind: every 10 events, full snapshots.
    static SnapshotStrategy defaultFor(const QString &kind);
    // Empty when valid, else what is wrong.
    QString validate() const;
};

// The events of one aggregate: how many, and the sequence and time range they span.
struct EventRange
{
    qint64 count = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    EpochMs firstAt = 0;
    EpochMs lastAt = 0;
};

// What a point-in-time query answers (the specification's StateReconstruction).
struct StateReconstruction
{
    QString tenant;
    QString kind;
    QString entityId;
    qint64 version = 0; // the last event folded in (0: before the first event)
    EpochMs timestamp = 0; // when that event occurred
    QJsonObject state;
    QString fromSnapshot; // the snapshot the replay started from; empty: full replay from the first event
    qint64 fromSnapshotSeq = 0;
    int eventsReplayed = 0;
    double elapsedMs = 0;
    // Snapshots passed over because they failed verification: "id: reason".
    QStringList skippedSnapshots;
    QList<EventRecord> replayed; // the events applied after the snapshot, oldest first

    QJsonObject toJson() const; // every field but `replayed`, with the state
};
