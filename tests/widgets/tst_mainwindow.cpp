// The console as a user meets it, on the offscreen platform.
#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "../common/testsupport.h"
#include "items/timelinemodel.h"
#include "mainwindow.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsStorageByKind();
    void timelineShowsNewestFirstAndFiltersByKind();
    void unreachableServerShowsAnError();
    void missingFileShowsAnError();
    void screenshotOption();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SnapScopeTest"));
    QStandardPaths::setTestModeEnabled(true);
    m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), { true });
    QVERIFY(store.ok());
    QVERIFY(DemoGenerator(**store, {}).run().ok());
}

void TestMainWindow::showsStorageByKind()
{
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::dataShown);
    window.openStore(ConnectionSpec::sqlite(m_db), false);
    QVERIFY(shown.wait(30000));
    QCOMPARE(shown.at(0).at(0).toBool(), true);
    auto *table = window.findChild<QTableView *>(QStringLiteral("storageTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 9);
    // Sorted by count, largest first: daily inventory dominates the demo.
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Daily inventory"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->text().contains(QStringLiteral("snapshot")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("demo.sqlite")));
    auto *navigator = window.findChild<QTreeView *>();
    QVERIFY(navigator);
    QCOMPARE(navigator->model()->rowCount(), 9);
}

void TestMainWindow::timelineShowsNewestFirstAndFiltersByKind()
{
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::dataShown);
    window.openStore(ConnectionSpec::sqlite(m_db), false);
    QVERIFY(shown.wait(30000));
    auto *timeline = window.findChild<QTableView *>(QStringLiteral("timelineTable"));
    QVERIFY(timeline);
    QAbstractItemModel *rows = timeline->model();
    QVERIFY(rows->rowCount() > 0);
    // Newest first: the first row was taken no earlier than the second.
    QTRY_VERIFY(rows->index(1, 0).data(TimelineModel::TakenAtRole).isValid());
    QVERIFY(rows->index(0, 0).data(TimelineModel::TakenAtRole).toLongLong()
        >= rows->index(1, 0).data(TimelineModel::TakenAtRole).toLongLong());

    // Activating a kind in the navigator lists that kind only.
    auto *navigator = window.findChild<QTreeView *>();
    QModelIndex chat;
    for (int r = 0; r < navigator->model()->rowCount(); ++r) {
        if (navigator->model()->index(r, 0).data().toString() == QStringLiteral("Chat conversations"))
            chat = navigator->model()->index(r, 0);
    }
    QVERIFY(chat.isValid());
    navigator->setCurrentIndex(chat);
    QTest::keyClick(navigator, Qt::Key_Return);
    QTRY_VERIFY(rows->rowCount() > 0 && rows->index(0, 1).data().toString() == QStringLiteral("Chat conversations"));
    for (int r = 0; r < std::min(rows->rowCount(), 50); ++r)
        QCOMPARE(rows->index(r, 1).data().toString(), QStringLiteral("Chat conversations"));

    // Refresh (F5) reloads and keeps the kind being shown.
    QSignalSpy refreshed(&window, &MainWindow::dataShown);
    auto *refresh = window.findChild<QAction *>(QStringLiteral("actionRefresh"));
    QVERIFY(refresh);
    refresh->trigger();
    QVERIFY(refreshed.wait(30000));
    QTRY_VERIFY(rows->index(0, 1).data().toString() == QStringLiteral("Chat conversations"));
}

void TestMainWindow::unreachableServerShowsAnError()
{
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::dataShown);
    auto spec = ConnectionSpec::fromPgKeywords(QStringLiteral("host=127.0.0.1 port=1 dbname=x user=nobody"));
    QVERIFY(spec.ok());
    window.openStore(*spec, false);
    QVERIFY(shown.wait(30000));
    QCOMPARE(shown.at(0).at(0).toBool(), false);
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY2(message->text().contains(QStringLiteral("cannot reach PostgreSQL")), qPrintable(message->text()));
}

void TestMainWindow::missingFileShowsAnError()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::dataShown);
    const QString path = m_dir.filePath(QStringLiteral("absent.sqlite"));
    window.openStore(ConnectionSpec::sqlite(path), false);
    QVERIFY(shown.wait(30000));
    QCOMPARE(shown.at(0).at(0).toBool(), false);
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(QStringLiteral("does not exist")));
    QVERIFY(!QFileInfo::exists(path));
}

void TestMainWindow::screenshotOption()
{
    const QString png = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess gui;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    gui.setProcessEnvironment(environment);
    gui.start(
        QStringLiteral(SNAPSCOPE_GUI_PATH), { QStringLiteral("--db"), m_db, QStringLiteral("--screenshot"), png });
    QVERIFY(gui.waitForFinished(60000));
    QCOMPARE(gui.exitCode(), 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 500);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
