#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <utility>

class QChart;
class QDateTimeAxis;
class QPointF;
class QChartView;
class QComboBox;
class QWidget;

// What both analyst charts do the same way: range presets, the legend that hides series, the theme that follows
// the system palette, and the PNG and CSV exports.
namespace ChartTools {

enum Preset { Last7, Last30, Last90, ThisMonth, LastMonth, LastYear, Custom };
void fillPresets(QComboBox *combo);
// The range a preset means, relative to the end of the range shown (a store's data may end in the past).
std::pair<QDate, QDate> presetRange(int preset, const QDate &end);

// Where a period is drawn on the time axis (its first day, at noon), and the axis over periods: each period's
// slot is centred on it, as the hidden category axis of the bars centres its bars.
qreal xOf(const QDate &period);
QDateTimeAxis *periodAxis(const QList<QDate> &periods);
// The period nearest to a point on the time axis, or -1.
qsizetype nearestPeriod(const QList<QDate> &periods, const QPointF &point);

void followSystemTheme(QChart *chart, const QWidget *widget);
// Clicking a legend entry hides or shows its series (bar sets turn transparent); the entry is struck out.
void installLegendToggle(QChart *chart, QWidget *context);

void exportPng(QWidget *parent, QChartView *view, const QString &suggestedName);
void exportCsv(QWidget *parent, const QString &csv, const QString &suggestedName);

} // namespace ChartTools
