#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include "domain/error.h"

// RFC 6902 JSON Patch. Applying is atomic: the document is changed only when every operation succeeds; a failure
// names the failing operation's index and why.
namespace JsonPatch {

Result<QJsonValue> apply(const QJsonValue &document, const QJsonArray &patch);

// How many operations of each kind a patch holds (a diff's summary).
struct Summary
{
    int changed = 0; // replace
    int added = 0; // add, copy
    int removed = 0;
    int moved = 0;
    int tests = 0;
    int total() const { return changed + added + removed + moved + tests; }
};
Summary summarize(const QJsonArray &patch);

} // namespace JsonPatch
