#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "domain/analytics.h"
#include "domain/error.h"

class SnapshotStore;

// The series the charts plot and `snapscope-cli series` prints: aggregated in SQL by the store, then every period of
// the range present (an empty period is there with hasData false, never dropped).
namespace AnalyticsSeries {

// The first day of every period from `from` to `to` (a week starts on Monday; the first period starts at `from`'s
// period even when `from` is later in it).
QList<QDate> periods(const QDate &from, const QDate &to, Granularity granularity);
QDate periodStart(const QDate &day, Granularity granularity);

Result<QList<InventoryPoint>> inventory(SnapshotStore &store, const InventorySeriesQuery &query);
Result<QList<ChatPoint>> chat(SnapshotStore &store, const ChatSeriesQuery &query);
// The range of equal length just before [from, to], for the previous-period overlay.
std::pair<QDate, QDate> previousRange(const QDate &from, const QDate &to);

QJsonObject toJson(const InventoryPoint &point);
QJsonObject toJson(const ChatPoint &point);
// CSV (RFC 4180), one row per period, the same fields as the JSON.
QString inventoryCsv(const QList<InventoryPoint> &points);
QString chatCsv(const QList<ChatPoint> &points);

std::optional<Granularity> granularityFromText(const QString &text);

} // namespace AnalyticsSeries
