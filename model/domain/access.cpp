#include "access.h"

#include <QStringList>

namespace Access {

std::optional<Role> roleFromString(const QString &text)
{
    if (text == u"support")
        return Role::Support;
    if (text == u"analyst")
        return Role::Analyst;
    if (text == u"admin")
        return Role::Admin;
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Support:
        return QStringLiteral("support");
    case Role::Analyst:
        return QStringLiteral("analyst");
    case Role::Admin:
        break;
    }
    return QStringLiteral("admin");
}

QString groupRole(Role role)
{
    return QStringLiteral("snapscope_") + roleName(role);
}

bool allows(Role role, Action action)
{
    switch (action) {
    case Action::Browse:
    case Action::Compare:
        return true;
    case Action::Charts:
        return role != Role::Support;
    case Action::Cases:
    case Action::LegalHold:
    case Action::RevealPersonal:
        return role != Role::Analyst;
    case Action::TakeSnapshot:
    case Action::Cleanup:
    case Action::Schedules:
    case Action::Sources:
    case Action::Kinds:
    case Action::Ingest:
    case Action::ManageAccess:
        break;
    }
    return role == Role::Admin;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Browse:
        return QStringLiteral("read snapshots");
    case Action::Compare:
        return QStringLiteral("compare snapshots");
    case Action::Charts:
        return QStringLiteral("read charts and reports");
    case Action::Cases:
        return QStringLiteral("open dispute cases");
    case Action::LegalHold:
        return QStringLiteral("place or release a legal hold");
    case Action::RevealPersonal:
        return QStringLiteral("reveal personal data");
    case Action::TakeSnapshot:
        return QStringLiteral("take snapshots");
    case Action::Cleanup:
        return QStringLiteral("clean up, restore or purge snapshots");
    case Action::Schedules:
        return QStringLiteral("manage schedules");
    case Action::Sources:
        return QStringLiteral("manage live sources");
    case Action::Kinds:
        return QStringLiteral("manage kinds and dictionaries");
    case Action::Ingest:
        return QStringLiteral("ingest or import snapshots");
    case Action::ManageAccess:
        break;
    }
    return QStringLiteral("manage access");
}

QList<Role> rolesAllowed(Action action)
{
    QList<Role> allowed;
    for (Role role : { Role::Admin, Role::Support, Role::Analyst }) {
        if (allows(role, action))
            allowed << role;
    }
    return allowed;
}

QString refusal(Role role, Action action)
{
    QStringList allowed;
    for (Role other : rolesAllowed(action))
        allowed << roleName(other);
    return QStringLiteral("the %1 role may not %2: it needs the %3 role")
        .arg(roleName(role), actionName(action), allowed.join(QStringLiteral(" or ")));
}

} // namespace Access
