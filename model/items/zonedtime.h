#pragma once

#include <QAbstractItemModel>
#include <QTimeZone>

#include "json/isotime.h"

// The one rule for times on screen: the tenant's business zone, named in the column's header ("When (Asia/Bangkok)").
namespace ZonedTime {

// Stores `zone` (UTC when it is not valid) in `current`. When that changes what is shown, `model`'s views are told
// that `column`'s header and cells read differently; returns whether it changed.
inline bool set(QTimeZone &current, const QTimeZone &zone, QAbstractItemModel &model, int column)
{
    const QTimeZone shown = IsoTime::validOrUtc(zone);
    if (shown == current)
        return false;
    current = shown;
    Q_EMIT model.headerDataChanged(Qt::Horizontal, column, column);
    if (const int rows = model.rowCount(); rows > 0)
        Q_EMIT model.dataChanged(model.index(0, column), model.index(rows - 1, column));
    return true;
}

// "When (Asia/Bangkok)" from a translated "When (%1)".
inline QString header(const QString &pattern, const QTimeZone &zone)
{
    return pattern.arg(QString::fromUtf8(zone.id()));
}

} // namespace ZonedTime
