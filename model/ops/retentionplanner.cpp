#include "retentionplanner.h"

#include <QHash>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

#include <algorithm>

#include "domain/kindregistry.h"

namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 JulianDayOfEpoch = 2440588;
constexpr quint8 Undecided = 0xFF;

// UTC offsets of a zone over a time span, found by binary search: the planner converts a million timestamps to
// business days, and asking QTimeZone for each would take longer than the rest of the plan.
class OffsetTable
{
public:
    OffsetTable(const QTimeZone &zone, EpochMs from, EpochMs to)
    {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(from - DayMs, QTimeZone::utc());
        m_initial = zone.offsetFromUtc(start);
        if (zone.hasTransitions()) {
            for (const QTimeZone::OffsetData &t :
                zone.transitions(start, QDateTime::fromMSecsSinceEpoch(to + DayMs, QTimeZone::utc())))
                m_transitions.push_back({ t.atUtc.toMSecsSinceEpoch(), t.offsetFromUtc });
        }
    }
    qint64 localDay(EpochMs utc) const
    {
        int offset = m_initial;
        auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc,
            [](EpochMs value, const std::pair<EpochMs, int> &t) { return value < t.first; });
        if (it != m_transitions.begin())
            offset = std::prev(it)->second;
        const qint64 local = utc + qint64(offset) * 1000;
        return (local >= 0 ? local / DayMs : (local - DayMs + 1) / DayMs) + JulianDayOfEpoch;
    }

private:
    int m_initial = 0;
    std::vector<std::pair<EpochMs, int>> m_transitions;
};

enum class Period { Day, Week, Month, Year };

qint64 periodKey(qint64 julianDay, Period period)
{
    if (period == Period::Day)
        return julianDay;
    const QDate date = QDate::fromJulianDay(julianDay);
    switch (period) {
    case Period::Week: {
        int year = 0;
        const int week = date.weekNumber(&year);
        return qint64(year) * 100 + week;
    }
    case Period::Month:
        return qint64(date.year()) * 12 + date.month();
    default:
        return date.year();
    }
}

} // namespace

QString retentionReasonText(RetentionReason reason)
{
    switch (reason) {
    case RetentionReason::KeepWithin:
        return QCoreApplication::translate("RetentionReason", "within the keep-within window");
    case RetentionReason::KeepLast:
        return QCoreApplication::translate("RetentionReason", "one of the last N");
    case RetentionReason::KeepDaily:
        return QCoreApplication::translate("RetentionReason", "daily survivor");
    case RetentionReason::KeepWeekly:
        return QCoreApplication::translate("RetentionReason", "weekly survivor");
    case RetentionReason::KeepMonthly:
        return QCoreApplication::translate("RetentionReason", "monthly survivor");
    case RetentionReason::KeepYearly:
        return QCoreApplication::translate("RetentionReason", "yearly survivor");
    case RetentionReason::YoungerThanLimit:
        return QCoreApplication::translate("RetentionReason", "younger than the age limit");
    case RetentionReason::Pinned:
        return QCoreApplication::translate("RetentionReason", "pinned (legal hold)");
    case RetentionReason::NewestOfEntity:
        return QCoreApplication::translate("RetentionReason", "newest of its entity");
    case RetentionReason::Significant:
        return QCoreApplication::translate("RetentionReason", "significant");
    case RetentionReason::ProtectedType:
        return QCoreApplication::translate("RetentionReason", "protected type");
    case RetentionReason::BaseOfKeptDelta:
        return QCoreApplication::translate("RetentionReason", "base of a kept incremental snapshot");
    case RetentionReason::NoKeepRule:
        return QCoreApplication::translate("RetentionReason", "no keep rule matched");
    case RetentionReason::OlderThanLimit:
        return QCoreApplication::translate("RetentionReason", "older than the age limit");
    }
    return {};
}

QList<QUuid> RetentionPlan::idsToDelete() const
{
    QList<QUuid> ids;
    ids.reserve(deleteCount);
    for (size_t i = 0; i < reasons.size(); ++i) {
        if (!isKept(reasons[i]))
            ids.append(candidates.rows[i].id);
    }
    return ids;
}

Status RetentionPlanner::validate(const RetentionPolicy &policy)
{
    if (!KindRegistry::find(policy.kind))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(policy.kind) };
    if (!policy.hasKeepRule() && policy.deleteOlderThanDays <= 0) {
        return Error { Error::Code::Invalid,
            QStringLiteral("the %1 policy has no rule: give a keep rule or an age limit (a policy without one "
                           "would keep nothing)")
                .arg(policy.kind) };
    }
    for (const int days : { policy.keepWithinDays, policy.deleteOlderThanDays }) {
        if (days > 36500)
            return Error { Error::Code::Invalid, QStringLiteral("a retention period cannot exceed 36,500 days") };
    }
    if (policy.kind == u"stock") {
        // The stock specification allows 30 to 365 days of retention.
        for (const int days : { policy.keepWithinDays, policy.deleteOlderThanDays }) {
            if (days != 0 && (days < 30 || days > 365)) {
                return Error { Error::Code::Invalid,
                    QStringLiteral("stock retention must be from 30 to 365 days (got %1)").arg(days) };
            }
        }
    }
    return {};
}

std::optional<RetentionPolicy> RetentionPlanner::defaultPolicy(const QString &kind)
{
    RetentionPolicy policy;
    policy.kind = kind;
    if (kind == u"order") {
        policy.deleteOlderThanDays = 730; // orders are archived after 2 years
    } else if (kind == u"chat") {
        // Non-converted session_ended snapshots go after a year; every other chat type stays (converted, escalated
        // and hand-off conversations are significant anyway).
        policy.deleteOlderThanDays = 365;
        policy.protectedTypes = { QStringLiteral("order_created"), QStringLiteral("escalated"),
            QStringLiteral("complaint"), QStringLiteral("ai_learning") };
    } else if (kind == u"stock") {
        policy.deleteOlderThanDays = 90;
    } else {
        return std::nullopt;
    }
    policy.updatedBy = QStringLiteral("default");
    return policy;
}

RetentionPlan RetentionPlanner::plan(
    RetentionCandidates candidates, const RetentionPolicy &policy, EpochMs now, const QTimeZone &zone)
{
    RetentionPlan plan;
    plan.policy = policy;
    plan.now = now;
    plan.candidates = std::move(candidates);
    std::vector<RetentionCandidate> &rows = plan.candidates.rows;
    std::sort(rows.begin(), rows.end(), [](const RetentionCandidate &a, const RetentionCandidate &b) {
        if (a.entity != b.entity)
            return a.entity < b.entity;
        if (a.takenAt != b.takenAt)
            return a.takenAt > b.takenAt;
        return a.id > b.id;
    });
    std::vector<quint8> verdict(rows.size(), Undecided);
    if (rows.empty())
        return plan;

    EpochMs minTaken = rows.front().takenAt, maxTaken = minTaken;
    for (const RetentionCandidate &c : rows) {
        minTaken = std::min(minTaken, c.takenAt);
        maxTaken = std::max(maxTaken, c.takenAt);
    }
    const OffsetTable offsets(zone, minTaken, maxTaken);
    std::vector<qint64> days(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        days[i] = offsets.localDay(rows[i].takenAt);

    const KindDefinition *kind = KindRegistry::find(plan.candidates.kind);
    std::vector<bool> significantType(size_t(plan.candidates.types.size()), false);
    std::vector<bool> protectedType(size_t(plan.candidates.types.size()), false);
    const QStringList significantTypes = kind ? kind->significantTypes : QStringList();
    for (qsizetype t = 0; t < plan.candidates.types.size(); ++t) {
        significantType[size_t(t)] = significantTypes.contains(plan.candidates.types.at(t));
        protectedType[size_t(t)] = policy.protectedTypes.contains(plan.candidates.types.at(t));
    }
    const EpochMs withinCutoff = now - qint64(policy.keepWithinDays) * DayMs;
    const EpochMs ageCutoff = now - qint64(policy.deleteOlderThanDays) * DayMs;

    // borg's prune_split: walking newest first, the first snapshot of each new period is kept unless an earlier
    // rule kept it already, until n are kept.
    const auto split = [&](size_t begin, size_t end, int n, RetentionReason reason, auto periodOf) {
        if (n <= 0)
            return;
        int kept = 0;
        std::optional<qint64> last;
        for (size_t i = begin; i < end && kept < n; ++i) {
            const qint64 period = periodOf(i);
            if (last && *last == period)
                continue;
            last = period;
            if (verdict[i] == Undecided) {
                verdict[i] = quint8(reason);
                ++kept;
            }
        }
    };

    for (size_t begin = 0; begin < rows.size();) {
        size_t end = begin;
        while (end < rows.size() && rows[end].entity == rows[begin].entity)
            ++end;
        if (policy.keepWithinDays > 0) {
            for (size_t i = begin; i < end; ++i) {
                if (rows[i].takenAt >= withinCutoff && verdict[i] == Undecided)
                    verdict[i] = quint8(RetentionReason::KeepWithin);
            }
        }
        split(begin, end, policy.keepLast, RetentionReason::KeepLast, [](size_t i) { return qint64(i); });
        split(begin, end, policy.keepDaily, RetentionReason::KeepDaily, [&](size_t i) { return days[i]; });
        split(begin, end, policy.keepWeekly, RetentionReason::KeepWeekly,
            [&](size_t i) { return periodKey(days[i], Period::Week); });
        split(begin, end, policy.keepMonthly, RetentionReason::KeepMonthly,
            [&](size_t i) { return periodKey(days[i], Period::Month); });
        split(begin, end, policy.keepYearly, RetentionReason::KeepYearly,
            [&](size_t i) { return periodKey(days[i], Period::Year); });

        for (size_t i = begin; i < end; ++i) {
            const RetentionCandidate &c = rows[i];
            RetentionReason reason;
            const bool tooOld = policy.deleteOlderThanDays > 0 && c.takenAt < ageCutoff;
            if (tooOld)
                reason = RetentionReason::OlderThanLimit;
            else if (verdict[i] != Undecided)
                reason = RetentionReason(verdict[i]);
            else if (policy.hasKeepRule())
                reason = RetentionReason::NoKeepRule;
            else
                reason = RetentionReason::YoungerThanLimit;
            if (!isKept(reason)) {
                if (c.pinned)
                    reason = RetentionReason::Pinned;
                else if (i == begin)
                    reason = RetentionReason::NewestOfEntity;
                else if (c.flagged || significantType[size_t(c.type)])
                    reason = RetentionReason::Significant;
                else if (protectedType[size_t(c.type)])
                    reason = RetentionReason::ProtectedType;
            }
            verdict[i] = quint8(reason);
        }
        // A kept delta needs its whole chain of bases, however old.
        bool hasDeltas = false;
        for (size_t i = begin; i < end && !hasDeltas; ++i)
            hasDeltas = !rows[i].baseId.isNull();
        if (hasDeltas) {
            QHash<QUuid, size_t> at;
            for (size_t i = begin; i < end; ++i)
                at.insert(rows[i].id, i);
            for (size_t i = begin; i < end; ++i) {
                if (!isKept(RetentionReason(verdict[i])))
                    continue;
                for (QUuid base = rows[i].baseId; !base.isNull();) {
                    const auto found = at.constFind(base);
                    if (found == at.constEnd())
                        break; // trashed already: restored with it, never purged while referenced
                    const size_t b = *found;
                    if (isKept(RetentionReason(verdict[b])))
                        break; // kept, and so is its own chain
                    verdict[b] = quint8(RetentionReason::BaseOfKeptDelta);
                    base = rows[b].baseId;
                }
            }
        }
        begin = end;
    }

    plan.reasons.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const RetentionReason reason = RetentionReason(verdict[i]);
        plan.reasons[i] = reason;
        ++plan.countByReason[size_t(reason)];
        if (isKept(reason)) {
            ++plan.keepCount;
            plan.keepBytes += rows[i].storedSize;
        } else {
            ++plan.deleteCount;
            plan.deleteBytes += rows[i].storedSize;
        }
    }
    return plan;
}
