#include "clicommands.h"
#include "cli.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <memory>

#include "domain/kindregistry.h"
#include "domain/snapshotid.h"
#include "ops/analyticsseries.h"
#include "ops/demogenerator.h"
#include "ops/snapshotcomparison.h"
#include "ops/verification.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsondiff.h"
#include "json/jsonpatch.h"
#include "json/strictjson.h"

namespace SnapScopeCli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// The one line every failure prints.
QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(CanonicalJson::write(object)); // QJsonDocument's compact form, exact numbers bare
}

QTimeZone tenantZone(SnapshotStore &store, const QString &tenant)
{
    if (auto tenants = store.tenants()) {
        for (const Tenant &t : *tenants) {
            if (t.id == tenant)
                return QTimeZone(t.businessTimeZone.toUtf8());
        }
    }
    return QTimeZone::utc();
}

int fail(const QString &message, int code)
{
    out().flush();
    err() << "snapscope-cli: error: " << QString(message).replace(u'\n', u' ') << Qt::endl;
    return code;
}

int fail(const Error &error)
{
    int code = CliExit::Failure;
    if (error.code == Error::Code::Invalid)
        code = CliExit::Usage;
    else if (error.isIntegrityError())
        code = CliExit::Integrity;
    else if (error.code == Error::Code::Cancelled)
        code = CliExit::Cancelled;
    return fail(error.message, code);
}

const QList<Command> &commands()
{
    static const QList<Command> list {
        { QStringLiteral("init"), QStringLiteral("Create (or upgrade) a database."), {} },
        { QStringLiteral("demo"), QStringLiteral("Fill a new database with realistic demo data."),
            { QStringLiteral("scale"), QStringLiteral("seed") } },
        { QStringLiteral("list"), QStringLiteral("List snapshot headers."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"),
                QStringLiteral("entity-prefix"), QStringLiteral("type"), QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("created-by"), QStringLiteral("trash"), QStringLiteral("limit"),
                QStringLiteral("oldest-first"), QStringLiteral("json") } },
        { QStringLiteral("show"), QStringLiteral("Print one snapshot's payload: show ID."), { QStringLiteral("raw") } },
        { QStringLiteral("verify"), QStringLiteral("Check every payload's zstd frame and SHA-256."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"),
                QStringLiteral("entity-prefix"), QStringLiteral("type"), QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("created-by"), QStringLiteral("trash"), QStringLiteral("replay"),
                QStringLiteral("bundle") } },
        { QStringLiteral("stats"), QStringLiteral("Per kind: count, raw bytes, stored bytes, ratio."),
            { QStringLiteral("tenant"), QStringLiteral("json") } },
        { QStringLiteral("diff"), QStringLiteral("What changed between two snapshots: diff ID_A ID_B."),
            { QStringLiteral("format") } },
        { QStringLiteral("json"), QStringLiteral("Files: json diff A.json B.json | json apply DOC.json PATCH.json."),
            {} },
        { QStringLiteral("series"),
            QStringLiteral("What the charts plot: series inventory|chat --from DATE --to DATE."),
            { QStringLiteral("tenant"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("store"),
                QStringLiteral("product"), QStringLiteral("top"), QStringLiteral("granularity"), QStringLiteral("type"),
                QStringLiteral("platform"), QStringLiteral("handoff"), QStringLiteral("json") } },
        { QStringLiteral("dict"), QStringLiteral("zstd dictionaries: dict train --kind K | dict list."),
            { QStringLiteral("kind"), QStringLiteral("samples"), QStringLiteral("size"), QStringLiteral("json") } },
        { QStringLiteral("snapshot"),
            QStringLiteral("Take snapshots: snapshot take --kind K [--entity ID | --store CODE | --all-stores] "
                           "[--date DAY] | snapshot compact [--kind K] [--entity ID]."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"), QStringLiteral("store"),
                QStringLiteral("all-stores"), QStringLiteral("date"), QStringLiteral("type"),
                QStringLiteral("json") } },
        { QStringLiteral("cleanup"), QStringLiteral("Plan (--dry-run) or run (--yes) a retention cleanup of one kind."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("keep-last"),
                QStringLiteral("keep-within"), QStringLiteral("keep-daily"), QStringLiteral("keep-weekly"),
                QStringLiteral("keep-monthly"), QStringLiteral("keep-yearly"), QStringLiteral("older-than"),
                QStringLiteral("archive"), QStringLiteral("dry-run"), QStringLiteral("yes"), QStringLiteral("json"),
                QStringLiteral("save"), QStringLiteral("batch-size") } },
        { QStringLiteral("trash"), QStringLiteral("The trash: trash list | trash restore ID... | trash purge."),
            { QStringLiteral("tenant"), QStringLiteral("older-than"), QStringLiteral("limit"), QStringLiteral("json"),
                QStringLiteral("batch-size") } },
        { QStringLiteral("import"), QStringLiteral("Restore an archive: import FILE.ndjson.zst."), {} },
        { QStringLiteral("schedule"),
            QStringLiteral("Schedules: list | next \"CRON\" | run-due | create | enable ID | disable ID | delete ID "
                           "| history ID."),
            { QStringLiteral("tenant"), QStringLiteral("from"), QStringLiteral("count"), QStringLiteral("tz"),
                QStringLiteral("name"), QStringLiteral("cron"), QStringLiteral("kind"), QStringLiteral("targets"),
                QStringLiteral("cleanup"), QStringLiteral("compact"), QStringLiteral("json"),
                QStringLiteral("lease") } },
        { QStringLiteral("state"),
            QStringLiteral(
                "An event-sourced entity's state: state ENTITY --kind K (--at TIME | --version N) [--full]."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("version"),
                QStringLiteral("full"), QStringLiteral("json") } },
        { QStringLiteral("case"),
            QStringLiteral("A dispute case: case ORDER_ID [--json] [--pdf FILE] [--bundle FILE] [--hold REASON | "
                           "--release] [--role R] (the order, its chats, stock movements and payments) | case --find "
                           "TEXT."),
            { QStringLiteral("tenant"), QStringLiteral("json"), QStringLiteral("bundle"), QStringLiteral("pdf"),
                QStringLiteral("role"), QStringLiteral("find"), QStringLiteral("hold"), QStringLiteral("release") } },
        { QStringLiteral("strategy"), QStringLiteral("Snapshot strategies: strategy list | strategy set --kind K ..."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("mode"), QStringLiteral("every-events"),
                QStringLiteral("every-hours"), QStringLiteral("max-replay-bytes"), QStringLiteral("incremental"),
                QStringLiteral("keyframe-every") } },
        { QStringLiteral("audit"), QStringLiteral("The audit log, newest first."),
            { QStringLiteral("tenant"), QStringLiteral("action"), QStringLiteral("created-by"), QStringLiteral("from"),
                QStringLiteral("to"), QStringLiteral("limit"), QStringLiteral("json") } },
    };
    return list;
}

Result<int> Cli::intOption(const QCommandLineOption &option, int fallback, int min, int max)
{
    if (!m_parser.isSet(option))
        return fallback;
    bool ok = false;
    const QString text = m_parser.value(option);
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max) {
        return Error { Error::Code::Invalid,
            QStringLiteral("--%1: \"%2\" is not a whole number from %3 to %4")
                .arg(option.names().constFirst(), text)
                .arg(min)
                .arg(max) };
    }
    return value;
}

Result<ConnectionSpec> Cli::connectionSpec()
{
    if (m_parser.isSet(m_o.db) && m_parser.isSet(m_o.pg))
        return Error { Error::Code::Invalid, QStringLiteral("choose one of --db and --pg") };
    if (m_parser.isSet(m_o.pg))
        return ConnectionSpec::fromPgKeywords(m_parser.value(m_o.pg));
    return ConnectionSpec::sqlite(
        m_parser.isSet(m_o.db) ? m_parser.value(m_o.db) : ConnectionSpec::defaultSqlitePath());
}

Result<std::unique_ptr<SnapshotStore>> Cli::openStore(bool create)
{
    auto spec = connectionSpec();
    if (!spec)
        return spec.error();
    OpenOptions options;
    options.createIfMissing = create;
    options.createSchema = create; // only init and demo make tables
    auto store = openSnapshotStore(*spec, options);
    if (store && (*store)->isReadOnly() && !m_quiet)
        err() << "note: " << spec->displayName() << " is not writable: opened read-only" << Qt::endl;
    return store;
}

Result<Cli::TenantStore> Cli::openForTenant()
{
    auto store = openStore(false);
    if (!store)
        return store.error();
    auto tenant = resolveTenant(**store, true);
    if (!tenant)
        return tenant.error();
    return TenantStore { std::move(store).value(), *tenant };
}

Result<QString> Cli::resolveTenant(SnapshotStore &store, bool required)
{
    auto tenants = store.tenants();
    if (!tenants)
        return tenants.error();
    if (m_parser.isSet(m_o.tenant)) {
        const QString wanted = m_parser.value(m_o.tenant);
        for (const Tenant &t : *tenants) {
            if (t.id == wanted)
                return wanted;
        }
        return Error { Error::Code::NotFound, QStringLiteral("no tenant \"%1\" in this database").arg(wanted) };
    }
    if (tenants->size() == 1)
        return tenants->constFirst().id;
    if (!required)
        return QString();
    if (tenants->isEmpty())
        return Error { Error::Code::NotFound,
            QStringLiteral("the database has no tenants yet (run snapscope-cli demo)") };
    QStringList ids;
    for (const Tenant &t : *tenants)
        ids << t.id;
    return Error { Error::Code::Invalid,
        QStringLiteral("the database holds %1 tenants (%2); choose one with --tenant")
            .arg(ids.size())
            .arg(ids.join(QStringLiteral(", "))) };
}

Result<SnapshotQuery> Cli::buildQuery(SnapshotStore &store, bool tenantRequired)
{
    SnapshotQuery q;
    auto tenant = resolveTenant(store, tenantRequired);
    if (!tenant)
        return tenant.error();
    q.tenant = *tenant;
    const QTimeZone zone = tenantZone(store, q.tenant);
    if (m_parser.isSet(m_o.kind)) {
        q.kind = m_parser.value(m_o.kind);
        if (!KindRegistry::find(q.kind)) {
            return Error { Error::Code::Invalid,
                QStringLiteral("--kind: unknown kind \"%1\" (known: %2)")
                    .arg(q.kind, KindRegistry::ids().join(QStringLiteral(", "))) };
        }
    }
    q.entityId = m_parser.value(m_o.entity);
    q.entityPrefix = m_parser.value(m_o.entityPrefix);
    for (const QString &value : m_parser.values(m_o.type)) {
        for (const QString &type : value.split(u',', Qt::SkipEmptyParts))
            q.types << type.trimmed();
    }
    if (m_parser.isSet(m_o.from)) {
        auto from = IsoTime::parseBound(m_parser.value(m_o.from), zone);
        if (!from)
            return Error { Error::Code::Invalid, QStringLiteral("--from: ") + from.error().message };
        q.takenAt.from = *from;
    }
    if (m_parser.isSet(m_o.to)) {
        auto to = IsoTime::parseBound(m_parser.value(m_o.to), zone);
        if (!to)
            return Error { Error::Code::Invalid, QStringLiteral("--to: ") + to.error().message };
        q.takenAt.to = *to;
    }
    if (q.takenAt.from && q.takenAt.to && *q.takenAt.from >= *q.takenAt.to)
        return Error { Error::Code::Invalid, QStringLiteral("--from must be earlier than --to") };
    q.createdBy = m_parser.value(m_o.createdBy);
    if (m_parser.isSet(m_o.trash)) {
        const QString mode = m_parser.value(m_o.trash);
        if (mode == u"hide")
            q.trash = SnapshotQuery::Trash::Hide;
        else if (mode == u"include")
            q.trash = SnapshotQuery::Trash::Include;
        else if (mode == u"only")
            q.trash = SnapshotQuery::Trash::Only;
        else
            return Error { Error::Code::Invalid,
                QStringLiteral("--trash: expected hide, include or only, not \"%1\"").arg(mode) };
    }
    return q;
}

int Cli::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        QStringLiteral("SnapScope command line: business snapshots on SQLite or PostgreSQL.\n\nCommands:\n%1").arg([] {
            QStringList lines;
            for (const Command &c : commands())
                lines << QStringLiteral("  %1  %2").arg(c.name, -8).arg(c.summary);
            return lines.join(u'\n');
        }()));
    m_parser.addHelpOption();
    // --version takes a number (state --version N); alone it prints the program's version.
    if (arguments.size() == 2 && (arguments.at(1) == u"--version" || arguments.at(1) == u"-v")) {
        out() << "snapscope-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return CliExit::Ok;
    }
    m_parser.addOptions({ m_o.db, m_o.pg, m_o.tenant, m_o.kind, m_o.entity, m_o.entityPrefix, m_o.type, m_o.from,
        m_o.to, m_o.createdBy, m_o.trash, m_o.limit, m_o.oldestFirst, m_o.json, m_o.raw, m_o.scale, m_o.seed,
        m_o.samples, m_o.dictSize, m_o.quiet, m_o.format, m_o.store, m_o.product, m_o.top, m_o.granularity,
        m_o.platform, m_o.handoff, m_o.allStores, m_o.date, m_o.keepLast, m_o.keepWithin, m_o.keepDaily, m_o.keepWeekly,
        m_o.keepMonthly, m_o.keepYearly, m_o.olderThan, m_o.archive, m_o.dryRun, m_o.yes, m_o.save, m_o.batchSize,
        m_o.lease, m_o.count, m_o.tz, m_o.name, m_o.cron, m_o.targets, m_o.cleanup, m_o.action, m_o.compact, m_o.at,
        m_o.version, m_o.full, m_o.bundle, m_o.pdf, m_o.role, m_o.find, m_o.hold, m_o.release, m_o.replay, m_o.mode,
        m_o.everyEvents, m_o.everyHours, m_o.maxReplayBytes, m_o.incremental, m_o.keyframeEvery });
    m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));

    if (!m_parser.parse(arguments)) {
        // "-1 * * * *" (a cron expression) or "-5" (a number) is read as options: say how to pass it.
        for (const QString &argument : arguments.mid(1)) {
            if (argument == u"--")
                break; // what follows is positional already
            if (argument.size() > 1 && argument.at(0) == u'-' && (argument.at(1).isDigit() || argument.contains(u' ')))
                return fail(QStringLiteral("%1 was read as options: an argument that starts with '-' goes after -- "
                                           "(the options before it), e.g. schedule next --db F -- \"%1\"")
                                .arg(argument),
                    CliExit::Usage);
        }
        return fail(m_parser.errorText(), CliExit::Usage);
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << m_parser.helpText();
        return CliExit::Ok;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return fail(QStringLiteral("no command given (try snapscope-cli --help)"), CliExit::Usage);
    const QString name = positional.constFirst();
    const Command *command = nullptr;
    for (const Command &c : commands()) {
        if (c.name == name)
            command = &c;
    }
    if (!command)
        return fail(QStringLiteral("unknown command \"%1\" (try snapscope-cli --help)").arg(name), CliExit::Usage);
    static const QStringList global { QStringLiteral("db"), QStringLiteral("pg"), QStringLiteral("quiet") };
    for (const QString &option : m_parser.optionNames()) {
        if (!global.contains(option) && !command->allowed.contains(option))
            return fail(QStringLiteral("%1 does not take --%2").arg(name, option), CliExit::Usage);
    }
    m_quiet = m_parser.isSet(m_o.quiet);
    const QStringList rest = positional.mid(1);
    static const QStringList takesArguments { QStringLiteral("show"), QStringLiteral("dict"), QStringLiteral("diff"),
        QStringLiteral("json"), QStringLiteral("series"), QStringLiteral("snapshot"), QStringLiteral("trash"),
        QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("state"), QStringLiteral("strategy"),
        QStringLiteral("case") };
    if (!takesArguments.contains(name) && !rest.isEmpty())
        return fail(QStringLiteral("%1: unexpected argument \"%2\"").arg(name, rest.constFirst()), CliExit::Usage);

    if (name == u"init")
        return init();
    if (name == u"demo")
        return demo();
    if (name == u"list")
        return list();
    if (name == u"show")
        return show(rest);
    if (name == u"verify")
        return m_parser.isSet(m_o.bundle) ? verifyBundle() : m_parser.isSet(m_o.replay) ? verifyReplay() : verify();
    if (name == u"state")
        return state(rest);
    if (name == u"strategy")
        return strategy(rest);
    if (name == u"case")
        return caseOf(rest);
    if (name == u"stats")
        return stats();
    if (name == u"diff")
        return diff(rest);
    if (name == u"json")
        return json(rest);
    if (name == u"series")
        return series(rest);
    if (name == u"snapshot")
        return snapshot(rest);
    if (name == u"cleanup")
        return cleanup();
    if (name == u"trash")
        return trash(rest);
    if (name == u"import")
        return importArchive(rest);
    if (name == u"schedule")
        return schedule(rest);
    if (name == u"audit")
        return audit();
    return dict(rest);
}

int Cli::diff(const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("diff takes two snapshot ids"), CliExit::Usage);
    for (const QString &id : positional) {
        if (!SnapshotId::isWellFormed(id))
            return fail(QStringLiteral("\"%1\" is not a snapshot id (expected a UUID)").arg(id), CliExit::Usage);
    }
    const QString format = m_parser.isSet(m_o.format) ? m_parser.value(m_o.format) : QStringLiteral("patch");
    if (format != u"patch" && format != u"text" && format != u"stat")
        return fail(QStringLiteral("--format: expected patch, text or stat, not \"%1\"").arg(format), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto comparison = SnapshotComparisons::compare(**store, positional.at(0), positional.at(1));
    if (!comparison)
        return fail(comparison.error());
    if (format == u"patch")
        out() << QString::fromUtf8(CanonicalJson::indented(comparison->patch));
    else if (format == u"text")
        out() << SnapshotComparisons::report(*comparison);
    else
        out() << SnapshotComparisons::summaryText(comparison->summary) << Qt::endl;
    out().flush();
    return CliExit::Ok;
}

namespace {

// A JSON file from outside: checked strictly (RFC 8259), any top-level value.
Result<QJsonValue> readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, QStringLiteral("%1: %2").arg(path, file.errorString()) };
    const QByteArray text = file.readAll();
    return StrictJson::parse(text, path);
}

} // namespace

int Cli::series(const QStringList &positional)
{
    if (positional.size() != 1 || (positional.at(0) != u"inventory" && positional.at(0) != u"chat"))
        return fail(QStringLiteral("usage: series inventory|chat --from DATE --to DATE [options]"), CliExit::Usage);
    const bool inventory = positional.at(0) == u"inventory";
    if (!m_parser.isSet(m_o.from) || !m_parser.isSet(m_o.to))
        return fail(QStringLiteral("series needs --from DATE and --to DATE"), CliExit::Usage);
    const auto from = IsoTime::parseDate(m_parser.value(m_o.from));
    const auto to = IsoTime::parseDate(m_parser.value(m_o.to));
    if (!from || !to)
        return fail(QStringLiteral("--from and --to take dates like 2026-03-01"), CliExit::Usage);
    if (*from > *to)
        return fail(QStringLiteral("--from is after --to"), CliExit::Usage);
    const QString periodText
        = m_parser.isSet(m_o.granularity) ? m_parser.value(m_o.granularity) : QStringLiteral("day");
    const auto granularity = AnalyticsSeries::granularityFromText(periodText);
    if (!granularity || (!inventory && *granularity == Granularity::Month))
        return fail(QStringLiteral("--granularity: expected day, week%1, not \"%2\"")
                        .arg(inventory ? QStringLiteral(" or month") : QString(), periodText),
            CliExit::Usage);
    const QStringList other = inventory
        ? QStringList { QStringLiteral("type"), QStringLiteral("platform"), QStringLiteral("handoff") }
        : QStringList { QStringLiteral("store"), QStringLiteral("product"), QStringLiteral("top") };
    for (const QString &option : other) {
        if (m_parser.isSet(option))
            return fail(QStringLiteral("series %1 does not take --%2").arg(positional.at(0), option), CliExit::Usage);
    }
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    const bool json = m_parser.isSet(m_o.json);
    if (inventory) {
        InventorySeriesQuery q;
        q.tenant = tenant;
        q.from = *from;
        q.to = *to;
        q.storeCode = m_parser.value(m_o.store);
        q.productId = m_parser.value(m_o.product);
        if (m_parser.isSet(m_o.top)) {
            auto n = intOption(m_o.top, 0, 1, 1000);
            if (!n)
                return fail(n.error().message, CliExit::Usage);
            q.topN = *n;
        }
        q.granularity = *granularity;
        auto points = AnalyticsSeries::inventory(store, q);
        if (!points)
            return fail(points.error());
        for (const InventoryPoint &p : *points) {
            if (json)
                out() << QString::fromUtf8(QJsonDocument(AnalyticsSeries::toJson(p)).toJson(QJsonDocument::Compact))
                      << '\n';
        }
        if (!json)
            out() << AnalyticsSeries::inventoryCsv(*points).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    } else {
        ChatSeriesQuery q;
        q.tenant = tenant;
        q.from = *from;
        q.to = *to;
        if (m_parser.isSet(m_o.type))
            q.snapshotType = m_parser.value(m_o.type);
        q.platform = m_parser.value(m_o.platform);
        if (!q.platform.isEmpty() && q.platform != u"line" && q.platform != u"facebook" && q.platform != u"whatsapp")
            return fail(QStringLiteral("--platform: expected line, facebook or whatsapp"), CliExit::Usage);
        if (m_parser.isSet(m_o.handoff)) {
            const QString h = m_parser.value(m_o.handoff);
            if (h != u"yes" && h != u"no")
                return fail(QStringLiteral("--handoff: expected yes or no"), CliExit::Usage);
            q.humanHandoff = h == u"yes";
        }
        q.granularity = *granularity;
        auto points = AnalyticsSeries::chat(store, q);
        if (!points)
            return fail(points.error());
        for (const ChatPoint &p : *points) {
            if (json)
                out() << QString::fromUtf8(QJsonDocument(AnalyticsSeries::toJson(p)).toJson(QJsonDocument::Compact))
                      << '\n';
        }
        if (!json)
            out() << AnalyticsSeries::chatCsv(*points).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    out().flush();
    return CliExit::Ok;
}

int Cli::json(const QStringList &positional)
{
    if (positional.size() != 3 || (positional.at(0) != u"diff" && positional.at(0) != u"apply"))
        return fail(QStringLiteral("usage: json diff A.json B.json | json apply DOC.json PATCH.json"), CliExit::Usage);
    // The two files are read and parsed side by side (a megabyte of JSON takes about 10 ms).
    QFuture<Result<QJsonValue>> secondFile = QtConcurrent::run(readJsonFile, positional.at(2));
    auto first = readJsonFile(positional.at(1));
    auto second = secondFile.result();
    if (!first)
        return fail(first.error());
    if (!second)
        return fail(second.error());
    QJsonValue result;
    if (positional.at(0) == u"diff") {
        result = JsonDiff::diff(*first, *second); // files have no kind: elements are matched by content
    } else {
        if (!second->isArray())
            return fail(QStringLiteral("%1: a patch is a JSON array of operations").arg(positional.at(2)));
        auto applied = JsonPatch::apply(*first, second->toArray());
        if (!applied)
            return fail(applied.error().message, CliExit::Failure); // the patch does not fit: not a usage error
        result = *applied;
    }
    out() << QString::fromUtf8(CanonicalJson::compact(result)) << Qt::endl;
    out().flush();
    return CliExit::Ok;
}

int Cli::init()
{
    auto store = openStore(true);
    if (!store)
        return fail(store.error());
    out() << "ready: " << (*store)->connection().displayName() << " (schema version " << (*store)->schemaVersion()
          << ")" << Qt::endl;
    return CliExit::Ok;
}

int Cli::demo()
{
    DemoOptions options;
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

QJsonObject headerJson(const SnapshotHeader &h)
{
    return { { QStringLiteral("id"), h.id }, { QStringLiteral("tenant"), h.tenant }, { QStringLiteral("kind"), h.kind },
        { QStringLiteral("entity"), h.entityId }, { QStringLiteral("version"), h.version },
        { QStringLiteral("type"), h.type }, { QStringLiteral("taken_at"), IsoTime::toUtcString(h.takenAt) },
        { QStringLiteral("created_by"), h.createdBy }, { QStringLiteral("summary"), h.summary },
        { QStringLiteral("raw_size"), h.rawSize }, { QStringLiteral("stored_size"), h.storedSize },
        { QStringLiteral("codec"), h.codec }, { QStringLiteral("pinned"), h.pinned } };
}

int Cli::list()
{
    auto limit = intOption(m_o.limit, 50, 1, 10000000);
    if (!limit)
        return fail(limit.error());
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto query = buildQuery(**store, true);
    if (!query)
        return fail(query.error());
    PageRequest request;
    request.order = m_parser.isSet(m_o.oldestFirst) ? SortOrder::OldestFirst : SortOrder::NewestFirst;
    const bool json = m_parser.isSet(m_o.json);
    qint64 remaining = *limit;
    if (!json) {
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                     .arg(QStringLiteral("taken_at (UTC)"), -24)
                     .arg(QStringLiteral("kind"), -15)
                     .arg(QStringLiteral("entity"), -20)
                     .arg(QStringLiteral("v"), 4)
                     .arg(QStringLiteral("type"), -18)
                     .arg(QStringLiteral("created_by"), -14)
                     .arg(QStringLiteral("raw->stored"), -14)
                     .arg(QStringLiteral("id"))
              << '\n';
    }
    while (remaining > 0) {
        request.limit = int(std::min<qint64>(remaining, 5000));
        auto page = (*store)->listHeaders(*query, request);
        if (!page)
            return fail(page.error());
        for (const SnapshotHeader &h : page->headers) {
            if (json) {
                out() << CanonicalJson::write(headerJson(h)) << '\n';
            } else {
                out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                             .arg(IsoTime::toUtcString(h.takenAt), -24)
                             .arg(h.kind, -15)
                             .arg(h.entityId, -20)
                             .arg(h.version, 4)
                             .arg(h.type + (h.pinned ? QStringLiteral(" [pin]") : QString()), -18)
                             .arg(h.createdBy, -14)
                             .arg(QStringLiteral("%1->%2").arg(h.rawSize).arg(h.storedSize), -14)
                             .arg(h.id)
                      << '\n';
            }
        }
        remaining -= page->headers.size();
        if (!page->next)
            break;
        request.after = page->next;
    }
    out().flush();
    return CliExit::Ok;
}

int Cli::show(const QStringList &positional)
{
    if (positional.size() != 1)
        return fail(QStringLiteral("show takes exactly one snapshot id"), CliExit::Usage);
    const QString id = positional.constFirst();
    if (!SnapshotId::isWellFormed(id))
        return fail(QStringLiteral("\"%1\" is not a snapshot id (expected a UUID)").arg(id), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto snapshot = (*store)->load(id);
    if (!snapshot)
        return fail(snapshot.error());
    if (m_parser.isSet(m_o.raw)) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write to standard output"));
        stdoutFile.write(snapshot->payload);
        return CliExit::Ok;
    }
    out() << QString::fromUtf8(CanonicalJson::pretty(snapshot->payload));
    out().flush();
    return CliExit::Ok;
}

int Cli::verify()
{
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    QStringList tenants;
    {
        auto query = buildQuery(**store, false);
        if (!query)
            return fail(query.error());
        if (query->tenant.isEmpty()) {
            auto all = (*store)->tenants();
            if (!all)
                return fail(all.error());
            for (const Tenant &t : *all)
                tenants << t.id;
        } else {
            tenants << query->tenant;
        }
    }
    // The database's own check first: a damaged page is named even where no snapshot row leads to it.
    auto problems = (*store)->checkDatabase();
    if (!problems)
        return fail(problems.error());
    for (const QString &problem : std::as_const(*problems))
        err() << "verify: the database's own check: " << QString(problem).replace(u'\n', u' ') << Qt::endl;
    // A demo fill that was interrupted left a database that is incomplete, however sound each row of it is.
    auto interrupted = interruptedDemoFill(**store);
    if (!interrupted)
        return fail(interrupted.error());
    if (*interrupted)
        err() << "verify: the demo fill started at " << IsoTime::toUtcSeconds(**interrupted)
              << " did not finish: the database is incomplete (run demo again to replace it)" << Qt::endl;
    // Named once here; the payloads that need one say so below.
    const QStringList damagedDictionaries = (*store)->codec().damagedDictionaries();
    for (const QString &damaged : damagedDictionaries)
        err() << "verify: damaged " << damaged << Qt::endl;
    ProgressLine progress;
    qint64 expected = 0, checked = 0, corrupt = 0;
    bool unreadable = false;
    Verification verification(**store);
    for (const QString &tenant : std::as_const(tenants)) {
        auto query = buildQuery(**store, false);
        if (!query)
            return fail(query.error());
        query->tenant = tenant;
        const qint64 before = checked;
        auto report = verification.run(
            *query,
            [&](qint64 done, qint64 bad) {
                if (!m_quiet)
                    progress.report(QStringLiteral("verify: %1 snapshots checked, %2 corrupt")
                                        .arg(before + done)
                                        .arg(corrupt + bad));
                return true;
            },
            [&](const CorruptSnapshot &c) {
                out() << c.id << ' ' << c.kind << ' ' << c.entityId << ": " << c.error.message << Qt::endl;
            });
        if (!report)
            return fail(report.error());
        expected += report->expected;
        checked += report->checked;
        corrupt += report->corrupt.size();
        if (report->unreadable) {
            unreadable = true;
            err() << "verify: " << tenant << ": reading stopped after " << report->checked << " of " << report->expected
                  << " snapshots: " << report->unreadable->message << Qt::endl;
        }
    }
    // Never "0 corrupt" for a store only partly read: how many were checked of how many is always said.
    out() << "verified " << checked << " of " << expected << " snapshots: " << corrupt << " corrupt";
    if (unreadable)
        out() << ", " << std::max<qint64>(0, expected - checked) << " not read";
    else if (checked != expected)
        out() << " (the store changed while it was checked)";
    out() << Qt::endl;
    const bool damaged = corrupt > 0 || unreadable || !problems->isEmpty() || !damagedDictionaries.isEmpty();
    return damaged || *interrupted ? CliExit::Integrity : CliExit::Ok;
}

int Cli::stats()
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

int runCli(const QStringList &arguments)
{
    SnapScopeCli::Cli cli;
    return cli.run(arguments);
}
