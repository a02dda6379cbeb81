#include "typedjson.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "json/isotime.h"
#include "json/jsonpointer.h"
#include "json/strictjson.h"

namespace {

Error broken(const QString &pointer, const QString &why)
{
    return Error { Error::Code::Invalid,
        QStringLiteral("broken type wrapper at %1: %2").arg(pointer.isEmpty() ? QStringLiteral("/") : pointer, why) };
}

QString child(const QString &pointer, const QString &token)
{
    return pointer + u'/' + JsonPointer::escape(token);
}

// A number written as text ("123.45", "9007199254740993") as the JSON number it is, its digits kept.
Result<QJsonValue> numberFromText(const QString &text, const QString &pointer)
{
    static const QRegularExpression literal(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (!literal.match(text).hasMatch())
        return broken(pointer, QStringLiteral("\"%1\" is not a JSON number").arg(text.left(40)));
    auto value = StrictJson::parse(text.toLatin1(), pointer);
    if (!value)
        return broken(pointer, value.error().message);
    return value;
}

// --- MongoDB Extended JSON v2 ---

bool isWrapper(const QJsonObject &o)
{
    if (o.size() != 1)
        return false;
    const QString key = o.begin().key();
    return key == u"$oid" || key == u"$date" || key == u"$numberDecimal" || key == u"$numberLong"
        || key == u"$numberInt" || key == u"$numberDouble";
}

Result<QJsonValue> decodeWrapper(const QJsonObject &o, const QString &pointer)
{
    const QString key = o.begin().key();
    const QJsonValue v = o.begin().value();
    const QString at = child(pointer, key);
    if (key == u"$oid") {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{24}$"));
        if (!v.isString() || !hex.match(v.toString()).hasMatch())
            return broken(at, QStringLiteral("an ObjectId is 24 hexadecimal digits"));
        return QJsonValue(v.toString().toLower());
    }
    if (key == u"$date") {
        EpochMs ms = 0;
        if (v.isString()) {
            auto parsed = IsoTime::parseDateTime(v.toString());
            if (!parsed)
                return broken(at, parsed.error().message);
            ms = *parsed;
        } else if (v.isObject() && v.toObject().size() == 1 && v.toObject().contains(u"$numberLong")
            && v.toObject().value(u"$numberLong").isString()) {
            bool ok = false;
            ms = v.toObject().value(u"$numberLong").toString().toLongLong(&ok);
            if (!ok)
                return broken(child(at, QStringLiteral("$numberLong")), QStringLiteral("not a 64-bit integer"));
        } else {
            return broken(at, QStringLiteral("a date is an ISO 8601 string or {\"$numberLong\": milliseconds}"));
        }
        return QJsonValue(ms % 1000 == 0 ? IsoTime::toUtcSeconds(ms) : IsoTime::toUtcString(ms));
    }
    // $numberDecimal, $numberLong, $numberInt, $numberDouble: the number its text writes.
    if (!v.isString())
        return broken(at, QStringLiteral("the number is written as a string"));
    const QString text = v.toString();
    if (text == u"NaN" || text == u"Infinity" || text == u"-Infinity")
        return broken(at, QStringLiteral("%1 has no JSON number").arg(text));
    if (key == u"$numberLong" || key == u"$numberInt") {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok || (key == u"$numberInt" && (n < INT32_MIN || n > INT32_MAX)))
            return broken(at,
                QStringLiteral("\"%1\" is not a %2-bit integer")
                    .arg(text.left(40), key == u"$numberInt" ? QStringLiteral("32") : QStringLiteral("64")));
        return QJsonValue(n);
    }
    return numberFromText(text, at);
}

Result<QJsonValue> decodeAt(const QJsonValue &value, const QString &pointer)
{
    if (value.isArray()) {
        const QJsonArray in = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < in.size(); ++i) {
            auto element = decodeAt(in.at(i), pointer + u'/' + QString::number(i));
            if (!element)
                return element;
            out.append(*element);
        }
        return QJsonValue(out);
    }
    if (!value.isObject())
        return value;
    const QJsonObject in = value.toObject();
    if (isWrapper(in))
        return decodeWrapper(in, pointer);
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        auto member = decodeAt(it.value(), child(pointer, it.key()));
        if (!member)
            return member;
        out.insert(it.key(), *member);
    }
    return QJsonValue(out);
}

// --- DynamoDB attribute values ---

bool isTypeName(const QString &key)
{
    static const QStringList types { QStringLiteral("S"), QStringLiteral("N"), QStringLiteral("B"),
        QStringLiteral("BOOL"), QStringLiteral("NULL"), QStringLiteral("M"), QStringLiteral("L"), QStringLiteral("SS"),
        QStringLiteral("NS"), QStringLiteral("BS") };
    return types.contains(key);
}

bool isAttributeValue(const QJsonValue &value)
{
    return value.isObject() && value.toObject().size() == 1 && isTypeName(value.toObject().begin().key());
}

Result<QJsonValue> attribute(const QJsonValue &value, const QString &pointer);

Result<QJsonObject> item(const QJsonObject &in, const QString &pointer)
{
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        auto member = attribute(it.value(), child(pointer, it.key()));
        if (!member)
            return member.error();
        out.insert(it.key(), *member);
    }
    return out;
}

Result<QJsonValue> attribute(const QJsonValue &value, const QString &pointer)
{
    if (!isAttributeValue(value))
        return broken(pointer, QStringLiteral("an attribute value is one of S, N, B, BOOL, NULL, M, L, SS, NS, BS"));
    const QString type = value.toObject().begin().key();
    const QJsonValue v = value.toObject().begin().value();
    const QString at = child(pointer, type);
    const auto strings = [&](bool numbers) -> Result<QJsonValue> {
        if (!v.isArray())
            return broken(at, QStringLiteral("a set is an array"));
        QJsonArray out;
        const QJsonArray in = v.toArray();
        for (qsizetype i = 0; i < in.size(); ++i) {
            const QString elementAt = at + u'/' + QString::number(i);
            if (!in.at(i).isString())
                return broken(elementAt, QStringLiteral("a set's elements are strings"));
            if (numbers) {
                auto n = numberFromText(in.at(i).toString(), elementAt);
                if (!n)
                    return n;
                out.append(*n);
            } else {
                out.append(in.at(i));
            }
        }
        return QJsonValue(out);
    };
    if (type == u"S" || type == u"B") {
        if (!v.isString())
            return broken(at, QStringLiteral("expected a string"));
        return v;
    }
    if (type == u"N") {
        if (!v.isString())
            return broken(at, QStringLiteral("a number is written as a string"));
        return numberFromText(v.toString(), at);
    }
    if (type == u"BOOL") {
        if (!v.isBool())
            return broken(at, QStringLiteral("expected true or false"));
        return v;
    }
    if (type == u"NULL") {
        if (v != QJsonValue(true))
            return broken(at, QStringLiteral("NULL is written as true"));
        return QJsonValue(QJsonValue::Null);
    }
    if (type == u"M") {
        if (!v.isObject())
            return broken(at, QStringLiteral("a map is an object"));
        auto map = item(v.toObject(), at);
        if (!map)
            return map.error();
        return QJsonValue(*map);
    }
    if (type == u"L") {
        if (!v.isArray())
            return broken(at, QStringLiteral("a list is an array"));
        QJsonArray out;
        const QJsonArray in = v.toArray();
        for (qsizetype i = 0; i < in.size(); ++i) {
            auto element = attribute(in.at(i), at + u'/' + QString::number(i));
            if (!element)
                return element;
            out.append(*element);
        }
        return QJsonValue(out);
    }
    return strings(type == u"NS"); // SS, NS, BS
}

} // namespace

namespace ExtendedJson {

Result<QJsonValue> decode(const QJsonValue &value)
{
    return decodeAt(value, QString());
}

bool hasWrappers(const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            if (hasWrappers(v))
                return true;
        return false;
    }
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    if (isWrapper(o))
        return true;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (hasWrappers(it.value()))
            return true;
    return false;
}

} // namespace ExtendedJson

namespace DynamoJson {

Result<QJsonObject> unmarshal(const QJsonObject &typed)
{
    return item(typed, QString());
}

bool isTypedItem(const QJsonObject &typed)
{
    if (typed.isEmpty())
        return false;
    for (auto it = typed.begin(); it != typed.end(); ++it)
        if (!isAttributeValue(it.value()))
            return false;
    return true;
}

bool isExportLine(const QJsonObject &line)
{
    return line.size() == 1 && line.contains(u"Item") && line.value(u"Item").isObject()
        && isTypedItem(line.value(u"Item").toObject());
}

} // namespace DynamoJson
