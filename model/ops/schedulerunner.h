#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/maintenance.h"

class SnapshotStore;

// Runs schedules: what is due, once each, whoever else is running them (DESIGN §7). The run row of (schedule,
// occurrence) is the lease; a runner that cannot insert it leaves the occurrence to the one that did.
class ScheduleRunner
{
public:
    ScheduleRunner(SnapshotStore &store, QString actor, QString runnerId = defaultRunnerId());

    static QString defaultRunnerId(); // host:pid
    // Checks the cron text, the zone and the action; the error names the field.
    static Status validate(const Schedule &schedule);
    static Result<std::optional<EpochMs>> nextRun(const Schedule &schedule, EpochMs after);

    // Runs every enabled schedule due at `now` that this runner wins the lease of; returns those runs.
    Result<QList<ScheduleRun>> runDue(EpochMs now);
    // Runs one schedule now (the console's "Run now"), under the same lease.
    Result<ScheduleRun> runNow(const Schedule &schedule, EpochMs now);

private:
    ScheduleRun execute(const Schedule &schedule, EpochMs scheduledFor, EpochMs now);

    SnapshotStore &m_store;
    QString m_actor;
    QString m_runnerId;
};
