#include "sqlschedules.h"

#include <QDateTime>
#include <QSqlQuery>

#include "domain/maintenancejson.h"
#include "json/isotime.h"

using SqlValues::compactJson;
using SqlValues::execWith;
using SqlValues::nullableInt;
using SqlValues::nullIfEmpty;
using SqlValues::optionalInt;
using SqlValues::parseObject;

namespace {
const QString ScheduleColumns = QStringLiteral(
    "id, tenant_id, name, cron, time_zone, action, enabled, created_at, updated_at, last_executed_at, next_run_at");
}

Result<QList<Schedule>> SqlSchedules::read(const QString &where, const QVariantList &values)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM schedules WHERE %2 ORDER BY name, id").arg(ScheduleColumns, where), values))
        return m_sql.errorFrom(QStringLiteral("reading schedules"), query);
    QList<Schedule> list;
    while (query.next()) {
        Schedule s;
        s.id = query.value(0).toString();
        s.tenant = query.value(1).toString();
        s.name = query.value(2).toString();
        s.cron = query.value(3).toString();
        s.timeZone = query.value(4).toString();
        auto action = MaintenanceJson::actionFromJson(parseObject(query.value(5)));
        if (!action)
            return Error { Error::Code::Invalid, QStringLiteral("schedule %1: %2").arg(s.id, action.error().message) };
        s.action = *action;
        s.enabled = query.value(6).toBool();
        s.createdAt = query.value(7).toLongLong();
        s.updatedAt = query.value(8).toLongLong();
        s.lastExecutedAt = optionalInt(query.value(9));
        s.nextRunAt = optionalInt(query.value(10));
        list.append(s);
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading schedules"), query);
    return list;
}

Result<QList<Schedule>> SqlSchedules::schedules(const QString &tenant)
{
    return read(QStringLiteral("tenant_id = ?"), { tenant });
}

Result<Schedule> SqlSchedules::schedule(const QString &id)
{
    auto list = read(QStringLiteral("id = ?"), { id });
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error { Error::Code::NotFound, QStringLiteral("no schedule %1").arg(id) };
    return list->first();
}

Result<QList<Schedule>> SqlSchedules::due(EpochMs now)
{
    return read(QStringLiteral("enabled = ? AND next_run_at IS NOT NULL AND next_run_at <= ?"), { true, now });
}

Status SqlSchedules::save(const Schedule &s, const QString &actor)
{
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        const QJsonObject action = MaintenanceJson::toJson(s.action);
        const EpochMs now = QDateTime::currentMSecsSinceEpoch();
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("SELECT 1 FROM schedules WHERE id = ?"), { s.id }))
            return m_sql.errorFrom(QStringLiteral("saving schedule %1").arg(s.name), query);
        const bool existed = query.next();
        query.finish();
        const bool ok = existed
            ? execWith(query,
                QStringLiteral("UPDATE schedules SET name = ?, cron = ?, time_zone = ?, action = %1, enabled = ?, "
                               "updated_at = ?, next_run_at = ? WHERE id = ?")
                    .arg(m_sql.dialect().jsonParameter()),
                { s.name, s.cron, s.timeZone, compactJson(action), s.enabled, now, nullableInt(s.nextRunAt), s.id })
            : execWith(query,
                QStringLiteral("INSERT INTO schedules (%1) VALUES (?, ?, ?, ?, ?, %2, ?, ?, ?, NULL, ?)")
                    .arg(ScheduleColumns, m_sql.dialect().jsonParameter()),
                { s.id, s.tenant, s.name, s.cron, s.timeZone, compactJson(action), s.enabled, now, now,
                    nullableInt(s.nextRunAt) });
        if (!ok)
            return m_sql.errorFrom(QStringLiteral("saving schedule %1").arg(s.name), query);
        audit.tenant = s.tenant;
        audit.actor = actor;
        audit.action = existed ? QStringLiteral("schedule.update") : QStringLiteral("schedule.create");
        audit.target = s.id;
        audit.details = { { QStringLiteral("name"), s.name }, { QStringLiteral("cron"), s.cron },
            { QStringLiteral("time_zone"), s.timeZone }, { QStringLiteral("enabled"), s.enabled },
            { QStringLiteral("action"), action } };
        return {};
    });
}

Status SqlSchedules::remove(const QString &id, const QString &actor)
{
    auto existing = schedule(id);
    if (!existing)
        return existing.error();
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query, QStringLiteral("DELETE FROM schedule_runs WHERE schedule_id = ?"), { id })
            || !execWith(query, QStringLiteral("DELETE FROM schedules WHERE id = ?"), { id }))
            return m_sql.errorFrom(QStringLiteral("deleting schedule %1").arg(id), query);
        audit.tenant = existing->tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("schedule.delete");
        audit.target = id;
        audit.details = { { QStringLiteral("name"), existing->name }, { QStringLiteral("cron"), existing->cron } };
        return {};
    });
}

Result<std::optional<int>> SqlSchedules::claimRun(
    const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs)
{
    std::optional<int> claimed;
    Status status = m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        const QString what = QStringLiteral("taking the lease of schedule %1").arg(scheduleId);
        QSqlQuery query(db);
        // The primary key (schedule, occurrence, attempt) is the lease: of two runners inserting it, one succeeds.
        if (!execWith(query,
                QStringLiteral("INSERT INTO schedule_runs (schedule_id, scheduled_for, attempt, runner, started_at, "
                               "lease_until) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING"),
                { scheduleId, scheduledFor, runner, now, now + leaseMs }))
            return m_sql.errorFrom(what, query);
        if (query.numRowsAffected() == 1) {
            claimed = 1;
            return {};
        }
        if (!execWith(query,
                QStringLiteral("SELECT attempt, runner, lease_until FROM schedule_runs WHERE schedule_id = ? AND "
                               "scheduled_for = ? AND outcome = 'running' ORDER BY attempt DESC LIMIT 1"),
                { scheduleId, scheduledFor }))
            return m_sql.errorFrom(what, query);
        if (!query.next())
            return SqlValues::failedReading(query) ? Status(m_sql.errorFrom(what, query)) : Status(); // it ran
        const int attempt = query.value(0).toInt();
        const QString holder = query.value(1).toString();
        const EpochMs leaseUntil = query.value(2).toLongLong();
        query.finish();
        if (leaseUntil >= now)
            return {}; // a live runner has it
        const QString vanished = QStringLiteral("runner vanished: %1 stopped renewing its lease (due by %2)")
                                     .arg(holder, IsoTime::toUtcSeconds(leaseUntil));
        // Guarded on the lease read above: two runners finding it expired update it once.
        if (!execWith(query,
                QStringLiteral("UPDATE schedule_runs SET outcome = 'failed', finished_at = ?, error = ? WHERE "
                               "schedule_id = ? AND scheduled_for = ? AND attempt = ? AND outcome = 'running' AND "
                               "lease_until = ?"),
                { now, vanished, scheduleId, scheduledFor, attempt, leaseUntil }))
            return m_sql.errorFrom(what, query);
        if (query.numRowsAffected() != 1)
            return {};
        if (!execWith(query,
                QStringLiteral("INSERT INTO schedule_runs (schedule_id, scheduled_for, attempt, runner, started_at, "
                               "lease_until) VALUES (?, ?, ?, ?, ?, ?)"),
                { scheduleId, scheduledFor, attempt + 1, runner, now, now + leaseMs }))
            return m_sql.errorFrom(what, query);
        claimed = attempt + 1;
        if (!execWith(query, QStringLiteral("SELECT tenant_id FROM schedules WHERE id = ?"), { scheduleId }))
            return m_sql.errorFrom(what, query);
        audit.tenant = query.next() ? query.value(0).toString() : QString();
        audit.actor = runner;
        audit.action = QStringLiteral("schedule.lease_expired");
        audit.target = scheduleId;
        audit.outcome = QStringLiteral("failed");
        audit.details = { { QStringLiteral("scheduled_for"), scheduledFor }, { QStringLiteral("attempt"), attempt },
            { QStringLiteral("runner"), holder }, { QStringLiteral("lease_until"), leaseUntil },
            { QStringLiteral("next_attempt_by"), runner } };
        return {};
    });
    if (!status)
        return status.error();
    return claimed;
}

Result<bool> SqlSchedules::renewLease(const ScheduleRun &run, EpochMs until)
{
    auto changed = m_sql.change(QStringLiteral("renewing the lease of schedule %1").arg(run.scheduleId),
        QStringLiteral("UPDATE schedule_runs SET lease_until = ? WHERE schedule_id = ? AND scheduled_for = ? AND "
                       "attempt = ? AND runner = ? AND outcome = 'running'"),
        { until, run.scheduleId, run.scheduledFor, run.attempt, run.runner });
    if (!changed)
        return changed.error();
    return *changed == 1;
}

Status SqlSchedules::finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt)
{
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &) -> Status {
        QSqlQuery query(db);
        const QString what = QStringLiteral("recording the run of %1").arg(run.scheduleId);
        if (!execWith(query,
                QStringLiteral("UPDATE schedule_runs SET finished_at = ?, outcome = ?, snapshots_taken = ?, "
                               "snapshots_trashed = ?, error = ? WHERE schedule_id = ? AND scheduled_for = ? AND "
                               "attempt = ? AND runner = ? AND outcome = 'running'"),
                { run.finishedAt.value_or(QDateTime::currentMSecsSinceEpoch()), run.outcome, run.snapshotsTaken,
                    run.snapshotsTrashed, nullIfEmpty(run.error), run.scheduleId, run.scheduledFor, run.attempt,
                    run.runner }))
            return m_sql.errorFrom(what, query);
        if (query.numRowsAffected() != 1)
            return Error { Error::Code::Database,
                QStringLiteral("schedule %1 lost its lease while running (another runner took the occurrence over)")
                    .arg(run.scheduleId) };
        if (!execWith(query, QStringLiteral("UPDATE schedules SET last_executed_at = ?, next_run_at = ? WHERE id = ?"),
                { run.startedAt, nullableInt(nextRunAt), run.scheduleId }))
            return m_sql.errorFrom(what, query);
        return {};
    });
}

Result<QList<ScheduleRun>> SqlSchedules::runs(const QString &scheduleId, int limit)
{
    return m_sql.rows(QStringLiteral("reading the runs of %1").arg(scheduleId),
        QStringLiteral("SELECT schedule_id, scheduled_for, runner, started_at, finished_at, outcome, snapshots_taken, "
                       "snapshots_trashed, error, attempt FROM schedule_runs WHERE schedule_id = ? "
                       "ORDER BY scheduled_for DESC, attempt DESC LIMIT ?"),
        { scheduleId, limit }, [](const QSqlQuery &row) {
            return ScheduleRun { row.value(0).toString(), row.value(1).toLongLong(), row.value(9).toInt(),
                row.value(2).toString(), row.value(3).toLongLong(), optionalInt(row.value(4)), row.value(5).toString(),
                row.value(6).toLongLong(), row.value(7).toLongLong(), row.value(8).toString() };
        });
}
