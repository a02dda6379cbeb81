#include "inventorychartview.h"
#include "ui_inventorychartview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCompleter>
#include <QHeaderView>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QSettings>
#include <QValueAxis>

#include "charttools.h"
#include "flowlayout.h"
#include "items/jobtracker.h"
#include "items/money.h"
#include "items/seriestablemodel.h"
#include "ops/analyticsseries.h"
#include "store/snapshotstore.h"

namespace {

enum Selection { AllProducts, OneProduct, TopN };

const QString TopNKey = QStringLiteral("charts/inventoryTopN");

} // namespace

InventoryChartView::InventoryChartView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::InventoryChartView>())
    , m_table(new SeriesTableModel(this))
{
    m_ui->setupUi(this);
    // Rows that wrap instead of widening the window (translated labels are longer).
    FlowLayout::replaceRow(m_ui->rangeLayout);
    FlowLayout::replaceRow(m_ui->filterLayout);
    ChartTools::fillPresets(m_ui->presetCombo);
    m_ui->storeCombo->addItem(tr("All stores"), QString());
    m_ui->selectionCombo->addItem(tr("All products"), AllProducts);
    m_ui->selectionCombo->addItem(tr("One product"), OneProduct);
    m_ui->selectionCombo->addItem(tr("Top N by value"), TopN);
    m_ui->granularityCombo->addItem(tr("By day"), int(Granularity::Day));
    m_ui->granularityCombo->addItem(tr("By week"), int(Granularity::Week));
    m_ui->granularityCombo->addItem(tr("By month"), int(Granularity::Month));
    m_ui->productCombo->lineEdit()->setPlaceholderText(tr("Product id"));
    // Completion from any part of the id, in any case, from the products the store has.
    m_ui->productCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->productCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->productCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->topSpin->setValue(QSettings().value(TopNKey, 10).toInt());
    m_ui->productCombo->setVisible(false);
    m_ui->topSpin->setVisible(false);
    m_ui->tableView->setModel(m_table);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->chartView->setRenderHint(QPainter::Antialiasing);
    m_ui->chartView->setRubberBand(QChartView::HorizontalRubberBand);
    ChartTools::replaceChart(m_ui->chartView, new QChart);

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
    connect(m_ui->storeCombo, &QComboBox::activated, this, &InventoryChartView::reload);
    connect(m_ui->selectionCombo, &QComboBox::activated, this, &InventoryChartView::selectionChanged);
    connect(m_ui->productCombo, &QComboBox::activated, this, &InventoryChartView::productChosen);
    connect(m_ui->productCombo->lineEdit(), &QLineEdit::editingFinished, this, &InventoryChartView::productChosen);
    connect(m_ui->topSpin, &QSpinBox::valueChanged, this, [this](int n) {
        QSettings().setValue(TopNKey, n);
        reload();
    });
    connect(m_ui->granularityCombo, &QComboBox::activated, this, &InventoryChartView::reload);
    connect(m_ui->previousCheck, &QCheckBox::toggled, this, &InventoryChartView::reload);
    connect(m_ui->resetZoomButton, &QToolButton::clicked, this, [this] { chart()->zoomReset(); });
    connect(m_ui->tableButton, &QToolButton::toggled, this, &InventoryChartView::showPage);
    connect(m_ui->pngButton, &QToolButton::clicked, this,
        [this] { ChartTools::exportPng(this, m_ui->chartView, heading(), QStringLiteral("inventory.png")); });
    connect(m_ui->csvButton, &QToolButton::clicked, this, [this] {
        ChartTools::exportCsv(this, AnalyticsSeries::inventoryCsv(m_data.points), QStringLiteral("inventory.csv"));
    });
    ChartTools::installPeriodPointer(
        m_ui->chartView, [this] { return periodScale(); }, [this](qsizetype i) { return describe(i); },
        [this](qsizetype i) { activate(i); });
}

InventoryChartView::~InventoryChartView() = default;

ChartTools::PeriodScale InventoryChartView::periodScale() const
{
    QList<QDate> periods;
    for (const InventoryPoint &p : std::as_const(m_data.points))
        periods << p.period;
    return { periods, m_shownQuery.granularity };
}

QChart *InventoryChartView::chart() const
{
    return m_ui->chartView->chart();
}

void InventoryChartView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    m_seriesJobs->clear();
    m_catalogueJobs->clear(); // a catalogue read for another store or tenant is dropped
    loadCatalogue();
}

void InventoryChartView::loadCatalogue()
{
    if (!m_store || m_tenant.isEmpty())
        return;
    const QString tenant = m_tenant;
    m_catalogueJobs->start(
        m_store, [tenant](SnapshotStore &store) { return store.inventoryCatalogue(tenant); },
        [this](const Result<InventoryCatalogue> &catalogue) {
            if (!catalogue) {
                m_ui->statusLabel->setText(
                    tr("Cannot list the stores and products: %1").arg(catalogue.error().message));
                return;
            }
            const QString storeCode = m_ui->storeCombo->currentData().toString();
            while (m_ui->storeCombo->count() > 1)
                m_ui->storeCombo->removeItem(1);
            for (const QString &code : catalogue->stores)
                m_ui->storeCombo->addItem(code, code);
            m_ui->storeCombo->setCurrentIndex(std::max(0, m_ui->storeCombo->findData(storeCode)));
            const QString product = m_ui->productCombo->currentText();
            m_products = catalogue->products;
            m_ui->productCombo->clear();
            m_ui->productCombo->addItems(m_products);
            m_ui->productCombo->setEditText(product);
            Q_EMIT catalogueLoaded();
        });
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

void InventoryChartView::selectionChanged()
{
    const int selection = m_ui->selectionCombo->currentData().toInt();
    m_ui->productCombo->setVisible(selection == OneProduct);
    m_ui->topSpin->setVisible(selection == TopN);
    if (selection == OneProduct) {
        m_ui->productCombo->setFocus();
        if (m_ui->productCombo->currentText().trimmed().isEmpty())
            return; // nothing to show until a product is chosen
    }
    reload();
}

void InventoryChartView::productChosen()
{
    // Enter in the box and the choice from its list both arrive here; the same product is read once.
    QString text = m_ui->productCombo->currentText().trimmed();
    for (const QString &product : std::as_const(m_products)) {
        if (product.compare(text, Qt::CaseInsensitive) == 0) {
            text = product; // p0003 is P0003
            break;
        }
    }
    if (text != m_ui->productCombo->currentText())
        m_ui->productCombo->setEditText(text);
    if (text == m_requestedProduct)
        return;
    reload();
}

InventorySeriesQuery InventoryChartView::query() const
{
    InventorySeriesQuery q;
    q.tenant = m_tenant;
    q.from = m_ui->fromEdit->date();
    q.to = m_ui->toEdit->date();
    q.granularity = Granularity(m_ui->granularityCombo->currentData().toInt());
    q.storeCode = m_ui->storeCombo->currentData().toString();
    switch (m_ui->selectionCombo->currentData().toInt()) {
    case OneProduct:
        q.productId = m_ui->productCombo->currentText().trimmed();
        break;
    case TopN:
        q.topN = m_ui->topSpin->value();
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
    m_requestedProduct = q.productId;
    const bool previous = m_ui->previousCheck->isChecked();
    m_ui->statusLabel->setText(tr("Reading…"));
    m_seriesJobs->start(
        m_store, [q, previous](SnapshotStore &store) { return AnalyticsSeries::inventoryChart(store, q, previous); },
        [this, q](const Result<InventoryChartData> &result) {
            if (!result) {
                m_ui->statusLabel->setText(tr("Cannot read the series: %1").arg(result.error().message));
                Q_EMIT failed(result.error().message);
                return;
            }
            showData(*result, q);
        });
}

void InventoryChartView::showData(const InventoryChartData &shown, const InventorySeriesQuery &q)
{
    m_data = shown;
    m_shownQuery = q;
    const QList<InventoryPoint> &points = m_data.points;
    const QString &zone = m_data.tenant.businessTimeZone;
    QList<QJsonObject> rows;
    for (const InventoryPoint &p : points)
        rows << AnalyticsSeries::toJson(p);
    m_table->setRows(rows,
        { QStringLiteral("period"), QStringLiteral("opening"), QStringLiteral("closing"), QStringLiteral("inbound"),
            QStringLiteral("outbound"), QStringLiteral("adjustments"), QStringLiteral("total_value"),
            QStringLiteral("has_data") },
        { tr("Period"), tr("Opening"), tr("Closing"), tr("Inbound"), tr("Outbound"), tr("Adjustments"),
            tr("Stock value"), tr("Data") });

    switch (m_data.empty) {
    case InventoryChartData::Empty::No:
        m_emptyMessage.clear();
        break;
    case InventoryChartData::Empty::UnknownStore:
        m_emptyMessage = tr("There is no inventory for store “%1”.").arg(q.storeCode);
        break;
    case InventoryChartData::Empty::UnknownProduct:
        m_emptyMessage = tr("There is no inventory for product “%1”. Type part of a product id and choose one of "
                            "the %2 products in the list.")
                             .arg(q.productId)
                             .arg(m_products.size());
        break;
    case InventoryChartData::Empty::NoDataInRange:
        m_emptyMessage = tr("No inventory data from %1 to %2 (business days in %3).")
                             .arg(q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate), zone);
        break;
    }
    m_ui->emptyLabel->setText(m_emptyMessage);

    auto *chart = new QChart;
    ChartTools::followSystemTheme(chart, this);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const ChartTools::PeriodScale scale = periodScale();
    QStringList categories;
    double stockMax = 0, valueMax = 0;
    for (const InventoryPoint &p : points) {
        categories << p.period.toString(Qt::ISODate);
        if (p.hasData) {
            stockMax
                = std::max({ stockMax, double(p.opening), double(p.closing), double(p.inbound), double(p.outbound) });
            valueMax = std::max(valueMax, p.totalValue);
        }
    }
    // The previous range's closing, period for period (it may have one period fewer or more).
    SeriesLine before = AnalyticsSeries::line(m_data.previous, InventoryMeasure::Closing);
    before.resize(points.size());
    if (!m_data.previous.isEmpty()) {
        for (const auto &v : std::as_const(before))
            stockMax = std::max(stockMax, v.value_or(0.0));
    }

    // Bars need categories; the lines share a time axis laid over them (category i is centred on period i).
    auto *inbound = new QBarSet(tr("Inbound")), *outbound = new QBarSet(tr("Outbound"));
    for (const InventoryPoint &p : points) {
        *inbound << double(p.inbound);
        *outbound << double(p.outbound);
    }
    auto *bars = new QBarSeries;
    bars->append(inbound);
    bars->append(outbound);
    chart->addSeries(bars);
    ChartTools::setColour(inbound, ChartTools::Colour::Green);
    ChartTools::setColour(outbound, ChartTools::Colour::Red);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setVisible(false);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    bars->attachAxis(categoryAxis);
    QCategoryAxis *timeAxis = ChartTools::addPeriodAxis(chart, scale);
    QValueAxis *stockAxis = ChartTools::addValueAxis(chart, Qt::AlignLeft, tr("Units"), stockMax, true);
    const QString currency = m_data.tenant.currency;
    QValueAxis *valueAxis = ChartTools::addValueAxis(chart, Qt::AlignRight,
        currency.isEmpty() ? tr("Stock value") : tr("Stock value (%1)").arg(currency), valueMax, false, {}, stockAxis);
    bars->attachAxis(stockAxis);
    QList<QLineSeries *> lines;
    lines << ChartTools::addLine(chart, tr("Opening"), scale, AnalyticsSeries::line(points, InventoryMeasure::Opening),
        ChartTools::Colour::Teal, timeAxis, stockAxis);
    lines << ChartTools::addLine(chart, tr("Closing"), scale, AnalyticsSeries::line(points, InventoryMeasure::Closing),
        ChartTools::Colour::Blue, timeAxis, stockAxis);
    lines << ChartTools::addLine(chart, tr("Stock value"), scale,
        AnalyticsSeries::line(points, InventoryMeasure::TotalValue), ChartTools::Colour::Orange, timeAxis, valueAxis);
    if (!m_data.previous.isEmpty())
        lines << ChartTools::addLine(chart, tr("Closing, previous period"), scale, before, ChartTools::Colour::Purple,
            timeAxis, stockAxis, Qt::DashLine);
    // A click that reaches a line itself (without the zoom band) drills down as a click on the plot does.
    for (QLineSeries *line : std::as_const(lines))
        connect(line, &QLineSeries::clicked, this,
            [this, scale](const QPointF &point) { activate(scale.nearest(point.x())); });
    ChartTools::installLegendToggle(chart, this);
    ChartTools::replaceChart(m_ui->chartView, chart);
    showPage();
    const int withData
        = int(std::count_if(points.cbegin(), points.cend(), [](const InventoryPoint &p) { return p.hasData; }));
    m_ui->statusLabel->setText(
        tr("%1 periods, %2 with data · business days in %3").arg(points.size()).arg(withData).arg(zone));
    Q_EMIT loaded(pointCount());
}

void InventoryChartView::showPage()
{
    QWidget *page = m_ui->chartView;
    if (m_ui->tableButton->isChecked())
        page = m_ui->tableView;
    else if (!m_emptyMessage.isEmpty())
        page = m_ui->emptyLabel;
    m_ui->pages->setCurrentWidget(page);
}

QString InventoryChartView::describe(qsizetype i) const
{
    const InventoryPoint &p = m_data.points.at(i);
    const QString when = ChartTools::periodText(p.period, m_shownQuery.granularity, m_data.tenant.businessTimeZone);
    if (!p.hasData)
        return when + u'\n' + tr("no data");
    const QLocale l;
    return when + u'\n'
        + tr("opening %1 · closing %2\ninbound %3 · outbound %4 · adjustments %5\nstock value %6")
              .arg(l.toString(p.opening), l.toString(p.closing), l.toString(p.inbound), l.toString(p.outbound),
                  l.toString(p.adjustments), Money::format(p.totalValue, m_data.tenant.currency, l));
}

void InventoryChartView::activate(qsizetype i)
{
    if (i < 0 || i >= m_data.points.size())
        return;
    const QDate period = m_data.points.at(i).period;
    // The period's days within the range shown (a week or month may start before it or end after it).
    Q_EMIT periodActivated(std::max(period, m_shownQuery.from),
        std::min(AnalyticsSeries::periodEnd(period, m_shownQuery.granularity), m_shownQuery.to));
}

QStringList InventoryChartView::heading() const
{
    const InventorySeriesQuery &q = m_shownQuery;
    QStringList filters;
    filters << (q.storeCode.isEmpty() ? tr("all stores") : tr("store %1").arg(q.storeCode));
    if (!q.productId.isEmpty())
        filters << tr("product %1").arg(q.productId);
    else if (q.topN > 0)
        filters << tr("top %1 products by stock value").arg(q.topN);
    else
        filters << tr("all products");
    if (!m_data.previous.isEmpty())
        filters << tr("with the previous period");
    return { tr("Inventory trends · %1").arg(m_data.tenant.name),
        ChartTools::rangeText(q.from, q.to, q.granularity, m_data.tenant.businessTimeZone),
        tr("Filters: %1").arg(filters.join(QStringLiteral(" · "))) };
}

void InventoryChartView::changeEvent(QEvent *event)
{
    // Light or dark with the system, also when it changes while the chart is shown.
    if (event->type() == QEvent::PaletteChange && chart())
        ChartTools::followSystemTheme(chart(), this);
    QWidget::changeEvent(event);
}
