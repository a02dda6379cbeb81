#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>

std::optional<JsonPointer> JsonPointer::parse(const QString &text)
{
    JsonPointer pointer;
    if (text.isEmpty())
        return pointer;
    if (!text.startsWith(u'/'))
        return std::nullopt;
    const QStringList raw = text.mid(1).split(u'/');
    pointer.m_tokens.reserve(raw.size());
    for (const QString &part : raw) {
        QString token;
        token.reserve(part.size());
        for (qsizetype i = 0; i < part.size(); ++i) {
            const QChar c = part.at(i);
            if (c != u'~') {
                token.append(c);
                continue;
            }
            if (i + 1 >= part.size())
                return std::nullopt;
            const QChar next = part.at(++i);
            if (next == u'0')
                token.append(u'~');
            else if (next == u'1')
                token.append(u'/');
            else
                return std::nullopt;
        }
        pointer.m_tokens.append(token);
    }
    return pointer;
}

JsonPointer JsonPointer::fromTokens(QStringList tokens)
{
    JsonPointer pointer;
    pointer.m_tokens = std::move(tokens);
    return pointer;
}

QString JsonPointer::escape(QString token)
{
    // '~' first, or the '~1' written for '/' would be escaped again.
    return token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

QString JsonPointer::toString() const
{
    QString text;
    for (const QString &token : m_tokens)
        text += u'/' + escape(token);
    return text;
}

std::optional<qsizetype> JsonPointer::arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 18)
        return std::nullopt;
    if (token.size() > 1 && token.front() == u'0')
        return std::nullopt;
    qsizetype index = 0;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index;
}

std::optional<QJsonValue> JsonPointer::evaluate(const QJsonValue &document) const
{
    return walk(document, 0);
}

std::optional<QJsonValue> JsonPointer::evaluate(const QJsonObject &document) const
{
    // The first token is looked up on the object itself: no copy of the document into a QJsonValue (a kind's shapes
    // evaluate a dozen pointers per document).
    if (m_tokens.isEmpty())
        return QJsonValue(document);
    const auto it = document.constFind(m_tokens.first());
    if (it == document.constEnd())
        return std::nullopt;
    return walk(it.value(), 1);
}

std::optional<QJsonValue> JsonPointer::walk(QJsonValue current, qsizetype from) const
{
    for (qsizetype i = from; i < m_tokens.size(); ++i) {
        const QString &token = m_tokens.at(i);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return std::nullopt;
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const auto index = arrayIndex(token);
            if (!index || *index >= array.size())
                return std::nullopt;
            current = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}
