#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include "domain/kindregistry.h"

// A structural diff: the RFC 6902 patch that turns one JSON value into another, with apply(diff(a, b), a) == b.
// Array elements are matched by the identity keys a kind names (items by product_id, ...) and otherwise by equality
// with a shortest edit script (Myers), so a changed, inserted or removed element yields operations on that element
// only, and elements shifted by insertions are still found.
namespace JsonDiff {

struct Options
{
    QList<ArrayIdentity> identities; // from the kind registry; empty: equality matching only
    bool withTests = false; // a "test" of the old value before each replace and remove
};

QJsonArray diff(const QJsonValue &from, const QJsonValue &to, const Options &options = {});

} // namespace JsonDiff
