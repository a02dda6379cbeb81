#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <pwd.h>
#include <unistd.h>

#include "common/testsupport.h"
#include "domain/pii.h"
#include "ops/caseassembler.h"
#include "ops/casetimeline.h"
#include "ops/demogenerator.h"
#include "ops/exportaudit.h"
#include "ops/personaldata.h"
#include "store/maintenancestore.h"
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
    void orderOfEventsAloneIsACase();
    void searchFindsTheOrderByEachKey();
    void legalHoldPinsTheWholeCaseOrNothing();
    void maskingHidesContactDetails();
    void maskingKeepsWholeCharacters_data();
    void maskingKeepsWholeCharacters();
    void exportsAndRoleSwitchesAreAudited();
    void actorWithoutEnvironmentIsTheLoginName();
    void momentNamesTheDetailsEventsChanged();

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
    int checked = 0, withChat = 0, withRefund = 0, eventsOnly = 0;
    CaseAssembler assembler(*m_store);
    for (qsizetype i = 0; i < keys.size(); i += 7) {
        const QString tenant = keys.at(i).section(u'/', 0, 0);
        const QString orderId = keys.at(i).section(u'/', 1);
        const DemoCase &expected = m_report.cases.value(keys.at(i));
        auto c = assembler.assemble(tenant, orderId);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        // A SAAN order has its snapshots from creation on; the order service's (Singapore) only from its 10th
        // event, so a shorter one is a case of events alone.
        QVERIFY(!c->order.isEmpty() || tenant == u"lotus-sg");
        eventsOnly += c->order.isEmpty() ? 1 : 0;
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
    QVERIFY(eventsOnly > 0);
    QVERIFY(withChat > 20);
    QVERIFY(withRefund > 0);
}

void TestCase::unknownOrderIsNotFound()
{
    auto c = CaseAssembler(*m_store).assemble(QStringLiteral("acme-th"), QStringLiteral("ORD-TH-999999"));
    QVERIFY(!c);
    QCOMPARE(c.error().code, Error::Code::NotFound);
}

void TestCase::orderOfEventsAloneIsACase()
{
    // A Singapore order the order service never snapshotted (fewer than 10 events): found by its id, listed with
    // what its state says now, and its moments reconstructed from its events.
    CaseAssembler assembler(*m_store);
    QString orderId;
    for (auto it = m_report.cases.constBegin(); it != m_report.cases.constEnd() && orderId.isEmpty(); ++it) {
        if (!it.key().startsWith(u"lotus-sg/"))
            continue;
        auto c = assembler.assemble(QStringLiteral("lotus-sg"), it.key().section(u'/', 1));
        QVERIFY(c);
        if (c->order.isEmpty())
            orderId = c->orderId;
    }
    QVERIFY(!orderId.isEmpty());
    auto hits = assembler.search(QStringLiteral("lotus-sg"), orderId);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    const CaseHit &hit = hits->first();
    QCOMPARE(hit.orderId, orderId);
    QVERIFY(hit.customerId.startsWith(u"CUST"));
    QVERIFY(!hit.status.isEmpty());
    QVERIFY(hit.total.toDouble() > 0);
    QVERIFY(hit.createdAt > 0 && hit.createdAt <= hit.updatedAt);
    auto c = assembler.assemble(QStringLiteral("lotus-sg"), orderId);
    QVERIFY(c);
    CaseCursor cursor(*m_store, *c);
    auto moment = cursor.at(hit.updatedAt);
    QVERIFY2(moment, qPrintable(moment ? QString() : moment.error().message));
    QVERIFY(moment->orderExists);
    QCOMPARE(moment->order.value(u"id").toString(), orderId);
    QCOMPARE(moment->order.value(u"status").toString(), hit.status);
    auto before = cursor.at(hit.createdAt - 1);
    QVERIFY(before);
    QVERIFY(!before->orderExists);
    // A workflow's events are not an order's: its id finds no case (the events table does not say whose they are).
    auto workflow = assembler.search(QStringLiteral("acme-th"), QStringLiteral("wf-00001"));
    QVERIFY(workflow);
    QVERIFY(workflow->isEmpty());
    auto notACase = assembler.assemble(QStringLiteral("acme-th"), QStringLiteral("wf-00001"));
    QVERIFY(!notACase);
    QCOMPARE(notACase.error().code, Error::Code::NotFound);
}

void TestCase::searchFindsTheOrderByEachKey()
{
    // A demo order that was bought in a chat.
    QString tenant, orderId;
    DemoCase expected;
    for (auto it = m_report.cases.constBegin(); it != m_report.cases.constEnd() && orderId.isEmpty(); ++it) {
        if (!it->chatSessions.isEmpty() && it.key().startsWith(u"acme-th/")) {
            tenant = it.key().section(u'/', 0, 0);
            orderId = it.key().section(u'/', 1);
            expected = *it;
        }
    }
    QVERIFY(!orderId.isEmpty());
    CaseAssembler assembler(*m_store);
    auto c = assembler.assemble(tenant, orderId);
    QVERIFY(c);
    auto first = m_store->load(c->order.first().id);
    QVERIFY(first);
    // The SAAN order snapshot keeps the order in order_state.
    const QJsonObject customer = QJsonDocument::fromJson(first->payload)
                                     .object()
                                     .value(u"order_state")
                                     .toObject()
                                     .value(u"customer")
                                     .toObject();
    const QString customerId = customer.value(u"id").toString(), phone = customer.value(u"phone").toString();
    QVERIFY(!customerId.isEmpty() && phone.size() == 10);

    const auto ids = [](const QList<CaseHit> &hits) {
        QStringList out;
        for (const CaseHit &hit : hits)
            out.append(hit.orderId);
        return out;
    };
    auto byOrder = assembler.search(tenant, QStringLiteral("  %1 ").arg(orderId));
    QVERIFY(byOrder);
    QCOMPARE(ids(*byOrder), QStringList { orderId });
    QCOMPARE(byOrder->first().matchedBy, QStringLiteral("order id"));
    QCOMPARE(byOrder->first().customerId, customerId);
    QCOMPARE(byOrder->first().status, c->order.last().summary.value(u"status").toString());
    QCOMPARE(byOrder->first().createdAt, c->order.first().takenAt);

    auto byCustomer = assembler.search(tenant, customerId);
    QVERIFY(byCustomer);
    QVERIFY(ids(*byCustomer).contains(orderId));
    for (const CaseHit &hit : std::as_const(*byCustomer))
        QCOMPARE(hit.customerId, customerId);
    for (qsizetype i = 1; i < byCustomer->size(); ++i)
        QVERIFY(byCustomer->at(i - 1).createdAt >= byCustomer->at(i).createdAt);

    auto bySession = assembler.search(tenant, expected.chatSessions.first());
    QVERIFY(bySession);
    QCOMPARE(ids(*bySession), QStringList { orderId });
    QCOMPARE(bySession->first().matchedBy, QStringLiteral("chat session"));

    auto byPhone = assembler.search(tenant, phone.left(3) + u'-' + phone.mid(3));
    QVERIFY(byPhone);
    QVERIFY(ids(*byPhone).contains(orderId));
    const QString prefix = phone.left(6);
    auto byPrefix = assembler.search(tenant, prefix);
    QVERIFY(byPrefix);
    QVERIFY(ids(*byPrefix).contains(orderId));
    for (const CaseHit &hit : std::as_const(*byPrefix))
        QVERIFY2(hit.customerPhone.startsWith(prefix), qPrintable(hit.customerPhone));

    auto nothing = assembler.search(tenant, QStringLiteral("no-such-thing"));
    QVERIFY(nothing);
    QVERIFY(nothing->isEmpty());
    auto limited = assembler.search(tenant, QStringLiteral("08"), 5);
    QVERIFY(limited);
    QCOMPARE(limited->size(), 5);
}

void TestCase::legalHoldPinsTheWholeCaseOrNothing()
{
    const QString key = m_report.cases.keys().first();
    const QString tenant = key.section(u'/', 0, 0), orderId = key.section(u'/', 1);
    auto c = CaseAssembler(*m_store).assemble(tenant, orderId);
    QVERIFY(c);
    const QStringList ids = c->snapshotIds();
    QVERIFY(ids.size() >= 2);
    const QString actor = QStringLiteral("support@test");

    QCOMPARE(m_store->setPinned(ids, true, QStringLiteral(" "), actor, orderId).error().code, Error::Code::Invalid);
    // One id that does not exist: nothing is pinned.
    QStringList withUnknown = ids;
    withUnknown.append(QStringLiteral("00000000-0000-7000-8000-000000000000"));
    QCOMPARE(m_store->setPinned(withUnknown, true, QStringLiteral("dispute"), actor, orderId).error().code,
        Error::Code::NotFound);
    for (const QString &id : ids)
        QVERIFY(!m_store->header(id)->pinned);

    QVERIFY(m_store->setPinned(ids, true, QStringLiteral("chargeback 7731"), actor, orderId).ok());
    for (const QString &id : ids)
        QVERIFY(m_store->header(id)->pinned);
    AuditQuery query;
    query.tenant = tenant;
    query.action = QStringLiteral("pin");
    auto log = m_store->maintenance().auditLog(query);
    QVERIFY(log);
    QVERIFY(!log->isEmpty());
    QCOMPARE(log->first().target, orderId);
    QCOMPARE(log->first().details.value(u"count").toInt(), ids.size());
    QCOMPARE(log->first().actor, actor);

    QVERIFY(m_store->setPinned(ids, false, {}, actor, orderId).ok());
    for (const QString &id : ids)
        QVERIFY(!m_store->header(id)->pinned);
}

void TestCase::maskingHidesContactDetails()
{
    QCOMPARE(Access::DefaultRole, Access::Role::Support);
    QVERIFY(Pii::masks(Access::DefaultRole));
    QVERIFY(!Pii::masks(Access::Role::Admin));
    QCOMPARE(Access::roleFromString(QStringLiteral("admin")), Access::Role::Admin);
    QVERIFY(!Access::roleFromString(QStringLiteral("root")));
    const QJsonObject order = QJsonDocument::fromJson(R"({"customer":{"id":"CUST1","name":"Ann","phone":"0812345678",
        "email":"ann@mail.example"},"delivery":{"method":"courier","address":{"line1":"12/3 Sukhumvit","postcode":"10110"}},
        "items":[{"phone":"0899999999"}]})")
                                  .object();
    const QJsonObject masked = Pii::masked(order, QStringLiteral("order")).toObject();
    QCOMPARE(masked.value(u"customer").toObject().value(u"phone").toString(), QStringLiteral("••••••••78"));
    QCOMPARE(masked.value(u"customer").toObject().value(u"id").toString(), QStringLiteral("CUST1"));
    QVERIFY(!QJsonDocument(masked).toJson().contains("ann@"));
    QVERIFY(!QJsonDocument(masked).toJson().contains("Sukhumvit"));
    QVERIFY(!QJsonDocument(masked).toJson().contains("0899999999"));
    QCOMPARE(masked.value(u"delivery").toObject().value(u"method").toString(), QStringLiteral("courier"));
    QStringList pointers = Pii::personalPointers(order, QStringLiteral("order"));
    pointers.sort();
    QCOMPARE(pointers,
        QStringList({ QStringLiteral("/customer/email"), QStringLiteral("/customer/phone"),
            QStringLiteral("/delivery/address"), QStringLiteral("/items/0/phone") }));
}

void TestCase::maskingKeepsWholeCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("phone") << QStringLiteral("0812345678") << QStringLiteral("••••••••78");
    QTest::newRow("short") << QStringLiteral("abcd") << QStringLiteral("••••");
    // ถ น น สุ ขุ ม วิ ท: eight characters to a reader; the vowel marks stay on their consonants.
    QTest::newRow("thai") << QStringLiteral("ถนนสุขุมวิท") << QStringLiteral("••••••วิท");
    QTest::newRow("thai short") << QStringLiteral("สุขุ") << QStringLiteral("••");
    QTest::newRow("emoji") << QStringLiteral("ab👍🏽cd") << QStringLiteral("•••cd");
    QTest::newRow("empty") << QString() << QString();
}

void TestCase::maskingKeepsWholeCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Pii::maskText(text), masked);
}

void TestCase::exportsAndRoleSwitchesAreAudited()
{
    const QString tenant = m_report.cases.keys().first().section(u'/', 0, 0);
    const QString orderId = m_report.cases.keys().first().section(u'/', 1);
    QVERIFY(ExportAudit::record(
        *m_store, tenant, QStringLiteral("pdf"), orderId, QStringLiteral("/tmp/case.pdf"), true, QStringLiteral("test"))
                .ok());
    QVERIFY(PersonalData::auditRoleSwitch(*m_store, tenant, Access::Role::Admin, QStringLiteral("test")).ok());
    AuditQuery query;
    query.tenant = tenant;
    query.limit = 2;
    auto log = m_store->maintenance().auditLog(query);
    QVERIFY2(log, qPrintable(log ? QString() : log.error().message));
    QCOMPARE(log->size(), 2);
    const AuditEntry &role = log->at(0), &pdf = log->at(1); // newest first
    QCOMPARE(role.action, QStringLiteral("role.admin"));
    QCOMPARE(pdf.action, QStringLiteral("export.pdf"));
    QCOMPARE(pdf.target, orderId);
    QCOMPARE(pdf.details.value(u"file").toString(), QStringLiteral("/tmp/case.pdf"));
    QCOMPARE(pdf.details.value(u"contact_details").toString(), QStringLiteral("masked"));
    QCOMPARE(pdf.details.value(u"role").toString(), QStringLiteral("admin")); // the store's: its owner here
}

void TestCase::actorWithoutEnvironmentIsTheLoginName()
{
    // A service or cron job often runs with none of these set.
    QHash<QByteArray, QByteArray> saved;
    for (const char *name : { "SNAPSCOPE_ACTOR", "USER", "USERNAME", "LOGNAME" }) {
        saved.insert(name, qgetenv(name));
        qunsetenv(name);
    }
    const auto restore = qScopeGuard([&] {
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            if (!it.value().isEmpty())
                qputenv(it.key().constData(), it.value());
    });
    const passwd *user = getpwuid(getuid());
    QVERIFY(user);
    QCOMPARE(ActorIdentity::current(), QString::fromLocal8Bit(user->pw_name));
    qputenv("SNAPSCOPE_ACTOR", "svc-snapshots");
    QCOMPARE(ActorIdentity::current(), QStringLiteral("svc-snapshots"));
    qunsetenv("SNAPSCOPE_ACTOR");
}

// A moment resting on a snapshot with events folded in since names the contact details those events touch: a value
// revealed from the snapshot is not that moment's (issue 26).
void TestCase::momentNamesTheDetailsEventsChanged()
{
    const QString tenant = QStringLiteral("lotus-sg");
    CaseAssembler assembler(*m_store);
    std::optional<DisputeCase> found;
    for (auto it = m_report.cases.constBegin(); it != m_report.cases.constEnd() && !found; ++it) {
        if (!it.key().startsWith(tenant + u'/'))
            continue;
        auto c = assembler.assemble(tenant, it.key().section(u'/', 1));
        QVERIFY(c);
        if (!c->order.isEmpty() && c->order.last().eventSeq)
            found = *c;
    }
    QVERIFY(found);
    const QString orderId = found->orderId;
    auto range = m_store->sources().eventRange(tenant, orderId);
    QVERIFY(range && range->lastSeq > 0);
    const EpochMs later = std::max(range->lastAt, found->order.last().takenAt) + 60000;
    EventRecord change { tenant, orderId, range->lastSeq + 1, QStringLiteral("CustomerContactChanged"), later,
        QJsonObject { { QStringLiteral("patch"),
            QJsonArray { QJsonObject { { QStringLiteral("op"), QStringLiteral("replace") },
                { QStringLiteral("path"), QStringLiteral("/customer/phone") },
                { QStringLiteral("value"), QStringLiteral("+6590000000") } } } } } };
    QVERIFY(m_store->sources().appendEvents({ change }));
    auto c = assembler.assemble(tenant, orderId);
    QVERIFY(c);
    CaseCursor cursor(*m_store, *c);
    auto atSnapshot = cursor.at(c->order.last().takenAt);
    QVERIFY2(atSnapshot, qPrintable(atSnapshot ? QString() : atSnapshot.error().message));
    QCOMPARE(atSnapshot->orderSnapshot, c->order.last().id);
    QVERIFY(!atSnapshot->changedByEvents.contains(QStringLiteral("phone")));
    auto afterChange = cursor.at(later);
    QVERIFY2(afterChange, qPrintable(afterChange ? QString() : afterChange.error().message));
    QCOMPARE(afterChange->orderSnapshot, c->order.last().id);
    QCOMPARE(afterChange->changedByEvents, QStringList { QStringLiteral("phone") });
    QCOMPARE(afterChange->order.value(u"customer").toObject().value(u"phone").toString(),
        QStringLiteral("+6590000000")); // the owner reads the event whole
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestCase, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_case.moc"
