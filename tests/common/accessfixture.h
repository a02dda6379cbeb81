#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include "common/testsupport.h"

// A shared store as issue 26 sets one up, for the tests of roles: the test database made and filled by its owner
// (demo, tiny: tenants acme-th and lotus-sg), SnapScope's roles made by a DBA running `roles --sql` with psql, and
// five logins: an admin, an analyst and a support login of acme-th (the admin made by the owner, the others by the
// admin), a support login of lotus-sg, and one with no role.
namespace AccessFixture {

inline const QString Acme = QStringLiteral("acme-th");
inline const QString Lotus = QStringLiteral("lotus-sg");
inline const QString AdminLogin = QStringLiteral("snapscope_t26_admin");
inline const QString AnalystLogin = QStringLiteral("snapscope_t26_analyst");
inline const QString SupportLogin = QStringLiteral("snapscope_t26_support");
inline const QString OtherTenantLogin = QStringLiteral("snapscope_t26_lotus");
inline const QString NoRoleLogin = QStringLiteral("snapscope_t26_nobody");
inline const QStringList Logins { AdminLogin, AnalystLogin, SupportLogin, OtherTenantLogin, NoRoleLogin };

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
        process.readAllStandardError() };
}

inline Run cli(
    const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return run(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments, {}, environment);
}

// `--pg` naming the store as `login`.
inline QStringList as(const ConnectionSpec &store, const QString &login)
{
    return {
        QStringLiteral("--pg"),
        QStringLiteral("host=%1 port=%2 dbname=%3 user=%4").arg(store.host).arg(store.port).arg(store.database, login)
    };
}

// SNAPSCOPE_TEST_PG_DBA: a superuser's libpq keywords (bootstrap.sh test sets them).
inline std::optional<ConnectionSpec> dbaSpec()
{
    const QString text = qEnvironmentVariable("SNAPSCOPE_TEST_PG_DBA");
    if (text.isEmpty())
        return std::nullopt;
    auto spec = ConnectionSpec::fromPgKeywords(text);
    return spec ? std::optional<ConnectionSpec>(*spec) : std::nullopt;
}

// One statement as the DBA, in the store's database; the error's text, or empty.
inline QString dba(const ConnectionSpec &store, const ConnectionSpec &dbaLogin, const QString &sql)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("access-dba"));
        db.setHostName(dbaLogin.host);
        db.setPort(dbaLogin.port);
        db.setDatabaseName(store.database);
        db.setUserName(dbaLogin.user);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("access-dba"));
    return error;
}

// psql as the DBA, reading `script` from its standard input, stopping at the first error.
inline Run psql(const ConnectionSpec &store, const ConnectionSpec &dbaLogin, const QByteArray &script)
{
    return run(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-h"), dbaLogin.host, QStringLiteral("-p"), QString::number(dbaLogin.port),
            QStringLiteral("-U"), dbaLogin.user, QStringLiteral("-d"), store.database, QStringLiteral("-f"),
            QStringLiteral("-") },
        script);
}

// Sets the store up as above; what went wrong, or empty. `initRun` gets the owner's init.
inline QString prepare(const ConnectionSpec &store, const ConnectionSpec &dbaLogin, Run *initRun = nullptr)
{
    QString error;
    if (!TestSupport::resetPostgres(store, &error))
        return error;
    const QStringList owner = TestSupport::cliConnection(store);
    const Run init = cli(QStringList { QStringLiteral("init") } + owner);
    if (initRun)
        *initRun = init;
    if (init.exitCode != 0)
        return QStringLiteral("init: ") + QString::fromUtf8(init.err);
    const Run demo = cli(QStringList { QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("tiny"),
                             QStringLiteral("--until"), QStringLiteral("2026-11-30"), QStringLiteral("--quiet") }
        + owner);
    if (demo.exitCode != 0)
        return QStringLiteral("demo: ") + QString::fromUtf8(demo.err);
    const Run script = cli({ QStringLiteral("roles"), QStringLiteral("--sql") });
    if (script.exitCode != 0 || script.out.isEmpty())
        return QStringLiteral("roles --sql: ") + QString::fromUtf8(script.err);
    if (const Run applied = psql(store, dbaLogin, script.out); applied.exitCode != 0)
        return QStringLiteral("psql: ") + QString::fromUtf8(applied.err);
    for (const QString &login : Logins) {
        error = dba(store, dbaLogin,
            QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN "
                           "CREATE ROLE %1 LOGIN; END IF; END $$")
                .arg(login));
        // What an earlier run left: memberships are the server's, not the database's.
        if (error.isEmpty())
            error = dba(store, dbaLogin,
                QStringLiteral("REVOKE snapscope_admin, snapscope_analyst, snapscope_support FROM %1").arg(login));
        if (!error.isEmpty())
            return error;
    }
    const auto grant = [&](const QStringList &by, const QString &login, const QString &role, const QString &tenant) {
        const Run granted = cli(QStringList { QStringLiteral("access"), QStringLiteral("grant"), login,
                                    QStringLiteral("--role"), role, QStringLiteral("--tenant"), tenant }
            + by);
        return granted.exitCode == 0 ? QString()
                                     : QStringLiteral("granting %1: %2").arg(login, QString::fromUtf8(granted.err));
    };
    // The owner makes the first admin; the admin makes the others.
    for (const QString &failed : { grant(owner, AdminLogin, QStringLiteral("admin"), Acme),
             grant(as(store, AdminLogin), AnalystLogin, QStringLiteral("analyst"), Acme),
             grant(as(store, AdminLogin), SupportLogin, QStringLiteral("support"), Acme),
             grant(owner, OtherTenantLogin, QStringLiteral("support"), Lotus) }) {
        if (!failed.isEmpty())
            return failed;
    }
    return {};
}

// Takes the test logins' roles away again.
inline void release(const ConnectionSpec &store, const ConnectionSpec &dbaLogin)
{
    for (const QString &login : Logins)
        dba(store, dbaLogin,
            QStringLiteral("REVOKE snapscope_admin, snapscope_analyst, snapscope_support FROM %1").arg(login));
}

} // namespace AccessFixture

// The test server and its DBA login, or a skip (a failure when bootstrap.sh test required them).
#define SNAPSCOPE_REQUIRE_ACCESS_SERVER(specOut, dbaOut)                                                               \
    do {                                                                                                               \
        const auto requiredSpec = TestSupport::postgresSpec();                                                         \
        const auto requiredDba = AccessFixture::dbaSpec();                                                             \
        if (!requiredSpec || !requiredDba) {                                                                           \
            if (TestSupport::postgresRequired())                                                                       \
                QFAIL("SNAPSCOPE_TEST_PG and SNAPSCOPE_TEST_PG_DBA are needed (bootstrap.sh test sets them)");         \
            QSKIP("SKIP: no PostgreSQL with a DBA login configured (bootstrap.sh test sets SNAPSCOPE_TEST_PG_DBA)");   \
        }                                                                                                              \
        (specOut) = *requiredSpec;                                                                                     \
        (dbaOut) = *requiredDba;                                                                                       \
    } while (false)
