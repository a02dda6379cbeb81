#include "cleanuppreviewdialog.h"

#include "ui_cleanuppreviewdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

#include "domain/kindregistry.h"
#include "items/retentionplanmodel.h"

CleanupPreviewDialog::CleanupPreviewDialog(
    std::shared_ptr<const RetentionPlan> plan, Purpose purpose, const QTimeZone &zone, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CleanupPreviewDialog>())
    , m_model(new RetentionPlanModel(this))
{
    m_ui->setupUi(this);
    m_model->setTimeZone(zone);
    const QLocale locale;
    const QString kind = KindRegistry::find(plan->candidates.kind)->displayNameText();
    m_ui->totals->setText(
        tr("<b>%1</b>: %2 snapshots (%3) go to the trash; %4 snapshots (%5) stay.")
            .arg(kind.toHtmlEscaped(), locale.toString(plan->deleteCount), locale.formattedDataSize(plan->deleteBytes),
                locale.toString(plan->keepCount), locale.formattedDataSize(plan->keepBytes)));
    QStringList reasons;
    for (int r = 0; r < RetentionReasonCount; ++r) {
        if (plan->countByReason[size_t(r)] > 0) {
            reasons << tr("%1 %2: %3")
                           .arg(isKept(RetentionReason(r)) ? tr("stays,") : tr("goes,"),
                               retentionReasonText(RetentionReason(r)),
                               locale.toString(plan->countByReason[size_t(r)]));
        }
    }
    m_ui->reasons->setText(reasons.join(u'\n'));
    m_ui->show->addItem(tr("What goes"), int(RetentionPlanModel::Show::Going));
    m_ui->show->addItem(tr("What stays"), int(RetentionPlanModel::Show::Staying));
    m_ui->show->addItem(tr("Everything"), int(RetentionPlanModel::Show::All));
    m_model->setPlan(plan);
    m_ui->table->setModel(m_model);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    // Reasons and entity ids in full (they were cut at the default width); the first rows are measure enough.
    m_ui->table->horizontalHeader()->setResizeContentsPrecision(200);
    m_ui->table->resizeColumnsToContents();
    const auto updateRows
        = [this, locale] { m_ui->rows->setText(tr("%1 rows").arg(locale.toString(m_model->matchingRows()))); };
    connect(m_ui->show, &QComboBox::currentIndexChanged, this, [this, updateRows] {
        m_model->setShow(RetentionPlanModel::Show(m_ui->show->currentData().toInt()));
        updateRows();
    });
    updateRows();

    QPushButton *ok = m_ui->buttons->button(QDialogButtonBox::Ok);
    if (purpose == Purpose::Run) {
        ok->setText(tr("Move %1 to the trash").arg(locale.toString(plan->deleteCount)));
        ok->setEnabled(plan->deleteCount > 0);
        m_ui->archivePath->setText(QDir::home().filePath(
            QStringLiteral("snapscope-%1-%2.ndjson.zst")
                .arg(plan->candidates.kind,
                    QDateTime::currentDateTime().toTimeZone(zone).toString(QStringLiteral("yyyyMMdd-HHmmss")))));
        connect(m_ui->archive, &QCheckBox::toggled, m_ui->archivePath, &QWidget::setEnabled);
        connect(m_ui->archive, &QCheckBox::toggled, m_ui->browse, &QWidget::setEnabled);
        m_ui->archivePath->setEnabled(false);
        m_ui->browse->setEnabled(false);
        connect(m_ui->browse, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Archive"), m_ui->archivePath->text(), tr("Snapshot archives (*.ndjson.zst)"));
            if (!path.isEmpty())
                m_ui->archivePath->setText(path);
        });
        setWindowTitle(tr("Clean up %1").arg(kind));
    } else {
        ok->setText(tr("Save policy"));
        m_ui->archive->hide();
        m_ui->archivePath->hide();
        m_ui->browse->hide();
        setWindowTitle(tr("Save the %1 policy").arg(kind));
    }
    // Cancel is the default: confirming a deletion is a deliberate click, not an Enter.
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(900, 600);
}

CleanupPreviewDialog::~CleanupPreviewDialog() = default;

QString CleanupPreviewDialog::archivePath() const
{
    return m_ui->archive->isChecked() ? m_ui->archivePath->text().trimmed() : QString();
}
