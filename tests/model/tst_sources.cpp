// Live sources (issue 25) against a real PostgreSQL source database (SNAPSCOPE_TEST_SOURCE_PG, which
// packaging/bootstrap.sh test creates), into a store on SQLite or PostgreSQL.
#include <QCryptographicHash>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "common/sourcedatabase.h"
#include "common/testsupport.h"
#include "ops/sync/sourcepresets.h"
#include "ops/sync/sourcesync.h"
#include "store/snapshotstore.h"

namespace {

std::optional<ConnectionSpec> sourceSpec()
{
    const QString text = qEnvironmentVariable("SNAPSCOPE_TEST_SOURCE_PG");
    if (text.isEmpty())
        return std::nullopt;
    auto spec = ConnectionSpec::fromPgKeywords(text);
    return spec ? std::optional(*spec) : std::nullopt;
}

QString conninfo(const ConnectionSpec &spec, const QString &user = {})
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(spec.host)
        .arg(spec.port)
        .arg(spec.database, user.isEmpty() ? spec.user : user);
}

// Rows n of the chat table, `secondsApart` apart from `first` (a TIMESTAMP's text).
QString chatRows(qint64 from, qint64 to, const QString &first, int secondsApart = 60)
{
    return SourceDatabase::chatRowsSql().arg(from).arg(to).arg(u'\'' + first + u'\'').arg(secondsApart);
}

} // namespace

class TestSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncsThenPicksUpExactlyTheNewRows();
    void chatAnalysisEqualsTheSeries();
    void connectionKilledMidSyncLosesNothing();
    void selectOnlyRole();
    void faults();
    void goneAtSourceStays();
    void mappingFile();
    void theCommandLine();

private:
    QString exec(const QStringList &statements) { return SourceDatabase::run(m_source->db(), statements); }
    qint64 sourceCount(const QString &sql) { return TestSupport::scalar(*m_sourceSpec, sql); }
    qint64 storedCount(const QString &kind)
    {
        auto stats = m_store->kindCounts(QStringLiteral("saan-th"));
        if (!stats)
            return -1;
        for (const KindStats &s : *stats) {
            if (s.kind == kind)
                return s.count;
        }
        return 0;
    }
    LiveSource addSaan(const QString &user = {});
    QSet<QString> storedSourceIds(const QString &kind);

    std::unique_ptr<QTemporaryDir> m_dir;
    ConnectionSpec m_spec;
    std::optional<ConnectionSpec> m_sourceSpec;
    std::unique_ptr<TestSupport::SideConnection> m_source;
    std::unique_ptr<SnapshotStore> m_store;
    // Rows of "today" in the source: the seed's analysis query looks 30 days back from the server's date.
    QString m_day = QDate::currentDate().addDays(-3).toString(Qt::ISODate);
};

void TestSources::init()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "sources.sqlite");
    m_sourceSpec = sourceSpec();
    if (!m_sourceSpec) {
        if (TestSupport::postgresRequired())
            QFAIL("SNAPSCOPE_REQUIRE_PG=1 but SNAPSCOPE_TEST_SOURCE_PG is not set");
        QSKIP("SKIP: no source PostgreSQL configured (SNAPSCOPE_TEST_SOURCE_PG; packaging/bootstrap.sh test sets it)");
    }
    m_source = std::make_unique<TestSupport::SideConnection>(*m_sourceSpec);
    QVERIFY(m_source->isOpen());
    const QString ddl = exec(SourceDatabase::ddl());
    QVERIFY2(ddl.isEmpty(), qPrintable(ddl));
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant(
        { QStringLiteral("saan-th"), QStringLiteral("SAAN"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
}

void TestSources::cleanup()
{
    m_store.reset();
    m_source.reset();
}

LiveSource TestSources::addSaan(const QString &user)
{
    auto defined = SourceSync::define(QStringLiteral("saan"), QStringLiteral("saan"), conninfo(*m_sourceSpec, user),
        QStringLiteral("saan-th"), QStringLiteral("Asia/Bangkok"), 600);
    if (!defined)
        qFatal("%s", qPrintable(defined.error().message));
    if (!m_store->liveSources().addLiveSource(*defined, QStringLiteral("tester")))
        qFatal("adding the source failed");
    return *m_store->liveSources().liveSource(QStringLiteral("saan"));
}

QSet<QString> TestSources::storedSourceIds(const QString &kind)
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    query.prepare(QStringLiteral("SELECT source_id FROM snapshots WHERE kind = ?"));
    query.addBindValue(kind);
    QSet<QString> ids;
    if (!query.exec())
        qFatal("%s", qPrintable(query.lastError().text()));
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

void TestSources::syncsThenPicksUpExactlyTheNewRows()
{
    QVERIFY(exec(
        { chatRows(0, 2999, m_day + QStringLiteral(" 00:00:00"), 20),
            QStringLiteral("INSERT INTO order_snapshots (id, order_id, snapshot_type, snapshot_data, created_at, "
                           "order_status, total_amount, item_count) SELECT md5('o' || n)::uuid, md5('order' || "
                           "(n / 2))::uuid, 'status_change', jsonb_build_object('customer', jsonb_build_object("
                           "'name', 'สมชาย')), TIMESTAMP '2026-01-01' + make_interval(mins => n), 'confirmed', "
                           "100.50 + n, 1 FROM generate_series(1, 40) n"),
            QStringLiteral("INSERT INTO event_snapshots (aggregate_id, version, timestamp, data) SELECT "
                           "'cart-' || (n % 5), n, TIMESTAMPTZ '2026-01-01T00:00:00Z' + make_interval(hours => n), "
                           "jsonb_build_object('status', 'open', 'items', n) FROM generate_series(1, 30) n") })
                .isEmpty());
    LiveSource saan = addSaan();
    SourceSync sync(*m_store, QStringLiteral("tester"));
    auto first = sync.sync(saan);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QVERIFY2(first->succeeded(), qPrintable(QString::fromUtf8(QJsonDocument(first->toJson()).toJson())));
    QCOMPARE(storedCount(QStringLiteral("chat")), 3000);
    QCOMPARE(storedCount(QStringLiteral("order")), 40);

    // A source transaction that stays open across a sync, writing a row 5 minutes older than the newest: committed
    // late, after the sync. Then new rows.
    TestSupport::SideConnection late(*m_sourceSpec);
    QVERIFY(SourceDatabase::run(late.db(),
        { QStringLiteral("BEGIN"),
            chatRows(5000, 5000, m_day + QStringLiteral(" 00:00:00"), 1)
                .replace(QStringLiteral("make_interval(secs => n * 1)"),
                    QStringLiteral("make_interval(secs => 2999 * 20 - 300)")) })
                .isEmpty());
    saan = *m_store->liveSources().liveSource(QStringLiteral("saan"));
    auto meanwhile = sync.sync(saan);
    QVERIFY(meanwhile && meanwhile->succeeded());
    QCOMPARE(meanwhile->stored(), 0);
    QVERIFY(SourceDatabase::run(late.db(), { QStringLiteral("COMMIT") }).isEmpty());
    QVERIFY(exec({ chatRows(3000, 3009, m_day + QStringLiteral(" 00:00:00"), 20) }).isEmpty());

    const QSet<QString> before = storedSourceIds(QStringLiteral("chat"));
    saan = *m_store->liveSources().liveSource(QStringLiteral("saan"));
    auto second = sync.sync(saan);
    QVERIFY(second && second->succeeded());
    QCOMPARE(second->stored(), 11);
    QSet<QString> arrived = storedSourceIds(QStringLiteral("chat")) - before;
    QSet<QString> expected;
    TestSupport::SideConnection side(*m_sourceSpec);
    QSqlQuery ids(side.db());
    QVERIFY(ids.exec(
        QStringLiteral("SELECT id::text FROM chat_conversation_snapshots WHERE id IN (md5('chat-row-5000')::uuid) "
                       "OR id IN (SELECT md5('chat-row-' || n)::uuid FROM generate_series(3000, 3009) n)")));
    while (ids.next())
        expected.insert(ids.value(0).toString());
    QCOMPARE(arrived, expected);
    // The watermark is the newest row, and nothing of the others moved.
    const LiveSource after = *m_store->liveSources().liveSource(QStringLiteral("saan"));
    for (const LiveSourceTable &t : after.tables) {
        QCOMPARE(t.lastOutcome, QStringLiteral("succeeded"));
        if (t.table == u"chat_conversation_snapshots") {
            QCOMPARE(t.rowsSynced, 3011);
            QCOMPARE(t.lag(), std::optional<EpochMs>(0));
            QVERIFY(!t.watermarkTime.isEmpty());
        }
        if (t.table == u"event_snapshots")
            QFAIL("the saan preset has no event_snapshots");
    }
}

void TestSources::chatAnalysisEqualsTheSeries()
{
    // Three days of conversations, read in the tenant's zone (the TIMESTAMP column's wall clock).
    QVERIFY(exec({ chatRows(0, 899, m_day + QStringLiteral(" 00:00:00"), 290) }).isEmpty());
    LiveSource saan = addSaan();
    auto synced = SourceSync(*m_store, QStringLiteral("tester")).sync(saan);
    QVERIFY(synced && synced->succeeded());

    // The seed's own query, as the SAAN guide writes it.
    TestSupport::SideConnection side(*m_sourceSpec);
    QSqlQuery query(side.db());
    QVERIFY2(query.exec(QStringLiteral(R"(SELECT
    DATE(created_at) as date,
    COUNT(*) as total_conversations,
    COUNT(CASE WHEN business_outcome->>'order_created' = 'true' THEN 1 END) as converted_conversations,
    AVG((business_outcome->>'order_value')::DECIMAL) as avg_order_value,
    AVG(conversation_duration) as avg_duration,
    AVG(customer_satisfaction) as avg_satisfaction
FROM chat_conversation_snapshots
WHERE snapshot_type = 'session_ended'
  AND created_at >= CURRENT_DATE - INTERVAL '30 days'
GROUP BY DATE(created_at)
ORDER BY date DESC)")),
        qPrintable(query.lastError().text()));
    QMap<QDate, QList<double>> expected;
    while (query.next())
        expected.insert(query.value(0).toDate(),
            { query.value(1).toDouble(), query.value(2).toDouble(), query.value(3).toDouble(),
                query.value(4).toDouble(), query.value(5).toDouble() });
    QVERIFY(expected.size() >= 3);

    ChatSeriesQuery series;
    series.tenant = QStringLiteral("saan-th");
    series.from = QDate::currentDate().addDays(-30);
    series.to = QDate::currentDate().addDays(1);
    auto points = m_store->chatSeries(series);
    QVERIFY(points);
    QMap<QDate, QList<double>> actual;
    for (const ChatPoint &p : *points) {
        if (p.conversations > 0)
            actual.insert(p.period,
                { double(p.conversations), double(p.converted), p.averageOrderValue.value_or(-1),
                    p.averageDurationS.value_or(-1), p.averageSatisfaction.value_or(-1) });
    }
    QCOMPARE(actual.keys(), expected.keys());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        for (int i = 0; i < 5; ++i)
            QVERIFY2(qAbs(actual.value(it.key()).at(i) - it.value().at(i)) < 1e-6,
                qPrintable(QStringLiteral("%1 column %2: %3 vs %4")
                               .arg(it.key().toString(Qt::ISODate))
                               .arg(i)
                               .arg(actual.value(it.key()).at(i))
                               .arg(it.value().at(i))));
    }
}

void TestSources::connectionKilledMidSyncLosesNothing()
{
    QVERIFY(exec({ chatRows(0, 6999, m_day + QStringLiteral(" 00:00:00"), 5) }).isEmpty());
    addSaan();
    SourceSync sync(*m_store, QStringLiteral("tester"));
    // Kills the sync's connection once three batches are read: two of them are written by then.
    const auto killAtThirdBatch = [&](bool *killed) {
        return [this, killed](const SourceSyncProgress &p) {
            if (p.table == u"chat_conversation_snapshots" && p.rows >= 3 * SourceSync::BatchRows && !*killed)
                *killed = TestSupport::scalar(*m_sourceSpec,
                              QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                                             "application_name = 'snapscope source saan'"))
                    == 1;
            return true;
        };
    };
    const auto chatState = [this] {
        const auto source = m_store->liveSources().liveSource(QStringLiteral("saan"));
        for (const LiveSourceTable &t : source->tables) {
            if (t.table == u"chat_conversation_snapshots")
                return t;
        }
        return LiveSourceTable();
    };
    const auto chatError = [](const SourceSyncReport &report) {
        for (const SourceTableSync &t : report.tables) {
            if (t.table == u"chat_conversation_snapshots")
                return t.error;
        }
        return QString();
    };

    // Killed before anything was committed: nothing of the 4,000 rows written is stored, the watermark stays empty.
    bool killed = false;
    auto report = sync.sync(*m_store->liveSources().liveSource(QStringLiteral("saan")), killAtThirdBatch(&killed));
    QVERIFY(killed);
    QVERIFY(report && !report->succeeded());
    QVERIFY2(chatError(*report).startsWith(u"source saan: reading chat_conversation_snapshots after row "),
        qPrintable(chatError(*report)));
    QCOMPARE(storedCount(QStringLiteral("chat")), 0);
    QVERIFY(chatState().watermarkTime.isEmpty());
    QCOMPARE(chatState().lastOutcome, QStringLiteral("failed"));
    QCOMPARE(chatState().lastError, chatError(*report));
    // The other tables were read on a connection opened again.
    for (const SourceTableSync &t : report->tables)
        QVERIFY2(t.table == u"chat_conversation_snapshots" || t.error.isEmpty(), qPrintable(t.error));

    // Committing every 2,000 rows: killed at the third batch, the first two are stored with the watermark at the
    // last row they hold.
    sync.setCommitRows(2000);
    killed = false;
    report = sync.sync(*m_store->liveSources().liveSource(QStringLiteral("saan")), killAtThirdBatch(&killed));
    QVERIFY(killed && report && !report->succeeded());
    QCOMPARE(storedCount(QStringLiteral("chat")), 4000);
    QCOMPARE(chatState().rowsSynced, 4000);
    QCOMPARE(chatState().watermarkId,
        QString::fromLatin1(QCryptographicHash::hash("chat-row-3999", QCryptographicHash::Md5)
                                .toHex()
                                .insert(20, '-')
                                .insert(16, '-')
                                .insert(12, '-')
                                .insert(8, '-')));

    // The next sync resumes: every row once.
    auto resumed = sync.sync(*m_store->liveSources().liveSource(QStringLiteral("saan")));
    QVERIFY2(resumed && resumed->succeeded(),
        resumed ? qPrintable(QString::fromUtf8(QJsonDocument(resumed->toJson()).toJson())) : "");
    QCOMPARE(storedCount(QStringLiteral("chat")), 7000);
    QCOMPARE(storedSourceIds(QStringLiteral("chat")).size(), 7000);
    QCOMPARE(chatState().rowsSynced, 7000);
    QCOMPARE(chatState().lastOutcome, QStringLiteral("succeeded"));
}

void TestSources::selectOnlyRole()
{
    QVERIFY(exec({ chatRows(0, 99, m_day + QStringLiteral(" 00:00:00")),
                     QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM snapscope_reader"),
                     QStringLiteral("GRANT USAGE ON SCHEMA public TO snapscope_reader"),
                     QStringLiteral("GRANT SELECT ON order_snapshots, chat_conversation_snapshots, "
                                    "daily_inventory_snapshots TO snapscope_reader") })
                .isEmpty());
    LiveSource saan = addSaan(QStringLiteral("snapscope_reader"));
    SourceSync sync(*m_store, QStringLiteral("tester"));
    auto checks = sync.test(saan);
    QVERIFY(checks);
    QString problem;
    for (const SourceTableCheck &c : *checks) {
        if (!c.problem.isEmpty())
            problem = c.problem;
    }
    QVERIFY2(problem.contains(u"may not read table inventory_transactions"), qPrintable(problem));
    QVERIFY(exec({ QStringLiteral("GRANT SELECT ON inventory_transactions TO snapscope_reader") }).isEmpty());
    auto report = sync.sync(saan);
    QVERIFY2(report && report->succeeded(), report ? "" : qPrintable(report.error().message));
    QCOMPARE(storedCount(QStringLiteral("chat")), 100);
    // The role has SELECT and nothing else: the sync needed no more.
    QCOMPARE(sourceCount(QStringLiteral("SELECT COUNT(*) FROM information_schema.role_table_grants WHERE grantee = "
                                        "'snapscope_reader' AND privilege_type <> 'SELECT'")),
        0);
}

void TestSources::faults()
{
    SourceSync sync(*m_store, QStringLiteral("tester"));
    // Unreachable.
    auto unreachable = SourceSync::define(QStringLiteral("gone"), QStringLiteral("saan"),
        QStringLiteral("host=127.0.0.1 port=1 dbname=x user=y"), QStringLiteral("saan-th"), QStringLiteral("UTC"), 600);
    QVERIFY(unreachable);
    auto reached = sync.test(*unreachable);
    QVERIFY(!reached);
    QVERIFY2(reached.error().message.startsWith(u"source gone: cannot reach PostgreSQL at 127.0.0.1:1"),
        qPrintable(reached.error().message));
    // Wrong password (the role that logs in with one).
    const QString pwUser = qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD_USER");
    if (!pwUser.isEmpty()) {
        qputenv("PGPASSWORD", "not-the-password");
        auto wrong = SourceSync::define(QStringLiteral("pw"), QStringLiteral("saan"), conninfo(*m_sourceSpec, pwUser),
            QStringLiteral("saan-th"), QStringLiteral("UTC"), 600);
        auto refused = sync.test(*wrong);
        qunsetenv("PGPASSWORD");
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"refused the password"), qPrintable(refused.error().message));
    }
    // A table with other columns, a table missing, a row no shape can read.
    QVERIFY(exec({ chatRows(0, 9, m_day + QStringLiteral(" 00:00:00")),
                     QStringLiteral("INSERT INTO order_snapshots (id, order_id, snapshot_data, created_at) VALUES "
                                    "('00000000-0000-0000-0000-00000000000a', gen_random_uuid(), '{}', NULL)"),
                     QStringLiteral("ALTER TABLE daily_inventory_snapshots DROP COLUMN closing_stock"),
                     QStringLiteral("DROP TABLE inventory_transactions") })
                .isEmpty());
    LiveSource saan = addSaan();
    auto report = sync.sync(saan);
    QVERIFY(report);
    QMap<QString, QString> errors;
    for (const SourceTableSync &t : report->tables)
        errors.insert(t.table, t.error);
    QCOMPARE(errors.value(QStringLiteral("chat_conversation_snapshots")), QString());
    QVERIFY2(errors.value(QStringLiteral("daily_inventory_snapshots")).contains(u"column closing_stock is missing"),
        qPrintable(errors.value(QStringLiteral("daily_inventory_snapshots"))));
    QVERIFY2(errors.value(QStringLiteral("inventory_transactions"))
                 .startsWith(u"source saan: table inventory_transactions is not there"),
        qPrintable(errors.value(QStringLiteral("inventory_transactions"))));
    QVERIFY2(errors.value(QStringLiteral("order_snapshots"))
                 .startsWith(u"source saan, table order_snapshots, row 00000000-0000-0000-0000-00000000000a:"),
        qPrintable(errors.value(QStringLiteral("order_snapshots"))));
    QCOMPARE(storedCount(QStringLiteral("chat")), 10);
    QCOMPARE(storedCount(QStringLiteral("order")), 0);
    for (const QString &message : errors)
        QVERIFY(!message.contains(u'\n'));
}

void TestSources::goneAtSourceStays()
{
    QVERIFY(exec({ chatRows(0, 49, m_day + QStringLiteral(" 00:00:00")) }).isEmpty());
    LiveSource saan = addSaan();
    SourceSync sync(*m_store, QStringLiteral("tester"));
    QVERIFY(sync.sync(saan));
    // The source's own cleanup deletes three rows: SnapScope keeps its copies and says so.
    QVERIFY(
        // The server's statistics of deletes, which tell a sync to count the table again, flushed at once (an
        // application's are within seconds).
        exec({ QStringLiteral("DELETE FROM chat_conversation_snapshots WHERE id IN (SELECT md5('chat-row-' || n)::uuid "
                              "FROM generate_series(0, 2) n)"),
                 QStringLiteral("SELECT pg_stat_force_next_flush()") })
            .isEmpty());
    auto report = sync.sync(*m_store->liveSources().liveSource(QStringLiteral("saan")));
    QVERIFY(report && report->succeeded());
    QCOMPARE(storedCount(QStringLiteral("chat")), 50);
    const LiveSource after = *m_store->liveSources().liveSource(QStringLiteral("saan"));
    for (const LiveSourceTable &t : after.tables) {
        if (t.table == u"chat_conversation_snapshots")
            QCOMPARE(t.goneAtSource, 3);
    }
}

void TestSources::mappingFile()
{
    QVERIFY(exec({ QStringLiteral("CREATE TABLE order_audit (audit_id BIGINT PRIMARY KEY, ord TEXT, taken TIMESTAMPTZ, "
                                  "reason TEXT, doc JSONB)"),
                     QStringLiteral("INSERT INTO order_audit SELECT n, 'ORD-' || (n % 3), TIMESTAMPTZ "
                                    "'2026-02-01T00:00:00Z' + make_interval(hours => n), 'changed', jsonb_build_object("
                                    "'status', 'paid', 'total_amount', n) FROM generate_series(1, 9) n") })
                .isEmpty());
    const QJsonObject mapping { { QStringLiteral("tables"),
        QJsonArray { QJsonObject { { QStringLiteral("table"), QStringLiteral("order_audit") },
            { QStringLiteral("kind"), QStringLiteral("order") },
            { QStringLiteral("source_id"), QStringLiteral("audit_id") },
            { QStringLiteral("entity"), QStringLiteral("ord") }, { QStringLiteral("time"), QStringLiteral("taken") },
            { QStringLiteral("type"), QStringLiteral("reason") },
            { QStringLiteral("payload"), QStringLiteral("doc") } } } } };
    auto defined = SourceSync::define(QStringLiteral("audit"), QStringLiteral("mapping"), conninfo(*m_sourceSpec),
        QStringLiteral("saan-th"), QStringLiteral("UTC"), 600, mapping);
    QVERIFY2(defined, defined ? "" : qPrintable(defined.error().message));
    QVERIFY(m_store->liveSources().addLiveSource(*defined, QStringLiteral("tester")));
    auto report = SourceSync(*m_store, QStringLiteral("tester")).sync(*defined);
    QVERIFY2(report && report->succeeded(),
        report ? qPrintable(QString::fromUtf8(QJsonDocument(report->toJson()).toJson())) : "");
    QCOMPARE(report->stored(), 9);
    SnapshotQuery query;
    query.tenant = QStringLiteral("saan-th");
    query.kind = QStringLiteral("order");
    query.entityId = QStringLiteral("ORD-1");
    auto page = m_store->listHeaders(query, {});
    QVERIFY(page);
    QCOMPARE(page->headers.size(), 3);
    auto loaded = m_store->load(page->headers.constFirst().id);
    QVERIFY(loaded);
    const QJsonObject payload = QJsonDocument::fromJson(loaded->payload).object();
    QCOMPARE(payload.value(u"status").toString(), QStringLiteral("paid")); // the payload column, not the row
    QVERIFY(!payload.contains(u"audit_id"));
    QCOMPARE(page->headers.constFirst().type, QStringLiteral("changed"));

    // A mapping naming a column the table lacks is refused when the source is tested.
    QJsonObject wrong = mapping;
    QJsonArray tables = wrong.value(u"tables").toArray();
    QJsonObject entry = tables.at(0).toObject();
    entry.insert(QStringLiteral("version"), QStringLiteral("rev"));
    tables.replace(0, entry);
    wrong.insert(QStringLiteral("tables"), tables);
    auto checks = SourceSync(*m_store, QStringLiteral("tester"))
                      .test(*SourceSync::define(QStringLiteral("audit2"), QStringLiteral("mapping"),
                          conninfo(*m_sourceSpec), QStringLiteral("saan-th"), QStringLiteral("UTC"), 600, wrong));
    QVERIFY(checks);
    QVERIFY2(checks->constFirst().problem.contains(u"column rev is missing"), qPrintable(checks->constFirst().problem));
}

void TestSources::theCommandLine()
{
    if (m_spec.backend != ConnectionSpec::Backend::SQLite)
        QSKIP("the command line is driven on SQLite; the store underneath is the same");
    QVERIFY(exec({ chatRows(0, 19, m_day + QStringLiteral(" 00:00:00")),
                     QStringLiteral("INSERT INTO snapshot_schedules (aggregate_id, schedule, next_run) VALUES "
                                    "('cart-1', '0 * * * *', now())") })
                .isEmpty());
    m_store.reset();
    const QStringList db = TestSupport::cliConnection(m_spec);
    const auto run = [&](const QStringList &arguments, QByteArray *output = nullptr) {
        QProcess cli;
        cli.start(QStringLiteral(SNAPSCOPE_CLI_PATH), db + arguments);
        if (!cli.waitForFinished(60000))
            return -1;
        if (output)
            *output = cli.readAllStandardOutput() + cli.readAllStandardError();
        return cli.exitCode();
    };
    QByteArray output;
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("saan"), QStringLiteral("--preset"),
                     QStringLiteral("saan"), QStringLiteral("--conninfo"), conninfo(*m_sourceSpec),
                     QStringLiteral("--tenant"), QStringLiteral("saan-th"), QStringLiteral("--quiet") },
                 &output),
        0);
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("sync"), QStringLiteral("saan"), QStringLiteral("--json"),
                     QStringLiteral("--quiet") },
                 &output),
        0);
    QCOMPARE(QJsonDocument::fromJson(output).object().value(u"stored").toInt(), 20);
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json") }, &output), 0);
    QVERIFY(output.contains("\"rows_synced\":20"));
    QCOMPARE(run({ QStringLiteral("schedule"), QStringLiteral("create"), QStringLiteral("--tenant"),
                     QStringLiteral("saan-th"), QStringLiteral("--name"), QStringLiteral("keep up"),
                     QStringLiteral("--cron"), QStringLiteral("*/5 * * * *"), QStringLiteral("--sync"),
                     QStringLiteral("saan") },
                 &output),
        0);
    // A source that is not there: one line on stderr, exit 1.
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("es"), QStringLiteral("--preset"),
                     QStringLiteral("event-store"), QStringLiteral("--conninfo"),
                     QStringLiteral("host=127.0.0.1 port=1 dbname=x user=y"), QStringLiteral("--tenant"),
                     QStringLiteral("saan-th") },
                 &output),
        1);
    QCOMPARE(output.count('\n'), 1);
    QVERIFY(output.contains("source es: cannot reach PostgreSQL"));
    // The event store's own schedules, listed read-only.
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("es"), QStringLiteral("--preset"),
                     QStringLiteral("event-store"), QStringLiteral("--conninfo"), conninfo(*m_sourceSpec),
                     QStringLiteral("--tenant"), QStringLiteral("saan-th"), QStringLiteral("--quiet") },
                 &output),
        0);
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("schedules"), QStringLiteral("es") }, &output), 0);
    QVERIFY2(output.startsWith("cart-1\t0 * * * *\tenabled"), output.constData());
    // And beside SnapScope's own schedules.
    QCOMPARE(run({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--tenant"),
                     QStringLiteral("saan-th") },
                 &output),
        0);
    QVERIFY2(output.contains("\tkeep up\t*/5 * * * *") && output.contains("\tcart-1\t0 * * * *\tenabled\tnext ")
            && output.contains("read-only, kept by source es"),
        output.constData());
    QCOMPARE(
        run({ QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("saan"), QStringLiteral("--quiet") }),
        0);
    QCOMPARE(run({ QStringLiteral("source"), QStringLiteral("sync"), QStringLiteral("saan") }, &output), 1);
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestSources, true)

#include "tst_sources.moc"
