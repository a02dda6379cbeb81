#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/maintenance.h"

class SnapshotStore;

// Runs schedules: what is due, once each, whoever else is running them (DESIGN §7). The run row of (schedule,
// occurrence, attempt) is the lease; a runner that cannot insert it leaves the occurrence to the one that did. The
// lease expires unless its runner renews it (a heartbeat every quarter of the lease): the run of a runner that was
// killed is marked failed ("runner vanished") by the next runner, which runs the occurrence again.
class ScheduleRunner
{
public:
    ScheduleRunner(SnapshotStore &store, QString actor, QString runnerId = defaultRunnerId());

    static constexpr EpochMs DefaultLeaseMs = 10 * 60 * 1000;

    static QString defaultRunnerId(); // host:pid
    void setLease(EpochMs leaseMs) { m_leaseMs = leaseMs; }
    // Checks the cron text, the zone and the action; the error names the field.
    static Status validate(const Schedule &schedule);
    static Result<std::optional<EpochMs>> nextRun(const Schedule &schedule, EpochMs after);

    // Runs every enabled schedule due at `now` that this runner wins the lease of; returns those runs.
    Result<QList<ScheduleRun>> runDue(EpochMs now);
    // Runs one schedule now (the console's "Run now"), under the same lease.
    Result<ScheduleRun> runNow(const Schedule &schedule, EpochMs now);

private:
    ScheduleRun execute(const Schedule &schedule, EpochMs scheduledFor, int attempt, EpochMs now);

    SnapshotStore &m_store;
    QString m_actor;
    QString m_runnerId;
    EpochMs m_leaseMs = DefaultLeaseMs;
};
