#pragma once

#include <QSettings>

#include "domain/pii.h"

// The role this installation runs with: QSettings "privacy/role", shared by the console and the CLI. Read here, in the
// application, and passed down to the views and operations (the model never reads settings).
namespace RoleSetting {

inline Access::Role read()
{
    return Access::roleFromString(QSettings().value(QStringLiteral("privacy/role")).toString())
        .value_or(Access::DefaultRole);
}

inline void write(Access::Role role)
{
    QSettings().setValue(QStringLiteral("privacy/role"), Access::roleName(role));
}

} // namespace RoleSetting
