#include "mainwindow.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

#include "accessgate.h"
#include "caseview.h"
#include "chatchartview.h"
#include "compareview.h"
#include "connectiondialog.h"
#include "connectionsettings.h"
#include "importdialog.h"
#include "inventorychartview.h"
#include "items/entitylistmodel.h"
#include "items/jobtracker.h"
#include "items/kindstatsmodel.h"
#include "items/progresstask.h"
#include "items/timelinemodel.h"
#include "kinddefinitionsdialog.h"
#include "kindnavigator.h"
#include "maintenanceview.h"
#include "monthlyinventoryview.h"
#include "ops/demogenerator.h"
#include "retentionpanel.h"
#include "rolesetting.h"
#include "roleswitch.h"
#include "snapshotinspector.h"
#include "store/snapshotstore.h"
#include "takesnapshotpanel.h"
#include "taskprogress.h"
#include "timelinepage.h"
#include "uilanguage.h"

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_stats(new KindStatsModel(this))
    , m_sortedStats(new QSortFilterProxyModel(this))
    , m_navigator(new KindNavigator(this))
    , m_backendLabel(new QLabel(this))
    , m_tenantLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_inspector(new SnapshotInspector(this))
    , m_compare(new CompareView(this))
    , m_inventoryChart(new InventoryChartView(this))
    , m_monthlyInventory(new MonthlyInventoryView(this))
    , m_chatChart(new ChatChartView(this))
    , m_maintenance(new MaintenanceView(this))
    , m_cases(new CaseView(this))
    , m_entities(new EntityListModel(this))
    , m_demoTask(new ProgressTask(this))
    , m_demoProgress(new TaskProgress(this))
    , m_roles(new RoleSwitch(this))
    , m_roleLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);

    // The stats model is small and fully loaded, so a proxy may sort it.
    m_sortedStats->setSourceModel(m_stats);
    m_sortedStats->setSortRole(KindStatsModel::SortRole);
    m_ui->storageTable->setModel(m_sortedStats);
    m_ui->storageTable->sortByColumn(int(KindStatsModel::Column::Count), Qt::DescendingOrder);
    m_ui->storageTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->storageTable->verticalHeader()->hide();

    m_page = m_ui->timelineTab;
    m_page->setInspector(m_inspector);
    m_timeline = m_page->model();
    connect(m_timeline, &TimelineModel::countChanged, this, &MainWindow::updateCount);
    connect(m_timeline, &TimelineModel::countChanged, this, [this] {
        if (m_timeline->countState() == TimelineModel::CountState::Exact && std::exchange(m_statsPending, false))
            loadStats(false);
    });
    connect(m_timeline, &TimelineModel::loadFailed, this, [this] {
        if (std::exchange(m_statsPending, false))
            loadStats(false);
    });
    connect(m_timeline, &TimelineModel::pageLoaded, this, &MainWindow::updateCount);
    connect(m_timeline, &TimelineModel::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Reading the timeline failed: %1").arg(message));
    });
    // Before the page selects a row and inspects it (which may say the window is shown).
    connect(m_page, &TimelinePage::firstPageArrived, this, [this] {
        if (!m_chartRangeSet && m_timeline->rowCount() > 0 && m_timeline->query().kind.isEmpty()
            && m_timeline->sortOrder() == SortOrder::NewestFirst) {
            // The charts open on the last 90 business days of data, wherever the data ends.
            m_chartRangeSet = true;
            const QDate newest
                = QDateTime::fromMSecsSinceEpoch(m_timeline->headerAt(0)->takenAt, m_page->timeZone()).date();
            // A role without charts gives them no store: they read nothing the server would refuse.
            const auto charts
                = Access::allows(m_store->access().session().role, Access::Action::Charts) ? m_store : nullptr;
            m_inventoryChart->setStore(charts, m_tenant);
            m_inventoryChart->setRange(newest.addDays(-89), newest);
            m_monthlyInventory->setMonth(newest); // before the store: the report is read once
            m_monthlyInventory->setStore(charts, m_tenant);
            m_chatChart->setStore(charts, m_tenant);
            m_chatChart->setRange(newest.addDays(-89), newest);
        }
    });
    connect(m_page, &TimelinePage::firstRowsShown, this, &MainWindow::dataShown);
    connect(m_page, &TimelinePage::message, this, &MainWindow::showNote);

    auto *dock = new QDockWidget(tr("Navigator"), this);
    dock->setObjectName(QStringLiteral("navigatorDock"));
    dock->setWidget(m_navigator);
    m_navigator->setModel(m_sortedStats);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_ui->menuView->addAction(dock->toggleViewAction());

    connect(m_navigator, &KindNavigator::kindActivated, this, &MainWindow::showKind);
    m_navigator->setEntityModel(m_entities);
    connect(m_navigator, &KindNavigator::entityActivated, this, &MainWindow::showEntity);
    connect(m_ui->actionEntityTimeline, &QAction::triggered, this, [this] {
        if (const auto &shown = m_inspector->header())
            showEntity(shown->kind, shown->entityId);
    });
    connect(m_page, &TimelinePage::entityTimelineRequested, m_ui->actionEntityTimeline, &QAction::trigger);
    connect(m_page, &TimelinePage::tenantChanged, this, [this](const QString &tenant) {
        m_tenant = tenant;
        m_chartRangeSet = false; // the charts follow the tenant
        refresh();
    });
    connect(m_ui->actionFocusFilter, &QAction::triggered, this, [this] {
        m_ui->views->setCurrentWidget(m_page);
        m_page->focusFilter();
    });

    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    m_ui->menuView->addAction(inspectorDock->toggleViewAction());
    m_ui->views->addTab(m_compare, tr("Compare"));
    // The inventory: its trends, and the SAAN guide's monthly report.
    m_inventoryTabs = new QTabWidget(this);
    m_inventoryTabs->setObjectName(QStringLiteral("inventoryTabs"));
    m_inventoryTabs->setDocumentMode(true);
    m_inventoryTabs->addTab(m_inventoryChart, tr("Trends"));
    m_inventoryTabs->addTab(m_monthlyInventory, tr("Monthly report"));
    m_ui->views->addTab(m_inventoryTabs, tr("Inventory"));
    m_ui->views->addTab(m_chatChart, tr("Chat conversion"));
    m_ui->views->addTab(m_maintenance, tr("Maintenance"));
    m_ui->views->addTab(m_cases, tr("Cases"));
    // Every main tab from the keyboard: View → tab (Ctrl+1…7), and Ctrl+Tab / Ctrl+Shift+Tab from anywhere.
    QAction *firstViewAction = m_ui->menuView->actions().value(0);
    for (int i = 0; i < m_ui->views->count(); ++i) {
        auto *go = new QAction(m_ui->views->tabText(i), this);
        go->setObjectName(QStringLiteral("actionShowTab%1").arg(i + 1));
        go->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + i))));
        connect(go, &QAction::triggered, this, [this, i] { m_ui->views->setCurrentIndex(i); });
        m_ui->menuView->insertAction(firstViewAction, go);
        m_tabActions.append(go);
    }
    m_ui->menuView->insertSeparator(firstViewAction);
    for (const QKeySequence::StandardKey key : { QKeySequence::NextChild, QKeySequence::PreviousChild }) {
        auto *cycle = new QShortcut(key, this);
        connect(cycle, &QShortcut::activated, this, [this, step = key == QKeySequence::NextChild ? 1 : -1] {
            // To the next tab the role may use.
            const int count = m_ui->views->count();
            int next = m_ui->views->currentIndex();
            do
                next = (next + step + count) % count;
            while (!m_ui->views->isTabEnabled(next) && next != m_ui->views->currentIndex());
            m_ui->views->setCurrentIndex(next);
        });
    }
    connect(m_cases, &CaseView::compareRequested, this, &MainWindow::showComparison);
    connect(m_cases, &CaseView::snapshotSelected, m_inspector, &SnapshotInspector::showSnapshot);
    connect(m_cases, &CaseView::message, this, &MainWindow::showNote);
    connect(m_cases, &CaseView::holdChanged, this, [this](const QStringList &ids, bool pinned) {
        for (const QString &id : ids)
            m_timeline->setPinned(id, pinned);
    });
    // The support role masks customers' contact details; the setting is shared with snapscope-cli. Switching to the
    // admin role is confirmed and written to the audit log before anything is unmasked.
    m_ui->menuView->addAction(m_roles->action());
    connect(m_roles, &RoleSwitch::roleChanged, this, [this](Access::Role role) {
        m_inspector->setRole(role);
        m_compare->setRole(role);
        m_cases->setRole(role);
    });
    connect(m_roles, &RoleSwitch::message, this, &MainWindow::showNote);
    UiLanguage::addMenu(m_ui->menuView, this);
    m_roles->setWanted(RoleSetting::read());
    connect(m_maintenance, &MaintenanceView::snapshotsChanged, this, &MainWindow::refresh);
    connect(m_maintenance, &MaintenanceView::corruptFound, this,
        [this](const QString &id) { m_timeline->setIntegrity(id, TimelineModel::Integrity::Corrupt); });
    m_page->addTableActions({ m_ui->actionCompareSelected, m_ui->actionCompareWithPrevious });
    connect(m_page, &TimelinePage::takeSnapshotRequested, this, [this](const SnapshotHeader &h) {
        m_maintenance->takePanel()->prepare(h.kind, h.kind == u"daily_inventory" ? QString() : h.entityId);
        m_maintenance->setCurrentWidget(m_maintenance->takePanel());
        m_ui->views->setCurrentWidget(m_maintenance);
    });
    connect(m_page, &TimelinePage::planCleanupRequested, this, [this](const QString &kind) {
        m_maintenance->retentionPanel()->setKind(kind);
        m_maintenance->setCurrentWidget(m_maintenance->retentionPanel());
        m_ui->views->setCurrentWidget(m_maintenance);
    });
    connect(m_inventoryChart, &InventoryChartView::periodActivated, this,
        [this](const QDate &from, const QDate &to) { showPeriod(QStringLiteral("daily_inventory"), from, to); });
    connect(m_chatChart, &ChatChartView::periodActivated, this,
        [this](const QDate &from, const QDate &to) { showPeriod(QStringLiteral("chat"), from, to); });
    connect(m_ui->actionCompareSelected, &QAction::triggered, this, &MainWindow::compareSelected);
    connect(m_ui->actionCompareWithPrevious, &QAction::triggered, this, &MainWindow::compareWithPrevious);
    connect(m_inspector, &SnapshotInspector::compareWithPreviousRequested, this, &MainWindow::compareWithPrevious);
    connect(m_page, &TimelinePage::pairSelectedChanged, m_ui->actionCompareSelected, &QAction::setEnabled);
    connect(m_compare, &CompareView::compared, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? tr("Compared: %1").arg(message) : message, 10000);
    });
    connect(m_ui->actionOlderVersion, &QAction::triggered, m_inspector, [this] { m_inspector->stepVersion(true); });
    connect(m_ui->actionNewerVersion, &QAction::triggered, m_inspector, [this] { m_inspector->stepVersion(false); });
    connect(m_inspector, &SnapshotInspector::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    m_demoProgress->attach(m_demoTask);
    m_demoProgress->setMaximumWidth(420);
    statusBar()->addPermanentWidget(m_demoProgress);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_tenantLabel);
    m_roleLabel->setObjectName(QStringLiteral("roleLabel"));
    statusBar()->addPermanentWidget(m_roleLabel);
    m_roleLabel->hide();

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionConnect, &QAction::triggered, this, &MainWindow::connectDialog);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->actionImport, &QAction::triggered, this, &MainWindow::importDialog);
    connect(m_ui->actionKinds, &QAction::triggered, this, [this] {
        auto *dialog = new KindDefinitionsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->select(m_timeline->query().kind); // the kind filtered on, if any
        dialog->open();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About SnapScope"),
            tr("<b>SnapScope %1</b><p>A console for business snapshots on SQLite and PostgreSQL.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });

    QSettings settings;
    m_page->restoreLayout();
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        resize(1500, 900); // first start: room for the navigator, the timeline and the inspector
        // Once laid out: before that the central widget's minimum squeezes the docks.
        QTimer::singleShot(0, this, [=, this] { resizeDocks({ dock, inspectorDock }, { 240, 400 }, Qt::Horizontal); });
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

ImportDialog *MainWindow::importDialog()
{
    if (!m_store)
        return nullptr;
    if (m_store->isReadOnly()) {
        QMessageBox::warning(this, tr("Import Snapshots"),
            tr("%1 is open read-only: nothing can be imported into it.").arg(m_spec.displayName()));
        return nullptr;
    }
    auto *dialog = new ImportDialog(m_store, m_tenant, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &MainWindow::refresh);
    dialog->open();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    m_page->saveLayout();
    event->accept();
}

void MainWindow::openStore(const ConnectionSpec &spec, bool createIfMissing)
{
    m_spec = spec;
    m_store.reset();
    m_ui->messageLabel->setText(tr("Opening %1…").arg(spec.displayName()));
    m_ui->messageLabel->show();
    updateStatus();
    // What was on its way for the store before is dropped (its jobs keep it open until they are done; it closes
    // off the GUI thread).
    m_refreshJobs->clear();
    m_statsJobs->clear();
    m_roles->dropPending();
    m_page->dropStore();
    OpenOptions options;
    options.createIfMissing = createIfMissing;
    // Opening connects and migrates: never on the GUI thread. A newer open supersedes this one.
    m_openJobs->startOn(
        QThreadPool::globalInstance(), [spec, options] { return openSharedSnapshotStore(spec, options); },
        [this, spec](const Result<std::shared_ptr<SnapshotStore>> &opened) {
            if (!opened) {
                showError(opened.error().message);
                Q_EMIT dataShown(false);
                return;
            }
            useStore(spec, *opened);
        });
}

void MainWindow::useStore(const ConnectionSpec &spec, std::shared_ptr<SnapshotStore> store)
{
    // The store chosen last wins: an open still on its way (a slow server, the first start's demo) is dropped.
    m_openJobs->clear();
    m_demoTask->abandon();
    m_spec = spec;
    m_store = std::move(store);
    m_statsShown = false;
    m_statsAnswered = false;
    ConnectionSettings::remember(spec);
    m_page->leaveEntity();
    m_inspector->setStore(m_store);
    m_compare->setStore(m_store);
    m_chartRangeSet = false;
    m_entities->setStore(m_store);
    m_roles->setStore(m_store, spec.displayName());
    applyAccess();
    m_ui->messageLabel->setText(tr("Reading %1…").arg(spec.displayName()));
    updateStatus();
    refresh();
}

void MainWindow::connectDialog()
{
    ConnectionDialog dialog(this);
    dialog.setRecent(ConnectionSettings::recent());
    dialog.setSpec(m_spec);
    if (dialog.exec() != QDialog::Accepted)
        return;
    useStore(dialog.spec(), dialog.takeStore());
}

void MainWindow::openDefault()
{
    if (const std::optional<ConnectionSpec> last = ConnectionSettings::last()) {
        openStore(*last, false);
        return;
    }
    openDemo();
}

void MainWindow::openDemo()
{
    const QString path = ConnectionSpec::defaultSqlitePath();
    if (QFileInfo::exists(path)) {
        openStore(ConnectionSpec::sqlite(path), false);
        return;
    }
    // First start: the demo database is made (about 28,000 snapshots, a few seconds) with progress and Cancel.
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_ui->messageLabel->setText(tr("Creating the demo database %1…").arg(path));
    m_demoTask->startOn(
        QThreadPool::globalInstance(), tr("Demo data…"),
        [path](ProgressTask::Control &control) {
            DemoOptions options;
            options.endAt = QDateTime::currentMSecsSinceEpoch(); // its newest day is today
            return createDemoSqliteFile(path, options, [&control](qint64 done, qint64 total, const QString &phase) {
                control.report(done, total, tr("Demo data: %1").arg(phase));
                return !control.isCancelled();
            });
        },
        [this, path](const Result<DemoReport> &made) {
            if (!made) {
                showError(made.error().message);
                Q_EMIT dataShown(false);
                return;
            }
            openStore(ConnectionSpec::sqlite(path), false);
        });
}

void MainWindow::refresh()
{
    if (!m_store)
        return;
    // Tenants first (one small table), so the timeline starts at once; the counts follow in the background.
    m_statsJobs->clear();
    m_refreshJobs->start(
        m_store,
        [wanted = m_tenant](SnapshotStore &store) -> Result<std::pair<QList<Tenant>, Tenant>> {
            auto tenants = store.tenants();
            if (!tenants)
                return tenants.error();
            Tenant chosen; // the tenant shown before, if the database still has it; else the first
            for (const Tenant &t : std::as_const(*tenants)) {
                if (chosen.id.isEmpty() || t.id == wanted)
                    chosen = t;
            }
            return std::pair { *tenants, chosen };
        },
        [this](const Result<std::pair<QList<Tenant>, Tenant>> &loaded) {
            if (!loaded) {
                showError(loaded.error().message);
                Q_EMIT dataShown(false);
                return;
            }
            const auto &[tenants, tenant] = *loaded;
            m_tenantCount = int(tenants.size());
            m_tenant = tenant.id;
            m_roles->setTenant(m_tenant);
            m_page->setTenants(tenants, m_tenant);
            m_navigator->setTenant(m_tenant);
            // One rule for every time on screen: the tenant's business zone, named where the times are.
            const QTimeZone zone = m_page->timeZone();
            m_entities->setTimeZone(zone);
            m_maintenance->setTimeZone(zone);
            // Both compared and both remembered: with || the tenant was left unremembered on the first read, so the
            // next refresh (after a snapshot was taken) reset every maintenance page and wiped its result.
            const bool otherStore = std::exchange(m_maintenanceStore, m_store.get()) != m_store.get();
            const bool otherTenant = std::exchange(m_maintenanceTenant, m_tenant) != m_tenant;
            if (otherStore || otherTenant) {
                m_maintenance->setStore(m_store, m_tenant);
                m_cases->setStore(
                    Access::allows(m_store->access().session().role, Access::Action::Cases) ? m_store : nullptr,
                    tenant); // with its currency
            }
            updateStatus();
            m_inspector->setTimeZone(zone);
            m_compare->setTimeZone(zone);
            // The window counts as shown once the timeline's first rows (and the newest snapshot) are there.
            if (!m_page->load(m_store, m_tenant)) {
                m_ui->messageLabel->setText(tr("%1 holds no tenants yet.").arg(m_spec.displayName()));
                if (!std::exchange(m_statsAnswered, true))
                    Q_EMIT countsShown(); // there is nothing to count
                Q_EMIT dataShown(true);
                return;
            }
            // The counts wait for the timeline's own count: on two workers they would delay it.
            m_statsPending = true;
        });
}

void MainWindow::loadStats(bool withSizes)
{
    // Another store or tenant supersedes them (refresh() clears this tracker).
    m_statsJobs->start(
        m_store,
        [tenant = m_tenant, withSizes](
            SnapshotStore &store) { return withSizes ? store.kindStats(tenant) : store.kindCounts(tenant); },
        [this, withSizes](const Result<QList<KindStats>> &stats) {
            if (!stats) {
                statusBar()->showMessage(stats.error().message, 10000);
                if (!std::exchange(m_statsAnswered, true))
                    Q_EMIT countsShown(); // what could be read is shown, and the reason for the rest
                return;
            }
            m_statsAnswered = true;
            m_stats->setStats(*stats);
            m_ui->storageTable->resizeColumnsToContents();
            m_ui->storageTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
            if (!std::exchange(m_statsShown, true))
                Q_EMIT countsShown();
            updateHeadline();
            if (!withSizes)
                loadStats(true); // the sizes read every row: seconds on millions, so they come last
        },
        JobTracker::Mode::Supersede, JobTracker::Pool::Background); // scans nobody waits on
}

void MainWindow::showKind(const QString &kind)
{
    m_page->showKind(kind);
    m_ui->views->setCurrentWidget(m_page);
}

void MainWindow::showEntity(const QString &kind, const QString &entityId)
{
    m_ui->views->setCurrentWidget(m_page);
    m_page->showEntity(kind, entityId);
}

void MainWindow::openEntity(const QString &kind, const QString &entityId, bool stateAt)
{
    showEntity(kind, entityId);
    if (stateAt)
        m_inspector->showStateTab();
}

void MainWindow::compareSelected()
{
    if (const auto pair = m_page->selectedPair())
        showComparison(pair->first, pair->second);
}

void MainWindow::compareWithPrevious()
{
    if (const auto pair = m_page->selectedPair()) {
        showComparison(pair->first, pair->second);
        return;
    }
    const std::optional<SnapshotHeader> &shown = m_inspector->header();
    if (!shown) {
        statusBar()->showMessage(tr("Select a snapshot first."), 5000);
        return;
    }
    if (shown->previousId.isEmpty()) {
        statusBar()->showMessage(tr("%1 v%2 is the first version: there is nothing before it to compare with.")
                                     .arg(shown->entityId)
                                     .arg(shown->version),
            5000);
        return;
    }
    showComparison(shown->previousId, shown->id);
}

void MainWindow::showPeriod(const QString &kind, const QDate &from, const QDate &to)
{
    m_page->showPeriod(kind, from, to);
    m_ui->views->setCurrentWidget(m_page);
}

void MainWindow::setRole(Access::Role role)
{
    m_roles->setWanted(role);
}

Access::Role MainWindow::role() const
{
    return m_roles->role();
}

void MainWindow::showComparison(const QString &leftId, const QString &rightId)
{
    m_ui->views->setCurrentWidget(m_compare);
    m_compare->compare(leftId, rightId);
}

void MainWindow::updateHeadline()
{
    if (!m_statsShown)
        return;
    // The headline says what the table lists: all of the tenant's snapshots, or how many of them the filters keep.
    const QLocale locale;
    const qint64 total = m_stats->totalSnapshots();
    const SnapshotQuery &q = m_timeline->query();
    const bool filtered = !q.kind.isEmpty() || !q.types.isEmpty() || q.takenAt.from || q.takenAt.to
        || !q.createdBy.isEmpty() || !q.entityPrefix.isEmpty() || !q.entityId.isEmpty();
    if (filtered && m_timeline->countState() == TimelineModel::CountState::Exact)
        m_ui->messageLabel->setText(
            tr("%1 of %2 snapshots in %3 match the filters")
                .arg(locale.toString(m_timeline->rowCount()), locale.toString(total), m_spec.displayName()));
    else if (filtered)
        m_ui->messageLabel->setText(tr("Counting the snapshots that match the filters, of %1 in %2…")
                                        .arg(locale.toString(total), m_spec.displayName()));
    else
        m_ui->messageLabel->setText(tr("%1 snapshots in %2").arg(locale.toString(total), m_spec.displayName()));
}

void MainWindow::updateCount()
{
    updateHeadline();
    const QLocale locale;
    if (m_timeline->countState() == TimelineModel::CountState::Exact)
        m_countLabel->setText(tr("%1 snapshots").arg(locale.toString(m_timeline->rowCount())));
    else if (m_timeline->rowCount() > 0)
        m_countLabel->setText(tr("%1+ snapshots (counting…)").arg(locale.toString(m_timeline->rowCount())));
    else
        m_countLabel->clear();
}

void MainWindow::showNote(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

void MainWindow::showError(const QString &message)
{
    m_ui->messageLabel->setText(tr("<b>Cannot open the database.</b> %1").arg(message.toHtmlEscaped()));
    statusBar()->showMessage(message);
}

void MainWindow::applyAccess()
{
    const SessionAccess session = m_store ? m_store->access().session() : SessionAccess {};
    AccessGate::apply(m_ui->views, m_inventoryTabs, session.role, Access::Action::Charts);
    AccessGate::apply(m_ui->views, m_chatChart, session.role, Access::Action::Charts);
    AccessGate::apply(m_ui->views, m_cases, session.role, Access::Action::Cases);
    for (int i = 0; i < m_tabActions.size(); ++i)
        m_tabActions.at(i)->setEnabled(m_ui->views->isTabEnabled(i));
    AccessGate::apply(m_ui->actionImport, session.role, Access::Action::Ingest);
    AccessGate::apply(m_ui->actionKinds, session.role, Access::Action::Kinds);
    if (auto *takeNow = m_page->findChild<QAction *>(QStringLiteral("actionTakeSnapshotNow")))
        AccessGate::apply(takeNow, session.role, Access::Action::TakeSnapshot);
    if (auto *planCleanup = m_page->findChild<QAction *>(QStringLiteral("actionPlanCleanup")))
        AccessGate::apply(planCleanup, session.role, Access::Action::Cleanup);
    // A shared store's role is the server's: said in the status bar. A local file's owner is its admin.
    m_roleLabel->setVisible(session.enforced);
    m_roleLabel->setText(tr("Role: %1 (%2)").arg(AccessGate::roleText(session.role), session.login));
    m_roleLabel->setToolTip(session.owner ? tr("This login owns SnapScope's tables: it may do everything.")
                                          : tr("The database server grants this login the %1 role; what it may not "
                                               "do is disabled.")
                                                .arg(AccessGate::roleText(session.role)));
}

void MainWindow::updateStatus()
{
    // A store whose file or folder is not writable opens read-only; the status bar says so for as long as it is open.
    m_backendLabel->setText(
        m_store && m_store->isReadOnly() ? tr("%1 (read-only)").arg(m_spec.displayName()) : m_spec.displayName());
    m_tenantLabel->setText(m_tenant.isEmpty() ? QString()
            : m_tenantCount > 1               ? tr("Tenant: %1 (of %2)").arg(m_tenant).arg(m_tenantCount)
                                              : tr("Tenant: %1").arg(m_tenant));
    setWindowTitle(m_spec.displayName()); // the platform adds " — SnapScope" (the application's display name)
}
