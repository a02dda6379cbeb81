#include "charttools.h"

#include <QBarLegendMarker>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QLegend>
#include <QLegendMarker>
#include <QMessageBox>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace ChartTools {

void fillPresets(QComboBox *combo)
{
    const std::pair<const char *, int> presets[] = { { QT_TRANSLATE_NOOP("ChartTools", "Last 7 days"), Last7 },
        { QT_TRANSLATE_NOOP("ChartTools", "Last 30 days"), Last30 },
        { QT_TRANSLATE_NOOP("ChartTools", "Last 90 days"), Last90 },
        { QT_TRANSLATE_NOOP("ChartTools", "This month"), ThisMonth },
        { QT_TRANSLATE_NOOP("ChartTools", "Last month"), LastMonth },
        { QT_TRANSLATE_NOOP("ChartTools", "Last 12 months"), LastYear },
        { QT_TRANSLATE_NOOP("ChartTools", "Custom"), Custom } };
    for (const auto &[text, preset] : presets)
        combo->addItem(QCoreApplication::translate("ChartTools", text), preset);
}

std::pair<QDate, QDate> presetRange(int preset, const QDate &end)
{
    switch (preset) {
    case Last7:
        return { end.addDays(-6), end };
    case Last30:
        return { end.addDays(-29), end };
    case Last90:
        return { end.addDays(-89), end };
    case ThisMonth: {
        const QDate first(end.year(), end.month(), 1);
        return { first, first.addMonths(1).addDays(-1) };
    }
    case LastMonth: {
        const QDate first = QDate(end.year(), end.month(), 1).addMonths(-1);
        return { first, first.addMonths(1).addDays(-1) };
    }
    case LastYear:
        return { end.addMonths(-12).addDays(1), end };
    default:
        return { QDate(), QDate() };
    }
}

qreal xOf(const QDate &period)
{
    return qreal(QDateTime(period, QTime(12, 0)).toMSecsSinceEpoch());
}

QDateTimeAxis *periodAxis(const QList<QDate> &periods)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("yyyy-MM-dd"));
    if (!periods.isEmpty()) {
        const qreal half = periods.size() > 1 ? (xOf(periods.at(1)) - xOf(periods.at(0))) / 2 : 12 * 3600 * 1000.0;
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xOf(periods.constFirst()) - half)),
            QDateTime::fromMSecsSinceEpoch(qint64(xOf(periods.constLast()) + half)));
    }
    return axis;
}

qsizetype nearestPeriod(const QList<QDate> &periods, const QPointF &point)
{
    qsizetype best = -1;
    qreal distance = std::numeric_limits<qreal>::max();
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const qreal d = std::abs(xOf(periods.at(i)) - point.x());
        if (d < distance) {
            distance = d;
            best = i;
        }
    }
    return best;
}

void followSystemTheme(QChart *chart, const QWidget *widget)
{
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
}

void installLegendToggle(QChart *chart, QWidget *context)
{
    for (QLegendMarker *marker : chart->legend()->markers()) {
        QObject::connect(marker, &QLegendMarker::clicked, context, [marker] {
            bool shown = true;
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar) {
                QBarSet *set = static_cast<QBarLegendMarker *>(marker)->barset();
                shown = set->color().alpha() == 0; // hidden until now
                QColor fill = set->color(), border = set->borderColor();
                fill.setAlpha(shown ? 255 : 0);
                border.setAlpha(shown ? 255 : 0);
                set->setColor(fill);
                set->setBorderColor(border);
            } else {
                shown = !marker->series()->isVisible();
                marker->series()->setVisible(shown);
                marker->setVisible(true);
            }
            QFont font = marker->font();
            font.setStrikeOut(!shown);
            marker->setFont(font);
        });
    }
}

void exportPng(QWidget *parent, QChartView *view, const QString &suggestedName)
{
    const QString path
        = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ChartTools", "Export the chart"),
            suggestedName, QCoreApplication::translate("ChartTools", "PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!view->grab().save(path, "PNG"))
        QMessageBox::warning(parent, QCoreApplication::translate("ChartTools", "Export failed"),
            QCoreApplication::translate("ChartTools", "Cannot write %1.").arg(path));
}

void exportCsv(QWidget *parent, const QString &csv, const QString &suggestedName)
{
    const QString path
        = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ChartTools", "Export the series"),
            suggestedName, QCoreApplication::translate("ChartTools", "CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path); // whole or not at all
    const QByteArray bytes = csv.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        QMessageBox::warning(parent, QCoreApplication::translate("ChartTools", "Export failed"),
            QCoreApplication::translate("ChartTools", "Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace ChartTools
