#pragma once

#include <QString>

#include "domain/error.h"

// Where a store lives: an SQLite file or a PostgreSQL database. Never carries a password into settings.
struct ConnectionSpec
{
    enum class Backend { SQLite, PostgreSQL };

    Backend backend = Backend::SQLite;
    QString sqlitePath;
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString password; // from SNAPSCOPE_PGPASSWORD or a dialog; empty lets libpq read ~/.pgpass
    QString sslmode;
    int connectTimeoutSeconds = 5;

    static ConnectionSpec sqlite(const QString &path);
    // The demo database in the user's data folder (~/.local/share/SnapScope/snapscope/demo.sqlite).
    static QString defaultSqlitePath();
    // Parses libpq keywords ("host=… port=… dbname=… user=… sslmode=…"); `option` names them in messages. A password
    // keyword is refused: passwords come from SNAPSCOPE_PGPASSWORD or ~/.pgpass, never from a command line that other
    // users can read.
    static Result<ConnectionSpec> fromPgKeywords(const QString &text, const QString &option = QStringLiteral("--pg"));

    QString displayName() const; // "SQLite /path" or "PostgreSQL user@host:port/db"
    QString backendName() const;
};
