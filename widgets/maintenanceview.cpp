#include "maintenanceview.h"

#include "accessgate.h"
#include "auditlogpanel.h"
#include "integritypanel.h"
#include "retentionpanel.h"
#include "schedulespanel.h"
#include "sourcespanel.h"
#include "store/snapshotstore.h"
#include "strategypanel.h"
#include "takesnapshotpanel.h"
#include "trashpanel.h"

MaintenanceView::MaintenanceView(QWidget *parent)
    : QTabWidget(parent)
    , m_take(new TakeSnapshotPanel(this))
    , m_retention(new RetentionPanel(this))
    , m_trash(new TrashPanel(this))
    , m_schedules(new SchedulesPanel(this))
    , m_audit(new AuditLogPanel(this))
    , m_integrity(new IntegrityPanel(this))
    , m_strategy(new StrategyPanel(this))
    , m_sources(new SourcesPanel(this))
{
    setDocumentMode(true);
    addTab(m_take, tr("Take snapshot"));
    addTab(m_retention, tr("Retention && cleanup"));
    addTab(m_trash, tr("Trash"));
    addTab(m_schedules, tr("Schedules"));
    addTab(m_audit, tr("Audit log"));
    addTab(m_integrity, tr("Integrity"));
    addTab(m_strategy, tr("Snapshot strategy"));
    addTab(m_sources, tr("Sources"));
    const auto shows = [this](QWidget *page) {
        m_shown.insert(page);
        Q_EMIT pageShown(page);
    };
    connect(m_take, &TakeSnapshotPanel::shown, this, [shows, this] { shows(m_take); });
    connect(m_retention, &RetentionPanel::shown, this, [shows, this] { shows(m_retention); });
    connect(m_trash, &TrashPanel::shown, this, [shows, this] { shows(m_trash); });
    connect(m_schedules, &SchedulesPanel::shown, this, [shows, this] { shows(m_schedules); });
    connect(m_audit, &AuditLogPanel::shown, this, [shows, this] { shows(m_audit); });
    connect(m_strategy, &StrategyPanel::shown, this, [shows, this] { shows(m_strategy); });
    connect(m_sources, &SourcesPanel::shown, this, [shows, this] { shows(m_sources); });
    connect(m_sources, &SourcesPanel::synced, this, &MaintenanceView::snapshotsChanged);
    connect(m_take, &TakeSnapshotPanel::taken, this, &MaintenanceView::snapshotsChanged);
    connect(m_retention, &RetentionPanel::cleanedUp, this, [this] {
        m_trash->refresh();
        Q_EMIT snapshotsChanged();
    });
    connect(m_trash, &TrashPanel::changed, this, &MaintenanceView::snapshotsChanged);
    connect(m_schedules, &SchedulesPanel::ran, this, &MaintenanceView::snapshotsChanged);
    connect(m_integrity, &IntegrityPanel::corruptFound, this, &MaintenanceView::corruptFound);
    connect(m_strategy, &StrategyPanel::compacted, this, &MaintenanceView::snapshotsChanged);
    // The audit log and the trash are read when shown, so they are current after work on the other pages.
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (widget(index) == m_audit)
            m_audit->refresh();
        else if (widget(index) == m_trash)
            m_trash->refresh();
    });
}

void MaintenanceView::setTimeZone(const QTimeZone &zone)
{
    m_take->setTimeZone(zone);
    m_retention->setTimeZone(zone);
    m_trash->setTimeZone(zone);
    m_audit->setTimeZone(zone);
    m_sources->setTimeZone(zone);
}

void MaintenanceView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_shown = { m_integrity }; // the integrity scan reads nothing until it is started
    // A page the login's role may not use gets no store (it reads nothing the server would refuse) and is disabled
    // once every page has its store: disabling the current page moves to another, which must not refresh against
    // the store before.
    const Access::Role role = store ? store->access().session().role : Access::Role::Admin;
    const std::pair<QWidget *, Access::Action> pages[]
        = { { m_take, Access::Action::TakeSnapshot }, { m_retention, Access::Action::Cleanup },
              { m_trash, Access::Action::Cleanup }, { m_schedules, Access::Action::Schedules },
              { m_audit, Access::Action::Browse }, { m_integrity, Access::Action::Browse },
              { m_strategy, Access::Action::TakeSnapshot }, { m_sources, Access::Action::Sources } };
    const auto allowed = [&](QWidget *page) -> std::shared_ptr<SnapshotStore> {
        for (const auto &[gated, action] : pages) {
            if (gated == page)
                return Access::allows(role, action) ? store : nullptr;
        }
        return store;
    };
    m_take->setStore(allowed(m_take), tenant);
    m_retention->setStore(allowed(m_retention), tenant);
    m_trash->setStore(allowed(m_trash), tenant);
    m_schedules->setStore(allowed(m_schedules), tenant);
    m_audit->setStore(allowed(m_audit), tenant);
    m_integrity->setStore(allowed(m_integrity), tenant);
    m_strategy->setStore(allowed(m_strategy), tenant);
    m_sources->setStore(allowed(m_sources), tenant);
    for (const auto &[page, action] : pages)
        AccessGate::apply(this, page, role, action);
}
