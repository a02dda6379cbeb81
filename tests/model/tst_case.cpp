#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "common/testsupport.h"
#include "ops/caseassembler.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

// Dispute cases on a demo store, SQLite or PostgreSQL (SNAPSCOPE_TEST_BACKEND): for demo orders the case holds
// exactly the chat sessions, stock movements and financial records the generator made for them.
class TestCase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void casesHoldExactlyWhatTheGeneratorMade();
    void unknownOrderIsNotFound();

private:
    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
    DemoReport m_report;
};

void TestCase::initTestCase()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "case.sqlite");
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    DemoOptions options;
    options.trainDictionaries = false;
    auto report = DemoGenerator(*m_store, options).run();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    m_report = *report;
}

void TestCase::cleanupTestCase()
{
    m_store.reset();
    m_dir.reset();
}

void TestCase::casesHoldExactlyWhatTheGeneratorMade()
{
    // Every 7th order of each tenant (with and without chat, paid, changed, refunded or never paid).
    QStringList keys = m_report.cases.keys();
    std::sort(keys.begin(), keys.end());
    int checked = 0, withChat = 0, withRefund = 0;
    CaseAssembler assembler(*m_store);
    for (qsizetype i = 0; i < keys.size(); i += 7) {
        const QString tenant = keys.at(i).section(u'/', 0, 0);
        const QString orderId = keys.at(i).section(u'/', 1);
        const DemoCase &expected = m_report.cases.value(keys.at(i));
        auto c = assembler.assemble(tenant, orderId);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QVERIFY(!c->order.isEmpty());
        for (const SnapshotHeader &h : std::as_const(c->order))
            QCOMPARE(h.entityId, orderId);
        QStringList sessions = c->chatSessions, expectedSessions = expected.chatSessions;
        sessions.sort();
        expectedSessions.sort();
        QCOMPARE(sessions, expectedSessions);
        for (const SnapshotHeader &h : std::as_const(c->chats))
            QVERIFY(expected.chatSessions.contains(h.entityId));
        QStringList financial;
        for (const SnapshotHeader &h : std::as_const(c->financial))
            financial.append(h.entityId);
        QStringList expectedFinancial = expected.financialRecords;
        financial.sort();
        expectedFinancial.sort();
        QCOMPARE(financial, expectedFinancial);
        QStringList transactions;
        for (const SnapshotHeader &h : std::as_const(c->inventory)) {
            auto loaded = m_store->load(h.id);
            QVERIFY(loaded);
            transactions.append(QJsonDocument::fromJson(loaded->payload).object().value(u"transaction_id").toString());
        }
        QStringList expectedTransactions = expected.transactions;
        transactions.sort();
        expectedTransactions.sort();
        QCOMPARE(transactions, expectedTransactions);
        // Each list is in time order.
        for (const QList<SnapshotHeader> *list : { &c->order, &c->chats, &c->inventory, &c->financial }) {
            for (qsizetype k = 1; k < list->size(); ++k)
                QVERIFY(list->at(k - 1).takenAt <= list->at(k).takenAt);
        }
        ++checked;
        withChat += expected.chatSessions.isEmpty() ? 0 : 1;
        for (const SnapshotHeader &h : std::as_const(c->financial))
            withRefund += h.type == u"refund_processed" ? 1 : 0;
    }
    QVERIFY(checked > 100);
    QVERIFY(withChat > 20);
    QVERIFY(withRefund > 0);
}

void TestCase::unknownOrderIsNotFound()
{
    auto c = CaseAssembler(*m_store).assemble(QStringLiteral("acme-th"), QStringLiteral("ORD-TH-999999"));
    QVERIFY(!c);
    QCOMPARE(c.error().code, Error::Code::NotFound);
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestCase, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_case.moc"
