#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// An RFC 6901 JSON Pointer: parsed once into reference tokens, then evaluated against documents.
class JsonPointer
{
public:
    JsonPointer() = default; // the whole document ("")

    // Parses "/a/b~1c"; nullopt when the text is not a pointer (no leading '/', bad '~' escape).
    static std::optional<JsonPointer> parse(const QString &text);
    // Builds a pointer from unescaped tokens.
    static JsonPointer fromTokens(QStringList tokens);

    const QStringList &tokens() const { return m_tokens; }
    bool isRoot() const { return m_tokens.isEmpty(); }
    QString toString() const;

    // The value the pointer names, or nullopt when it names nothing in `document`.
    std::optional<QJsonValue> evaluate(const QJsonValue &document) const;
    std::optional<QJsonValue> evaluate(const QJsonObject &document) const;

    // An array index token per RFC 6901: "0" or digits without a leading zero.
    static std::optional<qsizetype> arrayIndex(const QString &token);
    static QString escape(QString token);

private:
    std::optional<QJsonValue> walk(QJsonValue current, qsizetype from) const;

    QStringList m_tokens;
};
