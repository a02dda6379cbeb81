// Input from outside against the public suites in ../shared/data: JSON (RFC 8259), JSON Pointer (RFC 6901),
// RFC 3339 times and RFC 9562 UUIDs.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "../common/testsupport.h"
#include "domain/snapshotid.h"
#include "json/isotime.h"
#include "json/jsonpointer.h"
#include "json/strictjson.h"

namespace {

QJsonDocument readJson(const QString &relative)
{
    QFile file(TestSupport::sharedDataDir() + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonTestSuite_data();
    void jsonTestSuite();
    void jsonErrorsNameLineAndColumn();
    void dataRulesRefuseWhatWouldChange_data();
    void dataRulesRefuseWhatWouldChange();
    void jsonPointerEvaluation_data();
    void jsonPointerEvaluation();
    void jsonPointerDerivedErrors();
    void jsonPointerRoundTrip();
    void rfc3339DateTimes_data();
    void rfc3339DateTimes();
    void rfc3339Dates_data();
    void rfc3339Dates();
    void offsetsAndLeapSeconds();
    void uuidVectors();
    void uuidFormats_data();
    void uuidFormats();
};

void TestConformance::initTestCase()
{
    QVERIFY(QDir(TestSupport::sharedDataDir()).exists()); // main() skips the whole executable when it is absent
}

void TestConformance::jsonTestSuite_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(TestSupport::sharedDataDir() + QStringLiteral("/json-test-suite/test_parsing"));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() > 300);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestConformance::jsonTestSuite()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const QString name = QFileInfo(path).fileName();
    // i_ files: any answer, but an answer
    const StrictJson::Problem problem = StrictJson::validate(text, StrictJson::Rules::Syntax);
    const StrictJson::Problem data = StrictJson::validate(text, StrictJson::Rules::Data);
    if (name.startsWith(u'y')) {
        QVERIFY2(problem.message.isEmpty(), qPrintable(problem.message));
        // Data rules refuse only the suite's duplicate names (issue 21: readers disagree on which one wins).
        if (name.startsWith(u"y_object_duplicated_key"))
            QCOMPARE(data.message, QStringLiteral("duplicate member name"));
        else
            QVERIFY2(data.message.isEmpty(), qPrintable(data.message));
    } else if (name.startsWith(u'n')) {
        QVERIFY2(!problem.message.isEmpty(), "accepted JSON the RFC rejects");
        QVERIFY(!data.message.isEmpty());
    }
}

void TestConformance::dataRulesRefuseWhatWouldChange_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addColumn<int>("column");
    QTest::newRow("huge") << QByteArray(R"({"keep":1,"n":1e400})") << QStringLiteral("number out of range: 1e400")
                          << 15;
    QTest::newRow("tiny") << QByteArray(R"({"keep":1,"n":1e-400})")
                          << QStringLiteral("number too small, it would read as 0: 1e-400") << 15;
    QTest::newRow("subnormal") << QByteArray(R"({"keep":1,"n":1.234567e-320})")
                               << QStringLiteral("number too small to be kept exactly: 1.234567e-320") << 15;
    // Numbers a double cannot hold are kept as their digits (JsonNumber), not refused.
    QTest::newRow("long integer") << QByteArray(R"({"a":12345678901234567890})") << QString() << 0;
    QTest::newRow("long fraction") << QByteArray(R"({"b":1234567890.123456789})") << QString() << 0;
    QTest::newRow("duplicate") << QByteArray(R"({"a":1,"b":2,"a":3})") << QStringLiteral("duplicate member name") << 14;
    QTest::newRow("duplicate escaped") << QByteArray(R"({"ab":1,"a\u0062":2})")
                                       << QStringLiteral("duplicate member name") << 9;
    QTest::newRow("lone high") << QByteArray(R"({"s":"x\ud800y"})")
                               << QStringLiteral("lone surrogate escape (\\ud800 without its pair)") << 8;
    QTest::newRow("lone low") << QByteArray(R"({"s":"\udc00"})")
                              << QStringLiteral("lone surrogate escape (\\udc00 without its pair)") << 7;
    // What a double or a 64-bit integer holds exactly is kept, whatever its spelling.
    QTest::newRow("pair") << QByteArray(R"({"s":"\ud834\udd1e"})") << QString() << 0;
    QTest::newRow("int64") << QByteArray(R"({"a":-9223372036854775808,"b":9007199254740993})") << QString() << 0;
    QTest::newRow("money") << QByteArray(R"({"a":19.99,"b":0.1,"c":1.0,"d":-0,"e":120.50e1,"f":1e22})") << QString()
                           << 0;
    QTest::newRow("same name, other objects") << QByteArray(R"({"a":{"a":1},"b":[{"a":1},{"a":2}]})") << QString() << 0;
}

void TestConformance::dataRulesRefuseWhatWouldChange()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QFETCH(int, column);
    const StrictJson::Problem problem = StrictJson::validate(text);
    QCOMPARE(problem.message, error);
    if (!error.isEmpty())
        QCOMPARE(problem.column, column);
    QVERIFY(StrictJson::validate(text, StrictJson::Rules::Syntax).message.isEmpty());
}

void TestConformance::jsonErrorsNameLineAndColumn()
{
    auto parsed = StrictJson::parseObject("{\n  \"a\": 1,\n  \"b\": -2.\n}", QStringLiteral("import.json"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, QStringLiteral("import.json: line 3, column 11: expected a digit"));
    auto scalar = StrictJson::parseObject("[1]", QStringLiteral("x.json"));
    QVERIFY(!scalar.ok());
    QVERIFY(scalar.error().message.contains(QStringLiteral("expected a JSON object")));
    auto ok = StrictJson::parseObject(R"({"name":"มาม่า","n":[1,2.5e3]})", QStringLiteral("ok.json"));
    QVERIFY(ok.ok());
    QCOMPARE(ok->value(u"name").toString(), QStringLiteral("มาม่า"));
}

void TestConformance::jsonPointerEvaluation_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonObject vectors = readJson(QStringLiteral("json-pointer-rfc6901/rfc6901-vectors.json")).object();
    const QJsonArray cases = vectors.value(u"evaluate_json_string_form").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &c : cases) {
        const QString pointer = c.toObject().value(u"pointer").toString();
        QTest::newRow(qPrintable(QStringLiteral("'%1'").arg(pointer))) << pointer << c.toObject().value(u"expected");
    }
}

void TestConformance::jsonPointerEvaluation()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);
    const QJsonObject document = readJson(QStringLiteral("json-pointer-rfc6901/rfc6901-vectors.json"))
                                     .object()
                                     .value(u"documents")
                                     .toObject()
                                     .value(u"rfc")
                                     .toObject();
    const auto parsed = JsonPointer::parse(pointer);
    QVERIFY(parsed.has_value());
    const auto value = parsed->evaluate(document);
    QVERIFY(value.has_value());
    QCOMPARE(*value, expected);
}

void TestConformance::jsonPointerDerivedErrors()
{
    const QJsonObject vectors = readJson(QStringLiteral("json-pointer-rfc6901/rfc6901-vectors.json")).object();
    const QJsonObject documents = vectors.value(u"documents").toObject();
    const QJsonArray derived = vectors.value(u"derived").toArray();
    QVERIFY(!derived.isEmpty());
    for (const QJsonValue &c : derived) {
        const QJsonObject o = c.toObject();
        const QString pointer = o.value(u"pointer").toString();
        const QJsonValue document = documents.value(o.value(u"doc").toString(QStringLiteral("rfc")));
        const auto parsed = JsonPointer::parse(pointer);
        if (o.contains(QStringLiteral("error"))) {
            QVERIFY2(!parsed || !parsed->evaluate(document),
                qPrintable(pointer + QStringLiteral(": ") + o.value(u"error").toString()));
        } else if (o.contains(QStringLiteral("expected"))) {
            QVERIFY2(parsed && parsed->evaluate(document) == o.value(u"expected"), qPrintable(pointer));
        }
    }
}

void TestConformance::jsonPointerRoundTrip()
{
    const JsonPointer pointer
        = JsonPointer::fromTokens({ QStringLiteral("a/b"), QStringLiteral("m~n"), QStringLiteral("0") });
    QCOMPARE(pointer.toString(), QStringLiteral("/a~1b/m~0n/0"));
    QCOMPARE(JsonPointer::parse(pointer.toString())->tokens(), pointer.tokens());
    QVERIFY(!JsonPointer::parse(QStringLiteral("a")));
    QVERIFY(!JsonPointer::parse(QStringLiteral("/~2")));
    QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("01")));
    QCOMPARE(JsonPointer::arrayIndex(QStringLiteral("10")).value_or(-1), 10);
}

void TestConformance::rfc3339DateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QJsonArray groups = readJson(QStringLiteral("json-schema-formats/date-time.json")).array();
    for (const QJsonValue &group : groups) {
        for (const QJsonValue &t : group.toObject().value(u"tests").toArray()) {
            const QJsonObject o = t.toObject();
            if (!o.value(u"data").isString())
                continue; // "all string formats ignore integers" and the like: not a string to parse
            QTest::newRow(qPrintable(o.value(u"description").toString()))
                << o.value(u"data").toString() << o.value(u"valid").toBool();
        }
    }
}

void TestConformance::rfc3339DateTimes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(IsoTime::parseDateTime(text).ok(), valid);
}

void TestConformance::rfc3339Dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QJsonArray groups = readJson(QStringLiteral("json-schema-formats/date.json")).array();
    for (const QJsonValue &group : groups) {
        for (const QJsonValue &t : group.toObject().value(u"tests").toArray()) {
            const QJsonObject o = t.toObject();
            if (!o.value(u"data").isString())
                continue;
            QTest::newRow(qPrintable(o.value(u"description").toString()))
                << o.value(u"data").toString() << o.value(u"valid").toBool();
        }
    }
}

void TestConformance::rfc3339Dates()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(IsoTime::parseDate(text).has_value(), valid);
}

void TestConformance::offsetsAndLeapSeconds()
{
    QCOMPARE(*IsoTime::parseDateTime(QStringLiteral("2026-01-01T07:00:00+07:00")), 1767225600000);
    QCOMPARE(*IsoTime::parseDateTime(QStringLiteral("2025-12-31T19:00:00.5-05:00")), 1767225600500);
    QCOMPARE(*IsoTime::parseDateTime(QStringLiteral("1998-12-31T23:59:60Z")),
        *IsoTime::parseDateTime(QStringLiteral("1999-01-01T00:00:00Z")));
    QCOMPARE(*IsoTime::parseBound(QStringLiteral("2026-01-01"), QTimeZone("Asia/Bangkok")), 1767200400000);
    QCOMPARE(IsoTime::toUtcString(1767225600500), QStringLiteral("2026-01-01T00:00:00.500Z"));
}

void TestConformance::uuidVectors()
{
    const QJsonArray vectors
        = readJson(QStringLiteral("uuid-rfc9562/vectors.json")).object().value(u"vectors").toArray();
    QVERIFY(!vectors.isEmpty());
    bool sawV7 = false;
    for (const QJsonValue &v : vectors) {
        const QJsonObject o = v.toObject();
        const QString uuid = o.value(u"uuid").toString();
        QVERIFY2(SnapshotId::isWellFormed(uuid), qPrintable(uuid));
        if (o.value(u"version").toInt() == 7) {
            sawV7 = true;
            const EpochMs ms = o.value(u"unix_ts_ms").toInteger();
            QCOMPARE(SnapshotId::timestampOf(uuid), ms);
            const QString made = SnapshotId::make(ms, 0, 0);
            QCOMPARE(made.left(15), uuid.left(15)); // same time, same version nibble
            QCOMPARE(made.at(19), u'8'); // RFC 9562 variant
        } else {
            QCOMPARE(SnapshotId::timestampOf(uuid), -1);
        }
    }
    QVERIFY(sawV7);
    // Time-ordered: ids sort like the times they were made at.
    QVERIFY(SnapshotId::generate(1000) < SnapshotId::generate(2000));
}

void TestConformance::uuidFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QJsonArray groups = readJson(QStringLiteral("json-schema-formats/uuid.json")).array();
    for (const QJsonValue &group : groups) {
        for (const QJsonValue &t : group.toObject().value(u"tests").toArray()) {
            const QJsonObject o = t.toObject();
            if (!o.value(u"data").isString())
                continue;
            QTest::newRow(qPrintable(o.value(u"description").toString()))
                << o.value(u"data").toString() << o.value(u"valid").toBool();
        }
    }
}

void TestConformance::uuidFormats()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(SnapshotId::isWellFormed(text), valid);
}

// Every case reads ../shared/data: without it, exit 77 so CTest reports a skip, not a pass.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (!QDir(TestSupport::sharedDataDir()).exists()) {
        std::printf("SKIP: %s is not beside this checkout\n", qPrintable(TestSupport::sharedDataDir()));
        return 77;
    }
    TestConformance test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_conformance.moc"
