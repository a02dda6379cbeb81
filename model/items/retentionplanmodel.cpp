#include "retentionplanmodel.h"

#include <QLocale>

#include "items/zonedtime.h"
#include "json/isotime.h"

namespace {
constexpr int Chunk = 2000;
}

RetentionPlanModel::RetentionPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RetentionPlanModel::setPlan(std::shared_ptr<const RetentionPlan> plan)
{
    m_plan = std::move(plan);
    rebuild();
}

void RetentionPlanModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::TakenAt));
}

void RetentionPlanModel::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    rebuild();
}

void RetentionPlanModel::rebuild()
{
    beginResetModel();
    m_matching.clear();
    m_shown = 0;
    if (m_plan) {
        for (size_t i = 0; i < m_plan->reasons.size(); ++i) {
            const bool kept = isKept(m_plan->reasons[i]);
            if (m_show == Show::All || kept == (m_show == Show::Staying))
                m_matching.push_back(int(i));
        }
        m_shown = int(std::min<size_t>(m_matching.size(), Chunk));
    }
    endResetModel();
}

int RetentionPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int RetentionPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant RetentionPlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_plan || index.row() >= m_shown)
        return {};
    const int i = m_matching[size_t(index.row())];
    const RetentionCandidate &c = m_plan->candidates.rows[size_t(i)];
    const RetentionReason reason = m_plan->reasons[size_t(i)];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Verdict:
        return isKept(reason) ? tr("stays") : tr("goes");
    case Column::Reason:
        return retentionReasonText(reason);
    case Column::Entity:
        return m_plan->candidates.entities.at(c.entity);
    case Column::TakenAt:
        return IsoTime::toZoneText(c.takenAt, m_zone);
    case Column::Type:
        return m_plan->candidates.types.at(c.type);
    case Column::Size:
        return QLocale().formattedDataSize(c.storedSize);
    case Column::Count_:
        break;
    }
    return {};
}

QVariant RetentionPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Verdict:
        return tr("Verdict");
    case Column::Reason:
        return tr("Why");
    case Column::Entity:
        return tr("Entity");
    case Column::TakenAt:
        return ZonedTime::header(tr("Taken at (%1)"), m_zone);
    case Column::Type:
        return tr("Type");
    case Column::Size:
        return tr("Stored");
    case Column::Count_:
        break;
    }
    return {};
}

bool RetentionPlanModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && size_t(m_shown) < m_matching.size();
}

void RetentionPlanModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    const int more = int(std::min<size_t>(m_matching.size() - size_t(m_shown), Chunk));
    if (more <= 0)
        return;
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}
