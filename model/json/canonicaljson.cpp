#include "canonicaljson.h"

#include <QJsonDocument>

namespace CanonicalJson {

QByteArray write(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray pretty(const QByteArray &canonical)
{
    const QJsonDocument document = QJsonDocument::fromJson(canonical);
    if (document.isNull())
        return canonical;
    return document.toJson(QJsonDocument::Indented);
}

} // namespace CanonicalJson
