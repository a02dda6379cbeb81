#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "domain/kindregistry.h"
#include "items/kindstatsmodel.h"

class TestKindStatsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void underModelTester();
    void registryCoversEveryKind();
};

void TestKindStatsModel::underModelTester()
{
    KindStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setStats({ { QStringLiteral("order"), 1200, 1000000, 150000 }, { QStringLiteral("chat"), 3, 300, 60 } });
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(KindStatsModel::Column::Count_));
    QCOMPARE(model.totalSnapshots(), 1203);
    QCOMPARE(model.index(0, int(KindStatsModel::Column::Kind)).data().toString(), QStringLiteral("Orders"));
    QCOMPARE(model.index(0, int(KindStatsModel::Column::Kind)).data(KindStatsModel::KindIdRole).toString(),
        QStringLiteral("order"));
    QCOMPARE(model.index(0, int(KindStatsModel::Column::Ratio)).data().toString(), QStringLiteral("15.0%"));
    QCOMPARE(model.index(1, int(KindStatsModel::Column::Count)).data(KindStatsModel::SortRole).toLongLong(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Snapshots"));
    model.setStats({});
    QCOMPARE(model.rowCount(), 0);
}

void TestKindStatsModel::registryCoversEveryKind()
{
    QCOMPARE(KindRegistry::all().size(), 10);
    for (const KindDefinition *kind : KindRegistry::all()) {
        QVERIFY(!kind->types.isEmpty());
        QVERIFY(!kind->summaryFields.isEmpty());
        QVERIFY(!kind->displayNameText().isEmpty());
    }
    const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"));
    QVERIFY(chat);
    QVERIFY(chat->isSignificant(QStringLiteral("session_ended"), { { QStringLiteral("order_created"), true } }, false));
    QVERIFY(chat->isSignificant(QStringLiteral("complaint"), {}, false));
    QVERIFY(!chat->isSignificant(QStringLiteral("session_ended"), {}, false));
    QVERIFY(chat->isSignificant(QStringLiteral("session_ended"), {}, true));
    const KindDefinition *order = KindRegistry::find(QStringLiteral("order"));
    QVERIFY(order->isSignificant(QStringLiteral("completed"), {}, false));
    QVERIFY(!order->isSignificant(QStringLiteral("shipped"), {}, false));
    QCOMPARE(order->shapes.first().identities.at(0).keys.at(0), QStringLiteral("product_id"));
    QJsonArray stocks;
    stocks.append(QJsonObject { { QStringLiteral("quantity"), 5 } });
    stocks.append(QJsonObject { { QStringLiteral("quantity"), 7 } });
    QJsonObject payload;
    payload.insert(QStringLiteral("stocks"), stocks);
    payload.insert(QStringLiteral("store_code"), QStringLiteral("BKK01"));
    const QJsonObject summary = KindRegistry::find(QStringLiteral("stock"))->summarize(payload);
    QCOMPARE(summary.value(u"total_items").toInt(), 2);
    QCOMPARE(summary.value(u"total_quantity").toDouble(), 12.0);
    QVERIFY(!KindRegistry::find(QStringLiteral("invoice")));
}

QTEST_GUILESS_MAIN(TestKindStatsModel)
#include "tst_kindstatsmodel.moc"
