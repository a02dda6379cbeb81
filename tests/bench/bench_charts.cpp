// Charts benchmark (issue 5), on the large demo: every chart query over two years on SQLite and on PostgreSQL, the
// same aggregations as one plain SQL statement over the fact tables in the sqlite3 shell, and the time to draw a
// 730-point inventory chart. Prints its figures; asserts nothing.
//   build/release/tests/bench/bench_charts --db /tmp/large.sqlite [--pg "host=… dbname=… user=…"]

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>
#include <QProcess>
#include <QRegularExpression>

#include <functional>

#include "bench/benchsupport.h"
#include "inventorychartview.h"
#include "ops/analyticsseries.h"
#include "store/snapshotstore.h"

using namespace BenchSupport;

namespace {

struct Case
{
    QString name;
    std::function<int(SnapshotStore &)> run; // returns the number of periods
    QString plainSql; // the aggregation over the facts, as one would write it by hand
};

QList<Case> cases(const QDate &from, const QDate &to)
{
    const QString range = QStringLiteral("tenant_id = 'acme-th' AND day BETWEEN '%1' AND '%2'")
                              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    const QString chatRange
        = QStringLiteral("tenant_id = 'acme-th' AND snapshot_type = 'session_ended' AND business_day "
                         "BETWEEN '%1' AND '%2'")
              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    const auto inventory = [from, to](Granularity g, const QString &store, const QString &product, int top) {
        return [=](SnapshotStore &s) {
            InventorySeriesQuery q { QStringLiteral("acme-th"), from, to, store, product, top, g };
            auto r = AnalyticsSeries::inventory(s, q);
            return r ? int(r->size()) : -1;
        };
    };
    const auto chat = [from, to](Granularity g, const QString &platform, std::optional<bool> handoff) {
        return [=](SnapshotStore &s) {
            ChatSeriesQuery q;
            q.tenant = QStringLiteral("acme-th");
            q.from = from;
            q.to = to;
            q.platform = platform;
            q.humanHandoff = handoff;
            q.granularity = g;
            auto r = AnalyticsSeries::chat(s, q);
            return r ? int(r->size()) : -1;
        };
    };
    // A week or month by hand: daily sums, then the first day's opening, the last day's closing and value, the flows
    // summed (the same aggregation the chart asks for, written the plain way with FIRST_VALUE).
    const auto rolledUp = [&](const QString &period, const QString &where) {
        return QStringLiteral(
            "WITH d AS (SELECT day, SUM(opening) o, SUM(closing) c, SUM(inbound) i, SUM(outbound) ob, SUM(adjustments) "
            "a, "
            "SUM(total_value) v FROM daily_inventory WHERE %2 GROUP BY day), "
            "p AS (SELECT %1 AS period, i, ob, a, FIRST_VALUE(o) OVER (PARTITION BY %1 ORDER BY day) fo, "
            "FIRST_VALUE(c) OVER (PARTITION BY %1 ORDER BY day DESC) lc, "
            "FIRST_VALUE(v) OVER (PARTITION BY %1 ORDER BY day DESC) lv FROM d) "
            "SELECT period, MAX(fo), MAX(lc), SUM(i), SUM(ob), SUM(a), MAX(lv) FROM p GROUP BY period")
            .arg(period, where);
    };
    const QString week = QStringLiteral("date(day, 'weekday 0', '-6 days')");
    const QString month = QStringLiteral("strftime('%Y-%m-01', day)");
    const QString sums
        = QStringLiteral("SUM(opening), SUM(closing), SUM(inbound), SUM(outbound), SUM(adjustments), SUM(total_value)");
    const QString chatSums = QStringLiteral(
        "COUNT(*), SUM(order_created), AVG(CASE WHEN order_created THEN order_value END), AVG(duration_s), "
        "AVG(satisfaction), SUM(platform = 'line'), SUM(platform = 'facebook'), SUM(platform = 'whatsapp')");
    return {
        { QStringLiteral("inventory, all products, by day"), inventory(Granularity::Day, {}, {}, 0),
            QStringLiteral("SELECT day, %1 FROM daily_inventory WHERE %2 GROUP BY day").arg(sums, range) },
        { QStringLiteral("inventory, all products, by month"), inventory(Granularity::Month, {}, {}, 0),
            QStringLiteral("SELECT strftime('%Y-%m', day), %1 FROM daily_inventory WHERE %2 GROUP BY 1")
                .arg(sums, range) },
        { QStringLiteral("inventory, one store, by day"),
            inventory(Granularity::Day, QStringLiteral("STORE002"), {}, 0),
            QStringLiteral("SELECT day, %1 FROM daily_inventory WHERE %2 AND store_code = 'STORE002' GROUP BY day")
                .arg(sums, range) },
        { QStringLiteral("inventory, one product, by week"),
            inventory(Granularity::Week, {}, QStringLiteral("P0042"), 0),
            rolledUp(week, range + QStringLiteral(" AND product_id = 'P0042'")) },
        { QStringLiteral("inventory, top 10 products, by day"), inventory(Granularity::Day, {}, {}, 10),
            QStringLiteral("SELECT day, %1 FROM daily_inventory WHERE %2 AND product_id IN (SELECT product_id FROM "
                           "daily_inventory WHERE tenant_id = 'acme-th' AND day = '%3' GROUP BY product_id ORDER BY "
                           "SUM(total_value) DESC LIMIT 10) GROUP BY day")
                .arg(sums, range, to.toString(Qt::ISODate)) },
        { QStringLiteral("chat, session_ended, by day"), chat(Granularity::Day, {}, std::nullopt),
            QStringLiteral("SELECT business_day, %1 FROM chat_outcomes WHERE %2 GROUP BY business_day")
                .arg(chatSums, chatRange) },
        { QStringLiteral("chat, session_ended, by week"), chat(Granularity::Week, {}, std::nullopt),
            QStringLiteral("SELECT strftime('%W', business_day), %1 FROM chat_outcomes WHERE %2 GROUP BY 1")
                .arg(chatSums, chatRange) },
        { QStringLiteral("chat, LINE with hand-off, by day"), chat(Granularity::Day, QStringLiteral("line"), true),
            QStringLiteral(
                "SELECT business_day, %1 FROM chat_outcomes WHERE %2 AND platform = 'line' AND human_handoff "
                "GROUP BY business_day")
                .arg(chatSums, chatRange) },
    };
}

double timeQuery(SnapshotStore &store, const Case &c, int *periods)
{
    std::vector<double> times;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        *periods = c.run(store);
        times.push_back(ms(timer.nsecsElapsed()));
    }
    return percentile(times, 0.5);
}

// The statement in the sqlite3 shell, timed by the shell itself (.timer), median of 5.
double timePlain(const QString &db, const QString &sql)
{
    std::vector<double> times;
    static const QRegularExpression real(QStringLiteral("Run Time: real ([0-9.]+)"));
    for (int run = 0; run < 5; ++run) {
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"), { db });
        shell.write(QStringLiteral(".output /dev/null\n.timer on\n%1;\n").arg(sql).toUtf8());
        shell.closeWriteChannel();
        shell.waitForFinished(120000);
        const auto match = real.match(QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError()));
        if (!match.hasMatch())
            return -1;
        times.push_back(match.captured(1).toDouble() * 1000.0);
    }
    return percentile(times, 0.5);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Large SQLite demo."), QStringLiteral("file"));
    const QCommandLineOption pgOption(
        QStringLiteral("pg"), QStringLiteral("Large PostgreSQL demo (libpq keywords)."), QStringLiteral("keywords"));
    parser.addOptions({ dbOption, pgOption });
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(dbOption)) {
        std::fprintf(stderr, "bench_charts: error: --db FILE (a large demo database) is required\n");
        return 1;
    }
    const QString db = parser.value(dbOption);
    auto sqlite = openSharedSnapshotStore(ConnectionSpec::sqlite(db), {});
    if (!sqlite) {
        std::fprintf(stderr, "bench_charts: error: %s\n", qPrintable(sqlite.error().message));
        return 1;
    }
    std::shared_ptr<SnapshotStore> postgres;
    if (parser.isSet(pgOption)) {
        auto spec = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        auto opened = spec ? openSharedSnapshotStore(*spec, {}) : Result<std::shared_ptr<SnapshotStore>>(spec.error());
        if (!opened) {
            std::fprintf(stderr, "bench_charts: error: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        postgres = *opened;
    }
    // Two years up to the last day of the demo's data.
    InventorySeriesQuery probe { QStringLiteral("acme-th"), QDate(2000, 1, 1), QDate(2100, 1, 1), {}, {}, 0,
        Granularity::Month };
    auto months = (*sqlite)->inventorySeries(probe);
    if (!months || months->isEmpty())
        return 1;
    QDate last = months->constLast().period.addMonths(1).addDays(-1);
    for (int back = 0; back < 31; ++back) {
        InventorySeriesQuery day { QStringLiteral("acme-th"), last, last, {}, {}, 0, Granularity::Day };
        if (auto found = (*sqlite)->inventorySeries(day); found && !found->isEmpty())
            break;
        last = last.addDays(-1);
    }
    const QDate first = last.addDays(-729);
    out() << "range " << first.toString(Qt::ISODate) << " .. " << last.toString(Qt::ISODate) << " (730 days)\n";
    out() << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QStringLiteral("query"), -40)
                 .arg(QStringLiteral("SQLite ms"), 10)
                 .arg(QStringLiteral("PostgreSQL ms"), 14)
                 .arg(QStringLiteral("plain SQL in sqlite3 ms"), 24);
    for (const Case &c : cases(first, last)) {
        int periods = 0, pgPeriods = 0;
        const double onSqlite = timeQuery(**sqlite, c, &periods);
        const double onPostgres = postgres ? timeQuery(*postgres, c, &pgPeriods) : -1;
        const double plain = timePlain(db, c.plainSql);
        out() << QStringLiteral("%1 %2 %3 %4   (%5 periods)\n")
                     .arg(c.name, -40)
                     .arg(onSqlite, 10, 'f', 1)
                     .arg(onPostgres, 14, 'f', 1)
                     .arg(plain, 24, 'f', 1)
                     .arg(periods);
        out().flush();
    }

    // A 730-point chart: from the series to a painted chart.
    InventoryChartView view;
    view.resize(1400, 800);
    view.show();
    view.setStore(*sqlite, QStringLiteral("acme-th"));
    bool loaded = false;
    QObject::connect(&view, &InventoryChartView::loaded, [&] { loaded = true; });
    std::vector<double> renders;
    for (int run = 0; run < 5; ++run) {
        loaded = false;
        view.setRange(first, last);
        waitUntil([&] { return loaded; });
        QElapsedTimer paint;
        paint.start();
        const QPixmap drawn = view.grab(); // every child painted, the chart included
        renders.push_back(ms(paint.nsecsElapsed()));
    }
    out() << "730-point inventory chart (" << view.pointCount() << " points): paint median " << percentile(renders, 0.5)
          << " ms, max " << percentile(renders, 1.0) << " ms\n";
    return 0;
}
