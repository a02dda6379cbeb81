#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

struct KindShape;

// A document's facts by the names its kind's definition gives them ("customer_phone", "key_messages"), whatever shape
// the system wrote it in: the one way views and reports read a payload. A document no shape of its kind recognises
// has no facts (every value undefined).
class KindFacts
{
public:
    KindFacts(const QString &kind, const QJsonObject &document);

    bool isRecognised() const { return m_shape != nullptr; }
    QJsonValue value(QStringView name) const;
    QJsonValue raw(QStringView name) const; // an object or array as it is
    QString text(QStringView name) const; // a scalar as text (numbers as their JSON text), empty when absent
    QString html(QStringView name) const { return text(name).toHtmlEscaped(); }
    double number(QStringView name) const;
    QList<QJsonObject> elements(QStringView name) const;

private:
    QJsonObject m_document;
    const KindShape *m_shape = nullptr;
};
