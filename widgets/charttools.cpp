#include "charttools.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QSaveFile>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>

#include "ops/analyticsseries.h"

namespace ChartTools {

namespace {

// Dynamic properties that carry a series' look through a theme change (setTheme repaints every series).
constexpr const char *ColourProperty = "snapscopeColour";
constexpr const char *PenStyleProperty = "snapscopePenStyle";
constexpr const char *PieceProperty = "snapscopePiece"; // 0: the piece that has the legend entry
constexpr const char *HiddenProperty = "snapscopeHidden"; // a bar set hidden from the legend
constexpr const char *PeriodAxisName = "periodAxis";

// Tableau 10: ten hues that stay apart for most colour vision and on light and dark backgrounds.
QColor colourOf(Colour colour)
{
    static const QRgb palette[]
        = { 0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac };
    return QColor(palette[int(colour) % 10]);
}

void paintBarSet(QBarSet *set)
{
    const QVariant colour = set->property(ColourProperty);
    if (!colour.isValid())
        return;
    QColor fill = colourOf(Colour(colour.toInt()));
    fill.setAlpha(set->property(HiddenProperty).toBool() ? 0 : 255);
    set->setColor(fill);
    set->setBorderColor(fill);
}

void paintLine(QLineSeries *series)
{
    const QVariant colour = series->property(ColourProperty);
    if (!colour.isValid())
        return;
    QPen pen = series->pen();
    pen.setColor(colourOf(Colour(colour.toInt())));
    pen.setStyle(Qt::PenStyle(series->property(PenStyleProperty).toInt()));
    series->setPen(pen);
    series->setBrush(pen.color()); // the marker of a lone point
}

void applyColours(QChart *chart)
{
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets())
                paintBarSet(set);
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            paintLine(line);
        }
    }
}

QValueAxis *periodAxisOf(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        if (axis->objectName() == QLatin1String(PeriodAxisName))
            return qobject_cast<QValueAxis *>(axis);
    }
    return nullptr;
}

// Hover and click over the chart view's viewport; see installPeriodPointer.
class PeriodPointer : public QObject
{
public:
    PeriodPointer(QChartView *view, std::function<PeriodScale()> scale, std::function<QString(qsizetype)> describe,
        std::function<void(qsizetype)> activate)
        : QObject(view)
        , m_view(view)
        , m_scale(std::move(scale))
        , m_describe(std::move(describe))
        , m_activate(std::move(activate))
    {
        view->viewport()->setMouseTracking(true);
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseMove: {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->buttons() != Qt::NoButton)
                break; // dragging a zoom rectangle
            const qsizetype i = periodAt(m_view, m_scale(), mouse->position().toPoint());
            if (i < 0) {
                hide();
            } else if (i != m_shown || !QToolTip::isVisible()) {
                m_shown = i;
                QToolTip::showText(mouse->globalPosition().toPoint(), m_describe(i), m_view->viewport());
            }
            break;
        }
        case QEvent::Leave:
            hide();
            break;
        case QEvent::MouseButtonPress: {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton) {
                m_pressed = true;
                m_pressedAt = mouse->position().toPoint();
            }
            break;
        }
        case QEvent::MouseButtonRelease: {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() != Qt::LeftButton || !std::exchange(m_pressed, false))
                break;
            const QPoint at = mouse->position().toPoint();
            if ((at - m_pressedAt).manhattanLength() >= QApplication::startDragDistance())
                break; // a zoom drag: QChartView zooms
            const qsizetype i = periodAt(m_view, m_scale(), at);
            if (i < 0)
                break;
            // A click, not a drag: hide the rubber band QChartView started, so it does not zoom into a sliver.
            for (QRubberBand *band : m_view->viewport()->findChildren<QRubberBand *>())
                band->hide();
            hide();
            m_activate(i);
            break;
        }
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void hide()
    {
        if (std::exchange(m_shown, -1) >= 0)
            QToolTip::hideText();
    }

    QChartView *m_view;
    std::function<PeriodScale()> m_scale;
    std::function<QString(qsizetype)> m_describe;
    std::function<void(qsizetype)> m_activate;
    qsizetype m_shown = -1;
    bool m_pressed = false;
    QPoint m_pressedAt;
};

} // namespace

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

PeriodScale::PeriodScale(QList<QDate> periodList, Granularity g)
    : periods(std::move(periodList))
    , granularity(g)
{
    constexpr qreal day = 86'400'000;
    m_slot = g == Granularity::Day ? day : g == Granularity::Week ? 7 * day : 365.2425 / 12 * day;
    if (!periods.isEmpty())
        m_origin = qreal(QDateTime(periods.constFirst(), QTime(12, 0)).toMSecsSinceEpoch());
}

qsizetype PeriodScale::nearest(qreal at) const
{
    if (periods.isEmpty())
        return -1;
    return std::clamp<qsizetype>(qsizetype(std::llround((at - m_origin) / m_slot)), 0, periods.size() - 1);
}

QCategoryAxis *addPeriodAxis(QChart *chart, const PeriodScale &scale)
{
    auto *axis = new QCategoryAxis;
    axis->setObjectName(QLatin1String(PeriodAxisName));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    if (!scale.periods.isEmpty())
        axis->setRange(scale.min(), scale.max());
    chart->addAxis(axis, Qt::AlignBottom);
    // Labels for the periods in view, as many as fit the plot's width; redone when a zoom or a resize changes that.
    const auto relabel = [chart, axis, scale] {
        QList<QDate> shown;
        QList<qreal> positions;
        for (qsizetype i = 0; i < scale.periods.size(); ++i) {
            const qreal x = scale.x(i);
            if (x >= axis->min() && x <= axis->max()) {
                shown << scale.periods.at(i);
                positions << x;
            }
        }
        const bool month = scale.granularity == Granularity::Month;
        const bool years = !shown.isEmpty() && shown.constFirst().year() != shown.constLast().year();
        const QString format = month
            ? QCoreApplication::translate("ChartTools", "MMM yyyy", "a month on a chart's time axis")
            : years
            ? QCoreApplication::translate("ChartTools", "d MMM yyyy", "a day on a chart's time axis, with the year")
            : QCoreApplication::translate("ChartTools", "d MMM", "a day on a chart's time axis");
        const QLocale locale;
        const qreal labelWidth
            = QFontMetricsF(axis->labelsFont()).horizontalAdvance(locale.toString(QDate(2026, 12, 28), format)) + 24;
        const int room = std::max(1, int(chart->plotArea().width() / labelWidth));
        QStringList labels;
        QList<qreal> values;
        for (const qsizetype i : AnalyticsSeries::labelledPeriods(shown, scale.granularity, room)) {
            labels << locale.toString(shown.at(i), format);
            values << positions.at(i);
        }
        if (labels == axis->categoriesLabels())
            return; // nothing changes: no relayout, so no loop through plotAreaChanged
        for (const QString &label : axis->categoriesLabels())
            axis->remove(label);
        axis->setStartValue(axis->min());
        for (qsizetype i = 0; i < labels.size(); ++i)
            axis->append(labels.at(i), values.at(i));
    };
    QObject::connect(axis, &QValueAxis::rangeChanged, axis, relabel);
    QObject::connect(chart, &QChart::plotAreaChanged, axis, relabel);
    relabel();
    return axis;
}

QValueAxis *addValueAxis(QChart *chart, Qt::Alignment alignment, const QString &title, double max, bool integers,
    const QString &suffix, const QValueAxis *alongside)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    AxisTicks ticks = AnalyticsSeries::niceTicks(0, max, alongside ? alongside->tickCount() : 6, integers);
    if (alongside && ticks.count < alongside->tickCount()) {
        // As many ticks as the other axis, at this axis's round step: the range grows to fit them.
        ticks.count = alongside->tickCount();
        ticks.max = ticks.min + ticks.step * (ticks.count - 1);
    }
    if (alongside)
        axis->setGridLineVisible(false);
    axis->setRange(ticks.min, ticks.max);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(ticks.count);
    axis->setMinorTickCount(0);
    // The chart writes the numbers in its locale (localizeNumbers): "30,000", never "26118.8".
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(ticks.decimals) + u'f' + suffix);
    chart->setLocalizeNumbers(true);
    chart->addAxis(axis, alignment);
    return axis;
}

void setColour(QBarSet *set, Colour colour)
{
    set->setProperty(ColourProperty, int(colour));
    paintBarSet(set);
}

QList<QLineSeries *> addLine(QChart *chart, const QString &name, const PeriodScale &scale, const SeriesLine &values,
    Colour colour, QAbstractAxis *x, QAbstractAxis *y, Qt::PenStyle style)
{
    QList<LineRun> runs = AnalyticsSeries::runs(values);
    if (runs.isEmpty())
        runs.append({ 0, -1 }); // no value at all: an empty line, so the legend still names it
    QList<QLineSeries *> pieces;
    for (const LineRun &run : std::as_const(runs)) {
        auto *series = new QLineSeries;
        series->setName(name);
        for (qsizetype i = run.first; i <= run.last; ++i)
            series->append(scale.x(i), *values.at(i));
        series->setProperty(ColourProperty, int(colour));
        series->setProperty(PenStyleProperty, int(style));
        series->setProperty(PieceProperty, int(pieces.size()));
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        paintLine(series);
        if (run.first == run.last) {
            series->setPointsVisible(true); // a period between two gaps: a dot, not nothing
            series->setMarkerSize(6);
        }
        if (!pieces.isEmpty()) {
            for (QLegendMarker *marker : chart->legend()->markers(series))
                marker->setVisible(false);
        }
        pieces << series;
    }
    return pieces;
}

qsizetype periodAt(QChartView *view, const PeriodScale &scale, const QPoint &viewportPos)
{
    QChart *chart = view->chart();
    const QValueAxis *axis = periodAxisOf(chart);
    if (!axis || scale.periods.isEmpty())
        return -1;
    const QPointF p = chart->mapFromScene(view->mapToScene(viewportPos));
    const QRectF plot = chart->plotArea();
    if (!plot.contains(p) || plot.width() <= 0)
        return -1;
    return scale.nearest(axis->min() + (p.x() - plot.left()) / plot.width() * (axis->max() - axis->min()));
}

QPoint positionOf(QChartView *view, const PeriodScale &scale, qsizetype i, qreal fraction)
{
    QChart *chart = view->chart();
    const QValueAxis *axis = periodAxisOf(chart);
    if (!axis)
        return {};
    const QRectF plot = chart->plotArea();
    const QPointF inChart(plot.left() + (scale.x(i) - axis->min()) / (axis->max() - axis->min()) * plot.width(),
        plot.bottom() - fraction * plot.height());
    return view->mapFromScene(chart->mapToScene(inChart));
}

void installPeriodPointer(QChartView *view, std::function<PeriodScale()> scale,
    std::function<QString(qsizetype)> describe, std::function<void(qsizetype)> activate)
{
    new PeriodPointer(view, std::move(scale), std::move(describe), std::move(activate));
}

QString periodText(const QDate &period, Granularity granularity, const QString &zone)
{
    const QLocale locale;
    switch (granularity) {
    case Granularity::Day:
        return QCoreApplication::translate("ChartTools", "%1 (a business day in %2)")
            .arg(locale.toString(period, QLocale::LongFormat), zone);
    case Granularity::Week:
        return QCoreApplication::translate("ChartTools", "%1 to %2 (business days in %3)")
            .arg(locale.toString(period, QLocale::LongFormat),
                locale.toString(AnalyticsSeries::periodEnd(period, granularity), QLocale::LongFormat), zone);
    case Granularity::Month:
        return QCoreApplication::translate("ChartTools", "%1 (business days in %2)")
            .arg(locale.toString(
                     period, QCoreApplication::translate("ChartTools", "MMMM yyyy", "a month in a chart's tooltip")),
                zone);
    }
    return {};
}

QString rangeText(const QDate &from, const QDate &to, Granularity granularity, const QString &zone)
{
    const QString by = granularity == Granularity::Day ? QCoreApplication::translate("ChartTools", "by day")
        : granularity == Granularity::Week             ? QCoreApplication::translate("ChartTools", "by week")
                                                       : QCoreApplication::translate("ChartTools", "by month");
    return QCoreApplication::translate("ChartTools", "%1 to %2, %3, business days in %4")
        .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), by, zone);
}

void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

void followSystemTheme(QChart *chart, const QWidget *widget)
{
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme) {
        chart->setTheme(theme);
        applyColours(chart); // the theme repainted every series in its own colours
    }
}

void installLegendToggle(QChart *chart, QWidget *context)
{
    for (QLegendMarker *marker : chart->legend()->markers()) {
        QObject::connect(marker, &QLegendMarker::clicked, context, [chart, marker] {
            bool shown = true;
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar) {
                QBarSet *set = static_cast<QBarLegendMarker *>(marker)->barset();
                shown = set->property(HiddenProperty).toBool(); // hidden until now
                set->setProperty(HiddenProperty, !shown);
                paintBarSet(set);
            } else {
                shown = !marker->series()->isVisible();
                const QString name = marker->series()->name();
                // Every piece of the line; the legend would show the pieces' own entries again.
                for (QAbstractSeries *series : chart->series()) {
                    if (series->name() != name || !qobject_cast<QLineSeries *>(series))
                        continue;
                    series->setVisible(shown);
                    const bool entry = series->property(PieceProperty).toInt() == 0;
                    for (QLegendMarker *m : chart->legend()->markers(series))
                        m->setVisible(entry);
                }
            }
            QFont font = marker->font();
            font.setStrikeOut(!shown);
            marker->setFont(font);
        });
    }
}

QImage exportImage(QChartView *view, const QStringList &heading)
{
    const QPixmap chart = view->grab();
    const qreal ratio = chart.devicePixelRatio();
    const QSizeF size = chart.deviceIndependentSize();
    QFont titleFont = view->font(), textFont = view->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(textFont.pointSizeF() * 1.3);
    const QFontMetricsF titleMetrics(titleFont), textMetrics(textFont);
    constexpr qreal margin = 12;
    qreal height = margin;
    for (qsizetype i = 0; i < heading.size(); ++i)
        height += (i == 0 ? titleMetrics : textMetrics).lineSpacing();
    height += margin / 2;
    QImage image((QSizeF(size.width(), height + size.height()) * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    // The heading on what surrounds the chart in the view, in its text colour (light or dark with the theme).
    image.fill(view->palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(view->palette().color(QPalette::WindowText));
    qreal y = margin;
    for (qsizetype i = 0; i < heading.size(); ++i) {
        const QFontMetricsF &metrics = i == 0 ? titleMetrics : textMetrics;
        painter.setFont(i == 0 ? titleFont : textFont);
        const QString line = metrics.elidedText(heading.at(i), Qt::ElideRight, size.width() - 2 * margin);
        painter.drawText(QPointF(margin, y + metrics.ascent()), line);
        y += metrics.lineSpacing();
    }
    painter.drawPixmap(QPointF(0, height), chart);
    return image;
}

void exportPng(QWidget *parent, QChartView *view, const QStringList &heading, const QString &suggestedName)
{
    const QString path
        = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ChartTools", "Export the chart"),
            suggestedName, QCoreApplication::translate("ChartTools", "PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportImage(view, heading).save(path, "PNG"))
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
