#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

// The one text form a payload is stored and checksummed in: compact UTF-8 JSON, object keys in QJsonObject's (sorted)
// order, integral numbers as integers and others in their shortest round-trip form, only '"', '\\' and control
// characters escaped; numbers a double cannot hold (JsonNumber) as their kept digits. Stable on every backend because
// the bytes, not a JSONB value, are stored.
namespace CanonicalJson {
QByteArray write(const QJsonObject &object);
void append(QByteArray &out, const QJsonValue &value);
// Any value in the canonical form (a string in quotes, a number kept exactly as its bare digits).
QByteArray compact(const QJsonValue &value);
// Any value for people to read, laid out as QJsonDocument::Indented does (four spaces, a final newline), but with
// exact numbers bare and empty containers on one line.
QByteArray indented(const QJsonValue &value);
QByteArray pretty(const QByteArray &canonical);
// A stored payload's object (StrictJson::readStored); empty if it is not one.
QJsonObject read(const QByteArray &canonical);
} // namespace CanonicalJson
