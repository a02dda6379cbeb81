#include "entitylistmodel.h"

#include <QLocale>

#include "items/jobtracker.h"
#include "items/zonedtime.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

EntityListModel::EntityListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_jobs(new JobTracker(this))
{ }

EntityListModel::~EntityListModel() = default;

void EntityListModel::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    load();
}

void EntityListModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::LastTaken));
}

void EntityListModel::setFilter(const QString &tenant, const QString &kind, const QString &prefix)
{
    m_tenant = tenant;
    m_kind = kind;
    m_prefix = prefix;
    load();
}

void EntityListModel::load()
{
    if (!m_store || m_tenant.isEmpty() || m_kind.isEmpty()) {
        m_jobs->clear();
        m_loading = false;
        beginResetModel();
        m_rows.clear();
        m_truncated = false;
        endResetModel();
        return;
    }
    m_loading = true;
    m_jobs->start(
        m_store,
        [tenant = m_tenant, kind = m_kind, prefix = m_prefix, limit = m_limit](SnapshotStore &store) {
            return store.entities(tenant, kind, prefix, limit + 1); // one more tells that the list is cut
        },
        [this](const Result<QList<EntitySummary>> &result) {
            m_loading = false;
            if (!result) {
                Q_EMIT loadFailed(result.error().message);
                return;
            }
            beginResetModel();
            m_rows = *result;
            m_truncated = m_rows.size() > m_limit;
            if (m_truncated)
                m_rows.resize(m_limit);
            endResetModel();
            Q_EMIT loaded();
        });
}

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EntitySummary &e = m_rows.at(index.row());
    if (role == EntityIdRole)
        return e.entityId;
    if (role == Qt::TextAlignmentRole && index.column() == int(Column::Snapshots))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Entity:
        return e.entityId;
    case Column::Snapshots:
        return QLocale().toString(e.snapshotCount);
    case Column::LastTaken:
        return IsoTime::toZoneText(e.lastTakenAt, m_zone);
    case Column::Count_:
        break;
    }
    return {};
}

QVariant EntityListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Entity:
        return tr("Entity");
    case Column::Snapshots:
        return tr("Snapshots");
    case Column::LastTaken:
        return ZonedTime::header(tr("Last snapshot (%1)"), m_zone);
    case Column::Count_:
        break;
    }
    return {};
}
