#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include "domain/error.h"
#include "domain/maintenance.h"

// The maintenance half of the data layer (DESIGN §7): retention policies, the trash, imports, schedules and their
// leases, and the audit log. Same threading rule as SnapshotStore: every
// method runs on the calling thread with that thread's connection.
class MaintenanceStore
{
public:
    virtual ~MaintenanceStore() = default;

    // --- retention
    virtual Result<QList<RetentionPolicy>> retentionPolicies(const QString &tenant) = 0;
    virtual Result<std::optional<RetentionPolicy>> retentionPolicy(const QString &tenant, const QString &kind) = 0;
    // Inserts or replaces; audited as policy.save.
    virtual Status saveRetentionPolicy(const QString &tenant, const RetentionPolicy &policy, const QString &actor) = 0;
    // Every live snapshot of a kind, without payloads. cancelled() is polled between rows (from two threads: a large
    // SQLite scan reads half of the file on the store's background thread).
    virtual Result<RetentionCandidates> retentionCandidates(
        const QString &tenant, const QString &kind, const std::function<bool()> &cancelled = {})
        = 0;

    // --- the trash. Each call is one transaction: all of its rows or none.
    // Moves live, unpinned snapshots of the list to the trash; returns how many moved. `archivedIn` (an archive's
    // absolute path) is recorded with each row: a purge deletes it only while that archive reads whole.
    virtual Result<qint64> trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn = {}) = 0;
    virtual Result<qint64> restore(const QStringList &ids) = 0;
    // Deletes at most `limit` snapshots trashed before `trashedBefore`; returns how many went. When any went, `audit`
    // is written in the same transaction with their count in its details ("purged"): a purge killed between batches
    // leaves a row for every batch it deleted.
    // Rows trashed with an archive are deleted only when their archive is among `goodArchives`.
    virtual Result<qint64> purge(
        const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit, const QStringList &goodArchives)
        = 0;
    // The archives the purgeable rows were trashed with, and the ids of the rows that name each.
    virtual Result<QMap<QString, QStringList>> trashArchives(const QString &tenant, EpochMs trashedBefore) = 0;
    virtual Result<qint64> trashCount(const QString &tenant, std::optional<EpochMs> trashedBefore = {}) = 0;
    // Puts archived snapshots back as they were (ids, versions, checksums); rows already present are skipped.
    // Returns how many were inserted.
    struct ArchivedRow
    {
        SnapshotHeader header;
        QByteArray payload; // canonical JSON, its SHA-256 verified by the caller
    };
    virtual Result<qint64> importArchived(const QList<ArchivedRow> &rows) = 0;

    // --- schedules
    virtual Result<QList<Schedule>> schedules(const QString &tenant) = 0;
    virtual Result<Schedule> schedule(const QString &id) = 0;
    // Inserts or updates by id; audited as schedule.create or schedule.update.
    virtual Status saveSchedule(const Schedule &schedule, const QString &actor) = 0;
    virtual Status deleteSchedule(const QString &id, const QString &actor) = 0;
    // Enabled schedules whose next run is at or before `now`, all tenants.
    virtual Result<QList<Schedule>> dueSchedules(EpochMs now) = 0;
    // The lease of (schedule, occurrence) until now + leaseMs: the attempt this runner now holds, or nullopt when the
    // occurrence ran or a live runner holds it. A running attempt whose lease has passed is recorded as failed
    // ("runner vanished", audited as schedule.lease_expired) and the occurrence is claimed again as the next attempt.
    virtual Result<std::optional<int>> claimRun(
        const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs)
        = 0;
    // The heartbeat: moves the lease of a running attempt on; false when the runner no longer holds it.
    virtual Result<bool> renewLease(const ScheduleRun &run, EpochMs until) = 0;
    // Records the outcome and moves the schedule on to its next run; an error when the lease was lost meanwhile.
    virtual Status finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt) = 0;
    virtual Result<QList<ScheduleRun>> scheduleRuns(const QString &scheduleId, int limit) = 0;

    // --- audit log (append-only)
    virtual Status audit(const AuditEntry &entry) = 0;
    virtual Result<QList<AuditEntry>> auditLog(const AuditQuery &query) = 0;
};
