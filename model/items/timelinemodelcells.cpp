// What the timeline shows: its cells, its headers, and why it is empty. (Paging, the count and page positions are in
// timelinemodel.cpp.)
#include "timelinemodel.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

#include "domain/kindregistry.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

namespace {

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return JsonNumber::isExact(value) ? QString::fromLatin1(JsonNumber::text(value)) : value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QLocale().toString(qint64(d)) : QLocale().toString(d, 'f', 2);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString();
    }
}

} // namespace

QString TimelineModel::filterText() const
{
    QStringList parts;
    if (!m_query.kind.isEmpty()) {
        const KindInfo *kind = KindRegistry::find(m_query.kind);
        parts << tr("kind %1").arg(kind ? kind->displayNameText() : m_query.kind);
    }
    if (!m_query.types.isEmpty())
        parts << tr("types %1").arg(m_query.types.join(QStringLiteral(", ")));
    if (!m_query.entityId.isEmpty())
        parts << tr("entity %1").arg(m_query.entityId);
    else if (!m_query.entityPrefix.isEmpty())
        parts << tr("entity starting with \"%1\"").arg(m_query.entityPrefix);
    if (!m_query.createdBy.isEmpty())
        parts << tr("created by someone matching \"%1\"").arg(m_query.createdBy);
    if (m_query.trash == SnapshotQuery::Trash::Only)
        parts << tr("in the trash");
    return parts.join(QStringLiteral("; "));
}

QString TimelineModel::emptyText() const
{
    if (!m_emptyKnown || m_rowCount > 0)
        return {};
    const TimeRange &range = m_query.takenAt;
    const QString zone = QString::fromUtf8(m_zone.id());
    const QString filters = filterText();
    QString text;
    if (range.from || range.to) {
        const QString from = range.from ? IsoTime::toZoneText(*range.from, m_zone) : tr("the first snapshot");
        const QString to = range.to ? IsoTime::toZoneText(*range.to, m_zone) : tr("now");
        text = filters.isEmpty()
            ? tr("No snapshots were taken between %1 and %2 (%3).").arg(from, to, zone)
            : tr("No snapshots were taken between %1 and %2 (%3) with %4.").arg(from, to, zone, filters);
        if (m_newestOutsideRange)
            text += u'\n'
                + tr("The newest one is from %1; widen the time range to see it.")
                      .arg(IsoTime::toZoneText(*m_newestOutsideRange, m_zone));
        else
            text += u'\n'
                + (filters.isEmpty() ? tr("This tenant has no snapshots yet.")
                                     : tr("None match these filters at any time."));
    } else {
        text = filters.isEmpty() ? tr("This tenant has no snapshots yet.") : tr("No snapshots with %1.").arg(filters);
    }
    return text;
}

QString TimelineModel::summaryText(const SnapshotHeader &h) const
{
    const KindInfo *kind = m_kind ? m_kind : KindRegistry::find(h.kind);
    QStringList parts;
    if (kind) {
        for (const SummaryField &field : kind->summaryFields) {
            const QJsonValue value = h.summary.value(field.name);
            if (!value.isUndefined())
                parts << field.name + QStringLiteral(": ") + jsonText(value);
        }
    } else {
        for (auto it = h.summary.constBegin(); it != h.summary.constEnd(); ++it)
            parts << it.key() + QStringLiteral(": ") + jsonText(it.value());
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int pageIndex = index.row() / m_pageSize;
    const SnapshotHeader *header = headerAt(index.row());
    if (!header) {
        if (role == LoadedRole)
            return false;
        requestPage(pageIndex);
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("Loading…");
        return {};
    }
    m_pages[size_t(pageIndex)].lastUse = ++m_useClock;
    const SnapshotHeader &h = *header;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::TakenAt:
            return IsoTime::toZoneText(h.takenAt, m_zone, true);
        case Column::Kind: {
            const KindInfo *kind = KindRegistry::find(h.kind);
            return kind ? kind->displayNameText() : h.kind;
        }
        case Column::Entity:
            return h.entityId;
        case Column::Version:
            return h.version;
        case Column::Type:
            return h.type;
        case Column::CreatedBy:
            return h.createdBy;
        case Column::Summary:
            return summaryText(h);
        case Column::Size: {
            const QLocale locale;
            return tr("%1 → %2 (%3%)")
                .arg(locale.formattedDataSize(h.rawSize), locale.formattedDataSize(h.storedSize))
                .arg(h.rawSize > 0 ? qRound(100.0 * double(h.storedSize) / double(h.rawSize)) : 100);
        }
        case Column::Integrity:
            switch (m_integrity.value(h.id, Integrity::Unknown)) {
            case Integrity::Unknown:
                return tr("unknown");
            case Integrity::Verified:
                return tr("verified");
            case Integrity::Corrupt:
                return tr("corrupt");
            }
            return {};
        case Column::Pinned:
            return h.pinned ? tr("pinned") : QString();
        case Column::Count_:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::TakenAt:
            return tr("%1 (%2)\n%3 UTC")
                .arg(QDateTime::fromMSecsSinceEpoch(h.takenAt, m_zone).toString(Qt::ISODateWithMs),
                    QString::fromUtf8(m_zone.id()), IsoTime::toUtcString(h.takenAt));
        case Column::Summary:
            return summaryText(h);
        case Column::Pinned:
            return h.pinned ? tr("Pinned: never removed by cleanup") : QVariant();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == Column::Version)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return h.id;
    case TakenAtRole:
        return h.takenAt;
    case TypeRole:
        return h.type;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::TakenAt:
        return tr("Taken at (%1)").arg(QString::fromUtf8(m_zone.id()));
    case Column::Kind:
        return tr("Kind");
    case Column::Entity:
        return m_kind && m_kind->entityLabel ? m_kind->entityLabelText() : tr("Entity");
    case Column::Version:
        return tr("Version");
    case Column::Type:
        return tr("Type");
    case Column::CreatedBy:
        return tr("Created by");
    case Column::Summary:
        return tr("Summary");
    case Column::Size:
        return tr("Size (raw → stored)");
    case Column::Integrity:
        return tr("Integrity");
    case Column::Pinned:
        return tr("Pinned");
    case Column::Count_:
        break;
    }
    return {};
}
