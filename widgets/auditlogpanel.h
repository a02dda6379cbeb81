#pragma once

#include <QTimeZone>
#include <QWidget>

#include "items/jobtracker.h"
#include <memory>

namespace Ui {
class AuditLogPanel;
}
class AuditLogModel;
class QTimer;
class SnapshotStore;

// The audit log: who did what, when, from which host, with what outcome; filters and CSV export.
class AuditLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogPanel(QWidget *parent = nullptr);
    ~AuditLogPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setTimeZone(const QTimeZone &zone); // the tenant's business zone, which its times are shown in
    void refresh();
    void exportCsv(const QString &path);
    AuditLogModel *model() const { return m_model; }

Q_SIGNALS:
    // What the page shows has arrived (or could not be read): for the screenshot driver and tests.
    void shown();
    void exported(const QString &path, bool ok);

private:
    void applyFilters();

    std::unique_ptr<Ui::AuditLogPanel> m_ui;
    AuditLogModel *m_model;
    QTimer *m_debounce;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QTimeZone m_zone = QTimeZone::utc();
    JobTracker *m_exportJobs = new JobTracker(this); // CSV exports: each is reported
};
