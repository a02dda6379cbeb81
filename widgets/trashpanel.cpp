#include "trashpanel.h"

#include "ui_trashpanel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>

#include <limits>

#include "flowlayout.h"
#include "items/jobtracker.h"
#include "items/progresstask.h"
#include "items/timelinemodel.h"
#include "ops/actoridentity.h"
#include "ops/trashbin.h"
#include "store/snapshotstore.h"

TrashPanel::TrashPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TrashPanel>())
    , m_model(new TimelineModel(this))
    , m_task(new ProgressTask(this))
{
    m_ui->setupUi(this);
    // Rows that wrap instead of widening the window (translated labels are longer).
    FlowLayout::replaceRow(m_ui->trashButtons);
    m_ui->table->setModel(m_model);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setWordWrap(false);
    m_ui->undoDays->setValue(TrashBin::DefaultUndoDays);
    m_ui->progress->attach(m_task);
    connect(m_model, &TimelineModel::firstPageShown, m_ui->table, &QTableView::resizeColumnsToContents);
    connect(m_model, &TimelineModel::firstPageShown, this, &TrashPanel::shown);
    connect(m_model, &TimelineModel::loadFailed, this, &TrashPanel::shown);
    connect(m_ui->restore, &QPushButton::clicked, this, &TrashPanel::restoreSelected);
    connect(m_ui->refresh, &QPushButton::clicked, this, &TrashPanel::refresh);
    connect(m_ui->purge, &QPushButton::clicked, this, &TrashPanel::purge);
    connect(m_ui->importArchive, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import archive"), QString(), tr("Snapshot archives (*.ndjson.zst);;All files (*)"));
        if (!path.isEmpty())
            importArchive(path);
    });
    connect(m_task, &ProgressTask::runningChanged, this, [this](bool running) {
        for (QWidget *w : { static_cast<QWidget *>(m_ui->restore), static_cast<QWidget *>(m_ui->purge),
                 static_cast<QWidget *>(m_ui->importArchive) })
            w->setDisabled(running);
    });
}

TrashPanel::~TrashPanel() = default;

void TrashPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant;
    m_countJobs->clear();
    m_ui->purge->setEnabled(!m_task->isRunning()); // a count that was asked for is dropped with its store
    m_model->setStore(m_store);
    refresh();
}

void TrashPanel::setTimeZone(const QTimeZone &zone)
{
    m_model->setTimeZone(zone);
}

void TrashPanel::refresh()
{
    if (!m_store)
        return;
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.trash = SnapshotQuery::Trash::Only;
    m_model->setQuery(query);
}

void TrashPanel::restoreSelected()
{
    QStringList ids;
    for (const QModelIndex &index : m_ui->table->selectionModel()->selectedRows()) {
        const QString id = index.data(TimelineModel::IdRole).toString();
        if (!id.isEmpty())
            ids << id;
    }
    if (ids.isEmpty() || !m_store || m_task->isRunning()) {
        m_ui->status->setText(tr("Select the snapshots to restore."));
        return;
    }
    auto store = m_store;
    const QString tenant = m_tenant;
    m_task->start(
        store, tr("Restoring…"),
        [store, tenant, ids](
            ProgressTask::Control &) { return TrashBin(*store, tenant, ActorIdentity::current()).restore(ids); },
        [this](const Result<qint64> &restored) {
            m_ui->status->setText(restored ? tr("Restored %n snapshot(s).", nullptr, int(*restored))
                                           : tr("Could not restore: %1").arg(restored.error().message));
            refresh();
            Q_EMIT changed();
        });
}

void TrashPanel::purge()
{
    if (!m_store || m_task->isRunning() || !m_ui->purge->isEnabled())
        return;
    const int days = m_ui->undoDays->value();
    // One moment for the count and the purge: what ages past it while the question is open stays.
    const EpochMs before = TrashBin::cutoff(days);
    const QString tenant = m_tenant;
    m_ui->purge->setEnabled(false); // one question at a time
    // The question names how many go: counted first (an index range), asked on the GUI thread, then purged. Another
    // store or tenant meanwhile drops the count (setStore clears the tracker).
    m_countJobs->start(
        m_store,
        [tenant, before](
            SnapshotStore &store) { return TrashBin(store, tenant, ActorIdentity::current()).purgeable(before); },
        [this, tenant, before, days](const Result<qint64> &count) {
            m_ui->purge->setEnabled(!m_task->isRunning());
            if (!count) {
                m_ui->status->setText(tr("Could not count the trash: %1").arg(count.error().message));
                return;
            }
            if (*count == 0) {
                m_ui->status->setText(
                    tr("Nothing in the trash is older than %n day(s): there is nothing to purge.", nullptr, days));
                return;
            }
            const auto answer = QMessageBox::question(this, tr("Purge the trash"),
                tr("Delete %n snapshot(s) for good? They were trashed more than %1 day(s) ago. This cannot be undone.",
                    nullptr, int(std::min<qint64>(*count, std::numeric_limits<int>::max())))
                    .arg(days),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer == QMessageBox::Yes && tenant == m_tenant)
                runPurge(before, days, *count);
        });
}

void TrashPanel::runPurge(EpochMs before, int days, qint64 expected)
{
    if (!m_store || m_task->isRunning())
        return;
    auto store = m_store;
    const QString tenant = m_tenant;
    m_task->start(
        store, tr("Purging…"),
        [store, tenant, before, days, expected](ProgressTask::Control &control) {
            return TrashBin(*store, tenant, ActorIdentity::current())
                .purge(before, days, [&control, expected](qint64 done) {
                    control.report(done, expected, QObject::tr("Purging… %1 deleted").arg(QLocale().toString(done)));
                    return !control.isCancelled();
                });
        },
        [this](const Result<qint64> &purged) {
            m_ui->status->setText(purged ? tr("Purged %1 snapshots.").arg(QLocale().toString(*purged))
                                         : tr("Could not purge: %1").arg(purged.error().message));
            refresh();
            Q_EMIT changed();
        });
}

void TrashPanel::importArchive(const QString &path)
{
    if (!m_store || m_task->isRunning())
        return;
    auto store = m_store;
    const QString tenant = m_tenant;
    m_task->start(
        store, tr("Importing %1…").arg(path),
        [store, tenant, path](
            ProgressTask::Control &) { return TrashBin(*store, tenant, ActorIdentity::current()).importArchive(path); },
        [this](const Result<TrashBin::ImportReport> &report) {
            m_ui->status->setText(report
                    ? tr("Imported %1 of %2 archived snapshots (the others were present).")
                          .arg(QLocale().toString(report->inserted), QLocale().toString(report->lines))
                    : tr("Nothing imported: %1").arg(report.error().message));
            Q_EMIT changed();
        });
}
