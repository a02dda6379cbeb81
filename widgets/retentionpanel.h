#pragma once

#include <QTimeZone>
#include <QWidget>

#include <memory>

#include "domain/maintenance.h"
#include "items/jobtracker.h"

namespace Ui {
class RetentionPanel;
}
struct RetentionPlan;
class ProgressTask;
class SnapshotStore;

// Retention policies per kind and the cleanup they cause: edit, plan (dry run), preview, then run or save.
class RetentionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RetentionPanel(QWidget *parent = nullptr);
    ~RetentionPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setTimeZone(const QTimeZone &zone); // the tenant's business zone, which its times are shown in
    RetentionPolicy policy() const;
    void setPolicy(const RetentionPolicy &policy);
    void setKind(const QString &kind);
    // Plans on a worker, then shows the preview; accepted, it runs the cleanup (or saves the policy).
    void planCleanup();
    void savePolicy();

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void planReady(std::shared_ptr<const RetentionPlan> plan); // for tests and the status line
    void cleanedUp(qint64 trashed);
    void previewShown(QDialog *dialog); // lets a test answer the dialog

private:
    void loadPolicy();
    void validate();
    void plan(bool forSaving);
    void runPlan(std::shared_ptr<const RetentionPlan> plan, const QString &archivePath);

    std::unique_ptr<Ui::RetentionPanel> m_ui;
    ProgressTask *m_task;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QTimeZone m_zone = QTimeZone::utc();
    JobTracker *m_policyJobs = new JobTracker(this); // the chosen kind's stored policy
    JobTracker *m_saveJobs = new JobTracker(this); // saving a policy: each is reported
};
