#include "casesourcefiltermodel.h"

#include "items/casetimelinemodel.h"

CaseSourceFilterModel::CaseSourceFilterModel(CaseEntry::Source source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(int(source))
{ }

bool CaseSourceFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    return sourceModel()->index(row, 0, parent).data(CaseTimelineModel::SourceRole).toInt() == m_source;
}
