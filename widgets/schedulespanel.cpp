#include "schedulespanel.h"

#include "ui_schedulespanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QMessageBox>
#include <QTimeZone>

#include "domain/maintenance.h"
#include "domain/snapshotid.h"
#include "flowlayout.h"
#include "items/jobtracker.h"
#include "items/schedulelistmodel.h"
#include "ops/actoridentity.h"
#include "ops/schedulerunner.h"
#include "scheduleeditordialog.h"
#include "store/snapshotstore.h"

SchedulesPanel::SchedulesPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SchedulesPanel>())
    , m_schedules(new ScheduleListModel(this))
    , m_history(new ScheduleListModel(this))
{
    m_ui->setupUi(this);
    // Rows that wrap instead of widening the window (translated labels are longer).
    FlowLayout::replaceRow(m_ui->scheduleButtons);
    m_history->setRuns({});
    m_ui->table->setModel(m_schedules);
    m_ui->history->setModel(m_history);
    for (QTableView *view : { m_ui->table, m_ui->history }) {
        view->horizontalHeader()->setStretchLastSection(true);
        view->verticalHeader()->hide();
        view->setWordWrap(false);
    }
    connect(m_ui->create, &QPushButton::clicked, this, [this] { edit(true); });
    connect(m_ui->edit, &QPushButton::clicked, this, [this] { edit(false); });
    connect(m_ui->table, &QTableView::doubleClicked, this, [this] { edit(false); });
    connect(m_ui->toggle, &QPushButton::clicked, this, &SchedulesPanel::toggle);
    connect(m_ui->remove, &QPushButton::clicked, this, &SchedulesPanel::remove);
    connect(m_ui->runNow, &QPushButton::clicked, this, &SchedulesPanel::runNow);
    connect(m_ui->runDue, &QPushButton::clicked, this, &SchedulesPanel::runDue);
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SchedulesPanel::showHistory);
}

SchedulesPanel::~SchedulesPanel() = default;

void SchedulesPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_store = std::move(store);
    m_tenant = tenant;
    m_tenantZone.clear(); // read again with the list: another store's or tenant's zone must not linger
    reload();
}

int SchedulesPanel::currentRow() const
{
    const QModelIndex index = m_ui->table->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void SchedulesPanel::reload()
{
    if (!m_store)
        return;
    const QString tenant = m_tenant;
    m_listJobs->start(
        m_store,
        [tenant](SnapshotStore &store) -> Result<std::pair<QList<Schedule>, QString>> {
            auto schedules = store.maintenance().schedules(tenant);
            if (!schedules)
                return schedules.error();
            QString zone;
            if (auto tenants = store.tenants()) {
                for (const Tenant &t : std::as_const(*tenants)) {
                    if (t.id == tenant)
                        zone = t.businessTimeZone;
                }
            }
            return std::pair { *schedules, zone };
        },
        [this](const Result<std::pair<QList<Schedule>, QString>> &read) {
            if (!read) {
                m_ui->status->setText(tr("Could not read the schedules: %1").arg(read.error().message));
                Q_EMIT shown();
                return;
            }
            const auto &[list, zone] = *read;
            m_tenantZone = zone;
            const QString keep
                = m_selectId.isEmpty() && currentRow() >= 0 ? m_schedules->schedule(currentRow()).id : m_selectId;
            m_selectId.clear();
            m_schedules->setSchedules(list);
            m_ui->table->resizeColumnsToContents();
            const int row = m_schedules->indexOf(keep);
            if (row >= 0)
                m_ui->table->selectRow(row);
            showHistory();
            Q_EMIT loaded();
            Q_EMIT shown();
        });
}

void SchedulesPanel::showHistory()
{
    const int row = currentRow();
    m_ui->toggle->setText(row >= 0 && !m_schedules->schedule(row).enabled ? tr("Ena&ble") : tr("Disa&ble"));
    if (row < 0 || !m_store) {
        m_history->setRuns({});
        return;
    }
    const QString id = m_schedules->schedule(row).id;
    m_historyJobs->start(
        m_store, [id](SnapshotStore &store) { return store.maintenance().scheduleRuns(id, 200); },
        [this, id](const Result<QList<ScheduleRun>> &runs) {
            const int current = currentRow();
            if (current < 0 || m_schedules->schedule(current).id != id)
                return;
            m_history->setRuns(runs ? *runs : QList<ScheduleRun>(), m_schedules->schedule(current).timeZone);
        });
}

void SchedulesPanel::edit(bool create)
{
    if (!m_store)
        return;
    Schedule schedule;
    if (!create) {
        if (currentRow() < 0)
            return;
        schedule = m_schedules->schedule(currentRow());
    } else {
        schedule = newSchedule();
    }
    auto *dialog = new ScheduleEditorDialog(schedule, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(dialog->schedule()); });
    dialog->open();
}

QString SchedulesPanel::defaultTimeZone() const
{
    // A schedule's 02:00 is the business's 02:00, not the admin's machine's.
    if (!m_tenantZone.isEmpty() && QTimeZone(m_tenantZone.toUtf8()).isValid())
        return m_tenantZone;
    return QString::fromUtf8(QTimeZone::systemTimeZoneId());
}

Schedule SchedulesPanel::newSchedule() const
{
    Schedule schedule;
    schedule.tenant = m_tenant;
    schedule.timeZone = defaultTimeZone();
    schedule.action.kind = QStringLiteral("stock");
    return schedule;
}

void SchedulesPanel::save(const Schedule &edited)
{
    Schedule schedule = edited;
    if (schedule.id.isEmpty())
        schedule.id = SnapshotId::generate(QDateTime::currentMSecsSinceEpoch());
    if (schedule.tenant.isEmpty())
        schedule.tenant = m_tenant;
    if (Status valid = ScheduleRunner::validate(schedule); !valid) {
        m_ui->status->setText(valid.error().message);
        return;
    }
    schedule.nextRunAt.reset();
    if (schedule.enabled) {
        if (auto next = ScheduleRunner::nextRun(schedule, QDateTime::currentMSecsSinceEpoch()); next && *next)
            schedule.nextRunAt = **next;
    }
    m_selectId = schedule.id;
    m_actionJobs->start(
        m_store,
        [schedule](
            SnapshotStore &store) { return store.maintenance().saveSchedule(schedule, ActorIdentity::current()); },
        [this, name = schedule.name](const Status &saved) {
            m_ui->status->setText(
                saved ? tr("Saved \"%1\".").arg(name) : tr("Could not save: %1").arg(saved.error().message));
            reload();
        },
        JobTracker::Mode::Alongside);
}

void SchedulesPanel::toggle()
{
    if (currentRow() < 0)
        return;
    Schedule schedule = m_schedules->schedule(currentRow());
    schedule.enabled = !schedule.enabled;
    save(schedule);
}

void SchedulesPanel::remove()
{
    if (currentRow() < 0 || !m_store)
        return;
    const Schedule schedule = m_schedules->schedule(currentRow());
    if (QMessageBox::question(this, tr("Delete schedule"),
            tr("Delete the schedule \"%1\" and its history?").arg(schedule.name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_actionJobs->start(
        m_store,
        [id = schedule.id](
            SnapshotStore &store) { return store.maintenance().deleteSchedule(id, ActorIdentity::current()); },
        [this](const Status &deleted) {
            m_ui->status->setText(deleted ? tr("Deleted.") : tr("Could not delete: %1").arg(deleted.error().message));
            reload();
        },
        JobTracker::Mode::Alongside);
}

void SchedulesPanel::runNow()
{
    if (currentRow() < 0 || !m_store)
        return;
    const Schedule schedule = m_schedules->schedule(currentRow());
    m_ui->status->setText(tr("Running \"%1\"…").arg(schedule.name));
    m_ui->runNow->setEnabled(false);
    m_actionJobs->start(
        m_store,
        [schedule](SnapshotStore &store) {
            return ScheduleRunner(store, ActorIdentity::current())
                .runNow(schedule, QDateTime::currentMSecsSinceEpoch());
        },
        [this, name = schedule.name](const Result<ScheduleRun> &run) {
            m_ui->runNow->setEnabled(true);
            if (!run)
                m_ui->status->setText(tr("Could not run \"%1\": %2").arg(name, run.error().message));
            else if (run->outcome == u"succeeded")
                m_ui->status->setText(tr("\"%1\" ran: %2 taken, %3 trashed.")
                                          .arg(name)
                                          .arg(run->snapshotsTaken)
                                          .arg(run->snapshotsTrashed));
            else
                m_ui->status->setText(tr("\"%1\" failed: %2").arg(name, run->error));
            reload();
            Q_EMIT ran();
        },
        JobTracker::Mode::Alongside);
}

void SchedulesPanel::runDue()
{
    if (!m_store)
        return;
    m_ui->runDue->setEnabled(false);
    m_actionJobs->start(
        m_store,
        [](SnapshotStore &store) {
            return ScheduleRunner(store, ActorIdentity::current()).runDue(QDateTime::currentMSecsSinceEpoch());
        },
        [this](const Result<QList<ScheduleRun>> &runs) {
            m_ui->runDue->setEnabled(true);
            m_ui->status->setText(runs ? tr("Ran %n due schedule(s).", nullptr, int(runs->size()))
                                       : tr("Could not run: %1").arg(runs.error().message));
            reload();
            Q_EMIT ran();
        },
        JobTracker::Mode::Alongside);
}
