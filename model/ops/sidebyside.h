#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Two JSON documents pretty-printed and aligned line by line for a side-by-side view: equal lines face each
// other, a changed line faces its new version, and removed or added lines face a blank. Also where each member of
// either document starts, so a change (a JSON Pointer) can be scrolled to.
struct SideBySide
{
    enum class Row { Same, Changed, Removed, Added };
    QStringList left, right; // one entry per aligned row; a blank side is an empty string
    QList<Row> rows;
    QHash<QString, int> leftRowOf, rightRowOf; // JSON Pointer -> aligned row where the member starts

    // `pointers`: the members whose rows are wanted (a comparison's change paths); their ancestors come along.
    static SideBySide build(const QJsonValue &left, const QJsonValue &right, const QStringList &pointers);
    // The aligned row to show for a change at `pointer` (falling back to its parent when the member is not there).
    int rowFor(const QString &op, const QString &pointer) const;
    int changedRows() const;
};
