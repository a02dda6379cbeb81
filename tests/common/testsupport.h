#pragma once

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>

#include <cstdio>
#include <optional>

#include "store/connectionspec.h"

// What every SnapScope test needs to find: the shared conformance data and the test PostgreSQL server.
namespace TestSupport {

inline QString sharedDataDir()
{
    return QStringLiteral(SNAPSCOPE_SHARED_DATA_DIR);
}

// SNAPSCOPE_TEST_PG holds libpq keywords for a throwaway server (bootstrap.sh test starts one).
inline std::optional<ConnectionSpec> postgresSpec()
{
    const QString text = qEnvironmentVariable("SNAPSCOPE_TEST_PG");
    if (text.isEmpty())
        return std::nullopt;
    auto spec = ConnectionSpec::fromPgKeywords(text);
    if (!spec)
        qFatal("SNAPSCOPE_TEST_PG is malformed: %s", qPrintable(spec.error().message));
    return *spec;
}

// bootstrap.sh test sets SNAPSCOPE_REQUIRE_PG=1: a missing server is then a failure, never a skip.
inline bool postgresRequired()
{
    return qEnvironmentVariableIntValue("SNAPSCOPE_REQUIRE_PG") == 1;
}

// Empties the test database: every test starts from a database with no tables.
inline bool resetPostgres(const ConnectionSpec &spec, QString *error)
{
    const QString name = QStringLiteral("snapscope-test-reset");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.database);
        db.setUserName(spec.user);
        db.setPassword(spec.password);
        if (!db.open()) {
            *error = db.lastError().text();
            ok = false;
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
                || !query.exec(QStringLiteral("CREATE SCHEMA public"))) {
                *error = query.lastError().text();
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// A second, direct connection to a test database, for checking or damaging rows behind the store's back.
class SideConnection
{
public:
    explicit SideConnection(const ConnectionSpec &spec)
        : m_name(QStringLiteral("side-%1").arg(quintptr(this)))
    {
        const bool postgres = spec.backend == ConnectionSpec::Backend::PostgreSQL;
        QSqlDatabase db
            = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (postgres) {
            db.setHostName(spec.host);
            db.setPort(spec.port);
            db.setDatabaseName(spec.database);
            db.setUserName(spec.user);
            db.setPassword(spec.password);
        } else {
            db.setDatabaseName(spec.sqlitePath);
        }
        m_open = db.open();
        m_uuid = postgres ? QStringLiteral("CAST(? AS uuid)") : QStringLiteral("?");
    }
    ~SideConnection() { QSqlDatabase::removeDatabase(m_name); }
    SideConnection(const SideConnection &) = delete;
    SideConnection &operator=(const SideConnection &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // "... WHERE id = " + uuid(): a placeholder for a snapshot id on either backend.
    const QString &uuid() const { return m_uuid; }

private:
    QString m_name;
    QString m_uuid;
    bool m_open = false;
};

// The CLI's arguments naming the store of `spec` (the test server's libpq keywords for PostgreSQL).
inline QStringList cliConnection(const ConnectionSpec &spec)
{
    if (spec.backend == ConnectionSpec::Backend::SQLite)
        return { QStringLiteral("--db"), spec.sqlitePath };
    QString keywords = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
                           .arg(spec.host)
                           .arg(spec.port)
                           .arg(spec.database, spec.user);
    if (!spec.sslmode.isEmpty())
        keywords += QStringLiteral(" sslmode=") + spec.sslmode;
    return { QStringLiteral("--pg"), keywords }; // the password, if any, goes by SNAPSCOPE_PGPASSWORD
}

// One number from the database, read by a side connection; a query that fails is a broken test and ends it.
inline qint64 scalar(const ConnectionSpec &spec, const QString &sql)
{
    SideConnection side(spec);
    QSqlQuery query(side.db());
    if (!query.exec(sql) || !query.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.value(0).toLongLong();
}

} // namespace TestSupport

// For an executable whose every case needs PostgreSQL: exit 77 (CTest's skip) when none is configured and none is
// required, before any case runs, so CTest reports the skip instead of a pass.
#define SNAPSCOPE_POSTGRES_TEST_MAIN(TestClass, needsPostgres)                                                         \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        if ((needsPostgres) && !TestSupport::postgresSpec() && !TestSupport::postgresRequired()) {                     \
            std::printf(                                                                                               \
                "SKIP: no PostgreSQL configured (set SNAPSCOPE_TEST_PG, or run packaging/bootstrap.sh test)\n");       \
            return 77;                                                                                                 \
        }                                                                                                              \
        TestClass test;                                                                                                \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }

// Skips (visibly) or fails, as DEVELOPERS.md asks, when no PostgreSQL is configured.
#define SNAPSCOPE_REQUIRE_POSTGRES(specVar)                                                                            \
    const std::optional<ConnectionSpec> specVar = TestSupport::postgresSpec();                                         \
    if (!specVar) {                                                                                                    \
        if (TestSupport::postgresRequired())                                                                           \
            QFAIL("SNAPSCOPE_REQUIRE_PG=1 but SNAPSCOPE_TEST_PG is not set");                                          \
        QSKIP("SKIP: no PostgreSQL configured (set SNAPSCOPE_TEST_PG, or run packaging/bootstrap.sh test)");           \
    }

// The store a contract test runs on: PostgreSQL (emptied) when SNAPSCOPE_TEST_BACKEND=postgres, else a new SQLite file
// in dirVar (a std::unique_ptr<QTemporaryDir>). Skips or fails as SNAPSCOPE_REQUIRE_POSTGRES does.
#define SNAPSCOPE_CHOOSE_BACKEND(specOut, dirVar, fileName)                                                            \
    do {                                                                                                               \
        if (qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres") {                                           \
            SNAPSCOPE_REQUIRE_POSTGRES(chosenPg);                                                                      \
            QString resetError;                                                                                        \
            QVERIFY2(TestSupport::resetPostgres(*chosenPg, &resetError), qPrintable(resetError));                      \
            (specOut) = *chosenPg;                                                                                     \
        } else {                                                                                                       \
            (dirVar) = std::make_unique<QTemporaryDir>();                                                              \
            (specOut) = ConnectionSpec::sqlite((dirVar)->filePath(QStringLiteral(fileName)));                          \
        }                                                                                                              \
    } while (false)
