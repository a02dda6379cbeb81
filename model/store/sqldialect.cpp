#include "sqldialect.h"

#include <QSqlError>
#include <QSqlQuery>

QString SqlDialect::driverName() const
{
    return isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString SqlDialect::migrationsDirectory() const
{
    return isSqlite() ? QStringLiteral(":/migrations/sqlite") : QStringLiteral(":/migrations/postgresql");
}

QStringList SqlDialect::sessionSetup(bool privateBulkLoad) const
{
    if (isSqlite()) {
        return {
            privateBulkLoad ? QStringLiteral("PRAGMA journal_mode=MEMORY") : QStringLiteral("PRAGMA journal_mode=WAL"),
            privateBulkLoad ? QStringLiteral("PRAGMA synchronous=OFF") : QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA temp_store=MEMORY"),
            // A bulk load gets a large page cache and memory-mapped reads; a session that browses keeps its footprint
            // small: a mapped file counts in the process's resident set as pages are touched, so scrolling a
            // 1.5 GB store would grow the console by what it read.
            privateBulkLoad ? QStringLiteral("PRAGMA cache_size=-131072") : QStringLiteral("PRAGMA cache_size=-16384"),
            privateBulkLoad ? QStringLiteral("PRAGMA mmap_size=1073741824") : QStringLiteral("PRAGMA mmap_size=0"),
            // Checkpoint every 32 MiB instead of 4 MiB: pages rewritten by consecutive transactions (index tails) are
            // copied into the database once, not once per transaction.
            QStringLiteral("PRAGMA wal_autocheckpoint=8192"),
        };
    }
    return {}; // PostgreSQL: startupOptions()
}

QString SqlDialect::startupOptions() const
{
    // Given at connection start, so that they hold for read-only connections too and from the first statement on.
    // Errors come back with the statement that failed; a server's warnings and notices would go to stderr through
    // libpq, beside the CLI's one line (a server stopped mid-command says "terminating connection due to immediate
    // shutdown command").
    return QStringLiteral("application_name=snapscope;options='-c client_min_messages=error -c lock_timeout=%1'")
        .arg(BusyTimeoutMs);
}

QString SqlDialect::listTablesSql() const
{
    if (isSqlite())
        return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    // pg_tables lists every table; information_schema only those the role has rights on, so a role without them saw
    // an empty database and tried to create the schema ("relation tenants already exists").
    return QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
}

QString SqlDialect::periodStart(const QString &column, Granularity granularity) const
{
    switch (granularity) {
    case Granularity::Day:
        return column;
    case Granularity::Week:
        return isSqlite()
            ? QStringLiteral("date(%1, '-' || ((CAST(strftime('%w', %1) AS INTEGER) + 6) % 7) || ' days')").arg(column)
            : QStringLiteral("CAST(date_trunc('week', %1) AS date)").arg(column);
    case Granularity::Month:
        return isSqlite() ? QStringLiteral("strftime('%Y-%m-01', %1)").arg(column)
                          : QStringLiteral("CAST(date_trunc('month', %1) AS date)").arg(column);
    }
    return column;
}

Status SqlDialect::beginWrite(QSqlDatabase &db) const
{
    QSqlError error;
    if (!isSqlite()) {
        if (db.transaction())
            return {};
        error = db.lastError();
    } else {
        QSqlQuery query(db); // its error is the one to report: the connection's own says nothing
        if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return {};
        error = query.lastError();
    }
    const QString text = error.text().trimmed();
    // SQLITE_BUSY after the busy timeout; Qt 6.4 reports extended codes (BUSY_RECOVERY 261, BUSY_TIMEOUT 773).
    if (isSqlite() && (error.nativeErrorCode().toInt() & 0xff) == 5)
        return Error { Error::Code::Database,
            QStringLiteral("starting a transaction: another connection has been writing to this database for over %1 s "
                           "(a cleanup, an import or a schedule run); try again when it is done")
                .arg(BusyTimeoutMs / 1000) };
    if (isSqlite() && (error.nativeErrorCode().toInt() & 0xff) == 8)
        return Error { Error::Code::Io,
            QStringLiteral("the database is read-only here (its file or folder is not writable): nothing can be "
                           "changed in it") };
    return Error { Error::Code::Database,
        QStringLiteral("starting a transaction: %1").arg(text.isEmpty() ? QStringLiteral("no reason given") : text) };
}
