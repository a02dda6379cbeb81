// The console connected to a shared store as each role (issue 26): it names the role, has no role switch, and enables
// what the role may do and nothing else, saying which role the rest needs.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include "auditlogpanel.h"
#include "caseview.h"
#include "common/accessfixture.h"
#include "common/guidriver.h"
#include "common/testsupport.h"
#include "integritypanel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "schedulespanel.h"
#include "snapshotinspector.h"
#include "sourcespanel.h"
#include "takesnapshotpanel.h"

using namespace AccessFixture;

class TestAccessConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void eachRole_data();
    void eachRole();
    void loginWithoutRole();
    void supportSession();
    void supportRevealsAtTheMoment();

private:
    // Opens the test store in `window` as `login`; whether its first rows were shown.
    bool openAs(MainWindow &window, const QString &login) const
    {
        ConnectionSpec spec = m_spec;
        spec.user = login;
        window.resize(1280, 720);
        window.show();
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.openStore(spec, false);
        return shown.wait(60000) && shown.at(0).at(0).toBool();
    }

    ConnectionSpec m_spec;
    ConnectionSpec m_dbaSpec;
};

void TestAccessConsole::initTestCase()
{
    SNAPSCOPE_REQUIRE_ACCESS_SERVER(m_spec, m_dbaSpec);
    const QString failed = AccessFixture::prepare(m_spec, m_dbaSpec);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestAccessConsole::cleanupTestCase()
{
    if (!m_dbaSpec.host.isEmpty())
        AccessFixture::release(m_spec, m_dbaSpec);
}

void TestAccessConsole::eachRole_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("charts");
    QTest::addColumn<bool>("cases");
    QTest::addColumn<bool>("adminPages"); // take snapshot, cleanup, trash, schedules, strategy, sources; import; kinds
    QTest::newRow("admin") << AdminLogin << QStringLiteral("admin") << true << true << true;
    QTest::newRow("analyst") << AnalystLogin << QStringLiteral("analyst") << true << false << false;
    QTest::newRow("support") << SupportLogin << QStringLiteral("support") << false << true << false;
}

void TestAccessConsole::eachRole()
{
    QFETCH(QString, login);
    QFETCH(QString, role);
    QFETCH(bool, charts);
    QFETCH(bool, cases);
    QFETCH(bool, adminPages);
    MainWindow window;
    QVERIFY(openAs(window, login));

    // The status bar names the role and the login; there is no switch of role.
    auto *roleLabel = window.findChild<QLabel *>(QStringLiteral("roleLabel"));
    QVERIFY(roleLabel && roleLabel->isVisible());
    QCOMPARE(roleLabel->text(), QStringLiteral("Role: %1 (%2)").arg(role, login));
    auto *roleSwitch = window.findChild<QAction *>(QStringLiteral("actionAdminRole"));
    QVERIFY(roleSwitch && !roleSwitch->isVisible());

    auto *views = window.findChild<QTabWidget *>(QStringLiteral("views"));
    QVERIFY(views);
    const auto tabEnabled = [&](const QString &text) -> std::optional<bool> {
        for (int i = 0; i < views->count(); ++i) {
            if (views->tabText(i) == text)
                return views->isTabEnabled(i);
        }
        return std::nullopt; // no such tab: the comparisons below fail
    };
    QCOMPARE(tabEnabled(QStringLiteral("Compare")), std::optional<bool>(true));
    QCOMPARE(tabEnabled(QStringLiteral("Inventory")), std::optional<bool>(charts));
    QCOMPARE(tabEnabled(QStringLiteral("Chat conversion")), std::optional<bool>(charts));
    QCOMPARE(tabEnabled(QStringLiteral("Cases")), std::optional<bool>(cases));
    QCOMPARE(tabEnabled(QStringLiteral("Maintenance")), std::optional<bool>(true));
    // A disabled tab says what it needs.
    for (int i = 0; i < views->count(); ++i) {
        if (!views->isTabEnabled(i))
            QVERIFY2(views->tabToolTip(i).contains(QStringLiteral("this login is %1").arg(role)),
                qPrintable(views->tabToolTip(i)));
    }
    auto *import = window.findChild<QAction *>(QStringLiteral("actionImport"));
    auto *kinds = window.findChild<QAction *>(QStringLiteral("actionKinds"));
    QCOMPARE(import->isEnabled(), adminPages);
    QCOMPARE(kinds->isEnabled(), adminPages);
    if (!adminPages)
        QVERIFY2(import->statusTip().contains(QStringLiteral("Needs the admin role")), qPrintable(import->statusTip()));

    auto *maintenance = window.findChild<MaintenanceView *>();
    QVERIFY(maintenance);
    // Every maintenance page but the audit log and the integrity scan is an admin's; the current page is one the role
    // may use.
    QCOMPARE(maintenance->count(), 8);
    for (int i = 0; i < maintenance->count(); ++i) {
        QWidget *page = maintenance->widget(i);
        const bool everyone = page == static_cast<QWidget *>(maintenance->auditPanel())
            || page == static_cast<QWidget *>(maintenance->integrityPanel());
        QVERIFY2(maintenance->isTabEnabled(i) == (everyone || adminPages), qPrintable(maintenance->tabText(i)));
    }
    QVERIFY(maintenance->isTabEnabled(maintenance->currentIndex()));
    QVERIFY(views->isTabEnabled(views->currentIndex()));
    // The timeline's own shortcuts to the admin's pages follow.
    auto *takeNow = window.findChild<QAction *>(QStringLiteral("actionTakeSnapshotNow"));
    auto *planCleanup = window.findChild<QAction *>(QStringLiteral("actionPlanCleanup"));
    QVERIFY(takeNow && planCleanup);
    QCOMPARE(takeNow->isEnabled(), adminPages);
    QCOMPARE(planCleanup->isEnabled(), adminPages);
    // Nothing it did was refused by the server.
    QVERIFY2(!window.statusBar()->currentMessage().contains(QStringLiteral("lacks the right")),
        qPrintable(window.statusBar()->currentMessage()));

    // The inspector's legal hold follows the role (support and admin may pin).
    auto *inspector = window.findChild<SnapshotInspector *>();
    QVERIFY(inspector);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->header().has_value(), 30000);
    auto *pin = inspector->findChild<QToolButton *>(QStringLiteral("pinButton"));
    QVERIFY(pin && pin->defaultAction());
    QTRY_COMPARE(pin->defaultAction()->isEnabled(), role != u"analyst");
}

void TestAccessConsole::loginWithoutRole()
{
    ConnectionSpec spec = m_spec;
    spec.user = NoRoleLogin;
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::dataShown);
    window.openStore(spec, false);
    QVERIFY(shown.wait(60000));
    QCOMPARE(shown.at(0).at(0).toBool(), false);
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY2(message->text().contains(QStringLiteral("has no SnapScope role")), qPrintable(message->text()));
}

// A support person's few minutes: moving through the tabs from the keyboard skips those the role may not use, and a
// legal hold placed from the inspector is on record under the login, whoever the client says it is.
void TestAccessConsole::supportSession()
{
    qputenv("SNAPSCOPE_ACTOR", "someone-else");
    MainWindow window;
    QVERIFY(openAs(window, SupportLogin));

    auto *views = window.findChild<QTabWidget *>(QStringLiteral("views"));
    const int start = views->currentIndex();
    QList<int> visited;
    for (int step = 0; step < views->count(); ++step) {
        QTest::keyClick(&window, Qt::Key_Tab, Qt::ControlModifier);
        QVERIFY2(views->isTabEnabled(views->currentIndex()), qPrintable(views->tabText(views->currentIndex())));
        visited << views->currentIndex();
        if (views->currentIndex() == start)
            break;
    }
    QCOMPARE(visited.constLast(), start); // round the enabled tabs and back
    QVERIFY(visited.size() < views->count()); // some were skipped

    auto *inspector = window.findChild<SnapshotInspector *>();
    QTRY_VERIFY_WITH_TIMEOUT(inspector->header().has_value(), 30000);
    const QString id = inspector->header()->id;
    auto *pin = inspector->findChild<QToolButton *>(QStringLiteral("pinButton"))->defaultAction();
    QTRY_VERIFY(pin->isEnabled());
    {
        GuiDriver::ModalCloser answer(GuiDriver::ModalCloser::Answer::Accept);
        pin->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(inspector->header() && inspector->header()->pinned, 30000);
    }
    QCOMPARE(
        TestSupport::scalar(m_spec,
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'pin' AND target = '%1' AND actor = '%2'")
                .arg(id, SupportLogin)),
        1);
    qunsetenv("SNAPSCOPE_ACTOR");
}

// The case view's Reveal on a shared store asks the server for the detail of the order snapshot the moment rests on:
// a moment resting on another snapshot shows it withheld until it is revealed there too, each reveal on record.
void TestAccessConsole::supportRevealsAtTheMoment()
{
    auto owner = openSnapshotStore(m_spec, {});
    QVERIFY(owner);
    auto orders = (*owner)->entities(Acme, QStringLiteral("order"), {}, 1000);
    QVERIFY(orders);
    QString orderId;
    QList<SnapshotHeader> versions;
    for (const EntitySummary &e : std::as_const(*orders)) {
        auto found = (*owner)->history().versions(Acme, QStringLiteral("order"), e.entityId);
        QVERIFY(found);
        if (found->size() >= 2 && found->first().takenAt < found->last().takenAt) {
            orderId = e.entityId;
            versions = *found;
            break;
        }
    }
    QVERIFY(!orderId.isEmpty());
    const auto phoneOf = [&](const QString &id) {
        auto loaded = (*owner)->load(id);
        return loaded
            ? QString::fromUtf8(loaded->payload).section(QStringLiteral("\"phone\":\""), 1).section(u'"', 0, 0)
            : QString();
    };
    const auto reveals = [&] {
        return TestSupport::scalar(m_spec,
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'pii.reveal' AND actor = '%1' "
                           "AND details->>'where' = 'case view'")
                .arg(SupportLogin));
    };
    const qint64 before = reveals();

    MainWindow window;
    QVERIFY(openAs(window, SupportLogin));
    auto *cases = window.findChild<CaseView *>();
    QVERIFY(cases);
    QSignalSpy shown(cases, &CaseView::momentShown);
    cases->search(orderId);
    QVERIFY(shown.wait(30000) && shown.last().first().toBool());
    QVERIFY(cases->moment() && !cases->moment()->orderSnapshot.isEmpty());
    const QString newest = cases->moment()->orderSnapshot;
    const QString newestPhone = phoneOf(newest);
    QCOMPARE(newestPhone.size(), 10);
    QVERIFY(!cases->titleText().contains(newestPhone));
    QVERIFY(cases->titleText().contains(QStringLiteral("[withheld]")));
    QAction *revealPhone = nullptr;
    for (QAction *action : cases->findChildren<QAction *>()) {
        if (action->text() == u"Reveal phone")
            revealPhone = action;
    }
    QVERIFY(revealPhone);
    revealPhone->trigger(); // the Reveal button's menu
    QTRY_VERIFY_WITH_TIMEOUT(cases->titleText().contains(newestPhone), 30000);
    QCOMPARE(reveals(), before + 1);

    // The first version's moment rests on the first snapshot: withheld there until revealed there.
    shown.clear();
    cases->setCursor(versions.first().takenAt);
    QVERIFY(shown.wait(30000) && shown.last().first().toBool());
    QCOMPARE(cases->moment()->orderSnapshot, versions.first().id);
    QVERIFY2(!cases->titleText().contains(newestPhone), qPrintable(cases->titleText()));
    QVERIFY(cases->titleText().contains(QStringLiteral("[withheld]")));
    revealPhone->trigger();
    const QString firstPhone = phoneOf(versions.first().id);
    QCOMPARE(firstPhone.size(), 10);
    QTRY_VERIFY_WITH_TIMEOUT(cases->titleText().contains(firstPhone), 30000);
    QCOMPARE(reveals(), before + 2);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestAccessConsole test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_accessconsole.moc"
