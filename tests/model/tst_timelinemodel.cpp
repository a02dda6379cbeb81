#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "common/testsupport.h"
#include "items/entitylistmodel.h"
#include "items/timelinemodel.h"
#include "store/snapshotstore.h"

namespace {

constexpr EpochMs T0 = 1735689600000; // 2025-01-01T00:00:00Z
constexpr int Rows = 1050;

NewSnapshot snapshot(const QString &kind, const QString &entity, EpochMs at, const QString &type)
{
    NewSnapshot s;
    s.tenant = QStringLiteral("t1");
    s.kind = kind;
    s.entityId = entity;
    s.takenAt = at;
    s.type = type;
    s.payload = { { QStringLiteral("status"), type }, { QStringLiteral("n"), double(at % 997) } };
    return s;
}

} // namespace

// The timeline model over a real store (SQLite, or PostgreSQL by SNAPSCOPE_TEST_BACKEND), always under
// QAbstractItemModelTester.
class TestTimelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void growsThenHoldsEveryRowInOrder();
    void jumpsToTheOldestAndIntoTheMiddle();
    void pageCacheIsBounded();
    void filterChangeLoadsOnlyTheFirstPage();
    void newerQuerySupersedesOlder();
    void reversedSortStartsAtTheOldest();
    void emptyResultIsShown();
    void entityListFindsByPrefix();

private:
    std::unique_ptr<TimelineModel> newModel(bool useFetchMore = true);
    QStringList expectedIds(const SnapshotQuery &query, SortOrder order);
    static SnapshotQuery allOfTenant();
    // Asks for a row the way a view does (data()) until its page is there.
    static bool waitForRow(TimelineModel &model, int row);

    std::shared_ptr<SnapshotStore> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTimelineModel::initTestCase()
{
    ConnectionSpec spec;
    if (qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres") {
        SNAPSCOPE_REQUIRE_POSTGRES(pg);
        QString error;
        QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
        spec = *pg;
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        spec = ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("timeline.sqlite")));
    }
    OpenOptions options;
    options.createIfMissing = true;
    auto store = openSnapshotStore(spec, options);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    m_store = std::shared_ptr<SnapshotStore>(std::move(store).value());
    QVERIFY(
        m_store->putTenant(
                   { QStringLiteral("t1"), QStringLiteral("One"), QStringLiteral("UTC"), QStringLiteral("THB") })
            .ok());
    QList<NewSnapshot> batch;
    for (int i = 0; i < Rows; ++i) {
        // Pairs share a taken_at, so the id decides their order.
        const QString kind = i % 3 == 0 ? QStringLiteral("chat") : QStringLiteral("order");
        batch.append(snapshot(kind, QStringLiteral("E%1").arg(i % 40), T0 + (i / 2) * 60000,
            i % 7 == 0 ? QStringLiteral("cancelled") : QStringLiteral("created")));
    }
    auto put = m_store->putBatch(batch);
    QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().message));
}

void TestTimelineModel::cleanupTestCase()
{
    m_tester.reset();
    m_store.reset();
}

SnapshotQuery TestTimelineModel::allOfTenant()
{
    SnapshotQuery q;
    q.tenant = QStringLiteral("t1");
    return q;
}

std::unique_ptr<TimelineModel> TestTimelineModel::newModel(bool useFetchMore)
{
    auto model = std::make_unique<TimelineModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tester->setUseFetchMore(useFetchMore);
    model->setPageSize(50);
    return model;
}

QStringList TestTimelineModel::expectedIds(const SnapshotQuery &query, SortOrder order)
{
    PageRequest request;
    request.order = order;
    request.limit = 100000;
    auto page = m_store->listHeaders(query, request);
    if (!page)
        return {};
    QStringList ids;
    for (const SnapshotHeader &h : page->headers)
        ids << h.id;
    return ids;
}

bool TestTimelineModel::waitForRow(TimelineModel &model, int row)
{
    return QTest::qWaitFor(
        [&] {
            model.data(model.index(row, 0)); // what a view painting the row does
            return model.headerAt(row) != nullptr;
        },
        10000);
}

void TestTimelineModel::growsThenHoldsEveryRowInOrder()
{
    auto model = newModel();
    QSignalSpy firstPage(model.get(), &TimelineModel::firstPageShown);
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QVERIFY(firstPage.wait());
    QVERIFY(model->rowCount() >= 50);
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    QCOMPARE(model->rowCount(), Rows);
    QVERIFY(!model->canFetchMore({}));

    const QStringList expected = expectedIds(allOfTenant(), SortOrder::NewestFirst);
    QCOMPARE(expected.size(), Rows);
    for (int row = 0; row < Rows; ++row) {
        QVERIFY2(waitForRow(*model, row), qPrintable(QStringLiteral("row %1 never loaded").arg(row)));
        QCOMPARE(model->headerAt(row)->id, expected.at(row));
        QCOMPARE(model->data(model->index(row, 0), TimelineModel::IdRole).toString(), expected.at(row));
    }
}

void TestTimelineModel::jumpsToTheOldestAndIntoTheMiddle()
{
    auto model = newModel(false);
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    const QStringList expected = expectedIds(allOfTenant(), SortOrder::NewestFirst);
    // The last page is read backwards from the oldest row, the middle ones by the page ends.
    for (int row : { Rows - 1, Rows - 120, 537, 301 }) {
        QVERIFY(waitForRow(*model, row));
        QCOMPARE(model->headerAt(row)->id, expected.at(row));
    }
    QCOMPARE(model->headerAt(Rows - 1)->takenAt, T0);
}

void TestTimelineModel::pageCacheIsBounded()
{
    auto model = newModel(false);
    model->setPageCacheLimit(4);
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    const QStringList expected = expectedIds(allOfTenant(), SortOrder::NewestFirst);
    for (int row = 0; row < Rows; row += 50) {
        QVERIFY(waitForRow(*model, row));
        QVERIFY(model->loadedPageCount() <= 4);
    }
    // An evicted page is read again when it is shown again.
    QVERIFY(!model->headerAt(100));
    QVERIFY(waitForRow(*model, 100));
    QCOMPARE(model->headerAt(100)->id, expected.at(100));
}

void TestTimelineModel::filterChangeLoadsOnlyTheFirstPage()
{
    auto model = newModel(false);
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);

    QSignalSpy pages(model.get(), &TimelineModel::pageLoaded);
    QSignalSpy counted(model.get(), &TimelineModel::countChanged);
    SnapshotQuery q = allOfTenant();
    q.kind = QStringLiteral("order");
    q.types = { QStringLiteral("created") };
    model->setQuery(q);
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    const QStringList expected = expectedIds(q, SortOrder::NewestFirst);
    QCOMPARE(model->rowCount(), expected.size());
    QCOMPARE(pages.size(), 1); // the first page; the rest only when shown
    QCOMPARE(pages.at(0).at(0).toInt(), 0);
    for (int row = 0; row < 50; ++row)
        QCOMPARE(model->headerAt(row)->id, expected.at(row));
    QVERIFY(!model->headerAt(50));
    QVERIFY(counted.size() >= 1);
}

void TestTimelineModel::newerQuerySupersedesOlder()
{
    auto model = newModel();
    model->setStore(m_store);
    SnapshotQuery chats = allOfTenant();
    chats.kind = QStringLiteral("chat");
    SnapshotQuery orders = allOfTenant();
    orders.kind = QStringLiteral("order");
    model->setQuery(chats);
    model->setQuery(orders); // before the chat page arrives
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    QCOMPARE(model->rowCount(), expectedIds(orders, SortOrder::NewestFirst).size());
    for (int row = 0; row < 50; ++row)
        QCOMPARE(model->headerAt(row)->kind, QStringLiteral("order"));
}

void TestTimelineModel::reversedSortStartsAtTheOldest()
{
    auto model = newModel();
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QTRY_VERIFY(model->headerAt(0));
    model->sort(int(TimelineModel::Column::TakenAt), Qt::AscendingOrder);
    QCOMPARE(model->sortOrder(), SortOrder::OldestFirst);
    QTRY_VERIFY(model->headerAt(0));
    const QStringList expected = expectedIds(allOfTenant(), SortOrder::OldestFirst);
    QCOMPARE(model->headerAt(0)->id, expected.at(0));
    QCOMPARE(model->headerAt(0)->takenAt, T0);
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    QVERIFY(waitForRow(*model, Rows - 1));
    QCOMPARE(model->headerAt(Rows - 1)->id, expected.constLast());
    model->sort(int(TimelineModel::Column::Entity), Qt::AscendingOrder); // not a time column: ignored
    QCOMPARE(model->sortOrder(), SortOrder::OldestFirst);
}

void TestTimelineModel::emptyResultIsShown()
{
    auto model = newModel();
    QSignalSpy firstPage(model.get(), &TimelineModel::firstPageShown);
    model->setStore(m_store);
    SnapshotQuery q = allOfTenant();
    q.entityPrefix = QStringLiteral("NO-SUCH");
    model->setQuery(q);
    QVERIFY(firstPage.wait());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->countState(), TimelineModel::CountState::Exact);
    QVERIFY(!model->canFetchMore({}));
}

void TestTimelineModel::entityListFindsByPrefix()
{
    EntityListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &EntityListModel::loaded);
    model.setStore(m_store);
    QCOMPARE(model.rowCount(), 0); // no kind chosen yet
    model.setFilter(QStringLiteral("t1"), QStringLiteral("order"), QString());
    QVERIFY(loaded.wait(10000));
    // Entities E0..E39 hold order snapshots (every i with i % 3 != 0), sorted by id as text.
    QCOMPARE(model.rowCount(), 40);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("E0"));
    QVERIFY(!model.isTruncated());
    qint64 total = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        total += model.index(r, int(EntityListModel::Column::Snapshots)).data().toString().remove(u',').toLongLong();
    QCOMPARE(total, qint64(Rows - (Rows + 2) / 3));
    // A prefix narrows the list; a newer filter supersedes one still loading.
    model.setFilter(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("E9"));
    model.setFilter(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("E3"));
    QVERIFY(loaded.wait(10000));
    QTRY_VERIFY(!model.isLoading());
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(EntityListModel::EntityIdRole).toString();
    QCOMPARE(ids.join(u','), QStringLiteral("E3,E30,E31,E32,E33,E34,E35,E36,E37,E38,E39"));
    // A limit cuts the list and says so.
    model.setLimit(5);
    model.setFilter(QStringLiteral("t1"), QStringLiteral("chat"), QString());
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.isTruncated());
    model.setFilter(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("nothing"));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestTimelineModel, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_timelinemodel.moc"
