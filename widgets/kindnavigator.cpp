#include "kindnavigator.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

#include "items/kindstatsmodel.h"

KindNavigator::KindNavigator(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    connect(m_view, &QTreeView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT kindActivated(index.data(KindStatsModel::KindIdRole).toString()); });
}

void KindNavigator::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    // The navigator shows what a kind is and how many snapshots it has; storage columns live in the overview.
    for (int column = int(KindStatsModel::Column::RawBytes); column < model->columnCount(); ++column)
        m_view->hideColumn(column);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
}
