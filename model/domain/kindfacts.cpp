#include "kindfacts.h"

#include "domain/kindregistry.h"
#include "json/jsonnumber.h"

KindFacts::KindFacts(const QString &kind, const QJsonObject &document)
    : m_document(document)
{
    if (const KindDefinition *definition = KindRegistry::find(kind))
        m_shape = definition->recognise(document);
}

QJsonValue KindFacts::value(QStringView name) const
{
    return m_shape ? m_shape->value(m_document, name) : QJsonValue(QJsonValue::Undefined);
}

QJsonValue KindFacts::raw(QStringView name) const
{
    return m_shape ? m_shape->raw(m_document, name) : QJsonValue(QJsonValue::Undefined);
}

QString KindFacts::text(QStringView name) const
{
    return JsonNumber::scalarText(value(name));
}

double KindFacts::number(QStringView name) const
{
    return JsonNumber::toDouble(value(name));
}

QList<QJsonObject> KindFacts::elements(QStringView name) const
{
    return m_shape ? m_shape->elements(m_document, name) : QList<QJsonObject>();
}
