#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

#include "common/testsupport.h"
#include "ops/analyticsseries.h"
#include "ops/demogenerator.h"
#include "ops/trainingexport.h"
#include "store/snapshotstore.h"

Q_DECLARE_METATYPE(SeriesLine)
Q_DECLARE_METATYPE(QList<LineRun>)

// The chart series on the demo data, on SQLite or PostgreSQL (SNAPSCOPE_TEST_BACKEND), each compared with a
// computation in this test from the raw fact rows (read with a plain SELECT, summed and rolled up here in C++).
class TestAnalytics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void periodsStartOnMondayAndFirstOfMonth();
    void inventoryEqualsTheFactRows_data();
    void inventoryEqualsTheFactRows();
    void chatEqualsTheFactRows_data();
    void chatEqualsTheFactRows();
    void csvHasOneRowPerPeriod();
    void periodEndIsTheLastDay();
    void linesHaveGapsWhereThereIsNoData();
    void aRateOfNoConversationsIsNoRate();
    void runsSplitALineAtItsGaps_data();
    void runsSplitALineAtItsGaps();
    void niceTicksAreRound_data();
    void niceTicksAreRound();
    void labelledPeriodsFollowTheCalendar_data();
    void labelledPeriodsFollowTheCalendar();
    void chartDataSaysWhyItIsEmpty_data();
    void chartDataSaysWhyItIsEmpty();
    void catalogueListsStoresAndProducts();
    void monthlyInventoryEqualsTheFactRows_data();
    void monthlyInventoryEqualsTheFactRows();
    void monthlyInventoryCsvAndJson();
    void trainingExportEqualsTheChatsSelected();
    void trainingExportMasksContactsInText();

private:
    struct Fact
    {
        QString store, product;
        QDate day;
        qint64 opening, closing, inbound, outbound, adjustments;
        double value, averageCost;
    };
    struct Chat
    {
        QString platform, type;
        QDate day;
        bool handoff, converted;
        std::optional<double> value, satisfaction;
        qint64 duration;
    };
    std::shared_ptr<SnapshotStore> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestSupport::SideConnection> m_side;
    QList<Fact> m_facts;
    QList<Chat> m_chats;
    QDate m_first, m_last;
};

void TestAnalytics::initTestCase()
{
    ConnectionSpec spec;
    if (qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres") {
        SNAPSCOPE_REQUIRE_POSTGRES(pg);
        QString error;
        QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
        spec = *pg;
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        spec = ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("analytics.sqlite")));
    }
    auto store = openSharedSnapshotStore(spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = *store;
    QVERIFY(DemoGenerator(*m_store, {}).run());

    m_side = std::make_unique<TestSupport::SideConnection>(spec);
    QSqlQuery query(m_side->db());
    QVERIFY(query.exec(QStringLiteral("SELECT store_code, product_id, day, opening, closing, inbound, outbound, "
                                      "adjustments, total_value, average_cost FROM daily_inventory "
                                      "WHERE tenant_id = 'acme-th'")));
    while (query.next()) {
        m_facts.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toDate(),
            query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
            query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toDouble(),
            query.value(9).toDouble() });
        if (!m_first.isValid() || m_facts.last().day < m_first)
            m_first = m_facts.last().day;
        if (!m_last.isValid() || m_facts.last().day > m_last)
            m_last = m_facts.last().day;
    }
    QVERIFY(m_facts.size() > 1000);
    QVERIFY(query.exec(
        QStringLiteral("SELECT platform, snapshot_type, business_day, human_handoff, order_created, "
                       "order_value, satisfaction, duration_s FROM chat_outcomes WHERE tenant_id = 'acme-th'")));
    while (query.next()) {
        const auto optional = [](const QVariant &v) { return v.isNull() ? std::optional<double>() : v.toDouble(); };
        m_chats.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toDate(),
            query.value(3).toBool(), query.value(4).toBool(), optional(query.value(5)), optional(query.value(6)),
            query.value(7).toLongLong() });
    }
    QVERIFY(m_chats.size() > 500);
}

void TestAnalytics::cleanupTestCase()
{
    m_side.reset();
    m_store.reset();
}

void TestAnalytics::periodsStartOnMondayAndFirstOfMonth()
{
    using namespace AnalyticsSeries;
    // 2026-10-28 is a Wednesday.
    const QList<QDate> weeks = periods(QDate(2026, 10, 28), QDate(2026, 11, 10), Granularity::Week);
    QCOMPARE(weeks, (QList<QDate> { QDate(2026, 10, 26), QDate(2026, 11, 2), QDate(2026, 11, 9) }));
    const QList<QDate> months = periods(QDate(2026, 1, 31), QDate(2026, 3, 1), Granularity::Month);
    QCOMPARE(months, (QList<QDate> { QDate(2026, 1, 1), QDate(2026, 2, 1), QDate(2026, 3, 1) }));
    QCOMPARE(periods(QDate(2026, 1, 1), QDate(2026, 1, 3), Granularity::Day).size(), 3);
    QVERIFY(periods(QDate(2026, 1, 3), QDate(2026, 1, 1), Granularity::Day).isEmpty());
    QCOMPARE(
        previousRange(QDate(2026, 3, 1), QDate(2026, 3, 31)), (std::pair { QDate(2026, 1, 29), QDate(2026, 2, 28) }));
}

void TestAnalytics::inventoryEqualsTheFactRows_data()
{
    QTest::addColumn<int>("granularity");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("product");
    QTest::addColumn<int>("topN");
    QTest::addColumn<int>("fromOffset"); // days after the first day with data (negative: before it)
    QTest::addColumn<int>("toOffset"); // days before the last day with data (negative: after it)
    QTest::newRow("all, by day") << int(Granularity::Day) << QString() << QString() << 0 << 0 << 0;
    QTest::newRow("all, by week, mid-week edges") << int(Granularity::Week) << QString() << QString() << 0 << 2 << 3;
    QTest::newRow("one store, by month") << int(Granularity::Month) << QStringLiteral("STORE002") << QString() << 0
                                         << 10 << 0;
    QTest::newRow("one product, by week")
        << int(Granularity::Week) << QString() << QStringLiteral("P0003") << 0 << 0 << 0;
    QTest::newRow("top 5, by day") << int(Granularity::Day) << QString() << QString() << 5 << 30 << 20;
    QTest::newRow("top 3 of a store, by month")
        << int(Granularity::Month) << QStringLiteral("STORE001") << QString() << 3 << 0 << 0;
    QTest::newRow("range beyond the data has empty periods")
        << int(Granularity::Week) << QString() << QString() << 0 << -20 << -15;
}

void TestAnalytics::inventoryEqualsTheFactRows()
{
    QFETCH(int, granularity);
    QFETCH(QString, store);
    QFETCH(QString, product);
    QFETCH(int, topN);
    QFETCH(int, fromOffset);
    QFETCH(int, toOffset);
    InventorySeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = m_first.addDays(fromOffset);
    q.to = m_last.addDays(-toOffset);
    q.storeCode = store;
    q.productId = product;
    q.topN = topN;
    q.granularity = Granularity(granularity);
    auto series = AnalyticsSeries::inventory(*m_store, q);
    QVERIFY2(series, qPrintable(series ? QString() : series.error().message));

    // The independent computation: choose rows, sum per day, roll days up into periods.
    QSet<QString> top;
    if (topN > 0 && product.isEmpty()) {
        QDate lastDay;
        for (const Fact &f : std::as_const(m_facts)) {
            if (f.day <= q.to && (!lastDay.isValid() || f.day > lastDay))
                lastDay = f.day;
        }
        std::map<QString, double> valueOf;
        for (const Fact &f : std::as_const(m_facts)) {
            if (f.day == lastDay && (store.isEmpty() || f.store == store))
                valueOf[f.product] += f.value;
        }
        QList<std::pair<QString, double>> ranked(valueOf.begin(), valueOf.end());
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (qsizetype i = 0; i < std::min<qsizetype>(topN, ranked.size()); ++i)
            top.insert(ranked.at(i).first);
    }
    std::map<QDate, InventoryPoint> days;
    for (const Fact &f : std::as_const(m_facts)) {
        if (f.day < q.from || f.day > q.to || (!store.isEmpty() && f.store != store)
            || (!product.isEmpty() && f.product != product) || (!top.isEmpty() && !top.contains(f.product)))
            continue;
        InventoryPoint &d = days[f.day];
        d.opening += f.opening;
        d.closing += f.closing;
        d.inbound += f.inbound;
        d.outbound += f.outbound;
        d.adjustments += f.adjustments;
        d.totalValue += f.value;
    }
    std::map<QDate, InventoryPoint> expected;
    for (const auto &[day, d] : days) {
        const QDate period = AnalyticsSeries::periodStart(day, q.granularity);
        const bool first = !expected.count(period);
        InventoryPoint &p = expected[period];
        if (first)
            p.opening = d.opening; // days come in order: the first one seen is the first day
        p.closing = d.closing;
        p.totalValue = d.totalValue;
        p.inbound += d.inbound;
        p.outbound += d.outbound;
        p.adjustments += d.adjustments;
        p.hasData = true;
    }
    const QList<QDate> periods = AnalyticsSeries::periods(q.from, q.to, q.granularity);
    QCOMPARE(series->size(), periods.size());
    int withData = 0;
    for (qsizetype i = 0; i < series->size(); ++i) {
        const InventoryPoint &got = series->at(i);
        QCOMPARE(got.period, periods.at(i));
        const InventoryPoint want = expected.count(got.period) ? expected[got.period] : InventoryPoint {};
        const QString where = got.period.toString(Qt::ISODate);
        QVERIFY2(got.hasData == want.hasData, qPrintable(where));
        QVERIFY2(got.opening == want.opening && got.closing == want.closing, qPrintable(where));
        QVERIFY2(got.inbound == want.inbound && got.outbound == want.outbound && got.adjustments == want.adjustments,
            qPrintable(where));
        QVERIFY2(qAbs(got.totalValue - want.totalValue) < 0.005, qPrintable(where));
        withData += got.hasData;
    }
    QVERIFY(withData > 0);
    if (toOffset < 0)
        QVERIFY(withData < series->size()); // the periods after the data are there, empty
}

void TestAnalytics::chatEqualsTheFactRows_data()
{
    QTest::addColumn<int>("granularity");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("handoff"); // -1 both, 0 no, 1 yes
    QTest::newRow("session_ended by day")
        << int(Granularity::Day) << QStringLiteral("session_ended") << QString() << -1;
    QTest::newRow("session_ended by week")
        << int(Granularity::Week) << QStringLiteral("session_ended") << QString() << -1;
    QTest::newRow("line only, hand-off") << int(Granularity::Week) << QStringLiteral("session_ended")
                                         << QStringLiteral("line") << 1;
    QTest::newRow("whatsapp, no hand-off, by day")
        << int(Granularity::Day) << QStringLiteral("session_ended") << QStringLiteral("whatsapp") << 0;
}

void TestAnalytics::chatEqualsTheFactRows()
{
    QFETCH(int, granularity);
    QFETCH(QString, type);
    QFETCH(QString, platform);
    QFETCH(int, handoff);
    QDate first, last;
    for (const Chat &c : std::as_const(m_chats)) {
        first = !first.isValid() || c.day < first ? c.day : first;
        last = !last.isValid() || c.day > last ? c.day : last;
    }
    ChatSeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = first.addDays(3);
    q.to = last.addDays(5);
    q.snapshotType = type;
    q.platform = platform;
    if (handoff >= 0)
        q.humanHandoff = handoff == 1;
    q.granularity = Granularity(granularity);
    auto series = AnalyticsSeries::chat(*m_store, q);
    QVERIFY2(series, qPrintable(series ? QString() : series.error().message));
    struct Sums
    {
        qint64 n = 0, converted = 0, line = 0, facebook = 0, whatsapp = 0, withValue = 0, withSatisfaction = 0;
        double value = 0, duration = 0, satisfaction = 0;
    };
    std::map<QDate, Sums> expected;
    for (const Chat &c : std::as_const(m_chats)) {
        if (c.day < q.from || c.day > q.to || c.type != type || (!platform.isEmpty() && c.platform != platform)
            || (handoff >= 0 && c.handoff != (handoff == 1)))
            continue;
        Sums &s = expected[AnalyticsSeries::periodStart(c.day, q.granularity)];
        ++s.n;
        s.converted += c.converted;
        s.line += c.platform == u"line";
        s.facebook += c.platform == u"facebook";
        s.whatsapp += c.platform == u"whatsapp";
        if (c.converted && c.value) {
            ++s.withValue;
            s.value += *c.value;
        }
        if (c.satisfaction) {
            ++s.withSatisfaction;
            s.satisfaction += *c.satisfaction;
        }
        s.duration += double(c.duration);
    }
    const QList<QDate> periods = AnalyticsSeries::periods(q.from, q.to, q.granularity);
    QCOMPARE(series->size(), periods.size());
    qint64 total = 0;
    for (const ChatPoint &got : *series) {
        const Sums want = expected.count(got.period) ? expected[got.period] : Sums {};
        const QString where = got.period.toString(Qt::ISODate);
        QVERIFY2(got.hasData == (want.n > 0), qPrintable(where));
        QVERIFY2(got.conversations == want.n && got.converted == want.converted, qPrintable(where));
        QVERIFY2(
            got.line == want.line && got.facebook == want.facebook && got.whatsapp == want.whatsapp, qPrintable(where));
        if (want.withValue > 0)
            QVERIFY2(got.averageOrderValue && qAbs(*got.averageOrderValue - want.value / double(want.withValue)) < 1e-6,
                qPrintable(where));
        else
            QVERIFY2(!got.averageOrderValue, qPrintable(where));
        if (want.n > 0)
            QVERIFY2(got.averageDurationS && qAbs(*got.averageDurationS - want.duration / double(want.n)) < 1e-6,
                qPrintable(where));
        if (want.withSatisfaction > 0)
            QVERIFY2(got.averageSatisfaction
                    && qAbs(*got.averageSatisfaction - want.satisfaction / double(want.withSatisfaction)) < 1e-6,
                qPrintable(where));
        total += got.conversations;
    }
    QVERIFY(total > 0);
    QVERIFY(!series->constLast().hasData); // the days after the data are there, empty
}

void TestAnalytics::csvHasOneRowPerPeriod()
{
    InventorySeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = m_last.addDays(-9);
    q.to = m_last.addDays(2);
    auto series = AnalyticsSeries::inventory(*m_store, q);
    QVERIFY(series);
    const QString csv = AnalyticsSeries::inventoryCsv(*series);
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 12);
    QCOMPARE(lines.first(), QStringLiteral("period,opening,closing,inbound,outbound,adjustments,total_value,has_data"));
    const InventoryPoint &p = series->at(0);
    QCOMPARE(lines.at(1),
        QStringLiteral("%1,%2,%3,%4,%5,%6,%7,true")
            .arg(p.period.toString(Qt::ISODate))
            .arg(p.opening)
            .arg(p.closing)
            .arg(p.inbound)
            .arg(p.outbound)
            .arg(p.adjustments)
            .arg(QString::number(p.totalValue, 'g', 15)));
    QVERIFY(lines.last().endsWith(QStringLiteral(",false")));
}

void TestAnalytics::periodEndIsTheLastDay()
{
    using namespace AnalyticsSeries;
    QCOMPARE(periodEnd(QDate(2026, 10, 28), Granularity::Day), QDate(2026, 10, 28));
    QCOMPARE(periodEnd(QDate(2026, 10, 28), Granularity::Week), QDate(2026, 11, 1)); // a Sunday
    QCOMPARE(periodEnd(QDate(2026, 2, 1), Granularity::Month), QDate(2026, 2, 28));
    QCOMPARE(periodEnd(QDate(2028, 2, 10), Granularity::Month), QDate(2028, 2, 29));
}

void TestAnalytics::linesHaveGapsWhereThereIsNoData()
{
    // A range that runs past the data: the days after it have no value on any line (not a zero).
    InventorySeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = m_last.addDays(-4);
    q.to = m_last.addDays(3);
    auto series = AnalyticsSeries::inventory(*m_store, q);
    QVERIFY(series);
    QCOMPARE(series->size(), 8);
    for (const InventoryMeasure measure :
        { InventoryMeasure::Opening, InventoryMeasure::Closing, InventoryMeasure::TotalValue }) {
        const SeriesLine line = AnalyticsSeries::line(*series, measure);
        QCOMPARE(line.size(), 8);
        for (int i = 0; i < 5; ++i)
            QVERIFY(line.at(i) && *line.at(i) > 0);
        for (int i = 5; i < 8; ++i)
            QVERIFY2(!line.at(i), qPrintable(QString::number(i)));
        QCOMPARE(AnalyticsSeries::runs(line), (QList<LineRun> { { 0, 4 } }));
    }
    QCOMPARE(*AnalyticsSeries::line(*series, InventoryMeasure::Closing).at(4), double(series->at(4).closing));
    QCOMPARE(*AnalyticsSeries::line(*series, InventoryMeasure::TotalValue).at(0), series->at(0).totalValue);
}

void TestAnalytics::aRateOfNoConversationsIsNoRate()
{
    ChatPoint none;
    none.period = QDate(2026, 10, 1);
    QVERIFY(!none.conversionRate());
    ChatPoint some = none;
    some.conversations = 4;
    some.converted = 1;
    some.hasData = true;
    some.averageOrderValue = 250;
    QCOMPARE(*some.conversionRate(), 0.25);
    ChatPoint noOrders = some;
    noOrders.converted = 0;
    noOrders.averageOrderValue.reset();
    QCOMPARE(*noOrders.conversionRate(), 0.0); // 0 of 4 is a rate: 0 %

    const QList<ChatPoint> points { some, none, noOrders };
    const SeriesLine rate = AnalyticsSeries::line(points, ChatMeasure::ConversionRatePercent);
    QCOMPARE(rate, (SeriesLine { 25.0, std::nullopt, 0.0 }));
    QCOMPARE(AnalyticsSeries::line(points, ChatMeasure::Converted), (SeriesLine { 1.0, std::nullopt, 0.0 }));
    QCOMPARE(AnalyticsSeries::line(points, ChatMeasure::AverageOrderValue),
        (SeriesLine { 250.0, std::nullopt, std::nullopt }));
    // The JSON and CSV say "no rate" too.
    QVERIFY(AnalyticsSeries::toJson(none).value(u"conversion_rate").isNull());
    QCOMPARE(AnalyticsSeries::toJson(some).value(u"conversion_rate").toDouble(), 0.25);
    const QStringList rows = AnalyticsSeries::chatCsv({ none }).split(QStringLiteral("\r\n"));
    QCOMPARE(rows.at(1).section(u',', 3, 3), QString());
}

void TestAnalytics::runsSplitALineAtItsGaps_data()
{
    QTest::addColumn<SeriesLine>("line");
    QTest::addColumn<QList<LineRun>>("expected");
    const std::optional<double> gap;
    QTest::newRow("empty") << SeriesLine {} << QList<LineRun> {};
    QTest::newRow("all gaps") << SeriesLine { gap, gap } << QList<LineRun> {};
    QTest::newRow("whole") << SeriesLine { 1.0, 2.0, 3.0 } << QList<LineRun> { { 0, 2 } };
    QTest::newRow("zero is a value") << SeriesLine { 0.0, 0.0 } << QList<LineRun> { { 0, 1 } };
    QTest::newRow("gap inside") << SeriesLine { 1.0, gap, 3.0, 4.0 } << QList<LineRun> { { 0, 0 }, { 2, 3 } };
    QTest::newRow("gaps at the edges") << SeriesLine { gap, 1.0, 2.0, gap, gap, 5.0, gap }
                                       << QList<LineRun> { { 1, 2 }, { 5, 5 } };
}

void TestAnalytics::runsSplitALineAtItsGaps()
{
    QFETCH(SeriesLine, line);
    QFETCH(QList<LineRun>, expected);
    QCOMPARE(AnalyticsSeries::runs(line), expected);
}

void TestAnalytics::niceTicksAreRound_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<bool>("integers");
    QTest::addColumn<double>("wantMax");
    QTest::addColumn<double>("wantStep");
    QTest::addColumn<int>("wantDecimals");
    // The figures the issue saw: a units axis topped at 25717.7 and ticks of 2.8 conversations.
    QTest::newRow("units") << 0.0 << 25717.7 << 7 << true << 30000.0 << 5000.0 << 0;
    QTest::newRow("units, fewer ticks") << 0.0 << 25717.7 << 6 << true << 30000.0 << 10000.0 << 0;
    QTest::newRow("conversations") << 0.0 << 11.0 << 6 << true << 15.0 << 5.0 << 0;
    QTest::newRow("conversations, more ticks") << 0.0 << 11.0 << 7 << true << 12.0 << 2.0 << 0;
    QTest::newRow("few conversations") << 0.0 << 3.0 << 6 << true << 3.0 << 1.0 << 0;
    QTest::newRow("stock value") << 0.0 << 250335.3 << 6 << false << 300000.0 << 100000.0 << 0;
    QTest::newRow("percent") << 0.0 << 100.0 << 6 << false << 100.0 << 20.0 << 0;
    QTest::newRow("satisfaction") << 0.0 << 4.6 << 6 << false << 5.0 << 1.0 << 0;
    QTest::newRow("small fractions") << 0.0 << 0.9 << 5 << false << 1.0 << 0.25 << 2;
    QTest::newRow("nothing to show") << 0.0 << 0.0 << 6 << true << 1.0 << 1.0 << 0;
    QTest::newRow("one integer value") << 0.0 << 1.0 << 6 << true << 1.0 << 1.0 << 0;
}

void TestAnalytics::niceTicksAreRound()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, maxTicks);
    QFETCH(bool, integers);
    QFETCH(double, wantMax);
    QFETCH(double, wantStep);
    QFETCH(int, wantDecimals);
    const AxisTicks ticks = AnalyticsSeries::niceTicks(min, max, maxTicks, integers);
    QCOMPARE(ticks.min, 0.0);
    QCOMPARE(ticks.max, wantMax);
    QCOMPARE(ticks.step, wantStep);
    QCOMPARE(ticks.decimals, wantDecimals);
    QVERIFY(ticks.count <= maxTicks && ticks.count >= 2);
    QCOMPARE(ticks.min + ticks.step * (ticks.count - 1), ticks.max);
    QVERIFY(ticks.max >= max);
    if (integers)
        QCOMPARE(ticks.step, std::round(ticks.step));
}

void TestAnalytics::labelledPeriodsFollowTheCalendar_data()
{
    QTest::addColumn<int>("granularity");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("maxLabels");
    QTest::addColumn<QList<QDate>>("expected");
    // Months are labelled by their own first day, never mid-month.
    QTest::newRow("12 months, all fit") << int(Granularity::Month) << QDate(2025, 11, 1) << QDate(2026, 10, 31) << 12
                                        << QList<QDate> { QDate(2025, 11, 1), QDate(2025, 12, 1), QDate(2026, 1, 1),
                                               QDate(2026, 2, 1), QDate(2026, 3, 1), QDate(2026, 4, 1),
                                               QDate(2026, 5, 1), QDate(2026, 6, 1), QDate(2026, 7, 1),
                                               QDate(2026, 8, 1), QDate(2026, 9, 1), QDate(2026, 10, 1) };
    QTest::newRow("12 months, quarters") << int(Granularity::Month) << QDate(2025, 11, 1) << QDate(2026, 10, 31) << 5
                                         << QList<QDate> { QDate(2026, 1, 1), QDate(2026, 4, 1), QDate(2026, 7, 1),
                                                QDate(2026, 10, 1) };
    QTest::newRow("90 days: the first of each month")
        << int(Granularity::Day) << QDate(2026, 8, 3) << QDate(2026, 10, 31) << 5
        << QList<QDate> { QDate(2026, 9, 1), QDate(2026, 10, 1) };
    QTest::newRow("90 days, room for Mondays every other week")
        << int(Granularity::Day) << QDate(2026, 8, 3) << QDate(2026, 10, 31) << 10
        << QList<QDate> { QDate(2026, 8, 3), QDate(2026, 8, 17), QDate(2026, 8, 31), QDate(2026, 9, 14),
               QDate(2026, 9, 28), QDate(2026, 10, 12), QDate(2026, 10, 26) };
    QTest::newRow("a week: every day") << int(Granularity::Day) << QDate(2026, 10, 25) << QDate(2026, 10, 31) << 10
                                       << QList<QDate> { QDate(2026, 10, 25), QDate(2026, 10, 26), QDate(2026, 10, 27),
                                              QDate(2026, 10, 28), QDate(2026, 10, 29), QDate(2026, 10, 30),
                                              QDate(2026, 10, 31) };
    QTest::newRow("weeks: the first Monday of a month")
        << int(Granularity::Week) << QDate(2026, 5, 1) << QDate(2026, 10, 31) << 6
        << QList<QDate> { QDate(2026, 5, 4), QDate(2026, 6, 1), QDate(2026, 7, 6), QDate(2026, 8, 3), QDate(2026, 9, 7),
               QDate(2026, 10, 5) };
    QTest::newRow("room for one: a Monday") << int(Granularity::Day) << QDate(2026, 10, 2) << QDate(2026, 10, 20) << 0
                                            << QList<QDate> { QDate(2026, 10, 12) };
}

void TestAnalytics::labelledPeriodsFollowTheCalendar()
{
    QFETCH(int, granularity);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, maxLabels);
    QFETCH(QList<QDate>, expected);
    const QList<QDate> periods = AnalyticsSeries::periods(from, to, Granularity(granularity));
    QList<QDate> got;
    for (const qsizetype i : AnalyticsSeries::labelledPeriods(periods, Granularity(granularity), maxLabels))
        got << periods.at(i);
    QCOMPARE(got, expected);
}

void TestAnalytics::chartDataSaysWhyItIsEmpty_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("product");
    QTest::addColumn<int>("fromOffset"); // days after the last day with data
    QTest::addColumn<int>("empty");
    QTest::newRow("data") << QString() << QStringLiteral("P0003") << -10 << int(InventoryChartData::Empty::No);
    QTest::newRow("unknown product") << QString() << QStringLiteral("P9999") << -10
                                     << int(InventoryChartData::Empty::UnknownProduct);
    QTest::newRow("unknown store") << QStringLiteral("STORE999") << QString() << -10
                                   << int(InventoryChartData::Empty::UnknownStore);
    QTest::newRow("known product, no data in range")
        << QString() << QStringLiteral("P0003") << 5 << int(InventoryChartData::Empty::NoDataInRange);
}

void TestAnalytics::chartDataSaysWhyItIsEmpty()
{
    QFETCH(QString, store);
    QFETCH(QString, product);
    QFETCH(int, fromOffset);
    QFETCH(int, empty);
    InventorySeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = m_last.addDays(fromOffset);
    q.to = q.from.addDays(20);
    q.storeCode = store;
    q.productId = product;
    auto data = AnalyticsSeries::inventoryChart(*m_store, q, true);
    QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
    QCOMPARE(int(data->empty), empty);
    QCOMPARE(data->points.size(), 21);
    QCOMPARE(data->previous.size(), 21);
    QCOMPARE(data->previous.first().period, q.from.addDays(-21));
    QCOMPARE(data->tenant.id, QStringLiteral("acme-th"));
    QCOMPARE(data->tenant.businessTimeZone, QStringLiteral("Asia/Bangkok"));
}

void TestAnalytics::catalogueListsStoresAndProducts()
{
    auto catalogue = m_store->inventoryCatalogue(QStringLiteral("acme-th"));
    QVERIFY2(catalogue, qPrintable(catalogue ? QString() : catalogue.error().message));
    QSet<QString> stores, products;
    for (const Fact &f : std::as_const(m_facts)) {
        stores.insert(f.store);
        products.insert(f.product);
    }
    QStringList wantStores(stores.cbegin(), stores.cend()), wantProducts(products.cbegin(), products.cend());
    std::sort(wantStores.begin(), wantStores.end());
    std::sort(wantProducts.begin(), wantProducts.end());
    QCOMPARE(catalogue->stores, wantStores);
    QCOMPARE(catalogue->products, wantProducts);
    QVERIFY(catalogue->products.size() > 1);
    auto none = m_store->inventoryCatalogue(QStringLiteral("no-such-tenant"));
    QVERIFY(none);
    QVERIFY(none->stores.isEmpty() && none->products.isEmpty());
}

void TestAnalytics::monthlyInventoryEqualsTheFactRows_data()
{
    QTest::addColumn<QDate>("month");
    QTest::addColumn<QString>("store");
    const QDate lastMonth(m_last.year(), m_last.month(), 1);
    QTest::newRow("a whole month, every store") << lastMonth.addMonths(-1) << QString();
    QTest::newRow("a whole month, one store") << lastMonth.addMonths(-2) << QStringLiteral("STORE002");
    QTest::newRow("the last month") << lastMonth << QString();
    QTest::newRow("the first month (part of it)") << QDate(m_first.year(), m_first.month(), 1) << QString();
    QTest::newRow("a month without data") << lastMonth.addMonths(2) << QString();
}

void TestAnalytics::monthlyInventoryEqualsTheFactRows()
{
    QFETCH(QDate, month);
    QFETCH(QString, store);
    // Computed here from the fact rows: each store's last day in the month gives the closing stock and value; every
    // day's outbound at that day's average cost is the cost of goods sold.
    struct Want
    {
        qint64 closing = 0, outbound = 0;
        double value = 0, cogs = 0;
        QDate last;
    };
    std::map<QString, Want> want;
    std::map<std::pair<QString, QString>, QDate> lastDay;
    const auto inMonth = [&](const Fact &f) {
        return f.day.year() == month.year() && f.day.month() == month.month() && (store.isEmpty() || f.store == store);
    };
    for (const Fact &f : std::as_const(m_facts)) {
        if (!inMonth(f))
            continue;
        QDate &last = lastDay[{ f.store, f.product }];
        last = std::max(last, f.day);
        Want &w = want[f.product];
        w.outbound += f.outbound;
        w.cogs += double(f.outbound) * f.averageCost;
        w.last = std::max(w.last, f.day);
    }
    for (const Fact &f : std::as_const(m_facts)) {
        if (inMonth(f) && lastDay[{ f.store, f.product }] == f.day) {
            want[f.product].closing += f.closing;
            want[f.product].value += f.value;
        }
    }
    MonthlyInventoryQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.month = month.addDays(9); // any day of the month names it
    q.storeCode = store;
    auto lines = m_store->monthlyInventory(q);
    QVERIFY2(lines, qPrintable(lines ? QString() : lines.error().message));
    QCOMPARE(lines->size(), qsizetype(want.size()));
    for (qsizetype i = 0; i < lines->size(); ++i) {
        const MonthlyInventoryLine &line = lines->at(i);
        QVERIFY2(want.count(line.productId), qPrintable(line.productId));
        const Want &w = want.at(line.productId);
        QCOMPARE(line.closingStock, w.closing);
        QCOMPARE(line.outbound, w.outbound);
        QVERIFY2(std::abs(line.totalValue - w.value) < 0.005, qPrintable(line.productId));
        QVERIFY2(std::abs(line.costOfGoodsSold - w.cogs) < 0.005, qPrintable(line.productId));
        QCOMPARE(line.lastDay, w.last);
        QVERIFY2(!line.name.isEmpty(), qPrintable(line.productId)); // the stock service names every demo product
        if (i > 0) // sorted by value, largest first
            QVERIFY(lines->at(i - 1).totalValue >= line.totalValue);
    }
}

void TestAnalytics::monthlyInventoryCsvAndJson()
{
    MonthlyInventoryQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.month = m_last;
    auto lines = m_store->monthlyInventory(q);
    QVERIFY(lines && !lines->isEmpty());
    const QStringList rows
        = AnalyticsSeries::monthlyInventoryCsv(*lines).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), lines->size() + 1);
    QCOMPARE(
        rows.first(), QStringLiteral("product_id,name,closing_stock,total_value,outbound,cost_of_goods_sold,last_day"));
    const QJsonObject first = AnalyticsSeries::toJson(lines->first());
    QCOMPARE(first.value(u"product_id").toString(), lines->first().productId);
    // Money in cents, whatever float noise the sums carry.
    const double value = first.value(u"total_value").toDouble();
    QCOMPARE(std::round(value * 100) / 100, value);
    QVERIFY(!AnalyticsSeries::monthFromText(QStringLiteral("2026-13")));
    QVERIFY(!AnalyticsSeries::monthFromText(QStringLiteral("2026-7")));
    QCOMPARE(AnalyticsSeries::monthFromText(QStringLiteral("2026-07")), std::optional<QDate>(QDate(2026, 7, 1)));
}

void TestAnalytics::trainingExportEqualsTheChatsSelected()
{
    // The SAAN guide's selection, computed here from the payloads' own members: order_created and escalated
    // snapshots with confidence scores and a satisfaction of 4 or more.
    TrainingExport::Options options;
    options.tenant = QStringLiteral("acme-th");
    QMap<QString, QJsonObject> want;
    SnapshotQuery query;
    query.tenant = options.tenant;
    query.kind = QStringLiteral("chat");
    PageRequest page;
    page.limit = 100000;
    auto headers = m_store->listHeaders(query, page);
    QVERIFY(headers && !headers->headers.isEmpty());
    qint64 ofTheTypes = 0;
    for (const SnapshotHeader &h : std::as_const(headers->headers)) {
        if (h.type != u"order_created" && h.type != u"escalated")
            continue;
        ++ofTheTypes;
        auto snapshot = m_store->load(h.id);
        QVERIFY(snapshot);
        const QJsonObject payload = QJsonDocument::fromJson(snapshot->payload).object();
        const QJsonArray scores
            = payload.value(u"conversation_context").toObject().value(u"ai_confidence_scores").toArray();
        const QJsonValue satisfaction = payload.value(u"business_outcome").toObject().value(u"customer_satisfaction");
        if (!scores.isEmpty() && satisfaction.isDouble() && satisfaction.toDouble() >= 4)
            want.insert(h.id, payload);
    }
    QVERIFY(want.size() > 20);
    QVERIFY(want.size() < ofTheTypes); // some are left out
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("training.jsonl"));
    qint64 lastDone = 0;
    auto report = TrainingExport::write(*m_store, options, path, [&](qint64 done, qint64 total) {
        lastDone = done;
        return done <= total;
    });
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->written, qint64(want.size()));
    QCOMPARE(report->scanned, ofTheTypes);
    QCOMPARE(lastDone, ofTheTypes);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSet<QString> seen;
    while (!file.atEnd()) {
        const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
        const QString id = record.value(u"snapshot_id").toString();
        QVERIFY2(want.contains(id), qPrintable(id));
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        const QJsonObject &payload = want[id];
        const QJsonObject context = payload.value(u"conversation_context").toObject();
        QCOMPARE(record.value(u"ai_confidence_scores").toArray(), context.value(u"ai_confidence_scores").toArray());
        QCOMPARE(record.value(u"intent_progression").toArray(), context.value(u"intent_progression").toArray());
        QCOMPARE(record.value(u"business_outcome").toObject(), payload.value(u"business_outcome").toObject());
        const QJsonArray messages = payload.value(u"key_messages").toArray();
        QCOMPARE(record.value(u"key_messages").toArray().size(), messages.size());
        // The demo's messages hold no contact details: the content is the payload's, unchanged.
        for (qsizetype i = 0; i < messages.size(); ++i)
            QCOMPARE(record.value(u"key_messages").toArray().at(i).toObject().value(u"content").toString(),
                messages.at(i).toObject().value(u"content").toString());
    }
    QCOMPARE(seen.size(), want.size());

    // Cancelled: no file at all.
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.jsonl"));
    auto stopped = TrainingExport::write(*m_store, options, cancelled, [](qint64, qint64) { return false; });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, Error::Code::Cancelled);
    QVERIFY(!QFile::exists(cancelled));
}

void TestAnalytics::trainingExportMasksContactsInText()
{
    using TrainingExport::maskContacts;
    // Contact details in a message's text are masked, whatever their notation...
    for (const char *contact : { "0812345678", "081-234-5678", "081.234.5678", "081 234 5678", "+66 81 234 5678",
             "+66812345678", "(02) 123 4567", "somchai.k@mail.example" }) {
        const QString text = QStringLiteral("โทร %1 ครับ").arg(QString::fromUtf8(contact));
        const QString masked = maskContacts(text);
        QVERIFY2(
            masked.startsWith(QStringLiteral("โทร ")) && masked.endsWith(QStringLiteral(" ครับ")), qPrintable(masked));
        QVERIFY2(!masked.contains(QString::fromUtf8(contact).mid(1, 4)), qPrintable(masked));
        QVERIFY2(masked.contains(QChar(0x2022)), qPrintable(masked));
    }
    // ... and nothing else: dates and times, ids, amounts, short numbers stay as they are.
    for (const char *plain :
        { "no contact here, order 12345", "นัดส่ง 2025-07-03 15:00 ครับ", "order ORD-TH-000336", "ref 20250703-0001",
            "ยอด 1 250 000 บาท", "total 1,250,000.50", "285.50 บาท", "at 15:45:00", "batch BATCH001 exp 2025-12-31" }) {
        const QString text = QString::fromUtf8(plain);
        QCOMPARE(maskContacts(text), text);
    }
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestAnalytics, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_analytics.moc"
