#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "domain/kindregistry.h"
#include "ops/sidebyside.h"
#include "ops/snapshotcomparison.h"
#include "json/jsondiff.h"
#include "json/jsonpointer.h"

// The compare view's alignment: members face themselves by JSON path, whatever changed around them.
class TestSideBySide : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alignsByMember_data();
    void alignsByMember();
};

namespace {

QJsonValue json(const QByteArray &text)
{
    // Wrapped in an array so that any value parses, scalars too.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test case: %s", qPrintable(error.errorString()));
    return doc.array().at(0);
}

QString picture(const QList<SideBySide::Row> &rows)
{
    QString letters;
    for (const SideBySide::Row r : rows)
        letters += r == SideBySide::Row::Same ? u'S'
            : r == SideBySide::Row::Changed   ? u'C'
            : r == SideBySide::Row::Removed   ? u'R'
                                              : u'A';
    return letters;
}

QString withoutComma(const QString &line)
{
    return line.endsWith(u',') ? line.chopped(1) : line;
}

// Members that print on one line (scalars, empty containers) reached through objects only, with their pointers.
void oneLineMembers(const QJsonValue &v, const QString &pointer, QHash<QString, QJsonValue> &out)
{
    if (v.isObject() && !v.toObject().isEmpty()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            oneLineMembers(it.value(), pointer + u'/' + JsonPointer::escape(it.key()), out);
    } else if (!(v.isArray() && !v.toArray().isEmpty())) {
        out.insert(pointer, v);
    }
}

} // namespace

void TestSideBySide::alignsByMember_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<QStringList>("identities"); // "arrayPointer key"
    QTest::addColumn<QString>("rows"); // S same, C changed, R removed, A added, one letter per aligned row
    QTest::addColumn<QStringList>("facing"); // "leftPointer=rightPointer": unchanged members facing each other

    // Issue 20 item 8, ORD-TH-000120 v1 -> v4: on shipping, the delivery gains a carrier, an estimated date and a
    // tracking number around the unchanged method, which a line-by-line alignment showed as changed into "carrier"
    // and again as added: its line gains a comma.
    const QByteArray v1 = R"({"delivery": {"address": {"district": "บางรัก", "line1": "12/3 ซอยสุขุมวิท 11",
        "postcode": "10500", "province": "กรุงเทพมหานคร"}, "method": "courier"}, "status": "created",
        "updated_at": "2026-10-03T02:10:00Z"})";
    const QByteArray v4 = R"({"delivery": {"address": {"district": "บางรัก", "line1": "12/3 ซอยสุขุมวิท 11",
        "postcode": "10500", "province": "กรุงเทพมหานคร"}, "carrier": "Kerry Express", "estimated_date": "2026-10-06",
        "method": "courier", "tracking_number": "TH482913301"}, "status": "shipped",
        "updated_at": "2026-10-04T09:40:00Z"})";
    QTest::newRow("carrier added next to an unchanged method")
        << v1 << v4 << QStringList() << QStringLiteral("SSSSSSSSAASASCCS") << QStringList();
    QTest::newRow("carrier removed next to an unchanged method")
        << v4 << v1 << QStringList() << QStringLiteral("SSSSSSSSRRSRSCCS") << QStringList();
    // The whole of ORD-TH-000120's v1 and v4 as the demo writes them (snapscope-cli show), compared with the order
    // kind's identity keys as the compare view does.
    const QByteArray demoV1 = R"({
        "channel": "store", "created_at": "2026-06-12T06:45:15Z",
        "customer": {
            "email": "cust00373@mail.example", "id": "CUST00373", "language": "th", "name": "อนันต์ แสงทอง",
            "phone": "0818823808", "tier": "gold"},
        "delivery": {
            "address": {
                "district": "จตุจักร", "line1": "436/85 ซอยสุขุมวิท 69", "postcode": "58296",
                "province": "กรุงเทพมหานคร"},
            "method": "courier"},
        "items": [
            {
                "name": "ทิชชู่สก๊อตต์", "name_en": "Scott Tissue", "product_id": "P0026", "quantity": 2,
                "subtotal": 158, "unit_price": 79},
            {
                "name": "เกี๊ยวกุ้งซีพี", "name_en": "CP Shrimp Wonton", "product_id": "P0034", "quantity": 5,
                "subtotal": 345, "unit_price": 69},
            {
                "name": "เอ็ม-150", "name_en": "M-150", "product_id": "P0032", "quantity": 5, "subtotal": 60,
                "unit_price": 12},
            {
                "name": "น้ำปลาทิพรส 325ml", "name_en": "Tiparos Fish Sauce 325ml", "product_id": "P0048",
                "quantity": 1, "subtotal": 33.75, "unit_price": 33.75}],
        "notes": "", "order_id": "ORD-TH-000120", "payment": {"method": "cash_on_delivery", "status": "pending"},
        "pricing": {
            "currency": "THB", "discount": 29.84, "shipping_fee": 0, "subtotal": 596.75, "tax": 39.68,
            "total": 606.59},
        "status": "created", "status_history": [{"at": "2026-06-12T06:45:15Z", "status": "created"}],
        "store_code": "STORE003", "updated_at": "2026-06-12T06:45:15Z"})";
    const QByteArray demoV4 = R"({
        "channel": "store", "created_at": "2026-06-12T06:45:15Z",
        "customer": {
            "email": "cust00373@mail.example", "id": "CUST00373", "language": "th", "name": "อนันต์ แสงทอง",
            "phone": "0818823808", "tier": "gold"},
        "delivery": {
            "address": {
                "district": "จตุจักร", "line1": "436/85 ซอยสุขุมวิท 69", "postcode": "58296",
                "province": "กรุงเทพมหานคร"},
            "carrier": "J&T Express", "estimated_date": "2026-06-15", "method": "courier",
            "tracking_number": "TH235379511"},
        "fulfilment": {"stage": "packing", "started_at": "2026-06-12T09:06:15Z", "store_code": "STORE003"},
        "items": [
            {
                "name": "ทิชชู่สก๊อตต์", "name_en": "Scott Tissue", "product_id": "P0026", "quantity": 2,
                "subtotal": 158, "unit_price": 79},
            {
                "name": "เกี๊ยวกุ้งซีพี", "name_en": "CP Shrimp Wonton", "product_id": "P0034", "quantity": 5,
                "subtotal": 345, "unit_price": 69},
            {
                "name": "เอ็ม-150", "name_en": "M-150", "product_id": "P0032", "quantity": 5, "subtotal": 60,
                "unit_price": 12},
            {
                "name": "น้ำปลาทิพรส 325ml", "name_en": "Tiparos Fish Sauce 325ml", "product_id": "P0048",
                "quantity": 1, "subtotal": 33.75, "unit_price": 33.75}],
        "notes": "", "order_id": "ORD-TH-000120",
        "payment": {"method": "cash_on_delivery", "paid_at": "2026-06-12T07:06:15Z", "status": "paid"},
        "pricing": {
            "currency": "THB", "discount": 29.84, "shipping_fee": 0, "subtotal": 596.75, "tax": 39.68,
            "total": 606.59},
        "status": "completed",
        "status_history": [
            {"at": "2026-06-12T06:45:15Z", "status": "created"},
            {"at": "2026-06-12T07:06:15Z", "status": "confirmed"},
            {"at": "2026-06-13T04:06:15Z", "status": "shipped"},
            {"at": "2026-06-15T00:06:15Z", "status": "completed"}],
        "store_code": "STORE003", "updated_at": "2026-06-15T00:06:15Z"})";
    QTest::newRow("ORD-TH-000120 v1 -> v4")
        << demoV1 << demoV4 << QStringList { QStringLiteral("/items product_id") }
        << QStringLiteral(
               "SSSSSSSSSSSSSSSSSSAASASAAAAASSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSACSSSSSSSSSCSSSSSAAAAAAAAAAAASSCS")
        << QStringList { QStringLiteral("/items/3/product_id=/items/3/product_id"),
               QStringLiteral("/status_history/0/status=/status_history/0/status") };
    QTest::newRow("last member added: the one before gains a comma")
        << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 1, "b": 2})") << QStringList() << QStringLiteral("SSAS")
        << QStringList();
    QTest::newRow("reordered members") << QByteArray(R"({"b": 1, "a": 2, "c": {"y": 1, "x": 2}})")
                                       << QByteArray(R"({"c": {"x": 2, "y": 1}, "a": 2, "b": 3})") << QStringList()
                                       << QStringLiteral("SSCSSSSS") << QStringList();
    QTest::newRow("nested objects")
        << QByteArray(R"({"customer": {"name": "Somchai", "contact": {"phone": "081", "email": "a@x.th"}}, "id": 1})")
        << QByteArray(R"({"customer": {"name": "Somchai", "contact": {"phone": "082", "line": "@som"},
                                        "tier": "gold"}, "id": 1})")
        << QStringList() << QStringLiteral("SSSRACSSASSS") << QStringList();
    QTest::newRow("items keyed by product_id, one inserted")
        << QByteArray(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P2", "qty": 2}]})")
        << QByteArray(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P9", "qty": 5},
                                    {"product_id": "P2", "qty": 3}]})")
        << QStringList { QStringLiteral("/items product_id") } << QStringLiteral("SSSSSSAAAASSCSSS")
        << QStringList { QStringLiteral("/items/0/qty=/items/0/qty"),
               QStringLiteral("/items/1/product_id=/items/2/product_id") };
    QTest::newRow("items without keys: a changed element pairs by position")
        << QByteArray(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P2", "qty": 2}]})")
        << QByteArray(R"({"items": [{"product_id": "P1", "qty": 1}, {"product_id": "P9", "qty": 5},
                                    {"product_id": "P2", "qty": 3}]})")
        << QStringList() << QStringLiteral("SSSSSSSCCSAAAASS")
        << QStringList { QStringLiteral("/items/0/product_id=/items/0/product_id") };
    QTest::newRow("element inserted into a keyless array")
        << QByteArray(R"({"lines": [{"sku": "A"}, {"sku": "B"}], "n": 2})")
        << QByteArray(R"({"lines": [{"sku": "A"}, {"sku": "X"}, {"sku": "B"}], "n": 2})") << QStringList()
        << QStringLiteral("SSSSSAAASSSSSS")
        << QStringList { QStringLiteral("/lines/1/sku=/lines/2/sku"), QStringLiteral("/lines/0/sku=/lines/0/sku") };
    QTest::newRow("scalar array: one removed, one appended")
        << QByteArray(R"({"tags": ["a", "b", "c", "d"]})") << QByteArray(R"({"tags": ["a", "c", "d", "e"]})")
        << QStringList() << QStringLiteral("SSSRSSASS")
        << QStringList { QStringLiteral("/tags/0=/tags/0"), QStringLiteral("/tags/2=/tags/1"),
               QStringLiteral("/tags/3=/tags/2") };
    QTest::newRow("scalar array: one changed")
        << QByteArray(R"({"n": [1, 2, 3]})") << QByteArray(R"({"n": [1, 5, 3]})") << QStringList()
        << QStringLiteral("SSSCSSS") << QStringList { QStringLiteral("/n/2=/n/2") };
    QTest::newRow("element replaced whole") << QByteArray(R"({"l": [{"a": 1, "b": 2, "c": 3, "d": 4}]})")
                                            << QByteArray(R"({"l": [{"a": 5, "b": 6, "c": 7, "d": 8}]})")
                                            << QStringList() << QStringLiteral("SSCCCCCSSS") << QStringList();
    QTest::newRow("type changes") << QByteArray(R"({"a": {"x": 1, "y": 2}, "b": "s", "c": [1], "d": 0})")
                                  << QByteArray(R"({"a": "gone", "b": {"k": true}, "c": {"z": 1}, "d": 0})")
                                  << QStringList() << QStringLiteral("SCRRRCAACRRAASS") << QStringList();
    QTest::newRow("empty documents") << QByteArray("{}") << QByteArray("{}") << QStringList() << QStringLiteral("S")
                                     << QStringList();
    QTest::newRow("empty to filled") << QByteArray("{}") << QByteArray(R"({"a": 1})") << QStringList()
                                     << QStringLiteral("CAA") << QStringList();
    QTest::newRow("filled to empty") << QByteArray(R"({"a": 1, "b": []})") << QByteArray("{}") << QStringList()
                                     << QStringLiteral("CRRR") << QStringList();
    QTest::newRow("empty array filled") << QByteArray(R"({"a": [], "b": {}})")
                                        << QByteArray(R"({"a": [1, 2], "b": {}})") << QStringList()
                                        << QStringLiteral("SCAAASS") << QStringList();
    QTest::newRow("null to object") << QByteArray("null") << QByteArray(R"({"a": 1})") << QStringList()
                                    << QStringLiteral("CAA") << QStringList();
}

void TestSideBySide::alignsByMember()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(QStringList, identities);
    QFETCH(QString, rows);
    QFETCH(QStringList, facing);
    const QJsonValue a = json(left), b = json(right);
    JsonDiff::Options options;
    for (const QString &identity : std::as_const(identities))
        options.identities.append({ identity.section(u' ', 0, 0), { identity.section(u' ', 1) } });
    const QList<JsonChange> changes = SnapshotComparisons::changesOf(a, JsonDiff::diff(a, b, options));
    QVERIFY(!changes.isEmpty() || a == b);

    // The rows wanted: every change, the members expected to face each other, and every one-line member reached
    // through objects whose value is the same on both sides.
    QStringList pointers;
    for (const JsonChange &change : changes)
        pointers << change.path;
    QList<std::pair<QString, QString>> same;
    for (const QString &pair : std::as_const(facing))
        same.append({ pair.section(u'=', 0, 0), pair.section(u'=', 1) });
    QHash<QString, QJsonValue> members;
    oneLineMembers(a, QString(), members);
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        const auto there = JsonPointer::parse(it.key())->evaluate(b);
        if (!it.key().isEmpty() && there && *there == it.value())
            same.append({ it.key(), it.key() });
    }
    for (const auto &[l, r] : std::as_const(same))
        pointers << l << r;
    const SideBySide s = SideBySide::build(a, b, pointers, options.identities);

    QCOMPARE(s.left.size(), s.rows.size());
    QCOMPARE(s.right.size(), s.rows.size());
    QCOMPARE(picture(s.rows), rows);
    // Each side, without its blank rows, is its whole document.
    const auto side = [&](const QStringList &lines, SideBySide::Row blank) {
        QStringList kept;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (s.rows.at(i) != blank)
                kept << lines.at(i);
        }
        return json(kept.join(u'\n').toUtf8());
    };
    QCOMPARE(side(s.left, SideBySide::Row::Added), a);
    QCOMPARE(side(s.right, SideBySide::Row::Removed), b);
    for (qsizetype i = 0; i < s.rows.size(); ++i) {
        switch (s.rows.at(i)) {
        case SideBySide::Row::Same: // the same line, but for the comma that a following member adds
            QCOMPARE(withoutComma(s.left.at(i)), withoutComma(s.right.at(i)));
            break;
        case SideBySide::Row::Changed:
            QVERIFY(!s.left.at(i).isEmpty() && !s.right.at(i).isEmpty());
            break;
        case SideBySide::Row::Removed:
            QVERIFY(!s.left.at(i).isEmpty() && s.right.at(i).isEmpty());
            break;
        case SideBySide::Row::Added:
            QVERIFY(s.left.at(i).isEmpty() && !s.right.at(i).isEmpty());
            break;
        }
    }
    // Every unchanged member faces itself on a Same row.
    for (const auto &[l, r] : std::as_const(same)) {
        QVERIFY2(s.leftRowOf.contains(l) && s.rightRowOf.contains(r), qPrintable(l + u'=' + r));
        const int row = s.leftRowOf.value(l);
        QVERIFY2(s.rightRowOf.value(r) == row, qPrintable(l + u'=' + r));
        QCOMPARE(s.rows.at(row), SideBySide::Row::Same);
        QCOMPARE(withoutComma(s.left.at(row)), withoutComma(s.right.at(row)));
    }
    // Every change is found on a row of its kind, showing the member it names.
    for (const JsonChange &change : changes) {
        const int row = s.rowFor(change.op, change.path);
        const QString where = change.op + u' ' + change.path;
        const QString key = change.path.section(u'/', -1);
        if (change.op == u"remove") {
            QVERIFY2(s.rows.at(row) == SideBySide::Row::Removed, qPrintable(where));
            QVERIFY2(s.left.at(row).trimmed().startsWith(u'"' + key + u'"') || JsonPointer::arrayIndex(key),
                qPrintable(where));
        } else {
            QVERIFY2(s.rows.at(row) == (change.op == u"add" ? SideBySide::Row::Added : SideBySide::Row::Changed),
                qPrintable(where));
            QVERIFY2(s.right.at(row).trimmed().startsWith(u'"' + key + u'"') || JsonPointer::arrayIndex(key)
                    || change.path.isEmpty(),
                qPrintable(where));
        }
    }
    QCOMPARE(s.changedRows(), int(rows.size() - rows.count(u'S')));
}

QTEST_GUILESS_MAIN(TestSideBySide)
#include "tst_sidebyside.moc"
