#pragma once

#include "store/maintenancestore.h"
#include "store/sqlconnections.h"

// Schedules, their runs and the leases runners hold on them (MaintenanceStore's schedules section).
class SqlSchedules
{
public:
    explicit SqlSchedules(SqlConnections &sql)
        : m_sql(sql)
    { }

    Result<QList<Schedule>> schedules(const QString &tenant);
    Result<Schedule> schedule(const QString &id);
    Status save(const Schedule &schedule, const QString &actor);
    Status remove(const QString &id, const QString &actor);
    Result<QList<Schedule>> due(EpochMs now);
    Result<std::optional<int>> claimRun(
        const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs);
    Result<bool> renewLease(const ScheduleRun &run, EpochMs until);
    Status finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt);
    Result<QList<ScheduleRun>> runs(const QString &scheduleId, int limit);

private:
    Result<QList<Schedule>> read(const QString &where, const QVariantList &values);

    SqlConnections &m_sql;
};
