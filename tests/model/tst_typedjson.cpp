#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "json/canonicaljson.h"
#include "json/jsonnumber.h"
#include "json/strictjson.h"
#include "json/typedjson.h"

// The stores' typed JSON read as plain JSON: MongoDB Extended JSON v2 (canonical and relaxed, as mongoexport writes
// the stock service's documents) and DynamoDB attribute values (the order service's items as DynamoDB's export
// writes them). Exact digits kept; broken wrappers named by their pointer.
class TestTypedJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extendedJsonCanonicalAndRelaxedAgree();
    void extendedJsonKeepsExactDigits();
    void extendedJsonBrokenWrappers_data();
    void extendedJsonBrokenWrappers();
    void dynamoItemUnmarshals();
    void dynamoBrokenValues_data();
    void dynamoBrokenValues();
};

namespace {

QJsonValue parse(const char *text)
{
    auto value = StrictJson::parse(QByteArray(text), QStringLiteral("test"));
    if (!value)
        qFatal("%s", qPrintable(value.error().message));
    return *value;
}

QByteArray canonical(const QJsonValue &value)
{
    return CanonicalJson::write(value.toObject());
}

} // namespace

void TestTypedJson::extendedJsonCanonicalAndRelaxedAgree()
{
    // A StockSnapshotDocument as mongoexport writes it, canonical and relaxed.
    const QJsonValue canonicalForm = parse(R"({"_id":{"$oid":"6B15A2E600006F9ECD000001"},"tenant_id":"acme-th",
        "total_items":{"$numberInt":"20"},"total_quantity":{"$numberLong":"1523"},
        "generate_date_time":{"$date":{"$numberLong":"1796558555000"}},
        "created_at":{"$date":{"$numberLong":"1796558555123"}},
        "stocks":[{"item_code":"P0001","quantity":{"$numberInt":"5"},"cost":{"$numberDouble":"12.5"}}]})");
    const QJsonValue relaxedForm = parse(R"({"_id":{"$oid":"6b15a2e600006f9ecd000001"},"tenant_id":"acme-th",
        "total_items":20,"total_quantity":1523,
        "generate_date_time":{"$date":"2026-12-06T12:02:35Z"},
        "created_at":{"$date":"2026-12-06T19:02:35.123+07:00"},
        "stocks":[{"item_code":"P0001","quantity":5,"cost":12.5}]})");
    QVERIFY(ExtendedJson::hasWrappers(canonicalForm));
    QVERIFY(ExtendedJson::hasWrappers(relaxedForm));
    auto a = ExtendedJson::decode(canonicalForm);
    auto b = ExtendedJson::decode(relaxedForm);
    QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
    QVERIFY2(b, qPrintable(b ? QString() : b.error().message));
    QCOMPARE(canonical(*a), canonical(*b));
    const QJsonObject doc = a->toObject();
    QCOMPARE(doc.value(u"_id").toString(), QStringLiteral("6b15a2e600006f9ecd000001"));
    QCOMPARE(doc.value(u"generate_date_time").toString(), QStringLiteral("2026-12-06T12:02:35Z"));
    QCOMPARE(doc.value(u"created_at").toString(), QStringLiteral("2026-12-06T12:02:35.123Z"));
    QCOMPARE(doc.value(u"total_quantity").toInteger(), qint64(1523));
    QVERIFY(!ExtendedJson::hasWrappers(*a));
    // Member order and everything else unchanged.
    QCOMPARE(doc.keys(), canonicalForm.toObject().keys());
}

void TestTypedJson::extendedJsonKeepsExactDigits()
{
    const QJsonValue in = parse(R"({"price":{"$numberDecimal":"1234567890123456789012345678.901234"},
        "big":{"$numberLong":"9007199254740993"},"small":{"$numberDecimal":"0.1"},
        "binary":{"$binary":{"base64":"AQID","subType":"00"}}})");
    auto out = ExtendedJson::decode(in);
    QVERIFY(out);
    const QJsonObject o = out->toObject();
    QVERIFY(JsonNumber::isExact(o.value(u"price")));
    QCOMPARE(JsonNumber::text(o.value(u"price")), QByteArray("1234567890123456789012345678.901234"));
    QCOMPARE(JsonNumber::text(o.value(u"big")), QByteArray("9007199254740993"));
    QCOMPARE(JsonNumber::text(o.value(u"small")), QByteArray("0.1"));
    QCOMPARE(o.value(u"binary"), in.toObject().value(u"binary")); // no plain JSON form: kept as it is
    QCOMPARE(CanonicalJson::write(o).contains("\"price\":1234567890123456789012345678.901234"), true);
}

void TestTypedJson::extendedJsonBrokenWrappers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("short oid") << QByteArray(R"({"a":{"$oid":"12"}})") << QStringLiteral("/a/$oid");
    QTest::newRow("bad date") << QByteArray(R"({"a":[{"b":{"$date":"yesterday"}}]})") << QStringLiteral("/a/0/b/$date");
    QTest::newRow("long as number") << QByteArray(R"({"n":{"$numberLong":12}})") << QStringLiteral("/n/$numberLong");
    QTest::newRow("int overflow") << QByteArray(R"({"n":{"$numberInt":"3000000000"}})")
                                  << QStringLiteral("/n/$numberInt");
    QTest::newRow("decimal text") << QByteArray(R"({"n":{"$numberDecimal":"12,5"}})")
                                  << QStringLiteral("/n/$numberDecimal");
    QTest::newRow("NaN") << QByteArray(R"({"n":{"$numberDouble":"NaN"}})") << QStringLiteral("/n/$numberDouble");
}

void TestTypedJson::extendedJsonBrokenWrappers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    auto out = ExtendedJson::decode(parse(json.constData()));
    QVERIFY(!out);
    QVERIFY2(out.error().message.contains(pointer), qPrintable(out.error().message));
}

void TestTypedJson::dynamoItemUnmarshals()
{
    // The order service's item as DynamoDB's export writes it: state and metadata are strings holding JSON.
    const QJsonObject line = parse(R"({"Item":{"orderId":{"S":"ORD-SG-000049"},"version":{"N":"2"},
        "lastEventSequence":{"N":"20"},"timestamp":{"N":"1796558555635"},
        "state":{"S":"{\"id\":\"ORD-SG-000049\",\"status\":\"SHIPPED\"}"},
        "total":{"N":"12345678901234567890.5"},"paid":{"BOOL":true},"note":{"NULL":true},
        "tags":{"SS":["gift","fragile"]},"sizes":{"NS":["1","2.5"]},
        "lines":{"L":[{"M":{"productId":{"S":"P0004"},"quantity":{"N":"4"}}}]}}})")
                                 .toObject();
    QVERIFY(DynamoJson::isExportLine(line));
    QVERIFY(!DynamoJson::isTypedItem(line));
    QVERIFY(DynamoJson::isTypedItem(line.value(u"Item").toObject()));
    auto item = DynamoJson::unmarshal(line.value(u"Item").toObject());
    QVERIFY2(item, qPrintable(item ? QString() : item.error().message));
    QCOMPARE(item->value(u"orderId").toString(), QStringLiteral("ORD-SG-000049"));
    QCOMPARE(item->value(u"timestamp").toInteger(), qint64(1796558555635));
    QCOMPARE(JsonNumber::text(item->value(u"total")), QByteArray("12345678901234567890.5"));
    QCOMPARE(item->value(u"paid"), QJsonValue(true));
    QVERIFY(item->value(u"note").isNull());
    QCOMPARE(item->value(u"tags").toArray(), (QJsonArray { QStringLiteral("gift"), QStringLiteral("fragile") }));
    QCOMPARE(item->value(u"sizes").toArray().at(1).toDouble(), 2.5);
    QCOMPARE(item->value(u"lines").toArray().at(0).toObject().value(u"quantity").toInteger(), qint64(4));
    QVERIFY(item->value(u"state").isString()); // the JSON text is the order service's: its shape decodes it
    // A plain item (as the application sees it) is not a typed one.
    QVERIFY(!DynamoJson::isTypedItem(*item));
}

void TestTypedJson::dynamoBrokenValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("number text") << QByteArray(R"({"a":{"N":"12x"}})") << QStringLiteral("/a/N");
    QTest::newRow("number as number") << QByteArray(R"({"a":{"N":12}})") << QStringLiteral("/a/N");
    QTest::newRow("bool text") << QByteArray(R"({"a":{"BOOL":"yes"}})") << QStringLiteral("/a/BOOL");
    QTest::newRow("null false") << QByteArray(R"({"a":{"NULL":false}})") << QStringLiteral("/a/NULL");
    QTest::newRow("nested unknown type") << QByteArray(R"({"a":{"M":{"b":{"X":"1"}}}})") << QStringLiteral("/a/M/b");
    QTest::newRow("number set element") << QByteArray(R"({"a":{"NS":["1","two"]}})") << QStringLiteral("/a/NS/1");
}

void TestTypedJson::dynamoBrokenValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    auto out = DynamoJson::unmarshal(parse(json.constData()).toObject());
    QVERIFY(!out);
    QVERIFY2(out.error().message.contains(pointer), qPrintable(out.error().message));
}

QTEST_GUILESS_MAIN(TestTypedJson)
#include "tst_typedjson.moc"
