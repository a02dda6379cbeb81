#include "timelinepage.h"
#include "ui_timelinepage.h"

#include <QAction>
#include <QPushButton>
#include <QShortcut>

#include <utility>

#include "filterbar.h"
#include "items/timelinemodel.h"
#include "snapshotinspector.h"
#include "store/snapshotstore.h"
#include "timelinestrip.h"
#include "timelinetable.h"

TimelinePage::TimelinePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TimelinePage>())
    , m_model(new TimelineModel(this))
{
    m_ui->setupUi(this);
    TimelineTable *table = m_ui->timelineTable;
    table->setTimelineModel(m_model);
    connect(m_model, &TimelineModel::firstPageShown, this, &TimelinePage::followFirstPage);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelinePage::showCurrentRow);
    // Rows whose page arrives after they became current are shown then.
    connect(m_model, &TimelineModel::pageLoaded, this, &TimelinePage::showCurrentRow);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { Q_EMIT pairSelectedChanged(m_ui->timelineTable->selectionModel()->selectedRows().size() == 2); });
    connect(table, &QTableView::doubleClicked, this, &TimelinePage::entityTimelineRequested);
    connect(table, &TimelineTable::takeSnapshotRequested, this, &TimelinePage::takeSnapshotRequested);
    connect(table, &TimelineTable::planCleanupRequested, this, &TimelinePage::planCleanupRequested);

    m_ui->entityBar->hide();
    connect(m_ui->allSnapshotsButton, &QPushButton::clicked, this, [this] { showEntity(QString(), QString()); });
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(leave, &QShortcut::activated, this, [this] {
        if (!m_entityId.isEmpty())
            showEntity(QString(), QString());
    });
    connect(m_ui->timelineStrip, &TimelineStrip::markerClicked, this, &TimelinePage::selectSnapshot);
    connect(m_ui->timelineStrip, &TimelineStrip::loadFailed, this, &TimelinePage::message);

    connect(m_ui->filterBar, &FilterBar::filtersChanged, this, &TimelinePage::applyFilters);
    connect(m_ui->filterBar, &FilterBar::tenantChanged, this, [this](const QString &tenant) {
        m_tenant = tenant;
        leaveEntity(); // an entity belongs to one tenant
        Q_EMIT tenantChanged(tenant);
    });
}

TimelinePage::~TimelinePage() = default;

void TimelinePage::setInspector(SnapshotInspector *inspector)
{
    if (m_inspector)
        disconnect(m_inspector, nullptr, this, nullptr);
    m_inspector = inspector;
    connect(inspector, &SnapshotInspector::snapshotShown, this, [this](const QString &id, bool verified) {
        m_model->setIntegrity(id, verified ? TimelineModel::Integrity::Verified : TimelineModel::Integrity::Corrupt);
        m_ui->timelineStrip->setSelectedId(id);
        finishFirstShow(true);
    });
    connect(inspector, &SnapshotInspector::pinnedChanged, m_model, &TimelineModel::setPinned);
    connect(inspector, &SnapshotInspector::failed, this, [this](const QString &text) {
        Q_EMIT message(text);
        finishFirstShow(true);
    });
    connect(inspector, &SnapshotInspector::versionFound, this, &TimelinePage::selectSnapshot);
}

FilterBar *TimelinePage::filterBar() const
{
    return m_ui->filterBar;
}

void TimelinePage::setTenants(const QList<Tenant> &tenants, const QString &current)
{
    m_ui->filterBar->setTenants(tenants, current);
}

QTimeZone TimelinePage::timeZone() const
{
    return m_ui->filterBar->timeZone();
}

bool TimelinePage::load(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    const QTimeZone zone = timeZone();
    m_ui->timelineStrip->setTimeZone(zone);
    SnapshotQuery query = m_ui->filterBar->applyTo(m_model->query()); // a refresh keeps the filters
    query.tenant = m_tenant;
    query.entityId = m_entityId;
    m_awaitingFirstRows = !m_tenant.isEmpty();
    if (const auto &shown = m_inspector ? m_inspector->header() : std::nullopt; shown && shown->tenant == m_tenant)
        m_keepInspected = shown->id; // a refresh (F5, after maintenance) keeps what is inspected
    m_model->setStore(m_store);
    m_model->setTimeZone(zone);
    m_model->setQuery(query); // one read: the model starts once both are set
    return m_awaitingFirstRows;
}

void TimelinePage::leaveEntity()
{
    m_entityKind.clear();
    m_entityId.clear();
    m_ui->entityBar->hide();
}

void TimelinePage::dropStore()
{
    m_store.reset();
}

void TimelinePage::followFirstPage()
{
    Q_EMIT firstPageArrived();
    if (!m_inspector)
        return;
    // The newest row is selected, so the inspector opens on it; the page counts as shown when both are there.
    const QString keep = std::exchange(m_keepInspected, QString());
    const bool refiltered = std::exchange(m_refiltered, false);
    if (std::exchange(m_selectNewest, false) && m_model->rowCount() > 0) {
        selectSnapshot(m_model->headerAt(0)->id); // an entity's timeline opens on its newest version
        return;
    }
    if (!keep.isEmpty() && m_model->rowOf(keep) >= 0) {
        // A refresh or new filters that still list the snapshot inspected: it stays, selected in its new row.
        selectSnapshot(keep);
        finishFirstShow(true);
        return;
    }
    const auto &inspected = m_inspector->header();
    if (refiltered && inspected && inspected->id == keep && m_model->query().matches(*inspected)) {
        finishFirstShow(true); // still listed, further down than the rows read so far: it stays
        return;
    }
    if (refiltered) {
        // The filters hide what the inspector showed: it follows the rows shown, not a snapshot no longer listed.
        if (m_model->rowCount() > 0) {
            selectSnapshot(m_model->headerAt(0)->id);
        } else {
            m_inspector->clear();
            finishFirstShow(true);
        }
        return;
    }
    if (!keep.isEmpty()) {
        // A refresh (after a cleanup, a purge, a snapshot taken): read the inspected snapshot again, so a trashed or
        // purged one says so instead of looking as it was.
        m_inspector->reload();
        finishFirstShow(true);
        return;
    }
    if (!m_awaitingFirstRows)
        return;
    if (m_model->rowCount() > 0 && !m_ui->timelineTable->selectionModel()->currentIndex().isValid())
        selectSnapshot(m_model->headerAt(0)->id);
    else
        finishFirstShow(true);
}

void TimelinePage::finishFirstShow(bool ok)
{
    if (std::exchange(m_awaitingFirstRows, false))
        Q_EMIT firstRowsShown(ok);
}

void TimelinePage::applyFilters()
{
    if (!m_store || m_tenant.isEmpty())
        return;
    m_refiltered = true;
    if (const auto &shown = m_inspector ? m_inspector->header() : std::nullopt)
        m_keepInspected = shown->id;
    SnapshotQuery query = m_ui->filterBar->applyTo(m_model->query());
    query.tenant = m_tenant;
    query.entityId = m_entityId;
    if (!m_entityId.isEmpty())
        query.kind = m_entityKind;
    m_model->setQuery(query);
}

void TimelinePage::showKind(const QString &kind)
{
    m_ui->filterBar->setKind(kind); // applies the filters when the kind changes
}

void TimelinePage::showEntity(const QString &kind, const QString &entityId)
{
    m_entityKind = kind;
    m_entityId = entityId;
    const bool entityMode = !entityId.isEmpty();
    m_ui->entityBar->setVisible(entityMode);
    if (entityMode) {
        m_ui->entityTitle->setText(tr("<b>%1</b> — every version of this entity").arg(entityId.toHtmlEscaped()));
        m_ui->filterBar->setKind(kind);
        m_selectNewest = m_model->sortOrder() == SortOrder::NewestFirst;
        SnapshotQuery versions;
        versions.tenant = m_tenant;
        versions.kind = kind;
        versions.entityId = entityId;
        m_ui->timelineStrip->load(m_store, versions);
    }
    applyFilters();
}

void TimelinePage::showPeriod(const QString &kind, const QDate &from, const QDate &to)
{
    showEntity(QString(), QString());
    m_ui->filterBar->setKind(kind);
    m_ui->filterBar->setCustomRange(QDateTime(from, QTime(0, 0)), QDateTime(to.addDays(1), QTime(0, 0)));
}

void TimelinePage::focusFilter()
{
    m_ui->filterBar->focusFilter();
}

void TimelinePage::showCurrentRow()
{
    if (!m_inspector)
        return;
    if (const SnapshotHeader *h = m_ui->timelineTable->currentHeader())
        m_inspector->showSnapshot(h->id);
}

void TimelinePage::selectSnapshot(const QString &id)
{
    if (!m_inspector)
        return;
    const int row = m_model->rowOf(id);
    if (row < 0) {
        // Not among the rows loaded (another filter or far away in the list): the inspector shows it alone.
        m_ui->timelineTable->selectionModel()->clear();
        m_inspector->showSnapshot(id);
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_ui->timelineTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->timelineTable->scrollTo(index);
    m_inspector->showSnapshot(id); // also when the row was current already
}

std::optional<std::pair<QString, QString>> TimelinePage::selectedPair() const
{
    const QModelIndexList rows = m_ui->timelineTable->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return std::nullopt;
    const SnapshotHeader *a = m_model->headerAt(rows.at(0).row());
    const SnapshotHeader *b = m_model->headerAt(rows.at(1).row());
    if (!a || !b)
        return std::nullopt;
    // The older one on the left: the changes read forward in time.
    const bool aFirst = a->takenAt != b->takenAt ? a->takenAt < b->takenAt : a->id < b->id;
    return aFirst ? std::pair { a->id, b->id } : std::pair { b->id, a->id };
}

void TimelinePage::addTableActions(const QList<QAction *> &actions)
{
    m_ui->timelineTable->insertActions(m_ui->timelineTable->actions().value(0), actions);
}

void TimelinePage::restoreLayout()
{
    m_ui->timelineTable->restoreLayout();
}

void TimelinePage::saveLayout() const
{
    m_ui->timelineTable->saveLayout();
}
