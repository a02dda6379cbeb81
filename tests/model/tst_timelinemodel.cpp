#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

#include "common/testsupport.h"
#include "items/auditlogmodel.h"
#include "items/casehitmodel.h"
#include "items/casetimelinemodel.h"
#include "items/entitylistmodel.h"
#include "items/eventlistmodel.h"
#include "items/retentionplanmodel.h"
#include "items/schedulelistmodel.h"
#include "items/timelinemodel.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"

namespace {

constexpr EpochMs T0 = 1735689600000; // 2025-01-01T00:00:00Z
constexpr int Rows = 1050;
// Tenant t2 (Asia/Bangkok): a few snapshots whose creators and entity ids differ in case, for the text filters.
const QString Bangkok = QStringLiteral("t2");

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
    void countedRowsArriveInSlices();
    void pageCacheIsBounded();
    void filterChangeLoadsOnlyTheFirstPage();
    void newerQuerySupersedesOlder();
    void reversedSortStartsAtTheOldest();
    void emptyResultIsShown();
    void entityListFindsByPrefix();
    void timesAreShownInTheTenantsZone_data();
    void timesAreShownInTheTenantsZone();
    void everyTimeColumnFollowsTheZone();
    void textFiltersIgnoreCase_data();
    void textFiltersIgnoreCase();
    void emptyTimelineSaysWhy_data();
    void emptyTimelineSaysWhy();

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

    QVERIFY(
        m_store->putTenant(
                   { Bangkok, QStringLiteral("Bangkok"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") })
            .ok());
    const QList<std::pair<QString, QString>> rows { { QStringLiteral("ORD-TH-001"), QStringLiteral("Ana.K") },
        { QStringLiteral("ord-th-002"), QStringLiteral("support-ana") },
        { QStringLiteral("Ord-Th-003"), QStringLiteral("bob") },
        { QStringLiteral("OTHER-1"), QStringLiteral("system") },
        { QStringLiteral("ORDX-9"), QStringLiteral("a%b_c") } };
    QList<NewSnapshot> bangkok;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        NewSnapshot s = snapshot(QStringLiteral("order"), rows.at(i).first, T0 + i * 60000, QStringLiteral("created"));
        s.tenant = Bangkok;
        s.createdBy = rows.at(i).second;
        bangkok.append(s);
    }
    auto putBangkok = m_store->putBatch(bangkok);
    QVERIFY2(putBangkok.ok(), qPrintable(putBangkok.ok() ? QString() : putBangkok.error().message));
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

void TestTimelineModel::countedRowsArriveInSlices()
{
    auto model = newModel(false);
    model->setGrowthSlice(100);
    int turns = 0; // turns of the event loop
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { ++turns; });
    ticker.start();
    QList<std::pair<int, int>> slices; // (rows inserted, turn) of each slice after the first page
    connect(model.get(), &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
        if (first >= model->pageSize())
            slices.append({ last - first + 1, turns });
    });
    QList<int> countedRows; // the rows each countChanged() saw
    connect(model.get(), &TimelineModel::countChanged, this, [&] {
        if (model->countState() == TimelineModel::CountState::Exact)
            countedRows << model->rowCount();
    });
    model->setStore(m_store);
    model->setQuery(allOfTenant());
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    QCOMPARE(model->rowCount(), Rows);
    // After the first page's rows, the counted ones came in slices of at most 100, each in a turn of its own.
    QCOMPARE(slices.size(), (Rows - 50 + 99) / 100);
    for (qsizetype i = 0; i < slices.size(); ++i) {
        QVERIFY(slices.at(i).first <= 100);
        if (i > 0)
            QVERIFY2(slices.at(i).second > slices.at(i - 1).second, "two slices in one turn");
    }
    QCOMPARE(countedRows, QList<int> { Rows }); // exact once, when every row is there
    // The oldest row reads as before.
    const QStringList expected = expectedIds(allOfTenant(), SortOrder::NewestFirst);
    QVERIFY(waitForRow(*model, Rows - 1));
    QCOMPARE(model->headerAt(Rows - 1)->id, expected.at(Rows - 1));

    // A new query between two slices: the rest of the old count is not announced, the new one grows by itself.
    model->setQuery(allOfTenant());
    connect(
        model.get(), &QAbstractItemModel::rowsInserted, this,
        [&](const QModelIndex &, int first) {
            if (first >= model->pageSize())
                QTimer::singleShot(0, model.get(), [&] { model->setQuery(allOfTenant()); });
        },
        Qt::SingleShotConnection);
    countedRows.clear();
    QTRY_COMPARE(model->countState(), TimelineModel::CountState::Exact);
    QCOMPARE(model->rowCount(), Rows);
    QTRY_COMPARE(countedRows, QList<int> { Rows });
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
    // In any case, as the timeline's entity filter.
    model.setFilter(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("e3"));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.index(0, 0).data(EntityListModel::EntityIdRole).toString(), QStringLiteral("E3"));
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

void TestTimelineModel::timesAreShownInTheTenantsZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("newest"); // the newest t1 snapshot, taken 2025-01-01T08:44:00Z
    QTest::newRow("unset") << QString() << QStringLiteral("Taken at (UTC)") << QStringLiteral("2025-01-01 08:44:00");
    QTest::newRow("bangkok") << QStringLiteral("Asia/Bangkok") << QStringLiteral("Taken at (Asia/Bangkok)")
                             << QStringLiteral("2025-01-01 15:44:00");
    QTest::newRow("new york") << QStringLiteral("America/New_York") << QStringLiteral("Taken at (America/New_York)")
                              << QStringLiteral("2025-01-01 03:44:00");
}

void TestTimelineModel::timesAreShownInTheTenantsZone()
{
    QFETCH(QString, zone);
    QFETCH(QString, header);
    QFETCH(QString, newest);
    auto model = newModel();
    QSignalSpy firstPage(model.get(), &TimelineModel::firstPageShown);
    QSignalSpy headerChanged(model.get(), &QAbstractItemModel::headerDataChanged);
    model->setStore(m_store);
    if (!zone.isEmpty())
        model->setTimeZone(QTimeZone(zone.toUtf8()));
    model->setQuery(allOfTenant());
    QVERIFY(firstPage.wait());
    QCOMPARE(model->headerData(int(TimelineModel::Column::TakenAt), Qt::Horizontal).toString(), header);
    QCOMPARE(headerChanged.size(), zone.isEmpty() ? 0 : 1);
    const QModelIndex first = model->index(0, int(TimelineModel::Column::TakenAt));
    QCOMPARE(first.data(TimelineModel::TakenAtRole).toLongLong(), T0 + ((Rows - 1) / 2) * 60000);
    QCOMPARE(first.data().toString(), newest);
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2025-01-01T08:44:00.000Z")));
}

void TestTimelineModel::everyTimeColumnFollowsTheZone()
{
    // Every list that shows a time shows it as the timeline does: in the zone it is given (the tenant's business
    // zone; Bangkok is 7 hours ahead of this test's UTC), with the zone named in the column's header, and a change of
    // zone is announced to the views (header and cells) like any other change.
    const QTimeZone bangkok("Asia/Bangkok");
    const EpochMs at = T0 + (8 * 60 + 44) * 60000 + 5000; // 2025-01-01T08:44:05Z
    // `model` holds rows shown in UTC; `toBangkok` switches it. Returns whether all was as expected.
    const auto switches = [&](QAbstractItemModel &model, int column, const std::function<void()> &toBangkok,
                              const QString &utcCell, const QString &bangkokCell) {
        [&] {
            QVERIFY(model.rowCount() > 0);
            QVERIFY(model.headerData(column, Qt::Horizontal).toString().endsWith(QStringLiteral("(UTC)")));
            QCOMPARE(model.index(0, column).data().toString(), utcCell);
            QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
            QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
            toBangkok();
            QCOMPARE(header.size(), 1);
            QCOMPARE(cells.size(), 1);
            QCOMPARE(cells.at(0).at(0).toModelIndex().column(), column);
            const QString named = model.headerData(column, Qt::Horizontal).toString();
            QVERIFY2(named.endsWith(QStringLiteral("(Asia/Bangkok)")), qPrintable(named));
            QCOMPARE(model.index(0, column).data().toString(), bangkokCell);
            toBangkok(); // the same zone again changes nothing
            QCOMPARE(header.size(), 1);
        }();
        return !QTest::currentTestFailed();
    };
    const QString utcSeconds = QStringLiteral("2025-01-01 08:44:05"),
                  bangkokSeconds = QStringLiteral("2025-01-01 15:44:05");
    const QString utcMinutes = QStringLiteral("2025-01-01 08:44"), bangkokMinutes = QStringLiteral("2025-01-01 15:44");

    EventListModel events;
    QAbstractItemModelTester eventsTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    events.setEvents({ { QStringLiteral("t1"), QStringLiteral("A-1"), 1, QStringLiteral("created"), at, {} } });
    QVERIFY(switches(
        events, int(EventListModel::Column::OccurredAt), [&] { events.setTimeZone(bangkok); }, utcSeconds,
        bangkokSeconds));

    CaseEntry entry;
    entry.header.takenAt = at;
    CaseTimelineModel caseTimeline;
    QAbstractItemModelTester caseTimelineTester(&caseTimeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    caseTimeline.setEntries({ entry });
    QVERIFY(switches(
        caseTimeline, int(CaseTimelineModel::Column::Time), [&] { caseTimeline.setTimeZone(bangkok); }, utcSeconds,
        bangkokSeconds));

    CaseHit hit;
    hit.orderId = QStringLiteral("ORD-1");
    hit.createdAt = at;
    CaseHitModel hits;
    QAbstractItemModelTester hitsTester(&hits, QAbstractItemModelTester::FailureReportingMode::QtTest);
    hits.setHits({ hit });
    QVERIFY(switches(
        hits, int(CaseHitModel::Column::Created), [&] { hits.setTimeZone(bangkok); }, utcMinutes, bangkokMinutes));

    auto plan = std::make_shared<RetentionPlan>();
    plan->candidates.entities = { QStringLiteral("E1") };
    plan->candidates.types = { QStringLiteral("manual") };
    RetentionCandidate candidate;
    candidate.takenAt = at;
    plan->candidates.rows.push_back(candidate);
    plan->reasons.push_back(RetentionReason::KeepLast);
    RetentionPlanModel planModel;
    QAbstractItemModelTester planTester(&planModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    planModel.setShow(RetentionPlanModel::Show::All);
    planModel.setPlan(plan);
    QVERIFY(switches(
        planModel, int(RetentionPlanModel::Column::TakenAt), [&] { planModel.setTimeZone(bangkok); }, utcMinutes,
        bangkokMinutes));

    // A schedule's runs are read in the schedule's own zone, as its next and last runs (named by its abbreviation).
    ScheduleRun run;
    run.scheduledFor = at;
    ScheduleListModel runs;
    QAbstractItemModelTester runsTester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    runs.setRuns({ run }, QStringLiteral("Asia/Bangkok"));
    QCOMPARE(runs.index(0, int(ScheduleListModel::RunColumn::ScheduledFor)).data().toString(),
        bangkokMinutes + u' ' + QDateTime::fromMSecsSinceEpoch(at, bangkok).timeZoneAbbreviation());

    // From the store: the navigator's entities (ORD-TH-001 was taken at T0) and the audit log.
    EntityListModel entities;
    QAbstractItemModelTester entitiesTester(&entities, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy entitiesLoaded(&entities, &EntityListModel::loaded);
    entities.setStore(m_store);
    entities.setFilter(Bangkok, QStringLiteral("order"), QStringLiteral("ORD-TH-001"));
    QVERIFY(entitiesLoaded.wait(10000));
    QVERIFY(switches(
        entities, int(EntityListModel::Column::LastTaken), [&] { entities.setTimeZone(bangkok); },
        QStringLiteral("2025-01-01 00:00"), QStringLiteral("2025-01-01 07:00")));

    AuditEntry audited;
    audited.at = at;
    audited.tenant = Bangkok;
    audited.actor = QStringLiteral("zone-test");
    audited.action = QStringLiteral("zone.test");
    QVERIFY(m_store->maintenance().audit(audited).ok());
    AuditLogModel audit;
    QAbstractItemModelTester auditTester(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
    audit.setStore(m_store);
    AuditQuery query;
    query.tenant = Bangkok;
    query.action = QStringLiteral("zone.test");
    audit.setQuery(query);
    QTRY_COMPARE(audit.rowCount(), 1);
    QVERIFY(switches(
        audit, int(AuditLogModel::Column::At), [&] { audit.setTimeZone(bangkok); }, utcSeconds, bangkokSeconds));
}

void TestTimelineModel::textFiltersIgnoreCase_data()
{
    QTest::addColumn<QString>("entityPrefix");
    QTest::addColumn<QString>("createdBy");
    QTest::addColumn<QStringList>("entities"); // oldest first
    const auto list = [](const char *ids) { return QString::fromLatin1(ids).split(u',', Qt::SkipEmptyParts); };
    QTest::newRow("prefix in another case")
        << QStringLiteral("ord-th-") << QString() << list("ORD-TH-001,ord-th-002,Ord-Th-003");
    QTest::newRow("prefix upper") << QStringLiteral("ORD") << QString()
                                  << list("ORD-TH-001,ord-th-002,Ord-Th-003,ORDX-9");
    QTest::newRow("prefix exact case") << QStringLiteral("Ord-Th") << QString()
                                       << list("ORD-TH-001,ord-th-002,Ord-Th-003");
    QTest::newRow("prefix whole id") << QStringLiteral("other-1") << QString() << list("OTHER-1");
    QTest::newRow("prefix is a prefix") << QStringLiteral("TH-") << QString() << list("");
    QTest::newRow("created by contains") << QString() << QStringLiteral("ana") << list("ORD-TH-001,ord-th-002");
    QTest::newRow("created by any case") << QString() << QStringLiteral("ANA.k") << list("ORD-TH-001");
    QTest::newRow("created by exact") << QString() << QStringLiteral("system") << list("OTHER-1");
    QTest::newRow("created by % is literal") << QString() << QStringLiteral("%") << list("ORDX-9");
    QTest::newRow("created by _ is literal") << QString() << QStringLiteral("b_c") << list("ORDX-9");
    QTest::newRow("created by _ matches no other") << QString() << QStringLiteral("a_b") << list("");
    QTest::newRow("both") << QStringLiteral("ord-th") << QStringLiteral("O") << list("ord-th-002,Ord-Th-003");
}

void TestTimelineModel::textFiltersIgnoreCase()
{
    QFETCH(QString, entityPrefix);
    QFETCH(QString, createdBy);
    QFETCH(QStringList, entities);
    auto model = newModel();
    QSignalSpy firstPage(model.get(), &TimelineModel::firstPageShown);
    model->setStore(m_store);
    model->setSortOrder(SortOrder::OldestFirst);
    SnapshotQuery q;
    q.tenant = Bangkok;
    q.entityPrefix = entityPrefix;
    q.createdBy = createdBy;
    model->setQuery(q);
    QVERIFY(firstPage.wait());
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, int(TimelineModel::Column::Entity)).data().toString();
    QCOMPARE(shown, entities);
    auto count = m_store->countHeaders(q); // the count agrees with the list
    QVERIFY(count.ok());
    QCOMPARE(*count, qint64(entities.size()));
    // SnapshotQuery::matches (how the window knows an inspected snapshot is still listed) agrees with the SQL.
    SnapshotQuery all;
    all.tenant = Bangkok;
    auto every = m_store->listHeaders(all, { SortOrder::OldestFirst, std::nullopt, 1000 });
    QVERIFY(every.ok());
    QStringList matching;
    for (const SnapshotHeader &h : std::as_const(every->headers))
        if (q.matches(h))
            matching << h.entityId;
    QCOMPARE(matching, entities);
}

void TestTimelineModel::emptyTimelineSaysWhy_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("createdBy");
    QTest::addColumn<bool>("ranged");
    QTest::addColumn<QString>("text");
    // The range: October 2026 in Bangkok; t2's snapshots were taken on 2025-01-01 from 07:00 Bangkok time.
    QTest::newRow("range, newest outside it")
        << QStringLiteral("order") << QString() << true
        << QStringLiteral("No snapshots were taken between 2026-10-01 00:00 and 2026-11-01 00:00 (Asia/Bangkok) with "
                          "kind Orders.\nThe newest one is from 2025-01-01 07:04; widen the time range to see it.");
    QTest::newRow("range and filters, none at all")
        << QStringLiteral("chat") << QStringLiteral("nobody") << true
        << QStringLiteral("No snapshots were taken between 2026-10-01 00:00 and 2026-11-01 00:00 (Asia/Bangkok) with "
                          "kind Chat conversations; created by someone matching \"nobody\".\nNone match these filters "
                          "at any time.");
    QTest::newRow("no range") << QString() << QStringLiteral("nobody") << false
                              << QStringLiteral("No snapshots with created by someone matching \"nobody\".");
}

void TestTimelineModel::emptyTimelineSaysWhy()
{
    QFETCH(QString, kind);
    QFETCH(QString, createdBy);
    QFETCH(bool, ranged);
    QFETCH(QString, text);
    auto model = newModel();
    QSignalSpy why(model.get(), &TimelineModel::emptyTextChanged);
    model->setStore(m_store);
    const QTimeZone zone("Asia/Bangkok");
    model->setTimeZone(zone);
    SnapshotQuery q;
    q.tenant = Bangkok;
    q.kind = kind;
    q.createdBy = createdBy;
    if (ranged)
        q.takenAt = { QDateTime(QDate(2026, 10, 1), QTime(0, 0), zone).toMSecsSinceEpoch(),
            QDateTime(QDate(2026, 11, 1), QTime(0, 0), zone).toMSecsSinceEpoch() };
    model->setQuery(q);
    QTRY_VERIFY(!model->emptyText().isEmpty());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->emptyText(), text);
    // Rows shown again: nothing to explain.
    model->setQuery(allOfTenant());
    QCOMPARE(model->emptyText(), QString());
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestTimelineModel, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_timelinemodel.moc"
