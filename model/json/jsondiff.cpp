#include "jsondiff.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <vector>

#include "json/editscript.h"
#include "json/jsonpatch.h"
#include "json/jsonpointer.h"

namespace JsonDiff {

namespace {

class Differ
{
public:
    explicit Differ(const Options &options)
        : m_options(options)
    { }

    void value(const QJsonValue &a, const QJsonValue &b, QStringList &path)
    {
        if (a.type() == b.type()) {
            if (a.isObject()) {
                object(a.toObject(), b.toObject(), path);
                return;
            }
            if (a.isArray()) {
                array(a.toArray(), b.toArray(), path);
                return;
            }
        }
        if (a != b)
            replace(path, a, b);
    }

    QJsonArray patch;

private:
    QString pointer(const QStringList &path) const { return JsonPointer::fromTokens(path).toString(); }

    void test(const QStringList &path, const QJsonValue &old)
    {
        if (m_options.withTests)
            patch.append(QJsonObject { { QStringLiteral("op"), QStringLiteral("test") },
                { QStringLiteral("path"), pointer(path) }, { QStringLiteral("value"), old } });
    }
    void replace(const QStringList &path, const QJsonValue &old, const QJsonValue &value)
    {
        test(path, old);
        patch.append(QJsonObject { { QStringLiteral("op"), QStringLiteral("replace") },
            { QStringLiteral("path"), pointer(path) }, { QStringLiteral("value"), value } });
    }
    void add(const QStringList &path, const QJsonValue &value)
    {
        patch.append(QJsonObject { { QStringLiteral("op"), QStringLiteral("add") },
            { QStringLiteral("path"), pointer(path) }, { QStringLiteral("value"), value } });
    }
    void remove(const QStringList &path, const QJsonValue &old)
    {
        test(path, old);
        patch.append(QJsonObject {
            { QStringLiteral("op"), QStringLiteral("remove") }, { QStringLiteral("path"), pointer(path) } });
    }

    void object(const QJsonObject &a, const QJsonObject &b, QStringList &path)
    {
        for (auto it = a.begin(); it != a.end(); ++it) {
            path.append(it.key());
            const auto other = b.constFind(it.key());
            if (other == b.constEnd())
                remove(path, it.value());
            else
                value(it.value(), other.value(), path);
            path.removeLast();
        }
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!a.contains(it.key())) {
                path.append(it.key());
                add(path, it.value());
                path.removeLast();
            }
        }
    }

    // A paired (changed) element: operations inside it when they are few, else one replace of the element.
    void element(const QJsonValue &a, const QJsonValue &b, QStringList &path)
    {
        if (!(a.isObject() && b.isObject()) && !(a.isArray() && b.isArray())) {
            value(a, b, path);
            return;
        }
        Differ inner(m_options);
        QStringList innerPath = path;
        inner.value(a, b, innerPath);
        const JsonPatch::Summary ops = JsonPatch::summarize(inner.patch);
        if (ops.total() - ops.tests <= 3) {
            for (const QJsonValue &op : std::as_const(inner.patch))
                patch.append(op);
        } else {
            replace(path, a, b);
        }
    }

    void array(const QJsonArray &a, const QJsonArray &b, QStringList &path)
    {
        if (a == b)
            return;
        const QString key = identityKey(a, b, pointer(path), m_options.identities);
        std::vector<size_t> ia, ib;
        ia.reserve(size_t(a.size()));
        ib.reserve(size_t(b.size()));
        for (const QJsonValue &e : a)
            ia.push_back(elementHash(e, key));
        for (const QJsonValue &e : b)
            ib.push_back(elementHash(e, key));
        auto steps = editScript(ia, ib, 4000);
        if (!steps) {
            // Too different for a shortest script: pair elements by position.
            std::vector<EditStep> positional;
            const qsizetype common = std::min(a.size(), b.size());
            for (qsizetype i = 0; i < common; ++i) {
                positional.push_back(EditStep::Delete);
                positional.push_back(EditStep::Insert);
            }
            for (qsizetype i = common; i < a.size(); ++i)
                positional.push_back(EditStep::Delete);
            for (qsizetype i = common; i < b.size(); ++i)
                positional.push_back(EditStep::Insert);
            steps = std::move(positional);
        }
        // Walk the script; `at` is the index in the array as the patch has transformed it so far. Within a run of
        // deletes and inserts, a delete and an insert are paired into an edit of that element, so a changed element
        // becomes operations inside it instead of a remove and an add.
        qsizetype ai = 0, bi = 0, at = 0;
        const std::vector<EditStep> &script = *steps;
        size_t s = 0;
        while (s < script.size()) {
            if (script[s] == EditStep::Keep) {
                if (a.at(ai) != b.at(bi)) { // same identity (or hash), other content
                    path.append(QString::number(at));
                    value(a.at(ai), b.at(bi), path);
                    path.removeLast();
                }
                ++ai, ++bi, ++at, ++s;
                continue;
            }
            size_t end = s;
            qsizetype deletes = 0, inserts = 0;
            while (end < script.size() && script[end] != EditStep::Keep) {
                (script[end] == EditStep::Delete ? deletes : inserts)++;
                ++end;
            }
            const qsizetype paired = key.isEmpty() ? std::min(deletes, inserts) : 0;
            for (qsizetype p = 0; p < paired; ++p) {
                path.append(QString::number(at));
                element(a.at(ai++), b.at(bi++), path);
                path.removeLast();
                ++at;
            }
            for (qsizetype d = paired; d < deletes; ++d) {
                path.append(QString::number(at));
                remove(path, a.at(ai++));
                path.removeLast();
            }
            for (qsizetype i = paired; i < inserts; ++i) {
                path.append(QString::number(at));
                add(path, b.at(bi++));
                path.removeLast();
                ++at;
            }
            s = end;
        }
    }

    const Options &m_options;
};

} // namespace

QJsonArray diff(const QJsonValue &from, const QJsonValue &to, const Options &options)
{
    Differ differ(options);
    QStringList path;
    differ.value(from, to, path);
    return differ.patch;
}

QString identityKey(
    const QJsonArray &a, const QJsonArray &b, const QString &arrayPointer, const QList<ArrayIdentity> &identities)
{
    for (const ArrayIdentity &identity : identities) {
        if (!identity.arrayPointer.isEmpty() && identity.arrayPointer != arrayPointer)
            continue;
        for (const QString &key : identity.keys) {
            const auto all = [&](const QJsonArray &array) {
                return std::all_of(array.begin(), array.end(),
                    [&](const QJsonValue &e) { return e.isObject() && e.toObject().contains(key); });
            };
            if (all(a) && all(b))
                return key;
        }
    }
    return QString();
}

namespace {
// Equal hashes of different elements only cost a larger patch: kept elements are compared again.
size_t contentHash(const QJsonValue &v, size_t seed = 0)
{
    switch (v.type()) {
    case QJsonValue::String:
        return qHash(v.toString(), seed ^ 0x73);
    case QJsonValue::Double:
        return qHash(v.toDouble(), seed ^ 0x6e);
    case QJsonValue::Bool:
        return qHash(v.toBool(), seed ^ 0x62);
    case QJsonValue::Array: {
        size_t h = seed ^ 0x61;
        const QJsonArray array = v.toArray();
        for (const QJsonValue &e : array)
            h = contentHash(e, h * 31 + 7);
        return h;
    }
    case QJsonValue::Object: {
        size_t h = seed ^ 0x6f;
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            h = contentHash(it.value(), qHash(it.key(), h * 31 + 11));
        return h;
    }
    default:
        return seed ^ 0x7a;
    }
}
} // namespace

size_t elementHash(const QJsonValue &element, const QString &key)
{
    return contentHash(key.isEmpty() ? element : element.toObject().value(key));
}

} // namespace JsonDiff
