#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>
#include <vector>

#include "domain/snapshot.h"

// Value types of the maintenance use cases (DESIGN §7): retention, the trash, schedules and the audit log.

// One kind's retention rules; 0 means "rule not used". Words as borg prune uses them.
struct RetentionPolicy
{
    QString kind;
    int keepLast = 0; // the newest N of each entity
    int keepWithinDays = 0; // everything taken in the last D days
    int keepDaily = 0; // the newest of each of the N most recent days that have snapshots
    int keepWeekly = 0;
    int keepMonthly = 0;
    int keepYearly = 0;
    int deleteOlderThanDays = 0; // a hard age limit: older snapshots go even if a keep rule would keep them
    QStringList protectedTypes; // never deleted
    EpochMs updatedAt = 0;
    QString updatedBy;

    bool hasKeepRule() const
    {
        return keepLast > 0 || keepWithinDays > 0 || keepDaily > 0 || keepWeekly > 0 || keepMonthly > 0
            || keepYearly > 0;
    }
    friend bool operator==(const RetentionPolicy &a, const RetentionPolicy &b)
    {
        return a.kind == b.kind && a.keepLast == b.keepLast && a.keepWithinDays == b.keepWithinDays
            && a.keepDaily == b.keepDaily && a.keepWeekly == b.keepWeekly && a.keepMonthly == b.keepMonthly
            && a.keepYearly == b.keepYearly && a.deleteOlderThanDays == b.deleteOlderThanDays
            && a.protectedTypes == b.protectedTypes;
    }
};

// What the retention planner needs of one live snapshot: no payload, no summary text. Entity and type are indexes
// into RetentionCandidates' name lists, so a million candidates take tens of megabytes, not hundreds.
struct RetentionCandidate
{
    QUuid id;
    QUuid baseId; // null unless the snapshot is stored as a delta against that one
    EpochMs takenAt = 0;
    qint64 storedSize = 0;
    int entity = 0;
    int type = 0;
    bool pinned = false;
    bool flagged = false; // one of the kind's significant summary flags is true
};

struct RetentionCandidates
{
    QString tenant;
    QString kind;
    QStringList entities;
    QStringList types;
    std::vector<RetentionCandidate> rows; // grouped by entity
};

// A schedule's job: take snapshots of targets, clean a kind up with a policy, or compact an event-sourced kind.
struct ScheduleAction
{
    // Compact: the kind's snapshot strategy (issue 7). Sync: a live source's tables (issue 25).
    enum class Type { Snapshot, Cleanup, Compact, Sync };
    Type type = Type::Snapshot;
    QString kind; // all but Sync
    QString source; // Sync: the live source's name
    QStringList targets { QStringLiteral("all") }; // Snapshot: ["all"] or store codes / entity ids
    std::optional<RetentionPolicy> policy; // Cleanup: empty = the kind's stored policy
};

struct Schedule
{
    QString id;
    QString tenant;
    QString name;
    QString cron;
    QString timeZone = QStringLiteral("UTC");
    ScheduleAction action;
    bool enabled = true;
    EpochMs createdAt = 0;
    EpochMs updatedAt = 0;
    std::optional<EpochMs> lastExecutedAt;
    std::optional<EpochMs> nextRunAt;
};

struct ScheduleRun
{
    QString scheduleId;
    EpochMs scheduledFor = 0;
    int attempt = 1; // a second attempt follows one whose runner vanished
    QString runner; // host:pid
    EpochMs startedAt = 0;
    std::optional<EpochMs> finishedAt;
    QString outcome; // running, succeeded, failed, cancelled
    qint64 snapshotsTaken = 0;
    qint64 snapshotsTrashed = 0;
    QString error;
};

struct AuditEntry
{
    qint64 id = 0;
    EpochMs at = 0;
    QString tenant;
    QString actor;
    QString host;
    QString action; // snapshot.take, cleanup, trash.restore, trash.purge, import, pin, unpin, schedule.save, ...
    QString target;
    QJsonObject details;
    QString outcome = QStringLiteral("ok"); // ok, failed, cancelled, started
};

struct AuditQuery
{
    QString tenant; // empty: all
    QString actor;
    QString action; // prefix
    TimeRange at;
    std::optional<qint64> beforeId; // keyset: rows with a smaller id (newest first)
    int limit = 500;
};
