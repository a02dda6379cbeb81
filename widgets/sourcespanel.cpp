#include "sourcespanel.h"

#include "ui_sourcespanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>

#include "items/livesourcemodel.h"
#include "items/progresstask.h"
#include "ops/actoridentity.h"
#include "ops/sync/sourcesync.h"
#include "sourcedialog.h"
#include "store/snapshotstore.h"

SourcesPanel::SourcesPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SourcesPanel>())
    , m_model(new LiveSourceModel(this))
    , m_task(new ProgressTask(this))
{
    m_ui->setupUi(this);
    m_ui->table->setModel(m_model);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setWordWrap(false);
    m_ui->progress->attach(m_task);
    connect(m_ui->add, &QPushButton::clicked, this, &SourcesPanel::addSource);
    connect(m_ui->test, &QPushButton::clicked, this, &SourcesPanel::testNow);
    connect(m_ui->sync, &QPushButton::clicked, this, &SourcesPanel::syncNow);
    connect(m_ui->remove, &QPushButton::clicked, this, &SourcesPanel::remove);
    connect(m_ui->refresh, &QPushButton::clicked, this, &SourcesPanel::reload);
    connect(
        m_ui->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &row) {
            updateButtons();
            // A table whose last sync failed says why (the error column is often scrolled off), when the user picks
            // it.
            if (const LiveSourceTable *t = m_model->tableAt(row.row());
                t && !t->lastError.isEmpty() && !m_task->isRunning() && !m_reselecting)
                m_ui->status->setText(tr("%1: %2").arg(t->table, t->lastError));
        });
    connect(m_task, &ProgressTask::runningChanged, this, &SourcesPanel::updateButtons);
    updateButtons();
}

SourcesPanel::~SourcesPanel() = default;

void SourcesPanel::setTimeZone(const QTimeZone &zone)
{
    m_zone = QString::fromUtf8(zone.id());
    m_model->setTimeZone(zone);
}

void SourcesPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon();
    m_store = std::move(store);
    m_tenant = tenant;
    m_ui->status->clear();
    reload();
}

QString SourcesPanel::statusText() const
{
    return m_ui->status->text();
}

QString SourcesPanel::currentSource() const
{
    const LiveSource *source = m_model->sourceAt(m_ui->table->currentIndex().row());
    return source ? source->name : QString();
}

void SourcesPanel::selectSource(const QString &name)
{
    const int row = m_model->firstRowOf(name);
    if (row >= 0)
        m_ui->table->selectRow(row);
}

void SourcesPanel::updateButtons()
{
    const bool selected = !currentSource().isEmpty();
    const bool idle = !m_task->isRunning();
    m_ui->add->setEnabled(idle && m_store);
    m_ui->test->setEnabled(idle && selected);
    m_ui->sync->setEnabled(idle && selected);
    m_ui->remove->setEnabled(idle && selected);
}

void SourcesPanel::reload()
{
    if (!m_store)
        return;
    m_listJobs->start(
        m_store, [](SnapshotStore &store) { return store.liveSources().liveSources(); },
        [this](const Result<QList<LiveSource>> &sources) {
            if (!sources) {
                m_ui->status->setText(tr("Could not read the sources: %1").arg(sources.error().message));
                Q_EMIT shown();
                return;
            }
            const QString keep = m_selectName.isEmpty() ? currentSource() : m_selectName;
            m_selectName.clear();
            m_model->setSources(*sources);
            m_ui->table->resizeColumnsToContents();
            m_reselecting = true; // what the page says (a sync's outcome) stays
            if (!keep.isEmpty())
                selectSource(keep);
            else if (m_model->rowCount() > 0)
                m_ui->table->selectRow(0);
            m_reselecting = false;
            if (sources->isEmpty())
                m_ui->status->setText(tr("No live sources yet: Add source… names a running system's PostgreSQL."));
            updateButtons();
            Q_EMIT loaded();
            Q_EMIT shown();
        });
}

SourceDialog *SourcesPanel::addSource()
{
    if (!m_store)
        return nullptr;
    auto *dialog = new SourceDialog(m_tenant, m_zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SourceDialog::submitted, this,
        [this, dialog = QPointer<SourceDialog>(dialog)](const LiveSource &source) {
            // Checked against the source before it is kept: a table missing or with other columns is found now.
            m_actionJobs->start(
                m_store,
                [source](SnapshotStore &store) -> Status {
                    auto checks = SourceSync(store, ActorIdentity::current()).test(source);
                    if (!checks)
                        return checks.error();
                    for (const SourceTableCheck &check : std::as_const(*checks)) {
                        if (!check.problem.isEmpty())
                            return Error { Error::Code::Invalid, check.problem };
                    }
                    return store.liveSources().addLiveSource(source, ActorIdentity::current());
                },
                [this, dialog, name = source.name](const Status &added) {
                    if (!dialog) // the panel went to another store meanwhile
                        return;
                    if (!added) {
                        dialog->showProblem(added.error().message);
                        return;
                    }
                    m_ui->status->setText(tr("Added source %1. Sync now reads its rows.").arg(name));
                    m_selectName = name;
                    dialog->done(QDialog::Accepted);
                    reload();
                },
                JobTracker::Mode::Alongside);
        });
    dialog->open();
    return dialog;
}

void SourcesPanel::testNow()
{
    const QString name = currentSource();
    if (name.isEmpty() || !m_store || m_task->isRunning())
        return;
    m_ui->status->clear();
    auto store = m_store;
    m_task->start(
        store, tr("Testing %1…").arg(name),
        [store, name](ProgressTask::Control &) -> Result<QList<SourceTableCheck>> {
            auto source = store->liveSources().liveSource(name);
            if (!source)
                return source.error();
            return SourceSync(*store, ActorIdentity::current()).test(*source);
        },
        [this, name](const Result<QList<SourceTableCheck>> &checks) {
            if (!checks) {
                m_ui->status->setText(tr("Test of %1 failed: %2").arg(name, checks.error().message));
            } else {
                QStringList lines;
                const QLocale locale;
                for (const SourceTableCheck &check : *checks)
                    lines.append(check.problem.isEmpty()
                            ? tr("%1: %2 row(s), readable%3")
                                  .arg(check.table, locale.toString(check.rows),
                                      check.timeIndexed ? QString()
                                                        : tr("; no index starts with %1, so each sync reads the whole "
                                                             "table")
                                                              .arg(check.timeColumn))
                            : check.problem);
                m_ui->status->setText(lines.join(u'\n'));
            }
            reload();
            Q_EMIT tested();
        });
}

void SourcesPanel::syncNow()
{
    const QString name = currentSource();
    if (name.isEmpty() || !m_store || m_task->isRunning())
        return;
    auto store = m_store;
    m_ui->status->clear();
    m_task->start(
        store, tr("Syncing %1…").arg(name),
        [store, name](ProgressTask::Control &control) -> Result<SourceSyncReport> {
            auto source = store->liveSources().liveSource(name);
            if (!source)
                return source.error();
            return SourceSync(*store, ActorIdentity::current())
                .sync(*source, [&control, name](const SourceSyncProgress &p) {
                    control.report(p.tableIndex, p.tableCount,
                        QObject::tr("Syncing %1: %2 (%3 of %4), %5 row(s) read")
                            .arg(name, p.table)
                            .arg(p.tableIndex + 1)
                            .arg(p.tableCount)
                            .arg(QLocale().toString(p.rows)));
                    return !control.isCancelled();
                });
        },
        [this, name](const Result<SourceSyncReport> &report) {
            if (!report) {
                m_ui->status->setText(tr("Could not sync %1: %2").arg(name, report.error().message));
            } else {
                const QLocale locale;
                QStringList lines;
                for (const SourceTableSync &t : report->tables) {
                    lines.append(t.error.isEmpty()
                            ? tr("%1: %2 new, %3 already here, %4 gone at source")
                                  .arg(t.table, locale.toString(t.stored), locale.toString(t.duplicates),
                                      locale.toString(t.goneAtSource))
                            : tr("%1: %2").arg(t.table, t.error));
                }
                if (report->cancelled)
                    lines.prepend(tr("Cancelled. What was stored is kept, and the next sync goes on from there."));
                m_ui->status->setText(lines.join(u'\n'));
                if (report->stored() > 0)
                    Q_EMIT synced();
            }
            reload();
        });
}

void SourcesPanel::remove()
{
    const QString name = currentSource();
    if (name.isEmpty() || !m_store)
        return;
    if (QMessageBox::question(this, tr("Remove source"),
            tr("Stop following %1? The snapshots its syncs stored stay; its watermarks are forgotten.").arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_actionJobs->start(
        m_store,
        [name](SnapshotStore &store) { return store.liveSources().removeLiveSource(name, ActorIdentity::current()); },
        [this, name](const Status &removed) {
            m_ui->status->setText(removed ? tr("Removed source %1.").arg(name)
                                          : tr("Could not remove %1: %2").arg(name, removed.error().message));
            reload();
        },
        JobTracker::Mode::Alongside);
}
