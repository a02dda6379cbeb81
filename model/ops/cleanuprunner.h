#pragma once

#include <QString>

#include <functional>

#include "domain/error.h"
#include "ops/retentionplanner.h"

class SnapshotStore;

struct CleanupOptions
{
    QString tenant;
    QString actor;
    QString archivePath; // empty: no archive
    // Snapshots per transaction. On the large demo (1,014,000 daily inventory snapshots) 5,000 per batch trashed
    // 48,000/s and 20,000 per batch 60,000/s: fewer commits rewrite the same index pages into the WAL fewer times.
    // A batch takes about a third of a second, so Cancel still answers at once.
    int batchSize = 20000;
};

struct CleanupReport
{
    qint64 planned = 0;
    qint64 trashed = 0; // may be fewer than planned: rows pinned or trashed meanwhile are left alone
    qint64 archived = 0;
    bool cancelled = false;
    double seconds = 0;
};

// Runs a plan: writes the archive first when asked (complete and fsynced before any row changes), then moves the
// plan's deletions to the trash in batched transactions. Cancelled or killed between batches, the database holds
// whole batches only, and planning and running again finishes the job. Audited (cleanup.start, then cleanup).
class CleanupRunner
{
public:
    // phase: "archive" or "trash"; return false to cancel.
    using Progress = std::function<bool(const QString &phase, qint64 done, qint64 total)>;

    explicit CleanupRunner(SnapshotStore &store);
    Result<CleanupReport> run(const RetentionPlan &plan, const CleanupOptions &options, const Progress &progress = {});

private:
    SnapshotStore &m_store;
};
