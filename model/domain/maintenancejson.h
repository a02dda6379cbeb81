#pragma once

#include <QJsonObject>

#include "domain/error.h"
#include "domain/maintenance.h"

// The JSON forms of policies and schedule actions: stored in the database, printed by the CLI, read from its input.
namespace MaintenanceJson {
QJsonObject toJson(const RetentionPolicy &policy);
// Strict: unknown members, negative numbers and non-integers are refused, naming the member.
Result<RetentionPolicy> policyFromJson(const QJsonObject &object);
QJsonObject toJson(const ScheduleAction &action);
Result<ScheduleAction> actionFromJson(const QJsonObject &object);
QJsonObject toJson(const AuditEntry &entry);
} // namespace MaintenanceJson
