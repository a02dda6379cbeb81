#pragma once

#include <QDate>
#include <QString>

#include <optional>

// The analysts' series: what the inventory and chat charts plot, one point per period.
enum class Granularity { Day, Week, Month }; // weeks start on Monday

struct InventorySeriesQuery
{
    QString tenant;
    QDate from, to; // business days, both included
    QString storeCode; // empty: every store
    QString productId; // empty: every product (or the top N)
    int topN = 0; // > 0: only the N products with the largest stock value on the last day with data
    Granularity granularity = Granularity::Day;
};

// For a week or month: opening is the first day's opening, closing the last day's closing, the flows and adjustments
// are summed, and the value is the last day's total value (the monthly inventory report of the specification).
struct InventoryPoint
{
    QDate period; // the period's first day (or the first day of the range, if later)
    qint64 opening = 0, closing = 0, inbound = 0, outbound = 0, adjustments = 0;
    double totalValue = 0;
    bool hasData = false; // false: no fact rows in this period (the values are zero)
};

struct ChatSeriesQuery
{
    QString tenant;
    QDate from, to;
    QString snapshotType = QStringLiteral("session_ended");
    QString platform; // empty: every platform
    std::optional<bool> humanHandoff; // unset: both
    Granularity granularity = Granularity::Day;
};

struct ChatPoint
{
    QDate period;
    qint64 conversations = 0, converted = 0;
    std::optional<double> averageOrderValue; // over converted conversations with a value
    std::optional<double> averageDurationS, averageSatisfaction;
    qint64 line = 0, facebook = 0, whatsapp = 0;
    bool hasData = false;
    double conversionRate() const { return conversations > 0 ? double(converted) / double(conversations) : 0.0; }
};
