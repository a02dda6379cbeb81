// Row-level security's cost (issue 26), on the large demo in PostgreSQL: the timeline's first page and the chart
// queries read by the store's owner (whom the policies do not apply to) and by an admin login that is a member of the
// tenant (whom they do), the same queries on the same connection settings. Prints its figures; asserts nothing.
//   build/release/tests/bench/bench_access --pg "host=… dbname=… user=OWNER" --dba "host=… dbname=… user=postgres"
// The DBA's connection runs the roles script and makes the login snapscope_bench_admin, a member of acme-th while
// the benchmark runs.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

#include "bench/benchsupport.h"
#include "ops/analyticsseries.h"
#include "store/migrator.h"
#include "store/snapshotstore.h"

using namespace BenchSupport;

namespace {

const QString BenchTenant = QStringLiteral("acme-th");
const QString Login = QStringLiteral("snapscope_bench_admin");

struct Case
{
    QString name;
    std::function<int(SnapshotStore &)> run; // rows or periods read
};

QList<Case> cases(const QDate &from, const QDate &to)
{
    const auto page = [](const QString &kind, const QString &prefix) {
        return [=](SnapshotStore &s) {
            SnapshotQuery q;
            q.tenant = BenchTenant;
            q.kind = kind;
            q.entityPrefix = prefix;
            auto r = s.listHeaders(q, PageRequest {});
            return r ? int(r->headers.size()) : -1;
        };
    };
    const auto inventory = [=](Granularity g, int top) {
        return [=](SnapshotStore &s) {
            InventorySeriesQuery q { BenchTenant, from, to, {}, {}, top, g };
            auto r = AnalyticsSeries::inventory(s, q);
            return r ? int(r->size()) : -1;
        };
    };
    const auto chat = [=](Granularity g) {
        return [=](SnapshotStore &s) {
            ChatSeriesQuery q;
            q.tenant = BenchTenant;
            q.from = from;
            q.to = to;
            q.granularity = g;
            auto r = AnalyticsSeries::chat(s, q);
            return r ? int(r->size()) : -1;
        };
    };
    return {
        { QStringLiteral("timeline first page, every kind"), page({}, {}) },
        { QStringLiteral("timeline first page, chat"), page(QStringLiteral("chat"), {}) },
        { QStringLiteral("timeline first page, order, entity prefix"),
            page(QStringLiteral("order"), QStringLiteral("ORD-TH-0001")) },
        { QStringLiteral("inventory chart, all products, by day"), inventory(Granularity::Day, 0) },
        { QStringLiteral("inventory chart, all products, by month"), inventory(Granularity::Month, 0) },
        { QStringLiteral("inventory chart, top 10 products, by day"), inventory(Granularity::Day, 10) },
        { QStringLiteral("chat chart, by day"), chat(Granularity::Day) },
        { QStringLiteral("chat chart, by week"), chat(Granularity::Week) },
    };
}

QString prepare(const ConnectionSpec &owner, const ConnectionSpec &dba)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("dba"));
        db.setHostName(dba.host);
        db.setPort(dba.port);
        db.setDatabaseName(owner.database);
        db.setUserName(dba.user);
        if (!db.open())
            error = db.lastError().text();
        QStringList statements = Migrator::splitStatements(AccessStore::rolesScript());
        statements << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN "
                                     "CREATE ROLE %1 LOGIN; END IF; END $$")
                          .arg(Login);
        for (const QString &statement : std::as_const(statements)) {
            QSqlQuery query(db);
            if (error.isEmpty() && !query.exec(statement))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dba"));
    if (!error.isEmpty())
        return error;
    auto store = openSnapshotStore(owner, {});
    if (!store)
        return store.error().message;
    const Status granted = (*store)->access().grant(Login, Access::Role::Admin, BenchTenant, QStringLiteral("bench"));
    return granted ? QString() : granted.error().message;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("pg"), QStringLiteral("The store, as its owner."), QStringLiteral("conninfo") });
    parser.addOption(
        { QStringLiteral("dba"), QStringLiteral("A superuser, to make the roles."), QStringLiteral("conninfo") });
    parser.addOption(
        { QStringLiteral("runs"), QStringLiteral("Runs of each query (default 15)."), QStringLiteral("n") });
    parser.process(app);
    auto owner = ConnectionSpec::fromPgKeywords(parser.value(QStringLiteral("pg")));
    auto dba = ConnectionSpec::fromPgKeywords(parser.value(QStringLiteral("dba")), QStringLiteral("--dba"));
    if (!owner || !dba) {
        out() << "usage: bench_access --pg \"… user=OWNER\" --dba \"… user=postgres\"" << Qt::endl;
        return 2;
    }
    const int runs
        = parser.isSet(QStringLiteral("runs")) ? std::max(1, parser.value(QStringLiteral("runs")).toInt()) : 15;
    if (const QString failed = prepare(*owner, *dba); !failed.isEmpty()) {
        out() << "setup failed: " << failed << Qt::endl;
        return 1;
    }
    ConnectionSpec member = *owner;
    member.user = Login;
    auto withoutRls = openSnapshotStore(*owner, {});
    auto withRls = openSnapshotStore(member, {});
    if (!withoutRls || !withRls) {
        out() << "cannot open: " << (!withoutRls ? withoutRls.error().message : withRls.error().message) << Qt::endl;
        return 1;
    }
    SnapshotQuery all;
    all.tenant = BenchTenant;
    auto snapshots = (*withoutRls)->countHeaders(all);
    out() << "store: " << owner->displayName() << ", " << (snapshots ? *snapshots : -1) << " snapshots of "
          << BenchTenant << "; " << runs << " runs of each query, median (p90) in ms" << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("query"), -46)
                 .arg(QStringLiteral("owner (no RLS)"), 18)
                 .arg(QStringLiteral("member (RLS)"), 18)
                 .arg(QStringLiteral("cost"), 8)
          << Qt::endl;
    const QDate to(2026, 11, 30);
    for (const Case &c : cases(to.addYears(-2), to)) {
        std::vector<double> times[2];
        int rows[2] = { 0, 0 };
        // Alternating, after one warm-up each, so the cache and the machine's load treat both alike.
        for (int run = -1; run < runs; ++run) {
            for (int side = 0; side < 2; ++side) {
                SnapshotStore &store = side == 0 ? **withoutRls : **withRls;
                QElapsedTimer timer;
                timer.start();
                rows[side] = c.run(store);
                const double elapsed = ms(timer.nsecsElapsed());
                if (run >= 0)
                    times[side].push_back(elapsed);
            }
        }
        const double without = percentile(times[0], 0.5);
        const double with = percentile(times[1], 0.5);
        out() << QStringLiteral("%1 %2 %3 %4%")
                     .arg(c.name, -46)
                     .arg(QStringLiteral("%1 (%2)").arg(without, 0, 'f', 1).arg(percentile(times[0], 0.9), 0, 'f', 1),
                         18)
                     .arg(QStringLiteral("%1 (%2)").arg(with, 0, 'f', 1).arg(percentile(times[1], 0.9), 0, 'f', 1), 18)
                     .arg((with - without) / without * 100.0, 7, 'f', 1)
              << (rows[0] == rows[1] ? QString() : QStringLiteral("  ROWS DIFFER: %1 vs %2").arg(rows[0]).arg(rows[1]))
              << Qt::endl;
    }
    // The login's membership and role go again (the login itself stays, for the next run).
    const Status revoked = (*withoutRls)->access().revoke(Login, BenchTenant, QStringLiteral("bench"));
    if (!revoked)
        out() << "could not take the bench login's access away: " << revoked.error().message << Qt::endl;
    return 0;
}
