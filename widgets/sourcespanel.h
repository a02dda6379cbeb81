#pragma once

#include <QTimeZone>
#include <QWidget>

#include <memory>

#include "items/jobtracker.h"

namespace Ui {
class SourcesPanel;
}
class LiveSourceModel;
class ProgressTask;
class SnapshotStore;
class SourceDialog;

// Live sources (issue 25): each source's tables with what their syncs stored, when and how the last one went, the lag
// and the rows gone at source; Sync now with progress and Cancel, Test, Add and Remove.
class SourcesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SourcesPanel(QWidget *parent = nullptr);
    ~SourcesPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    // The tenant's business zone: the times shown, and a new source's zone unless changed.
    void setTimeZone(const QTimeZone &zone);
    void reload();
    LiveSourceModel *model() const { return m_model; }
    ProgressTask *task() const { return m_task; }
    QString statusText() const; // what the page last said (an outcome, an error)
    // The source of the selected row ("" when none).
    QString currentSource() const;
    void selectSource(const QString &name);
    void syncNow();
    void testNow();
    // Opens the Add form (returned for tests; it deletes itself when closed).
    SourceDialog *addSource();

Q_SIGNALS:
    void shown();
    void loaded();
    void synced(); // a sync stored snapshots: timelines and counts are stale
    void tested();

private:
    void remove();
    void updateButtons();

    std::unique_ptr<Ui::SourcesPanel> m_ui;
    LiveSourceModel *m_model;
    ProgressTask *m_task;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant, m_zone;
    QString m_selectName;
    bool m_reselecting = false; // reload() selects the row again: not the user's pick
    JobTracker *m_listJobs = new JobTracker(this);
    JobTracker *m_actionJobs = new JobTracker(this);
};
