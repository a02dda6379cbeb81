#include "pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextBoundaryFinder>

#include "domain/kindregistry.h"
#include "json/jsonnumber.h"
#include "json/jsonpointer.h"

namespace Pii {

bool isPersonalKey(const QString &key)
{
    static const QStringList keys { QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("address"),
        QStringLiteral("customer_phone"), QStringLiteral("customer_email"), QStringLiteral("customer_address") };
    return keys.contains(key);
}

QString maskText(const QString &text)
{
    // Counted in grapheme clusters, not UTF-16 units: a Thai consonant and its vowel and tone marks are one
    // character to a reader, and a mark left on a bullet would both look broken and give away part of the text.
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

void collect(const QJsonValue &value, QStringList &path, QStringList &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
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

} // namespace Pii
