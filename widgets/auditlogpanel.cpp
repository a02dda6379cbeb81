#include "auditlogpanel.h"

#include "ui_auditlogpanel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QSaveFile>
#include <QTimer>

#include <utility>

#include "flowlayout.h"
#include "items/auditlogmodel.h"
#include "items/jobtracker.h"
#include "ops/exportaudit.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

AuditLogPanel::AuditLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogPanel>())
    , m_model(new AuditLogModel(this))
    , m_debounce(new QTimer(this))
{
    m_ui->setupUi(this);
    // Rows that wrap instead of widening the window (translated labels are longer).
    FlowLayout::replaceRow(m_ui->auditFilters);
    m_ui->table->setModel(m_model);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setWordWrap(false);
    m_ui->action->addItems({ QString(), QStringLiteral("snapshot."), QStringLiteral("cleanup"),
        QStringLiteral("trash."), QStringLiteral("import"), QStringLiteral("pin"), QStringLiteral("unpin"),
        QStringLiteral("policy."), QStringLiteral("schedule.") });
    m_ui->from->setDate(QDate::currentDate().addDays(-30));
    m_ui->to->setDate(QDate::currentDate());
    m_ui->from->setEnabled(false);
    m_ui->to->setEnabled(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &AuditLogPanel::applyFilters);
    const auto later = [this] { m_debounce->start(); };
    connect(m_ui->action, &QComboBox::currentTextChanged, this, later);
    connect(m_ui->actor, &QLineEdit::textChanged, this, later);
    connect(m_ui->useFrom, &QCheckBox::toggled, m_ui->from, &QWidget::setEnabled);
    connect(m_ui->useTo, &QCheckBox::toggled, m_ui->to, &QWidget::setEnabled);
    connect(m_ui->useFrom, &QCheckBox::toggled, this, later);
    connect(m_ui->useTo, &QCheckBox::toggled, this, later);
    connect(m_ui->from, &QDateEdit::dateChanged, this, later);
    connect(m_ui->to, &QDateEdit::dateChanged, this, later);
    connect(m_ui->refresh, &QPushButton::clicked, this, &AuditLogPanel::refresh);
    connect(m_ui->exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the audit log"), QStringLiteral("snapscope-audit.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_model, &AuditLogModel::loaded, this, &AuditLogPanel::shown);
    connect(m_model, &AuditLogModel::loadFailed, this, &AuditLogPanel::shown);
    connect(m_model, &AuditLogModel::loaded, this, [this] {
        if (m_model->rowCount() <= 200) // the first page: fit the columns once, not on every page
            m_ui->table->resizeColumnsToContents();
        m_ui->status->setText(
            tr("%n entries", nullptr, m_model->rowCount()) + (m_model->isComplete() ? QString() : QStringLiteral("+")));
    });
    connect(m_model, &AuditLogModel::loadFailed, m_ui->status, &QLabel::setText);
}

AuditLogPanel::~AuditLogPanel() = default;

void AuditLogPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    m_model->setStore(m_store);
    applyFilters();
}

void AuditLogPanel::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone shown = IsoTime::validOrUtc(zone);
    const bool changed = std::exchange(m_zone, shown) != shown;
    m_model->setTimeZone(m_zone);
    if (!changed)
        return;
    // The date filters are the zone's days: they start from its today, and a ticked one is read again.
    const QDate today = QDateTime::currentDateTime().toTimeZone(m_zone).date();
    if (!m_ui->useFrom->isChecked())
        m_ui->from->setDate(today.addDays(-30));
    if (!m_ui->useTo->isChecked())
        m_ui->to->setDate(today);
    if (m_store && (m_ui->useFrom->isChecked() || m_ui->useTo->isChecked()))
        applyFilters();
}

void AuditLogPanel::refresh()
{
    m_model->refresh();
}

namespace {
AuditQuery queryFrom(const Ui::AuditLogPanel &ui, const QString &tenant, const QTimeZone &zone)
{
    AuditQuery query;
    query.tenant = tenant;
    query.action = ui.action->currentText().trimmed();
    query.actor = ui.actor->text().trimmed();
    if (ui.useFrom->isChecked())
        query.at.from = IsoTime::fromZoneWallClock(ui.from->date(), QTime(0, 0), zone);
    if (ui.useTo->isChecked())
        query.at.to = IsoTime::fromZoneWallClock(ui.to->date().addDays(1), QTime(0, 0), zone);
    return query;
}
} // namespace

void AuditLogPanel::applyFilters()
{
    m_model->setQuery(queryFrom(*m_ui, m_tenant, m_zone));
}

void AuditLogPanel::exportCsv(const QString &path)
{
    if (!m_store)
        return;
    const AuditQuery query = queryFrom(*m_ui, m_tenant, m_zone);
    m_ui->exportCsv->setEnabled(false);
    m_exportJobs->start(
        m_store,
        [query, path, tenant = m_tenant](SnapshotStore &store) -> Status {
            // The audit log holds who revealed what: exporting it is recorded like any other export (no contact
            // details are in it, so it counts as masked).
            if (const Status audited = ExportAudit::record(store, tenant, QStringLiteral("audit_csv"), tenant, path,
                    true, QStringLiteral("audit log"));
                !audited)
                return audited.error();
            auto csv = AuditLogModel::csv(store, query);
            if (!csv)
                return csv.error();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit())
                return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
            return {};
        },
        [this, path](const Status &written) {
            m_ui->exportCsv->setEnabled(true);
            m_ui->status->setText(written ? tr("Exported to %1").arg(path) : written.error().message);
            Q_EMIT exported(path, written.ok());
        },
        JobTracker::Mode::Alongside);
}
