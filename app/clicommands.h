#pragma once

#include <QStringList>

// snapscope-cli: the use cases an admin scripts or cron runs (DESIGN §9).
// Exit codes: 0 success, 1 failure, 2 bad usage, 3 integrity problem found, 4 cancelled.
namespace CliExit {
constexpr int Ok = 0;
constexpr int Failure = 1;
constexpr int Usage = 2;
constexpr int Integrity = 3;
constexpr int Cancelled = 4;
constexpr int Rejected = 5; // ingest --skip-bad: the good records were committed, some were rejected
} // namespace CliExit

int runCli(const QStringList &arguments);
