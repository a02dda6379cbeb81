#include "kindnavigator.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "domain/kindregistry.h"
#include "items/entitylistmodel.h"
#include "items/kindstatsmodel.h"

KindNavigator::KindNavigator(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
    , m_entityLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_entityView(new QTreeView(this))
    , m_debounce(new QTimer(this))
{
    m_view->setObjectName(QStringLiteral("kindView"));
    m_search->setObjectName(QStringLiteral("entitySearch"));
    m_entityView->setObjectName(QStringLiteral("entityView"));
    // Room for an entity id and its count (and a kind's name) even when longer translated tabs widen the central
    // area: squeezed further, ids were cut to "STORE0…" and could not be told apart.
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("STORE000:P0000  99,999")) + 48);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *entities = new QWidget(splitter);
    auto *entityLayout = new QVBoxLayout(entities);
    entityLayout->setContentsMargins(0, 4, 0, 0);
    entityLayout->addWidget(m_entityLabel);
    entityLayout->addWidget(m_search);
    entityLayout->addWidget(m_entityView);
    splitter->addWidget(m_view);
    splitter->addWidget(entities);
    splitter->setSizes({ 220, 400 });
    layout->addWidget(splitter);

    for (QTreeView *view : { m_view, m_entityView }) {
        view->setRootIsDecorated(false);
        view->setUniformRowHeights(true);
        view->setAlternatingRowColors(true);
    }
    m_search->setPlaceholderText(tr("Find entity (id starts with…)"));
    m_search->setClearButtonEnabled(true);
    m_search->setEnabled(false);
    m_entityLabel->setText(tr("Select a kind to search its entities."));
    m_entityLabel->setWordWrap(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &KindNavigator::searchEntities);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter in the search opens the first match.
        if (m_entities && m_entities->rowCount() > 0 && !m_debounce->isActive())
            Q_EMIT entityActivated(
                m_entities->kind(), m_entities->index(0, 0).data(EntityListModel::EntityIdRole).toString());
        else
            searchEntities();
    });
    connect(m_view, &QTreeView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT kindActivated(index.data(KindStatsModel::KindIdRole).toString()); });
    connect(m_entityView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_entities)
            Q_EMIT entityActivated(m_entities->kind(), index.data(EntityListModel::EntityIdRole).toString());
    });
}

void KindNavigator::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    // The navigator shows what a kind is and how many snapshots it has; storage columns live in the overview.
    for (int column = int(KindStatsModel::Column::RawBytes); column < model->columnCount(); ++column)
        m_view->hideColumn(column);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KindNavigator::searchEntities);
}

void KindNavigator::setEntityModel(EntityListModel *model)
{
    m_entities = model;
    m_entityView->setModel(model);
    m_entityView->header()->setSectionResizeMode(int(EntityListModel::Column::Entity), QHeaderView::Stretch);
    m_entityView->header()->setSectionResizeMode(
        int(EntityListModel::Column::Snapshots), QHeaderView::ResizeToContents);
    m_entityView->header()->setStretchLastSection(false);
    m_entityView->hideColumn(int(EntityListModel::Column::LastTaken));
    connect(model, &EntityListModel::loaded, this, [this] {
        const KindDefinition *kind = KindRegistry::find(m_entities->kind());
        const QString name = kind ? kind->displayNameText() : m_entities->kind();
        m_entityLabel->setText(m_entities->isTruncated()
                ? tr("%1: the first %2 entities (type more of the id to narrow)").arg(name).arg(m_entities->rowCount())
                : tr("%1: %2 entities").arg(name).arg(m_entities->rowCount()));
    });
    connect(model, &EntityListModel::loadFailed, m_entityLabel, &QLabel::setText);
}

void KindNavigator::setTenant(const QString &tenant)
{
    m_tenant = tenant;
    searchEntities();
}

QString KindNavigator::selectedKind() const
{
    return m_view->selectionModel()
        ? m_view->selectionModel()->currentIndex().data(KindStatsModel::KindIdRole).toString()
        : QString();
}

void KindNavigator::searchEntities()
{
    m_debounce->stop();
    const QString kind = selectedKind();
    m_search->setEnabled(!kind.isEmpty());
    if (kind.isEmpty())
        m_entityLabel->setText(tr("Select a kind to search its entities."));
    if (m_entities)
        m_entities->setFilter(m_tenant, kind, m_search->text().trimmed());
}
