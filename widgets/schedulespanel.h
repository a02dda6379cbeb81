#pragma once

#include <QWidget>

#include "items/jobtracker.h"
#include <memory>

namespace Ui {
class SchedulesPanel;
}
struct Schedule;
class ScheduleListModel;
class SnapshotStore;

// Schedules: list, create, edit, enable/disable, delete, run now, with each schedule's run history.
class SchedulesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SchedulesPanel(QWidget *parent = nullptr);
    ~SchedulesPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void reload();
    ScheduleListModel *model() const { return m_schedules; }
    ScheduleListModel *history() const { return m_history; }
    // The zone a new schedule starts in: the tenant's business time zone (known once the list is loaded).
    QString defaultTimeZone() const;
    // The schedule a "New" starts from.
    Schedule newSchedule() const;
    void save(const Schedule &schedule);
    void runNow();

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void loaded();
    void ran(); // a run finished (snapshots may have been taken or trashed)

private:
    void edit(bool create);
    void toggle();
    void remove();
    void runDue();
    void showHistory();
    int currentRow() const;

    std::unique_ptr<Ui::SchedulesPanel> m_ui;
    ScheduleListModel *m_schedules;
    ScheduleListModel *m_history;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QString m_tenantZone; // the tenant's business time zone: what a new schedule runs in unless changed
    QString m_selectId;
    JobTracker *m_listJobs = new JobTracker(this); // the list; a newer read supersedes
    JobTracker *m_historyJobs = new JobTracker(this); // the selected schedule's runs
    JobTracker *m_actionJobs = new JobTracker(this); // save, delete, run: each is reported
};
