#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>

// Which member identifies an element of an array, so that the diff pairs elements by it (an order's items by
// product_id) instead of by content. Kinds name theirs (domain/kindregistry.h); the diff takes them as a parameter.
struct ArrayIdentity
{
    QString arrayPointer; // empty: any array in the document
    QStringList keys; // first key present in an element wins
};

// A structural diff: the RFC 6902 patch that turns one JSON value into another, with apply(diff(a, b), a) == b.
// Array elements are matched by the identity keys a kind names (items by product_id, ...) and otherwise by equality
// with a shortest edit script (Myers), so a changed, inserted or removed element yields operations on that element
// only, and elements shifted by insertions are still found.
namespace JsonDiff {

struct Options
{
    QList<ArrayIdentity> identities; // empty: equality matching only
    bool withTests = false; // a "test" of the old value before each replace and remove
};

QJsonArray diff(const QJsonValue &from, const QJsonValue &to, const Options &options = {});

// How the diff pairs the elements of two arrays, for views that must pair them the same way (the compare view's
// side-by-side): by the identity key the first matching ArrayIdentity names, when every element on both sides has
// it (empty: by content) ...
QString identityKey(
    const QJsonArray &a, const QJsonArray &b, const QString &arrayPointer, const QList<ArrayIdentity> &identities);
// ... each element a number for the edit script: a hash of its identity (its value at `key`) or of its content.
size_t elementHash(const QJsonValue &element, const QString &key);

} // namespace JsonDiff
