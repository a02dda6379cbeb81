#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "auditlogpanel.h"
#include "cleanuppreviewdialog.h"
#include "common/testsupport.h"
#include "integritypanel.h"
#include "items/auditlogmodel.h"
#include "items/retentionplanmodel.h"
#include "items/schedulelistmodel.h"
#include "items/timelinemodel.h"
#include "maintenanceview.h"
#include "retentionpanel.h"
#include "scheduleeditordialog.h"
#include "schedulespanel.h"
#include "store/snapshotstore.h"
#include "takesnapshotpanel.h"
#include "trashpanel.h"

// The maintenance pages on the offscreen platform, driven as a user would: clicks, typed text, dialogs answered;
// every item model under QAbstractItemModelTester while it loads.
class TestMaintenanceView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void takeSnapshotOfAStore();
    void planPreviewAndRunACleanup();
    void restoreFromTheTrash();
    void purgeSaysHowManyGo();
    void scheduleEditorValidatesAndPreviews();
    void schedulesListAndRunNow();
    void auditLogListsAndExports();
    void integrityScanFindsTheCorruptPayload();

private:
    qint64 count(const QString &sql);
    SnapshotQuery allOfTenant() const
    {
        SnapshotQuery query;
        query.tenant = m_tenant;
        return query;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    std::unique_ptr<MaintenanceView> m_view;
    const QString m_tenant = QStringLiteral("t1");
};

void TestMaintenanceView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("m.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    QVERIFY(m_store->putTenant(
        { m_tenant, QStringLiteral("Test"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    QList<NewSnapshot> accounts;
    const EpochMs start = QDateTime::currentMSecsSinceEpoch() - 100 * 86'400'000LL;
    for (int v = 0; v < 10; ++v) {
        for (int e = 0; e < 4; ++e) {
            NewSnapshot s;
            s.tenant = m_tenant;
            s.kind = QStringLiteral("account");
            s.entityId = QStringLiteral("ACC-%1").arg(e);
            s.takenAt = start + v * 86'400'000LL + e;
            s.type = QStringLiteral("manual");
            s.payload = { { QStringLiteral("account_id"), s.entityId }, { QStringLiteral("health_score"), v } };
            accounts.append(s);
        }
    }
    QVERIFY(m_store->putBatch(accounts));
    QVERIFY(m_store->sources().putStockLevels(
        { { m_tenant, QStringLiteral("S1"), QStringLiteral("A"), QStringLiteral("น้ำ"), 5, 1, 2, 3, 0 },
            { m_tenant, QStringLiteral("S1"), QStringLiteral("B"), QStringLiteral("b"), 7, 1, 2, 3, 0 } }));
    m_view = std::make_unique<MaintenanceView>();
    m_view->resize(1200, 800);
    m_view->setStore(m_store, m_tenant);
    m_view->show();
}

void TestMaintenanceView::cleanup()
{
    m_view.reset();
    m_store.reset();
    m_dir.reset();
}

qint64 TestMaintenanceView::count(const QString &sql)
{
    TestSupport::SideConnection side(m_store->connection());
    QSqlQuery query(side.db());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestMaintenanceView::takeSnapshotOfAStore()
{
    TakeSnapshotPanel *panel = m_view->takePanel();
    m_view->setCurrentWidget(panel);
    auto *kind = panel->findChild<QComboBox *>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("stock")));
    auto *store = panel->findChild<QComboBox *>(QStringLiteral("store"));
    QTRY_COMPARE(store->count(), 1);
    QVERIFY(!panel->findChild<QLineEdit *>(QStringLiteral("entity"))->isEnabled());
    QSignalSpy taken(panel, &TakeSnapshotPanel::taken);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("take")), Qt::LeftButton);
    QVERIFY(taken.wait(30000));
    QCOMPARE(taken.first().first().toInt(), 1);
    auto *result = panel->findChild<QLabel *>(QStringLiteral("result"));
    QVERIFY2(result->text().contains(QStringLiteral("Took 1 snapshot")), qPrintable(result->text()));
    QVERIFY(result->text().contains(QStringLiteral("S1")));
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE kind = 'stock' AND snapshot_type = 'manual'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'snapshot.take'")), 1);

    // An account without its id says what is missing and writes nothing.
    kind->setCurrentIndex(kind->findData(QStringLiteral("account")));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("take")), Qt::LeftButton);
    QCOMPARE(result->text(), QStringLiteral("Enter the account id to snapshot."));
}

void TestMaintenanceView::planPreviewAndRunACleanup()
{
    RetentionPanel *panel = m_view->retentionPanel();
    m_view->setCurrentWidget(panel);
    panel->setKind(QStringLiteral("account"));
    auto *plan = panel->findChild<QPushButton *>(QStringLiteral("plan"));
    // No policy for accounts: every rule "not used", so planning is refused until a rule is set.
    QTRY_VERIFY(!panel->findChild<QLabel *>(QStringLiteral("validation"))->text().isEmpty());
    QVERIFY(!plan->isEnabled());
    panel->findChild<QSpinBox *>(QStringLiteral("keepLast"))->setValue(2);
    QVERIFY(plan->isEnabled());

    QSignalSpy shown(panel, &RetentionPanel::previewShown);
    QTest::mouseClick(plan, Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    auto *dialog = qobject_cast<CleanupPreviewDialog *>(shown.first().first().value<QDialog *>());
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *totals = dialog->findChild<QLabel *>(QStringLiteral("totals"));
    QVERIFY2(totals->text().contains(QStringLiteral("32 snapshots"))
            && totals->text().contains(QStringLiteral("8 snapshots")),
        qPrintable(totals->text()));
    QCOMPARE(dialog->model()->rowCount(), 32); // what goes
    auto *show = dialog->findChild<QComboBox *>(QStringLiteral("show"));
    show->setCurrentIndex(1); // what stays
    QCOMPARE(dialog->model()->rowCount(), 8);
    QCOMPARE(dialog->model()->index(0, int(RetentionPlanModel::Column::Reason)).data().toString(),
        retentionReasonText(RetentionReason::KeepLast));
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), QStringLiteral("Move 32 to the trash"));
    QVERIFY(!ok->isDefault());
    QSignalSpy cleaned(panel, &RetentionPanel::cleanedUp);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(cleaned.wait(30000));
    QCOMPARE(cleaned.first().first().toLongLong(), 32);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL")), 32);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("result"))->text().contains(QStringLiteral("Moved 32")));
}

void TestMaintenanceView::restoreFromTheTrash()
{
    QVERIFY(
        m_store->maintenance().trash({ QUuid::fromString(m_store->listHeaders(allOfTenant(), {})->headers.at(3).id) },
            QDateTime::currentMSecsSinceEpoch()));
    TrashPanel *panel = m_view->trashPanel();
    m_view->setCurrentWidget(panel);
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel->refresh();
    QTRY_COMPARE(panel->model()->rowCount(), 1);
    auto *table = panel->findChild<QTableView *>(QStringLiteral("table"));
    table->selectRow(0);
    QSignalSpy changed(panel, &TrashPanel::changed);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("restore")), Qt::LeftButton);
    QVERIFY(changed.wait(30000));
    QTRY_COMPARE(panel->model()->rowCount(), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'trash.restore'")), 1);
}

void TestMaintenanceView::purgeSaysHowManyGo()
{
    const QList<SnapshotHeader> headers = m_store->listHeaders(allOfTenant(), {})->headers;
    const EpochMs longAgo = QDateTime::currentMSecsSinceEpoch() - 10 * 86'400'000LL;
    QVERIFY(m_store->maintenance().trash({ QUuid::fromString(headers.at(4).id), QUuid::fromString(headers.at(5).id),
                                             QUuid::fromString(headers.at(6).id) },
        longAgo));
    QVERIFY(m_store->maintenance().trash({ QUuid::fromString(headers.at(7).id) }, QDateTime::currentMSecsSinceEpoch()));
    TrashPanel *panel = m_view->trashPanel();
    m_view->setCurrentWidget(panel);
    auto *status = panel->findChild<QLabel *>(QStringLiteral("status"));
    auto *undoDays = panel->findChild<QSpinBox *>(QStringLiteral("undoDays"));
    undoDays->setValue(7);
    // The question names how many go; cancelled, nothing goes.
    QString asked;
    const auto answer = [&asked](QMessageBox::StandardButton button) {
        QTimer::singleShot(50, qApp, [&asked, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("purge")), Qt::LeftButton);
    QTRY_VERIFY(!asked.isEmpty());
    QVERIFY2(asked.contains(QStringLiteral("Delete 3 snapshot(s) for good")), qPrintable(asked));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL")), 4);
    asked.clear();
    answer(QMessageBox::Yes);
    QSignalSpy changed(panel, &TrashPanel::changed);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("purge")), Qt::LeftButton);
    QVERIFY(changed.wait(30000));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL")), 1);
    QTRY_VERIFY(status->text().contains(QStringLiteral("Purged 3")));
    // Only what is inside the undo window is left: nothing to ask about.
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("purge")), Qt::LeftButton);
    QTRY_VERIFY2(status->text().contains(QStringLiteral("nothing to purge")), qPrintable(status->text()));
}

void TestMaintenanceView::scheduleEditorValidatesAndPreviews()
{
    Schedule schedule;
    schedule.tenant = m_tenant;
    schedule.timeZone = QStringLiteral("Europe/Berlin");
    schedule.action.kind = QStringLiteral("stock");
    ScheduleEditorDialog dialog(schedule);
    dialog.show();
    auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    QVERIFY(!ok->isEnabled()); // no name yet
    QTest::keyClicks(name, QStringLiteral("Weekly count"));
    QVERIFY(ok->isEnabled());
    auto *preset = dialog.findChild<QComboBox *>(QStringLiteral("preset"));
    preset->setCurrentIndex(1); // weekly
    dialog.findChild<QComboBox *>(QStringLiteral("dayOfWeek"))->setCurrentIndex(0); // Monday
    auto *cron = dialog.findChild<QLineEdit *>(QStringLiteral("cron"));
    QCOMPARE(cron->text(), QStringLiteral("0 2 * * 1"));
    // Made from the preset: read-only, and it looks so (not the white of a field one can type in).
    QVERIFY(cron->isReadOnly());
    QCOMPARE(cron->palette().color(QPalette::Base), cron->palette().color(QPalette::Window));
    QVERIFY(cron->toolTip().contains(QStringLiteral("Custom cron")));
    QCOMPARE(dialog.nextRuns().size(), 10);
    QVERIFY(dialog.nextRuns().first().contains(QStringLiteral("02:00")));
    // Raw cron, validated as typed.
    preset->setCurrentIndex(3);
    QVERIFY(!cron->isReadOnly());
    QVERIFY(cron->palette().color(QPalette::Base) != cron->palette().color(QPalette::Window));
    QVERIFY(cron->toolTip().isEmpty());
    cron->clear();
    QTest::keyClicks(cron, QStringLiteral("0 25 * * *"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("validation"))->text().contains(QStringLiteral("hour")));
    QVERIFY(dialog.nextRuns().isEmpty());
    cron->clear();
    QTest::keyClicks(cron, QStringLiteral("@monthly"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.nextRuns().first().contains(QStringLiteral("-01 00:00")));
    auto *zone = dialog.findChild<QComboBox *>(QStringLiteral("zone"));
    zone->setCurrentText(QStringLiteral("Mars/Olympus"));
    QVERIFY(!ok->isEnabled());
    zone->setCurrentText(QStringLiteral("Asia/Tokyo"));
    QVERIFY(ok->isEnabled());
    const Schedule edited = dialog.schedule();
    QCOMPARE(edited.cron, QStringLiteral("@monthly"));
    QCOMPARE(edited.timeZone, QStringLiteral("Asia/Tokyo"));
    QCOMPARE(edited.name, QStringLiteral("Weekly count"));
}

void TestMaintenanceView::schedulesListAndRunNow()
{
    SchedulesPanel *panel = m_view->schedulesPanel();
    m_view->setCurrentWidget(panel);
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester historyTester(panel->history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    Schedule schedule;
    schedule.tenant = m_tenant;
    schedule.name = QStringLiteral("Nightly stock");
    schedule.cron = QStringLiteral("0 2 * * *");
    schedule.timeZone = QStringLiteral("Asia/Bangkok");
    schedule.action.kind = QStringLiteral("stock");
    QSignalSpy loaded(panel, &SchedulesPanel::loaded);
    panel->save(schedule);
    QTRY_COMPARE(panel->model()->rowCount(), 1);
    QVERIFY(panel->model()->schedule(0).nextRunAt.has_value());
    auto *table = panel->findChild<QTableView *>(QStringLiteral("table"));
    table->selectRow(0);
    QSignalSpy ran(panel, &SchedulesPanel::ran);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("runNow")), Qt::LeftButton);
    QVERIFY(ran.wait(30000));
    QTRY_COMPARE(panel->history()->rowCount(), 1);
    QCOMPARE(panel->history()->index(0, int(ScheduleListModel::RunColumn::Outcome)).data().toString(),
        QStringLiteral("succeeded"));
    QCOMPARE(panel->history()->index(0, int(ScheduleListModel::RunColumn::Taken)).data().toInt(), 1);
    // Disable: the state column says so and the next run is gone.
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("toggle")), Qt::LeftButton);
    QTRY_COMPARE(panel->model()->index(0, int(ScheduleListModel::Column::Enabled)).data().toString(),
        QStringLiteral("disabled"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'schedule.%'")), 3);
}

void TestMaintenanceView::auditLogListsAndExports()
{
    for (int i = 0; i < 250; ++i) {
        AuditEntry entry;
        entry.tenant = m_tenant;
        entry.actor = i % 2 ? QStringLiteral("somchai") : QStringLiteral("wilai");
        entry.action = QStringLiteral("pin");
        entry.target = QStringLiteral("id-%1").arg(i);
        entry.details = { { QStringLiteral("reason"), QStringLiteral("คดี, \"%1\"").arg(i) } };
        QVERIFY(m_store->maintenance().audit(entry));
    }
    AuditLogPanel *panel = m_view->auditPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->setCurrentWidget(panel);
    QTRY_COMPARE(panel->model()->rowCount(), 200); // the first page
    QVERIFY(panel->model()->canFetchMore({}));
    panel->model()->fetchMore({});
    QTRY_COMPARE(panel->model()->rowCount(), 250);
    QTest::keyClicks(panel->findChild<QLineEdit *>(QStringLiteral("actor")), QStringLiteral("wilai"));
    QTRY_COMPARE(panel->model()->rowCount(), 125);
    QCOMPARE(panel->model()->index(0, int(AuditLogModel::Column::Actor)).data().toString(), QStringLiteral("wilai"));
    const QString path = m_dir->filePath(QStringLiteral("audit.csv"));
    QSignalSpy exported(panel, &AuditLogPanel::exported);
    panel->exportCsv(path);
    QVERIFY(exported.wait(30000));
    QVERIFY(exported.first().at(1).toBool());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("at,tenant,actor,host,action,target,outcome,details\r"));
    QCOMPARE(lines.size(), 1 + 125 + 1); // header, rows, the empty string after the last CRLF
    QVERIFY(lines.at(1).contains("\"{\"\"reason\"\":\"\"คดี, \\\"\"")); // quoted, quotes doubled
    // The export itself is on record.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export.audit_csv'")), 1);
}

void TestMaintenanceView::integrityScanFindsTheCorruptPayload()
{
    const QString victim = m_store->listHeaders(allOfTenant(), {})->headers.at(5).id;
    {
        TestSupport::SideConnection side(m_store->connection());
        QSqlQuery query(side.db());
        QVERIFY(query.exec(
            QStringLiteral("UPDATE snapshots SET checksum = '%1' WHERE id = '%2'").arg(QString(64, u'0'), victim)));
    }
    IntegrityPanel *panel = m_view->integrityPanel();
    m_view->setCurrentWidget(panel);
    QSignalSpy corrupt(panel, &IntegrityPanel::corruptFound);
    QSignalSpy finished(panel, &IntegrityPanel::finished);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("verify")), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE(corrupt.size(), 1);
    QCOMPARE(corrupt.first().first().toString(), victim);
    QCOMPARE(finished.first().at(0).toLongLong(), 40);
    QCOMPARE(finished.first().at(1).toLongLong(), 1);
    QCOMPARE(panel->corrupt()->rowCount(), 1);
    QVERIFY(panel->corrupt()->item(0, 3)->text().contains(QStringLiteral("checksum"), Qt::CaseInsensitive));
    const QString summary = panel->findChild<QLabel *>(QStringLiteral("summary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("Checked 40 of 40 snapshots: 1 corrupt")), qPrintable(summary));
}

QTEST_MAIN(TestMaintenanceView)
#include "tst_maintenanceview.moc"
