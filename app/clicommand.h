#pragma once

#include <QString>
#include <QStringList>

namespace SnapScopeCli {

class Cli;

// One command: its name, its line in --help, the options it takes besides the global ones, whether it takes
// arguments after its name, and the member that runs it. Each file of commands (snapshots, store, series, maintenance,
// history) has its table; adding a command is one entry there and its handler.
struct CliCommand
{
    QString name;
    QString summary;
    QStringList options;
    bool takesArguments = false;
    int (Cli::*run)(const QStringList &arguments) = nullptr;
};

} // namespace SnapScopeCli
