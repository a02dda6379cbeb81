// The console as a user meets it, on the offscreen platform.
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include "../common/testsupport.h"
#include "auditlogpanel.h"
#include "caseview.h"
#include "chatchartview.h"
#include "compareview.h"
#include "connectiondialog.h"
#include "connectionsettings.h"
#include "inventorychartview.h"
#include "items/auditlogmodel.h"
#include "items/casehitmodel.h"
#include "items/casetimelinemodel.h"
#include "items/changelistmodel.h"
#include "items/entitylistmodel.h"
#include "items/eventlistmodel.h"
#include "items/jsontreemodel.h"
#include "items/seriestablemodel.h"
#include "items/timelinemodel.h"
#include "mainwindow.h"
#include "ops/analyticsseries.h"
#include "ops/demogenerator.h"
#include "ops/snapshotcomparison.h"
#include "pointintimepanel.h"
#include "snapshotinspector.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"
#include "timelinestrip.h"
#include "trashpanel.h"
#include "json/isotime.h"

namespace {

// A window opened on a database, with its first rows (and the inspector on the newest) on screen.
struct OpenedWindow
{
    MainWindow window;
    QTableView *timeline = nullptr;
    QLabel *heading = nullptr;
    QTreeView *payload = nullptr;

    bool open(const QString &db)
    {
        window.resize(1400, 900);
        window.show();
        QApplication::setActiveWindow(&window);
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.openStore(ConnectionSpec::sqlite(db), false);
        if (!QTest::qWaitForWindowActive(&window) || !shown.wait(30000) || !shown.at(0).at(0).toBool())
            return false;
        timeline = window.findChild<QTableView *>(QStringLiteral("timelineTable"));
        auto *inspector = window.findChild<SnapshotInspector *>();
        heading = inspector->findChild<QLabel *>(QStringLiteral("headingLabel"));
        payload = inspector->findChild<QTreeView *>(QStringLiteral("treeView"));
        return timeline && heading && payload;
    }
    void clickRow(int row)
    {
        const QRect cell = timeline->visualRect(timeline->model()->index(row, 2));
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, cell.center());
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsStorageByKind();
    void timelineShowsNewestFirstAndFiltersByKind();
    void clickingARowShowsItsPayload();
    void altLeftAndRightStepThroughVersions();
    void filterChangesTheRows();
    void entityTimelineWithStrip();
    void compareTwoSelectedRows();
    void inventoryChartFollowsTheRange();
    void chatChartFiltersByPlatform();
    void corruptPayloadShowsAnIntegrityError();
    void connectionDialogExplainsFailures();
    void connectionDialogWrongPostgresPassword();
    void connectionDialogOpensAndIsRemembered();
    void unreachableServerShowsAnError();
    void missingFileShowsAnError();
    void screenshotOption();
    void fitsIn1280x720_data();
    void fitsIn1280x720();
    void viewMenuHasOneLanguageMenu();
    void everyTabFromTheKeyboard();
    void filtersMoveTheHeadlineAndTheInspector();
    void adminRoleIsConfirmedAndAudited();
    void everyTimeIsInTheTenantsZone();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestMainWindow::cleanupTestCase()
{
    // The windows' stores close on the global pool; the folder with their files goes after them.
    QVERIFY(SnapshotStore::waitUntilAllClosed(30000));
}

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
    // The counts arrive in the background, then the sizes.
    // (They are read at idle priority: on a busy machine they wait for the CPU, so the waits are long.)
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 10, 120000);
    // Sorted by count, largest first: daily inventory dominates the demo.
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Daily inventory"));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->index(0, 2).data().toString() != QStringLiteral("…"), 120000);
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("snapshots in")), 120000);
    QVERIFY(window.windowTitle().contains(QStringLiteral("demo.sqlite")));
    auto *navigator = window.findChild<QTreeView *>(QStringLiteral("kindView"));
    QVERIFY(navigator);
    QCOMPARE(navigator->model()->rowCount(), 10);
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
    auto *navigator = window.findChild<QTreeView *>(QStringLiteral("kindView"));
    QTRY_COMPARE_WITH_TIMEOUT(navigator->model()->rowCount(), 10, 120000); // counts come at idle priority
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

void TestMainWindow::clickingARowShowsItsPayload()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    // The newest row is shown at once.
    QTRY_VERIFY(w.heading->text().contains(QStringLiteral("version")));
    QAbstractItemModel *rows = w.timeline->model();
    const int row = 5;
    const QString entity = rows->index(row, int(TimelineModel::Column::Entity)).data().toString();
    const QString version = rows->index(row, int(TimelineModel::Column::Version)).data().toString();
    QVERIFY(!entity.isEmpty());
    w.clickRow(row);
    QTRY_VERIFY(w.heading->text().contains(entity) && w.heading->text().endsWith(QStringLiteral("version ") + version));
    // The payload tree shows the document with its members, and the row is now known to be verified.
    QTRY_COMPARE(w.payload->model()->rowCount(), 1);
    QVERIFY(w.payload->model()->rowCount(w.payload->model()->index(0, 0)) > 3);
    QTRY_COMPARE(rows->index(row, int(TimelineModel::Column::Integrity)).data().toString(), QStringLiteral("verified"));
    // Find: the first member whose key or value holds the entity's text is selected.
    auto *inspector = w.window.findChild<SnapshotInspector *>();
    auto *find = inspector->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(entity.section(u':', -1));
    QTest::keyClick(find, Qt::Key_Return);
    QVERIFY(w.payload->currentIndex().isValid());
    QVERIFY(w.payload->currentIndex().siblingAtColumn(1).data().toString().contains(entity.section(u':', -1)));
    // The text toggle shows the same payload as indented JSON, and back.
    auto *toggle = inspector->findChild<QToolButton *>(QStringLiteral("textToggleButton"));
    auto *text = inspector->findChild<QPlainTextEdit *>(QStringLiteral("textView"));
    toggle->click();
    QTRY_VERIFY(text->isVisible());
    QVERIFY(text->toPlainText().startsWith(QStringLiteral("{\n    \"")));
    QVERIFY(text->toPlainText().contains(entity.section(u':', -1)));
    toggle->click();
    QTRY_VERIFY(w.payload->isVisible());
}

void TestMainWindow::altLeftAndRightStepThroughVersions()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    QTRY_VERIFY(w.heading->text().contains(QStringLiteral("version")));
    // The newest row of the demo is a daily inventory snapshot with many versions.
    const QString first = w.heading->text();
    const int version = first.section(u' ', -1).toInt();
    QVERIFY2(version > 2, qPrintable(first));
    const QString entity = w.timeline->model()->index(0, int(TimelineModel::Column::Entity)).data().toString();
    w.timeline->setFocus();
    QTest::keyClick(&w.window, Qt::Key_Left, Qt::AltModifier);
    QTRY_VERIFY(w.heading->text().endsWith(QStringLiteral("version %1").arg(version - 1)));
    QVERIFY(w.heading->text().contains(entity));
    QTRY_COMPARE(w.payload->model()->rowCount(), 1);
    QTest::keyClick(&w.window, Qt::Key_Left, Qt::AltModifier);
    QTRY_VERIFY(w.heading->text().endsWith(QStringLiteral("version %1").arg(version - 2)));
    QTest::keyClick(&w.window, Qt::Key_Right, Qt::AltModifier);
    QTRY_VERIFY(w.heading->text().endsWith(QStringLiteral("version %1").arg(version - 1)));
}

void TestMainWindow::filterChangesTheRows()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *rows = qobject_cast<TimelineModel *>(w.timeline->model());
    QVERIFY(rows);
    QTRY_VERIFY(rows->rowCount() > 0);
    const auto entityAt
        = [&](int row) { return rows->index(row, int(TimelineModel::Column::Entity)).data().toString(); };
    QSignalSpy firstPages(rows, &TimelineModel::firstPageShown);
    // Ctrl+F moves to the filters; typing an entity prefix lists only matching entities (one query after typing).
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);
    auto *entity = w.window.findChild<QLineEdit *>(QStringLiteral("entityEdit"));
    QTRY_VERIFY(entity->hasFocus());
    QTest::keyClicks(entity, QStringLiteral("ORD-"));
    QTRY_COMPARE(firstPages.size(), 1);
    QTRY_VERIFY(rows->rowCount() > 0 && entityAt(0).startsWith(QStringLiteral("ORD-")));
    for (int r = 0; r < std::min(rows->rowCount(), 100); ++r)
        QVERIFY2(entityAt(r).startsWith(QStringLiteral("ORD-")), qPrintable(entityAt(r)));
    QCOMPARE(rows->loadedPageCount(), 1); // the first page only
    QCOMPARE(rows->query().entityPrefix, QStringLiteral("ORD-"));

    // Types: checking one in the menu lists that type only.
    auto *types = w.window.findChild<QToolButton *>(QStringLiteral("typesButton"));
    QAction *completed = nullptr;
    for (QAction *a : types->menu()->actions()) {
        if (a->data().toString() == QStringLiteral("completed"))
            completed = a;
    }
    QVERIFY(completed);
    completed->setChecked(true);
    QTRY_VERIFY(rows->query().types == QStringList { QStringLiteral("completed") });
    QTRY_VERIFY(rows->rowCount() > 0
        && rows->index(0, int(TimelineModel::Column::Type)).data().toString() == QStringLiteral("completed"));
    QCOMPARE(types->text(), QStringLiteral("completed"));

    // Clear filters brings every kind back.
    w.window.findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
    QTRY_VERIFY(rows->query().entityPrefix.isEmpty() && rows->query().types.isEmpty());
    QTRY_VERIFY(rows->rowCount() > 0 && !entityAt(0).startsWith(QStringLiteral("ORD-")));
}

void TestMainWindow::entityTimelineWithStrip()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *rows = qobject_cast<TimelineModel *>(w.timeline->model());
    // Choose Orders in the navigator, search an entity, open it.
    auto *kinds = w.window.findChild<QTreeView *>(QStringLiteral("kindView"));
    QTRY_COMPARE_WITH_TIMEOUT(kinds->model()->rowCount(), 10, 120000); // counts follow, at idle priority
    QModelIndex orders;
    for (int r = 0; r < kinds->model()->rowCount(); ++r) {
        if (kinds->model()->index(r, 0).data().toString() == QStringLiteral("Orders"))
            orders = kinds->model()->index(r, 0);
    }
    QVERIFY(orders.isValid());
    kinds->setCurrentIndex(orders);
    auto *search = w.window.findChild<QLineEdit *>(QStringLiteral("entitySearch"));
    QTRY_VERIFY(search->isEnabled());
    auto *entities = w.window.findChild<QTreeView *>(QStringLiteral("entityView"));
    QTRY_VERIFY(entities->model()->rowCount() > 10);
    search->setText(QStringLiteral("ORD-"));
    QTRY_VERIFY(entities->model()->rowCount() > 0
        && entities->model()->index(0, 0).data().toString().startsWith(QStringLiteral("ORD-")));
    const QString entity = entities->model()->index(0, 0).data().toString();
    const int versions = entities->model()->index(0, 1).data().toInt();
    QVERIFY(versions >= 2);
    entities->setCurrentIndex(entities->model()->index(0, 0));
    QTest::keyClick(entities, Qt::Key_Return);

    // The table lists that entity's versions and the strip shows one marker per version.
    auto *strip = w.window.findChild<TimelineStrip *>();
    QTRY_VERIFY(strip->isVisible());
    QTRY_COMPARE(rows->rowCount(), versions);
    QTRY_COMPARE(rows->countState(), TimelineModel::CountState::Exact);
    for (int r = 0; r < rows->rowCount(); ++r)
        QTRY_COMPARE(rows->index(r, int(TimelineModel::Column::Entity)).data().toString(), entity);
    QTRY_COMPARE(strip->markers().size(), versions);
    // Clicking the oldest marker shows version 1 in the inspector and highlights it on the strip.
    const TimelineStrip::Marker oldest = strip->markers().constFirst();
    QCOMPARE(oldest.version, 1);
    QTest::mouseClick(strip, Qt::LeftButton, {}, strip->markerCenter(oldest.id));
    QTRY_VERIFY(w.heading->text().contains(entity) && w.heading->text().endsWith(QStringLiteral("version 1")));
    QCOMPARE(strip->selectedId(), oldest.id);
    QCOMPARE(w.timeline->currentIndex().data(TimelineModel::IdRole).toString(), oldest.id);

    // Esc returns to every snapshot.
    w.timeline->setFocus();
    QTest::keyClick(w.timeline, Qt::Key_Escape);
    QTRY_VERIFY(!strip->isVisible());
    QTRY_VERIFY(rows->rowCount() > versions);
}

void TestMainWindow::compareTwoSelectedRows()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *rows = qobject_cast<TimelineModel *>(w.timeline->model());
    QTRY_VERIFY(rows->headerAt(3));
    auto *compareAction = w.window.findChild<QAction *>(QStringLiteral("actionCompareSelected"));
    QVERIFY(!compareAction->isEnabled());
    // Rows 1 and 3 (ctrl-click adds the second), as a user picks two snapshots of one kind.
    w.clickRow(1);
    const QRect third = w.timeline->visualRect(rows->index(3, 2));
    QTest::mouseClick(w.timeline->viewport(), Qt::LeftButton, Qt::ControlModifier, third.center());
    QTRY_VERIFY(compareAction->isEnabled());
    const QString newerId = rows->headerAt(1)->id, olderId = rows->headerAt(3)->id;
    auto *view = w.window.findChild<CompareView *>();
    QSignalSpy compared(view, &CompareView::compared);
    compareAction->trigger();
    QVERIFY(compared.wait(30000));
    QVERIFY2(compared.at(0).at(0).toBool(), qPrintable(compared.at(0).at(1).toString()));
    QVERIFY(view->isVisible());
    // The change list holds what the comparison computes.
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), {});
    QVERIFY(store);
    auto expected = SnapshotComparisons::compare(**store,
        rows->headerAt(3)->takenAt <= rows->headerAt(1)->takenAt ? olderId : newerId,
        rows->headerAt(3)->takenAt <= rows->headerAt(1)->takenAt ? newerId : olderId);
    QVERIFY(expected);
    QVERIFY(expected->changes.size() > 0);
    QCOMPARE(view->changes()->rowCount(), expected->changes.size());
    auto *summary = view->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QCOMPARE(summary->text(), SnapshotComparisons::summaryText(expected->summary));
    // F7 walks the changes.
    auto *changes = view->findChild<QTableView *>(QStringLiteral("changesTable"));
    QCOMPARE(changes->currentIndex().row(), 0);
    if (view->changes()->rowCount() > 1) {
        QTest::keyClick(changes, Qt::Key_F7);
        QCOMPARE(changes->currentIndex().row(), 1);
        QTest::keyClick(changes, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(changes->currentIndex().row(), 0);
    }
    // The two sides have the same number of lines, aligned.
    QSignalSpy sides(view, &CompareView::sidesShown);
    QVERIFY(sides.count() > 0 || sides.wait(30000));
    auto *left = view->findChild<QPlainTextEdit *>(QStringLiteral("leftText"));
    auto *right = view->findChild<QPlainTextEdit *>(QStringLiteral("rightText"));
    QCOMPARE(left->blockCount(), right->blockCount());
    QVERIFY(left->blockCount() > 5);

    // Ctrl+D compares the inspector's snapshot with its previous version.
    w.timeline->setFocus();
    w.clickRow(0);
    QTRY_VERIFY(w.heading->text().contains(rows->index(0, int(TimelineModel::Column::Entity)).data().toString()));
    QTRY_VERIFY(!w.window.findChild<SnapshotInspector *>()->isLoading());
    QSignalSpy again(view, &CompareView::compared);
    QTest::keyClick(&w.window, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(again.wait(30000));
    QVERIFY(again.at(0).at(0).toBool());
    QCOMPARE(view->comparison()->newer.id, rows->headerAt(0)->id);
    QCOMPARE(view->comparison()->older.id, rows->headerAt(0)->previousId);
    QCOMPARE(view->comparison()->newer.version, view->comparison()->older.version + 1);
}

void TestMainWindow::inventoryChartFollowsTheRange()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *chart = w.window.findChild<InventoryChartView *>();
    QVERIFY(chart);
    // It opens on the last 90 days of data.
    QTRY_COMPARE(chart->pointCount(), 90);
    auto *views = w.window.findChild<QTabWidget *>(QStringLiteral("views"));
    views->setCurrentWidget(w.window.findChild<QTabWidget *>(QStringLiteral("inventoryTabs")));
    // A shorter range: fewer points.
    QSignalSpy loaded(chart, &InventoryChartView::loaded);
    auto *preset = chart->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    preset->setCurrentIndex(0); // Last 7 days
    Q_EMIT preset->activated(0);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(chart->pointCount(), 7);
    // By week over 90 days.
    auto *from = chart->findChild<QDateEdit *>(QStringLiteral("fromEdit"));
    auto *to = chart->findChild<QDateEdit *>(QStringLiteral("toEdit"));
    chart->setRange(to->date().addDays(-89), to->date());
    QVERIFY(loaded.wait(30000));
    auto *granularity = chart->findChild<QComboBox *>(QStringLiteral("granularityCombo"));
    granularity->setCurrentIndex(1);
    Q_EMIT granularity->activated(1);
    QVERIFY(loaded.wait(30000));
    QVERIFY(chart->pointCount() >= 13 && chart->pointCount() <= 14);
    // The table (and so the CSV) holds the very numbers of the series.
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), {});
    QVERIFY(store);
    InventorySeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = from->date();
    q.to = to->date();
    q.granularity = Granularity::Week;
    auto expected = AnalyticsSeries::inventory(**store, q);
    QVERIFY(expected);
    QCOMPARE(chart->table()->rows().size(), expected->size());
    for (qsizetype i = 0; i < expected->size(); ++i)
        QCOMPARE(chart->table()->rows().at(i), AnalyticsSeries::toJson(expected->at(i)));
    QVERIFY(chart->chart()->series().size() >= 4);
    // CSV export writes exactly the series shown.
    const QString csvPath = m_dir.filePath(QStringLiteral("inventory-export.csv"));
    QTimer::singleShot(0, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialog->selectFile(csvPath);
        QMetaObject::invokeMethod(dialog, "accept"); // a slot, protected in QFileDialog
    });
    chart->findChild<QToolButton *>(QStringLiteral("csvButton"))->click();
    QFile exported(csvPath);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(exported.readAll()), AnalyticsSeries::inventoryCsv(*expected));
    // Drill-down: a click on the closing line opens the timeline of that period's daily inventory snapshots.
    granularity->setCurrentIndex(0);
    Q_EMIT granularity->activated(0);
    QVERIFY(loaded.wait(30000));
    QLineSeries *closing = nullptr;
    for (QAbstractSeries *series : chart->chart()->series()) {
        if (series->name() == QStringLiteral("Closing"))
            closing = qobject_cast<QLineSeries *>(series);
    }
    QVERIFY(closing && closing->count() == chart->pointCount());
    const QPointF tenth = closing->at(9);
    Q_EMIT closing->clicked(tenth);
    auto *rows = qobject_cast<TimelineModel *>(w.timeline->model());
    QTRY_COMPARE(views->currentWidget(), w.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    QTRY_COMPARE(rows->query().kind, QStringLiteral("daily_inventory"));
    const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(tenth.x())).date();
    // The period is the tenant's business day: from its midnight to the next, in its zone.
    const QTimeZone zone = rows->timeZone();
    QCOMPARE(zone.id(), QByteArray("Asia/Bangkok"));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(*rows->query().takenAt.from, zone), QDateTime(day, QTime(0, 0), zone));
    QCOMPARE(
        QDateTime::fromMSecsSinceEpoch(*rows->query().takenAt.to, zone), QDateTime(day.addDays(1), QTime(0, 0), zone));
    QTRY_VERIFY(rows->rowCount() > 0);
    QCOMPARE(
        QDateTime::fromMSecsSinceEpoch(rows->index(0, 0).data(TimelineModel::TakenAtRole).toLongLong(), zone).date(),
        day);
    views->setCurrentWidget(chart);
    // The theme follows the palette, also when it changes.
    QPalette dark = chart->palette();
    dark.setColor(QPalette::Window, Qt::black);
    chart->setPalette(dark);
    QCOMPARE(chart->chart()->theme(), QChart::ChartThemeDark);
}

void TestMainWindow::chatChartFiltersByPlatform()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *chart = w.window.findChild<ChatChartView *>();
    QVERIFY(chart);
    QTRY_COMPARE(chart->pointCount(), 90);
    const auto total = [&](const char *field) {
        qint64 sum = 0;
        for (const QJsonObject &row : chart->table()->rows())
            sum += row.value(QLatin1String(field)).toInteger();
        return sum;
    };
    const qint64 all = total("conversations");
    QVERIFY(all > 0);
    QCOMPARE(total("line") + total("facebook") + total("whatsapp"), all);
    // LINE only: fewer conversations, all of them on LINE; and the table is the series.
    QSignalSpy loaded(chart, &ChatChartView::loaded);
    auto *platform = chart->findChild<QComboBox *>(QStringLiteral("platformCombo"));
    platform->setCurrentIndex(1);
    Q_EMIT platform->activated(1);
    QVERIFY(loaded.wait(30000));
    QVERIFY(total("conversations") < all);
    QCOMPARE(total("line"), total("conversations"));
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), {});
    QVERIFY(store);
    ChatSeriesQuery q;
    q.tenant = QStringLiteral("acme-th");
    q.from = chart->findChild<QDateEdit *>(QStringLiteral("fromEdit"))->date();
    q.to = chart->findChild<QDateEdit *>(QStringLiteral("toEdit"))->date();
    q.platform = QStringLiteral("line");
    auto expected = AnalyticsSeries::chat(**store, q);
    QVERIFY(expected);
    QCOMPARE(chart->table()->rows().size(), expected->size());
    for (qsizetype i = 0; i < expected->size(); ++i)
        QCOMPARE(chart->table()->rows().at(i), AnalyticsSeries::toJson(expected->at(i)));
    // The right-axis line can show the average order value instead: one point per period with converted orders.
    auto *metric = chart->findChild<QComboBox *>(QStringLiteral("metricCombo"));
    metric->setCurrentIndex(1);
    Q_EMIT metric->activated(1);
    // The line breaks at periods without a value: its points are spread over its pieces.
    qsizetype aovPoints = 0;
    for (QAbstractSeries *series : chart->chart()->series()) {
        if (series->name() == QStringLiteral("Average order value"))
            aovPoints += qobject_cast<QLineSeries *>(series)->count();
    }
    qsizetype withOrders = 0;
    for (const ChatPoint &p : *expected)
        withOrders += p.averageOrderValue.has_value();
    QVERIFY(withOrders > 0);
    QCOMPARE(aovPoints, withOrders);
}

void TestMainWindow::corruptPayloadShowsAnIntegrityError()
{
    const QString copy = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
    QString damaged;
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY2(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)), qPrintable(query.lastError().text()));
    }
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(copy));
        QSqlQuery query(side.db());
        // The newest snapshot, which the window selects first.
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM snapshots ORDER BY taken_at DESC, id DESC LIMIT 1")));
        QVERIFY(query.next());
        damaged = query.value(0).toString();
        query.finish();
        QVERIFY(query.exec(
            QStringLiteral("UPDATE snapshots SET payload = substr(payload, 1, 20) || x'00' || substr(payload, 22) "
                           "WHERE id = '%1'")
                .arg(damaged)));
    }
    OpenedWindow w;
    QVERIFY(w.open(copy));
    auto *inspector = w.window.findChild<SnapshotInspector *>();
    auto *panel = inspector->findChild<QLabel *>(QStringLiteral("corruptLabel"));
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(panel->text().contains(QStringLiteral("Integrity error")));
    QCOMPARE(w.payload->model()->rowCount(), 0);
    QTRY_COMPARE(w.timeline->model()->index(0, int(TimelineModel::Column::Integrity)).data().toString(),
        QStringLiteral("corrupt"));
    // The next row is intact and shows its tree again.
    w.clickRow(1);
    QTRY_COMPARE(w.payload->model()->rowCount(), 1);
    QVERIFY(!panel->isVisible());
}

namespace {

// Runs Test connection in a dialog showing spec; returns (ok, the status text shown).
std::pair<bool, QString> testConnection(const ConnectionSpec &spec, bool create = false)
{
    ConnectionDialog dialog;
    dialog.show();
    dialog.setSpec(spec);
    if (create)
        dialog.findChild<QCheckBox *>(QStringLiteral("createCheck"))->setChecked(true);
    QSignalSpy checked(&dialog, &ConnectionDialog::checked);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    if (!checked.wait(30000))
        return { false, QStringLiteral("(no answer)") };
    return { checked.at(0).at(0).toBool(), dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text() };
}

} // namespace

void TestMainWindow::connectionDialogExplainsFailures()
{
    // Not an SQLite file at all, and left as it was.
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some notes, not a database\n");
    }
    auto [ok, shown] = testConnection(ConnectionSpec::sqlite(text));
    QVERIFY(!ok);
    QVERIFY2(shown.contains(QStringLiteral("not a SnapScope database")), qPrintable(shown));
    QCOMPARE(QFileInfo(text).size(), qint64(32));

    // An SQLite database of another program.
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(other));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")));
    }
    std::tie(ok, shown) = testConnection(ConnectionSpec::sqlite(other));
    QVERIFY(!ok);
    QVERIFY2(shown.contains(QStringLiteral("not a SnapScope database")), qPrintable(shown));

    // A newer schema names both versions.
    const QString newer = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(newer)));
    }
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(newer));
        QSqlQuery query(side.db());
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)")),
            qPrintable(query.lastError().text()));
    }
    std::tie(ok, shown) = testConnection(ConnectionSpec::sqlite(newer));
    QVERIFY(!ok);
    QVERIFY2(shown.contains(QStringLiteral("schema version 99")), qPrintable(shown));

    // A missing file is not created unless asked.
    const QString absent = m_dir.filePath(QStringLiteral("absent-dialog.sqlite"));
    std::tie(ok, shown) = testConnection(ConnectionSpec::sqlite(absent));
    QVERIFY(!ok);
    QVERIFY2(shown.contains(QStringLiteral("does not exist")), qPrintable(shown));
    QVERIFY(!QFileInfo::exists(absent));
    std::tie(ok, shown) = testConnection(ConnectionSpec::sqlite(absent), true);
    QVERIFY2(ok, qPrintable(shown));
    QVERIFY(QFileInfo::exists(absent));
}

void TestMainWindow::connectionDialogWrongPostgresPassword()
{
    SNAPSCOPE_REQUIRE_POSTGRES(pg);
    const QString user = qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD_USER");
    if (user.isEmpty())
        QSKIP("SKIP: no password-checked PostgreSQL role (packaging/bootstrap.sh test sets "
              "SNAPSCOPE_TEST_PG_PASSWORD_USER)");
    ConnectionSpec spec = *pg;
    spec.user = user;
    spec.password = QStringLiteral("certainly-wrong");
    auto [ok, shown] = testConnection(spec);
    QVERIFY(!ok);
    QVERIFY2(shown.contains(QStringLiteral("refused the password")), qPrintable(shown));
    QVERIFY(shown.contains(user));
    QVERIFY(!shown.contains(QStringLiteral("certainly-wrong"))); // a password is never shown back
}

void TestMainWindow::connectionDialogOpensAndIsRemembered()
{
    // Ctrl+L opens the dialog; Open switches the window to the chosen store and remembers it (no password kept).
    QSettings().remove(QStringLiteral("connections"));
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    QCOMPARE(ConnectionSettings::last()->sqlitePath, m_db);
    const QString second = m_dir.filePath(QStringLiteral("second.sqlite"));
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(second)));
    }
    bool handled = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = w.window.findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        dialog->setSpec(ConnectionSpec::sqlite(second));
        QSignalSpy finished(dialog, &QDialog::finished);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->click();
        QVERIFY(finished.wait(30000));
        handled = true;
    });
    QSignalSpy shown(&w.window, &MainWindow::dataShown);
    QTest::keyClick(&w.window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(handled);
    QVERIFY(shown.wait(30000));
    QVERIFY(w.window.windowTitle().contains(QStringLiteral("second.sqlite")));
    QCOMPARE(ConnectionSettings::last()->sqlitePath, second);
    QCOMPARE(ConnectionSettings::recent().size(), 2);
    QCOMPARE(ConnectionSettings::recent().at(1).sqlitePath, m_db);
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

namespace {

// Answers the next message box with `button` once it is open (a modal exec() runs its own event loop).
void answerMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(50, qApp, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
        else
            answerMessageBox(button);
    });
}

int languageMenus(QMenu *view)
{
    int count = 0;
    for (QAction *a : view->actions())
        count += a->menu() && a->menu()->title().contains(QStringLiteral("Language")) ? 1 : 0;
    return count;
}

} // namespace

void TestMainWindow::viewMenuHasOneLanguageMenu()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *view = w.window.findChild<QMenu *>(QStringLiteral("menuView"));
    QVERIFY(view);
    QCOMPARE(languageMenus(view), 1);
    auto *admin = w.window.findChild<QAction *>(QStringLiteral("actionAdminRole"));
    QVERIFY(admin);
    for (int i = 0; i < 3; ++i) {
        answerMessageBox(QMessageBox::Cancel);
        admin->trigger();
    }
    QCOMPARE(languageMenus(view), 1);
}

void TestMainWindow::adminRoleIsConfirmedAndAudited()
{
    QSettings().remove(QStringLiteral("privacy/role"));
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    QCOMPARE(w.window.role(), Access::Role::Support);
    auto *admin = w.window.findChild<QAction *>(QStringLiteral("actionAdminRole"));
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), {});
    QVERIFY(store);
    const auto roleRows = [&] {
        AuditQuery query;
        query.action = QStringLiteral("role.");
        auto log = (*store)->maintenance().auditLog(query);
        return log ? int(log->size()) : -1;
    };
    const int before = roleRows();

    // Cancelled: nothing unmasked, nothing recorded.
    answerMessageBox(QMessageBox::Cancel);
    admin->trigger();
    QCOMPARE(w.window.role(), Access::Role::Support);
    QVERIFY(!admin->isChecked());
    QCOMPARE(roleRows(), before);

    // Confirmed: recorded, then unmasked.
    answerMessageBox(QMessageBox::Yes);
    admin->trigger();
    QTRY_COMPARE(w.window.role(), Access::Role::Admin);
    QVERIFY(admin->isChecked());
    QCOMPARE(roleRows(), before + 1);

    // Back to support: masked at once, no question asked, and recorded too.
    admin->trigger();
    QCOMPARE(w.window.role(), Access::Role::Support);
    QVERIFY(!admin->isChecked());
    QTRY_COMPARE(roleRows(), before + 2);
    QSettings().remove(QStringLiteral("privacy/role"));
}

void TestMainWindow::filtersMoveTheHeadlineAndTheInspector()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    auto *rows = qobject_cast<TimelineModel *>(w.timeline->model());
    auto *headline = w.window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QTRY_VERIFY(headline->text().contains(QStringLiteral(" snapshots in ")));
    QVERIFY(!headline->text().contains(QStringLiteral("match the filters")));
    auto *inspector = w.window.findChild<SnapshotInspector *>();
    QTRY_VERIFY(inspector->header().has_value());
    QVERIFY(!inspector->header()->entityId.startsWith(QStringLiteral("ORD-")));

    // A filter that hides the inspected snapshot: the inspector follows the first row shown, and the headline says
    // how many of the tenant's snapshots the filters keep.
    auto *entity = w.window.findChild<QLineEdit *>(QStringLiteral("entityEdit"));
    entity->setFocus();
    QTest::keyClicks(entity, QStringLiteral("ORD-"));
    QTRY_VERIFY(rows->query().entityPrefix == QStringLiteral("ORD-"));
    QTRY_VERIFY(inspector->header() && inspector->header()->entityId.startsWith(QStringLiteral("ORD-")));
    QTRY_VERIFY(rows->countState() == TimelineModel::CountState::Exact);
    QTRY_VERIFY2(headline->text().contains(QStringLiteral("%1 of ").arg(QLocale().toString(rows->rowCount())))
            && headline->text().contains(QStringLiteral("match the filters")),
        qPrintable(headline->text()));
}

void TestMainWindow::fitsIn1280x720_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("view"); // what is opened besides the timeline
    for (const char *language : { "en", "th", "ja" }) {
        const QString lang = QString::fromLatin1(language);
        QTest::addRow("%s", language) << lang << QStringList();
        QTest::addRow("%s entity", language)
            << lang << QStringList { QStringLiteral("--entity"), QStringLiteral("order:ORD-TH-000120") };
        // A case's row of buttons was 1,386 px wide in Japanese.
        QTest::addRow("%s case", language)
            << lang << QStringList { QStringLiteral("--case"), QStringLiteral("ORD-TH-000120") };
    }
}

void TestMainWindow::fitsIn1280x720()
{
    // Nothing in the window asks for more than 1280 x 720, in any language: a longer translated label or a long id
    // used to widen the window past the screen (1,592 px after a Thai or Japanese start).
    QFETCH(QString, language);
    QFETCH(QStringList, view);
    const QString png = m_dir.filePath(QStringLiteral("fit-%1.png").arg(QString::fromLatin1(QTest::currentDataTag())));
    QProcess gui;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config-fit")));
    gui.setProcessEnvironment(environment);
    QStringList arguments { QStringLiteral("--db"), m_db, QStringLiteral("--lang"), language, QStringLiteral("--size"),
        QStringLiteral("1280x720"), QStringLiteral("--screenshot"), png };
    arguments << view;
    gui.start(QStringLiteral(SNAPSCOPE_GUI_PATH), arguments);
    QVERIFY(gui.waitForFinished(60000));
    QCOMPARE(gui.exitCode(), 0);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1280, 720));
}

void TestMainWindow::everyTabFromTheKeyboard()
{
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    // The title names the store; the platform adds the application's name (once).
    QVERIFY2(!w.window.windowTitle().contains(QStringLiteral("SnapScope")), qPrintable(w.window.windowTitle()));
    auto *views = w.window.findChild<QTabWidget *>(QStringLiteral("views"));
    QVERIFY(views);
    QCOMPARE(views->currentIndex(), 0);
    // Ctrl+1..N jump to a tab and are in the View menu; Ctrl+Tab and Ctrl+Shift+Tab cycle from anywhere.
    for (int i = views->count() - 1; i >= 0; --i) {
        auto *go = w.window.findChild<QAction *>(QStringLiteral("actionShowTab%1").arg(i + 1));
        QVERIFY(go);
        QCOMPARE(go->text(), views->tabText(i));
        QTest::keyClick(&w.window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(views->currentIndex(), i);
    }
    w.timeline->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(views->currentIndex(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(views->currentIndex(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(views->currentIndex(), views->count() - 1);
}

void TestMainWindow::everyTimeIsInTheTenantsZone()
{
    // The demo's first tenant keeps Bangkok's business day; this test runs in UTC. Every page that shows times is
    // handed that zone when the tenant is shown, and names it where the times are.
    OpenedWindow w;
    QVERIFY(w.open(m_db));
    const QString bangkok = QStringLiteral("(Asia/Bangkok)");
    const auto header = [](const QAbstractItemModel *model, int column) {
        return model->headerData(column, Qt::Horizontal).toString();
    };
    const QString timeline = header(w.timeline->model(), int(TimelineModel::Column::TakenAt));
    QVERIFY2(timeline.endsWith(bangkok), qPrintable(timeline));
    const QString entities = header(w.window.findChild<EntityListModel *>(), int(EntityListModel::Column::LastTaken));
    QVERIFY2(entities.endsWith(bangkok), qPrintable(entities));
    QCOMPARE(w.window.findChild<TimelineStrip *>()->timeZone().id(), QByteArray("Asia/Bangkok"));
    const QString trash = header(w.window.findChild<TrashPanel *>()->model(), int(TimelineModel::Column::TakenAt));
    QVERIFY2(trash.endsWith(bangkok), qPrintable(trash));
    const QString audit = header(w.window.findChild<AuditLogPanel *>()->model(), int(AuditLogModel::Column::At));
    QVERIFY2(audit.endsWith(bangkok), qPrintable(audit));
    PointInTimePanel *stateAt = w.window.findChild<SnapshotInspector *>()->stateAtPanel();
    const QString events = header(stateAt->eventModel(), int(EventListModel::Column::OccurredAt));
    QVERIFY2(events.endsWith(bangkok), qPrintable(events));
    QVERIFY(stateAt->findChild<QLabel *>(QStringLiteral("atLabel"))->text().contains(bangkok));
    auto *cases = w.window.findChild<CaseView *>();
    const QString hits = header(cases->findChild<CaseHitModel *>(), int(CaseHitModel::Column::Created));
    QVERIFY2(hits.endsWith(bangkok), qPrintable(hits));
    const QString caseTimeline = header(cases->findChild<CaseTimelineModel *>(), int(CaseTimelineModel::Column::Time));
    QVERIFY2(caseTimeline.endsWith(bangkok), qPrintable(caseTimeline));
    QVERIFY(cases->findChild<QLabel *>(QStringLiteral("cursorLabel"))->text().contains(bangkok));
    // The cells read the zone's wall clock: the newest row's time as Bangkok shows it.
    const QModelIndex newest = w.timeline->model()->index(0, int(TimelineModel::Column::TakenAt));
    QCOMPARE(newest.data().toString(),
        IsoTime::toZoneText(newest.data(TimelineModel::TakenAtRole).toLongLong(), QTimeZone("Asia/Bangkok"), true));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
