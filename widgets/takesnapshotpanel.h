#pragma once

#include <QTimeZone>
#include <QWidget>

#include "items/jobtracker.h"
#include <memory>

namespace Ui {
class TakeSnapshotPanel;
}
class ProgressTask;
class SnapshotStore;

// Manual snapshots: pick a kind and its target, take it on a worker with progress and Cancel, see what was written.
class TakeSnapshotPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TakeSnapshotPanel(QWidget *parent = nullptr);
    ~TakeSnapshotPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    // The day of inventory offered first is yesterday in `zone`, the tenant's business zone.
    void setTimeZone(const QTimeZone &zone);
    // Preselects a target (the timeline's context menu): the kind and the entity or store.
    void prepare(const QString &kind, const QString &entityId);
    void take();

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void taken(int count);

private:
    void updateFields();

    std::unique_ptr<Ui::TakeSnapshotPanel> m_ui;
    ProgressTask *m_task;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    JobTracker *m_storeCodeJobs = new JobTracker(this); // the stores offered
};
