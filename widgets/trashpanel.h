#pragma once

#include <QTimeZone>
#include <QWidget>

#include <memory>

#include "domain/snapshot.h"
#include "items/jobtracker.h"

namespace Ui {
class TrashPanel;
}
class ProgressTask;
class SnapshotStore;
class TimelineModel;

// The trash: trashed snapshots (a lazy timeline of them), Restore, Purge after the undo window, Import an archive.
class TrashPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TrashPanel(QWidget *parent = nullptr);
    ~TrashPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setTimeZone(const QTimeZone &zone); // the tenant's business zone, which its times are shown in
    void refresh();
    void restoreSelected();
    void purge(); // says how many would go and asks first
    void importArchive(const QString &path);
    TimelineModel *model() const { return m_model; }

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void changed(); // rows came back or went for good

private:
    void runPurge(EpochMs before, int days, qint64 expected);

    std::unique_ptr<Ui::TrashPanel> m_ui;
    TimelineModel *m_model;
    ProgressTask *m_task;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    JobTracker *m_countJobs = new JobTracker(this); // what a purge would delete, counted before asking
};
