// The demo database is what people judge the product by: its numbers must add up.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "../common/testsupport.h"
#include "ops/demogenerator.h"
#include "ops/verification.h"
#include "store/snapshotstore.h"

class TestDemoData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sizeAndKinds();
    void inventoryEquationHoldsForEveryProductDay();
    void versionsAreContiguousPerEntity();
    void ordersFollowTheirLifecycle();
    void chatsCarryThaiAndEnglishOutcomes();
    void aggregatesSnapshotEveryTenEvents();
    void everyPayloadVerifies();
    void sameSeedSameDatabase();
    void otherSeedOtherDatabase();
    void newFileIsPublishedWhole();
    void cancelledNewFileLeavesNothing();

private:
    QByteArray digest(const ConnectionSpec &spec);
    QTemporaryDir m_dir;
    ConnectionSpec m_spec;
    DemoReport m_report;
};

void TestDemoData::initTestCase()
{
    m_spec = ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("demo.sqlite")));
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY(store.ok());
    DemoOptions options;
    options.seed = 42;
    auto report = DemoGenerator(**store, options).run();
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    m_report = *report;
}

void TestDemoData::sizeAndKinds()
{
    QVERIFY2(
        m_report.snapshots >= 22000 && m_report.snapshots <= 34000, qPrintable(QString::number(m_report.snapshots)));
    for (const char *kind : { "order", "stock", "chat", "daily_inventory", "inventory_tx", "financial", "customer_tier",
             "account", "aggregate" })
        QVERIFY2(m_report.snapshotsByKind.value(QString::fromLatin1(kind)) > 0, kind);
    QCOMPARE(m_report.snapshotsByKind.value(QStringLiteral("daily_inventory")), 180 * 20 * 3);
    QVERIFY(m_report.events > 1000);
}

void TestDemoData::inventoryEquationHoldsForEveryProductDay()
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM daily_inventory")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 180 * 20 * 3);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT COUNT(*) FROM daily_inventory WHERE closing <> opening + inbound - outbound + adjustments "
        "OR closing < 0 OR outbound < 0 OR inbound < 0")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // Each day's opening is the previous day's closing, and no day is missing.
    QVERIFY(
        query.exec(QStringLiteral("SELECT COUNT(*) FROM (SELECT opening, LAG(closing) OVER w AS previous_closing, "
                                  "julianday(day) - julianday(LAG(day) OVER w) AS gap FROM daily_inventory "
                                  "WINDOW w AS (PARTITION BY tenant_id, store_code, product_id ORDER BY day)) "
                                  "WHERE previous_closing IS NOT NULL AND (opening <> previous_closing OR gap <> 1)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // The payload says the same as the fact row.
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM daily_inventory d JOIN snapshots s ON s.id = d.snapshot_id "
                                      "WHERE json_extract(s.summary, '$.closing_stock') <> d.closing")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestDemoData::versionsAreContiguousPerEntity()
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT tenant_id, kind, entity_id FROM snapshots "
                       "GROUP BY tenant_id, kind, entity_id HAVING MIN(version) <> 1 OR MAX(version) <> COUNT(*))")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // Versions follow time, and previous_id links each version to the one before.
    QVERIFY(query.exec(
        QStringLiteral("SELECT COUNT(*) FROM snapshots s JOIN snapshots p ON p.id = s.previous_id "
                       "WHERE p.version <> s.version - 1 OR p.taken_at > s.taken_at OR p.entity_id <> s.entity_id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE version > 1 AND previous_id IS NULL")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestDemoData::ordersFollowTheirLifecycle()
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(
        QStringLiteral("SELECT snapshot_type, COUNT(*) FROM snapshots WHERE kind = 'order' GROUP BY snapshot_type")));
    QHash<QString, int> byType;
    while (query.next())
        byType.insert(query.value(0).toString(), query.value(1).toInt());
    for (const char *type : { "created", "confirmed", "shipped", "completed", "cancelled", "modified" })
        QVERIFY2(byType.value(QString::fromLatin1(type)) > 0, type);
    QVERIFY(byType.value(QStringLiteral("created")) >= byType.value(QStringLiteral("confirmed")));
    QVERIFY(byType.value(QStringLiteral("confirmed")) >= byType.value(QStringLiteral("shipped")));
    // Version 1 of every SAAN order is its creation.
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE kind = 'order' AND tenant_id = 'acme-th' "
                                      "AND version = 1 AND snapshot_type <> 'created'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // The order service's items (Singapore) come every 10th event, its version counting them: item n holds event 10n.
    QVERIFY(query.exec(QStringLiteral("SELECT version, event_seq, snapshot_type FROM snapshots WHERE kind = 'order' "
                                      "AND tenant_id = 'lotus-sg'")));
    int items = 0;
    while (query.next()) {
        QCOMPARE(query.value(1).toLongLong(), query.value(0).toLongLong() * 10);
        QCOMPARE(query.value(2).toString(), QStringLiteral("event_driven"));
        ++items;
    }
    QVERIFY(items > 0);
    // Inventory transactions that name an order name a real one of their tenant, after it was created (its first
    // event).
    QVERIFY(query.exec(
        QStringLiteral("SELECT COUNT(*) FROM inventory_transactions t WHERE t.reference_id LIKE 'ORD-%' AND NOT EXISTS "
                       "(SELECT 1 FROM events e WHERE e.seq = 1 AND e.tenant_id = t.tenant_id "
                       "AND e.aggregate_id = t.reference_id AND e.occurred_at < t.occurred_at)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    // Every order that was paid took its stock and has its payment; none that was not paid did.
    QVERIFY(query.exec(QStringLiteral(
        "SELECT COUNT(*) FROM events o WHERE o.type = 'PaymentConfirmed' AND (NOT EXISTS "
        "(SELECT 1 FROM inventory_transactions t WHERE t.reference_id = o.aggregate_id AND t.type = 'deducted') OR NOT "
        "EXISTS (SELECT 1 FROM snapshots f WHERE f.kind = 'financial' AND f.snapshot_type = 'payment_confirmed' AND "
        "json_extract(f.summary, '$.order_id') = o.aggregate_id))")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT COUNT(*) FROM inventory_transactions t WHERE t.reference_id LIKE 'ORD-%' AND NOT EXISTS (SELECT 1 "
        "FROM events o WHERE o.type = 'PaymentConfirmed' AND o.aggregate_id = t.reference_id)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestDemoData::chatsCarryThaiAndEnglishOutcomes()
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT platform, COUNT(*), SUM(order_created), SUM(human_handoff) FROM chat_outcomes GROUP BY platform")));
    QStringList platforms;
    while (query.next()) {
        platforms << query.value(0).toString();
        QVERIFY(query.value(2).toInt() > 0);
    }
    platforms.sort();
    QCOMPARE(
        platforms, QStringList({ QStringLiteral("facebook"), QStringLiteral("line"), QStringLiteral("whatsapp") }));
    auto store = openSnapshotStore(m_spec, {});
    SnapshotQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.kind = QStringLiteral("chat");
    q.types = { QStringLiteral("session_ended") };
    PageRequest request;
    request.limit = 200;
    auto page = (*store)->listHeaders(q, request);
    QVERIFY(page.ok());
    bool thai = false, english = false;
    for (const SnapshotHeader &h : page->headers) {
        auto loaded = (*store)->load(h.id);
        QVERIFY(loaded.ok());
        const QJsonObject chat = QJsonDocument::fromJson(loaded->payload).object();
        const QJsonArray messages = chat.value(u"key_messages").toArray();
        QVERIFY(!messages.isEmpty());
        // The SAAN guide's chat snapshot document.
        const QString text = messages.at(0).toObject().value(u"content").toString();
        thai = thai || text.contains(QChar(0x0E2A)) || text.contains(QChar(0x0E14)); // ส, ด
        english = english || text.startsWith(u'H');
        QCOMPARE(chat.value(u"session_id").toString(), h.entityId);
        QCOMPARE(chat.value(u"snapshot_type").toString(), h.type);
        const double satisfaction
            = chat.value(u"business_outcome").toObject().value(u"customer_satisfaction").toDouble();
        QVERIFY2(satisfaction >= 1 && satisfaction <= 5, qPrintable(QString::number(satisfaction)));
        const QJsonArray scores
            = chat.value(u"conversation_context").toObject().value(u"ai_confidence_scores").toArray();
        QVERIFY(!scores.isEmpty());
        for (const QJsonValue &score : scores)
            QVERIFY2(
                score.toDouble() >= 0.55 && score.toDouble() <= 1.0, qPrintable(QString::number(score.toDouble())));
    }
    QVERIFY(thai);
    QVERIFY(english);
}

void TestDemoData::aggregatesSnapshotEveryTenEvents()
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(
        QStringLiteral("SELECT COUNT(*), SUM(event_seq % 10 <> 0) FROM snapshots WHERE kind = 'aggregate'")));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toInt() > 0);
    QCOMPARE(query.value(1).toInt(), 0);
    QVERIFY(query.exec(
        QStringLiteral("SELECT MIN(n), MAX(n) FROM (SELECT COUNT(*) AS n FROM events GROUP BY aggregate_id)")));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toInt() <= 10);
    QVERIFY(query.value(1).toInt() >= 100);
    QVERIFY(query.exec(QStringLiteral("SELECT data FROM events LIMIT 1")));
    QVERIFY(query.next());
    const QJsonObject data = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    QVERIFY(data.value(u"patch").isArray());
    QVERIFY(!data.value(u"patch").toArray().isEmpty());
}

void TestDemoData::everyPayloadVerifies()
{
    auto store = openSnapshotStore(m_spec, {});
    QVERIFY(store.ok());
    qint64 checked = 0;
    for (const char *tenant : { "acme-th", "lotus-sg" }) {
        SnapshotQuery q;
        q.tenant = QString::fromLatin1(tenant);
        auto report = Verification(**store).run(q);
        QVERIFY(report.ok());
        QVERIFY(report->corrupt.isEmpty());
        checked += report->checked;
    }
    QCOMPARE(checked, m_report.snapshots);
}

QByteArray TestDemoData::digest(const ConnectionSpec &spec)
{
    TestSupport::SideConnection side(spec);
    QSqlQuery query(side.db());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!query.exec(QStringLiteral("SELECT id, entity_id, version, taken_at, checksum FROM snapshots ORDER BY id")))
        return {};
    while (query.next()) {
        for (int i = 0; i < 5; ++i)
            hash.addData(QByteArray(query.value(i).toString().toUtf8() + '|'));
    }
    return hash.result();
}

void TestDemoData::sameSeedSameDatabase()
{
    // Built the other way, as a new file through the private bulk load: the same data.
    QTemporaryDir dir;
    const ConnectionSpec again = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("again.sqlite")));
    DemoOptions options;
    options.seed = 42;
    auto created = createDemoSqliteFile(again.sqlitePath, options);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QCOMPARE(created->snapshots, m_report.snapshots);
    const QByteArray first = digest(m_spec);
    QVERIFY(!first.isEmpty());
    QCOMPARE(digest(again), first);
}

void TestDemoData::otherSeedOtherDatabase()
{
    QTemporaryDir dir;
    const ConnectionSpec other = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("other.sqlite")));
    {
        auto store = openSnapshotStore(other, { true });
        DemoOptions options;
        options.seed = 43;
        QVERIFY(DemoGenerator(**store, options).run().ok());
    }
    QVERIFY(digest(other) != digest(m_spec));
}

void TestDemoData::newFileIsPublishedWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    DemoOptions options;
    options.seed = 7;
    QStringList phases;
    auto created = createDemoSqliteFile(path, options, [&](qint64, qint64, const QString &phase) {
        if (phases.isEmpty() || phases.constLast() != phase)
            phases.append(phase);
        return true;
    });
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QCOMPARE(phases.constLast(), QStringLiteral("indexes"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("new.sqlite") });

    // In WAL mode, with every index a migrated database has (the deferred ones rebuilt), and consistent.
    const auto indexes = [](const ConnectionSpec &spec) {
        TestSupport::SideConnection side(spec);
        QSqlQuery query(side.db());
        query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"));
        QStringList all;
        while (query.next())
            all.append(query.value(0).toString() + u' ' + query.value(1).toString());
        return all;
    };
    const ConnectionSpec fresh = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("fresh.sqlite")));
    QVERIFY(openSnapshotStore(fresh, { true }).ok());
    const QStringList expected = indexes(fresh);
    QVERIFY(expected.size() > 5);
    const ConnectionSpec spec = ConnectionSpec::sqlite(path);
    QCOMPARE(indexes(spec), expected);
    {
        TestSupport::SideConnection side(spec);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM snapshots")) && query.next());
        QCOMPARE(query.value(0).toLongLong(), created->snapshots);
    }

    // A file that exists is never replaced.
    const auto contents = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = contents();
    QVERIFY(!before.isEmpty());
    auto again = createDemoSqliteFile(path, options);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.contains(QStringLiteral("already exists")), qPrintable(again.error().message));
    QCOMPARE(contents(), before);
}

void TestDemoData::cancelledNewFileLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.sqlite"));
    QFile stale(path + QStringLiteral(".partial")); // as a crashed run leaves it
    QVERIFY(stale.open(QIODevice::WriteOnly) && stale.write("half a database") > 0);
    stale.close();
    auto created
        = createDemoSqliteFile(path, DemoOptions(), [](qint64 done, qint64, const QString &) { return done < 8000; });
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, Error::Code::Cancelled);
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
