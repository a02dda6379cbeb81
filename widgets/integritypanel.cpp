#include "integritypanel.h"

#include "ui_integritypanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QPointer>
#include <QStandardItemModel>

#include "domain/kindregistry.h"
#include "items/progresstask.h"
#include "ops/verification.h"
#include "store/snapshotstore.h"

IntegrityPanel::IntegrityPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::IntegrityPanel>())
    , m_task(new ProgressTask(this))
    , m_corrupt(new QStandardItemModel(0, 4, this))
{
    m_ui->setupUi(this);
    m_ui->kind->addItem(tr("All kinds"), QString());
    for (const KindDefinition *kind : KindRegistry::all())
        m_ui->kind->addItem(kind->displayNameText(), kind->id);
    m_corrupt->setHorizontalHeaderLabels({ tr("Snapshot"), tr("Kind"), tr("Entity"), tr("Reason") });
    m_ui->table->setModel(m_corrupt);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setWordWrap(false);
    m_ui->progress->attach(m_task);
    connect(m_ui->verify, &QPushButton::clicked, this, &IntegrityPanel::verify);
    connect(m_task, &ProgressTask::runningChanged, m_ui->verify, &QWidget::setDisabled);
}

IntegrityPanel::~IntegrityPanel() = default;

void IntegrityPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant;
    m_corrupt->removeRows(0, m_corrupt->rowCount());
    m_ui->summary->clear();
}

void IntegrityPanel::verify()
{
    if (!m_store || m_task->isRunning())
        return;
    m_corrupt->removeRows(0, m_corrupt->rowCount());
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.kind = m_ui->kind->currentData().toString();
    query.trash = m_ui->includeTrash->isChecked() ? SnapshotQuery::Trash::Include : SnapshotQuery::Trash::Hide;
    auto store = m_store;
    m_task->start(
        store, tr("Counting…"),
        [store, query, self = QPointer<IntegrityPanel>(this)](ProgressTask::Control &control) {
            const auto counted = store->countHeaders(query);
            const qint64 total = counted ? *counted : 0;
            auto problems = store->checkDatabase();
            if (!problems)
                return Result<VerificationReport>(problems.error());
            auto report = Verification(*store).run(
                query,
                [&control, total](qint64 checked, qint64 corrupt) {
                    control.report(
                        checked, total, QObject::tr("Verifying… %1 corrupt so far").arg(QLocale().toString(corrupt)));
                    return !control.isCancelled();
                },
                [self, &control](const CorruptSnapshot &found) {
                    // Shown as found; not once the view has moved to another store (abandoned).
                    control.deliver(self, [self, found] {
                        if (!self)
                            return;
                        self->m_corrupt->appendRow({ new QStandardItem(found.id), new QStandardItem(found.kind),
                            new QStandardItem(found.entityId), new QStandardItem(found.error.message) });
                        Q_EMIT self->corruptFound(found.id);
                    });
                });
            if (report && !problems->isEmpty() && !report->unreadable)
                report->unreadable = Error {
                    Error::Code::Database,
                    QObject::tr("the database's own check found damage: %1").arg(problems->join(QStringLiteral("; ")))
                };
            return report;
        },
        [this](const Result<VerificationReport> &report) {
            if (!report) {
                m_ui->summary->setText(tr("The scan failed: %1").arg(report.error().message));
                return;
            }
            const QLocale locale;
            // How many of how many, always: a scan cut short by a read error is never a clean result.
            QString summary = (report->cancelled ? tr("Cancelled after %1 of %2 snapshots: %3 corrupt.")
                                                 : tr("Checked %1 of %2 snapshots: %3 corrupt."))
                                  .arg(locale.toString(report->checked), locale.toString(report->expected),
                                      locale.toString(report->corrupt.size()));
            if (report->unreadable)
                summary += u' '
                    + tr("Reading stopped, %1 not checked: %2")
                          .arg(locale.toString(report->unchecked()), report->unreadable->message);
            // A damaged dictionary is named once; the payloads that need it are listed above.
            if (const QStringList damaged = m_store->codec().damagedDictionaries(); !damaged.isEmpty())
                summary += u' ' + tr("Damaged: %1.").arg(damaged.join(QStringLiteral("; ")));
            m_ui->summary->setText(summary);
            Q_EMIT finished(report->checked, report->corrupt.size(), report->cancelled);
        });
}
