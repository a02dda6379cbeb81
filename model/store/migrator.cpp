#include "migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Error databaseError(const QString &what, const QSqlError &error)
{
    if (error.nativeErrorCode() == u"42501") // PostgreSQL's insufficient_privilege
        return Error { Error::Code::Database,
            what
                + QStringLiteral(": this role lacks the rights SnapScope needs on its tables (%1)")
                      .arg(error.databaseText().trimmed()) };
    return Error { Error::Code::Database, what + QStringLiteral(": ") + error.text() };
}

} // namespace

Migrator::Migrator(const SqlDialect &dialect)
    : m_dialect(dialect)
{ }

QList<Migrator::Migration> Migrator::migrations() const
{
    QList<Migration> result;
    const QDir dir(m_dialect.migrationsDirectory());
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    const QStringList files = dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        const QRegularExpressionMatch match = pattern.match(fileName);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        result.append({ match.captured(1).toInt(), match.captured(2), QString::fromUtf8(file.readAll()) });
    }
    return result;
}

int Migrator::latestVersion() const
{
    const QList<Migration> all = migrations();
    return all.isEmpty() ? 0 : all.constLast().version;
}

QStringList Migrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inDollarQuote = false;
    bool inTriggerBody = false;
    const QStringList lines = sql.split(u'\n');
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || (line.startsWith(QStringLiteral("--")) && current.isEmpty()))
            continue;
        current += rawLine + u'\n';
        if (line.count(QStringLiteral("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        if (!inDollarQuote && line.compare(QStringLiteral("BEGIN"), Qt::CaseInsensitive) == 0
            && current.startsWith(QStringLiteral("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTriggerBody = true;
        if (inTriggerBody) {
            if (line.compare(QStringLiteral("END;"), Qt::CaseInsensitive) == 0) {
                inTriggerBody = false;
                statements.append(current.trimmed());
                current.clear();
            }
            continue;
        }
        if (!inDollarQuote && line.endsWith(u';')) {
            QString statement = current.trimmed();
            statement.chop(1);
            statements.append(statement);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<int> Migrator::inspect(QSqlDatabase &db) const
{
    if (!m_dialect.isSqlite()) {
        // No schema on the search path this role may use: it would see an empty database and try to create one.
        QSqlQuery schema(db);
        if (schema.exec(QStringLiteral("SELECT current_schema()")) && schema.next() && schema.value(0).isNull())
            return Error { Error::Code::Database,
                QStringLiteral("this role lacks the rights SnapScope needs on its tables (no USAGE on any schema of "
                               "its search_path)") };
    }
    QSqlQuery tables(db);
    if (!tables.exec(m_dialect.listTablesSql()))
        return Error { Error::Code::NotSnapScope,
            QStringLiteral("cannot read the database: %1").arg(tables.lastError().text()) };
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    if (tables.lastError().isValid()) // a damaged schema page reads as "no tables" otherwise
        return Error { Error::Code::NotSnapScope,
            QStringLiteral("cannot read the database: %1").arg(tables.lastError().text()) };
    if (names.isEmpty())
        return 0;
    if (!names.contains(QStringLiteral("schema_migrations"))) {
        return Error { Error::Code::NotSnapScope,
            QStringLiteral("the database is not a SnapScope database (it has %1 other table(s), no schema_migrations)")
                .arg(names.size()) };
    }
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !version.next())
        return databaseError(QStringLiteral("reading schema_migrations"), version.lastError());
    const int current = version.value(0).toInt();
    const int latest = latestVersion();
    if (current > latest) {
        return Error { Error::Code::SchemaTooNew,
            QStringLiteral("the database has schema version %1, newer than this SnapScope supports (%2); "
                           "upgrade SnapScope to open it")
                .arg(current)
                .arg(latest) };
    }
    return current;
}

Result<int> Migrator::migrate(QSqlDatabase &db, int *before) const
{
    Result<int> inspected = inspect(db);
    if (!inspected)
        return inspected;
    int current = *inspected;
    if (before)
        *before = current;
    if (current == 0) {
        QSqlQuery create(db);
        const QString sql = QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                           "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        if (!create.exec(sql))
            return databaseError(QStringLiteral("creating schema_migrations"), create.lastError());
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        // One migrator at a time (eight `init` runs on a new file used to fail with "table tenants already exists"):
        // SQLite's write lock first, then the version read again under it. (On PostgreSQL the store holds an
        // advisory lock around the whole migration.)
        if (Status begun = m_dialect.beginWrite(db); !begun)
            return begun.error();
        QSqlQuery applied(db);
        if (!applied.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
            || !applied.next()) {
            const Error error
                = databaseError(QStringLiteral("starting migration %1").arg(migration.version), applied.lastError());
            applied.finish();
            db.rollback();
            return error;
        }
        const int inDatabase = applied.value(0).toInt();
        applied.finish();
        if (inDatabase >= migration.version) { // another process applied it while this one waited
            db.rollback();
            current = inDatabase;
            continue;
        }
        for (const QString &statement : splitStatements(migration.sql)) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                const Error error = databaseError(
                    QStringLiteral("migration %1 (%2) failed").arg(migration.version).arg(migration.name),
                    query.lastError());
                db.rollback();
                return error;
            }
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(migration.name);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!record.exec()) {
            const Error error
                = databaseError(QStringLiteral("recording migration %1").arg(migration.version), record.lastError());
            db.rollback();
            return error;
        }
        if (!db.commit())
            return databaseError(QStringLiteral("committing migration %1").arg(migration.version), db.lastError());
        current = migration.version;
    }
    return current;
}
