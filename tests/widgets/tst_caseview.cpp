#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "caseview.h"
#include "domain/pii.h"
#include "items/casehitmodel.h"
#include "items/casetimelinemodel.h"
#include "items/jsontreemodel.h"
#include "ops/demogenerator.h"
#include "ops/snapshotcomparison.h"
#include "ops/statereconstructor.h"
#include "snapshotinspector.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"

// The dispute case view on the offscreen platform, over the demo data: search, the time cursor (the order rebuilt
// as of the moment, changes highlighted), Compare, and contact details masked for the support role.
class TestCaseView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void maskingIsOnByDefault();
    void searchOpensTheCase();
    void cursorShowsTheReconstructedStateAtThatMoment();
    void revealIsAudited();
    void compareOpensThePreviousVersion();
    void inspectorMasksAndReveals();
    void comparisonMasksForSupport();
    void orderServiceOrderOfEventsAlone();

private:
    CaseView *openedView(const QString &text);

    QTemporaryDir m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_orderId; // a demo order bought in a chat, with several versions
    QString m_phone;
    std::unique_ptr<CaseView> m_view;
};

void TestCaseView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // a settings file of its own: no role configured
    auto store
        = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("case.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    DemoOptions options;
    options.trainDictionaries = false;
    auto report = DemoGenerator(*m_store, options).run();
    QVERIFY(report);
    QStringList keys = report->cases.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        if (!key.startsWith(u"acme-th/") || report->cases.value(key).chatSessions.isEmpty())
            continue;
        auto versions
            = m_store->history().versions(QStringLiteral("acme-th"), QStringLiteral("order"), key.section(u'/', 1));
        QVERIFY(versions);
        if (versions->size() >= 4) {
            m_orderId = key.section(u'/', 1);
            auto first = m_store->load(versions->first().id);
            QVERIFY(first);
            m_phone = QJsonDocument::fromJson(first->payload)
                          .object()
                          .value(u"order_state")
                          .toObject()
                          .value(u"customer")
                          .toObject()
                          .value(u"phone")
                          .toString();
            break;
        }
    }
    QVERIFY(!m_orderId.isEmpty());
    QCOMPARE(m_phone.size(), 10);
}

void TestCaseView::cleanupTestCase()
{
    m_view.reset();
    m_store.reset();
}

CaseView *TestCaseView::openedView(const QString &text)
{
    m_view = std::make_unique<CaseView>();
    m_view->resize(1100, 800);
    m_view->show();
    m_view->setStore(m_store, { QStringLiteral("acme-th"), {}, {}, QStringLiteral("THB") });
    QSignalSpy shown(m_view.get(), &CaseView::momentShown);
    m_view->search(text);
    if (!shown.wait(10000) || !shown.first().first().toBool())
        return nullptr;
    return m_view.get();
}

void TestCaseView::maskingIsOnByDefault()
{
    QCOMPARE(Access::DefaultRole, Access::Role::Support);
    CaseView *view = openedView(m_orderId);
    QVERIFY(view);
    QVERIFY(!view->titleText().contains(m_phone));
    QVERIFY(view->titleText().contains(Pii::maskText(m_phone)));
    QVERIFY(!view->orderText().contains(m_phone));
    QVERIFY(!view->chatText().contains(m_phone));
    QCOMPARE(view->hitModel()->index(0, int(CaseHitModel::Column::Phone)).data().toString(), Pii::maskText(m_phone));
    QVERIFY(view->hitModel()->index(0, int(CaseHitModel::Column::Total)).data().toString().contains(u'฿'));
    // Admin shows them.
    view->setRole(Access::Role::Admin);
    QVERIFY(view->titleText().contains(m_phone));
    QVERIFY(view->orderText().contains(m_phone));
    QCOMPARE(view->hitModel()->index(0, int(CaseHitModel::Column::Phone)).data().toString(), m_phone);
}

void TestCaseView::searchOpensTheCase()
{
    m_view = std::make_unique<CaseView>();
    QAbstractItemModelTester hitsTester(m_view->hitModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester timelineTester(
        m_view->timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->setStore(m_store, { QStringLiteral("acme-th"), {}, {}, QStringLiteral("THB") });
    m_view->show();
    QSignalSpy searched(m_view.get(), &CaseView::searched);
    QSignalSpy shown(m_view.get(), &CaseView::momentShown);
    m_view->search(m_phone.left(4) + u' ' + m_phone.mid(4)); // the whole number, typed with a space
    QVERIFY(searched.wait(10000));
    QVERIFY(searched.first().first().toInt() >= 1);
    bool found = false;
    for (const CaseHit &hit : m_view->hitModel()->hits())
        found = found || hit.orderId == m_orderId;
    QVERIFY(found);
    m_view->openCase(m_orderId);
    QVERIFY(shown.wait(10000));
    QCOMPARE(m_view->currentCase()->orderId, m_orderId);
    // The merged timeline holds every snapshot of the case, in time order.
    const DisputeCase &c = *m_view->currentCase();
    QCOMPARE(
        m_view->timelineModel()->rowCount(), c.order.size() + c.chats.size() + c.inventory.size() + c.financial.size());
    for (int row = 1; row < m_view->timelineModel()->rowCount(); ++row)
        QVERIFY(m_view->timelineModel()->entries().at(row - 1).header.takenAt
            <= m_view->timelineModel()->entries().at(row).header.takenAt);
    // Opened at its end: nothing is in the future.
    for (int row = 0; row < m_view->timelineModel()->rowCount(); ++row)
        QVERIFY(m_view->timelineModel()->stateOf(row) != CaseTimelineModel::State::Future);
}

void TestCaseView::cursorShowsTheReconstructedStateAtThatMoment()
{
    CaseView *view = openedView(m_orderId);
    QVERIFY(view);
    const DisputeCase &c = *view->currentCase();
    // Between the order's second and third snapshots.
    const EpochMs at = c.order.at(1).takenAt + (c.order.at(2).takenAt - c.order.at(1).takenAt) / 2;
    auto expected = StateReconstructor(*m_store).reconstruct(QStringLiteral("acme-th"), QStringLiteral("order"),
        m_orderId, StateReconstructor::Target { std::nullopt, at }, StateReconstructor::Method::FullReplay);
    QVERIFY(expected);
    QSignalSpy shown(view, &CaseView::momentShown);
    view->setCursor(at);
    QVERIFY(shown.wait(10000));
    QVERIFY(view->moment()->orderExists);
    QCOMPARE(view->moment()->at, at);
    QCOMPARE(view->moment()->order, expected->state);
    QCOMPARE(view->moment()->orderVersion, expected->version);
    QVERIFY(view->orderText().contains(expected->state.value(u"status").toString()));
    // Rows after the cursor are in the future; the rows the cursor went back over (from the end) changed.
    CaseTimelineModel *model = view->timelineModel();
    int future = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const EpochMs t = model->entries().at(row).header.takenAt;
        const auto state = model->stateOf(row);
        if (t <= at)
            QCOMPARE(state, CaseTimelineModel::State::Past);
        else
            QCOMPARE(state, CaseTimelineModel::State::Changed); // undone by moving back
        future += t > at ? 1 : 0;
    }
    QVERIFY(future > 0);
    // Forward to the third snapshot: exactly the rows in (at, third] changed; later ones are future.
    const EpochMs third = c.order.at(2).takenAt;
    view->setCursor(third);
    QVERIFY(shown.wait(10000));
    for (int row = 0; row < model->rowCount(); ++row) {
        const EpochMs t = model->entries().at(row).header.takenAt;
        const auto expectedState = t <= at ? CaseTimelineModel::State::Past
            : t <= third                   ? CaseTimelineModel::State::Changed
                                           : CaseTimelineModel::State::Future;
        QCOMPARE(model->stateOf(row), expectedState);
    }
    auto atThird = StateReconstructor(*m_store).reconstruct(QStringLiteral("acme-th"), QStringLiteral("order"),
        m_orderId, StateReconstructor::Target { std::nullopt, third }, StateReconstructor::Method::FullReplay);
    QVERIFY(atThird);
    QCOMPARE(view->moment()->order, atThird->state);
    // Before the order existed: said so, not an error.
    view->setCursor(c.order.first().takenAt - 3600000);
    QVERIFY(shown.wait(10000));
    QVERIFY(!view->moment()->orderExists);
    QVERIFY(view->orderText().contains(QStringLiteral("not been created")));
}

void TestCaseView::revealIsAudited()
{
    CaseView *view = openedView(m_orderId);
    QVERIFY(view);
    QVERIFY(!view->titleText().contains(m_phone));
    view->reveal(QStringLiteral("phone"));
    QTRY_VERIFY_WITH_TIMEOUT(view->titleText().contains(m_phone), 10000);
    QVERIFY(!view->titleText().contains(QStringLiteral("@mail.example"))); // only the field revealed
    AuditQuery query;
    query.tenant = QStringLiteral("acme-th");
    query.action = QStringLiteral("pii.reveal");
    auto log = m_store->maintenance().auditLog(query);
    QVERIFY(log);
    QVERIFY(!log->isEmpty());
    QCOMPARE(log->first().target, m_orderId);
    QCOMPARE(log->first().details.value(u"field").toString(), QStringLiteral("phone"));
}

void TestCaseView::compareOpensThePreviousVersion()
{
    CaseView *view = openedView(m_orderId);
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("timelineView"));
    QVERIFY(table);
    // The order's last snapshot: its previous version is the one before.
    int row = -1;
    const auto &entries = view->timelineModel()->entries();
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).header.id == view->currentCase()->order.last().id)
            row = i;
    }
    QVERIFY(row >= 0);
    table->selectRow(row);
    QSignalSpy compare(view, &CaseView::compareRequested);
    view->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
    QCOMPARE(compare.size(), 1);
    const auto &order = view->currentCase()->order;
    QCOMPARE(compare.first().at(0).toString(), order.at(order.size() - 2).id);
    QCOMPARE(compare.first().at(1).toString(), order.last().id);
}

void TestCaseView::inspectorMasksAndReveals()
{
    SnapshotInspector inspector;
    inspector.setStore(m_store);
    QSignalSpy shown(&inspector, &SnapshotInspector::snapshotShown);
    auto versions = m_store->history().versions(QStringLiteral("acme-th"), QStringLiteral("order"), m_orderId);
    QVERIFY(versions);
    inspector.showSnapshot(versions->first().id);
    QVERIFY(shown.wait(10000));
    const auto treeHolds = [&](const QString &text) {
        return !inspector.treeModel()
                    ->match(inspector.treeModel()->index(0, 0), JsonTreeModel::ValueTextRole, text, 1,
                        Qt::MatchExactly | Qt::MatchRecursive)
                    .isEmpty();
    };
    QVERIFY(!treeHolds(m_phone));
    QVERIFY(treeHolds(Pii::maskText(m_phone)));
    inspector.reveal(QStringLiteral("phone"));
    QVERIFY(shown.wait(10000));
    QVERIFY(treeHolds(m_phone));
}

void TestCaseView::comparisonMasksForSupport()
{
    auto versions = m_store->history().versions(QStringLiteral("acme-th"), QStringLiteral("order"), m_orderId);
    QVERIFY(versions);
    const QString left = versions->first().id, right = versions->last().id;
    const auto holdsPhone = [this](const SnapshotComparison &c) {
        return QJsonDocument(c.left.toObject()).toJson().contains(m_phone.toUtf8())
            || QJsonDocument(c.right.toObject()).toJson().contains(m_phone.toUtf8());
    };
    auto masked = SnapshotComparisons::compare(*m_store, left, right, true);
    QVERIFY(masked);
    QVERIFY(!holdsPhone(*masked));
    QVERIFY(!masked->changes.isEmpty()); // the rest still compares
    auto plain = SnapshotComparisons::compare(*m_store, left, right, false);
    QVERIFY(plain);
    QVERIFY(holdsPhone(*plain));
    QCOMPARE(masked->changes.size(), plain->changes.size()); // the phone did not change
}

void TestCaseView::orderServiceOrderOfEventsAlone()
{
    // A Singapore order the order service never snapshotted (fewer than 10 events): the case view finds it by its id,
    // lists it with its state's total in its currency, and shows the order its events build, masked for support.
    QString orderId;
    for (int n = 1; n <= 400 && orderId.isEmpty(); ++n) {
        const QString id = QStringLiteral("ORD-SG-%1").arg(n, 6, 10, QLatin1Char('0'));
        auto versions = m_store->history().versions(QStringLiteral("lotus-sg"), QStringLiteral("order"), id);
        auto events = m_store->sources().eventRange(QStringLiteral("lotus-sg"), id);
        QVERIFY(versions && events);
        if (versions->isEmpty() && events->count >= 3)
            orderId = id;
    }
    QVERIFY(!orderId.isEmpty());
    StateReconstructor::Target now;
    auto state = StateReconstructor(*m_store).reconstruct(
        QStringLiteral("lotus-sg"), QStringLiteral("order"), orderId, now, StateReconstructor::Method::FullReplay);
    QVERIFY(state);
    const QString phone = state->state.value(u"customer").toObject().value(u"phone").toString();
    QVERIFY(!phone.isEmpty());

    m_view = std::make_unique<CaseView>();
    QAbstractItemModelTester hitsTester(m_view->hitModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1100, 800);
    m_view->show();
    m_view->setStore(m_store, { QStringLiteral("lotus-sg"), {}, {}, QStringLiteral("SGD") });
    QSignalSpy searched(m_view.get(), &CaseView::searched);
    QSignalSpy shown(m_view.get(), &CaseView::momentShown);
    m_view->search(orderId);
    QVERIFY(searched.wait(10000));
    QCOMPARE(searched.first().first().toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
    QVERIFY(shown.first().first().toBool());
    QCOMPARE(m_view->hitModel()->index(0, int(CaseHitModel::Column::Order)).data().toString(), orderId);
    QVERIFY(m_view->hitModel()->index(0, int(CaseHitModel::Column::Total)).data().toString().contains(u"S$"));
    QCOMPARE(m_view->hitModel()->index(0, int(CaseHitModel::Column::Status)).data().toString(),
        state->state.value(u"status").toString());
    QVERIFY(!m_view->orderText().contains(phone));
    QVERIFY(m_view->orderText().contains(state->state.value(u"status").toString()));
    m_view->setRole(Access::Role::Admin);
    QVERIFY(m_view->titleText().contains(phone));
}

QTEST_MAIN(TestCaseView)
#include "tst_caseview.moc"
