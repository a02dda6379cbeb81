#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "domain/analytics.h"
#include "domain/error.h"
#include "store/connectionspec.h"

// What differs between SQLite and PostgreSQL; the rest of the SQL is shared.
class SqlDialect
{
public:
    explicit SqlDialect(ConnectionSpec::Backend backend)
        : m_backend(backend)
    { }

    ConnectionSpec::Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == ConnectionSpec::Backend::SQLite; }
    QString driverName() const;
    QString migrationsDirectory() const; // in the resources
    // Statements run on every new writing connection (SQLite pragmas); privateBulkLoad as in OpenOptions.
    QStringList sessionSetup(bool privateBulkLoad = false) const;
    // PostgreSQL's session settings, as libpq connection keywords for QSqlDatabase::setConnectOptions.
    QString startupOptions() const;
    // The user tables of the database, to tell an empty database from somebody else's.
    QString listTablesSql() const;
    // A cast that makes a bound text value a JSON value of the column's type.
    QString jsonParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS jsonb)"); }
    QString uuidParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS uuid)"); }
    // The first day of the day, week (Monday) or month a date column's value falls in, as a date.
    QString periodStart(const QString &column, Granularity granularity) const;
    QString dateParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS date)"); }

    // Rows per INSERT statement for bulk writes (bench_foundation, put of 40,000 snapshots). PostgreSQL: one row
    // 4,100/s, 8 rows 7,500/s, 16 rows 8,500-9,600/s, 64 rows 6,600/s (QPSQL's cost grows with the statement).
    // SQLite has no round trip to save: 1, 4 and 16 rows measured alike (25,000-30,600/s, within the noise), so it
    // keeps the simplest statement.
    int insertRowsPerStatement() const { return isSqlite() ? 1 : 16; }

    // Begins a write transaction. SQLite's plain BEGIN takes the write lock only at the first write, and a transaction
    // that read first then fails at once with "database is locked" if another process wrote meanwhile (no busy
    // wait is possible then); BEGIN IMMEDIATE takes the lock up front and waits its turn (two run-due processes).
    // An error says why (the lock another process holds past the wait, the server's refusal), never an empty text.
    Status beginWrite(QSqlDatabase &db) const;

    // How long SQLite waits for another writer's lock; PostgreSQL waits as long for a row or table lock
    // (lock_timeout), then the statement fails with a message instead of waiting forever.
    static constexpr int BusyTimeoutMs = 10000;

private:
    ConnectionSpec::Backend m_backend;
};
