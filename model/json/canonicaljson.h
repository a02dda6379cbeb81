#pragma once

#include <QByteArray>
#include <QJsonObject>

// The one text form a payload is stored and checksummed in: compact UTF-8 JSON with object keys in
// QJsonObject's (sorted) order. Stable on every backend because the bytes, not a JSONB value, are stored.
namespace CanonicalJson {
QByteArray write(const QJsonObject &object);
QByteArray pretty(const QByteArray &canonical);
}
