#include "schedulerunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QThread>
#include <QTimeZone>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "domain/kindregistry.h"
#include "domain/maintenancejson.h"
#include "ops/cleanuprunner.h"
#include "ops/cronexpression.h"
#include "ops/retentionplanner.h"
#include "ops/snapshotcompactor.h"
#include "ops/snapshottaker.h"
#include "ops/statereconstructor.h"
#include "ops/sync/sourcesync.h"
#include "store/snapshotstore.h"

ScheduleRunner::ScheduleRunner(SnapshotStore &store, QString actor, QString runnerId)
    : m_store(store)
    , m_actor(std::move(actor))
    , m_runnerId(std::move(runnerId))
{ }

QString ScheduleRunner::defaultRunnerId()
{
    return QSysInfo::machineHostName() + u':' + QString::number(QCoreApplication::applicationPid());
}

Status ScheduleRunner::validate(const Schedule &schedule)
{
    if (schedule.name.trimmed().isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("a schedule needs a name") };
    if (schedule.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("a schedule needs a tenant") };
    auto cron = CronExpression::parse(schedule.cron);
    if (!cron)
        return cron.error();
    if (!QTimeZone(schedule.timeZone.toUtf8()).isValid())
        return Error { Error::Code::Invalid,
            QStringLiteral("unknown time zone \"%1\" (use an IANA name such as Asia/Bangkok)").arg(schedule.timeZone) };
    const ScheduleAction &action = schedule.action;
    if (action.type == ScheduleAction::Type::Sync) {
        if (action.source.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("a sync schedule needs a live source") };
    } else if (!KindRegistry::find(action.kind))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(action.kind) };
    if (action.type == ScheduleAction::Type::Snapshot) {
        if (!SnapshotTaker::supportedKinds().contains(action.kind))
            return Error { Error::Code::Invalid,
                QStringLiteral("SnapScope cannot take %1 snapshots").arg(action.kind) };
        if (action.targets.isEmpty())
            return Error { Error::Code::Invalid,
                QStringLiteral("a snapshot schedule needs targets ([\"all\"] or ids)") };
        if (action.targets.contains(QStringLiteral("all")) && action.kind != u"stock"
            && action.kind != u"daily_inventory")
            return Error { Error::Code::Invalid,
                QStringLiteral("\"all\" targets every store: it is for stock and daily_inventory") };
    } else if (action.type == ScheduleAction::Type::Compact) {
        if (!StateReconstructor::isEventSourced(action.kind))
            return Error {
                Error::Code::Invalid,
                QStringLiteral("compaction is for the event-sourced kinds (order, aggregate), not %1").arg(action.kind)
            };
    } else if (action.policy) {
        if (Status status = RetentionPlanner::validate(*action.policy); !status)
            return status;
    }
    if (!cron->next(QDateTime::currentMSecsSinceEpoch(), QTimeZone(schedule.timeZone.toUtf8())))
        return Error { Error::Code::Invalid, QStringLiteral("cron expression \"%1\" never runs").arg(schedule.cron) };
    return {};
}

Result<std::optional<EpochMs>> ScheduleRunner::nextRun(const Schedule &schedule, EpochMs after)
{
    auto cron = CronExpression::parse(schedule.cron);
    if (!cron)
        return cron.error();
    return cron->next(after, QTimeZone(schedule.timeZone.toUtf8()));
}

Result<QList<ScheduleRun>> ScheduleRunner::runDue(EpochMs now)
{
    auto due = m_store.maintenance().dueSchedules(now);
    if (!due)
        return due.error();
    QList<ScheduleRun> runs;
    for (const Schedule &schedule : std::as_const(*due)) {
        // The lease runs from the moment of the claim: a long run of the schedule before must not shorten it.
        auto claimed = m_store.maintenance().claimRun(
            schedule.id, *schedule.nextRunAt, m_runnerId, QDateTime::currentMSecsSinceEpoch(), m_leaseMs);
        if (!claimed)
            return claimed.error();
        if (!*claimed)
            continue; // another runner has this occurrence
        runs.append(execute(schedule, *schedule.nextRunAt, **claimed, now));
    }
    return runs;
}

Result<ScheduleRun> ScheduleRunner::runNow(const Schedule &schedule, EpochMs now)
{
    auto claimed = m_store.maintenance().claimRun(schedule.id, now, m_runnerId, now, m_leaseMs);
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return Error { Error::Code::Invalid, QStringLiteral("schedule %1 is already running").arg(schedule.name) };
    return execute(schedule, now, **claimed, now);
}

namespace {

// Renews a run's lease from a thread of its own while the run works, synchronously, on the caller's.
class LeaseKeeper
{
public:
    LeaseKeeper(SnapshotStore &store, const ScheduleRun &run, EpochMs leaseMs)
    {
        m_thread.reset(QThread::create([this, &store, run, leaseMs] {
            std::unique_lock lock(m_mutex);
            while (!m_stopping.wait_for(
                lock, std::chrono::milliseconds(std::max<EpochMs>(leaseMs / 4, 10)), [this] { return m_stop; })) {
                lock.unlock();
                // A failed renewal is tried again next beat; the lease covers three of them. A renewal the store
                // refuses means another runner took the run over (this one was stalled past its lease): the work
                // stops at its next step instead of running twice.
                const auto renewed = store.maintenance().renewLease(run, QDateTime::currentMSecsSinceEpoch() + leaseMs);
                lock.lock();
                if (renewed && !*renewed) {
                    m_lost = true;
                    break;
                }
            }
            lock.unlock();
            store.releaseThreadConnection();
        }));
        m_thread->start();
    }
    ~LeaseKeeper()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_stopping.notify_all();
        m_thread->wait();
    }
    LeaseKeeper(const LeaseKeeper &) = delete;
    LeaseKeeper &operator=(const LeaseKeeper &) = delete;

    // Whether another runner has taken the run over.
    bool lost() const { return m_lost; }

private:
    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_stopping;
    bool m_stop = false;
    std::atomic<bool> m_lost = false;
};

} // namespace

namespace {
const QString LeaseLost = QStringLiteral("stopped: another runner took the run over after this one's lease expired");
}

ScheduleRun ScheduleRunner::execute(const Schedule &schedule, EpochMs scheduledFor, int attempt, EpochMs now)
{
    ScheduleRun run;
    run.scheduleId = schedule.id;
    run.scheduledFor = scheduledFor;
    run.attempt = attempt;
    run.runner = m_runnerId;
    run.startedAt = now;
    std::optional<LeaseKeeper> lease(std::in_place, m_store, run, m_leaseMs);
    const ScheduleAction &action = schedule.action;
    QString error;
    if (Status valid = validate(schedule); !valid) {
        error = valid.error().message;
    } else if (action.type == ScheduleAction::Type::Snapshot) {
        TakeRequest request;
        request.tenant = schedule.tenant;
        request.kind = action.kind;
        request.type = QStringLiteral("scheduled");
        request.actor = m_actor;
        request.source = QStringLiteral("schedule");
        QStringList entities;
        if (action.kind == u"stock" || action.kind == u"daily_inventory") {
            request.allStores = action.targets.contains(QStringLiteral("all"));
            if (!request.allStores)
                request.storeCodes = action.targets;
            // A daily inventory schedule closes the business day before the one it runs on.
            request.date = QDateTime::fromMSecsSinceEpoch(scheduledFor, QTimeZone(schedule.timeZone.toUtf8()))
                               .date()
                               .addDays(-1);
            if (action.kind == u"daily_inventory") {
                request.type = QStringLiteral("daily");
                if (!request.allStores && request.storeCodes.size() > 1) {
                    error = QStringLiteral("a daily inventory schedule takes one store or all");
                }
            }
            entities.append(QString());
        } else {
            entities = action.targets;
        }
        for (const QString &entity : std::as_const(entities)) {
            if (!error.isEmpty())
                break;
            request.entityId = entity;
            if (lease->lost()) {
                error = LeaseLost;
                break;
            }
            auto taken = SnapshotTaker(m_store).take(request);
            if (!taken)
                error = taken.error().message;
            else
                run.snapshotsTaken += taken->taken.size();
        }
    } else if (action.type == ScheduleAction::Type::Sync) {
        auto source = m_store.liveSources().liveSource(action.source);
        if (!source) {
            error = source.error().message;
        } else {
            auto report = SourceSync(m_store, m_actor).sync(*source, [&](const SourceSyncProgress &) {
                return !lease->lost();
            });
            if (lease->lost())
                error = LeaseLost;
            else if (!report)
                error = report.error().message;
            else {
                run.snapshotsTaken = report->stored();
                for (const SourceTableSync &t : std::as_const(report->tables)) {
                    if (!t.error.isEmpty() && error.isEmpty())
                        error = t.error;
                }
            }
        }
    } else if (action.type == ScheduleAction::Type::Compact) {
        auto report = SnapshotCompactor(m_store).run(schedule.tenant, action.kind, {}, m_actor,
            QStringLiteral("schedule"), [&](qint64, qint64) { return !lease->lost(); });
        if (lease->lost())
            error = LeaseLost;
        else if (!report)
            error = report.error().message;
        else
            run.snapshotsTaken = report->snapshotsWritten;
    } else {
        std::optional<RetentionPolicy> policy = action.policy;
        if (!policy) {
            auto stored = m_store.maintenance().retentionPolicy(schedule.tenant, action.kind);
            if (!stored)
                error = stored.error().message;
            else
                policy = *stored ? *stored : RetentionPlanner::defaultPolicy(action.kind);
        }
        if (error.isEmpty() && !policy)
            error = QStringLiteral("kind %1 has no retention policy").arg(action.kind);
        if (error.isEmpty()) {
            auto candidates = m_store.maintenance().retentionCandidates(schedule.tenant, action.kind);
            QTimeZone zone = QTimeZone::utc();
            if (auto tenants = m_store.tenants()) {
                for (const Tenant &t : *tenants) {
                    if (t.id == schedule.tenant)
                        zone = QTimeZone(t.businessTimeZone.toUtf8());
                }
            }
            if (!candidates) {
                error = candidates.error().message;
            } else {
                const RetentionPlan plan = RetentionPlanner::plan(std::move(*candidates), *policy, now, zone);
                CleanupOptions options;
                options.tenant = schedule.tenant;
                options.actor = m_actor;
                auto report = CleanupRunner(m_store).run(
                    plan, options, [&](const QString &, qint64, qint64) { return !lease->lost(); });
                if (lease->lost())
                    error = LeaseLost;
                else if (!report)
                    error = report.error().message;
                else
                    run.snapshotsTrashed = report->trashed;
            }
        }
    }
    lease.reset();
    run.outcome = error.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed");
    run.error = error;
    run.finishedAt = QDateTime::currentMSecsSinceEpoch();
    std::optional<EpochMs> next;
    if (auto computed = nextRun(schedule, std::max(now, scheduledFor)))
        next = *computed;
    if (Status finished = m_store.maintenance().finishRun(run, next); !finished && run.error.isEmpty()) {
        run.outcome = QStringLiteral("failed");
        run.error = finished.error().message;
    }
    AuditEntry entry;
    entry.tenant = schedule.tenant;
    entry.actor = m_actor;
    entry.action = QStringLiteral("schedule.run");
    entry.target = schedule.id;
    entry.outcome = run.error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed"); // a lost lease included
    entry.details = { { QStringLiteral("name"), schedule.name }, { QStringLiteral("runner"), m_runnerId },
        { QStringLiteral("scheduled_for"), scheduledFor }, { QStringLiteral("attempt"), attempt },
        { QStringLiteral("taken"), run.snapshotsTaken }, { QStringLiteral("trashed"), run.snapshotsTrashed },
        { QStringLiteral("error"), run.error } };
    (void)m_store.maintenance().audit(entry);
    return run;
}
