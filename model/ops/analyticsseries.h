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
// The last day of the period that starts on (or contains) `day`.
QDate periodEnd(const QDate &day, Granularity granularity);

Result<QList<InventoryPoint>> inventory(SnapshotStore &store, const InventorySeriesQuery &query);
Result<QList<ChatPoint>> chat(SnapshotStore &store, const ChatSeriesQuery &query);
// The range of equal length just before [from, to], for the previous-period overlay.
std::pair<QDate, QDate> previousRange(const QDate &from, const QDate &to);

// What the charts show: the series (and the previous range's), the tenant whose business days they are and, for the
// inventory, why there is nothing to draw (a store or product the tenant has no inventory for, or no data in range).
Result<InventoryChartData> inventoryChart(SnapshotStore &store, const InventorySeriesQuery &query, bool withPrevious);
Result<ChatChartData> chatChart(SnapshotStore &store, const ChatSeriesQuery &query);

// A measure of every period, none where the period has no data (or, for a rate or an average, nothing to divide).
SeriesLine line(const QList<InventoryPoint> &points, InventoryMeasure measure);
SeriesLine line(const QList<ChatPoint> &points, ChatMeasure measure);
// The unbroken stretches of a line, in order; the periods between them are its gaps.
QList<LineRun> runs(const SeriesLine &line);

// Round ticks for a value axis over [min, max], at most maxTicks of them (at least 2); with `integers`, steps are whole
// numbers (a count of units or conversations is never 2.8). The range always includes min and max.
AxisTicks niceTicks(double min, double max, int maxTicks, bool integers);
// The periods that get a label on the time axis, at most maxLabels of them: every k-th period, k a round number of
// days, weeks or months, aligned to the calendar (Mondays, the 1st of a month, January, April, July, October).
QList<qsizetype> labelledPeriods(const QList<QDate> &periods, Granularity granularity, int maxLabels);

QJsonObject toJson(const InventoryPoint &point);
// conversion_rate is null for a period without conversations.
QJsonObject toJson(const ChatPoint &point);
// CSV (RFC 4180), one row per period, the same fields as the JSON.
QString inventoryCsv(const QList<InventoryPoint> &points);
QString chatCsv(const QList<ChatPoint> &points);

// The monthly inventory report (SnapshotStore::monthlyInventory) as JSON and CSV: money rounded to cents.
QJsonObject toJson(const MonthlyInventoryLine &line);
QString monthlyInventoryCsv(const QList<MonthlyInventoryLine> &lines);
// "2026-07" -> 2026-07-01; anything else is no month.
std::optional<QDate> monthFromText(const QString &text);

std::optional<Granularity> granularityFromText(const QString &text);

} // namespace AnalyticsSeries
