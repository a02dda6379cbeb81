#include "ingestpreviewmodel.h"

#include "json/isotime.h"

IngestPreviewModel::IngestPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void IngestPreviewModel::setRecords(const QList<IngestedRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

int IngestPreviewModel::badCount() const
{
    return int(std::count_if(
        m_records.begin(), m_records.end(), [](const IngestedRecord &r) { return !r.problem.isEmpty(); }));
}

int IngestPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int IngestPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant IngestPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IngestedRecord &r = m_records.at(index.row());
    const NewSnapshot &s = r.snapshot;
    const bool bad = !r.problem.isEmpty();
    if (role == Qt::ToolTipRole)
        return bad ? r.problem : r.where;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Column::Where:
        return r.where;
    case Column::Kind: // a bad record's reason here too: the view spans it over the columns it has no values for
        return bad ? r.problem : s.kind;
    case Column::Shape:
        return r.shape;
    case Column::Tenant:
        return bad ? QString() : s.tenant;
    case Column::Entity:
        return bad ? QString() : s.entityId;
    case Column::Taken: {
        if (bad)
            return {};
        return IsoTime::toNamedZoneText(s.takenAt, IsoTime::validOrUtc(r.zone), true);
    }
    case Column::Type:
        return bad ? QString() : s.type;
    case Column::Version:
        if (bad)
            return {};
        return s.placement == NewSnapshot::Placement::AtVersion ? tr("%1 (the source's)").arg(s.version)
                                                                : tr("by time");
    case Column::Count_:
        break;
    }
    return {};
}

QVariant IngestPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Where:
        return tr("Record");
    case Column::Kind:
        return tr("Kind");
    case Column::Shape:
        return tr("Shape");
    case Column::Tenant:
        return tr("Tenant");
    case Column::Entity:
        return tr("Entity");
    case Column::Taken:
        return tr("Taken");
    case Column::Type:
        return tr("Type");
    case Column::Version:
        return tr("Version");
    case Column::Count_:
        break;
    }
    return {};
}
