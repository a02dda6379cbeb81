#include "jsonpatch.h"

#include <QJsonObject>

#include <optional>

#include "json/jsonnumber.h"
#include "json/jsonpointer.h"

namespace JsonPatch {

namespace {

struct Failure
{
    QString reason;
};

// Changes the value a pointer names, rebuilding the containers on its path (Qt's JSON values are copy-on-write).
// `change` gets the parent container's member or element slot; `last` is the final token.
using Edit = std::function<std::optional<Failure>(QJsonValue &parent, const QString &last)>;

std::optional<Failure> editAt(QJsonValue &node, const QStringList &tokens, qsizetype depth, const Edit &edit)
{
    if (depth == tokens.size() - 1)
        return edit(node, tokens.at(depth));
    const QString &token = tokens.at(depth);
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        auto it = object.find(token);
        if (it == object.end())
            return Failure { QStringLiteral("no member \"%1\"").arg(token) };
        QJsonValue child = it.value();
        node = QJsonValue(); // drop the reference, so the child is the only owner and edits do not copy
        if (auto failure = editAt(child, tokens, depth + 1, edit)) {
            node = object;
            return failure;
        }
        it = object.find(token);
        it.value() = child;
        node = object;
        return std::nullopt;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = JsonPointer::arrayIndex(token);
        if (!index || *index >= array.size())
            return Failure { QStringLiteral("no element \"%1\"").arg(token) };
        QJsonValue child = array.at(*index);
        node = QJsonValue();
        if (auto failure = editAt(child, tokens, depth + 1, edit)) {
            node = array;
            return failure;
        }
        array.replace(*index, child);
        node = array;
        return std::nullopt;
    }
    return Failure { QStringLiteral("\"%1\" is inside a %2, not a container")
                         .arg(token,
                             node.isString() && !JsonNumber::isExact(node) ? QStringLiteral("string")
                                                                           : QStringLiteral("scalar")) };
}

std::optional<Failure> addAt(QJsonValue &document, const QStringList &tokens, const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        document = value;
        return std::nullopt;
    }
    return editAt(document, tokens, 0, [&](QJsonValue &parent, const QString &last) -> std::optional<Failure> {
        if (parent.isObject()) {
            QJsonObject object = parent.toObject();
            parent = QJsonValue();
            object.insert(last, value);
            parent = object;
            return std::nullopt;
        }
        if (parent.isArray()) {
            QJsonArray array = parent.toArray();
            parent = QJsonValue();
            if (last == u"-") {
                array.append(value);
            } else {
                const auto index = JsonPointer::arrayIndex(last);
                if (!index || *index > array.size()) {
                    parent = array;
                    return Failure {
                        QStringLiteral("index \"%1\" is out of range (array of %2)").arg(last).arg(array.size())
                    };
                }
                array.insert(*index, value);
            }
            parent = array;
            return std::nullopt;
        }
        return Failure { QStringLiteral("the parent is not an object or array") };
    });
}

std::optional<Failure> removeAt(QJsonValue &document, const QStringList &tokens, QJsonValue *removed = nullptr)
{
    if (tokens.isEmpty())
        return Failure { QStringLiteral("cannot remove the whole document") };
    return editAt(document, tokens, 0, [&](QJsonValue &parent, const QString &last) -> std::optional<Failure> {
        if (parent.isObject()) {
            QJsonObject object = parent.toObject();
            auto it = object.find(last);
            if (it == object.end())
                return Failure { QStringLiteral("no member \"%1\" to remove").arg(last) };
            if (removed)
                *removed = it.value();
            parent = QJsonValue();
            object.erase(it);
            parent = object;
            return std::nullopt;
        }
        if (parent.isArray()) {
            QJsonArray array = parent.toArray();
            const auto index = JsonPointer::arrayIndex(last);
            if (!index || *index >= array.size())
                return Failure { QStringLiteral("no element \"%1\" to remove").arg(last) };
            if (removed)
                *removed = array.at(*index);
            parent = QJsonValue();
            array.removeAt(*index);
            parent = array;
            return std::nullopt;
        }
        return Failure { QStringLiteral("the parent is not an object or array") };
    });
}

Result<QJsonValue> fail(qsizetype index, const QString &op, const QString &reason)
{
    return Error { Error::Code::Invalid, QStringLiteral("patch operation %1 (%2): %3").arg(index).arg(op, reason) };
}

} // namespace

Result<QJsonValue> apply(const QJsonValue &document, const QJsonArray &patch)
{
    QJsonValue result = document; // a copy: the caller's document is never touched
    for (qsizetype i = 0; i < patch.size(); ++i) {
        if (!patch.at(i).isObject())
            return fail(i, QStringLiteral("?"), QStringLiteral("an operation must be an object"));
        const QJsonObject operation = patch.at(i).toObject();
        const QString op = operation.value(u"op").toString();
        if (!operation.value(u"path").isString() || JsonNumber::isExact(operation.value(u"path")))
            return fail(i, op.isEmpty() ? QStringLiteral("?") : op, QStringLiteral("\"path\" is missing"));
        const auto path = JsonPointer::parse(operation.value(u"path").toString());
        if (!path)
            return fail(i, op, QStringLiteral("\"%1\" is not a JSON Pointer").arg(operation.value(u"path").toString()));
        const auto needValue = [&]() -> std::optional<QJsonValue> {
            const auto it = operation.constFind(u"value");
            if (it == operation.constEnd())
                return std::nullopt;
            return it.value();
        };
        const auto fromPath = [&]() -> std::optional<JsonPointer> {
            if (!operation.value(u"from").isString() || JsonNumber::isExact(operation.value(u"from")))
                return std::nullopt;
            return JsonPointer::parse(operation.value(u"from").toString());
        };
        std::optional<Failure> failure;
        if (op == u"add") {
            const auto value = needValue();
            if (!value)
                return fail(i, op, QStringLiteral("\"value\" is missing"));
            failure = addAt(result, path->tokens(), *value);
        } else if (op == u"remove") {
            failure = removeAt(result, path->tokens());
        } else if (op == u"replace") {
            const auto value = needValue();
            if (!value)
                return fail(i, op, QStringLiteral("\"value\" is missing"));
            if (!path->evaluate(result))
                return fail(i, op, QStringLiteral("nothing at \"%1\" to replace").arg(path->toString()));
            if (path->isRoot())
                result = *value;
            else
                failure = removeAt(result, path->tokens());
            if (!failure && !path->isRoot())
                failure = addAt(result, path->tokens(), *value);
        } else if (op == u"move" || op == u"copy") {
            const auto from = fromPath();
            if (!from)
                return fail(i, op, QStringLiteral("\"from\" is missing or not a JSON Pointer"));
            const auto value = from->evaluate(result);
            if (!value)
                return fail(i, op, QStringLiteral("nothing at \"%1\" to %2").arg(from->toString(), op));
            if (op == u"move") {
                const QStringList &f = from->tokens(), &t = path->tokens();
                if (t.size() > f.size() && t.mid(0, f.size()) == f)
                    return fail(i, op, QStringLiteral("cannot move a value into itself"));
                if (f == t)
                    continue;
                failure = removeAt(result, f);
            }
            if (!failure)
                failure = addAt(result, path->tokens(), *value);
        } else if (op == u"test") {
            const auto value = needValue();
            if (!value)
                return fail(i, op, QStringLiteral("\"value\" is missing"));
            const auto actual = path->evaluate(result);
            if (!actual)
                return fail(i, op, QStringLiteral("nothing at \"%1\" to test").arg(path->toString()));
            if (*actual != *value)
                return fail(i, op, QStringLiteral("the value at \"%1\" differs").arg(path->toString()));
        } else {
            return fail(i, op.isEmpty() ? QStringLiteral("?") : op,
                op.isEmpty() ? QStringLiteral("\"op\" is missing") : QStringLiteral("unknown operation"));
        }
        if (failure)
            return fail(i, op, failure->reason);
    }
    return result;
}

Summary summarize(const QJsonArray &patch)
{
    Summary s;
    for (const QJsonValue &operation : patch) {
        const QString op = operation.toObject().value(u"op").toString();
        if (op == u"replace")
            ++s.changed;
        else if (op == u"add" || op == u"copy")
            ++s.added;
        else if (op == u"remove")
            ++s.removed;
        else if (op == u"move")
            ++s.moved;
        else if (op == u"test")
            ++s.tests;
    }
    return s;
}

} // namespace JsonPatch
