#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "domain/error.h"

// JSON whose values carry their type in a wrapper, as two of the seed systems' stores export it, read as the plain JSON
// it stands for. Nothing else changes: members keep their names and order, numbers their exact digits (JsonNumber).
// A broken wrapper is an error naming its JSON Pointer.

// MongoDB Extended JSON v2, canonical and relaxed (what mongoexport writes): {"$oid": hex} is the hex string,
// {"$date": ...} (an ISO 8601 time or {"$numberLong": ms}) an RFC 3339 UTC time (milliseconds kept when there are
// any), {"$numberDecimal"|"$numberLong"|"$numberInt"|"$numberDouble": text} the number. Wrappers with no plain JSON
// form ($binary, $timestamp, $regularExpression, ...) stay as they are.
namespace ExtendedJson {

Result<QJsonValue> decode(const QJsonValue &value);
// Whether `value` holds any of the wrappers decode() removes (at any depth).
bool hasWrappers(const QJsonValue &value);

} // namespace ExtendedJson

// DynamoDB's attribute values: {"S": text}, {"N": "digits"}, {"BOOL": b}, {"NULL": true}, {"M": {...}}, {"L": [...]},
// {"SS"|"NS"|"BS": [...]}, {"B": base64} (kept as its base64 text), as DynamoDB's export writes an item
// ({"Item": {...}} per line) and its API returns it.
namespace DynamoJson {

// An item of attribute values (the object under "Item" or the item itself) as plain JSON.
Result<QJsonObject> unmarshal(const QJsonObject &item);
// Whether every member of `item` is an attribute value (one member naming a DynamoDB type): an item to unmarshal.
bool isTypedItem(const QJsonObject &item);
// An export line: exactly {"Item": typed item}.
bool isExportLine(const QJsonObject &line);

} // namespace DynamoJson
