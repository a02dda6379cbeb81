#pragma once

#include <QDir>

#include "domain/maintenance.h"
#include "domain/pii.h"
#include "ops/actoridentity.h"
#include "store/maintenancestore.h"
#include "store/snapshotstore.h"

// Whatever leaves the store as a file (an evidence report, a bundle, a patch, a comparison report, the audit log as
// CSV) is recorded before it is written: who, in which role, what, of which case or snapshots, to which file, and
// whether customers' contact details were masked in it. An export whose audit row cannot be written is not made.
namespace ExportAudit {
inline Status record(SnapshotStore &store, const QString &tenant, const QString &what, const QString &target,
    const QString &path, bool masked, const QString &where)
{
    AuditEntry entry;
    entry.tenant = tenant;
    entry.actor = ActorIdentity::current();
    entry.action = QStringLiteral("export.") + what;
    entry.target = target;
    entry.details = { { QStringLiteral("file"), QDir::cleanPath(QDir::current().absoluteFilePath(path)) },
                { QStringLiteral("role"), Access::roleName(store.access().session().role) },
        { QStringLiteral("contact_details"), masked ? QStringLiteral("masked") : QStringLiteral("shown") },
        { QStringLiteral("where"), where } };
    return store.maintenance().audit(entry);
}
} // namespace ExportAudit
