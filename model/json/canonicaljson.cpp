#include "canonicaljson.h"

#include <QJsonArray>

#include "json/jsonnumber.h"
#include "json/strictjson.h"

namespace CanonicalJson {

namespace {

// Escapes and UTF-8-encodes straight into `out`, without a temporary UTF-8 copy of the string: this runs for every key
// and string of every payload written.
void appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + 6 * text.size() + 2); // the worst case: every unit a \u00XX escape; grows geometrically
    char *const begin = out.data() + start;
    char *p = begin;
    *p++ = '"';
    const char16_t *u = text.utf16();
    const char16_t *const end = u + text.size();
    while (u < end) {
        const char32_t c = *u++;
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *p++ = char(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case '"':
                *p++ = '"';
                break;
            case '\\':
                *p++ = '\\';
                break;
            case '\b':
                *p++ = 'b';
                break;
            case '\f':
                *p++ = 'f';
                break;
            case '\n':
                *p++ = 'n';
                break;
            case '\r':
                *p++ = 'r';
                break;
            case '\t':
                *p++ = 't';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[c >> 4];
                *p++ = hex[c & 0xF];
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && u < end && QChar::isLowSurrogate(*u)) {
            const char32_t code = QChar::surrogateToUcs4(char16_t(c), *u++);
            *p++ = char(0xF0 | (code >> 18));
            *p++ = char(0x80 | ((code >> 12) & 0x3F));
            *p++ = char(0x80 | ((code >> 6) & 0x3F));
            *p++ = char(0x80 | (code & 0x3F));
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate stays a \uXXXX escape, as QJsonDocument writes it, so it survives a round trip.
            *p++ = '\\';
            *p++ = 'u';
            *p++ = hex[c >> 12];
            *p++ = hex[(c >> 8) & 0xF];
            *p++ = hex[(c >> 4) & 0xF];
            *p++ = hex[c & 0xF];
        } else {
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
    }
    *p++ = '"';
    out.truncate(start + (p - begin));
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
        JsonNumber::appendText(out, value);
        break;
    case QJsonValue::String: {
        const QString text = value.toString();
        if (!text.isEmpty() && text.front() == QChar(JsonNumber::Mark))
            out.append(QStringView(text).mid(1).toLatin1()); // a number kept as its digits
        else
            appendString(out, text);
        break;
    }
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

namespace {

void appendIndented(QByteArray &out, const QJsonValue &value, int depth)
{
    const auto newline = [&](int level) {
        out.append('\n');
        out.append(QByteArray(4 * level, ' '));
    };
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out.append("[]", 2);
            return;
        }
        out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            newline(depth + 1);
            appendIndented(out, array.at(i), depth + 1);
            if (i + 1 < array.size())
                out.append(',');
        }
        newline(depth);
        out.append(']');
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out.append("{}", 2);
            return;
        }
        out.append('{');
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it != object.constBegin())
                out.append(',');
            newline(depth + 1);
            appendString(out, it.key());
            out.append(": ", 2);
            appendIndented(out, it.value(), depth + 1);
        }
        newline(depth);
        out.append('}');
    } else {
        append(out, value);
    }
}

} // namespace

QByteArray indented(const QJsonValue &value)
{
    QByteArray out;
    appendIndented(out, value, 0);
    out.append('\n');
    return out;
}

QByteArray compact(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QByteArray pretty(const QByteArray &canonical)
{
    const auto value = StrictJson::readStored(canonical);
    return value ? indented(*value) : canonical;
}

QJsonObject read(const QByteArray &canonical)
{
    const auto value = StrictJson::readStored(canonical);
    return value ? value->toObject() : QJsonObject();
}

} // namespace CanonicalJson
