#pragma once

#include <QString>
#include <QStringList>

#include <functional>

#include "domain/error.h"

class SnapshotStore;

struct ReplayMismatch
{
    QString entityId;
    QString snapshotId;
    qint64 eventSeq = 0;
    QString message; // what differs, with the first differing JSON Pointer
};

struct ReplayReport
{
    qint64 entities = 0;
    qint64 snapshots = 0; // snapshots checked
    qint64 events = 0; // events replayed
    QList<ReplayMismatch> mismatches;
    bool cancelled = false;
};

// `verify --replay`: for every entity of an event-sourced kind, each stored snapshot (at its event_seq) must equal
// the hybrid reconstruction from the snapshot before it plus the events between them, and the full replay of every
// event from the first. One pass per entity: full replay runs alongside, not once per snapshot.
class ReplayVerifier
{
public:
    using Progress = std::function<bool(qint64 entitiesDone, qint64 entities)>;
    using Found = std::function<void(const ReplayMismatch &)>;

    explicit ReplayVerifier(SnapshotStore &store);
    Result<ReplayReport> run(
        const QString &tenant, const QString &kind, const Progress &progress = {}, const Found &found = {});

private:
    SnapshotStore &m_store;
};
