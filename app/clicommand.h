#pragma once

#include <QString>
#include <QStringList>

#include <utility>

#include "domain/access.h"

namespace SnapScopeCli {

class Cli;

// One command: its name, its line in --help, the options it takes besides the global ones, whether it takes
// arguments after its name, the member that runs it, and what it does in the roles' terms (a subcommand may do more:
// `trash purge` cleans up where `trash list` reads), checked when it opens the store. Each file of commands (snapshots,
// store, series, maintenance, history) has its table; adding a command is one entry there and its handler.
struct CliCommand
{
    QString name;
    QString summary;
    QStringList options;
    bool takesArguments = false;
    int (Cli::*run)(const QStringList &arguments) = nullptr;
    Access::Action action = Access::Action::Browse;
    QList<std::pair<QString, Access::Action>> subcommands = {};
};

} // namespace SnapScopeCli
