#include "importdialog.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTimeZone>

#include "domain/kindregistry.h"
#include "items/ingestpreviewmodel.h"
#include "items/progresstask.h"
#include "store/snapshotstore.h"
#include "ui_importdialog.h"

namespace {
const QString FolderKey = QStringLiteral("import/folder");
const QString ZoneKey = QStringLiteral("import/zone");
const QString GeometryKey = QStringLiteral("import/geometry");
constexpr int PreviewRecords = 50;

struct Preview
{
    Result<QList<IngestedRecord>> records;
    QList<Tenant> tenants;
};
} // namespace

ImportDialog::ImportDialog(std::shared_ptr<SnapshotStore> store, const QString &tenant, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_store(std::move(store))
    , m_tenant(tenant)
    , m_preview(new IngestPreviewModel(this))
    , m_task(new ProgressTask(this))
    , m_previewTask(new ProgressTask(this))
{
    m_ui->setupUi(this);
    m_import = m_ui->buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_ui->previewTable->setModel(m_preview);
    m_ui->previewTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->progress->attach(m_task);
    m_ui->progress->hide();

    m_ui->tenantCombo->addItem(tenant);
    m_ui->formatCombo->addItem(tr("Recognise each record"), QStringLiteral("auto"));
    m_ui->formatCombo->addItem(tr("SnapScope envelope"), QStringLiteral("envelope"));
    for (const KindDefinition *kind : KindRegistry::all()) {
        for (const KindShape &shape : kind->shapes)
            m_ui->formatCombo->addItem(tr("%1 (%2)").arg(shape.name, kind->displayNameText()), shape.name);
    }
    m_ui->zoneCombo->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->zoneCombo->addItem(QString::fromUtf8(id));
    m_ui->zoneCombo->lineEdit()->setPlaceholderText(tr("the tenant's business time zone"));
    QSettings settings;
    m_ui->zoneCombo->setCurrentText(settings.value(ZoneKey).toString());
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1100, 640); // room for the preview's columns and a dozen rows
    m_ui->previewTable->verticalHeader()->hide(); // the Record column says where each one is
    m_ui->rejectEdit->setEnabled(false);
    m_ui->rejectBrowse->setEnabled(false);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(300);
    connect(&m_previewTimer, &QTimer::timeout, this, &ImportDialog::runPreview);
    connect(m_ui->addButton, &QPushButton::clicked, this, [this] {
        QSettings remembered;
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Snapshots"),
            remembered.value(FolderKey).toString(), tr("Exports (*.json *.jsonl *.ndjson *.gz *.zst);;All files (*)"));
        if (!paths.isEmpty())
            remembered.setValue(FolderKey, QFileInfo(paths.first()).absolutePath());
        addFiles(paths);
    });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_ui->filesList->selectedItems());
        schedulePreview();
    });
    connect(m_ui->filesList, &QListWidget::itemSelectionChanged, this, &ImportDialog::updateButtons);
    connect(m_ui->tenantCombo, &QComboBox::currentTextChanged, this, &ImportDialog::schedulePreview);
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::schedulePreview);
    connect(m_ui->zoneCombo, &QComboBox::currentTextChanged, this, &ImportDialog::schedulePreview);
    connect(m_ui->skipBadCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->rejectEdit->setEnabled(on);
        m_ui->rejectBrowse->setEnabled(on);
        updateButtons();
    });
    connect(m_ui->rejectEdit, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_ui->rejectBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Bad Records"),
            QSettings().value(FolderKey).toString() + QStringLiteral("/rejects.jsonl"), tr("JSON lines (*.jsonl)"));
        if (!path.isEmpty())
            m_ui->rejectEdit->setText(path);
    });
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_task, &ProgressTask::runningChanged, this, [this](bool running) {
        m_ui->progress->setVisible(running);
        for (QWidget *w : { static_cast<QWidget *>(m_ui->filesList), static_cast<QWidget *>(m_ui->addButton),
                 static_cast<QWidget *>(m_ui->removeButton), static_cast<QWidget *>(m_ui->tenantCombo),
                 static_cast<QWidget *>(m_ui->formatCombo), static_cast<QWidget *>(m_ui->zoneCombo),
                 static_cast<QWidget *>(m_ui->skipBadCheck) })
            w->setEnabled(!running);
        m_ui->rejectEdit->setEnabled(!running && m_ui->skipBadCheck->isChecked());
        m_ui->rejectBrowse->setEnabled(!running && m_ui->skipBadCheck->isChecked());
        updateButtons();
    });
    connect(this, &QDialog::finished, this, [this] {
        QSettings remembered;
        remembered.setValue(GeometryKey, saveGeometry());
        remembered.setValue(ZoneKey, m_ui->zoneCombo->currentText());
    });
    updateButtons();
    runPreview(); // the tenants for the combo
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::reject()
{
    // Close (or Esc) while an import runs cancels it first: the dialog goes once nothing is left half done.
    if (m_task->isRunning()) {
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (m_ui->filesList->findItems(path, Qt::MatchExactly).isEmpty())
            m_ui->filesList->addItem(path);
    }
    schedulePreview();
}

QStringList ImportDialog::files() const
{
    QStringList out;
    for (int i = 0; i < m_ui->filesList->count(); ++i)
        out << m_ui->filesList->item(i)->text();
    return out;
}

IngestOptions ImportDialog::options() const
{
    IngestOptions o;
    o.defaultTenant = m_ui->tenantCombo->currentText().trimmed();
    o.format = m_ui->formatCombo->currentData().toString();
    o.zone = m_ui->zoneCombo->currentText().trimmed();
    o.skipBad = m_ui->skipBadCheck->isChecked();
    o.rejectPath = o.skipBad ? m_ui->rejectEdit->text().trimmed() : QString();
    return o;
}

void ImportDialog::updateButtons()
{
    const bool running = m_task->isRunning();
    m_ui->removeButton->setEnabled(!running && !m_ui->filesList->selectedItems().isEmpty());
    m_import->setEnabled(!running && m_ui->filesList->count() > 0
        && (!m_ui->skipBadCheck->isChecked() || !m_ui->rejectEdit->text().trimmed().isEmpty()));
}

void ImportDialog::schedulePreview()
{
    updateButtons();
    m_previewTimer.start();
}

void ImportDialog::runPreview()
{
    const QStringList paths = files();
    const IngestOptions o = options();
    m_ui->previewLabel->setText(
        paths.isEmpty() ? tr("Preview: add the files to import.") : tr("Reading the first records…"));
    auto store = m_store;
    m_previewTask->start(
        store, tr("Reading the first records…"),
        [store, paths, o](ProgressTask::Control &) {
            Preview preview { QList<IngestedRecord>(), {} };
            if (auto tenants = store->tenants())
                preview.tenants = *tenants;
            if (!paths.isEmpty())
                preview.records = SnapshotIngest(*store, o).preview(paths, PreviewRecords);
            return preview;
        },
        [this, paths](const Preview &preview) {
            for (const Tenant &t : preview.tenants) {
                if (m_ui->tenantCombo->findText(t.id) < 0)
                    m_ui->tenantCombo->addItem(t.id);
            }
            if (!preview.records) {
                m_preview->setRecords({});
                m_ui->previewLabel->setText(tr("Cannot read the files: %1").arg(preview.records.error().message));
            } else {
                m_preview->setRecords(*preview.records);
                // A bad record has no kind, entity or time: its reason spans those columns.
                m_ui->previewTable->clearSpans();
                const int from = int(IngestPreviewModel::Column::Kind);
                for (int row = 0; row < m_preview->rowCount(); ++row) {
                    if (m_preview->isBad(row))
                        m_ui->previewTable->setSpan(row, from, 1, int(IngestPreviewModel::Column::Count_) - from);
                }
                // Columns as wide as their values; the kind's not as wide as a reason spanning it.
                QTableView *table = m_ui->previewTable;
                table->resizeColumnsToContents();
                int kindWidth = table->horizontalHeader()->sectionSizeHint(from);
                for (int row = 0; row < m_preview->rowCount(); ++row) {
                    if (!m_preview->isBad(row))
                        kindWidth = std::max(kindWidth,
                            table->fontMetrics().horizontalAdvance(m_preview->index(row, from).data().toString()) + 16);
                }
                table->setColumnWidth(from, kindWidth);
                const int bad = m_preview->badCount();
                if (!paths.isEmpty())
                    m_ui->previewLabel->setText(bad == 0
                            ? tr("Preview of the first %n record(s): nothing is written yet.", nullptr,
                                int(preview.records->size()))
                            : tr("Preview of the first %n record(s): %1 bad. Without “Skip bad records” the import "
                                 "stops at the first bad record and stores nothing.",
                                nullptr, int(preview.records->size()))
                                  .arg(bad));
            }
            Q_EMIT previewed();
        });
}

void ImportDialog::startImport()
{
    if (m_task->isRunning() || m_ui->filesList->count() == 0)
        return;
    const QStringList paths = files();
    const IngestOptions o = options();
    m_ui->summaryLabel->clear();
    auto store = m_store;
    m_task->start(
        store, tr("Importing…"),
        [store, paths, o](ProgressTask::Control &control) {
            return SnapshotIngest(*store, o).run(paths, [&control](const IngestProgress &p) {
                control.report(p.bytesDone, p.bytesTotal,
                    tr("Importing %1: %n record(s) read", nullptr, int(std::min<qint64>(p.records, INT_MAX)))
                        .arg(p.input));
                return !control.isCancelled();
            });
        },
        [this, rejectPath = o.rejectPath](const Result<IngestSummary> &summary) {
            if (!summary) {
                m_ui->summaryLabel->setText(summary.error().code == Error::Code::Cancelled
                        ? tr("Cancelled: nothing was stored.")
                        : tr("Nothing was stored: %1").arg(summary.error().message));
                return;
            }
            const QLocale locale;
            QStringList kinds;
            for (auto it = summary->kinds.begin(); it != summary->kinds.end(); ++it)
                kinds << tr("%1 %2").arg(it.key(), locale.toString(it.value()));
            QString text = tr("Imported %1 of %2 record(s) in %3 s; %4 already stored.")
                               .arg(locale.toString(summary->ingested), locale.toString(summary->read),
                                   locale.toString(summary->seconds, 'f', 1), locale.toString(summary->duplicates));
            if (!kinds.isEmpty())
                text += u' ' + tr("By kind: %1.").arg(kinds.join(QStringLiteral(", ")));
            if (summary->rejected > 0)
                text += u' '
                    + tr("%1 bad record(s) were written to %2.").arg(locale.toString(summary->rejected), rejectPath);
            if (!summary->tenantsCreated.isEmpty())
                text += u' ' + tr("New tenant(s): %1.").arg(summary->tenantsCreated.join(QStringLiteral(", ")));
            m_ui->summaryLabel->setText(text);
            if (summary->ingested > 0)
                Q_EMIT imported();
        });
}
