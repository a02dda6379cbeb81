#pragma once

#include "store/maintenancestore.h"
#include "store/sqlauditlog.h"
#include "store/sqlretention.h"
#include "store/sqlschedules.h"
#include "store/sqltrash.h"

// MaintenanceStore over the SQL store: each section (retention, trash, schedules, audit log) is a class of its own;
// this one only hands each call to its section.
class SqlMaintenanceStore final : public MaintenanceStore
{
public:
    SqlMaintenanceStore(SqlConnections &sql, PayloadCodec &codec, SqlTenants &tenants, SqlPersonalFields &personal,
        QThreadPool &background)
        : m_retention(sql, background)
        , m_trash(sql, codec, tenants, personal)
        , m_schedules(sql)
        , m_auditLog(sql)
    { }

    Result<QList<RetentionPolicy>> retentionPolicies(const QString &tenant) override
    {
        return m_retention.policies(tenant);
    }
    Result<std::optional<RetentionPolicy>> retentionPolicy(const QString &tenant, const QString &kind) override
    {
        return m_retention.policy(tenant, kind);
    }
    Status saveRetentionPolicy(const QString &tenant, const RetentionPolicy &policy, const QString &actor) override
    {
        return m_retention.savePolicy(tenant, policy, actor);
    }
    Result<RetentionCandidates> retentionCandidates(
        const QString &tenant, const QString &kind, const std::function<bool()> &cancelled) override
    {
        return m_retention.candidates(tenant, kind, cancelled);
    }

    Result<qint64> trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn) override
    {
        return m_trash.trash(ids, at, archivedIn);
    }
    Result<qint64> restore(const QStringList &ids) override { return m_trash.restore(ids); }
    Result<qint64> purge(const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit,
        const QStringList &goodArchives) override
    {
        return m_trash.purge(tenant, trashedBefore, limit, std::move(audit), goodArchives);
    }
    Result<QMap<QString, QStringList>> trashArchives(const QString &tenant, EpochMs trashedBefore) override
    {
        return m_trash.archives(tenant, trashedBefore);
    }
    Result<qint64> trashCount(const QString &tenant, std::optional<EpochMs> trashedBefore) override
    {
        return m_trash.count(tenant, trashedBefore);
    }
    Result<qint64> importArchived(const QList<ArchivedRow> &rows) override { return m_trash.importArchived(rows); }

    Result<QList<Schedule>> schedules(const QString &tenant) override { return m_schedules.schedules(tenant); }
    Result<Schedule> schedule(const QString &id) override { return m_schedules.schedule(id); }
    Status saveSchedule(const Schedule &schedule, const QString &actor) override
    {
        return m_schedules.save(schedule, actor);
    }
    Status deleteSchedule(const QString &id, const QString &actor) override { return m_schedules.remove(id, actor); }
    Result<QList<Schedule>> dueSchedules(EpochMs now) override { return m_schedules.due(now); }
    Result<std::optional<int>> claimRun(
        const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs) override
    {
        return m_schedules.claimRun(scheduleId, scheduledFor, runner, now, leaseMs);
    }
    Result<bool> renewLease(const ScheduleRun &run, EpochMs until) override
    {
        return m_schedules.renewLease(run, until);
    }
    Status finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt) override
    {
        return m_schedules.finishRun(run, nextRunAt);
    }
    Result<QList<ScheduleRun>> scheduleRuns(const QString &scheduleId, int limit) override
    {
        return m_schedules.runs(scheduleId, limit);
    }

    Status audit(const AuditEntry &entry) override { return m_auditLog.append(entry); }
    Result<QList<AuditEntry>> auditLog(const AuditQuery &query) override { return m_auditLog.read(query); }

private:
    SqlRetention m_retention;
    SqlTrash m_trash;
    SqlSchedules m_schedules;
    SqlAuditLog m_auditLog;
};
