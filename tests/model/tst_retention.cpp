#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <map>

#include "domain/kindregistry.h"
#include "ops/retentionplanner.h"

// The retention planner: a GFS case computed by hand, and properties on generated timelines.
class TestRetention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handComputedGfs();
    void ageLimitAndProtections();
    void generatedTimelinesKeepWhatMustStay();
    void validation();
};

namespace {

EpochMs at(int y, int m, int d, int h = 12, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

struct Builder
{
    RetentionCandidates c;
    int seq = 0;
    int add(const QString &entity, EpochMs takenAt, const QString &type = QStringLiteral("daily"), bool pinned = false,
        bool flagged = false)
    {
        int e = int(c.entities.indexOf(entity));
        if (e < 0) {
            e = int(c.entities.size());
            c.entities << entity;
        }
        int t = int(c.types.indexOf(type));
        if (t < 0) {
            t = int(c.types.size());
            c.types << type;
        }
        RetentionCandidate row;
        row.id = QUuid::createUuid();
        row.takenAt = takenAt;
        row.storedSize = 100;
        row.entity = e;
        row.type = t;
        row.pinned = pinned;
        row.flagged = flagged;
        c.rows.push_back(row);
        return seq++;
    }
};

QString dayOf(EpochMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("MM-dd HH"));
}

} // namespace

void TestRetention::handComputedGfs()
{
    // One product, a snapshot at noon each day from 1 January to 10 April 2026, none on 9 April, and a second one at
    // 18:00 on 8 April. 10 April 2026 is a Friday.
    Builder b;
    b.c.kind = QStringLiteral("daily_inventory");
    for (QDate d(2026, 1, 1); d <= QDate(2026, 4, 10); d = d.addDays(1)) {
        if (d != QDate(2026, 4, 9))
            b.add(QStringLiteral("S1:P1"), at(d.year(), d.month(), d.day()));
    }
    b.add(QStringLiteral("S1:P1"), at(2026, 4, 8, 18));
    RetentionPolicy policy;
    policy.kind = QStringLiteral("daily_inventory");
    policy.keepDaily = 3;
    policy.keepWeekly = 2;
    policy.keepMonthly = 2;
    const RetentionPlan plan = RetentionPlanner::plan(b.c, policy, at(2026, 4, 10, 23), QTimeZone::utc());
    std::map<QString, RetentionReason> kept;
    for (size_t i = 0; i < plan.reasons.size(); ++i) {
        if (isKept(plan.reasons[i]))
            kept[dayOf(plan.candidates.rows[i].takenAt)] = plan.reasons[i];
    }
    // Daily: the three most recent days that have snapshots (9 April has none), the newest of each.
    // Weekly: ISO week 15's newest (10 April) is kept already, so weeks 14 and 13 give 5 April and 29 March.
    // Monthly: April's newest is kept already, so March and February give 31 March and 28 February.
    const std::map<QString, RetentionReason> expected {
        { QStringLiteral("04-10 12"), RetentionReason::KeepDaily },
        { QStringLiteral("04-08 18"), RetentionReason::KeepDaily },
        { QStringLiteral("04-07 12"), RetentionReason::KeepDaily },
        { QStringLiteral("04-05 12"), RetentionReason::KeepWeekly },
        { QStringLiteral("03-29 12"), RetentionReason::KeepWeekly },
        { QStringLiteral("03-31 12"), RetentionReason::KeepMonthly },
        { QStringLiteral("02-28 12"), RetentionReason::KeepMonthly },
    };
    QCOMPARE(kept, expected);
    QCOMPARE(plan.keepCount, 7);
    QCOMPARE(plan.deleteCount, qint64(plan.candidates.rows.size()) - 7);
    QCOMPARE(plan.deleteBytes, plan.deleteCount * 100);
    QCOMPARE(plan.countByReason[size_t(RetentionReason::NoKeepRule)], plan.deleteCount);
}

void TestRetention::ageLimitAndProtections()
{
    Builder b;
    b.c.kind = QStringLiteral("chat");
    const EpochMs now = at(2026, 11, 1);
    const int old = b.add(QStringLiteral("c1"), at(2025, 1, 1), QStringLiteral("session_ended"));
    const int oldPinned = b.add(QStringLiteral("c1"), at(2025, 1, 2), QStringLiteral("session_ended"), true);
    const int oldConverted = b.add(QStringLiteral("c1"), at(2025, 1, 3), QStringLiteral("session_ended"), false, true);
    const int oldEscalated = b.add(QStringLiteral("c1"), at(2025, 1, 4), QStringLiteral("escalated"));
    const int oldLearning = b.add(QStringLiteral("c1"), at(2025, 1, 5), QStringLiteral("ai_learning"));
    const int young = b.add(QStringLiteral("c1"), at(2026, 10, 1), QStringLiteral("session_ended"));
    const int newest = b.add(QStringLiteral("c1"), at(2026, 10, 2), QStringLiteral("session_ended"));
    const int onlyOld = b.add(QStringLiteral("c2"), at(2024, 1, 1), QStringLiteral("session_ended"));
    const auto policy = RetentionPlanner::defaultPolicy(QStringLiteral("chat"));
    QVERIFY(policy);
    const RetentionPlan plan = RetentionPlanner::plan(b.c, *policy, now, QTimeZone::utc());
    QHash<QUuid, RetentionReason> reasons;
    for (size_t i = 0; i < plan.reasons.size(); ++i)
        reasons.insert(plan.candidates.rows[i].id, plan.reasons[i]);
    const auto reason = [&](int index) { return reasons.value(b.c.rows[size_t(index)].id); };
    QCOMPARE(reason(old), RetentionReason::OlderThanLimit);
    QCOMPARE(reason(oldPinned), RetentionReason::Pinned);
    QCOMPARE(reason(oldConverted), RetentionReason::Significant);
    QCOMPARE(reason(oldEscalated), RetentionReason::Significant);
    QCOMPARE(reason(oldLearning), RetentionReason::ProtectedType);
    QCOMPARE(reason(young), RetentionReason::YoungerThanLimit);
    QCOMPARE(reason(newest), RetentionReason::YoungerThanLimit);
    QCOMPARE(reason(onlyOld), RetentionReason::NewestOfEntity);
    QCOMPARE(plan.deleteCount, 1);
    QCOMPARE(plan.idsToDelete(), QList<QUuid> { b.c.rows[size_t(old)].id });
}

void TestRetention::generatedTimelinesKeepWhatMustStay()
{
    QRandomGenerator rng(20261123);
    const QTimeZone zone("Asia/Bangkok");
    const QStringList types { QStringLiteral("session_ended"), QStringLiteral("escalated"), QStringLiteral("complaint"),
        QStringLiteral("order_created"), QStringLiteral("ai_learning") };
    const EpochMs now = at(2026, 11, 1);
    for (int round = 0; round < 200; ++round) {
        Builder b;
        b.c.kind = QStringLiteral("chat");
        const int entities = int(rng.bounded(1, 8));
        for (int e = 0; e < entities; ++e) {
            const int count = int(rng.bounded(1, 120));
            for (int k = 0; k < count; ++k) {
                const EpochMs t = now - qint64(rng.bounded(0, 900)) * 86'400'000 - qint64(rng.bounded(0, 86'400'000));
                b.add(QStringLiteral("e%1").arg(e), t, types.at(int(rng.bounded(qsizetype(types.size())))),
                    rng.bounded(20) == 0, rng.bounded(10) == 0);
            }
        }
        RetentionPolicy policy;
        policy.kind = QStringLiteral("chat");
        policy.keepLast = int(rng.bounded(0, 4));
        policy.keepDaily = int(rng.bounded(0, 10));
        policy.keepWeekly = int(rng.bounded(0, 6));
        policy.keepMonthly = int(rng.bounded(0, 6));
        policy.keepYearly = int(rng.bounded(0, 3));
        if (rng.bounded(3) == 0)
            policy.keepWithinDays = int(rng.bounded(1, 60));
        if (rng.bounded(3) == 0)
            policy.deleteOlderThanDays = int(rng.bounded(30, 800));
        if (!policy.hasKeepRule() && policy.deleteOlderThanDays == 0)
            policy.keepDaily = 1;
        const RetentionPlan plan = RetentionPlanner::plan(b.c, policy, now, zone);
        const auto &rows = plan.candidates.rows;
        const QStringList significantTypes = KindRegistry::find(QStringLiteral("chat"))->significantTypes;

        // Never deleted: pinned, newest of each entity, significant.
        std::map<int, EpochMs> newestOf;
        for (const RetentionCandidate &c : rows)
            newestOf[c.entity] = std::max(newestOf[c.entity], c.takenAt);
        for (size_t i = 0; i < rows.size(); ++i) {
            const RetentionCandidate &c = rows[i];
            const bool significant = c.flagged || significantTypes.contains(plan.candidates.types.at(c.type));
            if (c.pinned || significant || c.takenAt == newestOf[c.entity])
                QVERIFY2(isKept(plan.reasons[i]), qPrintable(QStringLiteral("round %1 row %2").arg(round).arg(i)));
        }

        // Each GFS bucket keeps exactly its newest snapshot: a snapshot kept by a period rule is the newest of its
        // period, no period of a rule keeps two, a rule keeps at most n, and the newest snapshot of each of the n
        // most recent periods with snapshots is kept (by that rule or an earlier one), unless it is over the age
        // limit.
        const auto localDay = [&](EpochMs ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).date(); };
        const std::pair<RetentionReason, std::function<qint64(const QDate &)>> rules[] = {
            { RetentionReason::KeepDaily, [](const QDate &d) { return d.toJulianDay(); } },
            { RetentionReason::KeepWeekly,
                [](const QDate &d) {
                    int y = 0;
                    const int w = d.weekNumber(&y);
                    return qint64(y) * 100 + w;
                } },
            { RetentionReason::KeepMonthly, [](const QDate &d) { return qint64(d.year()) * 12 + d.month(); } },
            { RetentionReason::KeepYearly, [](const QDate &d) { return qint64(d.year()); } },
        };
        const int counts[] = { policy.keepDaily, policy.keepWeekly, policy.keepMonthly, policy.keepYearly };
        const EpochMs ageCutoff = now - qint64(policy.deleteOlderThanDays) * 86'400'000;
        for (int r = 0; r < 4; ++r) {
            const auto &[reason, periodOf] = rules[r];
            for (int e = 0; e < entities; ++e) {
                std::map<qint64, size_t> newestInPeriod; // period -> row
                for (size_t i = 0; i < rows.size(); ++i) {
                    if (rows[i].entity != e)
                        continue;
                    const qint64 p = periodOf(localDay(rows[i].takenAt));
                    auto it = newestInPeriod.find(p);
                    if (it == newestInPeriod.end() || rows[i].takenAt > rows[it->second].takenAt
                        || (rows[i].takenAt == rows[it->second].takenAt && rows[i].id > rows[it->second].id))
                        newestInPeriod[p] = i;
                }
                QSet<qint64> periodsKept;
                int keptByRule = 0;
                for (size_t i = 0; i < rows.size(); ++i) {
                    if (rows[i].entity != e || plan.reasons[i] != reason)
                        continue;
                    const qint64 p = periodOf(localDay(rows[i].takenAt));
                    QCOMPARE(newestInPeriod[p], i);
                    QVERIFY(!periodsKept.contains(p));
                    periodsKept.insert(p);
                    ++keptByRule;
                }
                QVERIFY(keptByRule <= counts[r]);
                int seen = 0;
                for (auto it = newestInPeriod.rbegin(); it != newestInPeriod.rend() && seen < counts[r]; ++it, ++seen) {
                    const size_t i = it->second;
                    if (policy.deleteOlderThanDays > 0 && rows[i].takenAt < ageCutoff)
                        continue;
                    QVERIFY2(isKept(plan.reasons[i]),
                        qPrintable(QStringLiteral("round %1 rule %2 period %3").arg(round).arg(r).arg(it->first)));
                }
            }
        }
        qint64 deleted = 0;
        for (const RetentionReason reason : plan.reasons)
            deleted += isKept(reason) ? 0 : 1;
        QCOMPARE(plan.deleteCount, deleted);
        QCOMPARE(plan.deleteCount + plan.keepCount, qint64(rows.size()));
    }
}

void TestRetention::validation()
{
    RetentionPolicy none;
    none.kind = QStringLiteral("order");
    const Status refused = RetentionPlanner::validate(none);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("keep nothing")));
    RetentionPolicy stock;
    stock.kind = QStringLiteral("stock");
    stock.deleteOlderThanDays = 20;
    QVERIFY(!RetentionPlanner::validate(stock));
    stock.deleteOlderThanDays = 90;
    QVERIFY(RetentionPlanner::validate(stock));
    QCOMPARE(RetentionPlanner::defaultPolicy(QStringLiteral("order"))->deleteOlderThanDays, 730);
    QCOMPARE(RetentionPlanner::defaultPolicy(QStringLiteral("stock"))->deleteOlderThanDays, 90);
    QVERIFY(!RetentionPlanner::defaultPolicy(QStringLiteral("financial")));
    RetentionPolicy unknown;
    unknown.kind = QStringLiteral("nope");
    unknown.keepLast = 1;
    QVERIFY(!RetentionPlanner::validate(unknown));
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
