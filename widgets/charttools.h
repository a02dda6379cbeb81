#pragma once

#include <QDate>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

#include "domain/analytics.h"

class QAbstractAxis;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QPoint;
class QValueAxis;
class QWidget;

// What both analyst charts do the same way: range presets, the time axis over periods, value axes with round ticks,
// lines broken at their gaps, one palette, hover and click over a period, the legend that hides series, the theme
// that follows the system palette, and the PNG and CSV exports.
namespace ChartTools {

enum Preset { Last7, Last30, Last90, ThisMonth, LastMonth, LastYear, Custom };
void fillPresets(QComboBox *combo);
// The range a preset means, relative to the end of the range shown (a store's data may end in the past).
std::pair<QDate, QDate> presetRange(int preset, const QDate &end);

// Where the periods sit on the time axis, in milliseconds since the epoch: in equal slots, as the bars' categories
// are. A day or a week sits at its first day at noon; months, unequal in length, sit at the average month's spacing
// from the first one, so that each stays centred on its bar.
struct PeriodScale
{
    PeriodScale() = default;
    PeriodScale(QList<QDate> periods, Granularity granularity);
    qreal x(qsizetype i) const { return m_origin + qreal(i) * m_slot; }
    // The period whose slot holds x (the first or the last beyond the ends), or -1 when there are none.
    qsizetype nearest(qreal x) const;
    // The outer edges of the first and last slots: the time axis's range.
    qreal min() const { return m_origin - m_slot / 2; }
    qreal max() const { return x(periods.size() - 1) + m_slot / 2; }

    QList<QDate> periods;
    Granularity granularity = Granularity::Day;

private:
    qreal m_origin = 0, m_slot = 1;
};

// The time axis of a chart: labels at calendar-aligned periods (AnalyticsSeries::labelledPeriods), as many as fit,
// relabelled when the chart is zoomed or resized. Added to the chart at the bottom.
QCategoryAxis *addPeriodAxis(QChart *chart, const PeriodScale &scale);
// A value axis with round ticks over [0, max] (whole numbers for counts), its labels in the locale with `suffix`.
// With `alongside` (the chart's other value axis), it takes that axis's number of ticks, so that the two share their
// grid lines, and draws no grid of its own.
QValueAxis *addValueAxis(QChart *chart, Qt::Alignment alignment, const QString &title, double max, bool integers,
    const QString &suffix = {}, const QValueAxis *alongside = nullptr);

// The palette every series takes its colour from, distinct from each other on light and dark themes.
enum class Colour { Blue, Orange, Red, Teal, Green, Yellow, Purple, Pink, Brown, Grey };
void setColour(QBarSet *set, Colour colour);
// A line drawn as one QLineSeries per unbroken run of `values` (none is a gap), all named `name` with one legend
// entry; a run of one period shows its point. Attached to the axes; returns the pieces.
QList<QLineSeries *> addLine(QChart *chart, const QString &name, const PeriodScale &scale, const SeriesLine &values,
    Colour colour, QAbstractAxis *x, QAbstractAxis *y, Qt::PenStyle style = Qt::SolidLine);

// Hover and click over the plot area: `hover` gets the period under the pointer (or -1 when it leaves the plot)
// and shows the text it returns as a tooltip; a click that is not a zoom drag calls `activate` with the period.
// Over bars and lines alike, with the zoom rubber band on (which keeps clicks from reaching the series).
void installPeriodPointer(QChartView *view, std::function<PeriodScale()> scale,
    std::function<QString(qsizetype)> describe, std::function<void(qsizetype)> activate);
// The period under a position of the view's viewport, or -1 outside the plot area.
qsizetype periodAt(QChartView *view, const PeriodScale &scale, const QPoint &viewportPos);
// Where period i's slot is centred in the view's viewport, at `fraction` of the plot's height from its bottom.
QPoint positionOf(QChartView *view, const PeriodScale &scale, qsizetype i, qreal fraction);

// The period in words with the business zone its days are in: "Tuesday, 13 October 2026 (a business day in
// Asia/Bangkok)", the week's first and last day, or the month.
QString periodText(const QDate &period, Granularity granularity, const QString &zone);
QString rangeText(const QDate &from, const QDate &to, Granularity granularity, const QString &zone);

void followSystemTheme(QChart *chart, const QWidget *widget);
// Shows `chart` in `view` and deletes the chart shown before: QChartView::setChart only releases it (the view's
// first, default chart included), so every redraw leaked a whole chart.
void replaceChart(QChartView *view, QChart *chart);
// Clicking a legend entry hides or shows its series (every piece of a broken line; bar sets turn transparent);
// the entry is struck out.
void installLegendToggle(QChart *chart, QWidget *context);

// The chart as exported: a heading (the first line as the title, then the range and the filters) above the chart.
QImage exportImage(QChartView *view, const QStringList &heading);
void exportPng(QWidget *parent, QChartView *view, const QStringList &heading, const QString &suggestedName);
void exportCsv(QWidget *parent, const QString &csv, const QString &suggestedName);

} // namespace ChartTools
