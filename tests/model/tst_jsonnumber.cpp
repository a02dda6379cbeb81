// JsonNumber and the readers that make its values: digits kept exactly, one written form per number, no locale, and
// no way for outside text to pass as a kept number.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

#include "json/canonicaljson.h"
#include "json/jsonnumber.h"
#include "json/jsontree.h"
#include "json/strictjson.h"

class TestJsonNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalized_data();
    void normalized();
    void hugeExponentsKeepTheirValue();
    void integersNeedNoMark();
    void storedTextReadsAsItWasAccepted();
    void forgedMarkIsRefused();
    void independentOfTheLocale();
    void treeShowsTheDigits();
};

void TestJsonNumber::normalized_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("zero") << "0"
                          << "0";
    QTest::newRow("negative zero") << "-0.0e5"
                                   << "0";
    QTest::newRow("trailing zeros") << "1.500"
                                    << "1.5";
    QTest::newRow("exponent into integer") << "15e-1"
                                           << "1.5";
    QTest::newRow("integer with zeros") << "120.50e1"
                                        << "1205";
    QTest::newRow("forty digits plain") << "1e39"
                                        << "1000000000000000000000000000000000000000";
    QTest::newRow("beyond forty scientific") << "1e40"
                                             << "1e40";
    QTest::newRow("small plain") << "0.000001234"
                                 << "0.000001234";
    QTest::newRow("smaller scientific") << "0.00000001234"
                                        << "1.234e-8";
    QTest::newRow("negative") << "-12345678901234567890.10"
                              << "-12345678901234567890.1";
}

void TestJsonNumber::normalized()
{
    QFETCH(QString, literal);
    QFETCH(QString, normalized);
    const std::string text = literal.toStdString();
    QCOMPARE(QString::fromStdString(JsonNumber::normalized(text)), normalized);
    // Normalizing twice changes nothing.
    QCOMPARE(JsonNumber::normalized(JsonNumber::normalized(text)), JsonNumber::normalized(text));
}

void TestJsonNumber::hugeExponentsKeepTheirValue()
{
    // The exponent and the digits' position together make the value: neither is capped on its own (a cap at
    // ±100,000 made the first 10 times too big and the second 10^5 times too small).
    const std::string big = "12345678901234567890" + std::string(100000, '0') + "e-100001";
    QCOMPARE(JsonNumber::normalized(big), std::string("1234567890123456789"));
    const std::string small = "0." + std::string(100000, '0') + "12345678901234567891e100005";
    QCOMPARE(JsonNumber::normalized(small), std::string("12345.678901234567891"));
    // An exponent past 64 bits is out of range, not a wrapped small number.
    auto huge = StrictJson::parse("1e99999999999999999999999", QStringLiteral("t"));
    QVERIFY(!huge);
    QVERIFY2(huge.error().message.contains(QStringLiteral("number out of range")), qPrintable(huge.error().message));
    auto tiny = StrictJson::parse("1e-99999999999999999999999", QStringLiteral("t"));
    QVERIFY(!tiny);
    QVERIFY2(tiny.error().message.contains(QStringLiteral("too small")), qPrintable(tiny.error().message));
}

void TestJsonNumber::integersNeedNoMark()
{
    // A whole number written with a fraction or an exponent is the 64-bit integer it means, read from outside and from
    // the stored form alike: the same value, the same type.
    auto outside
        = StrictJson::parseObject(R"({"a":8981274674270167456.0,"b":89812746742701674e2})", QStringLiteral("t"));
    QVERIFY(outside);
    QVERIFY(!JsonNumber::isExact(outside->value(u"a")));
    QCOMPARE(outside->value(u"a").toInteger(), Q_INT64_C(8981274674270167456));
    QCOMPARE(outside->value(u"b").toInteger(), Q_INT64_C(8981274674270167400));
    const QByteArray stored = CanonicalJson::write(*outside);
    QCOMPARE(stored, QByteArray(R"({"a":8981274674270167456,"b":8981274674270167400})"));
    QCOMPARE(CanonicalJson::read(stored), *outside);
}

void TestJsonNumber::storedTextReadsAsItWasAccepted()
{
    // Stored text is read under its own rules: what the syntax rules let in before (a tiny number, a lone surrogate, a
    // duplicate name) reads the same whether or not an unrelated string makes the reader look closer.
    for (const QByteArray &id : { QByteArray("ORD-1"), QByteArray("ORD-20261206-000123") }) {
        const QByteArray text = R"({"a":5e-324,"id":")" + id + R"(","s":"x\ud800y","d":1,"d":2})";
        const auto read = StrictJson::readStored(text);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->toObject().value(u"id").toString(), QString::fromLatin1(id));
        QCOMPARE(read->toObject().value(u"a").toDouble(), 5e-324);
        QCOMPARE(read->toObject().value(u"d").toInt(), 2);
    }
}

void TestJsonNumber::forgedMarkIsRefused()
{
    // Another system's table cannot make a string pass for a kept number, in any spelling of the escape.
    for (const QByteArray &text :
        { QByteArray(R"({"note":"\udfffnot a number, \"really\""})"), QByteArray(R"({"note":"\uDfFf1"})") }) {
        QVERIFY2(!StrictJson::readStored(text), text.constData());
        QVERIFY2(!StrictJson::parse(text, QStringLiteral("t")), text.constData());
    }
    // Elsewhere in a string it is only a lone surrogate: the stored rules read it as before.
    QVERIFY(StrictJson::readStored(R"({"note":"a\udfff"})"));
}

void TestJsonNumber::independentOfTheLocale()
{
    // Qt sets the C library's locale from the environment; strtod would then read "1.25" as 1 under de_DE. The
    // locale is compiled here (localedef, with the locales package's sources) when the machine has none installed.
    const QByteArray previous = std::setlocale(LC_ALL, nullptr);
    QTemporaryDir compiled;
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8")) {
        QProcess localedef;
        localedef.start(QStringLiteral("localedef"),
            { QStringLiteral("-i"), QStringLiteral("de_DE"), QStringLiteral("-f"), QStringLiteral("UTF-8"),
                compiled.filePath(QStringLiteral("de_DE.UTF-8")) });
        if (!localedef.waitForFinished(60000) || localedef.exitCode() > 1) // 1: warnings only
            QSKIP("no de_DE locale, and localedef cannot make one (is the locales package installed?)");
        qputenv("LOCPATH", QFile::encodeName(compiled.path()));
        QVERIFY2(std::setlocale(LC_ALL, "de_DE.UTF-8"), "the compiled locale does not load");
    }
    QCOMPARE(std::localeconv()->decimal_point[0], ',');
    auto parsed = StrictJson::parseObject(R"({"a":1.25,"b":0.5,"c":1234567890.123456789})", QStringLiteral("t"));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(!JsonNumber::isExact(parsed->value(u"a")));
    QCOMPARE(parsed->value(u"b").toDouble(), 0.5);
    QCOMPARE(JsonNumber::toDouble(parsed->value(u"c")), 1234567890.123456789);
    std::setlocale(LC_ALL, previous.constData());
    qunsetenv("LOCPATH");
}

void TestJsonNumber::treeShowsTheDigits()
{
    // The inspector's tree and text: a kept number is a number, shown with its digits, copied as them.
    auto tree = JsonTree::parse(R"({"total":12345678901234567890.01})");
    QVERIFY(tree);
    const JsonTree::Node &total = (*tree)->node(1);
    QCOMPARE(total.type, JsonTree::Type::Number);
    QCOMPARE(total.scalar, QStringLiteral("12345678901234567890.01"));
    QCOMPARE((*tree)->valueText(1), QByteArray("12345678901234567890.01"));
    QCOMPARE((*tree)->valueText(0), QByteArray("{\n    \"total\": 12345678901234567890.01\n}"));
    QCOMPARE((*tree)->find(QStringLiteral("890.01"), -1, false), 1);
    // Ids and amounts shown as text (case search, the inspector's trigger row, chat facts): the digits, never the mark.
    auto ids = StrictJson::parseObject(
        R"({"big":18446744073709551617,"small":42,"s":"C1","b":true,"n":null})", QStringLiteral("t"));
    QVERIFY(ids);
    QCOMPARE(JsonNumber::scalarText(ids->value(u"big")), QStringLiteral("18446744073709551617"));
    QCOMPARE(JsonNumber::scalarText(ids->value(u"small")), QStringLiteral("42"));
    QCOMPARE(JsonNumber::scalarText(ids->value(u"s")), QStringLiteral("C1"));
    QCOMPARE(JsonNumber::scalarText(ids->value(u"b")), QStringLiteral("true"));
    QCOMPARE(JsonNumber::scalarText(ids->value(u"n")), QString());
}

QTEST_GUILESS_MAIN(TestJsonNumber)
#include "tst_jsonnumber.moc"
