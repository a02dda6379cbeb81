#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

#include "common/testsupport.h"
#include "ops/analyticsseries.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

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

private:
    struct Fact
    {
        QString store, product;
        QDate day;
        qint64 opening, closing, inbound, outbound, adjustments;
        double value;
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
                                      "adjustments, total_value FROM daily_inventory WHERE tenant_id = 'acme-th'")));
    while (query.next()) {
        m_facts.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toDate(),
            query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
            query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toDouble() });
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

SNAPSCOPE_POSTGRES_TEST_MAIN(TestAnalytics, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_analytics.moc"
