#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "domain/kindregistry.h"

// Two JSON documents pretty-printed and aligned by their structure for a side-by-side view: a member present on
// both sides faces itself (unchanged, or Changed when its value differs), members only on the left are Removed and
// only on the right Added; array elements are paired as the structural diff pairs them (by the kind's identity keys,
// else by content). Also where each member of either document starts, so a change (a JSON Pointer) can be scrolled to.
struct SideBySide
{
    enum class Row { Same, Changed, Removed, Added };
    QStringList left, right; // one entry per aligned row; a blank side is an empty string
    QList<Row> rows;
    QHash<QString, int> leftRowOf, rightRowOf; // JSON Pointer -> aligned row where the member starts
    // A removed member as a diff's "remove" names it (array indices counted in the document the earlier operations
    // left, as JsonDiff writes them) -> its row.
    QHash<QString, int> removedRowOf;

    // `pointers`: the members whose rows are wanted (a comparison's change paths); their ancestors come along.
    // `identities`: the kind's array identity keys, as given to JsonDiff, so that elements pair as in the diff.
    static SideBySide build(const QJsonValue &left, const QJsonValue &right, const QStringList &pointers,
        const QList<ArrayIdentity> &identities = {});
    // The aligned row to show for a change at `pointer` (falling back to its parent when the member is not there).
    int rowFor(const QString &op, const QString &pointer) const;
    int changedRows() const;
};
