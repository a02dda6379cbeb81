#include "sqlaccess.h"

#include <QFile>
#include <QMap>
#include <QSqlError>

#include "store/migrator.h"

namespace {

const QString GroupList
    = QStringLiteral("('snapscope_admin', 'snapscope_analyst', 'snapscope_support')"); // literal: no user input

// The role a login in these groups acts with: admin before support before analyst (a login put in two by hand).
std::optional<Access::Role> roleOfGroups(const QStringList &groups)
{
    for (Access::Role role : { Access::Role::Admin, Access::Role::Support, Access::Role::Analyst }) {
        if (groups.contains(Access::groupRole(role)))
            return role;
    }
    return std::nullopt;
}

// Grants and revokes of one login wait for each other: a role given with no tenant, or a tenant with no role, is what
// two of them interleaved would leave.
bool lockLogin(QSqlDatabase &db, const QString &login)
{
    QSqlQuery query(db);
    return SqlValues::execWith(
        query, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('snapscope access ' || ?))"), { login });
}

} // namespace

QString AccessStore::rolesScript()
{
    QFile file(QStringLiteral(":/access/roles.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Status SqlAccess::load()
{
    m_session = {};
    if (m_sql.isSqlite())
        return {}; // the file's owner is its admin (SessionAccess's defaults)
    m_session.enforced = true;
    auto who = m_sql.first(
        QStringLiteral("reading who this login is"), QStringLiteral("SELECT session_user::text, snapscope_is_owner()"));
    if (!who)
        return who.error();
    m_session.login = who->value(0).toString();
    m_session.owner = who->value(1).toBool();
    if (m_session.owner) {
        m_session.role = Access::Role::Admin;
        return {};
    }
    // USAGE, not MEMBER: the role whose rights the login actually has (a NOINHERIT membership gives none).
    auto groups = m_sql.rows(QStringLiteral("reading this login's role"),
        QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname IN %1 AND pg_has_role(session_user, oid, 'USAGE')")
            .arg(GroupList),
        {}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!groups)
        return groups.error();
    const auto role = roleOfGroups(*groups);
    if (!role)
        return noRole(m_session.login);
    m_session.role = *role;
    return {};
}

Status SqlAccess::explainRefusal(const Error &refused)
{
    // A login outside SnapScope's groups has no USAGE on the schema, so it is refused before load() could say why:
    // when the server has the groups and the login is in none, that is what it is told.
    if (m_sql.isSqlite())
        return refused;
    auto outside = m_sql.first(QStringLiteral("reading this login's role"),
        QStringLiteral("SELECT (SELECT count(*) FROM pg_roles WHERE rolname IN %1) = 3 AND NOT EXISTS (SELECT FROM "
                       "pg_roles WHERE rolname IN %1 AND pg_has_role(session_user, oid, 'USAGE')) AND NOT (SELECT "
                       "rolsuper FROM pg_roles WHERE rolname = session_user), session_user::text")
            .arg(GroupList));
    if (!outside || !outside->value(0).toBool())
        return refused;
    return noRole(outside->value(1).toString());
}

Error SqlAccess::noRole(const QString &login)
{
    return Error { Error::Code::Forbidden,
        QStringLiteral("the login %1 has no SnapScope role on this server (it is not a member of snapscope_admin, "
                       "snapscope_analyst or snapscope_support): an admin gives it one with snapscope-cli access "
                       "grant %1 --role admin|analyst|support --tenant T")
            .arg(login) };
}

Status SqlAccess::sharedStoreOnly() const
{
    if (m_sql.isSqlite())
        return Error { Error::Code::Invalid,
            QStringLiteral("roles and tenant members belong to a shared PostgreSQL store; a local SQLite file has one "
                           "user, its owner, who is its admin") };
    return {};
}

Result<bool> SqlAccess::rolesExist()
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared.error();
    auto count = m_sql.first(QStringLiteral("looking for SnapScope's roles"),
        QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN %1").arg(GroupList));
    if (!count)
        return count.error();
    return count->value(0).toInt() == 3;
}

Result<bool> SqlAccess::mayCreateRoles()
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared.error();
    auto may = m_sql.first(QStringLiteral("reading this login's attributes"),
        QStringLiteral("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"));
    if (!may)
        return may.error();
    return may->value(0).toBool();
}

Status SqlAccess::setUpRoles()
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared;
    const QString script = rolesScript();
    if (script.isEmpty())
        return Error { Error::Code::Io, QStringLiteral("the roles script is missing from this build") };
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        for (const QString &statement : Migrator::splitStatements(script)) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return m_sql.errorFrom(QStringLiteral("setting up SnapScope's roles"), query);
        }
        audit.action = QStringLiteral("access.roles");
        return {};
    });
}

Result<QList<AccessGrant>> SqlAccess::grants()
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared.error();
    struct Row
    {
        QString login;
        QString value;
    };
    auto members = m_sql.rows(QStringLiteral("reading who has a SnapScope role"),
        QStringLiteral("SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                       "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname IN %1 AND r.rolcanlogin")
            .arg(GroupList),
        {}, [](const QSqlQuery &q) {
            return Row { q.value(0).toString(), q.value(1).toString() };
        });
    if (!members)
        return members.error();
    auto tenants = m_sql.rows(QStringLiteral("reading the tenants' members"),
        QStringLiteral("SELECT member, tenant_id FROM tenant_members ORDER BY member, tenant_id"), {},
        [](const QSqlQuery &q) {
            return Row { q.value(0).toString(), q.value(1).toString() };
        });
    if (!tenants)
        return tenants.error();
    QMap<QString, AccessGrant> byLogin;
    for (const Row &row : std::as_const(*tenants)) {
        AccessGrant &grant = byLogin[row.login];
        grant.login = row.login;
        grant.tenants.append(row.value);
    }
    QMap<QString, QStringList> groups;
    for (const Row &row : std::as_const(*members))
        groups[row.login].append(row.value);
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        // The owner sees every login with a role; an admin, the members of its tenants only (roles are the
        // server's, and other tenants' people are not its business).
        if (!m_session.owner && !byLogin.contains(it.key()))
            continue;
        AccessGrant &grant = byLogin[it.key()];
        grant.login = it.key();
        grant.role = roleOfGroups(it.value());
    }
    return byLogin.values();
}

Status SqlAccess::grant(const QString &login, Access::Role role, const QString &tenant, const QString &actor)
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared;
    if (Status may = require(Access::Action::ManageAccess); !may)
        return may;
    auto exists = rolesExist();
    if (!exists)
        return exists.error();
    if (!*exists)
        return Error { Error::Code::NotFound,
            QStringLiteral("SnapScope's roles are not set up on this server: a DBA runs the script snapscope-cli roles "
                           "--sql prints (or snapscope-cli init --pg as a login that may create roles)") };
    auto canLogin = m_sql.rows(QStringLiteral("looking up the login"),
        QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), { login },
        [](const QSqlQuery &q) { return q.value(0).toBool(); });
    if (!canLogin)
        return canLogin.error();
    if (canLogin->isEmpty())
        return Error { Error::Code::NotFound,
            QStringLiteral("no login \"%1\" on this server: a DBA creates it first (CREATE ROLE %2 LOGIN)")
                .arg(login, SqlValues::quotedIdentifier(login)) };
    if (!canLogin->constFirst())
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is a group role, not a login").arg(login) };
    auto tenantRows
        = m_sql.rows(QStringLiteral("looking up the tenant"), QStringLiteral("SELECT id FROM tenants WHERE id = ?"),
            { tenant }, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!tenantRows)
        return tenantRows.error();
    if (tenantRows->isEmpty())
        return Error { Error::Code::NotFound, QStringLiteral("no tenant \"%1\" in this database").arg(tenant) };

    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        const QString group = Access::groupRole(role);
        if (!lockLogin(db, login))
            return Error { Error::Code::Database, QStringLiteral("could not lock %1's access").arg(login) };
        // One role per login: the others it holds directly go.
        auto held = groupsHeld(db, login);
        if (!held)
            return held.error();
        QSqlQuery query(db);
        // A role is the server's: changing it changes it in every tenant of the login's. An admin may do that only
        // when it is a member of all of them.
        if (!m_session.owner && !held->isEmpty() && !held->contains(group)) {
            if (!SqlValues::execWith(query,
                    QStringLiteral(
                        "SELECT snapscope_tenant_count(?) > (SELECT count(*) FROM tenant_members WHERE member "
                        "= ?)"),
                    { login, login })
                || !query.next())
                return m_sql.errorFrom(QStringLiteral("counting %1's tenants").arg(login), query);
            if (query.value(0).toBool())
                return Error { Error::Code::Forbidden,
                    QStringLiteral("%1 is %2 in tenants you are not a member of: its role is changed by the store's "
                                   "owner or an admin of all of them")
                        .arg(login, held->join(QStringLiteral(", "))) };
            query.finish();
        }
        for (const QString &other : std::as_const(*held)) {
            if (other != group
                && !query.exec(QStringLiteral("REVOKE %1 FROM %2").arg(other, SqlValues::quotedIdentifier(login))))
                return m_sql.errorFrom(QStringLiteral("taking %1 from %2").arg(other, login), query);
        }
        // An admin may make others admins in turn.
        if (!query.exec(QStringLiteral("GRANT %1 TO %2%3")
                            .arg(group, SqlValues::quotedIdentifier(login),
                                role == Access::Role::Admin ? QStringLiteral(" WITH ADMIN OPTION") : QString())))
            return m_sql.errorFrom(QStringLiteral("granting %1 to %2").arg(group, login), query);
        if (!SqlValues::execWith(query,
                QStringLiteral("INSERT INTO tenant_members (member, tenant_id) VALUES (?, ?) "
                               "ON CONFLICT (member, tenant_id) DO NOTHING"),
                { login, tenant }))
            return m_sql.errorFrom(QStringLiteral("making %1 a member of %2").arg(login, tenant), query);
        audit.tenant = tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("access.grant");
        audit.target = login;
        audit.details = { { QStringLiteral("role"), Access::roleName(role) } };
        return {};
    });
}

Result<QStringList> SqlAccess::groupsHeld(QSqlDatabase &db, const QString &login) const
{
    QSqlQuery query(db);
    if (!SqlValues::execWith(query,
            QStringLiteral("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                           "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ? AND g.rolname IN %1")
                .arg(GroupList),
            { login }))
        return m_sql.errorFrom(QStringLiteral("reading %1's roles").arg(login), query);
    QStringList held;
    while (query.next())
        held << query.value(0).toString();
    return held;
}

Status SqlAccess::revoke(const QString &login, const QString &tenant, const QString &actor)
{
    if (Status shared = sharedStoreOnly(); !shared)
        return shared;
    if (Status may = require(Access::Action::ManageAccess); !may)
        return may;
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        if (!lockLogin(db, login))
            return Error { Error::Code::Database, QStringLiteral("could not lock %1's access").arg(login) };
        QSqlQuery query(db);
        if (!SqlValues::execWith(query, QStringLiteral("DELETE FROM tenant_members WHERE member = ? AND tenant_id = ?"),
                { login, tenant }))
            return m_sql.errorFrom(QStringLiteral("taking %1 from %2").arg(tenant, login), query);
        if (query.numRowsAffected() == 0)
            return Error { Error::Code::NotFound,
                QStringLiteral("%1 is not a member of tenant \"%2\" here").arg(login, tenant) };
        // Its last tenant here: its role goes too. Counted past row-level security (snapscope_tenant_count): an admin
        // sees its own tenants' members only, and must not take the role of someone who has other tenants.
        if (!SqlValues::execWith(query, QStringLiteral("SELECT snapscope_tenant_count(?)"), { login }) || !query.next())
            return m_sql.errorFrom(QStringLiteral("counting %1's tenants").arg(login), query);
        const bool last = query.value(0).toInt() == 0;
        query.finish();
        QStringList taken;
        if (last) {
            auto held = groupsHeld(db, login);
            if (!held)
                return held.error();
            taken = *held;
            for (const QString &group : std::as_const(taken)) {
                if (!query.exec(QStringLiteral("REVOKE %1 FROM %2").arg(group, SqlValues::quotedIdentifier(login))))
                    return m_sql.errorFrom(QStringLiteral("taking %1 from %2").arg(group, login), query);
            }
        }
        audit.tenant = tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("access.revoke");
        audit.target = login;
        if (!taken.isEmpty())
            audit.details = { { QStringLiteral("roles_taken"), taken.join(u',') } };
        return {};
    });
}
