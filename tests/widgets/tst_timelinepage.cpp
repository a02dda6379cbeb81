// The Timeline tab on its own, with the inspector it drives: what is inspected when rows arrive, when an entity's
// timeline opens and closes, when the filters change, and which of two selected rows is the older.
#include <QApplication>
#include <QFrame>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "common/testsupport.h"
#include "items/timelinemodel.h"
#include "snapshotinspector.h"
#include "store/snapshotstore.h"
#include "timelinepage.h"
#include "json/isotime.h"

namespace {

const QString Shop = QStringLiteral("th");

EpochMs utc(const char *iso)
{
    return *IsoTime::parseDateTime(QString::fromLatin1(iso));
}

NewSnapshot snapshot(const QString &kind, const QString &entity, const char *at, const QString &type)
{
    NewSnapshot s;
    s.tenant = Shop;
    s.kind = kind;
    s.entityId = entity;
    s.takenAt = utc(at);
    s.type = type;
    s.payload = { { QStringLiteral("status"), type } };
    return s;
}

} // namespace

class TestTimelinePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstRowsInspectTheNewest();
    void entityTimelineOpensOnItsNewestVersion();
    void newFiltersKeepOrFollowTheInspected();
    void twoSelectedRowsOlderFirst();

private:
    // The page loaded on the store, its first rows shown.
    void loadPage();
    QString idOf(const QString &entity, int version) const;

    QTemporaryDir m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    std::unique_ptr<SnapshotInspector> m_inspector;
    std::unique_ptr<TimelinePage> m_page;
    QList<SnapshotHeader> m_put; // what init() stored
};

void TestTimelinePage::init()
{
    auto opened = openSharedSnapshotStore(
        ConnectionSpec::sqlite(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".sqlite")),
        { true });
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_store = *opened;
    QVERIFY(m_store->putTenant(
        { Shop, QStringLiteral("Thai shop"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    auto put = m_store->putBatch({
        snapshot(QStringLiteral("order"), QStringLiteral("ORD-1"), "2026-10-01T01:00:00Z", QStringLiteral("created")),
        snapshot(QStringLiteral("order"), QStringLiteral("ORD-1"), "2026-10-01T02:00:00Z", QStringLiteral("confirmed")),
        snapshot(QStringLiteral("order"), QStringLiteral("ORD-1"), "2026-10-01T03:00:00Z", QStringLiteral("shipped")),
        snapshot(QStringLiteral("order"), QStringLiteral("ORD-2"), "2026-10-01T04:00:00Z", QStringLiteral("created")),
        snapshot(
            QStringLiteral("chat"), QStringLiteral("LI-1"), "2026-10-01T05:00:00Z", QStringLiteral("session_ended")),
        snapshot(
            QStringLiteral("chat"), QStringLiteral("LI-2"), "2026-10-01T06:00:00Z", QStringLiteral("session_ended")),
    });
    QVERIFY2(put, qPrintable(put ? QString() : put.error().message));
    m_put = *put;
    m_inspector = std::make_unique<SnapshotInspector>();
    m_inspector->setStore(m_store);
    m_page = std::make_unique<TimelinePage>();
    m_page->setInspector(m_inspector.get());
    m_page->resize(900, 500);
}

void TestTimelinePage::cleanup()
{
    m_page.reset();
    m_inspector.reset();
    m_store.reset();
    QVERIFY(SnapshotStore::waitUntilAllClosed(30000)); // before the test's folder goes
}

void TestTimelinePage::loadPage()
{
    auto tenants = m_store->tenants();
    QVERIFY(tenants);
    m_page->setTenants(*tenants, Shop);
    QCOMPARE(m_page->timeZone(), QTimeZone("Asia/Bangkok"));
    QSignalSpy shown(m_page.get(), &TimelinePage::firstRowsShown);
    QVERIFY(m_page->load(m_store, Shop));
    QVERIFY(shown.wait(10000));
    QCOMPARE(shown.first().first().toBool(), true);
}

QString TestTimelinePage::idOf(const QString &entity, int version) const
{
    for (const SnapshotHeader &h : m_put) {
        if (h.entityId == entity && h.version == version)
            return h.id;
    }
    return {};
}

void TestTimelinePage::firstRowsInspectTheNewest()
{
    loadPage();
    QCOMPARE(m_page->model()->rowCount(), 6);
    // The newest row is selected and inspected: LI-2.
    QTRY_VERIFY(m_inspector->header().has_value());
    QCOMPARE(m_inspector->header()->entityId, QStringLiteral("LI-2"));
    const auto *table = m_page->findChild<QTableView *>(QStringLiteral("timelineTable"));
    QVERIFY(table);
    QCOMPARE(table->selectionModel()->currentIndex().row(), 0);
}

void TestTimelinePage::entityTimelineOpensOnItsNewestVersion()
{
    loadPage();
    auto *bar = m_page->findChild<QFrame *>(QStringLiteral("entityBar"));
    QVERIFY(bar);
    QVERIFY(bar->isHidden());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->showEntity(QStringLiteral("order"), QStringLiteral("ORD-1"));
    QVERIFY(!bar->isHidden());
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    QTRY_VERIFY(m_inspector->header() && m_inspector->header()->id == idOf(QStringLiteral("ORD-1"), 3));

    // Esc in the table leaves the entity: all snapshots again, the inspected one kept.
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("timelineTable"));
    QApplication::setActiveWindow(m_page.get());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Escape);
    QVERIFY(bar->isHidden());
    QTRY_COMPARE(m_page->model()->rowCount(), 4); // still the order kind, every order
    QCOMPARE(m_inspector->header()->id, idOf(QStringLiteral("ORD-1"), 3));
}

void TestTimelinePage::newFiltersKeepOrFollowTheInspected()
{
    loadPage();
    const QString kept = idOf(QStringLiteral("ORD-1"), 2); // not the newest order
    m_page->selectSnapshot(kept);
    QTRY_VERIFY(m_inspector->header() && m_inspector->header()->id == kept);

    // Orders still list it: it stays inspected, selected in its new row.
    m_page->showKind(QStringLiteral("order"));
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("timelineTable"));
    QTRY_COMPARE(table->selectionModel()->currentIndex().row(), 2);
    QCOMPARE(m_inspector->header()->id, kept);

    // Chats do not: the inspector follows the first row shown.
    m_page->showKind(QStringLiteral("chat"));
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QTRY_VERIFY(m_inspector->header() && m_inspector->header()->entityId == QStringLiteral("LI-2"));
}

void TestTimelinePage::twoSelectedRowsOlderFirst()
{
    loadPage();
    QSignalSpy pair(m_page.get(), &TimelinePage::pairSelectedChanged);
    QVERIFY(!m_page->selectedPair());
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("timelineTable"));
    // Rows 0 and 2 (newest first): LI-2 and ORD-2.
    table->selectionModel()->select(
        m_page->model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->selectionModel()->select(
        m_page->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(!pair.isEmpty());
    QCOMPARE(pair.last().first().toBool(), true);
    const auto selected = m_page->selectedPair();
    QVERIFY(selected);
    QCOMPARE(selected->first, idOf(QStringLiteral("ORD-2"), 1));
    QCOMPARE(selected->second, m_page->model()->headerAt(0)->id);
}

QTEST_MAIN(TestTimelinePage)
#include "tst_timelinepage.moc"
