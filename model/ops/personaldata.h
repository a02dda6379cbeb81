#pragma once

#include <QString>

#include "domain/maintenance.h"
#include "domain/pii.h"
#include "ops/actoridentity.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"

// Revealing a masked contact detail is recorded before it is shown: who, which field, of what, from where.
namespace PersonalData {
inline Status auditReveal(
    SnapshotStore &store, const QString &tenant, const QString &target, const QString &field, const QString &where)
{
    AuditEntry entry;
    entry.tenant = tenant;
    entry.actor = ActorIdentity::current();
    entry.action = QStringLiteral("pii.reveal");
    entry.target = target;
    entry.details = { { QStringLiteral("field"), field }, { QStringLiteral("where"), where } };
    return store.maintenance().audit(entry);
}

// Switching the console to the admin role shows every customer's contact details at once, so it is recorded like a
// reveal (and switching back, so the log says for how long).
inline Status auditRoleSwitch(SnapshotStore &store, const QString &tenant, Access::Role role, const QString &where)
{
    AuditEntry entry;
    entry.tenant = tenant;
    entry.actor = ActorIdentity::current();
    entry.action = QStringLiteral("role.") + Access::roleName(role);
    entry.details = { { QStringLiteral("where"), where } };
    return store.maintenance().audit(entry);
}
} // namespace PersonalData
