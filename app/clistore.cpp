// snapscope-cli's commands on the store itself: init, demo, stats, dict.
#include "cli.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "domain/kindregistry.h"
#include "ops/demogenerator.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace SnapScopeCli {

QList<CliCommand> Cli::storeCommands()
{
    return {
        { QStringLiteral("init"), QStringLiteral("Create (or upgrade) a database."), {}, false, &Cli::init },
        { QStringLiteral("demo"), QStringLiteral("Fill a new database with realistic demo data."),
            { QStringLiteral("scale"), QStringLiteral("seed"), QStringLiteral("until") }, false, &Cli::demo,
            Access::Action::Ingest },
        { QStringLiteral("stats"), QStringLiteral("Per kind: count, raw bytes, stored bytes, ratio."),
            { QStringLiteral("tenant"), QStringLiteral("json") }, false, &Cli::stats },
        { QStringLiteral("dict"), QStringLiteral("zstd dictionaries: dict train --kind K | dict list."),
            { QStringLiteral("kind"), QStringLiteral("samples"), QStringLiteral("size"), QStringLiteral("json") }, true,
            &Cli::dict, Access::Action::Browse, { { QStringLiteral("train"), Access::Action::Kinds } } },
        { QStringLiteral("kind"),
            QStringLiteral("Kind definitions: kind list | kind show K | kind import FILE | kind remove K."),
            { QStringLiteral("json") }, true, &Cli::kind, Access::Action::Browse,
            { { QStringLiteral("import"), Access::Action::Kinds },
                { QStringLiteral("remove"), Access::Action::Kinds } } },
    };
}

int Cli::init(const QStringList &)
{
    auto store = openStore(true);
    if (!store)
        return fail(store.error());
    out() << "ready: " << (*store)->connection().displayName() << " (schema version " << (*store)->schemaVersion()
          << ")" << Qt::endl;
    AccessStore &access = (*store)->access();
    if (!access.session().enforced)
        return CliExit::Ok;
    // Rows written before schema 15 get their personal fields kept apart (issue 26), resumably, before anyone else
    // reads them.
    if ((*store)->keepsPersonalApart()) {
        auto pending = (*store)->withholdPending(0, {});
        if (!pending)
            return fail(pending.error());
        if (pending->remaining > 0) {
            if (access.session().owner) {
                if (const int converted = convertPersonal(**store, 500); converted != CliExit::Ok)
                    return converted;
            } else if (!m_quiet) {
                err() << "note: " << pending->remaining
                      << " snapshots and events still hold their personal fields; the store's owner runs "
                         "snapscope-cli personal convert"
                      << Qt::endl;
            }
        } else if (access.session().owner) {
            // Nothing to convert: the policies that guarded a conversion go, if a run stopped before it dropped them.
            auto finished = (*store)->withholdPending(500, {});
            if (!finished)
                return fail(finished.error());
        }
    }
    // A shared store's roles: made (or their grants renewed after an upgrade) when this login may create roles;
    // otherwise a DBA runs the script once.
    auto may = access.mayCreateRoles();
    if (!may)
        return fail(may.error());
    if (*may) {
        if (Status set = access.setUpRoles(); !set)
            return fail(set.error());
        out() << "roles: snapscope_admin, snapscope_analyst and snapscope_support are set up; give logins one with "
                 "snapscope-cli access grant"
              << Qt::endl;
        return CliExit::Ok;
    }
    auto exist = access.rolesExist();
    if (!exist)
        return fail(exist.error());
    if (!*exist && !m_quiet)
        err() << "note: the login " << access.session().login
              << " may not create roles: a DBA makes SnapScope's roles once with snapscope-cli roles --sql | psql"
              << Qt::endl;
    return CliExit::Ok;
}

int Cli::demo(const QStringList &)
{
    DemoOptions options;
    // Its newest day is today (the console's "last 7 days" show data), unless --until fixes it.
    options.endAt = QDateTime::currentMSecsSinceEpoch();
    if (m_parser.isSet(m_o.until)) {
        const auto until = IsoTime::parseDate(m_parser.value(m_o.until));
        if (!until)
            return fail(
                QStringLiteral("--until takes a date like 2026-10-31, not \"%1\"").arg(m_parser.value(m_o.until)),
                CliExit::Usage);
        options.endAt = DemoOptions::endOfDay(*until);
    }
    const QString scale = m_parser.isSet(m_o.scale) ? m_parser.value(m_o.scale) : QStringLiteral("small");
    if (scale == u"tiny")
        options.scale = DemoOptions::Scale::Tiny;
    else if (scale == u"small")
        options.scale = DemoOptions::Scale::Small;
    else if (scale == u"large")
        options.scale = DemoOptions::Scale::Large;
    else
        return fail(QStringLiteral("--scale: expected tiny, small or large, not \"%1\"").arg(scale), CliExit::Usage);
    if (m_parser.isSet(m_o.seed)) {
        bool ok = false;
        options.seed = m_parser.value(m_o.seed).toULongLong(&ok);
        if (!ok)
            return fail(
                QStringLiteral("--seed: \"%1\" is not a whole number").arg(m_parser.value(m_o.seed)), CliExit::Usage);
    }
    ProgressLine progress;
    const auto report = [&](qint64 done, qint64 total, const QString &phase) {
        if (!m_quiet)
            progress.report(QStringLiteral("demo: %1 / ~%2 snapshots (%3)").arg(done).arg(total).arg(phase));
        return true;
    };
    const auto written = [&](const DemoReport &r, const QString &where) {
        out() << "demo: wrote " << r.snapshots << " snapshots and " << r.events << " events in "
              << QString::number(r.seconds, 'f', 1) << " s (" << qint64(double(r.snapshots) / std::max(r.seconds, 1e-3))
              << " snapshots/s) to " << where << Qt::endl;
        return CliExit::Ok;
    };

    // A new SQLite file is built aside and moved into place when complete (createDemoSqliteFile).
    auto spec = connectionSpec();
    if (!spec)
        return fail(spec.error());
    if (spec->backend == ConnectionSpec::Backend::SQLite && !QFileInfo::exists(spec->sqlitePath)) {
        auto created = createDemoSqliteFile(spec->sqlitePath, options, report);
        if (!created)
            return fail(created.error());
        return written(*created, spec->displayName());
    }

    // An existing database (or PostgreSQL) is filled in place, if it holds no snapshots yet or an interrupted fill.
    auto filled = fillDemoInPlace(*spec, options, report);
    if (!filled)
        return fail(filled.error());
    return written(*filled, spec->displayName());
}

int Cli::stats(const QStringList &)
{
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    QString tenant;
    if (m_parser.isSet(m_o.tenant)) {
        auto resolved = resolveTenant(**store, true);
        if (!resolved)
            return fail(resolved.error());
        tenant = *resolved;
    }
    auto stats = (*store)->kindStats(tenant);
    if (!stats)
        return fail(stats.error());
    KindStats total { QStringLiteral("total"), 0, 0, 0 };
    for (const KindStats &s : *stats) {
        total.count += s.count;
        total.rawBytes += s.rawBytes;
        total.storedBytes += s.storedBytes;
    }
    if (m_parser.isSet(m_o.json)) {
        QJsonArray kinds;
        for (const KindStats &s : *stats) {
            kinds.append(QJsonObject { { QStringLiteral("kind"), s.kind }, { QStringLiteral("count"), s.count },
                { QStringLiteral("raw_bytes"), s.rawBytes }, { QStringLiteral("stored_bytes"), s.storedBytes },
                { QStringLiteral("ratio"), std::round(s.ratio() * 10000) / 10000 } });
        }
        const QJsonObject document { { QStringLiteral("kinds"), kinds },
            { QStringLiteral("total"),
                QJsonObject { { QStringLiteral("count"), total.count }, { QStringLiteral("raw_bytes"), total.rawBytes },
                    { QStringLiteral("stored_bytes"), total.storedBytes },
                    { QStringLiteral("ratio"), std::round(total.ratio() * 10000) / 10000 } } } };
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
        return CliExit::Ok;
    }
    const auto line = [](const KindStats &s) {
        return QStringLiteral("%1 %2 %3 %4 %5%\n")
            .arg(s.kind, -16)
            .arg(s.count, 10)
            .arg(s.rawBytes, 14)
            .arg(s.storedBytes, 14)
            .arg(s.ratio() * 100.0, 7, 'f', 1);
    };
    out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("kind"), -16)
                 .arg(QStringLiteral("count"), 10)
                 .arg(QStringLiteral("raw bytes"), 14)
                 .arg(QStringLiteral("stored bytes"), 14)
                 .arg(QStringLiteral("ratio"), 8);
    for (const KindStats &s : *stats)
        out() << line(s);
    out() << line(total);
    return CliExit::Ok;
}

int Cli::dict(const QStringList &positional)
{
    if (positional.size() != 1 || (positional.constFirst() != u"train" && positional.constFirst() != u"list"))
        return fail(QStringLiteral("dict takes a subcommand: dict train --kind K, or dict list"), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    if (positional.constFirst() == u"list") {
        auto list = (*store)->dictionaries();
        if (!list)
            return fail(list.error());
        for (const DictionaryInfo &d : *list) {
            out() << QStringLiteral("%1  %2  %3 bytes  %4 samples  %5%6\n")
                         .arg(d.id, 3)
                         .arg(d.kind, -16)
                         .arg(d.size, 6)
                         .arg(d.sampleCount, 6)
                         .arg(IsoTime::toUtcString(d.createdAt))
                         .arg(d.active ? QStringLiteral("  active") : QString());
        }
        return CliExit::Ok;
    }
    if (!m_parser.isSet(m_o.kind))
        return fail(QStringLiteral("dict train needs --kind"), CliExit::Usage);
    const QString kind = m_parser.value(m_o.kind);
    if (!KindRegistry::find(kind))
        return fail(QStringLiteral("--kind: unknown kind \"%1\" (known: %2)")
                        .arg(kind, KindRegistry::ids().join(QStringLiteral(", "))),
            CliExit::Usage);
    auto sampleCount = intOption(m_o.samples, 2000, 8, 100000);
    if (!sampleCount)
        return fail(sampleCount.error());
    auto size = intOption(m_o.dictSize, 16384, 1024, 1024 * 1024);
    if (!size)
        return fail(size.error());
    auto samples = (*store)->samplePayloads(kind, *sampleCount);
    if (!samples)
        return fail(samples.error());
    auto trained = PayloadCodec::trainDictionary(*samples, *size);
    if (!trained)
        return fail(QStringLiteral("%1 (kind %2 has %3 readable snapshots)")
                        .arg(trained.error().message, kind)
                        .arg(samples->size()));
    auto id = (*store)->addDictionary(kind, *trained, int(samples->size()));
    if (!id)
        return fail(id.error());
    out() << "trained dictionary " << *id << " for " << kind << " from " << samples->size() << " samples ("
          << trained->size() << " bytes); new " << kind << " snapshots use it" << Qt::endl;
    return CliExit::Ok;
}

} // namespace SnapScopeCli
