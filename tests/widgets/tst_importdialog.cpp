#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "importdialog.h"
#include "items/ingestpreviewmodel.h"
#include "store/snapshotstore.h"
#include "taskprogress.h"

// File → Import snapshots… offscreen: the preview shows the first records as they would be stored and the bad one
// before anything is written; an import stopped by a bad record, or cancelled, stores nothing; with "Skip bad
// records" the good ones are stored, the bad one written to the chosen file, and the window is told to refresh.
class TestImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void previewThenImport();
    void cancelStoresNothing();

private:
    QString write(const QString &name, const QByteArray &content);
    qint64 count();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SnapshotStore> m_store;
};

namespace {

QByteArray order(int i)
{
    return QStringLiteral(
               R"({"snapshot_id":"snap_%1","order_id":"ORD-%2","snapshot_type":"created","timestamp":"2025-07-03T07:%3:00Z","order_state":{"status":"created"}})")
               .arg(i)
               .arg(i % 100)
               .arg(i % 60, 2, 10, QLatin1Char('0'))
               .toUtf8()
        + '\n';
}

} // namespace

void TestImportDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("i.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    QVERIFY(m_store->putTenant(
        { QStringLiteral("acme-th"), QStringLiteral("Acme"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
}

void TestImportDialog::cleanup()
{
    m_store.reset();
    QVERIFY(SnapshotStore::waitUntilAllClosed(10000));
}

QString TestImportDialog::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

qint64 TestImportDialog::count()
{
    auto stats = m_store->kindCounts(QStringLiteral("acme-th"));
    if (!stats)
        qFatal("%s", qPrintable(stats.error().message));
    qint64 n = 0;
    for (const KindStats &k : *stats)
        n += k.count;
    return n;
}

void TestImportDialog::previewThenImport()
{
    const QString path = write(QStringLiteral("orders.jsonl"), order(1) + order(2) + "{\"what\":1}\n" + order(3));
    ImportDialog dialog(m_store, QStringLiteral("acme-th"));
    QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QSignalSpy previewed(&dialog, &ImportDialog::previewed);
    QVERIFY(previewed.wait(10000)); // the tenants, before any file
    dialog.addFiles({ path });
    QVERIFY(previewed.wait(10000));
    IngestPreviewModel *model = dialog.previewModel();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->badCount(), 1);
    const auto cell
        = [&](int row, IngestPreviewModel::Column column) { return model->index(row, int(column)).data().toString(); };
    QCOMPARE(cell(0, IngestPreviewModel::Column::Kind), QStringLiteral("order"));
    QCOMPARE(cell(0, IngestPreviewModel::Column::Shape), QStringLiteral("saan_order_snapshot"));
    QCOMPARE(cell(0, IngestPreviewModel::Column::Tenant), QStringLiteral("acme-th"));
    QCOMPARE(cell(0, IngestPreviewModel::Column::Entity), QStringLiteral("ORD-1"));
    // The time in the tenant's zone, named.
    QCOMPARE(cell(0, IngestPreviewModel::Column::Taken), QStringLiteral("2025-07-03 14:01:00 (Asia/Bangkok)"));
    QCOMPARE(cell(0, IngestPreviewModel::Column::Version), QStringLiteral("by time"));
    QVERIFY(cell(2, IngestPreviewModel::Column::Kind).contains(QStringLiteral("no shape recognises the record")));
    QCOMPARE(count(), 0); // a preview writes nothing

    // Import as it is: the bad record stops it, nothing is stored.
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    auto *progress = dialog.findChild<TaskProgress *>(QStringLiteral("progress"));
    QVERIFY(summary && progress);
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.startImport();
    QTRY_VERIFY_WITH_TIMEOUT(!summary->text().isEmpty(), 10000);
    QVERIFY2(summary->text().contains(QStringLiteral("Nothing was stored")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("orders.jsonl, line 3")), qPrintable(summary->text()));
    QCOMPARE(count(), 0);
    QCOMPARE(imported.count(), 0);

    // With the bad ones skipped: three stored, one written to the file, the window told.
    dialog.findChild<QCheckBox *>(QStringLiteral("skipBadCheck"))->setChecked(true);
    const QString rejects = m_dir->filePath(QStringLiteral("rejects.jsonl"));
    dialog.findChild<QLineEdit *>(QStringLiteral("rejectEdit"))->setText(rejects);
    dialog.startImport();
    QVERIFY(imported.wait(10000));
    QVERIFY2(summary->text().contains(QStringLiteral("Imported 3 of 4")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("1 bad record(s) were written to")), qPrintable(summary->text()));
    QCOMPARE(count(), 3);
    QVERIFY(QFile(rejects).size() > 0);
}

void TestImportDialog::cancelStoresNothing()
{
    QByteArray many;
    for (int i = 0; i < 20000; ++i)
        many += order(i);
    const QString path = write(QStringLiteral("many.jsonl"), many);
    ImportDialog dialog(m_store, QStringLiteral("acme-th"));
    dialog.show();
    dialog.addFiles({ path });
    auto *progress = dialog.findChild<TaskProgress *>(QStringLiteral("progress"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    dialog.startImport();
    QVERIFY(progress->isVisible());
    QTest::mouseClick(progress->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!summary->text().isEmpty(), 20000);
    QCOMPARE(summary->text(), QStringLiteral("Cancelled: nothing was stored."));
    QCOMPARE(count(), 0);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
