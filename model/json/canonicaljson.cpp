#include "canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace CanonicalJson {

namespace {

void appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\') {
            out.append(c);
            continue;
        }
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00", 3);
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xF]);
        }
    }
    out.append('"');
}

void appendNumber(QByteArray &out, const QJsonValue &value)
{
    // QJsonValue keeps integral values that fit in 64 bits as integers: they print exactly, as QJsonDocument does.
    const qint64 integer = value.toInteger(0);
    if (integer != 0 || value.toInteger(1) == 0) {
        out.append(QByteArray::number(integer));
        return;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d)) {
        out.append("null", 4);
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

} // namespace

void append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        break;
    case QJsonValue::Bool:
        value.toBool() ? out.append("true", 4) : out.append("false", 5);
        break;
    case QJsonValue::Double:
        appendNumber(out, value);
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue &element : array) {
            if (!first)
                out.append(',');
            first = false;
            append(out, element);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        out.append('{');
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendString(out, it.key());
            out.append(':');
            append(out, it.value());
        }
        out.append('}');
        break;
    }
    }
}

QByteArray write(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(512);
    append(out, object);
    return out;
}

QByteArray pretty(const QByteArray &canonical)
{
    const QJsonDocument document = QJsonDocument::fromJson(canonical);
    if (document.isNull())
        return canonical;
    return document.toJson(QJsonDocument::Indented);
}

} // namespace CanonicalJson
