#pragma once

#include <QString>

// Who is acting, for the audit log: SNAPSCOPE_ACTOR when set (a service account, a shared console's login), else
// the operating-system user.
namespace ActorIdentity {
inline QString current()
{
    for (const char *name : { "SNAPSCOPE_ACTOR", "USER", "USERNAME", "LOGNAME" }) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}
} // namespace ActorIdentity
