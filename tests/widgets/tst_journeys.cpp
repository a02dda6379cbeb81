// Whole user sessions on the demo store, offscreen: what a person does in an hour at the console, step after step in
// one window, asserting after each step what they would see. Each step alone is covered by tst_mainwindow; the
// bugs found in issue 20 only show when steps follow one another.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>

#include "../common/guidriver.h"
#include "../common/testsupport.h"
#include "caseview.h"
#include "chatchartview.h"
#include "connectiondialog.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "importdialog.h"
#include "inventorychartview.h"
#include "items/ingestpreviewmodel.h"
#include "items/jsontreemodel.h"
#include "items/seriestablemodel.h"
#include "maintenanceview.h"
#include "ops/demogenerator.h"
#include "ops/statereconstructor.h"
#include "retentionpanel.h"
#include "rolesetting.h"
#include "schedulespanel.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"
#include "takesnapshotpanel.h"
#include "json/jsonpointer.h"

using GuiDriver::Console;
using GuiDriver::ModalCloser;

namespace {

const QString DemoTenant = QStringLiteral("acme-th");
const QString Order = QStringLiteral("ORD-TH-000120");

QAbstractItemModelTester *watch(QAbstractItemModel *model, QObject *parent)
{
    auto *tester = new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, parent);
    tester->setUseFetchMore(false); // the user scrolls; the tester must not load pages for them
    return tester;
}

} // namespace

class TestJourneys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void compareAgainAndAgain_data();
    void compareAgainAndAgain();
    void hideUnchangedWhileComparing();
    void revealInTreeAndTextMode_data();
    void revealInTreeAndTextMode();
    void languageMenuOnceWhateverTheRole();
    void takeSnapshotThenBrowse();
    void runScheduleNowStaysInMaintenance();
    void switchTabsWhileLoading();
    void changeFiltersWhilePagesLoad();
    void switchStoresWithCtrlLWhileWorkRuns();
    void switchStoresWhileACleanupRuns();
    void otherTenantsCaseThenItsOrderService();
    void importThenBrowse();

private:
    // A copy of the demo store for a journey that writes.
    QString copyOfDemo(const QString &name);
    // Waits for the compare view to show older -> newer and checks it against a comparison computed here.
    bool comparisonShown(Console &c, const QString &olderId, const QString &newerId, QString *why);
    // The window resized as a user drags its corner: every view lays itself out again.
    static void dragCorner(Console &c, int dx, int dy);
    // Ctrl+L, the file typed in the connection dialog, Open: true once the window shows that store's data.
    static bool switchWithCtrlL(Console &c, const QString &file);

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<SnapshotStore> m_store; // for expected results, read beside the console
};

void TestJourneys::initTestCase()
{
    GuiDriver::isolateSettings(QStringLiteral("SnapScopeJourneysTest"));
    m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    {
        auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), { true });
        QVERIFY(store.ok());
        QVERIFY(DemoGenerator(**store, {}).run().ok());
    }
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), {});
    QVERIFY(store.ok());
    m_store = std::move(*store);
}

void TestJourneys::init()
{
    // Every journey starts as a first start does: default window, support role, no language chosen.
    QSettings().clear();
}

QString TestJourneys::copyOfDemo(const QString &name)
{
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
    QSqlQuery query(side.db());
    if (!query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)))
        qWarning("VACUUM INTO failed: %s", qPrintable(query.lastError().text()));
    return copy;
}

bool TestJourneys::switchWithCtrlL(Console &c, const QString &file)
{
    bool handled = false;
    QTimer::singleShot(0, &c.window, [&] {
        auto *dialog = qobject_cast<ConnectionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setSpec(ConnectionSpec::sqlite(file));
        QSignalSpy finished(dialog, &QDialog::finished);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->click();
        handled = finished.wait(30000);
    });
    QSignalSpy shown(&c.window, &MainWindow::dataShown);
    c.key(Qt::Key_L, Qt::ControlModifier);
    if (!handled || !c.activateAgain() || !(shown.size() > 0 || shown.wait(60000)))
        return false;
    return shown.at(0).at(0).toBool() && c.window.windowTitle().contains(QFileInfo(file).fileName());
}

void TestJourneys::dragCorner(Console &c, int dx, int dy)
{
    c.window.resize(c.window.width() + dx, c.window.height() + dy);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

bool TestJourneys::comparisonShown(Console &c, const QString &olderId, const QString &newerId, QString *why)
{
    const bool shown = QTest::qWaitFor(
        [&] {
            const SnapshotComparison *comparison = c.compare->comparison();
            return comparison && !c.compare->isComparing() && comparison->older.id == olderId
                && comparison->newer.id == newerId;
        },
        30000);
    if (!shown) {
        *why = QStringLiteral("the compare view does not show %1 -> %2 (%3; %4; status: %5)")
                   .arg(olderId, newerId, c.busy(), c.mismatch(), c.window.findChild<QStatusBar *>()->currentMessage());
        return false;
    }
    if (c.views->currentWidget() != c.compare) {
        *why = QStringLiteral("the Compare tab is not the one shown");
        return false;
    }
    // The support role compares with contact details masked, as the console does by default.
    auto expected = SnapshotComparisons::compare(*m_store, olderId, newerId, Pii::masks(RoleSetting::read()));
    if (!expected) {
        *why = expected.error().message;
        return false;
    }
    if (c.compare->changes()->rowCount() != expected->changes.size()) {
        *why = QStringLiteral("%1 changes listed, %2 expected")
                   .arg(c.compare->changes()->rowCount())
                   .arg(expected->changes.size());
        return false;
    }
    *why = c.mismatch();
    return why->isEmpty();
}

void TestJourneys::compareAgainAndAgain_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("entity"); // empty: the stock entity with the most versions
    QTest::addColumn<bool>("fold");
    QTest::newRow("order") << QStringLiteral("order") << Order << false;
    QTest::newRow("order, unchanged lines hidden") << QStringLiteral("order") << Order << true;
    QTest::newRow("stock") << QStringLiteral("stock") << QString() << false;
    QTest::newRow("stock, unchanged lines hidden") << QStringLiteral("stock") << QString() << true;
}

// Issue 20, item 2: the second comparison of a session crashed in QPlainTextEdit::resizeEvent (the first
// comparison's text documents were deleted while the text edits still showed them).
void TestJourneys::compareAgainAndAgain()
{
    QFETCH(QString, kind);
    QFETCH(QString, entity);
    QFETCH(bool, fold);
    if (entity.isEmpty()) {
        auto entities = m_store->entities(DemoTenant, kind);
        QVERIFY(entities && !entities->isEmpty());
        const auto most = std::max_element(entities->cbegin(), entities->cend(),
            [](const EntitySummary &a, const EntitySummary &b) { return a.snapshotCount < b.snapshotCount; });
        entity = most->entityId;
    }
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    watch(c.rows, &c.window);
    watch(c.compare->changes(), &c.window);

    // snapscope --entity KIND:ID: the entity's versions, newest inspected.
    c.window.openEntity(kind, entity, false);
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->rowCount() >= 4
            && c.rows->headerAt(0) && c.rows->headerAt(0)->entityId == entity,
        30000);
    const int versions = c.rows->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(c.inspectorShows(c.rows->headerAt(0)->id), 30000);
    const auto idOf = [&](int version) {
        const int row = c.rowOfVersion(version);
        return row >= 0 ? c.rows->headerAt(row)->id : QString();
    };
    QString why;
    QSignalSpy sides(c.compare, &CompareView::sidesShown);

    // 1. Select v3 on the timeline, Ctrl+D.
    c.clickRow(c.rowOfVersion(3));
    QTRY_VERIFY(c.inspectorShows(idOf(3)));
    c.key(Qt::Key_D, Qt::ControlModifier);
    QVERIFY2(comparisonShown(c, idOf(2), idOf(3), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(sides.size(), 1, 30000);
    if (fold) {
        auto *hide = c.compare->findChild<QCheckBox *>(QStringLiteral("hideUnchangedCheck"));
        QTest::mouseClick(hide, Qt::LeftButton, {}, QPoint(5, hide->height() / 2));
        QVERIFY(hide->isChecked());
    }
    dragCorner(c, -40, -30);
    QVERIFY(c.eventLoopAnswers());

    // 2. Back on the timeline, select v2, Ctrl+D again.
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.clickRow(c.rowOfVersion(2));
    QTRY_VERIFY(c.inspectorShows(idOf(2)));
    c.key(Qt::Key_D, Qt::ControlModifier);
    dragCorner(c, 25, 15); // while the sides are being laid out
    QVERIFY2(comparisonShown(c, idOf(1), idOf(2), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(sides.size(), 2, 30000);
    dragCorner(c, 15, 15);
    QVERIFY(c.eventLoopAnswers());
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));

    // 3. The newest version, Alt+Left in the inspector, then its "Compare with previous" button.
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.clickRow(c.rowOfVersion(versions));
    QTRY_VERIFY(c.inspectorShows(idOf(versions)));
    c.payload->setFocus();
    c.key(Qt::Key_Left, Qt::AltModifier);
    QTRY_VERIFY(c.inspectorShows(idOf(versions - 1)));
    auto *compareButton = c.inspector->findChild<QToolButton *>(QStringLiteral("compareButton"));
    QTRY_VERIFY(compareButton->isEnabled());
    QTest::mouseClick(compareButton, Qt::LeftButton);
    QVERIFY2(comparisonShown(c, idOf(versions - 2), idOf(versions - 1), &why), qPrintable(why));
    dragCorner(c, -30, -10);
    QTRY_COMPARE_WITH_TIMEOUT(sides.size(), 3, 30000);
    QVERIFY(c.eventLoopAnswers());

    // 4. Two rows picked with Ctrl+click, Go → Compare selected; F7 walks the changes.
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.clickRow(c.rowOfVersion(1));
    c.clickRow(c.rowOfVersion(versions), Qt::ControlModifier);
    QTRY_VERIFY(c.action("actionCompareSelected")->isEnabled());
    c.action("actionCompareSelected")->trigger();
    QVERIFY2(comparisonShown(c, idOf(1), idOf(versions), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(sides.size(), 4, 30000);
    auto *changes = c.compare->findChild<QTableView *>(QStringLiteral("changesTable"));
    changes->setFocus();
    if (c.compare->changes()->rowCount() > 1) {
        c.key(Qt::Key_F7);
        QCOMPARE(changes->currentIndex().row(), 1);
    }
    dragCorner(c, 30, 25);
    QVERIFY(c.eventLoopAnswers());
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
    auto *left = c.compare->findChild<QPlainTextEdit *>(QStringLiteral("leftText"));
    QVERIFY(left->blockCount() > 3);
    QCOMPARE(left->toPlainText().contains(QStringLiteral("unchanged lines")),
        fold && c.compare->findChild<QCheckBox *>(QStringLiteral("hideUnchangedCheck"))->isChecked()
            && left->toPlainText().contains(QStringLiteral("⋯")));
}

// Found by the random-action test: "Hide unchanged lines" ticked while the next comparison loads left the view on
// "Comparing…" for good (the re-layout of the previous sides superseded the comparison in flight).
void TestJourneys::hideUnchangedWhileComparing()
{
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    c.window.openEntity(QStringLiteral("order"), Order, false);
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->rowCount() >= 3
            && c.rows->headerAt(0) && c.rows->headerAt(0)->entityId == Order,
        30000);
    const auto idOf = [&](int version) { return c.rows->headerAt(c.rowOfVersion(version))->id; };
    QSignalSpy sides(c.compare, &CompareView::sidesShown);
    c.clickRow(c.rowOfVersion(3));
    QTRY_VERIFY(c.inspectorShows(idOf(3)));
    c.key(Qt::Key_D, Qt::ControlModifier);
    QString why;
    QVERIFY2(comparisonShown(c, idOf(2), idOf(3), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(sides.size(), 1, 30000);

    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.clickRow(c.rowOfVersion(2));
    QTRY_VERIFY(c.inspectorShows(idOf(2)));
    c.key(Qt::Key_D, Qt::ControlModifier);
    QVERIFY(c.compare->isComparing());
    auto *hide = c.compare->findChild<QCheckBox *>(QStringLiteral("hideUnchangedCheck"));
    QTest::mouseClick(hide, Qt::LeftButton, {}, QPoint(5, hide->height() / 2)); // before the comparison is back
    QVERIFY2(comparisonShown(c, idOf(1), idOf(2), &why), qPrintable(why));
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000);
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
    QVERIFY(hide->isChecked());
}

void TestJourneys::revealInTreeAndTextMode_data()
{
    QTest::addColumn<bool>("textMode");
    QTest::newRow("tree") << false;
    QTest::newRow("text") << true;
}

// Issue 20, item 3: Reveal in the inspector's Text mode stayed on "Loading and verifying the payload…".
void TestJourneys::revealInTreeAndTextMode()
{
    QFETCH(bool, textMode);
    QCOMPARE(RoleSetting::read(), Access::Role::Support);
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    c.window.openEntity(QStringLiteral("order"), Order, false);
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->headerAt(0)
            && c.rows->headerAt(0)->entityId == Order,
        30000);
    const QString newest = c.rows->headerAt(0)->id;
    QTRY_VERIFY_WITH_TIMEOUT(c.inspectorShows(newest), 30000);

    // What the store holds, unmasked, for the first personal field the inspector offers to reveal.
    auto *reveal = c.inspector->findChild<QToolButton *>(QStringLiteral("revealButton"));
    QTRY_VERIFY(reveal->isVisible());
    QVERIFY(!reveal->menu()->actions().isEmpty());
    QAction *first = reveal->menu()->actions().constFirst();
    const QString field = first->text().remove(u'&');
    auto snapshot = m_store->load(newest);
    QVERIFY(snapshot);
    const QJsonValue document = QJsonDocument::fromJson(snapshot->payload).object();
    QString pointer;
    for (const QString &p : Pii::personalPointers(document, snapshot->header.kind)) {
        if (p.section(u'/', -1) == field && pointer.isEmpty())
            pointer = p;
    }
    QVERIFY2(!pointer.isEmpty(), qPrintable(field));
    const QString secret = JsonPointer::parse(pointer)->evaluate(document)->toVariant().toString();
    QVERIFY2(secret.size() > 3, qPrintable(secret));
    const auto shownText = [&] {
        if (c.payloadPages->currentWidget() == c.payloadText)
            return c.payloadText->toPlainText();
        return c.inspector->treeModel()
            ->indexOfPointer(pointer)
            .siblingAtColumn(int(JsonTreeModel::Column::Value))
            .data()
            .toString();
    };

    if (textMode) {
        QTest::mouseClick(c.textToggle, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(c.payloadText->isVisible() && c.payloadText->toPlainText().contains(Order), 10000);
    }
    QVERIFY2(!shownText().contains(secret), "masked before Reveal");
    first->trigger(); // Reveal ▸ field
    QTRY_VERIFY2_WITH_TIMEOUT(c.inspectorShows(newest) && shownText().contains(secret),
        qPrintable(QStringLiteral("after Reveal %1 the inspector shows \"%2\" (%3)")
                       .arg(field, c.payloadPages->currentWidget()->objectName(), c.heading->text())),
        10000);
    QCOMPARE(c.payloadPages->currentWidget(), textMode ? static_cast<QWidget *>(c.payloadText) : c.payload);
    QVERIFY(c.payloadPages->currentWidget()->isVisible());

    // The next version is masked again, and still in the chosen mode.
    c.timeline->setFocus();
    c.key(Qt::Key_Left, Qt::AltModifier);
    const QString older = c.rows->headerAt(1)->id;
    QTRY_VERIFY2_WITH_TIMEOUT(c.inspectorShows(older),
        qPrintable(QStringLiteral("after Alt+Left the inspector shows \"%1\" (%2)")
                       .arg(c.payloadPages->currentWidget()->objectName(), c.heading->text())),
        10000);
    QCOMPARE(c.payloadPages->currentWidget(), textMode ? static_cast<QWidget *>(c.payloadText) : c.payload);
    QVERIFY(!shownText().isEmpty());
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
    QVERIFY(c.eventLoopAnswers());
}

// Issue 20, item 4: View → Language was missing until the role was toggled, and one more copy came with each toggle.
void TestJourneys::languageMenuOnceWhateverTheRole()
{
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    QCOMPARE(c.languageMenus(), 1);
    QAction *admin = nullptr;
    for (QAction *a : c.viewMenu->actions()) {
        if (a->isCheckable() && a->text().contains(QStringLiteral("contact details")))
            admin = a;
    }
    QVERIFY(admin);
    ModalCloser closer(ModalCloser::Answer::Accept); // switching to admin may ask to confirm
    for (int toggle = 0; toggle < 3; ++toggle) {
        admin->trigger();
        QVERIFY(c.eventLoopAnswers());
        QCOMPARE(c.languageMenus(), 1);
    }
    // The menu offers the three languages and the system default.
    QMenu *language = nullptr;
    for (QAction *a : c.viewMenu->actions()) {
        if (a->menu() && a->text().remove(u'&') == QStringLiteral("Language"))
            language = a->menu();
    }
    QVERIFY(language);
    QCOMPARE(language->actions().size(), 4);
}

// Issue 20, item 6: taking a snapshot switched the main area to Inventory trends and showed no result.
void TestJourneys::takeSnapshotThenBrowse()
{
    const QString db = copyOfDemo(QStringLiteral("take.sqlite"));
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(db)));
    auto *maintenance = c.window.findChild<MaintenanceView *>();
    QVERIFY(maintenance);
    c.clickTab(maintenance);
    QCOMPARE(c.views->currentWidget(), maintenance);
    TakeSnapshotPanel *take = maintenance->takePanel();
    QTest::mouseClick(
        maintenance->tabBar(), Qt::LeftButton, {}, maintenance->tabBar()->tabRect(maintenance->indexOf(take)).center());
    QCOMPARE(maintenance->currentWidget(), take);
    auto *kind = take->findChild<QComboBox *>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("order")));
    auto *entity = take->findChild<QLineEdit *>(QStringLiteral("entity"));
    QTest::keyClicks(entity, Order);
    auto *result = take->findChild<QLabel *>(QStringLiteral("result"));
    QStringList switched; // the main area's tabs shown without the user asking
    connect(c.views, &QTabWidget::currentChanged, &c.window, [&](int tab) { switched << c.views->tabText(tab); });
    QTest::mouseClick(take->findChild<QPushButton *>(QStringLiteral("take")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!result->text().isEmpty() && !result->text().contains(QStringLiteral("…")),
        qPrintable(
            QStringLiteral("no result shown; the main area shows \"%1\", the pane \"%2\"")
                .arg(c.views->tabText(c.views->currentIndex()), maintenance->tabText(maintenance->currentIndex()))),
        30000);
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000); // the refresh that follows has run
    QVERIFY(c.eventLoopAnswers());
    QVERIFY2(switched.isEmpty(), qPrintable(switched.join(QStringLiteral(", "))));
    QCOMPARE(c.views->currentWidget(), maintenance);
    QCOMPARE(maintenance->currentWidget(), take);
    QTRY_VERIFY2(result->isVisible() && !result->text().isEmpty(), qPrintable(result->text()));

    // Browse: the timeline lists the entity's versions as the store now holds them, newest first; the inspector shows
    // the newest; compare it with the one before.
    auto copy = openSnapshotStore(ConnectionSpec::sqlite(db), {});
    QVERIFY(copy);
    const auto versions = (*copy)->entities(DemoTenant, QStringLiteral("order"), Order);
    QVERIFY(versions && versions->size() == 1);
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.key(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(c.entityFilter->hasFocus());
    QTest::keyClicks(c.entityFilter, Order);
    // Return applies the filter at once; without it a slow run could see a half-typed prefix's rows, then the
    // debounced full filter refill the model under the test.
    QTest::keyClick(c.entityFilter, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->headerAt(0)
            && c.rows->headerAt(0)->entityId == Order && c.rows->rowCount() == versions->constFirst().snapshotCount,
        30000);
    QCOMPARE(c.rows->headerAt(0)->takenAt, versions->constFirst().lastTakenAt);
    // Copies: the model's pages may be read again while the test waits.
    const QString newest = c.rows->headerAt(0)->id;
    const QString before = c.rows->headerAt(0)->previousId;
    c.clickRow(0);
    QTRY_VERIFY(c.inspectorShows(newest));
    c.key(Qt::Key_D, Qt::ControlModifier);
    QString why;
    QVERIFY2(comparisonShown(c, before, newest, &why), qPrintable(why));
    QVERIFY(c.eventLoopAnswers());
}

// Issue 20, item 6: "Run now" on a schedule, likewise.
void TestJourneys::runScheduleNowStaysInMaintenance()
{
    const QString db = copyOfDemo(QStringLiteral("schedule.sqlite"));
    {
        auto store = openSnapshotStore(ConnectionSpec::sqlite(db), {});
        QVERIFY(store);
        Schedule schedule;
        schedule.id = SnapshotId::generate(QDateTime::currentMSecsSinceEpoch());
        schedule.tenant = DemoTenant;
        schedule.name = QStringLiteral("Nightly stock");
        schedule.cron = QStringLiteral("0 2 * * *");
        schedule.timeZone = QStringLiteral("Asia/Bangkok");
        schedule.action.kind = QStringLiteral("stock");
        QVERIFY((*store)->maintenance().saveSchedule(schedule, QStringLiteral("journey")));
    }
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(db)));
    auto *maintenance = c.window.findChild<MaintenanceView *>();
    c.clickTab(maintenance);
    SchedulesPanel *schedules = maintenance->schedulesPanel();
    QTest::mouseClick(maintenance->tabBar(), Qt::LeftButton, {},
        maintenance->tabBar()->tabRect(maintenance->indexOf(schedules)).center());
    QCOMPARE(maintenance->currentWidget(), schedules);
    auto *table = schedules->findChild<QTableView *>(QStringLiteral("table"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 30000);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
    QSignalSpy ran(schedules, &SchedulesPanel::ran);
    QStringList switched; // the main area's tabs shown without the user asking
    connect(c.views, &QTabWidget::currentChanged, &c.window, [&](int tab) { switched << c.views->tabText(tab); });
    QTest::mouseClick(schedules->findChild<QPushButton *>(QStringLiteral("runNow")), Qt::LeftButton);
    QVERIFY(ran.wait(60000));
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000); // the refresh that follows has run
    QVERIFY(c.eventLoopAnswers());
    QVERIFY2(switched.isEmpty(), qPrintable(switched.join(QStringLiteral(", "))));
    auto *status = schedules->findChild<QLabel *>(QStringLiteral("status"));
    QCOMPARE(c.views->currentWidget(), maintenance);
    QCOMPARE(maintenance->currentWidget(), schedules);
    QVERIFY2(
        status->isVisible() && status->text().contains(QStringLiteral("Nightly stock")), qPrintable(status->text()));
    QVERIFY2(!status->text().contains(QStringLiteral("Running")), qPrintable(status->text()));
}

// The tabs are clicked through while the store opens and while the charts and a comparison load.
void TestJourneys::switchTabsWhileLoading()
{
    Console c;
    c.window.resize(1400, 900);
    c.window.show();
    QApplication::setActiveWindow(&c.window);
    QVERIFY(QTest::qWaitForWindowActive(&c.window));
    QVERIFY(c.findWidgets());
    QSignalSpy shown(&c.window, &MainWindow::dataShown);
    c.window.openStore(ConnectionSpec::sqlite(m_db), false);
    for (int i = 0; i < c.views->count(); ++i) {
        c.clickTab(i);
        QVERIFY(c.eventLoopAnswers());
    }
    QVERIFY(shown.wait(60000) || shown.size() > 0);
    QVERIFY(shown.at(0).at(0).toBool());
    auto *inventory = c.window.findChild<InventoryChartView *>();
    auto *chat = c.window.findChild<ChatChartView *>();
    // Chart ranges changed while the previous range still loads, tabs switched meanwhile.
    c.clickTab(inventory);
    QSignalSpy inventoryLoaded(inventory, &InventoryChartView::loaded);
    auto *preset = inventory->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    preset->setFocus();
    c.key(Qt::Key_Down);
    c.clickTab(chat);
    auto *chatPreset = chat->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    chatPreset->setFocus();
    c.key(Qt::Key_Down);
    c.clickTab(inventory);
    preset->setFocus();
    c.key(Qt::Key_Up);
    QVERIFY(c.eventLoopAnswers());
    QTRY_VERIFY_WITH_TIMEOUT(
        inventory->pointCount() > 0 && inventory->table()->rowCount() == inventory->pointCount(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(chat->pointCount() > 0 && chat->table()->rowCount() == chat->pointCount(), 30000);

    // A comparison started and its tab left at once; back on it, the comparison is there.
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    QTRY_VERIFY(c.rows->headerAt(2));
    c.clickRow(2);
    QTRY_VERIFY(c.inspectorShows(c.rows->headerAt(2)->id));
    const SnapshotHeader row = *c.rows->headerAt(2);
    c.key(Qt::Key_D, Qt::ControlModifier);
    c.clickTab(inventory);
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("storageTab")));
    QVERIFY(c.eventLoopAnswers());
    c.clickTab(c.compare);
    QString why;
    if (!row.previousId.isEmpty())
        QVERIFY2(comparisonShown(c, row.previousId, row.id, &why), qPrintable(why));
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000);
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
}

// Filters typed and ticked while the timeline is still reading pages; in the end the rows are the final filter's.
void TestJourneys::changeFiltersWhilePagesLoad()
{
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    watch(c.rows, &c.window);
    c.timeline->setFocus();
    c.key(Qt::Key_End); // the last loaded row: the next page is read
    c.key(Qt::Key_PageDown);
    c.key(Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(c.entityFilter, QStringLiteral("ORD"));
    c.timeline->setFocus();
    c.key(Qt::Key_End);
    c.key(Qt::Key_F, Qt::ControlModifier);
    c.key(Qt::Key_End); // Ctrl+F selects the filter's text: typing goes after it
    QTest::keyClicks(c.entityFilter, QStringLiteral("-TH"));
    auto *types = c.window.findChild<QToolButton *>(QStringLiteral("typesButton"));
    QAction *completed = nullptr;
    for (QAction *a : types->menu()->actions()) {
        if (a->data().toString() == QStringLiteral("completed"))
            completed = a;
    }
    // The Types menu offers the types of the kind chosen; with every kind it lists them all.
    if (completed)
        completed->setChecked(true);
    c.timeline->setFocus();
    c.key(Qt::Key_End);
    c.key(Qt::Key_PageDown);
    c.key(Qt::Key_End);
    if (completed)
        completed->setChecked(false);
    QVERIFY(c.eventLoopAnswers());
    // The final filter: ORD-TH, every type.
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet() && c.rows->query().entityPrefix == QStringLiteral("ORD-TH")
            && c.rows->query().types.isEmpty() && c.rows->countState() == TimelineModel::CountState::Exact,
        qPrintable(QStringLiteral("busy: %1; prefix \"%2\", types \"%3\", %4 rows")
                       .arg(c.busy(), c.rows->query().entityPrefix, c.rows->query().types.join(u','))
                       .arg(c.rows->rowCount())),
        30000);
    auto expected = m_store->countHeaders(c.rows->query());
    QVERIFY(expected);
    QCOMPARE(qint64(c.rows->rowCount()), *expected);
    for (int r = 0; r < c.rows->rowCount(); ++r) {
        if (const SnapshotHeader *h = c.rows->headerAt(r))
            QVERIFY2(h->entityId.startsWith(QStringLiteral("ORD-TH")), qPrintable(h->entityId));
    }
    c.key(Qt::Key_Home);
    c.clickRow(0);
    QTRY_VERIFY(c.inspectorShows(c.rows->headerAt(0)->id));
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
}

// Ctrl+L to another store while a comparison, a text payload and the charts are being read.
void TestJourneys::switchStoresWithCtrlLWhileWorkRuns()
{
    const QString second = copyOfDemo(QStringLiteral("second.sqlite"));
    const int before = SnapshotStore::openCount(); // this test's own store
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    for (const QString &target : { second, m_db, second }) {
        QTRY_VERIFY(c.rows->headerAt(1));
        c.timeline->setFocus();
        c.clickRow(1);
        c.key(Qt::Key_D, Qt::ControlModifier); // may compare the row before: it is all the same to the user
        QTest::mouseClick(c.textToggle, Qt::LeftButton);
        c.clickTab(c.window.findChild<InventoryChartView *>());
        QVERIFY(switchWithCtrlL(c, target));
        // The store before closes once the work that held it is done: only the console's new one stays open.
        QTRY_COMPARE_WITH_TIMEOUT(SnapshotStore::openCount(), before + 1, 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000);
        QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));
        // The new store answers: its newest row in the inspector (still in text mode), compared with its previous.
        c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
        QTRY_VERIFY(c.rows->headerAt(0));
        c.clickRow(0);
        QTRY_VERIFY2_WITH_TIMEOUT(c.inspectorShows(c.rows->headerAt(0)->id),
            qPrintable(QStringLiteral("the inspector shows \"%1\" (%2)")
                           .arg(c.payloadPages->currentWidget()->objectName(), c.heading->text())),
            10000);
        QTest::mouseClick(c.textToggle, Qt::LeftButton); // back to the tree
        QTRY_COMPARE(c.payloadPages->currentWidget(), c.payload);
        const SnapshotHeader newest = *c.rows->headerAt(0);
        c.key(Qt::Key_D, Qt::ControlModifier);
        QString why;
        if (!newest.previousId.isEmpty())
            QVERIFY2(comparisonShown(c, newest.previousId, newest.id, &why), qPrintable(why));
    }
}

// Ctrl+L to another store while a cleanup of the first runs: the cleanup stops at its next batch (or completes), its
// result is not shown against the new store, the old store closes, and what it did to the old file is whole.
void TestJourneys::switchStoresWhileACleanupRuns()
{
    const QString first = copyOfDemo(QStringLiteral("cleaned.sqlite"));
    const QString second = copyOfDemo(QStringLiteral("other.sqlite"));
    const int before = SnapshotStore::openCount();
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(first)));
    auto *maintenance = c.window.findChild<MaintenanceView *>();
    c.clickTab(maintenance);
    RetentionPanel *panel = maintenance->retentionPanel();
    maintenance->setCurrentWidget(panel);
    panel->setKind(QStringLiteral("daily_inventory"));
    panel->findChild<QSpinBox *>(QStringLiteral("keepLast"))->setValue(1);
    auto *plan = panel->findChild<QPushButton *>(QStringLiteral("plan"));
    QTRY_VERIFY(plan->isEnabled());
    QSignalSpy previewed(panel, &RetentionPanel::previewShown);
    QTest::mouseClick(plan, Qt::LeftButton);
    QVERIFY(previewed.wait(60000));
    auto *dialog = previewed.first().first().value<QDialog *>();
    QSignalSpy cleaned(panel, &RetentionPanel::cleanedUp);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click(); // the cleanup starts
    QVERIFY(!plan->isEnabled()); // running
    QVERIFY(c.activateAgain()); // the preview is gone: the window has the keyboard again

    QVERIFY(switchWithCtrlL(c, second));
    // (A fast machine may finish the cleanup while the connection dialog is open: then it was reported before.)
    const qsizetype reportedBefore = cleaned.size();
    // The old store closes once the cleanup has stopped; nothing of it reaches the new store's panel.
    QTRY_COMPARE_WITH_TIMEOUT(SnapshotStore::openCount(), before + 1, 60000);
    QCoreApplication::sendPostedEvents();
    QCOMPARE(cleaned.size(), reportedBefore);
    QVERIFY2(!panel->findChild<QLabel *>(QStringLiteral("result"))->text().contains(QStringLiteral("Moved")),
        qPrintable(panel->findChild<QLabel *>(QStringLiteral("result"))->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000);
    QVERIFY2(c.mismatch().isEmpty(), qPrintable(c.mismatch()));

    // The old file: whatever the cleanup moved, it moved whole, and every row is live or in the trash.
    auto old = openSnapshotStore(ConnectionSpec::sqlite(first));
    QVERIFY(old);
    SnapshotQuery all;
    all.tenant = DemoTenant;
    all.kind = QStringLiteral("daily_inventory");
    all.trash = SnapshotQuery::Trash::Include;
    const qint64 total = *(*old)->countHeaders(all);
    all.trash = SnapshotQuery::Trash::Only;
    const qint64 trashed = *(*old)->countHeaders(all);
    all.trash = SnapshotQuery::Trash::Hide;
    QCOMPARE(*(*old)->countHeaders(all) + trashed, total);
    QVERIFY(trashed == 0 || trashed == total - 60); // all of the plan or none of it (one batch): 60 lines kept
    if (reportedBefore > 0)
        QCOMPARE(trashed, total - 60);
    const auto untouched = m_store->countHeaders(all); // the demo the copies were made of
    QCOMPARE(total, *untouched);
}

// Issue 23: a support person switches to the Singapore tenant, whose orders the order service snapshots every 10th
// event, looks up a short order (events alone), then browses a long one's DynamoDB item on the timeline.
void TestJourneys::otherTenantsCaseThenItsOrderService()
{
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db)));
    auto *tenants = c.window.findChild<QComboBox *>(QStringLiteral("tenantCombo"));
    QVERIFY(tenants);
    const int singapore = tenants->findData(QStringLiteral("lotus-sg"));
    QVERIFY(singapore >= 0);
    tenants->setFocus();
    tenants->setCurrentIndex(singapore);
    Q_EMIT tenants->activated(singapore);
    QTRY_VERIFY_WITH_TIMEOUT(c.isQuiet() && c.rows->headerAt(0) && c.rows->headerAt(0)->tenant == u"lotus-sg", 30000);

    // A short order: no snapshot of it, its events tell the case.
    QString shortOrder, longOrder;
    for (int n = 1; n <= 400 && (shortOrder.isEmpty() || longOrder.isEmpty()); ++n) {
        const QString id = QStringLiteral("ORD-SG-%1").arg(n, 6, 10, QLatin1Char('0'));
        auto versions = m_store->history().versions(QStringLiteral("lotus-sg"), QStringLiteral("order"), id);
        QVERIFY(versions);
        if (versions->isEmpty() && shortOrder.isEmpty()) {
            auto events = m_store->sources().eventRange(QStringLiteral("lotus-sg"), id);
            QVERIFY(events);
            if (events->count > 0)
                shortOrder = id;
        } else if (!versions->isEmpty() && longOrder.isEmpty())
            longOrder = id;
    }
    QVERIFY(!shortOrder.isEmpty());
    auto *cases = c.window.findChild<CaseView *>();
    QVERIFY(cases);
    c.clickTab(cases);
    QSignalSpy moment(cases, &CaseView::momentShown);
    auto *search = cases->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClicks(search, shortOrder);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!moment.isEmpty(), 30000);
    QVERIFY(moment.first().first().toBool());
    // The order panel shows the order its events build now (the cursor opens on the case's newest moment).
    auto now = StateReconstructor(*m_store).reconstruct(
        QStringLiteral("lotus-sg"), QStringLiteral("order"), shortOrder, {}, StateReconstructor::Method::FullReplay);
    QVERIFY(now);
    QVERIFY2(cases->orderText().contains(now->state.value(u"status").toString()), qPrintable(cases->orderText()));
    QVERIFY(c.eventLoopAnswers());

    // A long order: the order service's items on the timeline, the order in each one's state.
    QVERIFY(!longOrder.isEmpty());
    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.key(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(c.entityFilter->hasFocus());
    QTest::keyClicks(c.entityFilter, longOrder);
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->headerAt(0)
            && c.rows->headerAt(0)->entityId == longOrder,
        30000);
    c.clickRow(0);
    QTRY_VERIFY(c.inspectorShows(c.rows->headerAt(0)->id));
    QVERIFY(c.rows->headerAt(0)->eventSeq && *c.rows->headerAt(0)->eventSeq % 10 == 0);
    QStringList members;
    QTRY_VERIFY_WITH_TIMEOUT(c.payload->model() && c.payload->model()->rowCount() > 0, 10000);
    const QModelIndex document = c.payload->model()->index(0, 0);
    for (int r = 0; r < c.payload->model()->rowCount(document); ++r)
        members << c.payload->model()->index(r, 0, document).data().toString();
    QVERIFY2(members.contains(QStringLiteral("state")) && members.contains(QStringLiteral("lastEventSequence")),
        qPrintable(members.join(u',')));
    QVERIFY(c.eventLoopAnswers());
}

void TestJourneys::importThenBrowse()
{
    // Ctrl+I: an order service export whose items arrive out of order, imported into the tenant shown; the timeline
    // then lists them by their own versions, and the inspector shows the decoded state.
    const QString db = copyOfDemo(QStringLiteral("import.sqlite"));
    const QString exportFile = m_dir.filePath(QStringLiteral("orders-export.json"));
    {
        QFile file(exportFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const int version : { 3, 1, 2 })
            file.write(QStringLiteral(R"({"Item":{"orderId":{"S":"ORD-IMPORTED-1"},"version":{"N":"%1"},)"
                                      R"("state":{"S":"{\"id\":\"ORD-IMPORTED-1\",\"customerId\":\"C-9\",)"
                                      R"(\"status\":\"S%1\",\"totalAmount\":%1}"},"lastEventSequence":{"N":"%2"},)"
                                      R"("timestamp":{"N":"%3"}}})")
                           .arg(version)
                           .arg(version * 10)
                           .arg(1764547200000LL + version * 3600000LL)
                           .toUtf8()
                + '\n');
    }
    Console c;
    QVERIFY(c.open(ConnectionSpec::sqlite(db)));
    c.key(Qt::Key_I, Qt::ControlModifier);
    ImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = c.window.findChild<ImportDialog *>()) && dialog->isVisible());
    QSignalSpy previewed(dialog, &ImportDialog::previewed);
    dialog->addFiles({ exportFile });
    QTRY_VERIFY_WITH_TIMEOUT(previewed.count() >= 1 && dialog->previewModel()->rowCount() == 3, 10000);
    QCOMPARE(dialog->previewModel()->badCount(), 0);
    QSignalSpy imported(dialog, &ImportDialog::imported);
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
    QAbstractButton *import = nullptr;
    for (QAbstractButton *b : buttons->buttons()) {
        if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            import = b;
    }
    QVERIFY(import && import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(imported.wait(30000));
    QTRY_VERIFY2_WITH_TIMEOUT(c.isQuiet(), qPrintable(c.busy()), 30000); // the refresh that follows has run
    QTest::keyClick(dialog, Qt::Key_Escape); // Close
    QTRY_VERIFY(!c.window.findChild<ImportDialog *>());
    c.window.activateWindow();
    QTRY_VERIFY(QApplication::activeWindow() == &c.window);

    c.clickTab(c.window.findChild<QWidget *>(QStringLiteral("timelineTab")));
    c.key(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(c.entityFilter->hasFocus());
    QTest::keyClicks(c.entityFilter, QStringLiteral("ORD-IMPORTED-1"));
    QTRY_VERIFY_WITH_TIMEOUT(c.rows->countState() == TimelineModel::CountState::Exact && c.rows->rowCount() == 3
            && c.rows->headerAt(0) && c.rows->headerAt(0)->entityId == u"ORD-IMPORTED-1",
        30000);
    for (int row = 0; row < 3; ++row) // newest first: the source's versions 3, 2, 1
        QCOMPARE(c.rows->headerAt(row)->version, 3 - row);
    c.clickRow(0);
    QTRY_VERIFY(c.inspectorShows(c.rows->headerAt(0)->id));
    QTRY_VERIFY_WITH_TIMEOUT(c.payload->model() && c.payload->model()->rowCount() > 0, 10000);
    QVERIFY(c.eventLoopAnswers());
}

QTEST_MAIN(TestJourneys)
#include "tst_journeys.moc"
