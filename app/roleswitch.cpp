#include "roleswitch.h"

#include <QAction>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QWidget>

#include "ops/actoridentity.h"
#include "ops/personaldata.h"
#include "rolesetting.h"
#include "store/snapshotstore.h"

RoleSwitch::RoleSwitch(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("Show customers' contact details (admin role)…"), this))
{
    m_action->setObjectName(QStringLiteral("actionAdminRole"));
    m_action->setCheckable(true);
    connect(m_action, &QAction::triggered, this,
        [this](bool admin) { switchTo(admin ? Access::Role::Admin : Access::Role::Support); });
}

void RoleSwitch::setWanted(Access::Role role)
{
    // An admin role from the settings or the command line unmasks only once it is recorded in the store's audit log
    // (on every store the window opens).
    m_wantAdmin = !Pii::masks(role);
    if (enforced())
        return; // the server's role stands
    show(Access::Role::Support);
    if (m_wantAdmin && m_store)
        audit(Access::Role::Admin, QStringLiteral("console start"), false);
}

bool RoleSwitch::enforced() const
{
    return m_store && m_store->access().session().enforced;
}

void RoleSwitch::setStore(std::shared_ptr<SnapshotStore> store, const QString &storeName)
{
    m_jobs->clear(); // a switch still being recorded belongs to the store before
    m_store = std::move(store);
    m_storeName = storeName;
    // A shared store's role is the server's: there is nothing to switch, and personal data shows as the role has it.
    m_action->setVisible(!enforced());
    if (enforced()) {
        m_auditOnTenant = false;
        show(m_store->access().session().role);
        return;
    }
    show(Access::Role::Support);
    m_auditOnTenant = m_wantAdmin; // recorded under the tenant the first read finds
}

void RoleSwitch::setTenant(const QString &tenant)
{
    m_tenant = tenant;
    if (std::exchange(m_auditOnTenant, false))
        audit(Access::Role::Admin, QStringLiteral("console start"), false);
}

void RoleSwitch::dropPending()
{
    m_jobs->clear();
    m_store.reset(); // until the next store is there, a switch has nowhere to be recorded
    m_storeName.clear();
}

void RoleSwitch::switchTo(Access::Role role)
{
    show(m_role); // the menu's tick follows the role in effect until a switch is confirmed and recorded
    if (role == m_role)
        return;
    if (Pii::masks(role)) {
        // Masking needs no record first: contact details go at once, and the audit row follows.
        m_wantAdmin = false;
        RoleSetting::write(role);
        show(role);
        if (m_store)
            audit(role, QStringLiteral("console"), true);
        return;
    }
    if (!m_store) {
        Q_EMIT message(tr("Open a database first: the switch of role is recorded in its audit log."));
        return;
    }
    if (QMessageBox::question(m_window, tr("Show customers' contact details"),
            tr("The admin role shows every customer's phone, email and address unmasked in the inspector, the "
               "comparisons and the cases, and in what you export.<p>The switch is recorded in the audit log of "
               "%1 as <b>%2</b>.</p><p>Switch to the admin role?</p>")
                .arg(m_storeName.toHtmlEscaped(), ActorIdentity::current().toHtmlEscaped()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    audit(role, QStringLiteral("console"), true);
}

void RoleSwitch::audit(Access::Role role, const QString &where, bool remember)
{
    // A later switch, or another store, makes this one's answer moot.
    m_jobs->start(
        m_store,
        [tenant = m_tenant, role, where](
            SnapshotStore &store) { return PersonalData::auditRoleSwitch(store, tenant, role, where); },
        [this, role, remember](const Status &audited) {
            if (Pii::masks(role)) { // masked already; only the record can fail
                Q_EMIT message(audited ? tr("Support role: customers' contact details are masked.")
                                       : tr("Support role, but the switch could not be recorded in the audit log: %1")
                                             .arg(audited.error().message));
                return;
            }
            if (!audited) {
                // Not recorded, not unmasked.
                m_wantAdmin = false;
                show(Access::Role::Support);
                QMessageBox::warning(m_window, tr("Role not switched"),
                    tr("The switch could not be recorded in the audit log, so contact details stay masked: %1")
                        .arg(audited.error().message));
                return;
            }
            m_wantAdmin = true;
            if (remember)
                RoleSetting::write(role);
            show(role);
            Q_EMIT message(tr("Admin role: customers' contact details are shown; the switch is in the audit log."));
        });
}

void RoleSwitch::show(Access::Role role)
{
    const QSignalBlocker quiet(m_action);
    m_action->setChecked(!Pii::masks(role));
    if (role == m_role && m_applied)
        return;
    m_role = role;
    m_applied = true;
    Q_EMIT roleChanged(role);
}
