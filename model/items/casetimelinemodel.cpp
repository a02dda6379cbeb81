#include "casetimelinemodel.h"

#include <algorithm>
#include <limits>

#include "items/zonedtime.h"
#include "json/isotime.h"

CaseTimelineModel::CaseTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CaseTimelineModel::setEntries(QList<CaseEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_cursor = m_previous = std::numeric_limits<EpochMs>::max();
    endResetModel();
}

void CaseTimelineModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::Time));
}

void CaseTimelineModel::setCursor(EpochMs at)
{
    m_previous = m_cursor;
    m_cursor = at;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, int(Column::Count) - 1), { StateRole });
}

CaseTimelineModel::State CaseTimelineModel::stateOf(int row) const
{
    const EpochMs t = m_entries.at(row).header.takenAt;
    if (t > m_cursor)
        return (m_previous != std::numeric_limits<EpochMs>::max() && t <= m_previous) ? State::Changed : State::Future;
    if (m_previous != m_cursor && t > m_previous)
        return State::Changed;
    return State::Past;
}

int CaseTimelineModel::lastRowAtOrBefore(EpochMs at) const
{
    const auto it = std::upper_bound(
        m_entries.cbegin(), m_entries.cend(), at, [](EpochMs t, const CaseEntry &e) { return t < e.header.takenAt; });
    return int(it - m_entries.cbegin()) - 1;
}

int CaseTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CaseTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString CaseTimelineModel::sourceName(CaseEntry::Source source)
{
    switch (source) {
    case CaseEntry::Source::Order:
        return tr("Order");
    case CaseEntry::Source::Chat:
        return tr("Chat");
    case CaseEntry::Source::Inventory:
        return tr("Stock movement");
    case CaseEntry::Source::Financial:
        return tr("Financial");
    }
    return {};
}

QVariant CaseTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseEntry &e = m_entries.at(index.row());
    const SnapshotHeader &h = e.header;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Column::Time:
            return IsoTime::toZoneText(h.takenAt, m_zone, true);
        case Column::Kind:
            return sourceName(e.source);
        case Column::Entity:
            return h.entityId;
        case Column::Type:
            return h.type;
        case Column::TriggeredBy: {
            const QString source = h.trigger.value(u"source").toString();
            return source.isEmpty() ? h.createdBy : QStringLiteral("%1 (%2)").arg(h.createdBy, source);
        }
        case Column::Details:
            return e.details;
        case Column::Count:
            break;
        }
        return {};
    case SnapshotIdRole:
        return h.id;
    case SourceRole:
        return int(e.source);
    case TakenAtRole:
        return h.takenAt;
    case StateRole:
        return int(stateOf(index.row()));
    default:
        return {};
    }
}

QVariant CaseTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return ZonedTime::header(tr("Time (%1)"), m_zone);
    case Column::Kind:
        return tr("What");
    case Column::Entity:
        return tr("Entity");
    case Column::Type:
        return tr("Type");
    case Column::TriggeredBy:
        return tr("Triggered by");
    case Column::Details:
        return tr("Details");
    case Column::Count:
        break;
    }
    return {};
}
