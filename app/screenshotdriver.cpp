#include "screenshotdriver.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

#include "caseview.h"
#include "chatchartview.h"
#include "inventorychartview.h"
#include "items/casehitmodel.h"
#include "items/timelinemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "pointintimepanel.h"
#include "snapshotinspector.h"

const QStringList &ScreenshotDriver::maintenancePages()
{
    // In the order of the maintenance view's tabs.
    static const QStringList pages { QStringLiteral("snapshot"), QStringLiteral("cleanup"), QStringLiteral("trash"),
        QStringLiteral("schedules"), QStringLiteral("audit"), QStringLiteral("integrity"), QStringLiteral("strategy"),
        QStringLiteral("sources") };
    return pages;
}

ScreenshotDriver::ScreenshotDriver(MainWindow &window, Request request, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_request(std::move(request))
{
    connect(&m_window, &MainWindow::dataShown, this, &ScreenshotDriver::dataShown);
}

void ScreenshotDriver::dataShown(bool ok)
{
    if (std::exchange(m_started, true))
        return; // later refreshes are the user's
    const bool shoot = !m_request.screenshot.isEmpty();
    auto *views = m_window.findChild<QTabWidget *>(QStringLiteral("views"));
    const QString &view = m_request.view;
    // A view the login's role may not use is disabled and never fills: said, and the window grabbed as it is.
    const auto refused = [&](QTabWidget *tabs, QWidget *page) {
        const int index = tabs->indexOf(page);
        if (!ok || index < 0 || tabs->isTabEnabled(index))
            return false;
        std::fprintf(stderr, "snapscope: error: --%s: %s\n", m_request.caseText.isEmpty() ? "view" : "case",
            qPrintable(tabs->tabToolTip(index)));
        if (shoot)
            grab(false);
        return true;
    };
    if (ok && !m_request.caseText.isEmpty()) {
        // The case the search finds (the first when there are several), at its last snapshot, then the grab.
        auto *cases = m_window.findChild<CaseView *>();
        if (refused(views, cases))
            return;
        views->setCurrentWidget(cases);
        connect(cases, &CaseView::searched, this, [this, cases, shoot](int hits) {
            if (hits > 1)
                cases->openCase(cases->hitModel()->hits().first().orderId);
            else if (hits <= 0 && shoot)
                grab(false);
        });
        if (shoot) {
            connect(cases, &CaseView::momentShown, this, &ScreenshotDriver::grab, Qt::SingleShotConnection);
            connect(cases, &CaseView::caseOpened, this, [this](bool opened) {
                if (!opened)
                    grab(false); // the case could not be assembled: its reason is on screen
            });
        }
        cases->search(m_request.caseText);
        return;
    }
    if (ok && !m_request.entityId.isEmpty()) {
        // The entity's newest version in the inspector (and its state, with --view state), then the grab.
        auto *inspector = m_window.findChild<SnapshotInspector *>();
        if (shoot) {
            if (view == u"state")
                connect(inspector->stateAtPanel(), &PointInTimePanel::shown, this, &ScreenshotDriver::grab,
                    Qt::SingleShotConnection);
            else
                connect(
                    inspector, &SnapshotInspector::snapshotShown, this, [this] { grab(true); },
                    Qt::SingleShotConnection);
            // A snapshot that cannot be read shows why: that is grabbed, as a failure.
            connect(
                inspector, &SnapshotInspector::failed, this, [this] { grab(false); }, Qt::SingleShotConnection);
        }
        m_window.openEntity(m_request.entityKind, m_request.entityId, view == u"state");
        // An entity without snapshots shows an empty timeline and no snapshot: that is what is grabbed, as a failure.
        auto *table = m_window.findChild<QAbstractItemView *>(QStringLiteral("timelineTable"));
        if (auto *rows = table ? qobject_cast<TimelineModel *>(table->model()) : nullptr; rows && shoot)
            connect(rows, &TimelineModel::firstPageShown, this, [this, rows] {
                if (rows->rowCount() == 0 && rows->query().entityId == m_request.entityId) {
                    std::fprintf(stderr, "snapscope: error: no snapshots of %s %s\n", qPrintable(m_request.entityKind),
                        qPrintable(m_request.entityId));
                    grab(false);
                }
            });
        return;
    }
    // A chart is grabbed once its series are drawn, a maintenance page once its rows are there.
    if (view == u"inventory" || view == u"chat") {
        QWidget *chart = view == u"inventory" ? static_cast<QWidget *>(m_window.findChild<InventoryChartView *>())
                                              : m_window.findChild<ChatChartView *>();
        if (refused(views,
                view == u"inventory" ? m_window.findChild<QTabWidget *>(QStringLiteral("inventoryTabs")) : chart))
            return;
        views->setCurrentWidget(chart);
        if (!shoot)
            return;
        auto *inventory = qobject_cast<InventoryChartView *>(chart);
        auto *chat = qobject_cast<ChatChartView *>(chart);
        const int points = inventory ? inventory->pointCount() : chat->pointCount();
        if (!ok || points > 0)
            grab(ok);
        else if (inventory)
            connect(
                inventory, &InventoryChartView::loaded, this, [this] { grab(true); }, Qt::SingleShotConnection);
        else
            connect(
                chat, &ChatChartView::loaded, this, [this] { grab(true); }, Qt::SingleShotConnection);
        return;
    }
    if (const qsizetype page = maintenancePages().indexOf(view); page >= 0) {
        auto *maintenance = m_window.findChild<MaintenanceView *>();
        if (refused(maintenance, maintenance->widget(int(page))))
            return;
        maintenance->setCurrentIndex(int(page));
        views->setCurrentWidget(maintenance);
        QWidget *shown = maintenance->currentWidget();
        if (!shoot)
            return;
        if (!ok || maintenance->isPageShown(shown))
            grab(ok);
        else
            connect(maintenance, &MaintenanceView::pageShown, this, [this, shown](QWidget *ready) {
                if (ready == shown)
                    grab(true);
            });
        return;
    }
    if (shoot)
        grab(ok);
}

void ScreenshotDriver::grab(bool ok)
{
    if (ok && !m_window.areCountsAnswered()) {
        // The navigator's counts come after the first rows: the picture waits for them too.
        connect(
            &m_window, &MainWindow::countsShown, this, [this] { grab(true); }, Qt::SingleShotConnection);
        return;
    }
    // Queued behind the layout requests the last change posted, so the grab shows the laid-out window.
    QTimer::singleShot(0, this, [this, ok] {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (!m_window.grab().save(m_request.screenshot, "PNG")) {
            std::fprintf(stderr, "snapscope: error: cannot write %s\n", qPrintable(m_request.screenshot));
            Q_EMIT finished(1);
            return;
        }
        Q_EMIT finished(ok ? 0 : 1);
    });
}
