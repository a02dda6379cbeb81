#pragma once

#include <QCoreApplication>

// One place for the names QSettings and QStandardPaths derive folders from, shared by the GUI and the CLI.
inline void setSnapScopeIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SnapScope"));
    QCoreApplication::setApplicationName(QStringLiteral("snapscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SNAPSCOPE_VERSION));
}
