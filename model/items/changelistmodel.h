#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "ops/snapshotcomparison.h"

// The operations of a comparison, one row each: what happened, where (JSON Pointer), the old and the new value.
class ChangeListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Change, Path, Old, New, Count_ };
    enum Role { PathRole = Qt::UserRole + 1, OpRole };

    explicit ChangeListModel(QObject *parent = nullptr);

    void setChanges(QList<JsonChange> changes);
    const QList<JsonChange> &changes() const { return m_changes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JsonChange> m_changes;
};
