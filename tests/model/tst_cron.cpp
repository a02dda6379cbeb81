#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include "ops/cronexpression.h"
#include "json/isotime.h"

// Next-run times of cron expressions, hand-computed from the calendar (2026: 1 January is a Thursday; Europe/Berlin
// springs forward on 29 March and falls back on 25 October; America/New_York on 8 March and 1 November).
class TestCron : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextRuns_data();
    void nextRuns();
    void invalidExpressions_data();
    void invalidExpressions();
    void presets();
};

void TestCron::nextRuns_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");

    const auto row = [](const char *name, const char *cron, const char *zone, const char *from,
                         std::initializer_list<const char *> expected) {
        QStringList list;
        for (const char *e : expected)
            list << QString::fromLatin1(e);
        QTest::newRow(name) << QString::fromLatin1(cron) << QString::fromLatin1(zone) << QString::fromLatin1(from)
                            << list;
    };
    row("every minute", "* * * * *", "UTC", "2026-11-20T10:40:30Z", { "2026-11-20T10:41:00Z", "2026-11-20T10:42:00Z" });
    row("list", "0 8,12,18 * * *", "UTC", "2026-11-20T12:00:00Z",
        { "2026-11-20T18:00:00Z", "2026-11-21T08:00:00Z", "2026-11-21T12:00:00Z" });
    row("steps and ranges on weekdays", "*/15 9-10 * * 1-5", "UTC", "2026-11-20T10:40:00Z",
        { "2026-11-20T10:45:00Z", "2026-11-23T09:00:00Z", "2026-11-23T09:15:00Z" });
    row("step from a start", "5/20 * * * *", "UTC", "2026-11-20T10:00:00Z",
        { "2026-11-20T10:05:00Z", "2026-11-20T10:25:00Z", "2026-11-20T10:45:00Z", "2026-11-20T11:05:00Z" });
    row("month and day names", "0 9 * jan,JUL Mon", "UTC", "2026-06-30T00:00:00Z",
        { "2026-07-06T09:00:00Z", "2026-07-13T09:00:00Z", "2026-07-20T09:00:00Z", "2026-07-27T09:00:00Z",
            "2027-01-04T09:00:00Z" });
    row("both day fields: either", "0 0 13 * FRI", "UTC", "2026-12-01T00:00:00Z",
        { "2026-12-04T00:00:00Z", "2026-12-11T00:00:00Z", "2026-12-13T00:00:00Z", "2026-12-18T00:00:00Z" });
    row("day 7 is Sunday", "0 0 * * 7", "UTC", "2026-11-18T00:00:00Z", { "2026-11-22T00:00:00Z" });
    row("31st of the month", "0 12 31 * *", "UTC", "2026-01-15T00:00:00Z",
        { "2026-01-31T12:00:00Z", "2026-03-31T12:00:00Z", "2026-05-31T12:00:00Z", "2026-07-31T12:00:00Z" });
    row("leap day", "0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", { "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z" });
    row("@weekly", "@weekly", "UTC", "2026-11-18T08:00:00Z", { "2026-11-22T00:00:00Z", "2026-11-29T00:00:00Z" });
    row("@monthly", "@monthly", "UTC", "2026-11-18T08:00:00Z", { "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z" });
    row("@yearly", "@yearly", "UTC", "2026-11-18T08:00:00Z", { "2027-01-01T00:00:00Z" });
    row("@hourly", "@hourly", "UTC", "2026-11-18T08:00:00Z", { "2026-11-18T09:00:00Z" });
    row("business zone", "0 2 * * *", "Asia/Bangkok", "2026-11-20T00:00:00Z",
        { "2026-11-20T19:00:00Z", "2026-11-21T19:00:00Z" });
    // Spring: 02:00-03:00 does not exist on 29 March in Berlin; the 02:30 job runs once, at 03:00 CEST.
    row("Berlin spring gap", "30 2 * * *", "Europe/Berlin", "2026-03-28T00:00:00Z",
        { "2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z" });
    row("Berlin spring gap, several times in it", "*/20 2 * * *", "Europe/Berlin", "2026-03-29T00:00:00Z",
        { "2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-30T00:20:00Z" });
    // Autumn: 02:00-03:00 happens twice on 25 October; 02:30 runs at its first occurrence (CEST) only.
    row("Berlin autumn overlap", "30 2 * * *", "Europe/Berlin", "2026-10-24T00:00:00Z",
        { "2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z" });
    row("Berlin autumn overlap, every half hour", "*/30 * * * *", "Europe/Berlin", "2026-10-25T00:10:00Z",
        { "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z" });
    row("New York spring gap", "30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z",
        { "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z" });
    row("New York autumn overlap", "30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z",
        { "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z" });
}

void TestCron::nextRuns()
{
    QFETCH(QString, cron);
    QFETCH(QString, zone);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    auto expression = CronExpression::parse(cron);
    QVERIFY2(expression, qPrintable(expression ? QString() : expression.error().message));
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    auto start = IsoTime::parseDateTime(from);
    QVERIFY(start);
    QStringList actual;
    for (const EpochMs at : expression->next(*start, tz, int(expected.size())))
        actual << IsoTime::toUtcSeconds(at);
    QCOMPARE(actual, expected);
}

void TestCron::invalidExpressions_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("hour 25") << QStringLiteral("0 25 * * *") << QStringLiteral("hour");
    QTest::newRow("minute 60") << QStringLiteral("60 * * * *") << QStringLiteral("minute");
    QTest::newRow("three fields") << QStringLiteral("* * *") << QStringLiteral("5");
    QTest::newRow("weekday 8") << QStringLiteral("0 0 * * 8") << QStringLiteral("day-of-week");
    QTest::newRow("backwards range") << QStringLiteral("0 0 5-1 * *") << QStringLiteral("backwards");
    QTest::newRow("zero step") << QStringLiteral("*/0 * * * *") << QStringLiteral("step");
    QTest::newRow("unknown name") << QStringLiteral("0 0 * FOO *") << QStringLiteral("FOO");
    QTest::newRow("unknown macro") << QStringLiteral("@every") << QStringLiteral("macro");
    QTest::newRow("empty list item") << QStringLiteral("1,,2 * * * *") << QStringLiteral("empty");
    QTest::newRow("day 0") << QStringLiteral("0 0 0 * *") << QStringLiteral("day-of-month");
}

void TestCron::invalidExpressions()
{
    QFETCH(QString, cron);
    QFETCH(QString, mentions);
    auto expression = CronExpression::parse(cron);
    QVERIFY(!expression);
    QVERIFY2(expression.error().message.contains(mentions), qPrintable(expression.error().message));
}

void TestCron::presets()
{
    QCOMPARE(CronExpression::daily(2, 30), QStringLiteral("30 2 * * *"));
    // 0 = Monday in the editor, 1 = Monday in cron; 6 = Sunday becomes 0.
    QCOMPARE(CronExpression::weekly(0, 9, 0), QStringLiteral("0 9 * * 1"));
    QCOMPARE(CronExpression::weekly(6, 9, 0), QStringLiteral("0 9 * * 0"));
    QCOMPARE(CronExpression::monthly(31, 23, 5), QStringLiteral("5 23 31 * *"));
    auto never = CronExpression::parse(QStringLiteral("0 0 30 2 *"));
    QVERIFY(never);
    QVERIFY(!never->next(0, QTimeZone::utc()));
}

QTEST_GUILESS_MAIN(TestCron)
#include "tst_cron.moc"
