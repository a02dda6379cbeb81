#include "pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextBoundaryFinder>

#include "json/jsonnumber.h"
#include "json/jsonpointer.h"

namespace Pii {

std::optional<Role> roleFromString(const QString &text)
{
    if (text == u"support")
        return Role::Support;
    if (text == u"admin")
        return Role::Admin;
    return std::nullopt;
}

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("support");
}

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

QJsonValue masked(const QJsonValue &value, const QStringList &revealed)
{
    return mask(value, revealed, false);
}

QStringList personalPointers(const QJsonValue &value)
{
    QStringList path, out;
    collect(value, path, out);
    return out;
}

} // namespace Pii
