#pragma once

#include <QString>

#include "domain/access.h"

class QAction;
class QTabWidget;
class QWidget;

// What the store's role may not do is disabled where the user would reach for it, with a tooltip naming the role it
// needs (issue 26); the server refuses it anyway.
namespace AccessGate {

QString roleText(Access::Role role); // "admin", translated
// "Needs the admin role; this login is analyst." (empty when allowed)
QString refusal(Access::Role role, Access::Action action);
void apply(QAction *action, Access::Role role, Access::Action what);
// Enables or disables a page of tabs; the tab's tooltip says why it is disabled.
void apply(QTabWidget *tabs, QWidget *page, Access::Role role, Access::Action what);

} // namespace AccessGate
