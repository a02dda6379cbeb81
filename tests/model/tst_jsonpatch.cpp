#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "common/testsupport.h"
#include "domain/kindregistry.h"
#include "items/changelistmodel.h"
#include "ops/demogenerator.h"
#include "ops/sidebyside.h"
#include "ops/snapshotcomparison.h"
#include "store/snapshotstore.h"
#include "json/jsondiff.h"
#include "json/jsonpatch.h"

// RFC 6902 apply (with the RFC's own cases from ../shared/data) and the structural diff: apply(diff(a, b), a) == b
// for conformance pairs, demo versions and generated documents.
class TestJsonPatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specificationCases();
    void applyIsAtomicAndNamesTheOperation();
    void diffTouchesOnlyTheChangedElement();
    void diffFindsShiftedElementsWithoutKeys();
    void diffUsesIdentityKeys();
    void diffSharedPairsRoundTrip();
    void diffGeneratedPairsRoundTrip();
    void diffDemoVersionsRoundTrip();
    void changeListModel();
    void sideBySideAlignsLines();
};

namespace {

QJsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray("[") + text + "]";
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

QJsonArray readArray(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

QString text(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact));
}

// The round trip every diff must pass; returns an empty string or what went wrong.
QString roundTrip(const QJsonValue &a, const QJsonValue &b, const JsonDiff::Options &options = {})
{
    const QJsonArray patch = JsonDiff::diff(a, b, options);
    auto applied = JsonPatch::apply(a, patch);
    if (!applied)
        return QStringLiteral("patch fails: %1; patch %2").arg(applied.error().message, text(patch));
    if (*applied != b)
        return QStringLiteral("result %1 differs from %2; patch %3").arg(text(*applied), text(b), text(patch));
    return QString();
}

} // namespace

void TestJsonPatch::specificationCases()
{
    const QString path = TestSupport::sharedDataDir() + QStringLiteral("/json-patch-tests/spec_tests.json");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("SKIP: %1 is absent").arg(path)));
    const QJsonArray cases = readArray(path);
    QVERIFY(cases.size() >= 17);
    int run = 0;
    for (const QJsonValue &c : cases) {
        const QJsonObject tc = c.toObject();
        if (tc.value(u"disabled").toBool())
            continue;
        ++run;
        const QString name = tc.value(u"comment").toString();
        auto result = JsonPatch::apply(tc.value(u"doc"), tc.value(u"patch").toArray());
        if (tc.contains(u"error")) {
            QVERIFY2(!result, qPrintable(name));
            QVERIFY(result.error().message.startsWith(QStringLiteral("patch operation ")));
        } else {
            QVERIFY2(result, qPrintable(name + u": " + (result ? QString() : result.error().message)));
            QCOMPARE(text(*result), text(tc.value(u"expected")));
        }
    }
    QCOMPARE(run, 16);
}

void TestJsonPatch::applyIsAtomicAndNamesTheOperation()
{
    const QJsonValue doc = json(R"({"a": [1, 2, 3], "b": {"c": "d"}})");
    const QJsonArray patch = json(R"([{"op": "replace", "path": "/a/0", "value": 9},
        {"op": "remove", "path": "/b/c"}, {"op": "test", "path": "/a/0", "value": 1}])")
                                 .toArray();
    auto result = JsonPatch::apply(doc, patch);
    QVERIFY(!result);
    QCOMPARE(result.error().message, QStringLiteral("patch operation 2 (test): the value at \"/a/0\" differs"));
    QCOMPARE(text(doc), QStringLiteral(R"([{"a":[1,2,3],"b":{"c":"d"}}])")); // untouched
    const auto failing = [&](const char *p) {
        auto r = JsonPatch::apply(doc, json(p).toArray());
        return r ? QString() : r.error().message;
    };
    QCOMPARE(failing(R"([{"op": "add", "path": "/a/4", "value": 1}])"),
        QStringLiteral("patch operation 0 (add): index \"4\" is out of range (array of 3)"));
    QCOMPARE(failing(R"([{"op": "move", "from": "/b", "path": "/b/c/x"}])"),
        QStringLiteral("patch operation 0 (move): cannot move a value into itself"));
    QCOMPARE(
        failing(R"([{"op": "jump", "path": "/a"}])"), QStringLiteral("patch operation 0 (jump): unknown operation"));
    QCOMPARE(failing(R"([{"op": "add", "path": "a", "value": 1}])"),
        QStringLiteral("patch operation 0 (add): \"a\" is not a JSON Pointer"));
    QCOMPARE(failing(R"([{"op": "remove", "path": "/x/y"}])"),
        QStringLiteral("patch operation 0 (remove): no member \"x\""));
    auto moved = JsonPatch::apply(doc,
        json(R"([{"op": "move", "from": "/a/0", "path": "/a/-"},
        {"op": "copy", "from": "/b", "path": "/e"}])")
            .toArray());
    QVERIFY(moved);
    QCOMPARE(text(*moved), QStringLiteral(R"([{"a":[2,3,1],"b":{"c":"d"},"e":{"c":"d"}}])"));
}

void TestJsonPatch::diffTouchesOnlyTheChangedElement()
{
    QJsonArray items;
    for (int i = 0; i < 9999; ++i)
        items.append(
            QJsonObject { { QStringLiteral("sku"), QStringLiteral("S%1").arg(i) }, { QStringLiteral("qty"), i } });
    QJsonArray changed = items;
    QJsonObject one = changed.at(5000).toObject();
    one.insert(QStringLiteral("qty"), -1);
    changed.replace(5000, one);
    const QJsonObject a { { QStringLiteral("items"), items } }, b { { QStringLiteral("items"), changed } };
    const QJsonArray patch = JsonDiff::diff(a, b);
    QCOMPARE(text(patch), QStringLiteral(R"([[{"op":"replace","path":"/items/5000/qty","value":-1}]])"));
    QVERIFY(roundTrip(a, b).isEmpty());
    // With tests on, the old value is checked first.
    JsonDiff::Options tests;
    tests.withTests = true;
    QCOMPARE(JsonDiff::diff(a, b, tests).size(), 2);
    QCOMPARE(JsonDiff::diff(a, b, tests).at(0).toObject().value(u"op").toString(), QStringLiteral("test"));
    QVERIFY(JsonDiff::diff(a, a).isEmpty());
    QVERIFY(JsonDiff::diff(json("1"), json("1.0")).isEmpty());
}

void TestJsonPatch::diffFindsShiftedElementsWithoutKeys()
{
    QJsonArray a, b;
    for (int i = 0; i < 1000; ++i)
        a.append(
            QJsonObject { { QStringLiteral("n"), i }, { QStringLiteral("name"), QStringLiteral("ชื่อ %1").arg(i) } });
    b = a;
    b.insert(10, QJsonObject { { QStringLiteral("n"), -1 } });
    b.removeAt(500);
    b.append(QStringLiteral("tail"));
    const QJsonArray patch = JsonDiff::diff(a, b);
    const JsonPatch::Summary s = JsonPatch::summarize(patch);
    QCOMPARE(s.added, 2);
    QCOMPARE(s.removed, 1);
    QCOMPARE(s.changed, 0);
    QVERIFY(roundTrip(a, b).isEmpty());
}

void TestJsonPatch::diffUsesIdentityKeys()
{
    const KindDefinition *order = KindRegistry::find(QStringLiteral("order"));
    QVERIFY(order);
    JsonDiff::Options options;
    const QJsonValue a = json(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P2", "qty": 2}]})");
    options.identities = order->identitiesFor(a.toObject());
    const QJsonValue b = json(R"({"items": [{"product_id": "P0", "qty": 5}, {"product_id": "P1", "qty": 1},
        {"product_id": "P2", "qty": 3}]})");
    const QJsonArray patch = JsonDiff::diff(a, b, options);
    QCOMPARE(text(patch),
        QStringLiteral(R"([[{"op":"add","path":"/items/0","value":{"product_id":"P0","qty":5}},)"
                       R"({"op":"replace","path":"/items/2/qty","value":3}]])"));
    QVERIFY(roundTrip(a, b, options).isEmpty());
    // Another product in place of one is a remove and an add, not edits of its fields.
    const QJsonValue c = json(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P3", "qty": 2}]})");
    const JsonPatch::Summary s = JsonPatch::summarize(JsonDiff::diff(a, c, options));
    QCOMPARE(s.removed, 1);
    QCOMPARE(s.added, 1);
    QVERIFY(roundTrip(a, c, options).isEmpty());
}

void TestJsonPatch::diffSharedPairsRoundTrip()
{
    const QString dir = TestSupport::sharedDataDir();
    const QStringList files { dir + QStringLiteral("/zjsonpatch-testdata/testdata/sample.json"),
        dir + QStringLiteral("/zjsonpatch-testdata/testdata/diff.json"),
        dir + QStringLiteral("/fge-json-patch-testdata/jsonpatch/diff/diff.json") };
    if (!QFile::exists(files.at(0)))
        QSKIP(qPrintable(QStringLiteral("SKIP: %1 is absent").arg(files.at(0))));
    int pairs = 0;
    for (const QString &file : files) {
        for (const QJsonValue &c : readArray(file)) {
            const QJsonObject pair = c.toObject();
            const QString problem = roundTrip(pair.value(u"first"), pair.value(u"second"));
            QVERIFY2(problem.isEmpty(), qPrintable(file.section(u'/', -2) + u": " + problem));
            ++pairs;
        }
    }
    QVERIFY(pairs >= 91 + 11 + 14);
}

namespace {

QJsonValue randomValue(QRandomGenerator &r, int depth)
{
    static const QStringList words { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("ไทย"),
        QStringLiteral("日本"), QStringLiteral("x/y"), QStringLiteral("t~1"), QStringLiteral(""),
        QStringLiteral("คำ") };
    const int kind = int(r.bounded(depth > 3 ? 4 : 6));
    switch (kind) {
    case 0:
        return words.at(r.bounded(int(words.size())));
    case 1:
        return r.bounded(3) == 0 ? QJsonValue(r.bounded(1000) / 8.0) : QJsonValue(int(r.bounded(20)) - 5);
    case 2:
        return QJsonValue(r.bounded(2) == 0);
    case 3:
        return QJsonValue(QJsonValue::Null);
    case 4: {
        QJsonArray a;
        for (int i = int(r.bounded(6)); i > 0; --i)
            a.append(randomValue(r, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        for (int i = int(r.bounded(5)); i > 0; --i)
            o.insert(words.at(r.bounded(int(words.size()))) + QString::number(r.bounded(3)), randomValue(r, depth + 1));
        return o;
    }
    }
}

// A changed copy: members and elements edited, inserted, removed, shuffled a little.
QJsonValue mutate(QRandomGenerator &r, const QJsonValue &v, int depth)
{
    if (r.bounded(8) == 0)
        return randomValue(r, depth);
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (const QString &key : o.keys()) {
            const int what = int(r.bounded(6));
            if (what == 0)
                o.remove(key);
            else if (what < 3)
                o.insert(key, mutate(r, o.value(key), depth + 1));
        }
        if (r.bounded(3) == 0)
            o.insert(QStringLiteral("new%1").arg(r.bounded(4)), randomValue(r, depth + 1));
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const int what = int(r.bounded(6));
            if (what == 0)
                a.removeAt(i--);
            else if (what == 1)
                a.insert(i++, randomValue(r, depth + 1));
            else if (what == 2)
                a.replace(i, mutate(r, a.at(i), depth + 1));
        }
        if (r.bounded(3) == 0)
            a.append(randomValue(r, depth + 1));
        return a;
    }
    return r.bounded(2) ? randomValue(r, depth) : v;
}

} // namespace

void TestJsonPatch::diffGeneratedPairsRoundTrip()
{
    QRandomGenerator r(20261123);
    for (int i = 0; i < 10000; ++i) {
        const QJsonValue a = randomValue(r, 0);
        const QJsonValue b = r.bounded(4) == 0 ? randomValue(r, 0) : mutate(r, a, 0);
        const QString problem = roundTrip(a, b);
        QVERIFY2(problem.isEmpty(),
            qPrintable(QStringLiteral("pair %1: %2 -> %3: %4").arg(i).arg(text(a), text(b), problem)));
    }
}

void TestJsonPatch::diffDemoVersionsRoundTrip()
{
    // Every consecutive pair of versions of every entity in the small demo, diffed with the kind's identity keys.
    QTemporaryDir dir;
    auto store = openSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("demo.sqlite"))), { true });
    QVERIFY(store);
    QVERIFY((*store)->putTenant(
        { QStringLiteral("acme-th"), QStringLiteral("A"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    QVERIFY(DemoGenerator(**store, {}).run());
    SnapshotQuery query;
    query.tenant = QStringLiteral("acme-th");
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    request.limit = 100000;
    auto page = (*store)->listHeaders(query, request);
    QVERIFY(page);
    QHash<QString, QString> previous; // entity -> payload id
    int pairs = 0;
    for (const SnapshotHeader &h : page->headers) {
        const QString entity = h.kind + u'\x1f' + h.entityId;
        if (previous.contains(entity)) {
            auto a = (*store)->load(previous.value(entity));
            auto b = (*store)->load(h.id);
            QVERIFY(a && b);
            JsonDiff::Options options;
            options.identities
                = KindRegistry::find(h.kind)->identitiesFor(QJsonDocument::fromJson(a->payload).object());
            const QString problem = roundTrip(
                QJsonDocument::fromJson(a->payload).object(), QJsonDocument::fromJson(b->payload).object(), options);
            QVERIFY2(problem.isEmpty(), qPrintable(h.id + u": " + problem));
            ++pairs;
        }
        previous.insert(entity, h.id);
    }
    QVERIFY2(pairs > 10000, qPrintable(QString::number(pairs)));
}

void TestJsonPatch::changeListModel()
{
    ChangeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonValue a
        = json(R"({"status": "shipped", "items": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}], "note": "x"})");
    const QJsonValue b = json(R"({"status": "completed", "items": [{"sku": "B", "qty": 2}], "paid": true})");
    const QJsonArray patch = JsonDiff::diff(a, b);
    model.setChanges(SnapshotComparisons::changesOf(a, patch));
    QCOMPARE(model.rowCount(), patch.size());
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        rows << cells.join(u'|');
    }
    QCOMPARE(rows.join(u'\n'),
        QStringLiteral("removed|/items/0|{\"qty\":1,\"sku\":\"A\"}|\n"
                       "removed|/note|\"x\"|\n"
                       "changed|/status|\"shipped\"|\"completed\"\n"
                       "added|/paid||true"));
    QCOMPARE(model.index(2, 0).data(ChangeListModel::PathRole).toString(), QStringLiteral("/status"));
    model.setChanges({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonPatch::sideBySideAlignsLines()
{
    const QJsonValue a = json(
        R"({"name": "โค้ก \"325ml\"\n", "qty": 2, "price": 15.5, "items": [{"id": 1}, {"id": 2}], "big": 1e300})");
    const QJsonValue b = json(
        R"({"name": "โค้ก \"325ml\"\n", "qty": 3, "price": 15.5, "items": [{"id": 2}], "big": 1e300, "new": null})");
    const QJsonArray patch = JsonDiff::diff(a, b);
    QStringList paths;
    for (const JsonChange &c : SnapshotComparisons::changesOf(a, patch))
        paths << c.path;
    const SideBySide s = SideBySide::build(a, b, paths);
    QCOMPARE(s.left.size(), s.rows.size());
    QCOMPARE(s.right.size(), s.rows.size());
    // Each side, without its blanks, is exactly what QJsonDocument writes.
    const auto side = [&](const QStringList &lines, SideBySide::Row blank) -> QString {
        QStringList kept;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (s.rows.at(i) != blank)
                kept << lines.at(i);
        }
        return kept.join(u'\n') + u'\n';
    };
    QCOMPARE(side(s.left, SideBySide::Row::Added),
        QString::fromUtf8(QJsonDocument(a.toObject()).toJson(QJsonDocument::Indented)));
    QCOMPARE(side(s.right, SideBySide::Row::Removed),
        QString::fromUtf8(QJsonDocument(b.toObject()).toJson(QJsonDocument::Indented)));
    // The changed quantity faces its new value, on the row the change points at.
    const int row = s.rowFor(QStringLiteral("replace"), QStringLiteral("/qty"));
    QCOMPARE(s.rows.at(row), SideBySide::Row::Changed);
    QCOMPARE(s.left.at(row).trimmed(), QStringLiteral("\"qty\": 2"));
    QCOMPARE(s.right.at(row).trimmed(), QStringLiteral("\"qty\": 3"));
    QVERIFY(s.changedRows() >= 4);
    // Empty containers stay on one line (QJsonDocument splits them over two).
    const SideBySide empty = SideBySide::build(json(R"({"a": [], "b": {}})"), json(R"({"a": [], "b": {}})"), {});
    QCOMPARE(empty.left.join(u'|'), QStringLiteral("{|    \"a\": [],|    \"b\": {}|}"));
}

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
