#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "store/connectionspec.h"

// What differs between SQLite and PostgreSQL; the rest of the SQL is shared.
class SqlDialect
{
public:
    explicit SqlDialect(ConnectionSpec::Backend backend)
        : m_backend(backend)
    {
    }

    ConnectionSpec::Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == ConnectionSpec::Backend::SQLite; }
    QString driverName() const;
    QString migrationsDirectory() const; // in the resources
    // Statements run on every new connection (SQLite pragmas, PostgreSQL session settings).
    QStringList sessionSetup() const;
    // The user tables of the database, to tell an empty database from somebody else's.
    QString listTablesSql() const;
    // A cast that makes a bound text value a JSON value of the column's type.
    QString jsonParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS jsonb)"); }
    QString uuidParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS uuid)"); }
    QString dateParameter() const { return isSqlite() ? QStringLiteral("?") : QStringLiteral("CAST(? AS date)"); }

private:
    ConnectionSpec::Backend m_backend;
};
