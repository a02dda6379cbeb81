#pragma once

#include <QWidget>

#include <memory>

#include "domain/history.h"
#include "items/jobtracker.h"

namespace Ui {
class StrategyPanel;
}
class ProgressTask;
class SnapshotStore;

// The snapshot strategy of the event-sourced kinds (every N events, every T hours, either, or by replayed bytes;
// full or incremental with a keyframe every K versions), stored per kind and audited; Compact now applies it with
// progress and Cancel.
class StrategyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StrategyPanel(QWidget *parent = nullptr);
    ~StrategyPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    SnapshotStrategy strategy() const; // as edited
    void compactNow();

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void loaded();
    void saved();
    void compacted(); // snapshots were written or stored differently

private:
    void load();
    void showStrategy(const SnapshotStrategy &strategy);
    void save();
    void updateFields();

    std::unique_ptr<Ui::StrategyPanel> m_ui;
    ProgressTask *m_task;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    JobTracker *m_jobs = new JobTracker(this); // the chosen kind's strategy
    JobTracker *m_saveJobs = new JobTracker(this); // saving: each is reported
};
