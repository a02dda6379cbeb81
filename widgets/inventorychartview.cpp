#include "inventorychartview.h"
#include "ui_inventorychartview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include "charttools.h"
#include "items/runonworkers.h"
#include "items/seriestablemodel.h"
#include "ops/analyticsseries.h"
#include "store/snapshotstore.h"

namespace {

enum Selection { AllProducts, OneStore, OneProduct, TopN };

} // namespace

InventoryChartView::InventoryChartView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::InventoryChartView>())
    , m_table(new SeriesTableModel(this))
{
    m_ui->setupUi(this);
    ChartTools::fillPresets(m_ui->presetCombo);
    for (const auto &[text, selection] :
        std::initializer_list<std::pair<QString, int>> { { tr("All products"), AllProducts },
            { tr("One store"), OneStore }, { tr("One product"), OneProduct }, { tr("Top N by value"), TopN } })
        m_ui->selectionCombo->addItem(text, selection);
    m_ui->granularityCombo->addItem(tr("By day"), int(Granularity::Day));
    m_ui->granularityCombo->addItem(tr("By week"), int(Granularity::Week));
    m_ui->granularityCombo->addItem(tr("By month"), int(Granularity::Month));
    m_ui->selectionEdit->setEnabled(false);
    m_ui->tableView->setModel(m_table);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->chartView->setRenderHint(QPainter::Antialiasing);
    m_ui->chartView->setRubberBand(QChartView::HorizontalRubberBand);
    m_ui->chartView->setChart(new QChart);

    const QDate today = QDate::currentDate();
    m_ui->toEdit->setDate(today);
    m_ui->fromEdit->setDate(today.addDays(-89));
    m_ui->presetCombo->setCurrentIndex(ChartTools::Last90);

    connect(m_ui->presetCombo, &QComboBox::activated, this,
        [this](int) { applyPreset(m_ui->presetCombo->currentData().toInt()); });
    for (QDateEdit *edit : { m_ui->fromEdit, m_ui->toEdit })
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            m_ui->presetCombo->setCurrentIndex(ChartTools::Custom);
            reload();
        });
    connect(m_ui->selectionCombo, &QComboBox::activated, this, [this] {
        m_ui->selectionEdit->setEnabled(m_ui->selectionCombo->currentData().toInt() != AllProducts);
        m_ui->selectionEdit->setPlaceholderText(
            QStringList { QString(), QStringLiteral("STORE001"), QStringLiteral("P0001"), QStringLiteral("10") }.at(
                m_ui->selectionCombo->currentData().toInt()));
        reload();
    });
    connect(m_ui->selectionEdit, &QLineEdit::editingFinished, this, &InventoryChartView::reload);
    connect(m_ui->granularityCombo, &QComboBox::activated, this, &InventoryChartView::reload);
    connect(m_ui->previousCheck, &QCheckBox::toggled, this, &InventoryChartView::reload);
    connect(m_ui->resetZoomButton, &QToolButton::clicked, this, [this] { chart()->zoomReset(); });
    connect(m_ui->tableButton, &QToolButton::toggled, this, [this](bool table) {
        m_ui->pages->setCurrentWidget(table ? static_cast<QWidget *>(m_ui->tableView) : m_ui->chartView);
    });
    connect(m_ui->pngButton, &QToolButton::clicked, this, &InventoryChartView::exportPng);
    connect(m_ui->csvButton, &QToolButton::clicked, this, &InventoryChartView::exportCsv);
}

InventoryChartView::~InventoryChartView() = default;

QChart *InventoryChartView::chart() const
{
    return m_ui->chartView->chart();
}

void InventoryChartView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    ++m_generation;
}

void InventoryChartView::setRange(const QDate &from, const QDate &to)
{
    m_ui->fromEdit->setDate(from);
    m_ui->toEdit->setDate(to);
    m_ui->presetCombo->setCurrentIndex(ChartTools::Custom);
    reload();
}

void InventoryChartView::applyPreset(int preset)
{
    const auto [from, to] = ChartTools::presetRange(preset, m_ui->toEdit->date());
    if (!from.isValid())
        return;
    m_ui->fromEdit->setDate(from);
    m_ui->toEdit->setDate(to);
    reload();
}

InventorySeriesQuery InventoryChartView::query() const
{
    InventorySeriesQuery q;
    q.tenant = m_tenant;
    q.from = m_ui->fromEdit->date();
    q.to = m_ui->toEdit->date();
    q.granularity = Granularity(m_ui->granularityCombo->currentData().toInt());
    const QString text = m_ui->selectionEdit->text().trimmed();
    switch (m_ui->selectionCombo->currentData().toInt()) {
    case OneStore:
        q.storeCode = text;
        break;
    case OneProduct:
        q.productId = text;
        break;
    case TopN:
        q.topN = std::max(1, text.toInt());
        break;
    default:
        break;
    }
    return q;
}

void InventoryChartView::reload()
{
    if (!m_store || m_tenant.isEmpty())
        return;
    const InventorySeriesQuery q = query();
    if (q.from > q.to) {
        m_ui->statusLabel->setText(tr("The range ends before it starts."));
        return;
    }
    const quint64 generation = ++m_generation;
    const bool previous = m_ui->previousCheck->isChecked();
    m_ui->statusLabel->setText(tr("Reading…"));
    SnapshotStore *store = m_store.get();
    using Loaded = Result<std::pair<QList<InventoryPoint>, QList<InventoryPoint>>>;
    runOnWorkers(
        this, &store->workers(),
        [store, q, previous]() -> Loaded {
            auto points = AnalyticsSeries::inventory(*store, q);
            if (!points)
                return points.error();
            QList<InventoryPoint> before;
            if (previous) {
                InventorySeriesQuery p = q;
                std::tie(p.from, p.to) = AnalyticsSeries::previousRange(q.from, q.to);
                auto earlier = AnalyticsSeries::inventory(*store, p);
                if (!earlier)
                    return earlier.error();
                before = *earlier;
            }
            return std::pair { *points, before };
        },
        [this, generation](const Loaded &loaded) {
            if (generation != m_generation)
                return;
            if (!loaded) {
                m_ui->statusLabel->setText(tr("Cannot read the series: %1").arg(loaded.error().message));
                Q_EMIT failed(loaded.error().message);
                return;
            }
            showSeries(loaded->first, loaded->second);
        });
}

void InventoryChartView::showSeries(const QList<InventoryPoint> &points, const QList<InventoryPoint> &previous)
{
    m_shown = points;
    m_points = int(points.size());
    QList<QJsonObject> rows;
    for (const InventoryPoint &p : points)
        rows << AnalyticsSeries::toJson(p);
    m_table->setRows(rows,
        { QStringLiteral("period"), QStringLiteral("opening"), QStringLiteral("closing"), QStringLiteral("inbound"),
            QStringLiteral("outbound"), QStringLiteral("adjustments"), QStringLiteral("total_value"),
            QStringLiteral("has_data") },
        { tr("Period"), tr("Opening"), tr("Closing"), tr("Inbound"), tr("Outbound"), tr("Adjustments"),
            tr("Stock value"), tr("Data") });

    auto *chart = new QChart;
    chart->setTheme(
        palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *opening = new QLineSeries, *closing = new QLineSeries, *value = new QLineSeries, *before = new QLineSeries;
    opening->setName(tr("Opening"));
    closing->setName(tr("Closing"));
    value->setName(tr("Stock value"));
    before->setName(tr("Closing, previous period"));
    auto *inbound = new QBarSet(tr("Inbound")), *outbound = new QBarSet(tr("Outbound"));
    QStringList categories;
    double stockMax = 1, valueMax = 1;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const InventoryPoint &p = points.at(i);
        const qreal x = ChartTools::xOf(p.period);
        opening->append(x, double(p.opening));
        closing->append(x, double(p.closing));
        value->append(x, p.totalValue);
        *inbound << double(p.inbound);
        *outbound << double(p.outbound);
        categories << p.period.toString(Qt::ISODate);
        stockMax = std::max({ stockMax, double(p.opening), double(p.closing), double(p.inbound), double(p.outbound) });
        valueMax = std::max(valueMax, p.totalValue);
        if (i < previous.size()) {
            before->append(x, double(previous.at(i).closing));
            stockMax = std::max(stockMax, double(previous.at(i).closing));
        }
    }
    auto *bars = new QBarSeries;
    bars->append(inbound);
    bars->append(outbound);
    chart->addSeries(bars);
    for (QLineSeries *line : { opening, closing, value })
        chart->addSeries(line);
    if (!previous.isEmpty()) {
        QPen dashed = before->pen();
        dashed.setStyle(Qt::DashLine);
        before->setPen(dashed);
        chart->addSeries(before);
    } else {
        delete before;
        before = nullptr;
    }
    // Bars need categories; the lines share a time axis laid over them (category i is centred on day i).
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
    auto *stockAxis = new QValueAxis, *valueAxis = new QValueAxis;
    stockAxis->setTitleText(tr("Units"));
    stockAxis->setRange(0, stockMax * 1.05);
    valueAxis->setTitleText(tr("Stock value"));
    valueAxis->setRange(0, valueMax * 1.05);
    chart->addAxis(stockAxis, Qt::AlignLeft);
    chart->addAxis(valueAxis, Qt::AlignRight);
    bars->attachAxis(stockAxis);
    for (QLineSeries *line : { opening, closing, before }) {
        if (!line)
            continue;
        line->attachAxis(timeAxis);
        line->attachAxis(stockAxis);
    }
    value->attachAxis(timeAxis);
    value->attachAxis(valueAxis);

    // Hover: the exact numbers of the period under the pointer; click: that period in the timeline.
    const auto periodAt = [periods](const QPointF &point) { return ChartTools::nearestPeriod(periods, point); };
    const auto describe = [this](qsizetype i) {
        const InventoryPoint &p = m_shown.at(i);
        const QLocale l;
        return tr("%1\nopening %2 · closing %3\ninbound %4 · outbound %5 · adjustments %6\nstock value %7")
            .arg(p.period.toString(Qt::ISODate), l.toString(p.opening), l.toString(p.closing), l.toString(p.inbound),
                l.toString(p.outbound), l.toString(p.adjustments), l.toString(p.totalValue, 'f', 2));
    };
    for (QLineSeries *line : { opening, closing, value }) {
        connect(line, &QLineSeries::hovered, this, [periodAt, describe](const QPointF &point, bool state) {
            if (!state)
                return;
            if (const qsizetype i = periodAt(point); i >= 0)
                QToolTip::showText(QCursor::pos(), describe(i));
        });
        connect(line, &QLineSeries::clicked, this, [this, periodAt](const QPointF &point) {
            const qsizetype i = periodAt(point);
            if (i < 0)
                return;
            const QDate start = m_shown.at(i).period;
            const QDate end = i + 1 < m_shown.size() ? m_shown.at(i + 1).period.addDays(-1) : m_ui->toEdit->date();
            Q_EMIT periodActivated(start, end);
        });
    }
    connect(bars, &QBarSeries::hovered, this, [describe](bool state, int index, QBarSet *) {
        if (state)
            QToolTip::showText(QCursor::pos(), describe(index));
    });
    ChartTools::installLegendToggle(chart, this);
    QChart *old = m_ui->chartView->chart();
    m_ui->chartView->setChart(chart);
    delete old;
    const int withData
        = int(std::count_if(points.cbegin(), points.cend(), [](const InventoryPoint &p) { return p.hasData; }));
    m_ui->statusLabel->setText(tr("%1 periods, %2 with data").arg(points.size()).arg(withData));
    Q_EMIT loaded(m_points);
}

void InventoryChartView::exportPng()
{
    ChartTools::exportPng(this, m_ui->chartView, QStringLiteral("inventory.png"));
}

void InventoryChartView::exportCsv()
{
    ChartTools::exportCsv(this, AnalyticsSeries::inventoryCsv(m_shown), QStringLiteral("inventory.csv"));
}

void InventoryChartView::changeEvent(QEvent *event)
{
    // Light or dark with the system, also when it changes while the chart is shown.
    if (event->type() == QEvent::PaletteChange && chart())
        ChartTools::followSystemTheme(chart(), this);
    QWidget::changeEvent(event);
}
