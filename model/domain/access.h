#pragma once

#include <QList>
#include <QString>

#include <optional>

// Who may do what (DESIGN §10). On a shared PostgreSQL store the role is the database group role the login belongs to
// (snapscope_admin, snapscope_analyst, snapscope_support) and the server enforces it; a local SQLite file is its
// owner's alone, who is its admin. The client asks `allows` first so that a refusal names the role an action needs.
namespace Access {

enum class Role { Support, Analyst, Admin };

// "support", "analyst", "admin"; anything else is not a role.
std::optional<Role> roleFromString(const QString &text);
QString roleName(Role role);
// The PostgreSQL group role: "snapscope_admin".
QString groupRole(Role role);
// The role when nothing is configured: support, so that personal data is hidden unless someone chose otherwise.
constexpr Role DefaultRole = Role::Support;

enum class Action {
    Browse, // timelines, payloads (masked for all but admins), verify, stats, the audit log, event-sourced state
    Compare,
    Charts, // charts, series, reports, training export
    Cases, // dispute cases: view, find, PDF and evidence bundle
    LegalHold, // pin and release a snapshot
    RevealPersonal, // one masked field, audited
    TakeSnapshot, // manual snapshots and compaction
    Cleanup, // plans, runs, trash restore and purge, retention policies
    Schedules,
    Sources,
    Kinds, // kind definitions and zstd dictionaries
    Ingest, // ingest and archive import
    ManageAccess, // access grant / revoke / list
};

bool allows(Role role, Action action);
// The roles that may take the action, widest first (admin, support, analyst).
QList<Role> rolesAllowed(Action action);
// "cleanup", "reveal personal data": what the action is, in a refusal.
QString actionName(Action action);
// "the analyst role may not run a cleanup: it needs the admin role".
QString refusal(Role role, Action action);

} // namespace Access
