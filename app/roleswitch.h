#pragma once

#include <QObject>

#include <memory>

#include "domain/pii.h"
#include "items/jobtracker.h"

class QAction;
class QWidget;
class SnapshotStore;

// The console's role, and View → Show customers' contact details. On a local file: support masks customers' contact
// details; admin shows them only once the switch is recorded in the store's audit log (confirmed first when asked for
// from the menu, recorded again on every store the window opens); the role chosen is remembered in the setting
// snapscope-cli shares. On a shared PostgreSQL store the role is the login's, from the server, and there is no switch.
class RoleSwitch : public QObject
{
    Q_OBJECT
public:
    // `window` parents the confirmation and the warning.
    explicit RoleSwitch(QWidget *window);

    QAction *action() const { return m_action; }
    Access::Role role() const { return m_role; }
    // The role to start with (the settings, --role).
    void setWanted(Access::Role role);
    // Another store: support until the admin role wanted is recorded in its audit log, under the tenant setTenant()
    // names next. A switch still being recorded for the store before is dropped.
    void setStore(std::shared_ptr<SnapshotStore> store, const QString &storeName);
    void setTenant(const QString &tenant);
    // A store is being opened: the one before and what is on its way for it are dropped.
    void dropPending();

Q_SIGNALS:
    // Contact details are to be masked (support) or shown (admin) from now on.
    void roleChanged(Access::Role role);
    // A line for the status bar.
    void message(const QString &text);

private:
    bool enforced() const; // the store is a shared one whose server decides the role
    void switchTo(Access::Role role);
    void audit(Access::Role role, const QString &where, bool remember);
    void show(Access::Role role);

    QWidget *m_window;
    QAction *m_action;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_storeName;
    QString m_tenant;
    Access::Role m_role = Access::DefaultRole; // in effect
    bool m_applied = false; // roleChanged() was emitted once
    bool m_wantAdmin = false; // admin asked for (settings, --role): shown once recorded in the store's audit log
    bool m_auditOnTenant = false; // admin wanted on a store just opened: recorded once its tenant is known
    JobTracker *m_jobs = new JobTracker(this); // recording a switch; a later switch or another store supersedes
};
