#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUuid>

#include <array>
#include <optional>
#include <vector>

#include "domain/error.h"
#include "domain/maintenance.h"

// Why a snapshot stays or goes. The first group keeps, the second deletes.
enum class RetentionReason : quint8 {
    KeepWithin,
    KeepLast,
    KeepDaily,
    KeepWeekly,
    KeepMonthly,
    KeepYearly,
    YoungerThanLimit,
    Pinned,
    NewestOfEntity,
    Significant,
    ProtectedType,
    BaseOfKeptDelta, // an incremental snapshot that is kept needs it to materialize
    // deleted:
    NoKeepRule,
    OlderThanLimit,
};
constexpr int RetentionReasonCount = int(RetentionReason::OlderThanLimit) + 1;
inline bool isKept(RetentionReason reason)
{
    return reason < RetentionReason::NoKeepRule;
}
QString retentionReasonText(RetentionReason reason); // translatable (context "RetentionReason")

// A dry run: every live snapshot of one kind with the verdict on it.
struct RetentionPlan
{
    RetentionPolicy policy;
    EpochMs now = 0;
    RetentionCandidates candidates;
    std::vector<RetentionReason> reasons; // parallel to candidates.rows
    qint64 deleteCount = 0;
    qint64 deleteBytes = 0;
    qint64 keepCount = 0;
    qint64 keepBytes = 0;
    std::array<qint64, RetentionReasonCount> countByReason {};

    QList<QUuid> idsToDelete() const;
};

// Plans a cleanup with borg prune's words (DESIGN §7) plus the product's protections: pinned snapshots, the newest
// snapshot of each entity, significant snapshots and the policy's protected types are never deleted.
class RetentionPlanner
{
public:
    // Refuses a policy that has no rule (it would keep nothing of what it touches) or is out of its kind's range.
    static Status validate(const RetentionPolicy &policy);
    // The specifications' defaults: orders 2 years, non-converted session_ended chats 1 year, stock 90 days.
    static std::optional<RetentionPolicy> defaultPolicy(const QString &kind);
    // Periods (days, weeks, ...) are the business days of `zone`; "within" and "older than" count back from `now`.
    static RetentionPlan plan(
        RetentionCandidates candidates, const RetentionPolicy &policy, EpochMs now, const QTimeZone &zone);
};
