#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "common/sourcedatabase.h"
#include "common/testsupport.h"
#include "items/livesourcemodel.h"
#include "items/progresstask.h"
#include "ops/sync/sourcesync.h"
#include "sourcedialog.h"
#include "sourcespanel.h"
#include "store/snapshotstore.h"
#include "taskprogress.h"

// Maintenance → Sources offscreen, against the test PostgreSQL as the source: the page shows each table's rows
// synced, lag and rows gone at source; Sync now stores the new rows with progress; the Add form keeps what was typed
// and says why a source cannot be added.
class TestSourcesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsCountsAndLag();
    void addFormSaysWhatIsWrong();
    void cancelStopsTheSync();

private:
    QString cell(int row, LiveSourceModel::Column column)
    {
        return m_panel->model()->index(row, int(column)).data().toString();
    }
    int rowOf(const QString &table)
    {
        for (int row = 0; row < m_panel->model()->rowCount(); ++row) {
            if (cell(row, LiveSourceModel::Column::Table) == table)
                return row;
        }
        return -1;
    }
    QString conninfo() const
    {
        return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
            .arg(m_source->host)
            .arg(m_source->port)
            .arg(m_source->database, m_source->user);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    std::optional<ConnectionSpec> m_source;
    std::unique_ptr<SourcesPanel> m_panel;
};

void TestSourcesPanel::init()
{
    const QString text = qEnvironmentVariable("SNAPSCOPE_TEST_SOURCE_PG");
    if (text.isEmpty()) {
        if (TestSupport::postgresRequired())
            QFAIL("SNAPSCOPE_REQUIRE_PG=1 but SNAPSCOPE_TEST_SOURCE_PG is not set");
        QSKIP("SKIP: no source PostgreSQL configured (SNAPSCOPE_TEST_SOURCE_PG; packaging/bootstrap.sh test sets it)");
    }
    m_source = *ConnectionSpec::fromPgKeywords(text);
    {
        TestSupport::SideConnection side(*m_source);
        QVERIFY(side.isOpen());
        const QString day = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        const QString failed = SourceDatabase::run(side.db(),
            SourceDatabase::ddl() << SourceDatabase::chatRowsSql().arg(0).arg(1199).arg(u'\'' + day + u'\'').arg(30));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("s.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    QVERIFY(m_store->putTenant(
        { QStringLiteral("saan-th"), QStringLiteral("SAAN"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    m_panel = std::make_unique<SourcesPanel>();
    m_panel->setTimeZone(QTimeZone("Asia/Bangkok"));
    m_panel->resize(1000, 600);
    m_panel->show();
}

void TestSourcesPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
}

void TestSourcesPanel::showsCountsAndLag()
{
    auto source = SourceSync::define(QStringLiteral("saan"), QStringLiteral("saan"), conninfo(),
        QStringLiteral("saan-th"), QStringLiteral("Asia/Bangkok"), 600);
    QVERIFY(source);
    QVERIFY(m_store->liveSources().addLiveSource(*source, QStringLiteral("tester")));
    auto first = SourceSync(*m_store, QStringLiteral("tester")).sync(*source);
    QVERIFY(first && first->succeeded());
    // The source's cleanup deletes 4 rows; 20 new ones come, an hour after the newest synced.
    {
        TestSupport::SideConnection side(*m_source);
        const QString failed = SourceDatabase::run(side.db(),
            { QStringLiteral("DELETE FROM chat_conversation_snapshots WHERE id IN (SELECT md5('chat-row-' || n)::uuid "
                             "FROM generate_series(0, 3) n)"),
                QStringLiteral("SELECT pg_stat_force_next_flush()"),
                SourceDatabase::chatRowsSql()
                    .arg(5000)
                    .arg(5019)
                    .arg(
                        QStringLiteral("(SELECT MAX(created_at) + INTERVAL '1 hour' FROM chat_conversation_snapshots)"))
                    .arg(0) });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    QAbstractItemModelTester tester(m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(m_panel.get(), &SourcesPanel::loaded);
    m_panel->setStore(m_store, QStringLiteral("saan-th"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(m_panel->model()->rowCount(), 4);
    const int chat = rowOf(QStringLiteral("chat_conversation_snapshots"));
    QVERIFY(chat >= 0);
    QCOMPARE(cell(chat, LiveSourceModel::Column::RowsSynced), QLocale().toString(1200));
    QCOMPARE(cell(chat, LiveSourceModel::Column::Outcome), QStringLiteral("succeeded"));
    QCOMPARE(cell(chat, LiveSourceModel::Column::Lag), QStringLiteral("0 s"));
    QCOMPARE(m_panel->model()
                 ->headerData(int(LiveSourceModel::Column::LastSync), Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
        QStringLiteral("Last sync (Asia/Bangkok)"));

    // Test looks at the newest row: the lag is the hour the new rows are ahead.
    QSignalSpy tested(m_panel.get(), &SourcesPanel::tested);
    m_panel->selectSource(QStringLiteral("saan"));
    m_panel->findChild<QPushButton *>(QStringLiteral("test"))->click();
    QVERIFY(tested.wait(10000));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(cell(rowOf(QStringLiteral("chat_conversation_snapshots")), LiveSourceModel::Column::Lag),
        QStringLiteral("60 min"));

    // Sync now, with its progress: the new rows arrive, the rows gone at source are counted and kept.
    QSignalSpy synced(m_panel.get(), &SourcesPanel::synced);
    m_panel->findChild<QPushButton *>(QStringLiteral("sync"))->click();
    QVERIFY(m_panel->task()->isRunning());
    QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("sync"))->isEnabled());
    QVERIFY(synced.wait(30000));
    QVERIFY(loaded.wait(10000));
    const int row = rowOf(QStringLiteral("chat_conversation_snapshots"));
    QCOMPARE(cell(row, LiveSourceModel::Column::RowsSynced), QLocale().toString(1220));
    QCOMPARE(cell(row, LiveSourceModel::Column::Gone), QStringLiteral("4"));
    QCOMPARE(cell(row, LiveSourceModel::Column::Lag), QStringLiteral("0 s"));
    QVERIFY2(m_panel->statusText().contains(u"chat_conversation_snapshots: 20 new"), qPrintable(m_panel->statusText()));
}

void TestSourcesPanel::addFormSaysWhatIsWrong()
{
    QSignalSpy loaded(m_panel.get(), &SourcesPanel::loaded);
    m_panel->setStore(m_store, QStringLiteral("saan-th"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(m_panel->model()->rowCount(), 0);
    SourceDialog *dialog = m_panel->addSource();
    QVERIFY(dialog);
    QPointer<SourceDialog> alive(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("events"));
    dialog->findChild<QComboBox *>(QStringLiteral("preset"))->setCurrentIndex(1); // event-store
    dialog->findChild<QLineEdit *>(QStringLiteral("host"))->setText(m_source->host);
    dialog->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(m_source->port);
    dialog->findChild<QLineEdit *>(QStringLiteral("database"))->setText(QStringLiteral("no_such_database"));
    dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(m_source->user);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problem"));
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(u"no database \"no_such_database\""), 10000);
    QVERIFY(alive && dialog->isVisible()); // what was typed stays
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("name"))->text(), QStringLiteral("events"));
    QVERIFY(ok->isEnabled());
    // Corrected, it is added and selected.
    dialog->findChild<QLineEdit *>(QStringLiteral("database"))->setText(m_source->database);
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(!alive, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->currentSource(), QStringLiteral("events"), 10000);
    QCOMPARE(cell(0, LiveSourceModel::Column::Table), QStringLiteral("event_snapshots"));
    QCOMPARE(cell(0, LiveSourceModel::Column::LastSync), QStringLiteral("never"));
}

void TestSourcesPanel::cancelStopsTheSync()
{
    {
        TestSupport::SideConnection side(*m_source);
        const QString failed = SourceDatabase::run(side.db(),
            { SourceDatabase::chatRowsSql().arg(10000).arg(49999).arg(QStringLiteral("'2025-01-01'")).arg(1) });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    auto source = SourceSync::define(QStringLiteral("saan"), QStringLiteral("saan"), conninfo(),
        QStringLiteral("saan-th"), QStringLiteral("Asia/Bangkok"), 600);
    QVERIFY(source && m_store->liveSources().addLiveSource(*source, QStringLiteral("tester")));
    QSignalSpy loaded(m_panel.get(), &SourcesPanel::loaded);
    m_panel->setStore(m_store, QStringLiteral("saan-th"));
    QVERIFY(loaded.wait(10000));
    m_panel->selectSource(QStringLiteral("saan"));
    // Cancel as soon as the progress bar shows rows read.
    auto *cancel = m_panel->findChild<TaskProgress *>()->cancelButton();
    connect(m_panel->task(), &ProgressTask::progress, cancel, [cancel](qint64, qint64, const QString &message) {
        if (message.contains(u"row(s) read") && cancel->isVisible() && cancel->isEnabled())
            cancel->click();
    });
    QSignalSpy running(m_panel->task(), &ProgressTask::runningChanged);
    m_panel->findChild<QPushButton *>(QStringLiteral("sync"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->task()->isRunning(), 60000);
    QVERIFY2(m_panel->statusText().startsWith(u"Cancelled."), qPrintable(m_panel->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(rowOf(QStringLiteral("chat_conversation_snapshots")), LiveSourceModel::Column::Outcome),
        QStringLiteral("cancelled"), 10000);
    // Nothing reached a commit (every 100,000 rows): nothing of the chat table is stored, and Sync now is offered
    // again.
    auto counts = m_store->kindCounts(QStringLiteral("saan-th"));
    QVERIFY(counts);
    for (const KindStats &k : *counts)
        QVERIFY2(k.kind != u"chat" || k.count == 0, qPrintable(QString::number(k.count)));
    QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("sync"))->isEnabled());
}

QTEST_MAIN(TestSourcesPanel)

#include "tst_sourcespanel.moc"
