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

const QList<CliCommand> &Cli::commands()
{
    static const QList<CliCommand> all = storeCommands() + ingestCommands() + sourceCommands() + snapshotCommands()
        + seriesCommands() + maintenanceCommands() + historyCommands() + accessCommands();
    return all;
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
    if (!store)
        return store;
    // The server would refuse too, in its own words; this names the role the command needs.
    if (Status may = (*store)->access().require(m_action); !may)
        return may.error();
    if ((*store)->isReadOnly() && !m_quiet)
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
            for (const CliCommand &c : commands())
                lines << QStringLiteral("  %1  %2").arg(c.name, -8).arg(c.summary);
            return lines.join(u'\n');
        }()));
    m_parser.addHelpOption();
    // --version takes a number (state --version N); alone it prints the program's version.
    if (arguments.size() == 2 && (arguments.at(1) == u"--version" || arguments.at(1) == u"-v")) {
        out() << "snapscope-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return CliExit::Ok;
    }
    m_parser.addOptions(m_o.all);
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
    const CliCommand *command = nullptr;
    for (const CliCommand &c : commands()) {
        if (c.name == name)
            command = &c;
    }
    if (!command)
        return fail(QStringLiteral("unknown command \"%1\" (try snapscope-cli --help)").arg(name), CliExit::Usage);
    static const QStringList global { QStringLiteral("db"), QStringLiteral("pg"), QStringLiteral("quiet") };
    for (const QString &option : m_parser.optionNames()) {
        if (!global.contains(option) && !command->options.contains(option))
            return fail(QStringLiteral("%1 does not take --%2").arg(name, option), CliExit::Usage);
    }
    m_quiet = m_parser.isSet(m_o.quiet);
    const QStringList rest = positional.mid(1);
    if (!command->takesArguments && !rest.isEmpty())
        return fail(QStringLiteral("%1: unexpected argument \"%2\"").arg(name, rest.constFirst()), CliExit::Usage);

    m_action = command->action;
    for (const auto &[subcommand, action] : command->subcommands) {
        if (rest.value(0) == subcommand)
            m_action = action;
    }
    return (this->*command->run)(rest);
}

} // namespace SnapScopeCli

int runCli(const QStringList &arguments)
{
    SnapScopeCli::Cli cli;
    return cli.run(arguments);
}
