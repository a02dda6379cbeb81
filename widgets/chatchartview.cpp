#include "chatchartview.h"
#include "ui_chatchartview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include "charttools.h"
#include "domain/kindregistry.h"
#include "items/runonworkers.h"
#include "items/seriestablemodel.h"
#include "ops/analyticsseries.h"
#include "store/snapshotstore.h"

namespace {

enum class Metric { ConversionRate, OrderValue, Duration, Satisfaction };

// The value of the right-axis measure for a period; nullopt where the period has none (drawn as a gap).
std::optional<double> metricOf(const ChatPoint &p, Metric metric)
{
    switch (metric) {
    case Metric::ConversionRate:
        return p.conversations > 0 ? std::optional<double>(100.0 * p.conversionRate()) : std::nullopt;
    case Metric::OrderValue:
        return p.averageOrderValue;
    case Metric::Duration:
        return p.averageDurationS;
    case Metric::Satisfaction:
        return p.averageSatisfaction;
    }
    return std::nullopt;
}

} // namespace

ChatChartView::ChatChartView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChatChartView>())
    , m_table(new SeriesTableModel(this))
{
    m_ui->setupUi(this);
    ChartTools::fillPresets(m_ui->presetCombo);
    if (const KindInfo *chat = KindRegistry::find(QStringLiteral("chat")))
        m_ui->typeCombo->addItems(chat->types);
    m_ui->typeCombo->setCurrentText(QStringLiteral("session_ended"));
    m_ui->platformCombo->addItem(tr("All platforms"), QString());
    for (const char *platform : { "line", "facebook", "whatsapp" })
        m_ui->platformCombo->addItem(QString::fromLatin1(platform), QString::fromLatin1(platform));
    m_ui->handoffCombo->addItem(tr("With or without hand-off"), -1);
    m_ui->handoffCombo->addItem(tr("Handed off to a human"), 1);
    m_ui->handoffCombo->addItem(tr("AI only"), 0);
    m_ui->metricCombo->addItem(tr("Conversion rate (%)"), int(Metric::ConversionRate));
    m_ui->metricCombo->addItem(tr("Average order value"), int(Metric::OrderValue));
    m_ui->metricCombo->addItem(tr("Average duration (s)"), int(Metric::Duration));
    m_ui->metricCombo->addItem(tr("Average satisfaction"), int(Metric::Satisfaction));
    connect(m_ui->metricCombo, &QComboBox::activated, this, [this] { showSeries(m_shown); });
    m_ui->granularityCombo->addItem(tr("By day"), int(Granularity::Day));
    m_ui->granularityCombo->addItem(tr("By week"), int(Granularity::Week));
    m_ui->tableView->setModel(m_table);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->chartView->setRenderHint(QPainter::Antialiasing);
    m_ui->chartView->setRubberBand(QChartView::HorizontalRubberBand);
    m_ui->chartView->setChart(new QChart);
    const QDate today = QDate::currentDate();
    m_ui->toEdit->setDate(today);
    m_ui->fromEdit->setDate(today.addDays(-89));
    m_ui->presetCombo->setCurrentIndex(ChartTools::Last90);

    connect(m_ui->presetCombo, &QComboBox::activated, this, [this] {
        const auto [from, to] = ChartTools::presetRange(m_ui->presetCombo->currentData().toInt(), m_ui->toEdit->date());
        if (!from.isValid())
            return;
        m_ui->fromEdit->setDate(from);
        m_ui->toEdit->setDate(to);
        reload();
    });
    for (QDateEdit *edit : { m_ui->fromEdit, m_ui->toEdit })
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            m_ui->presetCombo->setCurrentIndex(ChartTools::Custom);
            reload();
        });
    for (QComboBox *combo : { m_ui->typeCombo, m_ui->platformCombo, m_ui->handoffCombo, m_ui->granularityCombo })
        connect(combo, &QComboBox::activated, this, &ChatChartView::reload);
    connect(m_ui->resetZoomButton, &QToolButton::clicked, this, [this] { chart()->zoomReset(); });
    connect(m_ui->tableButton, &QToolButton::toggled, this, [this](bool table) {
        m_ui->pages->setCurrentWidget(table ? static_cast<QWidget *>(m_ui->tableView) : m_ui->chartView);
    });
    connect(m_ui->pngButton, &QToolButton::clicked, this,
        [this] { ChartTools::exportPng(this, m_ui->chartView, QStringLiteral("chat-conversion.png")); });
    connect(m_ui->csvButton, &QToolButton::clicked, this, [this] {
        ChartTools::exportCsv(this, AnalyticsSeries::chatCsv(m_shown), QStringLiteral("chat-conversion.csv"));
    });
}

ChatChartView::~ChatChartView() = default;

QChart *ChatChartView::chart() const
{
    return m_ui->chartView->chart();
}

void ChatChartView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    ++m_generation;
}

void ChatChartView::setRange(const QDate &from, const QDate &to)
{
    m_ui->fromEdit->setDate(from);
    m_ui->toEdit->setDate(to);
    m_ui->presetCombo->setCurrentIndex(ChartTools::Custom);
    reload();
}

ChatSeriesQuery ChatChartView::query() const
{
    ChatSeriesQuery q;
    q.tenant = m_tenant;
    q.from = m_ui->fromEdit->date();
    q.to = m_ui->toEdit->date();
    q.snapshotType = m_ui->typeCombo->currentText();
    q.platform = m_ui->platformCombo->currentData().toString();
    if (const int handoff = m_ui->handoffCombo->currentData().toInt(); handoff >= 0)
        q.humanHandoff = handoff == 1;
    q.granularity = Granularity(m_ui->granularityCombo->currentData().toInt());
    return q;
}

void ChatChartView::reload()
{
    if (!m_store || m_tenant.isEmpty())
        return;
    const ChatSeriesQuery q = query();
    if (q.from > q.to) {
        m_ui->statusLabel->setText(tr("The range ends before it starts."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_ui->statusLabel->setText(tr("Reading…"));
    SnapshotStore *store = m_store.get();
    runOnWorkers(
        this, &store->workers(), [store, q] { return AnalyticsSeries::chat(*store, q); },
        [this, generation](const Result<QList<ChatPoint>> &points) {
            if (generation != m_generation)
                return;
            if (!points) {
                m_ui->statusLabel->setText(tr("Cannot read the series: %1").arg(points.error().message));
                Q_EMIT failed(points.error().message);
                return;
            }
            showSeries(*points);
        });
}

void ChatChartView::showSeries(const QList<ChatPoint> &points)
{
    m_shown = points;
    QList<QJsonObject> rows;
    for (const ChatPoint &p : points)
        rows << AnalyticsSeries::toJson(p);
    m_table->setRows(rows,
        { QStringLiteral("period"), QStringLiteral("conversations"), QStringLiteral("converted"),
            QStringLiteral("conversion_rate"), QStringLiteral("average_order_value"),
            QStringLiteral("average_duration_s"), QStringLiteral("average_satisfaction"), QStringLiteral("line"),
            QStringLiteral("facebook"), QStringLiteral("whatsapp") },
        { tr("Period"), tr("Conversations"), tr("Converted"), tr("Conversion rate"), tr("Average order value"),
            tr("Average duration (s)"), tr("Average satisfaction"), tr("LINE"), tr("Facebook"), tr("WhatsApp") });

    auto *chart = new QChart;
    ChartTools::followSystemTheme(chart, this);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *line = new QBarSet(tr("LINE")), *facebook = new QBarSet(tr("Facebook")),
         *whatsapp = new QBarSet(tr("WhatsApp"));
    auto *converted = new QLineSeries, *rate = new QLineSeries;
    const auto metric = Metric(m_ui->metricCombo->currentData().toInt());
    converted->setName(tr("Converted"));
    rate->setName(m_ui->metricCombo->currentText());
    double metricMax = 1;
    QStringList categories;
    double countMax = 1;
    for (const ChatPoint &p : points) {
        const qreal x = ChartTools::xOf(p.period);
        *line << double(p.line);
        *facebook << double(p.facebook);
        *whatsapp << double(p.whatsapp);
        converted->append(x, double(p.converted));
        if (const std::optional<double> v = metricOf(p, metric)) {
            rate->append(x, *v);
            metricMax = std::max(metricMax, *v);
        }
        categories << p.period.toString(Qt::ISODate);
        countMax = std::max(countMax, double(p.conversations));
    }
    auto *bars = new QStackedBarSeries;
    bars->append({ line, facebook, whatsapp });
    chart->addSeries(bars);
    chart->addSeries(converted);
    chart->addSeries(rate);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setVisible(false);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    bars->attachAxis(categoryAxis);
    QList<QDate> periods;
    for (const auto &p : points)
        periods << p.period;
    auto *timeAxis = ChartTools::periodAxis(periods);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    auto *countAxis = new QValueAxis, *rateAxis = new QValueAxis;
    countAxis->setTitleText(tr("Conversations"));
    countAxis->setRange(0, countMax * 1.1);
    rateAxis->setTitleText(m_ui->metricCombo->currentText());
    rateAxis->setRange(0,
        metric == Metric::ConversionRate     ? 100.0
            : metric == Metric::Satisfaction ? std::max(5.0, metricMax)
                                             : metricMax * 1.1);
    chart->addAxis(countAxis, Qt::AlignLeft);
    chart->addAxis(rateAxis, Qt::AlignRight);
    bars->attachAxis(countAxis);
    converted->attachAxis(timeAxis);
    converted->attachAxis(countAxis);
    rate->attachAxis(timeAxis);
    rate->attachAxis(rateAxis);

    const auto periodAt = [periods](const QPointF &point) { return ChartTools::nearestPeriod(periods, point); };
    const auto describe = [this](qsizetype i) {
        const ChatPoint &p = m_shown.at(i);
        const QLocale l;
        const auto optional = [&l](const std::optional<double> &v, int decimals) {
            return v ? l.toString(*v, 'f', decimals) : QStringLiteral("–");
        };
        return tr("%1\n%2 conversations, %3 converted (%4%)\naverage order value %5 · duration %6 s · satisfaction %7\n"
                  "LINE %8 · Facebook %9 · WhatsApp %10")
            .arg(p.period.toString(Qt::ISODate), l.toString(p.conversations), l.toString(p.converted),
                l.toString(100.0 * p.conversionRate(), 'f', 1), optional(p.averageOrderValue, 2),
                optional(p.averageDurationS, 0), optional(p.averageSatisfaction, 2), l.toString(p.line),
                l.toString(p.facebook))
            .arg(l.toString(p.whatsapp));
    };
    for (QLineSeries *series : { converted, rate }) {
        connect(series, &QLineSeries::hovered, this, [periodAt, describe](const QPointF &point, bool state) {
            if (const qsizetype i = state ? periodAt(point) : -1; i >= 0)
                QToolTip::showText(QCursor::pos(), describe(i));
        });
        connect(series, &QLineSeries::clicked, this, [this, periodAt](const QPointF &point) {
            const qsizetype i = periodAt(point);
            if (i < 0)
                return;
            const QDate start = m_shown.at(i).period;
            const QDate end = i + 1 < m_shown.size() ? m_shown.at(i + 1).period.addDays(-1) : m_ui->toEdit->date();
            Q_EMIT periodActivated(start, end);
        });
    }
    connect(bars, &QStackedBarSeries::hovered, this, [describe](bool state, int index, QBarSet *) {
        if (state)
            QToolTip::showText(QCursor::pos(), describe(index));
    });
    ChartTools::installLegendToggle(chart, this);
    QChart *old = m_ui->chartView->chart();
    m_ui->chartView->setChart(chart);
    delete old;
    qint64 conversations = 0, convertedTotal = 0;
    for (const ChatPoint &p : points) {
        conversations += p.conversations;
        convertedTotal += p.converted;
    }
    m_ui->statusLabel->setText(
        tr("%1 periods · %2 conversations · %3 converted (%4%)")
            .arg(points.size())
            .arg(QLocale().toString(conversations), QLocale().toString(convertedTotal),
                QLocale().toString(
                    conversations ? 100.0 * double(convertedTotal) / double(conversations) : 0.0, 'f', 1)));
    Q_EMIT loaded(int(points.size()));
}

void ChatChartView::changeEvent(QEvent *event)
{
    // Light or dark with the system, also when it changes while the chart is shown.
    if (event->type() == QEvent::PaletteChange && chart())
        ChartTools::followSystemTheme(chart(), this);
    QWidget::changeEvent(event);
}
