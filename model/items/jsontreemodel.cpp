#include "jsontreemodel.h"

#include "json/jsonpointer.h"

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setTree(std::shared_ptr<const JsonTree> tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    endResetModel();
}

void JsonTreeModel::clear()
{
    setTree(nullptr);
}

QModelIndex JsonTreeModel::indexOfNode(int node, int column) const
{
    if (!m_tree || node < 0 || node >= m_tree->nodeCount())
        return {};
    return createIndex(m_tree->node(node).row, column, quintptr(node));
}

QModelIndex JsonTreeModel::indexOfPointer(const QString &pointer) const
{
    if (!m_tree)
        return {};
    const std::optional<JsonPointer> parsed = JsonPointer::parse(pointer);
    if (!parsed)
        return {};
    int node = 0;
    for (const QString &token : parsed->tokens()) {
        const JsonTree::Node &n = m_tree->node(node);
        int found = -1;
        for (int c = 0; c < n.childCount && found < 0; ++c) {
            if (m_tree->node(n.firstChild + c).key == token)
                found = n.firstChild + c;
        }
        if (found < 0)
            return {};
        node = found;
    }
    return indexOfNode(node);
}

QModelIndex JsonTreeModel::find(const QString &text, const QModelIndex &from, bool backward) const
{
    if (!m_tree)
        return {};
    return indexOfNode(m_tree->find(text, nodeOf(from), backward));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_tree || row < 0 || column < 0 || column >= int(Column::Count_))
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const JsonTree::Node &n = m_tree->node(nodeOf(parent));
    if (row >= n.childCount)
        return {};
    return createIndex(row, column, quintptr(n.firstChild + row));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!m_tree || !child.isValid())
        return {};
    return indexOfNode(m_tree->node(nodeOf(child)).parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_tree)
        return 0;
    if (!parent.isValid())
        return 1; // the document itself, so that its members can be collapsed and copied as one
    if (parent.column() != 0)
        return 0;
    return m_tree->node(nodeOf(parent)).childCount;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return int(Column::Count_);
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_tree || !index.isValid())
        return {};
    const int node = nodeOf(index);
    const JsonTree::Node &n = m_tree->node(node);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Column::Key:
            if (node == 0)
                return tr("(document)");
            return n.isArrayElement ? QStringLiteral("[%1]").arg(n.key) : n.key;
        case Column::Value:
            if (n.type == JsonTree::Type::Object)
                return n.childCount == 1 ? tr("{1 member}") : tr("{%1 members}").arg(n.childCount);
            if (n.type == JsonTree::Type::Array)
                return n.childCount == 1 ? tr("[1 item]") : tr("[%1 items]").arg(n.childCount);
            if (role == Qt::DisplayRole && n.scalar.size() > 500)
                return QString(QStringView(n.scalar).left(500) + QChar(0x2026));
            return n.scalar;
        case Column::Type:
            return JsonTree::typeName(n.type);
        case Column::Count_:
            break;
        }
        return {};
    case PointerRole:
        return m_tree->pointer(node);
    case NodeRole:
        return node;
    case ValueTextRole:
        return QString::fromUtf8(m_tree->valueText(node));
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Key:
        return tr("Member");
    case Column::Value:
        return tr("Value");
    case Column::Type:
        return tr("Type");
    case Column::Count_:
        break;
    }
    return {};
}
