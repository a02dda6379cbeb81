#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

// The one text form a payload is stored and checksummed in: compact UTF-8 JSON, object keys in QJsonObject's (sorted)
// order, integral numbers as integers and others in their shortest round-trip form, only '"', '\\' and control
// characters escaped. Stable on every backend because the bytes, not a JSONB value, are stored.
namespace CanonicalJson {
QByteArray write(const QJsonObject &object);
void append(QByteArray &out, const QJsonValue &value);
QByteArray pretty(const QByteArray &canonical);
} // namespace CanonicalJson
