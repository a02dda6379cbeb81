#pragma once

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

#include "domain/snapshot.h"

namespace Ui {
class TimelinePage;
}
class FilterBar;
class SnapshotInspector;
class SnapshotStore;
class TimelineModel;

// The Timeline tab (filters, an entity's strip, the table of a tenant's snapshots) and what the inspector beside it
// follows: the current row, an entity's newest version, the snapshot inspected while a refresh or new filters keep it.
class TimelinePage : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePage(QWidget *parent = nullptr);
    ~TimelinePage() override;

    // The inspector the page drives (rows made current, versions stepped to, the strip's markers).
    void setInspector(SnapshotInspector *inspector);
    TimelineModel *model() const { return m_model; }
    FilterBar *filterBar() const;

    void setTenants(const QList<Tenant> &tenants, const QString &current);
    // The chosen tenant's business time zone: every time on screen is read in it.
    QTimeZone timeZone() const;
    // Reads the tenant's snapshots from `store` with the filters as they are (a refresh keeps them and the snapshot
    // inspected). firstRowsShown() follows once the first rows and the newest snapshot are on screen; with no tenant
    // there is nothing to read and false is returned.
    bool load(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    // Back to all of the tenant's snapshots (another store or tenant: an entity belongs to one).
    void leaveEntity();
    // Another store is being opened: until load(), the filters read nothing.
    void dropStore();

    // The kind's snapshots (the navigator, a drill-down).
    void showKind(const QString &kind);
    // One entity's timeline (its versions, with the strip above the table); an empty id returns to all snapshots.
    void showEntity(const QString &kind, const QString &entityId);
    // Drill-down from a chart: the snapshots of one kind taken in a period (whole days in the tenant's zone).
    void showPeriod(const QString &kind, const QDate &from, const QDate &to);
    void focusFilter();
    // Selects the snapshot's row (if listed) and inspects it.
    void selectSnapshot(const QString &id);
    // The two selected rows' snapshots, the older first; nothing unless exactly two rows are selected and read.
    std::optional<std::pair<QString, QString>> selectedPair() const;
    // Actions shown first in the table's context menu.
    void addTableActions(const QList<QAction *> &actions);

    void restoreLayout();
    void saveLayout() const;

Q_SIGNALS:
    void tenantChanged(const QString &tenant);
    // A query's first page of rows arrived (before the page selects and inspects one of them).
    void firstPageArrived();
    // The first rows of a load() (and the snapshot inspected with them, or the reason it could not be) are on screen.
    void firstRowsShown(bool ok);
    // Exactly two rows are selected (Compare selected), or no longer.
    void pairSelectedChanged(bool twoSelected);
    // The inspected snapshot's entity was asked for (a double click).
    void entityTimelineRequested();
    void takeSnapshotRequested(const SnapshotHeader &header);
    void planCleanupRequested(const QString &kind);
    // A line for the status bar.
    void message(const QString &text);

private:
    void applyFilters();
    void showCurrentRow();
    void followFirstPage();
    void finishFirstShow(bool ok);

    std::unique_ptr<Ui::TimelinePage> m_ui;
    TimelineModel *m_model;
    QPointer<SnapshotInspector> m_inspector;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QString m_entityKind, m_entityId; // set in entity mode
    bool m_awaitingFirstRows = false; // firstRowsShown() follows the first rows and the inspector's first snapshot
    bool m_selectNewest = false; // an entity's timeline was opened: inspect its newest version once it is listed
    QString m_keepInspected; // the snapshot inspected when the rows are read again: selected again if still listed
    bool m_refiltered = false; // the filters changed: the inspector follows the first row if its snapshot went
};
