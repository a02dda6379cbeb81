#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "domain/error.h"
#include "store/sqldialect.h"

// Applies the dialect's SQL files under resources/migrations in order and records them in schema_migrations.
// Refuses a database that is not SnapScope's, or whose schema is newer than this program.
class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql;
    };

    explicit Migrator(const SqlDialect &dialect);

    QList<Migration> migrations() const;
    int latestVersion() const;
    // Returns the schema version the database has afterwards; `before`, when given, gets the one it had.
    Result<int> migrate(QSqlDatabase &db, int *before = nullptr) const;
    // Checks without writing: the version the database has, or the reason it cannot be used.
    Result<int> inspect(QSqlDatabase &db) const;

    // Splits a migration file into statements (aware of trigger bodies and $$-quoted functions).
    static QStringList splitStatements(const QString &sql);

private:
    const SqlDialect &m_dialect;
};
