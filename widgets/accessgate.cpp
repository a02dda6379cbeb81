#include "accessgate.h"

#include <QAction>
#include <QCoreApplication>
#include <QTabWidget>

namespace AccessGate {

QString roleText(Access::Role role)
{
    switch (role) {
    case Access::Role::Support:
        return QCoreApplication::translate("AccessGate", "support");
    case Access::Role::Analyst:
        return QCoreApplication::translate("AccessGate", "analyst");
    case Access::Role::Admin:
        break;
    }
    return QCoreApplication::translate("AccessGate", "admin");
}

QString refusal(Access::Role role, Access::Action action)
{
    if (Access::allows(role, action))
        return {};
    QStringList needed;
    for (Access::Role other : Access::rolesAllowed(action))
        needed << roleText(other);
    return QCoreApplication::translate("AccessGate", "Needs the %1 role; this login is %2.")
        .arg(needed.join(QCoreApplication::translate("AccessGate", " or ")), roleText(role));
}

void apply(QAction *action, Access::Role role, Access::Action what)
{
    const QString why = AccessGate::refusal(role, what);
    action->setEnabled(why.isEmpty());
    action->setStatusTip(why);
    action->setToolTip(why.isEmpty() ? action->text().remove(u'&') : why);
}

void apply(QTabWidget *tabs, QWidget *page, Access::Role role, Access::Action what)
{
    const int index = tabs->indexOf(page);
    if (index < 0)
        return;
    const QString why = AccessGate::refusal(role, what);
    tabs->setTabEnabled(index, why.isEmpty());
    tabs->setTabToolTip(index, why);
}

} // namespace AccessGate
