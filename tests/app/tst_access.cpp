// Who may do what on a shared PostgreSQL store (issue 26): three logins, one per group role, and a fourth in another
// tenant try every action through the CLI and the same through plain SQL; the server's answer must be the table's.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "common/accessfixture.h"
#include "common/testsupport.h"
#include "domain/pii.h"
#include "ops/demogenerator.h"
#include "ops/snapshotcompactor.h"
#include "ops/verification.h"
#include "store/snapshotstore.h"

namespace {

using namespace AccessFixture;

// A plain connection as someone: psql's view of the store.
class Plain
{
public:
    Plain(const ConnectionSpec &spec, const QString &user)
        : m_name(QStringLiteral("plain-") + user)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.database);
        db.setUserName(user);
        m_open = db.open();
    }
    ~Plain() { QSqlDatabase::removeDatabase(m_name); }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Runs sql in a transaction rolled back afterwards: "ok", "denied" (insufficient_privilege or a row-level
    // security refusal), or the error's text.
    QString attempt(const QString &sql) const
    {
        QSqlDatabase database = db();
        database.transaction();
        QSqlQuery query(database);
        const bool ok = query.exec(sql);
        const QString code = query.lastError().nativeErrorCode();
        const QString text = query.lastError().text();
        query.finish();
        database.rollback();
        if (ok)
            return QStringLiteral("ok");
        return code == u"42501" ? QStringLiteral("denied") : text;
    }
    QStringList column(const QString &sql) const
    {
        QStringList values;
        QSqlQuery query(db());
        if (!query.exec(sql))
            return { QStringLiteral("error: ") + query.lastError().text() };
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }
    qint64 scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private:
    QString m_name;
    bool m_open = false;
};

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rolesAtConnect();
    void cliMatrix_data();
    void cliMatrix();
    void sqlMatrix_data();
    void sqlMatrix();
    void tenantsApart();
    void auditLogAppendOnly();
    void accessManagement();
    void personalDataMaskedInOutput();
    void personalFieldsOutOfReach();
    void revealIsAudited();
    void sealCoversTheStoredForm();
    void conversionKeepsChecksums();

private:
    Run cli(const QString &login, QStringList arguments) const
    {
        // Whoever the client claims to be, the audit log names the login.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SNAPSCOPE_ACTOR"), QStringLiteral("someone-else"));
        return AccessFixture::cli(arguments << as(m_spec, login), environment);
    }
    bool dba(const QString &sql, QString *error = nullptr) const
    {
        const QString failed = AccessFixture::dba(m_spec, m_dbaSpec, sql);
        if (error)
            *error = failed;
        return failed.isEmpty();
    }

    ConnectionSpec m_spec;
    ConnectionSpec m_dbaSpec;
    QTemporaryDir m_dir;
    QString m_order; // an order of acme-th with a chat
    QString m_older, m_newer; // two versions of one acme-th entity
    QString m_kindFile, m_ingestFile;
};

void TestAccess::initTestCase()
{
    SNAPSCOPE_REQUIRE_ACCESS_SERVER(m_spec, m_dbaSpec);
    QVERIFY(m_dir.isValid());
    Run init;
    const QString failed = AccessFixture::prepare(m_spec, m_dbaSpec, &init);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // The owner may not create roles (bootstrap's owner may not): init said who must, unless they were there already.
    if (!init.err.isEmpty())
        QVERIFY2(init.err.contains("a DBA makes SnapScope's roles once with snapscope-cli roles --sql"),
            init.err.constData());
    // The DBA's script again changes nothing and fails nothing.
    const Run script = AccessFixture::cli({ QStringLiteral("roles"), QStringLiteral("--sql") });
    const Run again = AccessFixture::psql(m_spec, m_dbaSpec, script.out);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QStringList owner = TestSupport::cliConnection(m_spec);

    // What the rows of the matrix act on.
    const Run orders = AccessFixture::cli(
        QStringList { QStringLiteral("list"), QStringLiteral("--tenant"), Acme, QStringLiteral("--kind"),
            QStringLiteral("order"), QStringLiteral("--type"), QStringLiteral("completed"), QStringLiteral("--json"),
            QStringLiteral("--limit"), QStringLiteral("1") }
        + owner);
    QVERIFY2(orders.exitCode == 0, orders.err.constData());
    m_order = QJsonDocument::fromJson(orders.out.trimmed()).object().value(u"entity").toString();
    QVERIFY(!m_order.isEmpty());
    const Run versions = AccessFixture::cli(
        QStringList { QStringLiteral("list"), QStringLiteral("--tenant"), Acme, QStringLiteral("--kind"),
            QStringLiteral("order"), QStringLiteral("--entity"), m_order, QStringLiteral("--json") }
        + owner);
    const QList<QByteArray> lines = versions.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    m_newer = QJsonDocument::fromJson(lines.at(0)).object().value(u"id").toString();
    m_older = QJsonDocument::fromJson(lines.at(1)).object().value(u"id").toString();

    m_kindFile = m_dir.filePath(QStringLiteral("invoice.json"));
    QFile kind(m_kindFile);
    QVERIFY(kind.open(QIODevice::WriteOnly));
    kind.write(R"({"kind":"invoice","name":"Invoices","types":["issued"],"summary":["amount"],
        "shapes":[{"name":"erp_invoice","requires":["/invoice_no"],"entity":"/invoice_no","time":"/issued_at",
        "fields":{"amount":"/amount"}}]})");
    kind.close();
    m_ingestFile = m_dir.filePath(QStringLiteral("stock.jsonl"));
    QFile ingest(m_ingestFile);
    QVERIFY(ingest.open(QIODevice::WriteOnly));
    ingest.write(R"({"_id":"64b7f0c2a1b2c3d4e5f60726","tenant_id":"acme-th","store_code":"S026","snapshot_id":)"
                 R"("2c9a6f0e-5b7d-4a51-9d3e-0f1e2d3c4b26","total_items":1,"total_quantity":7,"stocks":[{"item_code":)"
                 R"("A","quantity":7}],"generate_date_time":"2026-11-03T00:00:00Z","created_by":"system",)"
                 R"("created_at":"2026-11-03T00:00:00Z"})"
                 "\n");
}

void TestAccess::cleanupTestCase()
{
    if (!m_dbaSpec.host.isEmpty())
        AccessFixture::release(m_spec, m_dbaSpec);
}

void TestAccess::rolesAtConnect()
{
    const struct
    {
        QString login;
        QByteArray said;
    } expected[] = { { AdminLogin, "admin: login snapscope_t26_admin is a member of snapscope_admin" },
        { AnalystLogin, "analyst: login snapscope_t26_analyst is a member of snapscope_analyst" },
        { SupportLogin, "support: login snapscope_t26_support is a member of snapscope_support" } };
    for (const auto &e : expected) {
        const Run roles = cli(e.login, { QStringLiteral("roles") });
        QVERIFY2(roles.exitCode == 0, roles.err.constData());
        QCOMPARE(roles.out.trimmed(), e.said);
    }
    const Run owner = AccessFixture::cli(QStringList { QStringLiteral("roles") } + TestSupport::cliConnection(m_spec));
    QVERIFY2(owner.out.contains("owns SnapScope's tables"), owner.out.constData());
    // A login with no SnapScope role is told what to ask for, in one line.
    const Run nobody = cli(NoRoleLogin, { QStringLiteral("list"), QStringLiteral("--tenant"), Acme });
    QCOMPARE(nobody.exitCode, 1);
    QVERIFY2(nobody.err.trimmed().split('\n').size() == 1 && nobody.err.contains("has no SnapScope role")
            && nobody.err.contains("access grant snapscope_t26_nobody"),
        nobody.err.constData());
}

// Each action through the CLI, as each role; the expected answers are the issue's table, written out here.
void TestAccess::cliMatrix_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("admin");
    QTest::addColumn<bool>("analyst");
    QTest::addColumn<bool>("support");
    const auto t = [](QStringList a) { return a << QStringLiteral("--tenant") << Acme; };
    QTest::newRow("browse") << t({ QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3") }) << true
                            << true << true;
    QTest::newRow("compare") << QStringList { QStringLiteral("diff"), QStringLiteral("OLDER"), QStringLiteral("NEWER") }
                             << true << true << true;
    QTest::newRow("charts") << t({ QStringLiteral("series"), QStringLiteral("chat"), QStringLiteral("--from"),
        QStringLiteral("2026-11-01"), QStringLiteral("--to"), QStringLiteral("2026-11-30") })
                            << true << true << false;
    QTest::newRow("reports") << t({ QStringLiteral("report"), QStringLiteral("inventory-monthly"),
        QStringLiteral("--month"), QStringLiteral("2026-11") })
                             << true << true << false;
    QTest::newRow("case") << t({ QStringLiteral("case"), QStringLiteral("ORDER"), QStringLiteral("--json") }) << true
                          << false << true;
    QTest::newRow("legal hold") << t(
        { QStringLiteral("case"), QStringLiteral("ORDER"), QStringLiteral("--hold"), QStringLiteral("dispute 26") })
                                << true << false << true;
    QTest::newRow("cleanup plan") << t(
        { QStringLiteral("cleanup"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--dry-run") })
                                  << true << false << false;
    QTest::newRow("trash purge") << t({ QStringLiteral("trash"), QStringLiteral("purge") }) << true << false << false;
    QTest::newRow("schedules") << t({ QStringLiteral("schedule"), QStringLiteral("list") }) << true << false << false;
    QTest::newRow("sources") << t({ QStringLiteral("source"), QStringLiteral("list") }) << true << false << false;
    QTest::newRow("kinds") << QStringList { QStringLiteral("kind"), QStringLiteral("import"), QStringLiteral("KIND") }
                           << true << false << false;
    QTest::newRow("ingest") << t({ QStringLiteral("ingest"), QStringLiteral("INGEST") }) << true << false << false;
    QTest::newRow("access") << QStringList { QStringLiteral("access"), QStringLiteral("list") } << true << false
                            << false;
}

void TestAccess::cliMatrix()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, admin);
    QFETCH(bool, analyst);
    QFETCH(bool, support);
    arguments.replaceInStrings(QStringLiteral("OLDER"), m_older);
    arguments.replaceInStrings(QStringLiteral("NEWER"), m_newer);
    arguments.replaceInStrings(QStringLiteral("ORDER"), m_order);
    arguments.replaceInStrings(QStringLiteral("KIND"), m_kindFile);
    arguments.replaceInStrings(QStringLiteral("INGEST"), m_ingestFile);
    // The less privileged first: a refused attempt must change nothing the admin's run then finds.
    for (const auto &[login, allowed] :
        { std::pair { SupportLogin, support }, std::pair { AnalystLogin, analyst }, std::pair { AdminLogin, admin } }) {
        const Run r = cli(login, arguments);
        const QByteArray context = login.toUtf8() + ": " + r.err;
        if (allowed) {
            QVERIFY2(r.exitCode == 0, context.constData());
        } else {
            QVERIFY2(r.exitCode != 0, context.constData());
            QVERIFY2(r.err.trimmed().split('\n').size() == 1, context.constData());
            QVERIFY2(r.err.contains("role may not") && r.err.contains("it needs the"), context.constData());
        }
    }
}

// The same through a plain connection, where the client checks nothing: the server's grants answer.
void TestAccess::sqlMatrix_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("admin");
    QTest::addColumn<bool>("analyst");
    QTest::addColumn<bool>("support");
    QTest::newRow("browse") << QStringLiteral("SELECT count(*) FROM snapshots") << true << true << true;
    QTest::newRow("events") << QStringLiteral("SELECT count(*) FROM events") << true << true << true;
    QTest::newRow("charts") << QStringLiteral("SELECT count(*) FROM chat_days") << true << true << false;
    QTest::newRow("inventory facts") << QStringLiteral("SELECT count(*) FROM daily_inventory") << true << true << false;
    QTest::newRow("legal hold") << QStringLiteral("UPDATE snapshots SET pinned = pinned, pin_reason = pin_reason")
                                << true << false << true;
    QTest::newRow("take snapshot") << QStringLiteral("INSERT INTO snapshots SELECT * FROM snapshots WHERE false")
                                   << true << false << false;
    QTest::newRow("cleanup") << QStringLiteral("UPDATE snapshots SET deleted_at = deleted_at") << true << false
                             << false;
    QTest::newRow("purge") << QStringLiteral("DELETE FROM snapshots WHERE false") << true << false << false;
    QTest::newRow("schedules") << QStringLiteral("SELECT count(*) FROM schedules") << true << false << false;
    QTest::newRow("retention") << QStringLiteral("SELECT count(*) FROM retention_policies") << true << false << false;
    QTest::newRow("sources") << QStringLiteral("SELECT count(*) FROM live_sources") << true << false << false;
    QTest::newRow("kinds") << QStringLiteral("INSERT INTO kind_definitions SELECT * FROM kind_definitions WHERE false")
                           << true << false << false;
    QTest::newRow("dictionaries") << QStringLiteral("DELETE FROM zstd_dictionaries WHERE false") << true << false
                                  << false;
    QTest::newRow("access") << QStringLiteral("INSERT INTO tenant_members SELECT * FROM tenant_members WHERE false")
                            << true << false << false;
    QTest::newRow("audit entry") << QStringLiteral("INSERT INTO audit_log (at, actor, host, action, details, outcome) "
                                                   "VALUES (0, 'x', 'h', 'test', '{}', 'ok')")
                                 << true << true << true;
    QTest::newRow("schema history") << QStringLiteral("DELETE FROM schema_migrations WHERE false") << false << false
                                    << false;
}

void TestAccess::sqlMatrix()
{
    QFETCH(QString, sql);
    QFETCH(bool, admin);
    QFETCH(bool, analyst);
    QFETCH(bool, support);
    for (const auto &[login, allowed] :
        { std::pair { AdminLogin, admin }, std::pair { AnalystLogin, analyst }, std::pair { SupportLogin, support } }) {
        Plain plain(m_spec, login);
        QVERIFY(plain.isOpen());
        const QString answer = plain.attempt(sql);
        QVERIFY2(answer == (allowed ? u"ok" : u"denied"), qPrintable(login + QStringLiteral(": ") + answer));
    }
}

void TestAccess::tenantsApart()
{
    Plain owner(m_spec, m_spec.user);
    const qint64 acmeRows = owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE tenant_id = 'acme-th'"));
    const qint64 lotusRows
        = owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE tenant_id = 'lotus-sg'"));
    QVERIFY(acmeRows > 0 && lotusRows > 0);
    for (const QString &table : { QStringLiteral("snapshots"), QStringLiteral("events"), QStringLiteral("tenants"),
             QStringLiteral("stock_levels") }) {
        const QString column = table == u"tenants" ? QStringLiteral("id") : QStringLiteral("tenant_id");
        Plain acme(m_spec, SupportLogin);
        QCOMPARE(acme.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 <> 'acme-th'").arg(table, column)), 0);
        Plain lotus(m_spec, OtherTenantLogin);
        QCOMPARE(lotus.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 <> 'lotus-sg'").arg(table, column)), 0);
    }
    Plain lotus(m_spec, OtherTenantLogin);
    QCOMPARE(lotus.scalar(QStringLiteral("SELECT count(*) FROM snapshots")), lotusRows);
    // Nor can a row of the other tenant be changed (the rows are not there for it), nor can an admin make itself, or
    // anyone, a member of a tenant it is not in.
    Plain admin(m_spec, AdminLogin);
    QCOMPARE(admin.scalar(QStringLiteral("WITH changed AS (UPDATE snapshots SET pinned = pinned WHERE tenant_id = "
                                         "'lotus-sg' RETURNING 1) SELECT count(*) FROM changed")),
        0);
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE tenant_id = 'lotus-sg'")), lotusRows);
    for (const QString &member : { QStringLiteral("session_user"), QStringLiteral("'x'") })
        QCOMPARE(
            admin.attempt(
                QStringLiteral("INSERT INTO tenant_members (member, tenant_id) VALUES (%1, 'lotus-sg')").arg(member)),
            QStringLiteral("denied"));
    // A table of its own named like SnapScope's, in the session's temporary schema, changes nothing for the functions
    // that decide: its tenants stay its tenants, and the audit log still names it.
    Plain shadow(m_spec, SupportLogin);
    QSqlQuery temp(shadow.db());
    QVERIFY2(temp.exec(QStringLiteral("CREATE TEMP TABLE tenant_members (member text, tenant_id text)"))
            && temp.exec(
                QStringLiteral("INSERT INTO pg_temp.tenant_members VALUES ('%1', 'lotus-sg')").arg(SupportLogin))
            && temp.exec(QStringLiteral("GRANT SELECT ON pg_temp.tenant_members TO PUBLIC"))
            && temp.exec(QStringLiteral("CREATE TEMP TABLE snapshots (id int)")),
        qPrintable(temp.lastError().text()));
    QCOMPARE(shadow.scalar(QStringLiteral("SELECT count(*) FROM public.snapshots WHERE tenant_id = 'lotus-sg'")), 0);
    QVERIFY(temp.exec(QStringLiteral("INSERT INTO public.audit_log (at, actor, host, action, details, outcome) VALUES "
                                     "(0, 'forged', 'h', 'shadow test', '{}', 'ok')")));
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'shadow test' AND actor = '%1'")
                              .arg(SupportLogin)),
        1);
    // The CLI: the other tenant does not exist for them.
    const Run other = cli(SupportLogin, { QStringLiteral("list"), QStringLiteral("--tenant"), Lotus });
    QCOMPARE(other.exitCode, 1);
    QVERIFY2(other.err.contains("no tenant \"lotus-sg\""), other.err.constData());
    const Run own = cli(OtherTenantLogin, { QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(own.exitCode == 0, own.err.constData()); // its one tenant is chosen without --tenant
    QVERIFY(own.out.contains("\"tenant\":\"lotus-sg\""));
    QVERIFY(!own.out.contains("acme-th"));
}

void TestAccess::auditLogAppendOnly()
{
    // The legal hold of the matrix was recorded under the login, whatever SNAPSCOPE_ACTOR said.
    Plain owner(m_spec, m_spec.user);
    QVERIFY(
        owner.scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'pin' AND actor = '%1'").arg(SupportLogin))
        > 0);
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'someone-else'")), 0);
    for (const QString &login : { AdminLogin, AnalystLogin, SupportLogin }) {
        Plain plain(m_spec, login);
        for (const QString &sql : { QStringLiteral("UPDATE audit_log SET actor = 'nobody'"),
                 QStringLiteral("DELETE FROM audit_log"), QStringLiteral("TRUNCATE audit_log") })
            QCOMPARE(plain.attempt(sql), QStringLiteral("denied"));
    }
    // Granted UPDATE, DELETE or TRUNCATE by mistake, the triggers still refuse.
    QString error;
    QVERIFY2(dba(QStringLiteral("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO %1").arg(AdminLogin), &error),
        qPrintable(error));
    Plain admin(m_spec, AdminLogin);
    for (const QString &sql : { QStringLiteral("UPDATE audit_log SET actor = 'nobody'"),
             QStringLiteral("DELETE FROM audit_log"), QStringLiteral("TRUNCATE audit_log") }) {
        const QString refused = admin.attempt(sql);
        QVERIFY2(refused.contains(u"append-only"), qPrintable(sql + QStringLiteral(": ") + refused));
    }
    QVERIFY2(dba(QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %1").arg(AdminLogin), &error),
        qPrintable(error));
}

void TestAccess::accessManagement()
{
    const Run list = cli(AdminLogin, { QStringLiteral("access"), QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QVERIFY2(list.out.contains(R"({"login":"snapscope_t26_analyst","role":"analyst","tenants":["acme-th"]})"),
        list.out.constData());
    // An admin of acme-th sees acme-th's members only; the owner sees everyone.
    QVERIFY2(!list.out.contains("snapscope_t26_lotus") && !list.out.contains("lotus-sg"), list.out.constData());
    const Run all = AccessFixture::cli(
        QStringList { QStringLiteral("access"), QStringLiteral("list") } + TestSupport::cliConnection(m_spec));
    QVERIFY2(all.out.contains("snapscope_t26_lotus\tsupport\tlotus-sg"), all.out.constData());
    // Nor may it change the role of someone who has tenants it is not in (a role is the whole server's).
    const Run demote = cli(AdminLogin,
        { QStringLiteral("access"), QStringLiteral("grant"), OtherTenantLogin, QStringLiteral("--role"),
            QStringLiteral("analyst"), QStringLiteral("--tenant"), Acme });
    QCOMPARE(demote.exitCode, 1);
    QVERIFY2(demote.err.contains("tenants you are not a member of"), demote.err.constData());
    QVERIFY(cli(OtherTenantLogin, { QStringLiteral("roles") }).out.startsWith("support:"));
    // It may not give anyone lotus-sg, which it cannot see.
    const Run foreign = cli(AdminLogin,
        { QStringLiteral("access"), QStringLiteral("grant"), AnalystLogin, QStringLiteral("--role"),
            QStringLiteral("analyst"), QStringLiteral("--tenant"), Lotus });
    QCOMPARE(foreign.exitCode, 1);
    QVERIFY2(foreign.err.contains("no tenant \"lotus-sg\""), foreign.err.constData());
    // A support login may not manage access.
    const Run bySupport = cli(SupportLogin,
        { QStringLiteral("access"), QStringLiteral("grant"), NoRoleLogin, QStringLiteral("--role"),
            QStringLiteral("admin"), QStringLiteral("--tenant"), Acme });
    QCOMPARE(bySupport.exitCode, 1);
    QVERIFY2(bySupport.err.contains("the support role may not manage access"), bySupport.err.constData());
    // Grant, change the role, revoke: the login's role follows, and goes with its last tenant.
    const auto role = [&] { return cli(NoRoleLogin, { QStringLiteral("roles") }); };
    QVERIFY(cli(AdminLogin,
                { QStringLiteral("access"), QStringLiteral("grant"), NoRoleLogin, QStringLiteral("--role"),
                    QStringLiteral("support"), QStringLiteral("--tenant"), Acme })
                .exitCode
        == 0);
    QVERIFY(role().out.startsWith("support:"));
    QVERIFY(cli(AdminLogin,
                { QStringLiteral("access"), QStringLiteral("grant"), NoRoleLogin, QStringLiteral("--role"),
                    QStringLiteral("analyst"), QStringLiteral("--tenant"), Acme })
                .exitCode
        == 0);
    QVERIFY(role().out.startsWith("analyst:"));
    const Run revoked = cli(AdminLogin,
        { QStringLiteral("access"), QStringLiteral("revoke"), NoRoleLogin, QStringLiteral("--tenant"), Acme });
    QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
    QVERIFY(role().err.contains("has no SnapScope role"));
    // The audit log names who did each.
    Plain owner(m_spec, m_spec.user);
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('access.grant', "
                                         "'access.revoke') AND target = '%1' AND actor = '%2'")
                              .arg(NoRoleLogin, AdminLogin)),
        3);
    // Unknown login, unknown role: one line each.
    const Run unknown = cli(AdminLogin,
        { QStringLiteral("access"), QStringLiteral("grant"), QStringLiteral("no_such_login_26"),
            QStringLiteral("--role"), QStringLiteral("support"), QStringLiteral("--tenant"), Acme });
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no login \"no_such_login_26\""), unknown.err.constData());
    const Run badRole = cli(AdminLogin,
        { QStringLiteral("access"), QStringLiteral("grant"), AnalystLogin, QStringLiteral("--role"),
            QStringLiteral("root"), QStringLiteral("--tenant"), Acme });
    QCOMPARE(badRole.exitCode, 2);
}

// Until personal fields are stored apart, what the CLI prints for a role that masks hides them.
void TestAccess::personalDataMaskedInOutput()
{
    const QStringList owner = TestSupport::cliConnection(m_spec);
    const Run shown = AccessFixture::cli(QStringList { QStringLiteral("show"), m_newer } + owner);
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    static const QRegularExpression phonePattern(QStringLiteral("\"phone\": \"([^\"]+)\""));
    const QString phone = phonePattern.match(QString::fromUtf8(shown.out)).captured(1);
    QVERIFY2(!phone.isEmpty() && !phone.contains(QChar(0x2022)), shown.out.constData());
    for (const QString &login : { AnalystLogin, SupportLogin }) {
        const Run masked = cli(login, { QStringLiteral("show"), m_newer });
        QVERIFY2(masked.exitCode == 0, masked.err.constData());
        QVERIFY2(!masked.out.contains(phone.toUtf8()) && masked.out.contains("\"phone\": \""), masked.out.constData());
        const Run raw = cli(login, { QStringLiteral("show"), m_newer, QStringLiteral("--raw") });
        QCOMPARE(raw.exitCode, 1);
        QVERIFY2(raw.err.contains("needs the admin role"), raw.err.constData());
    }
    const Run admin = cli(AdminLogin, { QStringLiteral("show"), m_newer });
    QVERIFY(admin.out.contains(phone.toUtf8()));
}

// Issue 26, item 3: whatever a support or analyst login asks with SQL, no customer's phone comes back.
void TestAccess::personalFieldsOutOfReach()
{
    Plain owner(m_spec, m_spec.user);
    const QStringList phones = owner.column(QStringLiteral(
        "SELECT DISTINCT value #>> '{}' FROM personal_fields WHERE tenant_id = 'acme-th' AND field LIKE '%phone'"));
    QVERIFY2(phones.size() >= 5 && !phones.constFirst().startsWith(u"error"), qPrintable(phones.join(u", ")));
    const QString phone = phones.constFirst();
    // Addresses, whole in the events' patches (the order service's shippingAddress among them): their streets too.
    const QStringList streets = owner.column(QStringLiteral(
        "SELECT DISTINCT value ->> 'line1' FROM event_personal_fields WHERE field ILIKE '%address' AND value ? 'line1' "
        "UNION SELECT DISTINCT value ->> 'line1' FROM personal_fields WHERE field ILIKE '%address' AND value ? "
        "'line1'"));
    QVERIFY(
        owner.scalar(QStringLiteral("SELECT count(*) FROM personal_fields WHERE field LIKE '%shippingAddress'")) > 0);
    QVERIFY2(!streets.isEmpty() && !streets.constFirst().startsWith(u"error"), qPrintable(streets.join(u", ")));
    // The owner's copy of the events and summaries holds none either: they are kept apart, not hidden by a policy.
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE data LIKE '%%1%'").arg(phone)), 0);
    QCOMPARE(
        owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE summary::text LIKE '%%1%'").arg(phone)), 0);
    QVERIFY(owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE withheld_checksum IS NULL")) == 0);

    for (const QString &login : { AnalystLogin, SupportLogin }) {
        Plain plain(m_spec, login);
        QVERIFY(plain.isOpen());
        QCOMPARE(plain.attempt(QStringLiteral("SELECT * FROM personal_fields")), QStringLiteral("denied"));
        QCOMPARE(plain.attempt(QStringLiteral("SELECT * FROM event_personal_fields")), QStringLiteral("denied"));
        QVERIFY(plain.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE kind = 'order'")) > 0);
        QVERIFY(plain.scalar(QStringLiteral("SELECT count(*) FROM events")) > 0);
        for (const QString &p : phones + streets) {
            const QString where = QStringLiteral("'%%1%'").arg(QString(p).replace(u'\'', QStringLiteral("''")));
            QCOMPARE(plain.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE summary::text LIKE %1 OR "
                                                 "\"trigger\"::text LIKE %1")
                                      .arg(where)),
                0);
            QCOMPARE(plain.scalar(QStringLiteral("SELECT count(*) FROM events WHERE data LIKE %1").arg(where)), 0);
            QCOMPARE(
                plain.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE details::text LIKE %1").arg(where)),
                0);
            // The dictionaries that decode every payload did not learn them either.
            QCOMPARE(
                plain.scalar(QStringLiteral("SELECT count(*) FROM zstd_dictionaries WHERE position(convert_to('%1', "
                                            "'UTF8') IN dict) > 0")
                                 .arg(p)),
                0);
        }
        QCOMPARE(plain.attempt(
                     QStringLiteral("SELECT snapscope_find_personal('acme-th', 'order', '%1', false, 10)").arg(phone)),
            login == SupportLogin ? QStringLiteral("ok") : QStringLiteral("denied"));
        // A dictionary from before the conversion is not there for them (this store has none: the demo trained its
        // dictionaries on withheld payloads).
        QCOMPARE(plain.scalar(QStringLiteral("SELECT count(*) FROM zstd_dictionaries WHERE NOT trained_withheld")), 0);
        // The payloads, decompressed as the console and the CLI read them.
        ConnectionSpec as = m_spec;
        as.user = login;
        auto store = openSnapshotStore(as, {});
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        SnapshotQuery query;
        query.tenant = Acme;
        query.kind = QStringLiteral("order");
        PageRequest page;
        page.limit = 100000;
        auto headers = (*store)->listHeaders(query, page);
        QVERIFY(headers && !headers->headers.isEmpty());
        for (const SnapshotHeader &h : std::as_const(headers->headers)) {
            auto loaded = (*store)->load(h.id);
            QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
            QVERIFY(loaded->withheld);
            QVERIFY(loaded->payload.contains("[withheld]"));
            QCOMPARE(PayloadCodec::checksumOf(loaded->payload), h.withheldChecksum);
            for (const QString &p : phones)
                QVERIFY2(!loaded->payload.contains(p.toUtf8()), qPrintable(h.id));
        }
    }

    // An admin reads the whole document, and it hashes to the checksum it was written with.
    ConnectionSpec admin = m_spec;
    admin.user = AdminLogin;
    auto store = openSnapshotStore(admin, {});
    QVERIFY(store);
    const QString id = owner
                           .column(QStringLiteral("SELECT snapshot_id FROM personal_fields WHERE value #>> '{}' = '%1' "
                                                  "AND field LIKE '/%' LIMIT 1")
                                       .arg(phone))
                           .value(0);
    auto whole = (*store)->load(id);
    QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().message));
    QVERIFY(!whole->withheld);
    // Its summaries too, in every header it lists.
    SnapshotQuery orders;
    orders.tenant = Acme;
    orders.kind = QStringLiteral("order");
    PageRequest page;
    page.limit = 100000;
    auto listed = (*store)->listHeaders(orders, page);
    QVERIFY(listed && !listed->headers.isEmpty());
    for (const SnapshotHeader &h : std::as_const(listed->headers)) {
        if (h.summary.contains(u"customer_phone"))
            QVERIFY2(h.summary.value(u"customer_phone") != Pii::Withheld, qPrintable(h.id));
    }
    QVERIFY(whole->payload.contains(phone.toUtf8()));
    QCOMPARE(PayloadCodec::checksumOf(whole->payload), whole->header.checksum);
    QVERIFY(whole->header.checksum != whole->header.withheldChecksum);
}

// Support reveals one field through the server's function; the audit row, written in the same transaction, names the
// login. An analyst, and a support login of another tenant, get nothing.
void TestAccess::revealIsAudited()
{
    Plain owner(m_spec, m_spec.user);
    QSqlQuery picked(owner.db());
    QVERIFY(picked.exec(QStringLiteral("SELECT snapshot_id, field, value #>> '{}' FROM personal_fields WHERE "
                                       "tenant_id = 'acme-th' AND field LIKE '/%/phone' LIMIT 1")));
    QVERIFY(picked.next());
    const QString id = picked.value(0).toString(), field = picked.value(1).toString(),
                  phone = picked.value(2).toString();
    picked.finish();
    const QString reveal = QStringLiteral("SELECT snapscope_reveal('%1', '%2', 'psql') #>> '{}'").arg(id, field);

    Plain support(m_spec, SupportLogin);
    QSqlQuery revealed(support.db());
    QVERIFY2(revealed.exec(reveal) && revealed.next(), qPrintable(revealed.lastError().text()));
    QCOMPARE(revealed.value(0).toString(), phone);
    revealed.finish();
    QSqlQuery audit(owner.db());
    QVERIFY(audit.exec(QStringLiteral("SELECT actor, details ->> 'field', details ->> 'where' FROM audit_log WHERE "
                                      "action = 'pii.reveal' AND target = '%1' ORDER BY id DESC LIMIT 1")
                           .arg(id)));
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toString(), SupportLogin);
    QCOMPARE(audit.value(1).toString(), field);
    QCOMPARE(audit.value(2).toString(), QStringLiteral("psql"));
    audit.finish();

    Plain analyst(m_spec, AnalystLogin);
    QCOMPARE(analyst.attempt(reveal), QStringLiteral("denied"));
    Plain lotus(m_spec, OtherTenantLogin);
    QVERIFY(lotus.attempt(reveal).contains(QStringLiteral("no snapshot with id")));

    // The CLI and the console go through the same function.
    const Run cliReveal = cli(SupportLogin, { QStringLiteral("reveal"), id, field });
    QVERIFY2(cliReveal.exitCode == 0, cliReveal.err.constData());
    QCOMPARE(cliReveal.out.trimmed(), QByteArray('"' + phone.toUtf8() + '"'));
    const Run refused = cli(AnalystLogin, { QStringLiteral("reveal"), id, field });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("support") && !refused.out.contains(phone.toUtf8()), refused.err.constData());
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'pii.reveal' AND target = '%1' "
                                         "AND actor = '%2' AND details ->> 'where' = 'cli'")
                              .arg(id, SupportLogin)),
        1);
}

// The seal of a row kept apart covers its stored form's checksum too: whoever may write the payload (an admin, the
// owner) cannot swap two rows' withheld forms with their checksums unseen by a support login, which verifies only
// that form.
void TestAccess::sealCoversTheStoredForm()
{
    Plain owner(m_spec, m_spec.user);
    const QStringList ids = owner.column(QStringLiteral(
        "SELECT id FROM snapshots WHERE tenant_id = 'acme-th' AND kind = 'order' AND base_id IS NULL AND "
        "withheld_checksum IS NOT NULL AND NOT EXISTS (SELECT 1 FROM snapshots d WHERE d.base_id = snapshots.id) "
        "ORDER BY id LIMIT 2"));
    QCOMPARE(ids.size(), 2);
    const QString swap = QStringLiteral(
        "UPDATE snapshots s SET payload = o.payload, codec = o.codec, raw_size = o.raw_size, stored_size = "
        "o.stored_size, withheld_checksum = o.withheld_checksum FROM snapshots o WHERE (s.id, o.id) IN (('%1', "
        "'%2'), ('%2', '%1'))")
                             .arg(ids.at(0), ids.at(1));
    ConnectionSpec support = m_spec;
    support.user = SupportLogin;
    auto store = openSnapshotStore(support, {});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QVERIFY((*store)->load(ids.at(0)));
    QCOMPARE(owner.column(swap), QStringList());
    auto swapped = (*store)->load(ids.at(0));
    const QString error = swapped ? QString() : swapped.error().message;
    QCOMPARE(owner.column(swap), QStringList()); // swapped back
    QVERIFY2(!swapped && swapped.error().isIntegrityError(), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("seal")), qPrintable(error));
    QVERIFY((*store)->load(ids.at(0)));
}

// A store written before schema 15 is converted in batches that commit as they go: stopped after one, the next run
// finishes it; no checksum changes, every row still verifies, and no phone is left where others read.
void TestAccess::conversionKeepsChecksums()
{
    ConnectionSpec spec = m_spec;
    spec.database = m_spec.database + QStringLiteral("_t26convert");
    QString error;
    dba(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(spec.database));
    qint64 deltas = 0;
    QVERIFY2(
        dba(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(spec.database, m_spec.user), &error), qPrintable(error));
    {
        // Written as SnapScope wrote before schema 15: payloads, summaries and events whole; and left as migration
        // 15 leaves such a store: its rows not converted, its dictionaries marked as trained on whole payloads.
        OpenOptions older;
        older.keepPersonalApart = false;
        auto store = openSnapshotStore(spec, older);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        DemoOptions options;
        options.scale = DemoOptions::Scale::Tiny;
        auto report = DemoGenerator(**store, options).run();
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        // The orders' versions as deltas (a chain of patches on a keyframe every 3 versions), as `snapshot compact`
        // stores them.
        SnapshotStrategy strategy = SnapshotStrategy::defaultFor(QStringLiteral("order"));
        strategy.incremental = true;
        strategy.keyframeEvery = 3;
        QVERIFY((*store)->history().saveStrategy(Acme, strategy, QStringLiteral("tester")));
        auto compacted = SnapshotCompactor(**store).run(
            Acme, QStringLiteral("order"), {}, QStringLiteral("tester"), QStringLiteral("test"));
        QVERIFY2(compacted, qPrintable(compacted ? QString() : compacted.error().message));
        QVERIFY2(compacted->storedAsDelta > 0,
            qPrintable(QStringLiteral("%1 entities, %2 written, %3 as deltas")
                           .arg(compacted->entities)
                           .arg(compacted->snapshotsWritten)
                           .arg(compacted->storedAsDelta)));
        Plain owner(spec, spec.user);
        QSqlQuery mark(owner.db());
        QVERIFY(mark.exec(QStringLiteral("UPDATE zstd_dictionaries SET trained_withheld = false")));
        // The rows written whole are guarded, as migration 16 guards a store with rows to convert.
        QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM pg_policies WHERE policyname = "
                                             "'personal_withheld'")),
            2);
        QVERIFY(owner.scalar(QStringLiteral("SELECT count(*) FROM events WHERE withheld IS NULL")) > 0);
        deltas = owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE base_id IS NOT NULL"));
        QVERIFY(deltas > 0);
    }
    QHash<QString, QString> before;
    QString phone;
    {
        Plain owner(spec, spec.user);
        QSqlQuery rows(owner.db());
        QVERIFY(rows.exec(QStringLiteral("SELECT id, checksum FROM snapshots")));
        while (rows.next())
            before.insert(rows.value(0).toString(), rows.value(1).toString());
        phone = owner
                    .column(QStringLiteral("SELECT summary ->> 'customer_phone' FROM snapshots WHERE kind = 'order' "
                                           "AND summary ? 'customer_phone' LIMIT 1"))
                    .value(0);
    }
    QVERIFY(before.size() > 500);
    QVERIFY(!phone.isEmpty());

    auto store = openSnapshotStore(spec, {});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QVERIFY((*store)->keepsPersonalApart());
    auto counted = (*store)->withholdPending(0, {});
    QVERIFY(counted);
    QVERIFY(counted->remaining > before.size()); // the snapshots and the events
    int batches = 0;
    auto first = (*store)->withholdPending(100, [&](qint64, qint64) { return ++batches < 2; });
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QVERIFY(first->cancelled);
    QCOMPARE(first->converted, qint64(200));
    QCOMPARE(first->remaining, counted->remaining - 200);
    QVERIFY(first->dictionariesRetrained > 0);
    const QString guards = QStringLiteral("SELECT count(*) FROM pg_policies WHERE policyname = 'personal_withheld'");
    QCOMPARE(TestSupport::scalar(spec, guards), 2); // still rows to guard
    auto rest = (*store)->withholdPending(100, {});
    QVERIFY2(rest, qPrintable(rest ? QString() : rest.error().message));
    QCOMPARE(rest->remaining, 0);
    QCOMPARE(rest->converted, before.size() - 200);
    QVERIFY(rest->events > 0 && rest->fields > 0);
    QVERIFY(rest->dictionariesDropped > 0);
    QCOMPARE(TestSupport::scalar(spec, guards), 0); // nothing left to guard, and no cost on every read

    Plain owner(spec, spec.user);
    QSqlQuery rows(owner.db());
    QVERIFY(rows.exec(QStringLiteral("SELECT id, checksum, withheld_checksum FROM snapshots")));
    qsizetype checked = 0;
    while (rows.next()) {
        QCOMPARE(rows.value(1).toString(), before.value(rows.value(0).toString()));
        QVERIFY(!rows.value(2).isNull());
        ++checked;
    }
    QCOMPARE(checked, before.size());
    rows.finish();
    QCOMPARE(owner.scalar(
                 QStringLiteral("SELECT count(*) FROM events WHERE withheld IS NULL OR data LIKE '%%1%'").arg(phone)),
        0);
    QCOMPARE(
        owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE summary::text LIKE '%%1%'").arg(phone)), 0);
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM zstd_dictionaries WHERE NOT trained_withheld OR "
                                         "position(convert_to('%1', 'UTF8') IN dict) > 0")
                              .arg(phone)),
        0);
    // Every row verifies, in its stored form and (the owner reads them) whole, against the checksum it always had.
    Verification verification(**store);
    qint64 verifiedRows = 0;
    for (const QString &tenant : { Acme, Lotus }) {
        SnapshotQuery everything;
        everything.tenant = tenant;
        auto verified = verification.run(everything, {}, {});
        QVERIFY(verified);
        QVERIFY(verified->corrupt.isEmpty());
        verifiedRows += verified->checked;
    }
    QCOMPARE(verifiedRows, before.size());
    for (auto it = before.begin(); it != before.end(); ++it) {
        auto whole = (*store)->load(it.key());
        QVERIFY2(whole && !whole->withheld, qPrintable(it.key()));
        QCOMPARE(whole->header.checksum, it.value());
    }
    // Every delta stays a delta (its patch, withheld, makes the withheld state).
    QCOMPARE(owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE base_id IS NOT NULL")), deltas);
    // Compacted again once kept apart: whole keyframes (a full strategy) and back to deltas, and still every row
    // reads whole for the owner and withheld for others, against the same checksums.
    for (const bool incremental : { false, true }) {
        SnapshotStrategy strategy = SnapshotStrategy::defaultFor(QStringLiteral("order"));
        strategy.incremental = incremental;
        strategy.keyframeEvery = 4;
        QVERIFY((*store)->history().saveStrategy(Acme, strategy, QStringLiteral("tester")));
        auto compacted = SnapshotCompactor(**store).run(
            Acme, QStringLiteral("order"), {}, QStringLiteral("tester"), QStringLiteral("test"));
        QVERIFY2(compacted, qPrintable(compacted ? QString() : compacted.error().message));
        QVERIFY2(compacted->problems.isEmpty(), qPrintable(compacted->problems.join(u"; ")));
    }
    for (const QString &tenant : { Acme, Lotus }) {
        SnapshotQuery everything;
        everything.tenant = tenant;
        auto verified = verification.run(everything, {}, {});
        QVERIFY(verified && verified->corrupt.isEmpty());
    }
    QCOMPARE(
        owner.scalar(QStringLiteral("SELECT count(*) FROM snapshots WHERE summary::text LIKE '%%1%'").arg(phone)), 0);
    store->reset();
    dba(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(spec.database));
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestAccess, true)
#include "tst_access.moc"
