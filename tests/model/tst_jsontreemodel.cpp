#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "items/jsontreemodel.h"

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeMirrorsTheDocument();
    void pointersRoundTripForEveryNode();
    void findWrapsBothWays();
    void copiesValues();
    void malformedJsonIsAnError();
    void largeDocument();
};

namespace {

const QByteArray Order = R"({"id":"ORD-1","customer":{"name":"สมชาย ใจดี","phone":"0812345678"},
 "items":[{"product_id":"P0001","name":"โค้ก 325ml","qty":2,"price":15.5},{"product_id":"P0002","name":"มาม่า","qty":10,"price":6}],
 "weird/key":{"a~b":[true,null,[]]},"empty":{}})";

std::shared_ptr<const JsonTree> parsed(const QByteArray &json)
{
    auto tree = JsonTree::parse(json);
    if (!tree)
        qFatal("parse failed: %s", qPrintable(tree.error().message));
    return *tree;
}

QString cell(const QModelIndex &index, JsonTreeModel::Column column)
{
    return index.siblingAtColumn(int(column)).data().toString();
}

} // namespace

void TestJsonTreeModel::treeMirrorsTheDocument()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setTree(parsed(Order));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.rowCount(root), 5);
    QCOMPARE(cell(root, JsonTreeModel::Column::Value), QStringLiteral("{5 members}"));
    // Members in the order QJsonObject keeps them (sorted by key).
    QStringList keys;
    for (int r = 0; r < model.rowCount(root); ++r)
        keys << model.index(r, 0, root).data().toString();
    QCOMPARE(keys.join(u','), QStringLiteral("customer,empty,id,items,weird/key"));
    const QModelIndex items = model.index(3, 0, root);
    QCOMPARE(cell(items, JsonTreeModel::Column::Value), QStringLiteral("[2 items]"));
    QCOMPARE(cell(items, JsonTreeModel::Column::Type), QStringLiteral("array"));
    const QModelIndex second = model.index(1, 0, items);
    QCOMPARE(second.data().toString(), QStringLiteral("[1]"));
    QCOMPARE(model.parent(second), items);
    const QModelIndex name = model.indexOfPointer(QStringLiteral("/items/1/name"));
    QCOMPARE(cell(name, JsonTreeModel::Column::Value), QStringLiteral("มาม่า"));
    QCOMPARE(cell(model.indexOfPointer(QStringLiteral("/items/0/price")), JsonTreeModel::Column::Value),
        QStringLiteral("15.5"));
    QCOMPARE(cell(model.indexOfPointer(QStringLiteral("/items/1/qty")), JsonTreeModel::Column::Type),
        QStringLiteral("number"));
    QVERIFY(!model.hasChildren(model.indexOfPointer(QStringLiteral("/empty"))));
    QVERIFY(!model.indexOfPointer(QStringLiteral("/items/2")).isValid());
    QVERIFY(!model.indexOfPointer(QStringLiteral("items")).isValid());

    model.setTree(parsed(R"([1, "two", {"three": 3}])"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonTreeModel::pointersRoundTripForEveryNode()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(parsed(Order));
    const JsonTree *tree = model.tree();
    QCOMPARE(tree->nodeCount(), 22);
    for (int node = 0; node < tree->nodeCount(); ++node) {
        const QModelIndex index = model.indexOfNode(node);
        const QString pointer = index.data(JsonTreeModel::PointerRole).toString();
        QCOMPARE(model.indexOfPointer(pointer), index);
        QCOMPARE(index.data(JsonTreeModel::NodeRole).toInt(), node);
    }
    QCOMPARE(model.indexOfPointer(QStringLiteral("/weird~1key/a~0b/0")).data(JsonTreeModel::PointerRole).toString(),
        QStringLiteral("/weird~1key/a~0b/0"));
    QCOMPARE(cell(model.indexOfPointer(QStringLiteral("/weird~1key/a~0b/1")), JsonTreeModel::Column::Value),
        QStringLiteral("null"));
}

void TestJsonTreeModel::findWrapsBothWays()
{
    JsonTreeModel model;
    model.setTree(parsed(Order));
    // Document order: customer/name, ... items/0/name (โค้ก), items/1/name; "name" matches keys only.
    QModelIndex hit = model.find(QStringLiteral("NAME"), {});
    QCOMPARE(hit.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/customer/name"));
    hit = model.find(QStringLiteral("name"), hit);
    QCOMPARE(hit.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/items/0/name"));
    hit = model.find(QStringLiteral("name"), hit);
    QCOMPARE(hit.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/items/1/name"));
    hit = model.find(QStringLiteral("name"), hit);
    QCOMPARE(hit.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/customer/name")); // wrapped
    hit = model.find(QStringLiteral("name"), hit, true);
    QCOMPARE(hit.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/items/1/name")); // wrapped back
    // Values match too, Thai included.
    QCOMPARE(model.find(QStringLiteral("มาม่า"), {}).data(JsonTreeModel::PointerRole).toString(),
        QStringLiteral("/items/1/name"));
    QVERIFY(!model.find(QStringLiteral("not there"), {}).isValid());
    QVERIFY(!model.find(QString(), {}).isValid());
}

void TestJsonTreeModel::copiesValues()
{
    JsonTreeModel model;
    model.setTree(parsed(Order));
    const auto copied = [&](const char *pointer) {
        return model.indexOfPointer(QString::fromUtf8(pointer)).data(JsonTreeModel::ValueTextRole).toString();
    };
    QCOMPARE(copied("/customer/name"), QStringLiteral("สมชาย ใจดี"));
    QCOMPARE(copied("/items/0/qty"), QStringLiteral("2"));
    QCOMPARE(copied("/weird~1key/a~0b/0"), QStringLiteral("true"));
    const QString customer = copied("/customer");
    QVERIFY(customer.startsWith(u'{'));
    QVERIFY(customer.contains(QStringLiteral("\"phone\": \"0812345678\"")));
    QCOMPARE(copied("/empty"), QStringLiteral("{}"));
}

void TestJsonTreeModel::malformedJsonIsAnError()
{
    for (const QByteArray &bad :
        { QByteArray("{\"a\": }"), QByteArray("{\"a\": 1"), QByteArray(""), QByteArray("\xff\xfe") }) {
        auto tree = JsonTree::parse(bad);
        QVERIFY2(!tree, bad.constData());
        QCOMPARE(tree.error().code, Error::Code::Invalid);
        QVERIFY(tree.error().message.startsWith(QStringLiteral("not valid JSON")));
    }
}

void TestJsonTreeModel::largeDocument()
{
    // About 5 MB: the inspector builds such trees on a worker; here the shape is what is checked.
    QByteArray json = "{\"stocks\":[";
    const int count = 50000;
    for (int i = 0; i < count; ++i) {
        if (i)
            json += ',';
        json += QStringLiteral(
            R"({"item_code":"P%1","name":"สินค้า %1 long description text","quantity":%2,"reserved":%3})")
                    .arg(i)
                    .arg(i % 97)
                    .arg(i % 5)
                    .toUtf8();
    }
    json += "]}";
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(parsed(json));
    QCOMPARE(model.tree()->nodeCount(), 2 + count * 5);
    const QModelIndex last = model.indexOfPointer(QStringLiteral("/stocks/49999/item_code"));
    QCOMPARE(cell(last, JsonTreeModel::Column::Value), QStringLiteral("P49999"));
    QCOMPARE(model.find(QStringLiteral("P49999"), {}, true), last.siblingAtColumn(0));
}

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
