// snapscope-cli source: live sources, a running system's PostgreSQL snapshot tables kept in step (issue 25).
#include "cli.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLocale>

#include "ops/sync/sourcepresets.h"
#include "ops/sync/sourcesync.h"
#include "json/strictjson.h"

namespace SnapScopeCli {

namespace {

QString timeIn(const std::optional<EpochMs> &ms, const QTimeZone &zone)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, zone).toString(Qt::ISODate) : QString();
}

QJsonValue seconds(const std::optional<EpochMs> &ms)
{
    return ms ? QJsonValue(double(*ms) / 1000.0) : QJsonValue();
}

QString duration(const std::optional<EpochMs> &ms)
{
    if (!ms)
        return QStringLiteral("-");
    const qint64 s = *ms / 1000;
    if (s < 120)
        return QStringLiteral("%1 s").arg(s);
    if (s < 7200)
        return QStringLiteral("%1 min").arg(s / 60);
    return QStringLiteral("%1 h").arg(s / 3600);
}

} // namespace

QList<CliCommand> Cli::sourceCommands()
{
    return {
        { QStringLiteral("source"),
            QStringLiteral("Live sources: add NAME --preset P --conninfo \"…\" | list | test NAME | sync NAME | "
                           "schedules NAME | remove NAME."),
            { QStringLiteral("tenant"), QStringLiteral("zone"), QStringLiteral("preset"), QStringLiteral("conninfo"),
                QStringLiteral("mapping"), QStringLiteral("overlap"), QStringLiteral("json"), QStringLiteral("quiet") },
            true, &Cli::source, Access::Action::Sources },
    };
}

int Cli::source(const QStringList &positional)
{
    const QString verb = positional.value(0);
    static const QStringList Verbs { QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("test"),
        QStringLiteral("sync"), QStringLiteral("schedules"), QStringLiteral("remove") };
    if (!Verbs.contains(verb))
        return fail(QStringLiteral("source: expected one of %1").arg(Verbs.join(QStringLiteral(", "))), CliExit::Usage);
    if (positional.size() != (verb == u"list" ? 1 : 2))
        return fail(verb == u"list" ? QStringLiteral("source list takes no arguments")
                                    : QStringLiteral("source %1 takes the source's name").arg(verb),
            CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    LiveSourceStore &sources = (*store)->liveSources();
    const bool json = m_parser.isSet(m_o.json);
    const QLocale c = QLocale::c();

    if (verb == u"add") {
        if (!m_parser.isSet(m_o.preset) || !m_parser.isSet(m_o.conninfo))
            return fail(QStringLiteral("source add needs --preset and --conninfo"), CliExit::Usage);
        if ((m_parser.value(m_o.preset) == u"mapping") != m_parser.isSet(m_o.mapping))
            return fail(QStringLiteral("--mapping FILE goes with --preset mapping, and only with it"), CliExit::Usage);
        QString tenant = m_parser.value(m_o.tenant);
        if (tenant.isEmpty()) {
            auto only = resolveTenant(**store, true);
            if (!only)
                return fail(only.error());
            tenant = *only;
        }
        const QString zone
            = m_parser.isSet(m_o.zone) ? m_parser.value(m_o.zone) : QString::fromUtf8(tenantZone(**store, tenant).id());
        auto overlap = intOption(m_o.overlap, 600, 0, 7 * 24 * 3600);
        if (!overlap)
            return fail(overlap.error().message, CliExit::Usage);
        QJsonObject mapping;
        if (m_parser.isSet(m_o.mapping)) {
            QFile file(m_parser.value(m_o.mapping));
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            auto parsed
                = StrictJson::parse(file.readAll(), QStringLiteral("%1 is not valid JSON").arg(file.fileName()));
            if (!parsed)
                return fail(parsed.error());
            mapping = parsed->toObject();
        }
        auto defined = SourceSync::define(positional.at(1), m_parser.value(m_o.preset), m_parser.value(m_o.conninfo),
            tenant, zone, *overlap, mapping);
        if (!defined)
            return fail(defined.error());
        // Checked against the source before it is kept: a table missing or with other columns is found now.
        auto checks = SourceSync(**store, actor()).test(*defined);
        if (!checks)
            return fail(checks.error());
        for (const SourceTableCheck &check : std::as_const(*checks)) {
            if (!check.problem.isEmpty())
                return fail(check.problem);
        }
        if (Status added = sources.addLiveSource(*defined, actor()); !added)
            return fail(added.error());
        for (const SourceTableCheck &check : std::as_const(*checks)) {
            if (!check.timeIndexed && !m_quiet)
                err() << QStringLiteral("note: no index of %1 starts with %2, so each sync reads the whole table "
                                        "(CREATE INDEX ON %1 (%2) makes it quick)")
                             .arg(check.table, check.timeColumn)
                      << Qt::endl;
        }
        out() << QStringLiteral("added source %1 (%2 table(s))").arg(defined->name).arg(defined->tables.size())
              << Qt::endl;
        return CliExit::Ok;
    }

    if (verb == u"list") {
        auto list = sources.liveSources();
        if (!list)
            return fail(list.error());
        for (const LiveSource &s : std::as_const(*list)) {
            const QTimeZone zone(s.timeZone.toUtf8());
            if (json) {
                QJsonArray tables;
                for (const LiveSourceTable &t : s.tables)
                    tables.append(QJsonObject { { QStringLiteral("table"), t.table },
                        { QStringLiteral("kind"), t.kind }, { QStringLiteral("rows_synced"), t.rowsSynced },
                        { QStringLiteral("gone_at_source"), t.goneAtSource },
                        { QStringLiteral("last_sync_at"), timeIn(t.lastSyncAt, zone) },
                        { QStringLiteral("last_outcome"), t.lastOutcome },
                        { QStringLiteral("last_error"), t.lastError },
                        { QStringLiteral("newest_source_at"), timeIn(t.newestSourceAt, zone) },
                        { QStringLiteral("newest_synced_at"), timeIn(t.newestSyncedAt, zone) },
                        { QStringLiteral("lag_s"), seconds(t.lag()) },
                        { QStringLiteral("watermark"), QJsonArray { t.watermarkTime, t.watermarkId } } });
                out() << jsonLine({ { QStringLiteral("name"), s.name }, { QStringLiteral("preset"), s.preset },
                    { QStringLiteral("conninfo"), s.conninfo }, { QStringLiteral("tenant"), s.tenant },
                    { QStringLiteral("time_zone"), s.timeZone }, { QStringLiteral("overlap_s"), s.overlapSeconds },
                    { QStringLiteral("tables"), tables } })
                      << Qt::endl;
                continue;
            }
            out() << s.name << '\t' << s.preset << '\t' << s.conninfo << "\ttenant " << s.tenant << Qt::endl;
            for (const LiveSourceTable &t : s.tables) {
                out() << "  " << t.table << '\t' << t.kind << '\t' << c.toString(t.rowsSynced) << " synced\t"
                      << c.toString(t.goneAtSource) << " gone at source\tlag " << duration(t.lag()) << "\tlast "
                      << (t.lastSyncAt ? timeIn(t.lastSyncAt, zone) + u' ' + t.lastOutcome : QStringLiteral("never"));
                if (!t.lastError.isEmpty())
                    out() << "\t" << t.lastError;
                out() << Qt::endl;
            }
        }
        return CliExit::Ok;
    }

    auto live = sources.liveSource(positional.at(1));
    if (!live)
        return fail(live.error());
    if (verb == u"remove") {
        if (Status removed = sources.removeLiveSource(live->name, actor()); !removed)
            return fail(removed.error());
        if (!m_quiet)
            err() << QStringLiteral("removed source %1; the snapshots it synced stay").arg(live->name) << Qt::endl;
        return CliExit::Ok;
    }
    SourceSync sync(**store, actor());
    if (verb == u"test") {
        auto checks = sync.test(*live);
        if (!checks)
            return fail(checks.error());
        const QTimeZone zone(live->timeZone.toUtf8());
        bool ok = true;
        for (const SourceTableCheck &check : std::as_const(*checks)) {
            ok = ok && check.problem.isEmpty();
            if (json) {
                out() << jsonLine({ { QStringLiteral("table"), check.table },
                    { QStringLiteral("problem"), check.problem }, { QStringLiteral("rows"), check.rows },
                    { QStringLiteral("newest_at"), timeIn(check.newestAt, zone) },
                    { QStringLiteral("time_indexed"), check.timeIndexed } })
                      << Qt::endl;
            } else if (!check.problem.isEmpty()) {
                out() << check.table << "\tPROBLEM\t" << check.problem << Qt::endl;
            } else {
                out() << check.table << "\tok\t" << c.toString(check.rows) << " row(s)\tnewest "
                      << (check.newestAt ? timeIn(check.newestAt, zone) : QStringLiteral("-"))
                      << (check.timeIndexed ? QString() : QStringLiteral("\t(no index on %1)").arg(check.timeColumn))
                      << Qt::endl;
            }
        }
        if (!ok) {
            for (const SourceTableCheck &check : std::as_const(*checks)) {
                if (!check.problem.isEmpty())
                    return fail(check.problem);
            }
        }
        return CliExit::Ok;
    }
    if (verb == u"schedules") {
        const QStringList listed = SourcePresets::listedTables(live->preset);
        if (listed.isEmpty())
            return fail(QStringLiteral("source %1 (%2) keeps no schedules of its own").arg(live->name, live->preset));
        auto rows = sync.listedRows(*live, listed.constFirst());
        if (!rows)
            return fail(rows.error());
        for (const QJsonObject &row : std::as_const(*rows)) {
            if (json)
                out() << jsonLine(row) << Qt::endl;
            else
                out() << row.value(u"aggregate_id").toString() << '\t' << row.value(u"schedule").toString() << '\t'
                      << (row.value(u"enabled").toBool() ? "enabled" : "disabled") << "\tnext "
                      << row.value(u"next_run").toString() << "\t(read-only, kept by " << live->name << ')' << Qt::endl;
        }
        return CliExit::Ok;
    }
    // sync
    ProgressLine line;
    auto report = sync.sync(*live, [&](const SourceSyncProgress &p) {
        if (!m_quiet)
            line.report(QStringLiteral("sync %1: %2 (%3/%4): %5 row(s)")
                            .arg(live->name, p.table)
                            .arg(p.tableIndex + 1)
                            .arg(p.tableCount)
                            .arg(c.toString(p.rows)));
        return true;
    });
    if (!report)
        return fail(report.error());
    if (json) {
        out() << jsonLine(report->toJson()) << Qt::endl;
    } else {
        for (const SourceTableSync &t : std::as_const(report->tables)) {
            out() << t.table << '\t';
            if (t.error.isEmpty())
                out() << c.toString(t.stored) << " new\t" << c.toString(t.duplicates) << " already stored\t"
                      << c.toString(t.goneAtSource) << " gone at source";
            else
                out() << "FAILED\t" << t.error;
            out() << Qt::endl;
        }
    }
    if (!report->succeeded()) {
        for (const SourceTableSync &t : std::as_const(report->tables)) {
            if (!t.error.isEmpty())
                return fail(t.error);
        }
    }
    return CliExit::Ok;
}

} // namespace SnapScopeCli
