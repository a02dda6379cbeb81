#include "chatchartview.h"
#include "ui_chatchartview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QValueAxis>

#include "charttools.h"
#include "domain/kindregistry.h"
#include "flowlayout.h"
#include "items/jobtracker.h"
#include "items/money.h"
#include "items/progresstask.h"
#include "items/seriestablemodel.h"
#include "ops/analyticsseries.h"
#include "ops/exportaudit.h"
#include "store/snapshotstore.h"
#include "taskprogress.h"
#include "trainingexportdialog.h"

ChatChartView::ChatChartView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChatChartView>())
    , m_table(new SeriesTableModel(this))
    , m_trainingTask(new ProgressTask(this))
    , m_trainingProgress(new TaskProgress(this))
    , m_trainingStatus(new QLabel(this))
{
    m_ui->setupUi(this);
    // The export's progress and outcome have a line of their own: the chart's status line changes with every reload.
    m_trainingStatus->setWordWrap(true);
    m_trainingStatus->setObjectName(QStringLiteral("trainingStatus"));
    m_trainingStatus->hide();
    if (auto *column = qobject_cast<QBoxLayout *>(layout())) {
        column->insertWidget(column->indexOf(m_ui->statusLabel) + 1, m_trainingProgress);
        column->insertWidget(column->indexOf(m_trainingProgress) + 1, m_trainingStatus);
    }
    m_ui->trainingButton->setEnabled(false); // until there is a store
    m_trainingProgress->attach(m_trainingTask);
    connect(m_trainingProgress->cancelButton(), &QPushButton::clicked, m_trainingTask, &ProgressTask::cancel);
    connect(m_trainingTask, &ProgressTask::runningChanged, this,
        [this](bool running) { m_ui->trainingButton->setEnabled(!running && m_store && !m_tenant.isEmpty()); });
    connect(m_ui->trainingButton, &QToolButton::clicked, this, [this] {
        if (!m_store || m_tenant.isEmpty())
            return;
        TrainingExportDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        // In the folder of the last export (remembered), else the user's documents.
        QSettings settings;
        const QString folder = settings
                                   .value(QStringLiteral("trainingExport/folder"),
                                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                   .toString();
        const QString path = QFileDialog::getSaveFileName(this, tr("Export AI Training Data"),
            QDir(folder).filePath(QStringLiteral("training-%1.jsonl").arg(m_tenant)), tr("JSON lines (*.jsonl)"));
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("trainingExport/folder"), QFileInfo(path).absolutePath());
        exportTraining(dialog.options(), path);
    });
    // Rows that wrap instead of widening the window (translated labels are longer).
    FlowLayout::replaceRow(m_ui->rangeLayout);
    FlowLayout::replaceRow(m_ui->filterLayout);
    ChartTools::fillPresets(m_ui->presetCombo);
    if (const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat")))
        m_ui->typeCombo->addItems(chat->types);
    m_ui->typeCombo->setCurrentText(QStringLiteral("session_ended"));
    m_ui->platformCombo->addItem(tr("All platforms"), QString());
    for (const char *platform : { "line", "facebook", "whatsapp" })
        m_ui->platformCombo->addItem(QString::fromLatin1(platform), QString::fromLatin1(platform));
    m_ui->handoffCombo->addItem(tr("With or without hand-off"), -1);
    m_ui->handoffCombo->addItem(tr("Handed off to a human"), 1);
    m_ui->handoffCombo->addItem(tr("AI only"), 0);
    m_ui->metricCombo->addItem(tr("Conversion rate (%)"), int(ChatMeasure::ConversionRatePercent));
    m_ui->metricCombo->addItem(tr("Average order value"), int(ChatMeasure::AverageOrderValue));
    m_ui->metricCombo->addItem(tr("Average duration (s)"), int(ChatMeasure::AverageDurationS));
    m_ui->metricCombo->addItem(tr("Average satisfaction"), int(ChatMeasure::AverageSatisfaction));
    connect(m_ui->metricCombo, &QComboBox::activated, this, [this] { showData(m_data, m_shownQuery); });
    m_ui->granularityCombo->addItem(tr("By day"), int(Granularity::Day));
    m_ui->granularityCombo->addItem(tr("By week"), int(Granularity::Week));
    m_ui->tableView->setModel(m_table);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->chartView->setRenderHint(QPainter::Antialiasing);
    m_ui->chartView->setRubberBand(QChartView::HorizontalRubberBand);
    ChartTools::replaceChart(m_ui->chartView, new QChart);
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
    connect(m_ui->tableButton, &QToolButton::toggled, this, &ChatChartView::showPage);
    connect(m_ui->pngButton, &QToolButton::clicked, this,
        [this] { ChartTools::exportPng(this, m_ui->chartView, heading(), QStringLiteral("chat-conversion.png")); });
    connect(m_ui->csvButton, &QToolButton::clicked, this, [this] {
        ChartTools::exportCsv(this, AnalyticsSeries::chatCsv(m_data.points), QStringLiteral("chat-conversion.csv"));
    });
    ChartTools::installPeriodPointer(
        m_ui->chartView, [this] { return periodScale(); }, [this](qsizetype i) { return describe(i); },
        [this](qsizetype i) { activate(i); });
}

ChatChartView::~ChatChartView() = default;

QString ChatChartView::trainingStatusText() const
{
    return m_trainingStatus->text();
}

void ChatChartView::exportTraining(TrainingExport::Options options, const QString &path)
{
    if (!m_store || m_tenant.isEmpty())
        return;
    options.tenant = m_tenant;
    m_trainingTask->start(
        m_store, tr("Exporting training data…"),
        [store = m_store, options, path](ProgressTask::Control &control) -> Result<TrainingExport::Report> {
            if (auto audited = ExportAudit::record(*store, options.tenant, QStringLiteral("training"),
                    options.types.join(u','), path, true, QStringLiteral("console"));
                !audited)
                return audited.error();
            return TrainingExport::write(*store, options, path, [&control](qint64 done, qint64 total) {
                control.report(done, total);
                return !control.isCancelled();
            });
        },
        [this, path](const Result<TrainingExport::Report> &result) {
            if (result && result->written == 0)
                m_trainingStatus->setText(tr("None of the %1 chat snapshots read matched: %2 is empty.")
                                              .arg(result->scanned)
                                              .arg(QDir::toNativeSeparators(path)));
            else if (result)
                m_trainingStatus->setText(
                    tr("Wrote %n training record(s) to %1 (of %2 chat snapshots read).", nullptr, int(result->written))
                        .arg(QDir::toNativeSeparators(path))
                        .arg(result->scanned));
            else if (result.error().code == Error::Code::Cancelled)
                m_trainingStatus->setText(tr("The training export was cancelled; nothing was written."));
            else
                m_trainingStatus->setText(tr("The training export failed: %1").arg(result.error().message));
            m_trainingStatus->show();
            Q_EMIT trainingExported(result ? result->written : 0, result ? QString() : result.error().message);
        });
}

ChartTools::PeriodScale ChatChartView::periodScale() const
{
    QList<QDate> periods;
    for (const ChatPoint &p : std::as_const(m_data.points))
        periods << p.period;
    return { periods, m_shownQuery.granularity };
}

QChart *ChatChartView::chart() const
{
    return m_ui->chartView->chart();
}

void ChatChartView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    m_jobs->clear();
    // An export of the previous store or tenant is stopped (its partial file is never committed).
    m_trainingTask->abandon();
    m_trainingStatus->hide();
    m_ui->trainingButton->setEnabled(m_store && !m_tenant.isEmpty());
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
    m_ui->statusLabel->setText(tr("Reading…"));
    m_jobs->start(
        m_store, [q](SnapshotStore &store) { return AnalyticsSeries::chatChart(store, q); },
        [this, q](const Result<ChatChartData> &result) {
            if (!result) {
                m_ui->statusLabel->setText(tr("Cannot read the series: %1").arg(result.error().message));
                Q_EMIT failed(result.error().message);
                return;
            }
            showData(*result, q);
        });
}

void ChatChartView::showData(const ChatChartData &shown, const ChatSeriesQuery &q)
{
    m_data = shown;
    m_shownQuery = q;
    const QList<ChatPoint> &points = m_data.points;
    const QString &zone = m_data.tenant.businessTimeZone;
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
    const bool any = std::any_of(points.cbegin(), points.cend(), [](const ChatPoint &p) { return p.hasData; });
    m_emptyMessage = any ? QString()
                         : tr("No %1 chat snapshots from %2 to %3 (business days in %4).")
                               .arg(q.snapshotType, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate), zone);
    m_ui->emptyLabel->setText(m_emptyMessage);

    auto *chart = new QChart;
    ChartTools::followSystemTheme(chart, this);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *line = new QBarSet(tr("LINE")), *facebook = new QBarSet(tr("Facebook")),
         *whatsapp = new QBarSet(tr("WhatsApp"));
    const ChartTools::PeriodScale scale = periodScale();
    QStringList categories;
    double countMax = 0;
    for (const ChatPoint &p : points) {
        *line << double(p.line);
        *facebook << double(p.facebook);
        *whatsapp << double(p.whatsapp);
        categories << p.period.toString(Qt::ISODate);
        countMax = std::max(countMax, double(p.conversations));
    }
    auto *bars = new QStackedBarSeries;
    bars->append({ line, facebook, whatsapp });
    chart->addSeries(bars);
    ChartTools::setColour(line, ChartTools::Colour::Green);
    ChartTools::setColour(facebook, ChartTools::Colour::Blue);
    ChartTools::setColour(whatsapp, ChartTools::Colour::Purple);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setVisible(false);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    bars->attachAxis(categoryAxis);
    QCategoryAxis *timeAxis = ChartTools::addPeriodAxis(chart, scale);
    QValueAxis *countAxis = ChartTools::addValueAxis(chart, Qt::AlignLeft, tr("Conversations"), countMax, true);
    bars->attachAxis(countAxis);

    const auto measure = ChatMeasure(m_ui->metricCombo->currentData().toInt());
    const SeriesLine values = AnalyticsSeries::line(points, measure);
    double metricMax = 0;
    for (const auto &v : values)
        metricMax = std::max(metricMax, v.value_or(0.0));
    QValueAxis *metricAxis = nullptr;
    const QString metricName = m_ui->metricCombo->currentText();
    switch (measure) {
    case ChatMeasure::ConversionRatePercent:
        metricAxis = ChartTools::addValueAxis(chart, Qt::AlignRight, metricName, 100, true, QStringLiteral(" %"));
        break;
    case ChatMeasure::AverageSatisfaction:
        metricAxis = ChartTools::addValueAxis(chart, Qt::AlignRight, metricName, std::max(5.0, metricMax), false);
        break;
    case ChatMeasure::AverageOrderValue:
        metricAxis = ChartTools::addValueAxis(chart, Qt::AlignRight,
            m_data.tenant.currency.isEmpty() ? metricName : tr("%1 (%2)").arg(metricName, m_data.tenant.currency),
            metricMax, false, {}, countAxis);
        break;
    default:
        metricAxis = ChartTools::addValueAxis(chart, Qt::AlignRight, metricName, metricMax, false, {}, countAxis);
        break;
    }
    metricAxis->setGridLineVisible(false); // the grid is the conversations'
    QList<QLineSeries *> lines = ChartTools::addLine(chart, tr("Converted"), scale,
        AnalyticsSeries::line(points, ChatMeasure::Converted), ChartTools::Colour::Red, timeAxis, countAxis);
    lines << ChartTools::addLine(chart, metricName, scale, values, ChartTools::Colour::Orange, timeAxis, metricAxis);
    // A click that reaches a line itself (without the zoom band) drills down as a click on the plot does.
    for (QLineSeries *series : std::as_const(lines))
        connect(series, &QLineSeries::clicked, this,
            [this, scale](const QPointF &point) { activate(scale.nearest(point.x())); });
    ChartTools::installLegendToggle(chart, this);
    ChartTools::replaceChart(m_ui->chartView, chart);
    showPage();
    qint64 conversations = 0, convertedTotal = 0;
    for (const ChatPoint &p : points) {
        conversations += p.conversations;
        convertedTotal += p.converted;
    }
    const QLocale l;
    m_ui->statusLabel->setText(
        tr("%1 periods · %2 conversations · %3 converted (%4) · business days in %5")
            .arg(points.size())
            .arg(l.toString(conversations), l.toString(convertedTotal),
                conversations
                    ? l.toString(100.0 * double(convertedTotal) / double(conversations), 'f', 1) + QStringLiteral(" %")
                    : QStringLiteral("–"),
                zone));
    Q_EMIT loaded(int(points.size()));
}

void ChatChartView::showPage()
{
    QWidget *page = m_ui->chartView;
    if (m_ui->tableButton->isChecked())
        page = m_ui->tableView;
    else if (!m_emptyMessage.isEmpty())
        page = m_ui->emptyLabel;
    m_ui->pages->setCurrentWidget(page);
}

QString ChatChartView::describe(qsizetype i) const
{
    const ChatPoint &p = m_data.points.at(i);
    const QString when = ChartTools::periodText(p.period, m_shownQuery.granularity, m_data.tenant.businessTimeZone);
    if (!p.hasData)
        return when + u'\n' + tr("no conversations");
    const QLocale l;
    const auto optional = [&l](const std::optional<double> &v, int decimals) {
        return v ? l.toString(*v, 'f', decimals) : QStringLiteral("–");
    };
    const auto rate = p.conversionRate();
    return when + u'\n'
        + tr("%1 conversations, %2 converted (%3)\naverage order value %4 · duration %5 s · satisfaction %6\n"
             "LINE %7 · Facebook %8 · WhatsApp %9")
              .arg(l.toString(p.conversations), l.toString(p.converted),
                  rate ? l.toString(100.0 * *rate, 'f', 1) + QStringLiteral(" %") : QStringLiteral("–"),
                  p.averageOrderValue ? Money::format(*p.averageOrderValue, m_data.tenant.currency, l)
                                      : QStringLiteral("–"),
                  optional(p.averageDurationS, 0), optional(p.averageSatisfaction, 2), l.toString(p.line),
                  l.toString(p.facebook), l.toString(p.whatsapp));
}

void ChatChartView::activate(qsizetype i)
{
    if (i < 0 || i >= m_data.points.size())
        return;
    const QDate period = m_data.points.at(i).period;
    Q_EMIT periodActivated(std::max(period, m_shownQuery.from),
        std::min(AnalyticsSeries::periodEnd(period, m_shownQuery.granularity), m_shownQuery.to));
}

QStringList ChatChartView::heading() const
{
    const ChatSeriesQuery &q = m_shownQuery;
    QStringList filters { tr("%1 snapshots").arg(q.snapshotType),
        q.platform.isEmpty() ? tr("all platforms") : tr("platform %1").arg(q.platform),
        !q.humanHandoff       ? tr("with or without hand-off")
            : *q.humanHandoff ? tr("handed off to a human")
                              : tr("AI only"),
        tr("right axis: %1").arg(m_ui->metricCombo->currentText()) };
    return { tr("Chat conversion · %1").arg(m_data.tenant.name),
        ChartTools::rangeText(q.from, q.to, q.granularity, m_data.tenant.businessTimeZone),
        tr("Filters: %1").arg(filters.join(QStringLiteral(" · "))) };
}

void ChatChartView::changeEvent(QEvent *event)
{
    // Light or dark with the system, also when it changes while the chart is shown.
    if (event->type() == QEvent::PaletteChange && chart())
        ChartTools::followSystemTheme(chart(), this);
    QWidget::changeEvent(event);
}
