// CanonicalJson is what checksums are computed over; it needs no shared data, so it runs on any checkout.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include "ops/demogenerator.h"
#include "json/canonicaljson.h"

class TestCanonicalJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesQtCompactForm();
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

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
