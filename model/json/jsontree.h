#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

#include "domain/error.h"

// A parsed JSON document laid out for a tree view: one flat node array where the children of a node are
// contiguous, so a view asks for "child 17 of node 4" in O(1) and a 10 MB payload needs no per-node allocation
// beyond its strings. Built once (on a worker) and then only read, so it can be shared across threads.
class JsonTree
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    struct Node
    {
        QString key; // the member name, or the index of an array element as text
        QString scalar; // the value as compact JSON for scalars; empty for containers
        Type type = Type::Null;
        bool isArrayElement = false;
        int parent = -1;
        int firstChild = -1;
        int childCount = 0;
        int row = 0; // position among its parent's children
        int preorder = 0; // position in document order (for find)
    };

    static Result<std::shared_ptr<const JsonTree>> parse(const QByteArray &json);
    static std::shared_ptr<const JsonTree> fromValue(const QJsonValue &root);

    const Node &node(int index) const { return m_nodes[size_t(index)]; }
    int nodeCount() const { return int(m_nodes.size()); }
    // Node 0 is the document's root value.
    const QJsonValue &root() const { return m_root; }
    // Node index at a document-order position.
    int nodeAtPreorder(int position) const { return m_preorder[size_t(position)]; }

    // The RFC 6901 pointer of a node ("" for the root).
    QString pointer(int index) const;
    // The node's value to copy: a string's text, a number or literal as JSON, a container as indented JSON.
    QByteArray valueText(int index) const;
    // The next node in document order after `from` (wrapping) whose key or scalar value contains `text`
    // (case-insensitive), or -1. from = -1 starts at the beginning; backward searches the other way.
    int find(const QString &text, int from, bool backward) const;

    static QString typeName(Type type);

private:
    QJsonValue m_root;
    std::vector<Node> m_nodes;
    std::vector<int> m_preorder;
};
