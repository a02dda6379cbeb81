#include "pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <optional>

#include "domain/kindregistry.h"
#include "json/jsonnumber.h"
#include "json/jsonpointer.h"

namespace Pii {

bool isPersonalKey(const QString &key)
{
    // phone, email, address and their forms: customer_phone, shippingAddress, delivery_address, contactEmail.
    for (const QLatin1String name : { QLatin1String("phone"), QLatin1String("email"), QLatin1String("address") }) {
        if (key.endsWith(name, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString maskText(const QString &text)
{
    // Counted in grapheme clusters, not UTF-16 units: a Thai consonant and its vowel and tone marks are one
    // character to a reader, and a mark left on a bullet would both look broken and give away part of the text.
    if (text == Withheld) // nothing to mask: the value is not here
        return text;
    constexpr qsizetype Shown = 2;
    const QChar dot(0x2022);
    QList<qsizetype> starts;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    for (qsizetype at = graphemes.position(); at >= 0 && at < text.size(); at = graphemes.toNextBoundary())
        starts.append(at);
    const qsizetype count = starts.size();
    if (count <= 2 * Shown)
        return QString(count, dot);
    return QString(count - Shown, dot) + text.mid(starts.at(count - Shown));
}

namespace {

// One walk for both: outside a personal member only its personal members change; inside one everything does.
QJsonValue mask(const QJsonValue &value, const QStringList &revealed, bool inside)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value()
                = mask(it.value(), revealed, inside || (isPersonalKey(it.key()) && !revealed.contains(it.key())));
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = mask(*it, revealed, inside);
        return a;
    }
    if (value.isString() && value.toString() == Withheld)
        return value;
    if (inside && JsonNumber::isExact(value))
        return maskText(QString::fromLatin1(JsonNumber::text(value)));
    if (inside && value.isString())
        return maskText(value.toString());
    if (inside && value.isDouble())
        return maskText(QString::number(value.toDouble(), 'g', 17));
    return value;
}

// `value` with the value at `tokens` masked through and through.
QJsonValue replaced(const QJsonValue &value, const QStringList &tokens, qsizetype depth)
{
    if (depth == tokens.size())
        return mask(value, {}, true);
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        const auto it = o.find(tokens.at(depth));
        if (it != o.end())
            it.value() = replaced(it.value(), tokens, depth + 1);
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        const auto index = JsonPointer::arrayIndex(tokens.at(depth));
        if (index && *index < a.size())
            a.replace(*index, replaced(a.at(*index), tokens, depth + 1));
        return a;
    }
    return value;
}

// `value` with `to` at `tokens` (from `depth` on); unchanged where the place does not exist.
QJsonValue setAt(const QJsonValue &value, const QStringList &tokens, qsizetype depth, const QJsonValue &to)
{
    if (depth == tokens.size())
        return to;
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        const auto it = o.find(tokens.at(depth));
        if (it != o.end())
            it.value() = setAt(it.value(), tokens, depth + 1, to);
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        const auto index = JsonPointer::arrayIndex(tokens.at(depth));
        if (index && *index < a.size())
            a.replace(*index, setAt(a.at(*index), tokens, depth + 1, to));
        return a;
    }
    return value;
}

// `value` with each member for which `replace(name, member)` gives a value replaced by it, and the others walked into.
template <typename Replace> QJsonValue mapMembers(const QJsonValue &value, const Replace &replace)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue member = it.value();
            const std::optional<QJsonValue> replaced = replace(it.key(), member);
            it.value() = replaced ? *replaced : mapMembers(member, replace);
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = mapMembers(QJsonValue(*it), replace);
        return a;
    }
    return value;
}

// Every contact-detail member's value withheld, at any depth.
QJsonValue withholdByName(const QJsonValue &value)
{
    return mapMembers(value, [](const QString &name, const QJsonValue &) -> std::optional<QJsonValue> {
        return isPersonalKey(name) ? std::optional<QJsonValue>(QJsonValue(Withheld)) : std::nullopt;
    });
}

// An RFC 6902 operation (an event's patch) that sets a contact detail: {"op": "replace", "path": "/customer/phone",
// "value": …}.
bool setsPersonal(const QJsonObject &o)
{
    if (!o.contains(u"value") || !o.value(u"path").isString())
        return false;
    const auto path = JsonPointer::parse(o.value(u"path").toString());
    return path && std::any_of(path->tokens().begin(), path->tokens().end(), isPersonalKey);
}

void collect(const QJsonValue &value, QStringList &path, QStringList &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (setsPersonal(o)) {
            path.append(QStringLiteral("value"));
            out.append(JsonPointer::fromTokens(path).toString());
            path.removeLast();
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == u"value" && setsPersonal(o))
                continue;
            path.append(it.key());
            if (isPersonalKey(it.key()))
                out.append(JsonPointer::fromTokens(path).toString());
            else
                collect(it.value(), path, out);
            path.removeLast();
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            path.append(QString::number(i));
            collect(a.at(i), path, out);
            path.removeLast();
        }
    }
}

} // namespace

QStringList personalPointers(const QJsonValue &value, const QString &kind)
{
    // The kind's personal fields for the document's shape, and every member whose name says it is a contact detail.
    QStringList path, out;
    collect(value, path, out);
    const KindDefinition *definition = KindRegistry::find(kind);
    if (definition && value.isObject()) {
        if (const KindShape *shape = definition->recognise(value.toObject())) {
            for (const QString &pointer : shape->personalPointers(value.toObject())) {
                if (!out.contains(pointer))
                    out.append(pointer);
            }
        }
    }
    return out;
}

QJsonValue masked(const QJsonValue &value, const QString &kind, const QStringList &revealed)
{
    // Belt and braces: every member whose name says it is a contact detail (a summary's customer_phone, a document of
    // a shape this SnapScope does not know), then the kind's personal summary fields, then the personal fields the
    // kind's definition names for the document's shape. A summary may look like a shape (an order's has "status"):
    // the name rule still masks it.
    QJsonValue out = mask(value, revealed, false);
    const KindDefinition *definition = KindRegistry::find(kind);
    if (!definition || !out.isObject())
        return out;
    for (const QString &field : definition->personalSummaryFields) {
        if (!revealed.contains(field))
            out = replaced(out, { field }, 0);
    }
    if (const KindShape *shape = definition->recognise(value.toObject())) {
        // Everything under each pointer is masked, unless its member was revealed.
        for (const QString &pointer : shape->personalPointers(value.toObject())) {
            const QStringList tokens = JsonPointer::parse(pointer)->tokens();
            if (tokens.isEmpty() || revealed.contains(tokens.last()))
                continue;
            out = replaced(out, tokens, 0);
        }
    }
    return out;
}

WithheldDocument withhold(const QJsonObject &payload, const QString &kind)
{
    QStringList pointers = personalPointers(payload, kind);
    // A field inside another is withheld with it.
    std::sort(pointers.begin(), pointers.end());
    WithheldDocument out { payload, {} };
    QJsonValue document = payload;
    QString outer;
    for (const QString &pointer : std::as_const(pointers)) {
        if (!outer.isEmpty() && pointer.startsWith(outer + u'/'))
            continue;
        const auto parsed = JsonPointer::parse(pointer);
        if (!parsed || parsed->isRoot())
            continue;
        const auto value = parsed->evaluate(document);
        if (!value)
            continue;
        outer = pointer;
        out.fields.append({ pointer, *value });
        document = setAt(document, parsed->tokens(), 0, QJsonValue(Withheld));
    }
    out.document = document.toObject();
    return out;
}

WithheldDocument withholdSummary(const QJsonObject &summary, const QString &kind)
{
    WithheldDocument out { summary, {} };
    QStringList names;
    if (const KindDefinition *definition = KindRegistry::find(kind))
        names = definition->personalSummaryFields;
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        if (isPersonalKey(it.key()) && !names.contains(it.key()))
            names.append(it.key());
    }
    for (const QString &name : std::as_const(names)) {
        const auto it = out.document.find(name);
        if (it == out.document.end())
            continue;
        out.fields.append({ SummaryPrefix + name, it.value() });
        it.value() = QJsonValue(Withheld);
    }
    return out;
}

QJsonArray withholdPatch(const QJsonArray &patch, const QStringList &pointers)
{
    QJsonArray out;
    for (const QJsonValue &entry : patch) {
        QJsonObject operation = entry.toObject();
        const QString path = operation.value(u"path").toString();
        // A change inside a withheld field is no change to the withheld document (the field is one placeholder).
        const auto inside = [&](const QString &at) {
            const auto parsed = JsonPointer::parse(at);
            if (parsed && parsed->tokens().size() > 1
                && std::any_of(parsed->tokens().begin(), parsed->tokens().end() - 1, isPersonalKey))
                return true; // under a contact-detail member, which is withheld whole
            return std::any_of(pointers.begin(), pointers.end(),
                [&](const QString &pointer) { return at.startsWith(pointer + u'/'); });
        };
        if (inside(path) || inside(operation.value(u"from").toString()))
            continue;
        const auto value = operation.find(u"value");
        if (value != operation.end()) {
            const auto at = JsonPointer::parse(path);
            QJsonValue withheld = withholdByName(value.value());
            if (at && !at->tokens().isEmpty() && isPersonalKey(at->tokens().last()))
                withheld = QJsonValue(Withheld);
            for (const QString &pointer : pointers) {
                if (pointer == path) {
                    withheld = QJsonValue(Withheld);
                    break;
                }
                if (at && pointer.startsWith(path + u'/')) {
                    if (const auto field = JsonPointer::parse(pointer))
                        withheld = setAt(withheld, field->tokens(), at->tokens().size(), QJsonValue(Withheld));
                }
            }
            value.value() = withheld;
        }
        out.append(operation);
    }
    return out;
}

QJsonValue placed(const QJsonValue &document, const QString &pointer, const QJsonValue &value)
{
    if (pointer.startsWith(SummaryPrefix)) {
        QJsonObject o = document.toObject();
        const QString name = pointer.mid(SummaryPrefix.size());
        if (o.contains(name))
            o.insert(name, value);
        return o;
    }
    const auto parsed = JsonPointer::parse(pointer);
    return parsed ? setAt(document, parsed->tokens(), 0, value) : document;
}

QJsonValue filled(const QJsonValue &value, const QHash<QString, QJsonValue> &byName)
{
    return mapMembers(value, [&byName](const QString &name, const QJsonValue &member) -> std::optional<QJsonValue> {
        const auto found = byName.constFind(name);
        if (found != byName.constEnd() && member.isString() && member.toString() == Withheld)
            return *found;
        return std::nullopt;
    });
}

bool mentions(const QJsonValue &value, const QString &name)
{
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        return std::any_of(a.begin(), a.end(), [&](const QJsonValue &v) { return mentions(v, name); });
    }
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    if (const QJsonValue path = o.value(u"path"); path.isString()) {
        const auto parsed = JsonPointer::parse(path.toString());
        if (parsed && parsed->tokens().contains(name))
            return true;
        // A copy or a move brings a subtree whose members the operation does not show: it may hold the detail.
        const QString op = o.value(u"op").toString();
        if (op == u"copy" || op == u"move")
            return true;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == name || mentions(it.value(), name))
            return true;
    }
    return false;
}

QJsonObject restore(QJsonObject document, const QList<WithheldField> &fields)
{
    QJsonValue out = document;
    for (const WithheldField &f : fields) {
        if (!f.field.startsWith(SummaryPrefix))
            out = placed(out, f.field, f.value);
    }
    return out.toObject();
}

} // namespace Pii
