#pragma once

#include <QSet>
#include <QTabWidget>
#include <QTimeZone>

#include <memory>

class AuditLogPanel;
class IntegrityPanel;
class RetentionPanel;
class SchedulesPanel;
class SnapshotStore;
class SourcesPanel;
class StrategyPanel;
class TakeSnapshotPanel;
class TrashPanel;

// The admin's maintenance pages (DESIGN §7): manual snapshots, retention and cleanup, the trash, schedules, the audit
// log, the integrity scan, the snapshot strategy of event-sourced kinds and the live sources. Each page owns its
// actions and state; this view only hands them the store.
class MaintenanceView : public QTabWidget
{
    Q_OBJECT
public:
    explicit MaintenanceView(QWidget *parent = nullptr);
    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setTimeZone(const QTimeZone &zone); // the tenant's business zone, which its times are shown in

    TakeSnapshotPanel *takePanel() const { return m_take; }
    RetentionPanel *retentionPanel() const { return m_retention; }
    TrashPanel *trashPanel() const { return m_trash; }
    SchedulesPanel *schedulesPanel() const { return m_schedules; }
    AuditLogPanel *auditPanel() const { return m_audit; }
    IntegrityPanel *integrityPanel() const { return m_integrity; }
    StrategyPanel *strategyPanel() const { return m_strategy; }
    SourcesPanel *sourcesPanel() const { return m_sources; }
    // Whether a page shows its data (its first read since setStore() answered).
    bool isPageShown(QWidget *page) const { return m_shown.contains(page); }

Q_SIGNALS:
    // Snapshots were written, trashed, restored or purged: timelines and counts are stale.
    void snapshotsChanged();
    void corruptFound(const QString &id);
    void pageShown(QWidget *page);

private:
    TakeSnapshotPanel *m_take;
    RetentionPanel *m_retention;
    TrashPanel *m_trash;
    SchedulesPanel *m_schedules;
    AuditLogPanel *m_audit;
    IntegrityPanel *m_integrity;
    StrategyPanel *m_strategy;
    SourcesPanel *m_sources;
    QSet<QWidget *> m_shown;
};
