#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "common/cartfixture.h"
#include "items/eventlistmodel.h"
#include "pointintimepanel.h"
#include "snapshotinspector.h"
#include "store/snapshotstore.h"
#include "strategypanel.h"
#include "json/canonicaljson.h"

// "State at" on the offscreen platform: the slider, the date-time picker and the events list drive reconstructions
// on the store's workers; the inspector offers the tab for event-sourced kinds only.
class TestPointInTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sliderPickerAndEventsList();
    void inspectorOffersTheTabForEventSourcedKinds();
    void strategyPageSavesAndCompacts();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    QList<QJsonObject> m_states;
    const QString m_tenant = QStringLiteral("t1");
    const EpochMs m_start = 1'772'352'000'000;
};

void TestPointInTime::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("p.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    QVERIFY(m_store->putTenant({ m_tenant, QStringLiteral("T"), QStringLiteral("UTC"), QStringLiteral("THB") }));
    CartFixture::Options cart;
    cart.tenant = m_tenant;
    cart.id = QStringLiteral("cart-1");
    cart.events = 60;
    cart.snapshotEvery = 10;
    cart.start = m_start;
    m_states = CartFixture::put(*m_store, cart);
    QCOMPARE(m_states.size(), 61);
    // Something that is not event-sourced, for the inspector.
    NewSnapshot stock;
    stock.tenant = m_tenant;
    stock.kind = QStringLiteral("stock");
    stock.entityId = QStringLiteral("STORE001");
    stock.takenAt = m_start;
    stock.type = QStringLiteral("manual");
    stock.payload = { { QStringLiteral("store_code"), QStringLiteral("STORE001") } };
    QVERIFY(m_store->put(stock));
}

void TestPointInTime::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestPointInTime::sliderPickerAndEventsList()
{
    PointInTimePanel panel;
    QAbstractItemModelTester tester(panel.eventModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.resize(500, 700);
    panel.show();
    panel.setStore(m_store);
    QSignalSpy shown(&panel, &PointInTimePanel::shown);
    panel.showEntity(m_tenant, QStringLiteral("aggregate"), QStringLiteral("cart-1"), 25);
    QVERIFY(shown.wait());
    QCOMPARE(shown.last().at(0).toBool(), true);
    QCOMPARE(panel.current()->version, 25);
    QCOMPARE(panel.current()->fromSnapshotSeq, 20);
    QCOMPARE(CanonicalJson::write(panel.current()->state), CanonicalJson::write(m_states.at(25)));
    // The events list: every event, the five replayed onto the snapshot marked, the one shown current.
    EventListModel *events = panel.eventModel();
    QCOMPARE(events->rowCount(), 60);
    for (int row = 0; row < 60; ++row)
        QCOMPARE(events->index(row, 0).data(EventListModel::AppliedRole).toBool(), row >= 20 && row < 25);
    auto *eventsView = panel.findChild<QTableView *>(QStringLiteral("eventsView"));
    QCOMPARE(eventsView->currentIndex().row(), 24);
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text().contains(panel.current()->fromSnapshot));

    // The slider: End goes to the last version.
    auto *slider = panel.findChild<QSlider *>(QStringLiteral("versionSlider"));
    QCOMPARE(slider->minimum(), 1);
    QCOMPARE(slider->maximum(), 60);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_End);
    QTRY_COMPARE(panel.current()->version, 60);
    QCOMPARE(CanonicalJson::write(panel.current()->state), CanonicalJson::write(m_states.at(60)));
    QCOMPARE(panel.current()->eventsReplayed, 0);

    // The picker: a moment between events 33 and 34 shows the state after 33, and keeps the moment typed.
    auto *picker = panel.findChild<QDateTimeEdit *>(QStringLiteral("atEdit"));
    const QDateTime between = QDateTime::fromMSecsSinceEpoch(m_start + 33 * 60'000 + 20'000);
    picker->setDateTime(between);
    QTRY_COMPARE(panel.current()->version, 33);
    QCOMPARE(CanonicalJson::write(panel.current()->state), CanonicalJson::write(m_states.at(33)));
    QCOMPARE(picker->dateTime(), between);
    QCOMPARE(slider->value(), 33);

    // A row of the events list: that version.
    eventsView->setFocus();
    QTest::mouseClick(
        eventsView->viewport(), Qt::LeftButton, {}, eventsView->visualRect(events->index(11, 1)).center());
    QTRY_COMPARE(panel.current()->version, 12);
    QCOMPARE(CanonicalJson::write(panel.current()->state), CanonicalJson::write(m_states.at(12)));
}

void TestPointInTime::inspectorOffersTheTabForEventSourcedKinds()
{
    SnapshotInspector inspector;
    inspector.resize(500, 800);
    inspector.show();
    inspector.setStore(m_store);
    auto *tabs = inspector.findChild<QTabWidget *>(QStringLiteral("modeTabs"));
    auto *panel = inspector.findChild<PointInTimePanel *>();
    QVERIFY(tabs && panel);
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.kind = QStringLiteral("stock");
    auto stock = m_store->listHeaders(query, {});
    QSignalSpy snapshotShown(&inspector, &SnapshotInspector::snapshotShown);
    inspector.showSnapshot(stock->headers.first().id);
    QVERIFY(snapshotShown.wait());
    QVERIFY(!tabs->isTabEnabled(tabs->indexOf(panel)));

    query.kind = QStringLiteral("aggregate");
    auto carts = m_store->listHeaders(query, {});
    const SnapshotHeader &v40 = carts->headers.at(2); // newest first: events 60, 50, 40
    QCOMPARE(*v40.eventSeq, 40);
    inspector.showSnapshot(v40.id);
    QVERIFY(snapshotShown.wait());
    QVERIFY(tabs->isTabEnabled(tabs->indexOf(panel)));
    QVERIFY(panel->entityId().isEmpty()); // nothing read until the tab is opened
    QSignalSpy stateShown(panel, &PointInTimePanel::shown);
    tabs->setCurrentWidget(panel);
    QVERIFY(stateShown.wait());
    QCOMPARE(panel->entityId(), QStringLiteral("cart-1"));
    QCOMPARE(panel->current()->version, 40);
    QCOMPARE(panel->current()->fromSnapshot, v40.id);
    // Back to a stock snapshot: the tab is disabled and the snapshot tab shown again.
    inspector.showSnapshot(stock->headers.first().id);
    QVERIFY(snapshotShown.wait());
    QCOMPARE(tabs->currentIndex(), 0);
}

void TestPointInTime::strategyPageSavesAndCompacts()
{
    StrategyPanel panel;
    panel.show();
    QSignalSpy loaded(&panel, &StrategyPanel::loaded);
    panel.setStore(m_store, m_tenant);
    QVERIFY(loaded.wait());
    auto *kind = panel.findChild<QComboBox *>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("aggregate")));
    QVERIFY(loaded.wait());
    QCOMPARE(panel.strategy().everyEvents, 10); // the specification's default
    panel.findChild<QCheckBox *>(QStringLiteral("incremental"))->setChecked(true);
    QSignalSpy saved(&panel, &StrategyPanel::saved);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QVERIFY(saved.wait());
    auto stored = m_store->history().strategy(m_tenant, QStringLiteral("aggregate"));
    QVERIFY(stored && stored->incremental);
    QSignalSpy compacted(&panel, &StrategyPanel::compacted);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("compact")), Qt::LeftButton);
    QVERIFY(compacted.wait(30000));
    QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QStringLiteral("5 stored as delta")),
        qPrintable(panel.findChild<QLabel *>(QStringLiteral("status"))->text()));
    // The six snapshots of the cart: a keyframe, then deltas; each still reads as the state of its event.
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.kind = QStringLiteral("aggregate");
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    auto page = m_store->listHeaders(query, request);
    QVERIFY(page);
    QCOMPARE(page->headers.size(), 6);
    for (int i = 0; i < 6; ++i) {
        const SnapshotHeader &h = page->headers.at(i);
        QCOMPARE(h.baseId.isEmpty(), i == 0);
        auto loadedState = m_store->load(h.id);
        QVERIFY(loadedState);
        QCOMPARE(loadedState->payload, CanonicalJson::write(m_states.at(*h.eventSeq)));
    }
}

QTEST_MAIN(TestPointInTime)
#include "tst_pointintime.moc"
