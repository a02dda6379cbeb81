#include "changelistmodel.h"

ChangeListModel::ChangeListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ChangeListModel::setChanges(QList<JsonChange> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

int ChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ChangeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JsonChange &c = m_changes.at(index.row());
    if (role == PathRole)
        return c.path;
    if (role == OpRole)
        return c.op;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const int length = role == Qt::ToolTipRole ? 2000 : 120;
    switch (Column(index.column())) {
    case Column::Change:
        if (c.op == u"replace")
            return tr("changed");
        if (c.op == u"add")
            return tr("added");
        if (c.op == u"remove")
            return tr("removed");
        if (c.op == u"move")
            return tr("moved");
        return c.op;
    case Column::Path:
        return c.op == u"move" || c.op == u"copy" ? QStringLiteral("%1 → %2").arg(c.from, c.path) : c.path;
    case Column::Old:
        return c.oldValue ? SnapshotComparisons::valueText(*c.oldValue, length) : QString();
    case Column::New:
        return c.newValue && c.op != u"remove" ? SnapshotComparisons::valueText(*c.newValue, length) : QString();
    case Column::Count_:
        break;
    }
    return {};
}

QVariant ChangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Change:
        return tr("Change");
    case Column::Path:
        return tr("Where (JSON Pointer)");
    case Column::Old:
        return tr("Old value");
    case Column::New:
        return tr("New value");
    case Column::Count_:
        break;
    }
    return {};
}
