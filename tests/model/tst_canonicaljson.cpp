// CanonicalJson is what checksums are computed over; it needs no shared data, so it runs on any checkout.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include "ops/demogenerator.h"
#include "json/canonicaljson.h"
#include "json/jsondiff.h"
#include "json/jsonnumber.h"
#include "json/jsonpatch.h"
#include "json/strictjson.h"

class TestCanonicalJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesQtCompactForm();
    void exactNumbersKeepTheirDigits_data();
    void exactNumbersKeepTheirDigits();
    void exactNumbersThroughDiffAndPatch();
    void indentedLikeQt();
};

void TestCanonicalJson::matchesQtCompactForm()
{
    // The fast writer must say exactly what QJsonDocument's compact form says, byte for byte.
    QList<QJsonObject> documents;
    const QHash<QString, QList<QByteArray>> samples = DemoGenerator::samplePayloads(3, 60);
    for (const QList<QByteArray> &payloads : samples) {
        for (const QByteArray &payload : payloads)
            documents.append(QJsonDocument::fromJson(payload).object());
    }
    QJsonObject edge;
    edge.insert(QStringLiteral("control"), QStringLiteral("tab\there\nnew \u0001 \"quoted\" back\\slash / slash"));
    edge.insert(QStringLiteral("thai"), QStringLiteral("มาม่า รสต้มยำกุ้ง 😀"));
    edge.insert(QStringLiteral("numbers"),
        QJsonArray { 0, -1, 0.1, 1.5e300, -2.5e-7, 123456789012.0, 9007199254740993.0, 3.0, qint64(1) << 60 });
    edge.insert(QStringLiteral("nested"),
        QJsonObject { { QStringLiteral("empty"), QJsonObject() }, { QStringLiteral("list"), QJsonArray() },
            { QStringLiteral("null"), QJsonValue() }, { QStringLiteral("b"), false } });
    edge.insert(QStringLiteral(""), QStringLiteral("empty key"));
    edge.insert(QStringLiteral("surrogates"),
        QStringView(u"lone \xD83D high, lone \xDE00 low, pair \xD83D\xDE00, \x7F \x1F").toString());
    documents.append(edge);
    // Strings from every range of UTF-16, lone and reversed surrogates and control characters included.
    QRandomGenerator random(6902);
    for (int n = 0; n < 2000; ++n) {
        QString text;
        for (int i = int(random.bounded(16)); i > 0; --i)
            text += QChar(char16_t(random.bounded(4) == 0 ? random.bounded(0x80) : random.bounded(0x10000)));
        documents.append(QJsonObject { { text, text } });
    }
    QVERIFY(documents.size() > 2300);
    for (const QJsonObject &document : std::as_const(documents))
        QCOMPARE(CanonicalJson::write(document), QJsonDocument(document).toJson(QJsonDocument::Compact));
}

void TestCanonicalJson::exactNumbersKeepTheirDigits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("long integer") << QByteArray(R"({"a":12345678901234567890})")
                                  << QByteArray(R"({"a":12345678901234567890})");
    QTest::newRow("long fraction") << QByteArray(R"({"b":1234567890.123456789})")
                                   << QByteArray(R"({"b":1234567890.123456789})");
    QTest::newRow("negative, spelled otherwise")
        << QByteArray(R"({"c":-1234567890123456789.0e-10})") << QByteArray(R"({"c":-123456789.0123456789})");
    QTest::newRow("trailing zeros go") << QByteArray(R"({"d":[123456789012345678.900]})")
                                       << QByteArray(R"({"d":[123456789012345678.9]})");
    QTest::newRow("small") << QByteArray(R"({"e":0.00000123456789012345678})")
                           << QByteArray(R"({"e":0.00000123456789012345678})");
    QTest::newRow("scientific") << QByteArray(R"({"f":1.2345678901234567890E+300})")
                                << QByteArray(R"({"f":1.234567890123456789e300})");
    QTest::newRow("2^63") << QByteArray(R"({"g":9223372036854775808})") << QByteArray(R"({"g":9223372036854775808})");
    // What a double or a 64-bit integer holds is a plain number, as before.
    QTest::newRow("double") << QByteArray(R"({"h":1.5,"i":9223372036854775807,"j":0.1})")
                            << QByteArray(R"({"h":1.5,"i":9223372036854775807,"j":0.1})");
}

void TestCanonicalJson::exactNumbersKeepTheirDigits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, canonical);
    auto parsed = StrictJson::parseObject(text, QStringLiteral("test"));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    const QByteArray written = CanonicalJson::write(*parsed);
    QCOMPARE(written, canonical);
    // Read back from the store's form: the same value, the same bytes, so the same checksum.
    const QJsonObject reread = CanonicalJson::read(written);
    QCOMPARE(reread, *parsed);
    QCOMPARE(CanonicalJson::write(reread), canonical);
    // Readable forms print the bare number, never the marked string.
    QVERIFY(!CanonicalJson::indented(reread).contains("\\u"));
    QCOMPARE(CanonicalJson::pretty(written), CanonicalJson::indented(reread));
    for (auto it = reread.begin(); it != reread.end(); ++it) {
        const QJsonValue v = it->isArray() ? it->toArray().at(0) : *it;
        QVERIFY(JsonNumber::isNumber(v));
        QCOMPARE(JsonNumber::toDouble(v), std::strtod(JsonNumber::text(v).constData(), nullptr));
    }
}

void TestCanonicalJson::exactNumbersThroughDiffAndPatch()
{
    auto older = StrictJson::parseObject(R"({"total":12345678901234567890.01,"n":1})", QStringLiteral("a"));
    auto newer = StrictJson::parseObject(R"({"total":12345678901234567890.02,"n":1})", QStringLiteral("b"));
    QVERIFY(older && newer);
    // Equal as doubles, different as numbers: the diff sees the change and the patch carries the digits.
    QCOMPARE(JsonNumber::toDouble(older->value(u"total")), JsonNumber::toDouble(newer->value(u"total")));
    const QJsonArray patch = JsonDiff::diff(*older, *newer);
    QCOMPARE(CanonicalJson::compact(patch),
        QByteArray(R"([{"op":"replace","path":"/total","value":12345678901234567890.02}])"));
    auto applied = JsonPatch::apply(*older, patch);
    QVERIFY(applied);
    QCOMPARE(CanonicalJson::write(applied->toObject()), CanonicalJson::write(*newer));
    QVERIFY(JsonDiff::diff(*newer, *newer).isEmpty());
    // A patch read back from its stored text still carries the digits.
    const auto stored = StrictJson::readStored(CanonicalJson::compact(patch));
    QVERIFY(stored);
    QCOMPARE(stored->toArray(), patch);
    // A value that only looks like one stays a string: outside text cannot hold the mark (a lone surrogate).
    QVERIFY(!StrictJson::parseObject(R"({"s":"\udfff1"})", QStringLiteral("c")));
    auto digits = StrictJson::parseObject(R"({"s":"12345678901234567890"})", QStringLiteral("d"));
    QVERIFY(digits);
    QVERIFY(!JsonNumber::isExact(digits->value(u"s")));
    QCOMPARE(CanonicalJson::write(*digits), QByteArray(R"({"s":"12345678901234567890"})"));
    QCOMPARE(CanonicalJson::read(R"({"s":"12345678901234567890"})").value(u"s").toString(),
        QStringLiteral("12345678901234567890"));
}

void TestCanonicalJson::indentedLikeQt()
{
    // Laid out as QJsonDocument::Indented lays out non-empty containers.
    QJsonObject document { { QStringLiteral("a"),
                               QJsonArray { 1, QStringLiteral("x"), QJsonObject { { QStringLiteral("b"), true } } } },
        { QStringLiteral("c"), QJsonValue() }, { QStringLiteral("d"), 2.5 } };
    QCOMPARE(CanonicalJson::indented(document), QJsonDocument(document).toJson(QJsonDocument::Indented));
    QCOMPARE(CanonicalJson::indented(QJsonObject { { QStringLiteral("e"), QJsonArray() } }),
        QByteArray("{\n    \"e\": []\n}\n"));
}

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
