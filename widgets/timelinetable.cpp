#include "timelinetable.h"

#include <QAction>
#include <QHeaderView>
#include <QPainter>
#include <QSettings>

#include "items/timelinemodel.h"

namespace {
const QString layoutKey = QStringLiteral("timeline/header");
}

TimelineTable::TimelineTable(QWidget *parent)
    : QTableView(parent)
{
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setSortIndicatorShown(true);

    auto *takeNow = new QAction(tr("Take snapshot of this entity now…"), this);
    auto *planCleanup = new QAction(tr("Plan a cleanup of this kind…"), this);
    // Named for the window, which enables them by the login's role.
    takeNow->setObjectName(QStringLiteral("actionTakeSnapshotNow"));
    planCleanup->setObjectName(QStringLiteral("actionPlanCleanup"));
    addActions({ takeNow, planCleanup });
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(takeNow, &QAction::triggered, this, [this] {
        if (const SnapshotHeader *h = currentHeader())
            Q_EMIT takeSnapshotRequested(*h);
    });
    connect(planCleanup, &QAction::triggered, this, [this] {
        if (const SnapshotHeader *h = currentHeader())
            Q_EMIT planCleanupRequested(h->kind);
    });
}

void TimelineTable::setTimelineModel(TimelineModel *model)
{
    m_timeline = model;
    setModel(model);
    using Column = TimelineModel::Column;
    horizontalHeader()->setSortIndicator(int(Column::TakenAt), Qt::DescendingOrder);
    setColumnWidth(int(Column::TakenAt), 150);
    setColumnWidth(int(Column::Entity), 170);
    setColumnWidth(int(Column::Version), 60);
    setColumnWidth(int(Column::Summary), 320);
    setColumnWidth(int(Column::Size), 170);
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        if (column != int(Column::TakenAt)) {
            // Only time orders the timeline; keep the indicator where the order is.
            const bool newest = m_timeline->sortOrder() == SortOrder::NewestFirst;
            horizontalHeader()->setSortIndicator(
                int(Column::TakenAt), newest ? Qt::DescendingOrder : Qt::AscendingOrder);
            return;
        }
        m_timeline->sort(column, order);
    });
    connect(model, &TimelineModel::emptyTextChanged, viewport(), qOverload<>(&QWidget::update));
    // The Taken at header names the zone ("Taken at (America/Argentina/Buenos_Aires)"): keep it readable.
    const auto fitTakenAt = [this] {
        const int needed = horizontalHeader()->sectionSizeHint(int(Column::TakenAt));
        if (columnWidth(int(Column::TakenAt)) < needed)
            setColumnWidth(int(Column::TakenAt), needed);
    };
    connect(model, &QAbstractItemModel::headerDataChanged, this, fitTakenAt);
    fitTakenAt();
}

QString TimelineTable::placeholderText() const
{
    return m_timeline && m_timeline->rowCount() == 0 ? m_timeline->emptyText() : QString();
}

void TimelineTable::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    const QString text = placeholderText();
    if (text.isEmpty())
        return;
    // Where the rows would be, so an empty table never looks like one still loading or broken.
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
}

const SnapshotHeader *TimelineTable::currentHeader() const
{
    const QModelIndex current = selectionModel() ? selectionModel()->currentIndex() : QModelIndex();
    return m_timeline && current.isValid() ? m_timeline->headerAt(current.row()) : nullptr;
}

void TimelineTable::restoreLayout()
{
    horizontalHeader()->restoreState(QSettings().value(layoutKey).toByteArray());
}

void TimelineTable::saveLayout() const
{
    QSettings().setValue(layoutKey, horizontalHeader()->saveState());
}
