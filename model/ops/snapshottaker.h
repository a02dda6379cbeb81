#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

#include "domain/error.h"
#include "domain/snapshot.h"

class SnapshotStore;

// What to snapshot: a store's stock (one or all stores), an order or aggregate folded from its events, a day of
// inventory from the transactions, or an account.
struct TakeRequest
{
    QString tenant;
    QString kind;
    QString entityId; // order, aggregate, account
    QStringList storeCodes; // stock, daily_inventory: empty with allStores = every store
    bool allStores = false;
    QDate date; // daily_inventory: the business day
    QString type = QStringLiteral("manual"); // "event_driven" honours the account cooldown; manual bypasses it
    QString actor;
    QString source = QStringLiteral("console"); // trigger.source: console, cli, schedule
};

struct TakeOutcome
{
    QList<SnapshotHeader> taken;
    QStringList skipped; // one sentence each, e.g. a cooldown with the time that remains
};

// Takes manual and scheduled snapshots from the source tables (DESIGN §2, "Sources"). Audited as snapshot.take.
class SnapshotTaker
{
public:
    static constexpr qint64 AccountCooldownMs = 5 * 60 * 1000;
    // Return false to cancel; nothing is written then.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit SnapshotTaker(SnapshotStore &store);
    Result<TakeOutcome> take(const TakeRequest &request, const Progress &progress = {});
    // The kinds take() can build from a source.
    static QStringList supportedKinds();

private:
    Result<QList<NewSnapshot>> stock(const TakeRequest &request, EpochMs now, const Progress &progress);
    Result<QList<NewSnapshot>> folded(const TakeRequest &request, EpochMs now);
    Result<QList<NewSnapshot>> dailyInventory(const TakeRequest &request, EpochMs now);
    Result<QList<NewSnapshot>> account(const TakeRequest &request, EpochMs now, TakeOutcome &outcome);
    // Drops the snapshots whose payload is the newest stored version's, saying so in outcome.skipped.
    Result<QList<NewSnapshot>> withoutUnchanged(QList<NewSnapshot> snapshots, TakeOutcome &outcome);

    SnapshotStore &m_store;
};
