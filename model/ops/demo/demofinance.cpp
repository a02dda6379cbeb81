// The demo's financial records, customer tiers and accounts.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

bool DemoWorld::financial()
{
    const QDate firstDay = QDateTime::fromMSecsSinceEpoch(start, zone).date();
    for (int d = 0; d < scale.days; ++d) {
        const QDate day = firstDay.addDays(d);
        const EpochMs at = QDateTime(day, QTime(23, 30), zone).toMSecsSinceEpoch();
        const double gross = money(20000 + 30000 * rng.unit() + (day.dayOfWeek() >= 6 ? 15000 : 0));
        const double refunds = money(gross * 0.02 * rng.unit());
        QJsonArray byStore;
        for (const QString &storeCode : Stores)
            byStore.append(QJsonObject { { QStringLiteral("store_code"), storeCode },
                { QStringLiteral("amount"), money(gross / 3 * (0.8 + 0.4 * rng.unit())) } });
        if (!emit(QStringLiteral("financial"), QStringLiteral("REV-%1").arg(day.toString(Qt::ISODate)), at,
                QStringLiteral("daily_revenue"),
                { { QStringLiteral("record_id"), QStringLiteral("REV-%1").arg(day.toString(Qt::ISODate)) },
                    { QStringLiteral("day"), day.toString(Qt::ISODate) }, { QStringLiteral("gross"), gross },
                    { QStringLiteral("refunds"), refunds }, { QStringLiteral("amount"), money(gross - refunds) },
                    { QStringLiteral("currency"), QStringLiteral("THB") }, { QStringLiteral("by_store"), byStore },
                    { QStringLiteral("orders"), rng.range(40, 160) } },
                trigger(QStringLiteral("finance-service"), QStringLiteral("day_close"))))
            return false;
    }
    static const QStringList types { QStringLiteral("expense_recorded"), QStringLiteral("cash_reconciliation") };
    struct Record
    {
        EpochMs at;
        QString tenant;
        QString type;
        double amount;
        QString orderId;
        QString store;
        QString currency;
    };
    std::vector<Record> records;
    // Each paid order's payment, and the refund of one cancelled after payment.
    for (const OrderRef &o : std::as_const(orderRefs)) {
        const QString currency = o.tenant == tenant ? QStringLiteral("THB") : QStringLiteral("SGD");
        if (o.confirmedAt != 0)
            records.push_back({ o.confirmedAt + 30'000, o.tenant, QStringLiteral("payment_confirmed"), o.paid, o.id,
                o.storeCode, currency });
        if (o.refundedAt != 0)
            records.push_back({ o.refundedAt + 2 * Hour, o.tenant, QStringLiteral("refund_processed"), -o.paid, o.id,
                o.storeCode, currency });
    }
    for (int n = 0; n < scale.financialExtra; ++n) {
        const int typeIndex = rng.below(100) < 67 ? 0 : 1;
        const EpochMs at = randomTime(start, end);
        const double amount = money(typeIndex == 0 ? 500 + 20000 * rng.unit() : 50 + 3000 * rng.unit());
        records.push_back(
            { at, tenant, types.at(typeIndex), amount, QString(), rng.pick(Stores), QStringLiteral("THB") });
    }
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) { return a.at < b.at; });
    qint64 n = 0;
    for (const Record &r : records) {
        if (r.at >= end)
            continue;
        const QString id = QStringLiteral("FIN-%1").arg(++n, 6, 10, QLatin1Char('0'));
        QJsonObject payload { { QStringLiteral("record_id"), id }, { QStringLiteral("type"), r.type },
            { QStringLiteral("amount"), r.amount }, { QStringLiteral("currency"), r.currency },
            { QStringLiteral("fee"), money(std::abs(r.amount) * 0.015) }, { QStringLiteral("recorded_at"), iso(r.at) },
            { QStringLiteral("store_code"), r.store } };
        if (!r.orderId.isEmpty()) {
            payload.insert(QStringLiteral("order_id"), r.orderId);
            cases[r.tenant + u'/' + r.orderId].financialRecords.append(id);
        }
        if (!emit(QStringLiteral("financial"), id, r.at, r.type, payload,
                trigger(QStringLiteral("finance-service"), r.type), QStringLiteral("system"), std::nullopt, r.tenant))
            return false;
    }
    return true;
}

bool DemoWorld::customerTiers()
{
    static const QStringList tiers { QStringLiteral("bronze"), QStringLiteral("silver"), QStringLiteral("gold"),
        QStringLiteral("platinum") };
    struct State
    {
        int tier = 0;
        qint64 points = 0;
        double spend = 0;
    };
    QHash<QString, State> states;
    QList<std::pair<EpochMs, int>> moments;
    for (int n = 0; n < scale.tierRecords; ++n)
        moments.append({ randomTime(start, end), int(rng.below(customers.size())) });
    std::sort(moments.begin(), moments.end());
    for (const auto &[at, index] : moments) {
        const Customer &c = customers.at(index);
        State &s = states[c.id];
        QString type;
        const qint64 pick = rng.below(100);
        if (pick < 35 && s.tier < 3) {
            ++s.tier;
            type = QStringLiteral("tier_upgraded");
        } else if (pick < 70 && s.points > 100) {
            s.points -= rng.range(50, s.points / 2 + 50);
            type = QStringLiteral("points_redeemed");
        } else if (pick < 92) {
            type = QStringLiteral("milestone_achieved");
        } else {
            type = QStringLiteral("annual_summary");
        }
        s.points += rng.range(20, 400);
        s.spend = money(s.spend + 200 + 3000 * rng.unit());
        if (!emit(QStringLiteral("customer_tier"), c.id, at, type,
                { { QStringLiteral("customer_id"), c.id }, { QStringLiteral("name"), c.name },
                    { QStringLiteral("tier"), tiers.at(s.tier) }, { QStringLiteral("points"), s.points },
                    { QStringLiteral("lifetime_spend"), s.spend },
                    { QStringLiteral("currency"), QStringLiteral("THB") }, { QStringLiteral("updated_at"), iso(at) } },
                trigger(QStringLiteral("loyalty-service"), type)))
            return false;
    }
    return true;
}

bool DemoWorld::accounts()
{
    // The account-health service's snapshot records (/api/account-snapshots): event_driven on its events (KPI upload,
    // health scores, profile or playbook changes), skipped while the account's last snapshot is less than 5 minutes
    // old; manual (a user opened the account) and rag_auto (a RAG question found none) bypass the cooldown.
    const QStringList companies = DemoVocabulary::companies();
    static const QStringList plans { QStringLiteral("starter"), QStringLiteral("growth"),
        QStringLiteral("enterprise") };
    static const QStringList accountEvents { QStringLiteral("kpi_data_uploaded"),
        QStringLiteral("health_scores_updated"), QStringLiteral("account_data_changed") };
    constexpr EpochMs Cooldown = 5 * Minute;
    qint64 recordId = 0;
    for (int a = 0; a < scale.accounts; ++a) {
        const QString id = QStringLiteral("ACC-%1").arg(a + 1, 5, 10, QLatin1Char('0'));
        const QString company = companies.at(a % companies.size())
            + (a >= companies.size() ? QStringLiteral(" %1").arg(a / companies.size() + 1) : QString());
        const QString plan = plans.at(rng.below(plans.size()));
        double health = 50 + 45 * rng.unit();
        EpochMs t = randomTime(start, start + 30 * Day);
        EpochMs lastSnapshot = -Cooldown;
        const int bursts = int(rng.range(1, 3));
        for (int burst = 0; burst < bursts && t < end; ++burst) {
            // A burst: a few events minutes apart (an upload, then the scores it changes), maybe a user's look.
            const int steps = int(rng.range(1, 3));
            for (int k = 0; k < steps && t < end; ++k) {
                const qint64 pick = rng.below(10);
                const QString type = pick < 7 ? QStringLiteral("event_driven")
                    : pick < 9                ? QStringLiteral("manual")
                                              : QStringLiteral("rag_auto");
                const QString triggerEvent = type == u"event_driven" ? accountEvents.at(rng.below(accountEvents.size()))
                    : type == u"manual" ? QStringLiteral("User clicked account in Health tab")
                                        : QStringLiteral("rag_query_missing_snapshot");
                health = std::clamp(health + 15 * (rng.unit() - 0.5), 5.0, 100.0);
                const bool skipped = type == u"event_driven" && t - lastSnapshot < Cooldown;
                if (!skipped) {
                    lastSnapshot = t;
                    const QString createdBy
                        = type == u"manual" ? QStringLiteral("admin.somchai") : QStringLiteral("system");
                    const QJsonObject record { { QStringLiteral("id"), ++recordId },
                        { QStringLiteral("account_id"), id }, { QStringLiteral("account_name"), company },
                        { QStringLiteral("snapshot_type"), type }, { QStringLiteral("trigger_event"), triggerEvent },
                        { QStringLiteral("health_score"), std::round(health * 10) / 10 },
                        { QStringLiteral("kpis"),
                            QJsonObject { { QStringLiteral("seats"), rng.range(1, 50) },
                                { QStringLiteral("monthly_revenue"), money(990 + 20000 * rng.unit()) },
                                { QStringLiteral("open_tickets"), rng.range(0, 6) },
                                { QStringLiteral("nps"), rng.range(-20, 80) } } },
                        { QStringLiteral("profile_metadata"), QJsonObject { { QStringLiteral("plan"), plan } } },
                        { QStringLiteral("created_by"), createdBy }, { QStringLiteral("created_at"), iso(t) } };
                    if (!emit(QStringLiteral("account"), id, t, type, record,
                            trigger(QStringLiteral("account-service"), triggerEvent, createdBy), createdBy))
                        return false;
                }
                t += rng.range(1, 8) * Minute; // the next event of the burst: some fall inside the cooldown
            }
            t += rng.range(1, 40) * Day / 4;
        }
    }
    return true;
}

} // namespace Demo
