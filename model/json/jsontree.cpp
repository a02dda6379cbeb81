#include "jsontree.h"

#include <QJsonArray>
#include <QJsonObject>

#include "json/canonicaljson.h"
#include "json/jsonnumber.h"
#include "json/jsonpointer.h"
#include "json/strictjson.h"

namespace {

JsonTree::Type typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return JsonTree::Type::Bool;
    case QJsonValue::Double:
        return JsonTree::Type::Number;
    case QJsonValue::String:
        return JsonNumber::isExact(value) ? JsonTree::Type::Number : JsonTree::Type::String;
    case QJsonValue::Array:
        return JsonTree::Type::Array;
    case QJsonValue::Object:
        return JsonTree::Type::Object;
    default:
        return JsonTree::Type::Null;
    }
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: // as JSON writes it: integers without a fraction, others with the shortest exact form
        return QString::fromLatin1(JsonNumber::text(value));
    case QJsonValue::String:
        return JsonNumber::isExact(value) ? QString::fromLatin1(JsonNumber::text(value)) : value.toString();
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString();
    }
}

} // namespace

Result<std::shared_ptr<const JsonTree>> JsonTree::parse(const QByteArray &json)
{
    auto value = StrictJson::readStored(json);
    if (!value)
        return value.error();
    return fromValue(*value);
}

std::shared_ptr<const JsonTree> JsonTree::fromValue(const QJsonValue &root)
{
    auto tree = std::make_shared<JsonTree>();
    tree->m_root = root;
    std::vector<Node> &nodes = tree->m_nodes;
    // Breadth first, so that each node's children are appended side by side; the values wait in `pending`.
    std::vector<QJsonValue> pending;
    nodes.push_back(Node { QString(), scalarText(root), typeOf(root), false, -1, -1, 0, 0, 0 });
    pending.push_back(root);
    for (size_t i = 0; i < nodes.size(); ++i) {
        const QJsonValue value = std::move(pending[i]);
        pending[i] = QJsonValue();
        const auto append = [&](const QString &key, const QJsonValue &child, bool element) {
            if (nodes[i].firstChild < 0)
                nodes[i].firstChild = int(nodes.size());
            const int row = nodes[i].childCount++;
            nodes.push_back(Node { key, scalarText(child), typeOf(child), element, int(i), -1, 0, row, 0 });
            pending.push_back(child);
        };
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                append(it.key(), it.value(), false);
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype k = 0; k < array.size(); ++k)
                append(QString::number(k), array.at(k), true);
        }
    }
    // Document order, for find: depth first over the contiguous child ranges.
    tree->m_preorder.reserve(nodes.size());
    std::vector<int> stack { 0 };
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        nodes[size_t(index)].preorder = int(tree->m_preorder.size());
        tree->m_preorder.push_back(index);
        const Node &n = nodes[size_t(index)];
        for (int c = n.childCount - 1; c >= 0; --c)
            stack.push_back(n.firstChild + c);
    }
    return tree;
}

QString JsonTree::pointer(int index) const
{
    QStringList tokens;
    for (int i = index; i > 0; i = node(i).parent)
        tokens.prepend(node(i).key);
    return JsonPointer::fromTokens(tokens).toString();
}

QByteArray JsonTree::valueText(int index) const
{
    const Node &n = node(index);
    if (n.type != Type::Array && n.type != Type::Object) {
        return n.scalar.toUtf8(); // a string as its text, without JSON quotes
    }
    QStringList tokens;
    for (int i = index; i > 0; i = node(i).parent)
        tokens.prepend(node(i).key);
    const std::optional<QJsonValue> value = JsonPointer::fromTokens(tokens).evaluate(m_root);
    if (!value)
        return QByteArray();
    return CanonicalJson::indented(*value).trimmed();
}

int JsonTree::find(const QString &text, int from, bool backward) const
{
    if (text.isEmpty() || m_nodes.empty())
        return -1;
    const int count = int(m_preorder.size());
    int position = from < 0 ? (backward ? count : -1) : node(from).preorder;
    for (int step = 0; step < count; ++step) {
        position = backward ? (position - 1 + count) % count : (position + 1) % count;
        const Node &n = node(m_preorder[size_t(position)]);
        if (n.key.contains(text, Qt::CaseInsensitive) || n.scalar.contains(text, Qt::CaseInsensitive))
            return m_preorder[size_t(position)];
    }
    return -1;
}

QString JsonTree::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("boolean");
    case Type::Number:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Array:
        return QStringLiteral("array");
    case Type::Object:
        return QStringLiteral("object");
    }
    return QString();
}
