#pragma once

#include <QSortFilterProxyModel>

#include "ops/casetimeline.h"

// One source of a dispute case's merged timeline (its stock movements, its financial records): the ledgers beside the
// case's timeline show the rows of CaseTimelineModel whose SourceRole is that source.
class CaseSourceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CaseSourceFilterModel(CaseEntry::Source source, QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    int m_source;
};
