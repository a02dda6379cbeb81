#include "monthlyinventoryview.h"

#include <QEvent>
#include <QHeaderView>
#include <QSortFilterProxyModel>

#include "charttools.h"
#include "items/seriestablemodel.h"
#include "ops/analyticsseries.h"
#include "store/snapshotstore.h"
#include "ui_monthlyinventoryview.h"

MonthlyInventoryView::MonthlyInventoryView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MonthlyInventoryView>())
    , m_table(new SeriesTableModel(this))
{
    m_ui->setupUi(this);
    // Sortable by any column, numbers as numbers (the model's edit role holds the raw values); the report's own
    // order (by value, largest first) is the first one shown.
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_table);
    sorted->setSortRole(Qt::EditRole);
    m_ui->table->setModel(sorted);
    m_ui->table->setSortingEnabled(true);
    m_ui->table->sortByColumn(ValueColumn, Qt::DescendingOrder);
    m_ui->table->verticalHeader()->hide();
    constexpr int RowPadding = 6; // pixels above and below a line of text, as the other compact tables have
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + RowPadding);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->storeCombo->addItem(tr("All stores"), QString());
    setMonth(QDate::currentDate());
    m_ui->csvButton->setEnabled(false);
    connect(m_ui->monthEdit, &QDateEdit::dateChanged, this, &MonthlyInventoryView::reload);
    connect(m_ui->storeCombo, &QComboBox::activated, this, &MonthlyInventoryView::reload);
    connect(m_ui->csvButton, &QToolButton::clicked, this, [this] {
        ChartTools::exportCsv(this, AnalyticsSeries::monthlyInventoryCsv(m_lines),
            QStringLiteral("inventory-%1%2.csv")
                .arg(m_shown.month.toString(QStringLiteral("yyyy-MM")),
                    m_shown.storeCode.isEmpty() ? QString() : u'-' + m_shown.storeCode));
    });
}

MonthlyInventoryView::~MonthlyInventoryView() = default;

void MonthlyInventoryView::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    m_jobs->clear();
    m_catalogueJobs->clear();
    m_lines.clear();
    // Another store or tenant: its stores are not known yet, so the report starts over all of them.
    m_ui->storeCombo->clear();
    m_ui->storeCombo->addItem(tr("All stores"), QString());
    showLines();
    if (!m_store || m_tenant.isEmpty())
        return;
    m_catalogueJobs->start(
        m_store, [tenant](SnapshotStore &s) { return s.inventoryCatalogue(tenant); },
        [this](const Result<InventoryCatalogue> &catalogue) {
            if (!catalogue) {
                m_ui->statusLabel->setText(tr("Cannot list the stores: %1").arg(catalogue.error().message));
                return;
            }
            const QString chosen = m_ui->storeCombo->currentData().toString();
            m_ui->storeCombo->clear();
            m_ui->storeCombo->addItem(tr("All stores"), QString());
            for (const QString &code : catalogue->stores)
                m_ui->storeCombo->addItem(code, code);
            m_ui->storeCombo->setCurrentIndex(std::max(0, m_ui->storeCombo->findData(chosen)));
            if (m_ui->storeCombo->currentData().toString() != chosen)
                reload(); // the store chosen is not among this tenant's: the report is of every store
        });
    reload();
}

void MonthlyInventoryView::setMonth(const QDate &month)
{
    m_ui->monthEdit->setDate(QDate(month.year(), month.month(), 1)); // another month is read (dateChanged)
}

QDate MonthlyInventoryView::month() const
{
    const QDate d = m_ui->monthEdit->date();
    return QDate(d.year(), d.month(), 1);
}

void MonthlyInventoryView::reload()
{
    if (!m_store || m_tenant.isEmpty())
        return;
    MonthlyInventoryQuery q;
    q.tenant = m_tenant;
    q.month = month();
    q.storeCode = m_ui->storeCombo->currentData().toString();
    m_ui->statusLabel->setText(tr("Reading the report…"));
    m_jobs->start(
        m_store, [q](SnapshotStore &s) { return s.monthlyInventory(q); },
        [this, q](const Result<QList<MonthlyInventoryLine>> &lines) {
            if (!lines) {
                m_lines.clear();
                showLines();
                m_ui->statusLabel->setText(tr("Cannot read the report: %1").arg(lines.error().message));
                Q_EMIT failed(lines.error().message);
                return;
            }
            m_lines = *lines;
            m_shown = q;
            showLines();
            Q_EMIT loaded(int(m_lines.size()));
        });
}

void MonthlyInventoryView::showLines()
{
    QList<QJsonObject> rows;
    double value = 0, cogs = 0;
    for (const MonthlyInventoryLine &line : std::as_const(m_lines)) {
        const QJsonObject row = AnalyticsSeries::toJson(line);
        value += row.value(u"total_value").toDouble(); // the cents shown, so the total is their sum
        cogs += row.value(u"cost_of_goods_sold").toDouble();
        rows << row;
    }
    m_table->setRows(rows,
        { QStringLiteral("product_id"), QStringLiteral("name"), QStringLiteral("closing_stock"),
            QStringLiteral("total_value"), QStringLiteral("outbound"), QStringLiteral("cost_of_goods_sold"),
            QStringLiteral("last_day") },
        { tr("Product"), tr("Name"), tr("Closing stock"), tr("Total value"), tr("Outbound"), tr("Cost of goods sold"),
            tr("Last day with data") });
    m_ui->table->resizeColumnsToContents();
    m_ui->csvButton->setEnabled(!m_lines.isEmpty());
    if (m_lines.isEmpty())
        m_ui->statusLabel->setText(m_store ? tr("No inventory for this month.") : QString());
    else
        m_ui->statusLabel->setText(
            tr("%n product(s); total value %1, cost of goods sold %2.", nullptr, int(m_lines.size()))
                .arg(QLocale().toString(value, 'f', 2), QLocale().toString(cogs, 'f', 2)));
}

void MonthlyInventoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->storeCombo->setItemText(0, tr("All stores"));
        showLines();
    }
    QWidget::changeEvent(event);
}
