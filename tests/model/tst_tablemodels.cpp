// The small table models the views show (a chart's numbers, a case's ledgers, a cleanup plan), each driven under
// QAbstractItemModelTester attached before its data arrives and kept while it loads, filters and resets.
#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "items/casesourcefiltermodel.h"
#include "items/casetimelinemodel.h"
#include "items/retentionplanmodel.h"
#include "items/seriestablemodel.h"

class TestTableModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seriesTable();
    void caseLedgerFilter();
    void retentionPlanInChunks();
};

void TestTableModels::seriesTable()
{
    SeriesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setRows({ { { QStringLiteral("period"), QStringLiteral("2026-10-01") }, { QStringLiteral("closing"), 1250 },
                        { QStringLiteral("value"), 99.5 }, { QStringLiteral("handoff"), true } },
                      { { QStringLiteral("period"), QStringLiteral("2026-10-02") }, { QStringLiteral("closing"), 1300 },
                          { QStringLiteral("value"), QJsonValue::Null }, { QStringLiteral("handoff"), false } } },
        { QStringLiteral("period"), QStringLiteral("closing"), QStringLiteral("value"), QStringLiteral("handoff") },
        { QStringLiteral("Period"), QStringLiteral("Closing"), QStringLiteral("Value"), QStringLiteral("Handoff") });
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Closing"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("2026-10-01"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("99.50"));
    QCOMPARE(model.index(0, 1).data(Qt::EditRole).toInt(), 1250); // the value itself, for the CSV export
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("–")); // no data that period
    QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("no"));

    // Another chart's rows: fewer columns, then none at all.
    model.setRows({ { { QStringLiteral("day"), QStringLiteral("2026-10-03") } } }, { QStringLiteral("day") },
        { QStringLiteral("Day") });
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.rowCount(), 1);
    model.setRows({}, {}, {});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.size(), 3);
}

void TestTableModels::caseLedgerFilter()
{
    CaseTimelineModel timeline;
    CaseSourceFilterModel stock(CaseEntry::Source::Inventory);
    CaseSourceFilterModel money(CaseEntry::Source::Financial);
    stock.setSourceModel(&timeline);
    money.setSourceModel(&timeline);
    QAbstractItemModelTester timelineTester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester stockTester(&stock, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester moneyTester(&money, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(stock.rowCount(), 0);

    const auto entry = [](CaseEntry::Source source, const QString &kind, const QString &entity, EpochMs at) {
        CaseEntry e;
        e.source = source;
        e.header.kind = kind;
        e.header.entityId = entity;
        e.header.takenAt = at;
        e.header.id = QStringLiteral("00000000-0000-7000-8000-%1").arg(at, 12, 10, QLatin1Char('0'));
        return e;
    };
    timeline.setEntries({ entry(CaseEntry::Source::Order, QStringLiteral("order"), QStringLiteral("ORD-1"), 1000),
        entry(CaseEntry::Source::Inventory, QStringLiteral("inventory_tx"), QStringLiteral("TX-1"), 2000),
        entry(CaseEntry::Source::Financial, QStringLiteral("financial"), QStringLiteral("PAY-1"), 3000),
        entry(CaseEntry::Source::Inventory, QStringLiteral("inventory_tx"), QStringLiteral("TX-2"), 4000) });
    QCOMPARE(timeline.rowCount(), 4);
    QCOMPARE(stock.rowCount(), 2);
    QCOMPARE(money.rowCount(), 1);
    QCOMPARE(stock.index(1, int(CaseTimelineModel::Column::Entity)).data().toString(), QStringLiteral("TX-2"));
    QCOMPARE(money.index(0, int(CaseTimelineModel::Column::Entity)).data().toString(), QStringLiteral("PAY-1"));

    // The cursor restyles rows (dataChanged), it filters nothing; another case replaces them all.
    timeline.setCursor(2500);
    QCOMPARE(stock.index(1, 0).data(CaseTimelineModel::StateRole).toInt(), int(CaseTimelineModel::State::Future));
    QCOMPARE(stock.rowCount(), 2);
    timeline.setEntries(
        { entry(CaseEntry::Source::Financial, QStringLiteral("financial"), QStringLiteral("REF-9"), 10) });
    QCOMPARE(stock.rowCount(), 0);
    QCOMPARE(money.rowCount(), 1);
    timeline.setEntries({});
    QCOMPARE(money.rowCount(), 0);
}

void TestTableModels::retentionPlanInChunks()
{
    RetentionPlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The chunks are fetched here, as a view scrolling down does: Qt 6.4's tester calls fetchMore() from its own
    // modelReset handler before it counts the reset as finished, so a model that inserts at once in fetchMore() (as
    // this one does) trips its "change in flight" check.
    tester.setUseFetchMore(false);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));

    // 5,000 snapshots of one entity, every third kept: more than one chunk of each.
    auto plan = std::make_shared<RetentionPlan>();
    plan->candidates.entities = { QStringLiteral("E1") };
    plan->candidates.types = { QStringLiteral("daily") };
    for (int i = 0; i < 5000; ++i) {
        RetentionCandidate c;
        c.id = QUuid::createUuid();
        c.takenAt = 1790000000000 + i * 60000LL;
        plan->candidates.rows.push_back(c);
        plan->reasons.push_back(i % 3 == 0 ? RetentionReason::KeepLast : RetentionReason::NoKeepRule);
    }
    model.setPlan(plan);
    QCOMPARE(model.matchingRows(), 3333); // what goes, by default
    QCOMPARE(model.rowCount(), 2000); // the first chunk
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 3333);
    QCOMPARE(model.index(0, int(RetentionPlanModel::Column::Entity)).data().toString(), QStringLiteral("E1"));

    model.setShow(RetentionPlanModel::Show::Staying);
    QCOMPARE(model.matchingRows(), 1667);
    model.setShow(RetentionPlanModel::Show::All);
    QCOMPARE(model.matchingRows(), 5000);
    model.setPlan(std::make_shared<RetentionPlan>());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_GUILESS_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
