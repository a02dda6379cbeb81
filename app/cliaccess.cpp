// snapscope-cli's commands on who may do what (issue 26): roles, access.
#include "cli.h"

#include <QJsonArray>

#include "ops/actoridentity.h"
#include "json/canonicaljson.h"

namespace SnapScopeCli {

QList<CliCommand> Cli::accessCommands()
{
    return {
        { QStringLiteral("roles"),
            QStringLiteral("Who this login is and its role | roles --sql: the script a DBA runs to create the roles."),
            { QStringLiteral("sql") }, false, &Cli::roles },
        { QStringLiteral("access"),
            QStringLiteral(
                "Who may use a shared store: access grant LOGIN --role R --tenant T | revoke LOGIN --tenant T "
                "| list."),
            { QStringLiteral("role"), QStringLiteral("tenant"), QStringLiteral("json") }, true, &Cli::access,
            Access::Action::ManageAccess },
        { QStringLiteral("reveal"),
            QStringLiteral("One personal field of one snapshot, recorded in the audit log: reveal ID FIELD (a JSON "
                           "Pointer such as /customer/phone, or summary:customer_phone)."),
            {}, true, &Cli::reveal, Access::Action::RevealPersonal },
        { QStringLiteral("personal"),
            QStringLiteral("Personal fields kept apart on a shared store: personal status | personal convert "
                           "[--batch N] (rows written before schema 15; the store's owner)."),
            { QStringLiteral("batch") }, true, &Cli::personal, Access::Action::Browse,
            { { QStringLiteral("convert"), Access::Action::ManageAccess } } },
    };
}

int Cli::reveal(const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(
            QStringLiteral("reveal takes a snapshot id and a field: reveal ID /customer/phone"), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto value
        = (*store)->revealPersonal(positional.at(0), positional.at(1), ActorIdentity::current(), QStringLiteral("cli"));
    if (!value)
        return fail(value.error());
    out() << QString::fromUtf8(CanonicalJson::compact(*value)) << Qt::endl;
    return CliExit::Ok;
}

int Cli::personal(const QStringList &positional)
{
    if (positional.size() != 1 || (positional.constFirst() != u"convert" && positional.constFirst() != u"status"))
        return fail(QStringLiteral("personal takes a subcommand: personal status, or personal convert [--batch N]"),
            CliExit::Usage);
    int batch = 500;
    if (m_parser.isSet(m_o.batch)) {
        bool ok = false;
        batch = m_parser.value(m_o.batch).toInt(&ok);
        if (!ok || batch < 1)
            return fail(
                QStringLiteral("--batch takes a positive whole number, not \"%1\"").arg(m_parser.value(m_o.batch)),
                CliExit::Usage);
    }
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    if (!(*store)->keepsPersonalApart()) {
        out() << "personal: " << (*store)->connection().displayName()
              << " stores payloads whole (a local file is its owner's alone; a shared store keeps personal fields "
                 "apart from schema 15)"
              << Qt::endl;
        return CliExit::Ok;
    }
    if (positional.constFirst() == u"status") {
        auto counted = (*store)->withholdPending(0, {});
        if (!counted)
            return fail(counted.error());
        out() << "personal: " << counted->remaining
              << " snapshots and events written before schema 15 still hold their personal fields"
              << (counted->remaining ? " (the store's owner runs snapscope-cli personal convert)" : "") << Qt::endl;
        return CliExit::Ok;
    }
    return convertPersonal(**store, batch);
}

int Cli::convertPersonal(SnapshotStore &store, int batch)
{
    ProgressLine progress;
    auto report = store.withholdPending(batch, [&](qint64 done, qint64 total) {
        if (!m_quiet)
            progress.report(QStringLiteral("personal: %1 of %2 snapshots converted").arg(done).arg(total));
        return true;
    });
    if (!report)
        return fail(report.error());
    out() << "personal: " << report->converted << " snapshots and " << report->events << " events converted ("
          << report->fields << " personal fields kept apart), " << report->remaining << " left";
    if (report->dictionariesRetrained || report->dictionariesDropped)
        out() << "; " << report->dictionariesRetrained << " dictionaries trained again without personal data, "
              << report->dictionariesDropped << " old ones dropped";
    out() << Qt::endl;
    return report->remaining == 0 ? CliExit::Ok : CliExit::Failure;
}

int Cli::roles(const QStringList &)
{
    if (m_parser.isSet(m_o.sql)) {
        // A file of this build's, for a DBA's psql: no database is opened.
        const QString script = AccessStore::rolesScript();
        if (script.isEmpty())
            return fail(QStringLiteral("the roles script is missing from this build"));
        out() << script;
        return CliExit::Ok;
    }
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    const SessionAccess &session = (*store)->access().session();
    if (!session.enforced) {
        out() << "admin: " << (*store)->connection().displayName()
              << " is a local file; its owner may do everything (roles are a shared PostgreSQL store's)" << Qt::endl;
        return CliExit::Ok;
    }
    out() << Access::roleName(session.role) << ": login " << session.login
          << (session.owner ? QStringLiteral(" owns SnapScope's tables")
                            : QStringLiteral(" is a member of ") + Access::groupRole(session.role))
          << Qt::endl;
    return CliExit::Ok;
}

int Cli::access(const QStringList &positional)
{
    const QString verb = positional.value(0);
    const QString usage = QStringLiteral(
        "access takes grant LOGIN --role admin|analyst|support --tenant T, revoke LOGIN --tenant T, or list [--json]");
    if (verb == u"list") {
        if (positional.size() != 1)
            return fail(usage, CliExit::Usage);
        auto store = openStore(false);
        if (!store)
            return fail(store.error());
        auto grants = (*store)->access().grants();
        if (!grants)
            return fail(grants.error());
        for (const AccessGrant &grant : std::as_const(*grants)) {
            const QString role = grant.role ? Access::roleName(*grant.role) : QString();
            if (m_parser.isSet(m_o.json)) {
                out() << jsonLine({ { QStringLiteral("login"), grant.login },
                    { QStringLiteral("role"), grant.role ? QJsonValue(role) : QJsonValue() },
                    { QStringLiteral("tenants"), QJsonArray::fromStringList(grant.tenants) } })
                      << Qt::endl;
            } else {
                out() << grant.login << '\t' << (role.isEmpty() ? QStringLiteral("(no role)") : role) << '\t'
                      << (grant.tenants.isEmpty() ? QStringLiteral("(no tenant)") : grant.tenants.join(u','))
                      << Qt::endl;
            }
        }
        return CliExit::Ok;
    }
    if ((verb != u"grant" && verb != u"revoke") || positional.size() != 2)
        return fail(usage, CliExit::Usage);
    const QString login = positional.at(1);
    if (!m_parser.isSet(m_o.tenant))
        return fail(QStringLiteral("access %1 needs --tenant").arg(verb), CliExit::Usage);
    const QString tenant = m_parser.value(m_o.tenant);
    std::optional<Access::Role> role;
    if (verb == u"grant") {
        role = Access::roleFromString(m_parser.value(m_o.role));
        if (!role)
            return fail(QStringLiteral("access grant needs --role admin, analyst or support%1")
                            .arg(m_parser.isSet(m_o.role) ? QStringLiteral(", not \"%1\"").arg(m_parser.value(m_o.role))
                                                          : QString()),
                CliExit::Usage);
    } else if (m_parser.isSet(m_o.role)) {
        return fail(QStringLiteral("access revoke takes no --role: it takes the tenant away"), CliExit::Usage);
    }
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    AccessStore &access = (*store)->access();
    const Status done = role ? access.grant(login, *role, tenant, actor()) : access.revoke(login, tenant, actor());
    if (!done)
        return fail(done.error());
    if (!m_quiet) {
        if (role)
            err() << login << " is " << Access::roleName(*role) << " of tenant " << tenant << Qt::endl;
        else
            err() << login << " is no longer a member of tenant " << tenant << Qt::endl;
    }
    return CliExit::Ok;
}

} // namespace SnapScopeCli
