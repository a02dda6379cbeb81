// snapscope-cli's maintenance commands: snapshot take, cleanup, trash, import, schedule, audit (DESIGN §7, §9).
#include "cli.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include "domain/maintenancejson.h"
#include "domain/snapshotid.h"
#include "ops/actoridentity.h"
#include "ops/cleanuprunner.h"
#include "ops/cronexpression.h"
#include "ops/retentionplanner.h"
#include "ops/schedulerunner.h"
#include "ops/snapshotarchive.h"
#include "ops/snapshottaker.h"
#include "ops/sync/sourcepresets.h"
#include "ops/sync/sourcesync.h"
#include "ops/trashbin.h"
#include "json/isotime.h"

namespace SnapScopeCli {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

QString isoInZone(EpochMs ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate);
}

} // namespace

QList<CliCommand> Cli::maintenanceCommands()
{
    return {
        { QStringLiteral("snapshot"),
            QStringLiteral("Take snapshots: snapshot take --kind K [--entity ID | --store CODE | --all-stores] "
                           "[--date DAY] | snapshot compact [--kind K] [--entity ID]."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"), QStringLiteral("store"),
                QStringLiteral("all-stores"), QStringLiteral("date"), QStringLiteral("type"), QStringLiteral("json") },
            true, &Cli::snapshot, Access::Action::TakeSnapshot },
        { QStringLiteral("cleanup"), QStringLiteral("Plan (--dry-run) or run (--yes) a retention cleanup of one kind."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("keep-last"),
                QStringLiteral("keep-within"), QStringLiteral("keep-daily"), QStringLiteral("keep-weekly"),
                QStringLiteral("keep-monthly"), QStringLiteral("keep-yearly"), QStringLiteral("older-than"),
                QStringLiteral("archive"), QStringLiteral("dry-run"), QStringLiteral("yes"), QStringLiteral("json"),
                QStringLiteral("save"), QStringLiteral("batch-size") },
            false, &Cli::cleanup, Access::Action::Cleanup },
        { QStringLiteral("trash"), QStringLiteral("The trash: trash list | trash restore ID... | trash purge."),
            { QStringLiteral("tenant"), QStringLiteral("older-than"), QStringLiteral("limit"), QStringLiteral("json"),
                QStringLiteral("batch-size") },
            true, &Cli::trash, Access::Action::Browse,
            { { QStringLiteral("restore"), Access::Action::Cleanup },
                { QStringLiteral("purge"), Access::Action::Cleanup } } },
        { QStringLiteral("import"), QStringLiteral("Restore an archive: import FILE.ndjson.zst."), {}, true,
            &Cli::importArchive, Access::Action::Ingest },
        { QStringLiteral("schedule"),
            QStringLiteral("Schedules: list | next \"CRON\" | run-due | create | enable ID | disable ID | delete ID "
                           "| history ID."),
            { QStringLiteral("tenant"), QStringLiteral("from"), QStringLiteral("count"), QStringLiteral("tz"),
                QStringLiteral("name"), QStringLiteral("cron"), QStringLiteral("kind"), QStringLiteral("targets"),
                QStringLiteral("cleanup"), QStringLiteral("compact"), QStringLiteral("sync"), QStringLiteral("json"),
                QStringLiteral("lease") },
            true, &Cli::schedule, Access::Action::Schedules },
        { QStringLiteral("audit"), QStringLiteral("The audit log, newest first."),
            { QStringLiteral("tenant"), QStringLiteral("action"), QStringLiteral("created-by"), QStringLiteral("from"),
                QStringLiteral("to"), QStringLiteral("limit"), QStringLiteral("json") },
            false, &Cli::audit },
    };
}

QString Cli::actor()
{
    return ActorIdentity::current();
}

int Cli::snapshot(const QStringList &positional)
{
    if (positional == QStringList { QStringLiteral("compact") })
        return compact();
    if (positional != QStringList { QStringLiteral("take") })
        return fail(QStringLiteral("snapshot: expected \"snapshot take --kind K ...\" or \"snapshot compact\""),
            CliExit::Usage);
    if (!m_parser.isSet(m_o.kind))
        return fail(QStringLiteral("snapshot take needs --kind"), CliExit::Usage);
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    TakeRequest request;
    request.tenant = tenant;
    request.kind = m_parser.value(m_o.kind);
    request.entityId = m_parser.value(m_o.entity);
    if (m_parser.isSet(m_o.store))
        request.storeCodes = m_parser.value(m_o.store).split(u',', Qt::SkipEmptyParts);
    request.allStores = m_parser.isSet(m_o.allStores);
    if (m_parser.isSet(m_o.date)) {
        const std::optional<QDate> day = IsoTime::parseDate(m_parser.value(m_o.date));
        if (!day)
            return fail(QStringLiteral("--date: \"%1\" is not a date (YYYY-MM-DD)").arg(m_parser.value(m_o.date)),
                CliExit::Usage);
        request.date = *day;
    }
    if (m_parser.isSet(m_o.type))
        request.type = m_parser.value(m_o.type);
    request.actor = actor();
    request.source = QStringLiteral("cli");
    auto outcome = SnapshotTaker(store).take(request);
    if (!outcome)
        return fail(outcome.error());
    for (const QString &skipped : std::as_const(outcome->skipped))
        out() << "skipped: " << skipped << Qt::endl;
    for (const SnapshotHeader &h : std::as_const(outcome->taken)) {
        if (m_parser.isSet(m_o.json)) {
            out() << jsonLine({ { QStringLiteral("id"), h.id }, { QStringLiteral("kind"), h.kind },
                { QStringLiteral("entity_id"), h.entityId }, { QStringLiteral("version"), h.version },
                { QStringLiteral("type"), h.type }, { QStringLiteral("checksum"), h.checksum } })
                  << Qt::endl;
        } else {
            out() << h.id << '\t' << h.kind << '\t' << h.entityId << "\tv" << h.version << '\t' << h.type << Qt::endl;
        }
    }
    if (!m_quiet)
        err() << "took " << outcome->taken.size() << " snapshot(s)" << Qt::endl;
    return CliExit::Ok;
}

Result<RetentionPolicy> Cli::policyFromOptions(SnapshotStore &store, const QString &tenant, const QString &kind)
{
    RetentionPolicy policy;
    policy.kind = kind;
    bool given = false;
    const std::pair<const QCommandLineOption *, int RetentionPolicy::*> rules[] = {
        { &m_o.keepLast, &RetentionPolicy::keepLast },
        { &m_o.keepWithin, &RetentionPolicy::keepWithinDays },
        { &m_o.keepDaily, &RetentionPolicy::keepDaily },
        { &m_o.keepWeekly, &RetentionPolicy::keepWeekly },
        { &m_o.keepMonthly, &RetentionPolicy::keepMonthly },
        { &m_o.keepYearly, &RetentionPolicy::keepYearly },
        { &m_o.olderThan, &RetentionPolicy::deleteOlderThanDays },
    };
    for (const auto &[option, member] : rules) {
        if (!m_parser.isSet(*option))
            continue;
        auto value = intOption(*option, 0, 1, 100000);
        if (!value)
            return value.error();
        policy.*member = *value;
        given = true;
    }
    if (given)
        return policy;
    auto stored = store.maintenance().retentionPolicy(tenant, kind);
    if (!stored)
        return stored.error();
    if (*stored)
        return **stored;
    if (auto fallback = RetentionPlanner::defaultPolicy(kind))
        return *fallback;
    return Error { Error::Code::Invalid,
        QStringLiteral("kind %1 has no retention policy: give rules (--keep-last, --keep-daily, --older-than, ...)")
            .arg(kind) };
}

int Cli::cleanup(const QStringList &)
{
    if (!m_parser.isSet(m_o.kind))
        return fail(QStringLiteral("cleanup needs --kind"), CliExit::Usage);
    const QString kind = m_parser.value(m_o.kind);
    if (!KindRegistry::find(kind))
        return fail(QStringLiteral("--kind: unknown kind \"%1\"").arg(kind), CliExit::Usage);
    const bool dryRun = m_parser.isSet(m_o.dryRun);
    if (dryRun && m_parser.isSet(m_o.yes))
        return fail(QStringLiteral("choose one of --dry-run and --yes"), CliExit::Usage);
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    auto policy = policyFromOptions(store, tenant, kind);
    if (!policy)
        return fail(policy.error());
    if (Status valid = RetentionPlanner::validate(*policy); !valid)
        return fail(valid.error());

    QElapsedTimer timer;
    timer.start();
    auto candidates = store.maintenance().retentionCandidates(tenant, kind);
    if (!candidates)
        return fail(candidates.error());
    const RetentionPlan plan = RetentionPlanner::plan(
        std::move(*candidates), *policy, QDateTime::currentMSecsSinceEpoch(), tenantZone(store, tenant));
    const double planSeconds = timer.elapsed() / 1000.0;

    if (m_parser.isSet(m_o.save)) {
        if (Status saved = store.maintenance().saveRetentionPolicy(tenant, *policy, actor()); !saved)
            return fail(saved.error());
    }
    if (dryRun) {
        if (m_parser.isSet(m_o.json)) {
            QJsonObject reasons;
            for (int r = 0; r < RetentionReasonCount; ++r) {
                if (plan.countByReason[size_t(r)] > 0)
                    reasons.insert(retentionReasonText(RetentionReason(r)), plan.countByReason[size_t(r)]);
            }
            QJsonArray decisions;
            const auto &rows = plan.candidates.rows;
            for (size_t i = 0; i < rows.size(); ++i) {
                decisions.append(QJsonObject { { QStringLiteral("id"), rows[i].id.toString(QUuid::WithoutBraces) },
                    { QStringLiteral("entity_id"), plan.candidates.entities.at(rows[i].entity) },
                    { QStringLiteral("taken_at"), IsoTime::toUtcString(rows[i].takenAt) },
                    { QStringLiteral("type"), plan.candidates.types.at(rows[i].type) },
                    { QStringLiteral("keep"), isKept(plan.reasons[i]) },
                    { QStringLiteral("reason"), retentionReasonText(plan.reasons[i]) } });
            }
            out() << jsonLine(
                { { QStringLiteral("kind"), kind }, { QStringLiteral("policy"), MaintenanceJson::toJson(*policy) },
                    { QStringLiteral("delete"),
                        QJsonObject { { QStringLiteral("count"), plan.deleteCount },
                            { QStringLiteral("bytes"), plan.deleteBytes } } },
                    { QStringLiteral("keep"),
                        QJsonObject { { QStringLiteral("count"), plan.keepCount },
                            { QStringLiteral("bytes"), plan.keepBytes } } },
                    { QStringLiteral("reasons"), reasons }, { QStringLiteral("plan_seconds"), planSeconds },
                    { QStringLiteral("snapshots"), decisions } })
                  << Qt::endl;
            return CliExit::Ok;
        }
        out() << "Plan for " << kind << " (" << plan.candidates.rows.size() << " live snapshots, planned in "
              << QString::number(planSeconds, 'f', 2) << " s)" << Qt::endl;
        out() << "  delete " << plan.deleteCount << " snapshots, " << megabytes(plan.deleteBytes) << Qt::endl;
        out() << "  keep   " << plan.keepCount << " snapshots, " << megabytes(plan.keepBytes) << Qt::endl;
        for (int r = 0; r < RetentionReasonCount; ++r) {
            if (plan.countByReason[size_t(r)] > 0) {
                out() << "    " << (isKept(RetentionReason(r)) ? "kept: " : "goes: ")
                      << retentionReasonText(RetentionReason(r)) << ": " << plan.countByReason[size_t(r)] << Qt::endl;
            }
        }
        return CliExit::Ok;
    }
    if (!m_parser.isSet(m_o.yes)) {
        return fail(
            QStringLiteral("cleanup would move %1 %2 snapshots to the trash; see the plan with --dry-run, run it "
                           "with --yes")
                .arg(plan.deleteCount)
                .arg(kind),
            CliExit::Usage);
    }
    CleanupOptions options;
    options.tenant = tenant;
    options.actor = actor();
    options.archivePath = m_parser.value(m_o.archive);
    auto batch = intOption(m_o.batchSize, options.batchSize, 1, 1000000);
    if (!batch)
        return fail(batch.error());
    options.batchSize = *batch;
    ProgressLine line;
    auto report = CleanupRunner(store).run(plan, options, [&](const QString &phase, qint64 done, qint64 total) {
        if (!m_quiet)
            line.report(QStringLiteral("%1: %2 of %3").arg(phase).arg(done).arg(total));
        return true;
    });
    if (!report)
        return fail(report.error());
    out() << "trashed " << report->trashed << " of " << report->planned << " planned " << kind << " snapshots ("
          << megabytes(plan.deleteBytes) << ") in " << QString::number(report->seconds, 'f', 2) << " s";
    if (report->archived > 0)
        out() << "; archived " << report->archived << " to " << options.archivePath;
    out() << Qt::endl;
    return CliExit::Ok;
}

int Cli::trash(const QStringList &positional)
{
    if (positional.isEmpty())
        return fail(QStringLiteral("trash: expected list, restore ID... or purge"), CliExit::Usage);
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    const QString verb = positional.first();
    if (verb == u"list") {
        auto limit = intOption(m_o.limit, 50, 1, 1000000);
        if (!limit)
            return fail(limit.error());
        SnapshotQuery query;
        query.tenant = tenant;
        query.trash = SnapshotQuery::Trash::Only;
        PageRequest page;
        page.limit = *limit;
        auto headers = store.listHeaders(query, page);
        if (!headers)
            return fail(headers.error());
        for (const SnapshotHeader &h : std::as_const(headers->headers)) {
            if (m_parser.isSet(m_o.json)) {
                out() << jsonLine({ { QStringLiteral("id"), h.id }, { QStringLiteral("kind"), h.kind },
                    { QStringLiteral("entity_id"), h.entityId }, { QStringLiteral("version"), h.version },
                    { QStringLiteral("taken_at"), IsoTime::toUtcString(h.takenAt) },
                    { QStringLiteral("deleted_at"), IsoTime::toUtcString(h.deletedAt.value_or(0)) } })
                      << Qt::endl;
            } else {
                out() << h.id << '\t' << h.kind << '\t' << h.entityId << "\tv" << h.version << '\t'
                      << IsoTime::toUtcSeconds(h.takenAt) << "\ttrashed "
                      << IsoTime::toUtcSeconds(h.deletedAt.value_or(0)) << Qt::endl;
            }
        }
        return CliExit::Ok;
    }
    if (verb == u"restore") {
        const QStringList ids = positional.mid(1);
        if (ids.isEmpty())
            return fail(QStringLiteral("trash restore needs snapshot ids"), CliExit::Usage);
        for (const QString &id : ids) {
            if (!SnapshotId::isWellFormed(id))
                return fail(QStringLiteral("\"%1\" is not a snapshot id (expected a UUID)").arg(id), CliExit::Usage);
        }
        auto restored = TrashBin(store, tenant, actor()).restore(ids);
        if (!restored)
            return fail(restored.error());
        out() << "restored " << *restored << " of " << ids.size() << " snapshot(s)" << Qt::endl;
        return CliExit::Ok;
    }
    if (verb == u"purge") {
        if (positional.size() > 1)
            return fail(QStringLiteral("trash purge takes no ids"), CliExit::Usage);
        auto days = intOption(m_o.olderThan, 7, 0, 36500);
        if (!days)
            return fail(days.error());
        QElapsedTimer timer;
        timer.start();
        auto batch = intOption(m_o.batchSize, 5000, 1, 1000000);
        if (!batch)
            return fail(batch.error());
        ProgressLine progress;
        TrashBin bin(store, tenant, actor());
        bin.setBatchSize(*batch);
        auto purged = bin.purge(*days, [&](qint64 done) {
            if (!m_quiet)
                progress.report(QStringLiteral("purge: %1 deleted").arg(done));
            return true;
        });
        if (!purged)
            return fail(purged.error());
        out() << "purged " << *purged << " snapshot(s) trashed more than " << *days << " day(s) ago in "
              << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s" << Qt::endl;
        return CliExit::Ok;
    }
    return fail(QStringLiteral("trash: unknown action \"%1\" (list, restore, purge)").arg(verb), CliExit::Usage);
}

int Cli::importArchive(const QStringList &positional)
{
    if (positional.size() != 1)
        return fail(QStringLiteral("import takes one archive file"), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto tenant = resolveTenant(**store, false);
    if (!tenant)
        return fail(tenant.error());
    auto report = TrashBin(**store, *tenant, actor()).importArchive(positional.first());
    if (!report)
        return fail(report.error());
    out() << "imported " << report->inserted << " snapshot(s); " << report->lines - report->inserted
          << " were already present" << Qt::endl;
    return CliExit::Ok;
}

int Cli::schedule(const QStringList &positional)
{
    if (positional.isEmpty())
        return fail(
            QStringLiteral("schedule: expected list, next, run-due, create, enable, disable, delete or history"),
            CliExit::Usage);
    const QString verb = positional.first();
    if (verb == u"next") {
        if (positional.size() != 2)
            return fail(QStringLiteral("schedule next takes one cron expression (quote it)"), CliExit::Usage);
        auto cron = CronExpression::parse(positional.at(1));
        if (!cron)
            return fail(cron.error());
        const QString zoneName = m_parser.isSet(m_o.tz) ? m_parser.value(m_o.tz) : QStringLiteral("UTC");
        const QTimeZone zone(zoneName.toUtf8());
        if (!zone.isValid())
            return fail(
                QStringLiteral("--tz: unknown time zone \"%1\" (use an IANA name such as Europe/Berlin)").arg(zoneName),
                CliExit::Usage);
        EpochMs from = QDateTime::currentMSecsSinceEpoch();
        if (m_parser.isSet(m_o.from)) {
            auto parsed = IsoTime::parseBound(m_parser.value(m_o.from), zone); // without an offset: in --tz
            if (!parsed)
                return fail(QStringLiteral("--from: ") + parsed.error().message, CliExit::Usage);
            from = *parsed;
        }
        auto count = intOption(m_o.count, 10, 1, 10000);
        if (!count)
            return fail(count.error());
        const QList<EpochMs> runs = cron->next(from, zone, *count);
        if (runs.isEmpty())
            return fail(QStringLiteral("cron expression \"%1\" never runs").arg(positional.at(1)));
        for (const EpochMs at : runs)
            out() << isoInZone(at, zone) << Qt::endl;
        return CliExit::Ok;
    }
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    MaintenanceStore &maintenance = (*store)->maintenance();
    if (verb == u"run-due") {
        ScheduleRunner runner(**store, actor());
        auto lease = intOption(m_o.lease, int(ScheduleRunner::DefaultLeaseMs / 1000), 1, 7 * 86400);
        if (!lease)
            return fail(lease.error());
        runner.setLease(EpochMs(*lease) * 1000);
        auto runs = runner.runDue(QDateTime::currentMSecsSinceEpoch());
        if (!runs)
            return fail(runs.error());
        bool failed = false;
        for (const ScheduleRun &run : std::as_const(*runs)) {
            out() << run.scheduleId << '\t' << run.outcome << "\ttaken " << run.snapshotsTaken << "\ttrashed "
                  << run.snapshotsTrashed;
            if (!run.error.isEmpty())
                out() << '\t' << run.error;
            out() << Qt::endl;
            failed = failed || run.outcome != u"succeeded";
        }
        if (!m_quiet)
            err() << "ran " << runs->size() << " due schedule(s)" << Qt::endl;
        return failed ? CliExit::Failure : CliExit::Ok;
    }
    auto tenant = resolveTenant(**store, true);
    if (!tenant)
        return fail(tenant.error());
    if (verb == u"list") {
        auto list = maintenance.schedules(*tenant);
        if (!list)
            return fail(list.error());
        for (const Schedule &s : std::as_const(*list)) {
            const QTimeZone zone(s.timeZone.toUtf8());
            if (m_parser.isSet(m_o.json)) {
                out() << jsonLine({ { QStringLiteral("id"), s.id }, { QStringLiteral("name"), s.name },
                    { QStringLiteral("cron"), s.cron }, { QStringLiteral("time_zone"), s.timeZone },
                    { QStringLiteral("enabled"), s.enabled },
                    { QStringLiteral("action"), MaintenanceJson::toJson(s.action) },
                    { QStringLiteral("next_run_at"), s.nextRunAt ? isoInZone(*s.nextRunAt, zone) : QString() },
                    { QStringLiteral("last_executed_at"),
                        s.lastExecutedAt ? isoInZone(*s.lastExecutedAt, zone) : QString() } })
                      << Qt::endl;
            } else {
                out() << s.id << '\t' << s.name << '\t' << s.cron << " (" << s.timeZone << ")\t"
                      << (s.enabled ? "enabled" : "disabled") << "\tnext "
                      << (s.nextRunAt ? isoInZone(*s.nextRunAt, zone) : QStringLiteral("-")) << Qt::endl;
            }
        }
        // Beside them, read-only, the schedules the tenant's live sources keep (the event store's
        // snapshot_schedules); a source that cannot be read says so on stderr and the list goes on.
        auto sources = (*store)->liveSources().liveSources();
        if (!sources)
            return fail(sources.error());
        for (const LiveSource &source : std::as_const(*sources)) {
            if (source.tenant != *tenant || SourcePresets::listedTables(source.preset).isEmpty())
                continue;
            auto rows = SourceSync(**store, actor())
                            .listedRows(source, SourcePresets::listedTables(source.preset).constFirst());
            if (!rows) {
                err() << rows.error().message << Qt::endl;
                continue;
            }
            for (const QJsonObject &row : std::as_const(*rows)) {
                if (m_parser.isSet(m_o.json)) {
                    QJsonObject line = row;
                    line.insert(QStringLiteral("kept_by_source"), source.name);
                    line.insert(QStringLiteral("read_only"), true);
                    out() << jsonLine(line) << Qt::endl;
                } else {
                    out() << row.value(u"id").toString() << '\t' << row.value(u"aggregate_id").toString() << '\t'
                          << row.value(u"schedule").toString() << '\t'
                          << (row.value(u"enabled").toBool() ? "enabled" : "disabled") << "\tnext "
                          << row.value(u"next_run").toString() << "\tread-only, kept by source " << source.name
                          << Qt::endl;
                }
            }
        }
        return CliExit::Ok;
    }
    if (verb == u"create") {
        Schedule s;
        s.id = SnapshotId::generate(QDateTime::currentMSecsSinceEpoch());
        s.tenant = *tenant;
        s.name = m_parser.value(m_o.name);
        s.cron = m_parser.value(m_o.cron);
        s.timeZone
            = m_parser.isSet(m_o.tz) ? m_parser.value(m_o.tz) : QString::fromUtf8(tenantZone(**store, *tenant).id());
        s.action.kind = m_parser.value(m_o.kind);
        if (int(m_parser.isSet(m_o.cleanup)) + int(m_parser.isSet(m_o.compact)) + int(m_parser.isSet(m_o.sync)) > 1)
            return fail(QStringLiteral("choose one of --cleanup, --compact and --sync"), CliExit::Usage);
        if (m_parser.isSet(m_o.sync)) {
            s.action.type = ScheduleAction::Type::Sync;
            s.action.source = m_parser.value(m_o.sync);
            if (auto source = (*store)->liveSources().liveSource(s.action.source); !source)
                return fail(source.error());
        } else if (m_parser.isSet(m_o.cleanup)) {
            s.action.type = ScheduleAction::Type::Cleanup;
        } else if (m_parser.isSet(m_o.compact)) {
            s.action.type = ScheduleAction::Type::Compact;
        } else {
            s.action.type = ScheduleAction::Type::Snapshot;
            s.action.targets = m_parser.value(m_o.targets).split(u',', Qt::SkipEmptyParts);
        }
        if (Status valid = ScheduleRunner::validate(s); !valid)
            return fail(valid.error());
        auto next = ScheduleRunner::nextRun(s, QDateTime::currentMSecsSinceEpoch());
        if (!next)
            return fail(next.error());
        s.nextRunAt = *next;
        if (Status saved = maintenance.saveSchedule(s, actor()); !saved)
            return fail(saved.error());
        out() << s.id << Qt::endl;
        return CliExit::Ok;
    }
    if (positional.size() != 2)
        return fail(QStringLiteral("schedule %1 takes one schedule id").arg(verb), CliExit::Usage);
    auto existing = maintenance.schedule(positional.at(1));
    if (!existing)
        return fail(existing.error());
    if (verb == u"enable" || verb == u"disable") {
        Schedule s = *existing;
        s.enabled = verb == u"enable";
        if (s.enabled) {
            auto next = ScheduleRunner::nextRun(s, QDateTime::currentMSecsSinceEpoch());
            if (!next)
                return fail(next.error());
            s.nextRunAt = *next;
        }
        if (Status saved = maintenance.saveSchedule(s, actor()); !saved)
            return fail(saved.error());
        return CliExit::Ok;
    }
    if (verb == u"delete") {
        if (Status deleted = maintenance.deleteSchedule(existing->id, actor()); !deleted)
            return fail(deleted.error());
        return CliExit::Ok;
    }
    if (verb == u"history") {
        auto runs = maintenance.scheduleRuns(existing->id, 100);
        if (!runs)
            return fail(runs.error());
        for (const ScheduleRun &run : std::as_const(*runs)) {
            out() << IsoTime::toUtcSeconds(run.scheduledFor);
            if (run.attempt > 1)
                out() << " (attempt " << run.attempt << ')';
            out() << '\t' << run.outcome << '\t' << run.runner << "\ttaken " << run.snapshotsTaken << "\ttrashed "
                  << run.snapshotsTrashed;
            if (!run.error.isEmpty())
                out() << '\t' << run.error;
            out() << Qt::endl;
        }
        return CliExit::Ok;
    }
    return fail(QStringLiteral("schedule: unknown action \"%1\"").arg(verb), CliExit::Usage);
}

int Cli::audit(const QStringList &)
{
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    AuditQuery query;
    if (m_parser.isSet(m_o.tenant)) {
        auto tenant = resolveTenant(**store, true);
        if (!tenant)
            return fail(tenant.error());
        query.tenant = *tenant;
    }
    query.action = m_parser.value(m_o.action);
    query.actor = m_parser.value(m_o.createdBy);
    for (const auto &[option, bound] :
        { std::pair { &m_o.from, &query.at.from }, std::pair { &m_o.to, &query.at.to } }) {
        if (!m_parser.isSet(*option))
            continue;
        // A time without an offset is the tenant's (as everywhere else); across tenants there is no one zone: UTC.
        const QTimeZone zone = query.tenant.isEmpty() ? QTimeZone::utc() : tenantZone(**store, query.tenant);
        auto at = IsoTime::parseBound(m_parser.value(*option), zone);
        if (!at)
            return fail(QStringLiteral("--%1: %2").arg(option->names().first(), at.error().message), CliExit::Usage);
        *bound = *at;
    }
    auto limit = intOption(m_o.limit, 50, 1, 1000000);
    if (!limit)
        return fail(limit.error());
    query.limit = *limit;
    auto entries = (*store)->maintenance().auditLog(query);
    if (!entries)
        return fail(entries.error());
    for (const AuditEntry &e : std::as_const(*entries)) {
        if (m_parser.isSet(m_o.json)) {
            QJsonObject o = MaintenanceJson::toJson(e);
            o.insert(QStringLiteral("at"), IsoTime::toUtcString(e.at));
            out() << jsonLine(o) << Qt::endl;
        } else {
            out() << IsoTime::toUtcSeconds(e.at) << '\t' << e.actor << '@' << e.host << '\t' << e.action << '\t'
                  << e.target << '\t' << e.outcome << '\t' << jsonLine(e.details) << Qt::endl;
        }
    }
    return CliExit::Ok;
}

} // namespace SnapScopeCli
