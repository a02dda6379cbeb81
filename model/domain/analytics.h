#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/snapshot.h"

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
    // None for a period without conversations: 0 of 0 is no rate, not 0 %.
    std::optional<double> conversionRate() const
    {
        return conversations > 0 ? std::optional<double>(double(converted) / double(conversations)) : std::nullopt;
    }
};

// The SAAN guide's Monthly Inventory Report: per product for one month, its closing stock, the stock's value and the
// cost of goods sold, sorted by value (largest first).
struct MonthlyInventoryQuery
{
    QString tenant;
    QDate month; // any day of the month
    QString storeCode; // empty: every store, summed
};

// A product's month. Closing stock and total value are those of each store's last day with data in the month (a
// product counted in several stores is summed over them); the cost of goods sold is outbound x average cost, day by
// day (each day's own average cost), summed over the month.
struct MonthlyInventoryLine
{
    QString productId;
    QString name; // as the stock service names the product; empty when it does not
    qint64 closingStock = 0, outbound = 0;
    double totalValue = 0, costOfGoodsSold = 0;
    QDate lastDay; // the last day with data (of any store)
    friend bool operator==(const MonthlyInventoryLine &, const MonthlyInventoryLine &) = default;
};

// What the inventory chart offers to choose from.
struct InventoryCatalogue
{
    QStringList stores, products;
};

// The lines the charts draw.
enum class InventoryMeasure { Opening, Closing, TotalValue };
enum class ChatMeasure { Converted, ConversionRatePercent, AverageOrderValue, AverageDurationS, AverageSatisfaction };

// One plotted line: a value per period, none where the period has no data (a gap in the line, never a zero).
using SeriesLine = QList<std::optional<double>>;

// An unbroken stretch of a line: the indexes of its first and last periods.
struct LineRun
{
    qsizetype first = 0, last = 0;
    friend bool operator==(const LineRun &, const LineRun &) = default;
};

// A value axis with round ticks: from min to max in `count` ticks `step` apart, labelled with `decimals` decimals.
struct AxisTicks
{
    double min = 0, max = 1, step = 1;
    int count = 2, decimals = 0;
};

// Everything the inventory chart shows for one query, read on a worker in one go.
struct InventoryChartData
{
    enum class Empty { No, UnknownStore, UnknownProduct, NoDataInRange };
    QList<InventoryPoint> points;
    QList<InventoryPoint> previous; // the range of equal length before, when asked for
    Tenant tenant; // its name and the business time zone the days are in
    Empty empty = Empty::No;
};

struct ChatChartData
{
    QList<ChatPoint> points;
    Tenant tenant;
};
