#pragma once

#include <QAbstractItemModel>

#include <memory>

#include "json/jsontree.h"

// A JSON document as a tree: member or index, value (scalars; containers show their size), type. Built from a
// JsonTree that was parsed on a worker, so setting even a large document is one reset without parsing.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Column { Key, Value, Type, Count_ };
    enum Role { PointerRole = Qt::UserRole + 1, NodeRole, ValueTextRole };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setTree(std::shared_ptr<const JsonTree> tree);
    void clear();
    const JsonTree *tree() const { return m_tree.get(); }

    QModelIndex indexOfNode(int node, int column = 0) const;
    // The index of the node a JSON Pointer names, or an invalid index.
    QModelIndex indexOfPointer(const QString &pointer) const;
    // Find in keys and values (case-insensitive), in document order after `from`, wrapping; invalid if none.
    QModelIndex find(const QString &text, const QModelIndex &from, bool backward = false) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int nodeOf(const QModelIndex &index) const { return index.isValid() ? int(index.internalId()) : -1; }

    std::shared_ptr<const JsonTree> m_tree;
};
