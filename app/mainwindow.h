#pragma once

#include <QMainWindow>

#include <memory>

#include "domain/pii.h"
#include "items/jobtracker.h"
#include "store/connectionspec.h"

namespace Ui {
class MainWindow;
}
class CompareView;
class EntityListModel;
class InventoryChartView;
class MonthlyInventoryView;
class ChatChartView;
class KindNavigator;
class KindStatsModel;
class MaintenanceView;
class CaseView;
class ProgressTask;
class QLabel;
class QSortFilterProxyModel;
class RoleSwitch;
class SnapshotInspector;
class SnapshotStore;
class TaskProgress;
class ImportDialog;
class TimelineModel;
class TimelinePage;

// Assembles the console's views around one store. Opening and every query run on the store's workers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openStore(const ConnectionSpec &spec, bool createIfMissing);
    // The last connection, or on first start the demo database (created with progress if absent).
    void openDefault();
    void openDemo();
    // One entity's timeline with its newest version inspected; stateAt opens the inspector's "State at" tab.
    void openEntity(const QString &kind, const QString &entityId, bool stateAt);
    // The role to start with: support masks customers' contact details; admin shows them once the switch is in the
    // store's audit log.
    void setRole(Access::Role role);
    Access::Role role() const;
    // Ctrl+L: the connection dialog; on success the window switches to the store it opened.
    void connectDialog();
    // File → Import snapshots… (Ctrl+I) on the store shown: the dialog, open (nullptr when the store is read-only).
    // What it imports refreshes the timeline and the counts.
    ImportDialog *importDialog();
    bool areCountsAnswered() const { return m_statsAnswered; }

Q_SIGNALS:
    // The first data of an opened store (or the reason it could not be opened) is on screen.
    void dataShown(bool ok);
    // The navigator's counts per kind are on screen (they follow the timeline's first rows).
    void countsShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void refresh();
    // The navigator's counts (quick, from the index), then the storage sizes (a full read) in the background.
    void loadStats(bool withSizes);
    void useStore(const ConnectionSpec &spec, std::shared_ptr<SnapshotStore> store);
    void showError(const QString &message);
    // A line in the status bar for 10 s (what a page, the cases or the role switch report).
    void showNote(const QString &text);
    void updateStatus();
    // Enables what the store's role may do, disables the rest saying which role it needs, names the role.
    void applyAccess();
    void showKind(const QString &kind);
    // One entity's timeline (its versions, with the strip above the table); an empty id returns to all snapshots.
    void showEntity(const QString &kind, const QString &entityId);
    void updateCount();
    // The line under the title: the tenant's snapshots, or how many of them the filters keep.
    void updateHeadline();
    // Two selected rows, or the inspector's snapshot and its previous version, in the compare tab.
    void compareSelected();
    void compareWithPrevious();
    void showComparison(const QString &leftId, const QString &rightId);
    // Drill-down from a chart: the snapshots of one kind taken in a period.
    void showPeriod(const QString &kind, const QDate &from, const QDate &to);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::shared_ptr<SnapshotStore> m_store;
    ConnectionSpec m_spec;
    QString m_tenant;
    int m_tenantCount = 0;
    KindStatsModel *m_stats;
    QSortFilterProxyModel *m_sortedStats;
    KindNavigator *m_navigator;
    QLabel *m_backendLabel;
    QLabel *m_tenantLabel;
    QLabel *m_countLabel;
    TimelinePage *m_page; // the Timeline tab
    TimelineModel *m_timeline; // its model
    SnapshotInspector *m_inspector;
    CompareView *m_compare;
    InventoryChartView *m_inventoryChart;
    MonthlyInventoryView *m_monthlyInventory;
    ChatChartView *m_chatChart;
    MaintenanceView *m_maintenance;
    CaseView *m_cases;
    const SnapshotStore *m_maintenanceStore = nullptr; // the store and tenant the maintenance view was given
    QString m_maintenanceTenant;
    bool m_chartRangeSet = false; // the chart's range is anchored on the newest data once per store
    EntityListModel *m_entities;
    ProgressTask *m_demoTask; // creating the demo database, with its progress and Cancel in the status bar
    TaskProgress *m_demoProgress;
    RoleSwitch *m_roles; // View → Show customers' contact details
    QTabWidget *m_inventoryTabs = nullptr;
    QList<QAction *> m_tabActions; // View → each main tab
    QLabel *m_roleLabel;
    bool m_statsPending = false; // the kind counts are read once the timeline has its count
    bool m_statsShown = false; // the kind counts arrived (the headline's total)
    bool m_statsAnswered = false; // the kind counts arrived or could not be read
    JobTracker *m_openJobs = new JobTracker(this); // opening a store; a newer open supersedes
    JobTracker *m_refreshJobs = new JobTracker(this); // the tenants, then everything else
    JobTracker *m_statsJobs = new JobTracker(this); // the kind counts and sizes, in the background
};
