#pragma once

#include "store/accessstore.h"
#include "store/sqlconnections.h"

// AccessStore over the SQL store's connections: PostgreSQL's roles, pg_auth_members and tenant_members.
class SqlAccess final : public AccessStore
{
public:
    explicit SqlAccess(SqlConnections &sql)
        : m_sql(sql)
    { }

    // Reads who the session is when the store opens; a PostgreSQL login with no SnapScope role is refused.
    Status load();
    // Opening was refused (no rights on the schema): the reason, when it is that the login has no SnapScope role.
    Status explainRefusal(const Error &refused);

    const SessionAccess &session() const override { return m_session; }
    Result<bool> rolesExist() override;
    Result<bool> mayCreateRoles() override;
    Status setUpRoles() override;
    Result<QList<AccessGrant>> grants() override;
    Status grant(const QString &login, Access::Role role, const QString &tenant, const QString &actor) override;
    Status revoke(const QString &login, const QString &tenant, const QString &actor) override;

private:
    static Error noRole(const QString &login);
    Status sharedStoreOnly() const;
    // The SnapScope groups `login` is a direct member of.
    Result<QStringList> groupsHeld(QSqlDatabase &db, const QString &login) const;

    SqlConnections &m_sql;
    SessionAccess m_session;
};
