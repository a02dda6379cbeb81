#pragma once

#include <QString>

#include <pwd.h>
#include <unistd.h>

#include <vector>

// Who is acting, for the audit log: SNAPSCOPE_ACTOR when set (a service account, a shared console's login), else
// the operating-system user. Services and cron jobs often run without USER or LOGNAME, so the login name of the
// process's user id is what names them then.
namespace ActorIdentity {
inline QString loginName()
{
    std::vector<char> buffer(16384);
    passwd entry {};
    passwd *found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(getuid()); // a uid with no passwd entry (some containers) is still someone
}

inline QString current()
{
    for (const char *name : { "SNAPSCOPE_ACTOR", "USER", "USERNAME", "LOGNAME" }) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return loginName();
}
} // namespace ActorIdentity
