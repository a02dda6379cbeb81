#include "eventlistmodel.h"

#include <QJsonArray>

#include "items/zonedtime.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventListModel::setEvents(QList<EventRecord> events)
{
    beginResetModel();
    m_events = std::move(events);
    m_appliedFrom = m_appliedTo = 0;
    endResetModel();
}

void EventListModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::OccurredAt));
}

void EventListModel::clear()
{
    setEvents({});
}

void EventListModel::setApplied(qint64 fromSeq, qint64 toSeq)
{
    if (fromSeq == m_appliedFrom && toSeq == m_appliedTo)
        return;
    m_appliedFrom = fromSeq;
    m_appliedTo = toSeq;
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { AppliedRole, Qt::ToolTipRole });
}

int EventListModel::rowOfSeq(qint64 seq) const
{
    // Sequences are dense and ordered, but a gap must not mislead: search rather than subtract.
    const auto it = std::lower_bound(
        m_events.cbegin(), m_events.cend(), seq, [](const EventRecord &e, qint64 value) { return e.seq < value; });
    return it != m_events.cend() && it->seq == seq ? int(it - m_events.cbegin()) : -1;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &e = m_events.at(index.row());
    const bool applied = e.seq > m_appliedFrom && e.seq <= m_appliedTo;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Seq:
            return e.seq;
        case Column::Type:
            return e.type;
        case Column::OccurredAt:
            return IsoTime::toZoneText(e.occurredAt, m_zone, true);
        case Column::Patch: // made for the rows on screen only
            return QString::fromUtf8(CanonicalJson::compact(e.data.value(u"patch").toArray()));
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (Column(index.column()) == Column::Patch)
            return QString::fromUtf8(CanonicalJson::indented(e.data.value(u"patch").toArray()));
        return applied ? tr("Replayed onto the snapshot to reach the state shown") : QVariant();
    case Qt::TextAlignmentRole:
        return Column(index.column()) == Column::Seq ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SeqRole:
        return e.seq;
    case AppliedRole:
        return applied;
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Seq:
        return tr("Seq");
    case Column::Type:
        return tr("Type");
    case Column::OccurredAt:
        return ZonedTime::header(tr("Time (%1)"), m_zone);
    case Column::Patch:
        return tr("Patch");
    case Column::Count:
        break;
    }
    return {};
}
