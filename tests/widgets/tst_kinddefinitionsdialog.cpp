#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>

#include "domain/kindregistry.h"
#include "kinddefinitionsdialog.h"

// Help → Kinds of Snapshot: every kind the store knows, its shapes and its definition, read-only.
class TestKindDefinitionsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsEveryKindWithItsShapes();
    void showsAnImportedKind();
};

void TestKindDefinitionsDialog::listsEveryKindWithItsShapes()
{
    KindDefinitionsDialog dialog;
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("kinds"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summary"));
    auto *definition = dialog.findChild<QPlainTextEdit *>(QStringLiteral("definition"));
    QVERIFY(list && summary && definition);
    QCOMPARE(list->count(), int(KindRegistry::all().size() + 4)); // and the four the SAAN guide says not to snapshot
    QVERIFY(definition->isReadOnly());
    dialog.select(QStringLiteral("chat"));
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Chat conversations"));
    QVERIFY(summary->text().contains(u"saan_chat_snapshot — SAAN snapshot strategy guide"));
    QVERIFY(definition->toPlainText().contains(u"\"/conversation_context/ai_confidence_scores\""));
    dialog.select(QStringLiteral("cart"));
    QVERIFY(summary->text().contains(u"Not worth a snapshot: cart operations are temporary data"));
    // Keyboard: the list has the focus chain's first place and arrows move through the kinds.
    list->setFocus();
    dialog.select(QStringLiteral("order"));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("stock"));
    QVERIFY(summary->text().contains(u"stock_snapshot_document"));
}

void TestKindDefinitionsDialog::showsAnImportedKind()
{
    auto invoice = KindDefinition::fromJson(QJsonDocument::fromJson(R"({"kind":"invoice","name":"Invoices",
        "entity_label":"invoice number","shapes":[{"name":"erp_invoice","requires":["/invoice_no"],
        "entity":"/invoice_no"}]})")
                                                .object(),
        QStringLiteral("invoice.json"));
    QVERIFY(invoice);
    KindRegistry::install({ *invoice });
    KindDefinitionsDialog dialog;
    dialog.select(QStringLiteral("invoice"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summary"));
    QVERIFY2(summary->text().contains(u"imported into this database"), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(u"The entity is the invoice number"));
    KindRegistry::install({});
}

QTEST_MAIN(TestKindDefinitionsDialog)
#include "tst_kinddefinitionsdialog.moc"
