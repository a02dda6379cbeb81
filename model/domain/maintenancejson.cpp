#include "maintenancejson.h"

#include <QJsonArray>

#include <cmath>

namespace {

struct CountField
{
    const char *name;
    int RetentionPolicy::*member;
};

const CountField CountFields[] = {
    { "keep_last", &RetentionPolicy::keepLast },
    { "keep_within_days", &RetentionPolicy::keepWithinDays },
    { "keep_daily", &RetentionPolicy::keepDaily },
    { "keep_weekly", &RetentionPolicy::keepWeekly },
    { "keep_monthly", &RetentionPolicy::keepMonthly },
    { "keep_yearly", &RetentionPolicy::keepYearly },
    { "delete_older_than_days", &RetentionPolicy::deleteOlderThanDays },
};

Error invalid(const QString &message)
{
    return { Error::Code::Invalid, message };
}

} // namespace

namespace MaintenanceJson {

QJsonObject toJson(const RetentionPolicy &policy)
{
    QJsonObject object { { QStringLiteral("kind"), policy.kind } };
    for (const CountField &field : CountFields) {
        if (policy.*field.member > 0)
            object.insert(QLatin1String(field.name), policy.*field.member);
    }
    if (!policy.protectedTypes.isEmpty())
        object.insert(QStringLiteral("protected_types"), QJsonArray::fromStringList(policy.protectedTypes));
    return object;
}

Result<RetentionPolicy> policyFromJson(const QJsonObject &object)
{
    RetentionPolicy policy;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == u"kind") {
            if (!it->isString())
                return invalid(QStringLiteral("policy: \"kind\" must be a string"));
            policy.kind = it->toString();
            continue;
        }
        if (key == u"protected_types") {
            if (!it->isArray())
                return invalid(QStringLiteral("policy: \"protected_types\" must be an array of types"));
            for (const QJsonValue &type : it->toArray()) {
                if (!type.isString() || type.toString().isEmpty())
                    return invalid(QStringLiteral("policy: \"protected_types\" must be an array of types"));
                policy.protectedTypes.append(type.toString());
            }
            continue;
        }
        const CountField *field = nullptr;
        for (const CountField &f : CountFields) {
            if (key == QLatin1String(f.name))
                field = &f;
        }
        if (!field)
            return invalid(QStringLiteral("policy: unknown member \"%1\"").arg(key));
        const double number = it->toDouble(-1);
        if (!it->isDouble() || number < 0 || number != std::floor(number) || number > 100000)
            return invalid(QStringLiteral("policy: \"%1\" must be a whole number from 0 to 100000").arg(key));
        policy.*field->member = int(number);
    }
    return policy;
}

QJsonObject toJson(const ScheduleAction &action)
{
    if (action.type == ScheduleAction::Type::Sync)
        return { { QStringLiteral("type"), QStringLiteral("sync") }, { QStringLiteral("source"), action.source } };
    QJsonObject object { { QStringLiteral("type"),
                             action.type == ScheduleAction::Type::Snapshot      ? QStringLiteral("snapshot")
                                 : action.type == ScheduleAction::Type::Compact ? QStringLiteral("compact")
                                                                                : QStringLiteral("cleanup") },
        { QStringLiteral("kind"), action.kind } };
    if (action.type == ScheduleAction::Type::Snapshot)
        object.insert(QStringLiteral("targets"), QJsonArray::fromStringList(action.targets));
    else if (action.type == ScheduleAction::Type::Cleanup && action.policy)
        object.insert(QStringLiteral("policy"), toJson(*action.policy));
    return object;
}

Result<ScheduleAction> actionFromJson(const QJsonObject &object)
{
    ScheduleAction action;
    const QString type = object.value(u"type").toString();
    if (type == u"snapshot")
        action.type = ScheduleAction::Type::Snapshot;
    else if (type == u"cleanup")
        action.type = ScheduleAction::Type::Cleanup;
    else if (type == u"compact")
        action.type = ScheduleAction::Type::Compact;
    else if (type == u"sync")
        action.type = ScheduleAction::Type::Sync;
    else
        return invalid(
            QStringLiteral("schedule action: \"type\" must be \"snapshot\", \"cleanup\", \"compact\" or \"sync\""));
    if (action.type == ScheduleAction::Type::Sync) {
        action.source = object.value(u"source").toString();
        if (action.source.isEmpty())
            return invalid(QStringLiteral("schedule action: \"source\" is missing"));
        return action;
    }
    action.kind = object.value(u"kind").toString();
    if (action.kind.isEmpty())
        return invalid(QStringLiteral("schedule action: \"kind\" is missing"));
    if (action.type == ScheduleAction::Type::Snapshot) {
        action.targets.clear();
        for (const QJsonValue &target : object.value(u"targets").toArray()) {
            if (!target.isString() || target.toString().isEmpty())
                return invalid(QStringLiteral("schedule action: \"targets\" must be [\"all\"] or a list of ids"));
            action.targets.append(target.toString());
        }
        if (action.targets.isEmpty())
            return invalid(QStringLiteral("schedule action: \"targets\" must be [\"all\"] or a list of ids"));
    } else if (object.contains(u"policy")) {
        auto policy = policyFromJson(object.value(u"policy").toObject());
        if (!policy)
            return policy.error();
        policy->kind = action.kind;
        action.policy = *policy;
    }
    return action;
}

QJsonObject toJson(const AuditEntry &entry)
{
    return { { QStringLiteral("id"), entry.id }, { QStringLiteral("at"), entry.at },
        { QStringLiteral("tenant"), entry.tenant }, { QStringLiteral("actor"), entry.actor },
        { QStringLiteral("host"), entry.host }, { QStringLiteral("action"), entry.action },
        { QStringLiteral("target"), entry.target }, { QStringLiteral("details"), entry.details },
        { QStringLiteral("outcome"), entry.outcome } };
}

} // namespace MaintenanceJson
