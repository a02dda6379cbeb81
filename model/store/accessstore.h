#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/access.h"
#include "domain/error.h"

// The login a store was opened with and the role it holds, learnt from the server when the store opens.
struct SessionAccess
{
    QString login;
    Access::Role role = Access::Role::Admin;
    bool owner = true; // owns SnapScope's tables (or is a superuser): the role and tenants do not limit it
    bool enforced = false; // the server enforces roles and tenants (PostgreSQL); a SQLite file is its owner's alone
};

// A login with a SnapScope role or a tenant on this store.
struct AccessGrant
{
    QString login;
    std::optional<Access::Role> role; // none: a tenant's member whose group role was taken away
    QStringList tenants;
};

// Roles and tenant membership on a shared PostgreSQL store (issue 26). On SQLite every call but session() is refused:
// a local file has one user. Same threading rule as SnapshotStore.
class AccessStore
{
public:
    virtual ~AccessStore() = default;

    virtual const SessionAccess &session() const = 0;
    // Refuses an action the session's role may not take, naming the role it needs.
    Status require(Access::Action action) const
    {
        if (Access::allows(session().role, action))
            return {};
        return Error { Error::Code::Forbidden, Access::refusal(session().role, action) };
    }

    // Whether the three group roles exist on the server, and whether this login may create them (a superuser, or a
    // login with CREATEROLE).
    virtual Result<bool> rolesExist() = 0;
    virtual Result<bool> mayCreateRoles() = 0;
    // Runs rolesScript() in one transaction.
    virtual Status setUpRoles() = 0;

    // Every login with a SnapScope role or a tenant here, by name.
    virtual Result<QList<AccessGrant>> grants() = 0;
    // Makes `login` a member of the role's group (and of no other SnapScope group) and of the tenant; audited.
    virtual Status grant(const QString &login, Access::Role role, const QString &tenant, const QString &actor) = 0;
    // Takes the tenant away; with its last tenant, the group role too. Audited.
    virtual Status revoke(const QString &login, const QString &tenant, const QString &actor) = 0;

    // The DBA's script: the group roles and their grants (resources/access/roles.sql).
    static QString rolesScript();
};
