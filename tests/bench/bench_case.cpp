// Dispute case view speed: a case of 50 order snapshots (one per event), 20 chat snapshots and 100 stock
// movements, added to a demo database. Times opening the case until its panels are painted, and moving the time
// cursor (the order rebuilt from its events, every panel redrawn and painted).
//
//   bench_case [--db DEMO.sqlite] [--runs N] [--moves N]
// Without --db a demo database is generated in a temporary directory. A given one is copied first.

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "benchsupport.h"
#include "caseview.h"
#include "items/casetimelinemodel.h"
#include "ops/demogenerator.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"
#include "json/jsondiff.h"

using namespace BenchSupport;

namespace {

const QString TenantId = QStringLiteral("acme-th");
const QString OrderId = QStringLiteral("ORD-BENCH-000001");
const QString Session = QStringLiteral("LN-BENCH-0001");

// The order: 50 events (created, items changed, statuses), a snapshot after each; a chat session with 20
// snapshots naming it; 100 stock movements and a payment that reference it.
bool putCase(SnapshotStore &store, EpochMs start)
{
    constexpr qint64 Step = 10 * 60 * 1000;
    QJsonObject state;
    QList<EventRecord> events;
    QList<NewSnapshot> snapshots;
    QRandomGenerator rng(7);
    static const char *statuses[] = { "created", "confirmed", "modified", "packing", "shipped", "delivered" };
    for (int seq = 1; seq <= 50; ++seq) {
        QJsonObject next = state;
        next.remove(QStringLiteral("updated_at"));
        QJsonObject bare = next;
        if (seq == 1) {
            next = { { QStringLiteral("order_id"), OrderId },
                { QStringLiteral("customer"),
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("CUST09999") },
                        { QStringLiteral("name"), QStringLiteral("สมชาย ใจดี") },
                        { QStringLiteral("phone"), QStringLiteral("0891234567") },
                        { QStringLiteral("email"), QStringLiteral("cust09999@mail.example") } } },
                { QStringLiteral("status"), QStringLiteral("created") }, { QStringLiteral("items"), QJsonArray() },
                { QStringLiteral("pricing"),
                    QJsonObject {
                        { QStringLiteral("total"), 0.0 }, { QStringLiteral("currency"), QStringLiteral("THB") } } },
                { QStringLiteral("delivery"),
                    QJsonObject { { QStringLiteral("address"),
                        QJsonObject { { QStringLiteral("line1"), QStringLiteral("99/1 ซอยสุขุมวิท 11") },
                            { QStringLiteral("province"), QStringLiteral("กรุงเทพมหานคร") } } } } } };
        } else {
            QJsonArray items = next.value(u"items").toArray();
            if (items.size() < 12 || rng.bounded(3) == 0)
                items.append(QJsonObject {
                    { QStringLiteral("product_id"), QStringLiteral("P%1").arg(seq, 4, 10, QLatin1Char('0')) },
                    { QStringLiteral("quantity"), int(rng.bounded(1, 6)) }, { QStringLiteral("unit_price"), 49.5 } });
            else
                items.removeAt(int(rng.bounded(int(items.size()))));
            double total = 0;
            for (const QJsonValue &item : std::as_const(items))
                total
                    += item.toObject().value(u"quantity").toDouble() * item.toObject().value(u"unit_price").toDouble();
            next.insert(QStringLiteral("items"), items);
            QJsonObject pricing = next.value(u"pricing").toObject();
            pricing.insert(QStringLiteral("total"), total);
            next.insert(QStringLiteral("pricing"), pricing);
            next.insert(QStringLiteral("status"), QLatin1String(statuses[std::min(5, seq / 9)]));
        }
        const EventRecord event { TenantId, OrderId, seq, QStringLiteral("OrderChanged"), start + seq * Step,
            QJsonObject { { QStringLiteral("patch"), JsonDiff::diff(bare, next) } } };
        events.append(event);
        auto folded = StateReconstructor::fold(QStringLiteral("order"), state, { event });
        if (!folded)
            return false;
        state = *folded;
        NewSnapshot s;
        s.tenant = TenantId;
        s.kind = QStringLiteral("order");
        s.entityId = OrderId;
        s.takenAt = event.occurredAt;
        s.type = seq == 1 ? QStringLiteral("created") : QStringLiteral("modified");
        s.eventSeq = seq;
        s.payload = state;
        s.createdBy = QStringLiteral("system");
        snapshots.append(s);
    }
    if (!store.sources().appendEvents(events))
        return false;
    QJsonArray messages;
    for (int i = 0; i < 20; ++i) {
        messages.append(QJsonObject { { QStringLiteral("timestamp"), IsoTime::toUtcSeconds(start + i * Step) },
            { QStringLiteral("sender"), i % 2 ? QStringLiteral("ai") : QStringLiteral("customer") },
            { QStringLiteral("text"), QStringLiteral("ข้อความที่ %1 / message %1").arg(i) },
            { QStringLiteral("intent"), QStringLiteral("product_inquiry") }, { QStringLiteral("confidence"), 0.9 } });
        NewSnapshot s;
        s.tenant = TenantId;
        s.kind = QStringLiteral("chat");
        s.entityId = Session;
        s.takenAt = start + i * Step + 1000;
        s.type = i == 19 ? QStringLiteral("session_ended") : QStringLiteral("ai_learning");
        s.createdBy = QStringLiteral("system");
        s.payload = { { QStringLiteral("session_id"), Session }, { QStringLiteral("platform"), QStringLiteral("line") },
            { QStringLiteral("status"), i == 19 ? QStringLiteral("ended") : QStringLiteral("active") },
            { QStringLiteral("total_messages"), i + 1 }, { QStringLiteral("key_messages"), messages },
            { QStringLiteral("intent_progression"),
                QJsonArray { QStringLiteral("greeting"), QStringLiteral("product_inquiry") } },
            { QStringLiteral("ai"),
                QJsonObject { { QStringLiteral("avg_confidence"), 0.9 }, { QStringLiteral("human_handoff"), false } } },
            { QStringLiteral("outcome"),
                QJsonObject { { QStringLiteral("order_created"), true }, { QStringLiteral("order_id"), OrderId } } } };
        snapshots.append(s);
    }
    for (int i = 0; i < 100; ++i) {
        NewSnapshot s;
        s.tenant = TenantId;
        s.kind = QStringLiteral("inventory_tx");
        s.entityId = QStringLiteral("P%1").arg(i % 40, 4, 10, QLatin1Char('0'));
        s.takenAt = start + (i / 2) * Step + 30000;
        s.type = QStringLiteral("deducted");
        s.createdBy = QStringLiteral("system");
        s.payload = { { QStringLiteral("transaction_id"), QStringLiteral("TX-BENCH-%1").arg(i) },
            { QStringLiteral("product_id"), s.entityId }, { QStringLiteral("quantity"), -1 - i % 3 },
            { QStringLiteral("reason"), QStringLiteral("order_fulfilment") },
            { QStringLiteral("reference_id"), OrderId } };
        snapshots.append(s);
    }
    NewSnapshot payment;
    payment.tenant = TenantId;
    payment.kind = QStringLiteral("financial");
    payment.entityId = QStringLiteral("FIN-BENCH-1");
    payment.takenAt = start + 2 * Step;
    payment.type = QStringLiteral("payment_confirmed");
    payment.createdBy = QStringLiteral("system");
    payment.payload = { { QStringLiteral("amount"), 500.0 }, { QStringLiteral("currency"), QStringLiteral("THB") },
        { QStringLiteral("order_id"), OrderId } };
    snapshots.append(payment);
    return bool(store.putBatch(snapshots));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("demo SQLite database (copied)"), QStringLiteral("file"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("case opens"), QStringLiteral("n"), QStringLiteral("15"));
    const QCommandLineOption movesOption(
        QStringLiteral("moves"), QStringLiteral("cursor moves"), QStringLiteral("n"), QStringLiteral("200"));
    parser.addOptions({ dbOption, runsOption, movesOption });
    parser.process(app);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.sqlite"));
    if (parser.isSet(dbOption)) {
        if (!QFile::copy(parser.value(dbOption), path)) {
            out() << "cannot copy " << parser.value(dbOption) << Qt::endl;
            return 1;
        }
    }
    auto opened = openSharedSnapshotStore(ConnectionSpec::sqlite(path), { true });
    if (!opened) {
        out() << opened.error().message << Qt::endl;
        return 1;
    }
    std::shared_ptr<SnapshotStore> store = *opened;
    if (!parser.isSet(dbOption)) {
        DemoOptions options;
        options.trainDictionaries = true;
        if (!DemoGenerator(*store, options).run()) {
            out() << "demo failed" << Qt::endl;
            return 1;
        }
    }
    if (!putCase(*store, 1'790'000'000'000)) { // 2026-09-21
        out() << "could not write the case" << Qt::endl;
        return 1;
    }
    out() << "case " << OrderId << ": 50 order snapshots (50 events), 20 chat, 100 stock movements, 1 payment"
          << Qt::endl;

    // Open: a new view each run, from openCase() until the cursor's first moment is painted.
    std::vector<double> opens;
    for (int run = 0; run < parser.value(runsOption).toInt(); ++run) {
        CaseView view;
        view.resize(1200, 850);
        view.show();
        view.setStore(store, { TenantId, {}, {}, QStringLiteral("THB") });
        QCoreApplication::processEvents();
        QSignalSpy shown(&view, &CaseView::momentShown);
        QElapsedTimer timer;
        timer.start();
        view.openCase(OrderId);
        if (!waitUntil([&] { return !shown.isEmpty(); }, 30000) || !shown.first().first().toBool()) {
            out() << "the case did not open" << Qt::endl;
            return 1;
        }
        view.repaint(); // the first paint of what it shows
        opens.push_back(ms(timer.nsecsElapsed()));
        if (run == 0 && view.timelineModel()->rowCount() != 171) {
            out() << "expected 171 rows, got " << view.timelineModel()->rowCount() << Qt::endl;
            return 1;
        }
    }
    out() << QStringLiteral("open to first paint: first %1 ms, median %2 ms, p95 %3 ms, max %4 ms (%5 runs)")
                 .arg(opens.front(), 0, 'f', 1)
                 .arg(percentile(opens, 0.5), 0, 'f', 1)
                 .arg(percentile(opens, 0.95), 0, 'f', 1)
                 .arg(*std::max_element(opens.begin(), opens.end()), 0, 'f', 1)
                 .arg(opens.size())
          << Qt::endl;

    // Cursor moves to random rows of the merged timeline, each until painted.
    CaseView view;
    view.resize(1200, 850);
    view.show();
    view.setStore(store, { TenantId, {}, {}, QStringLiteral("THB") });
    QSignalSpy shown(&view, &CaseView::momentShown);
    view.openCase(OrderId);
    waitUntil([&] { return !shown.isEmpty(); }, 30000);
    std::vector<double> moves, rebuild;
    QRandomGenerator rng(3);
    const auto &entries = view.timelineModel()->entries();
    for (int i = 0; i < parser.value(movesOption).toInt(); ++i) {
        const EpochMs at = entries.at(int(rng.bounded(int(entries.size())))).header.takenAt;
        shown.clear();
        QElapsedTimer timer;
        timer.start();
        view.setCursor(at);
        if (!waitUntil([&] { return !shown.isEmpty(); }, 30000) || !shown.first().first().toBool()) {
            out() << "a cursor move failed" << Qt::endl;
            return 1;
        }
        view.repaint();
        moves.push_back(ms(timer.nsecsElapsed()));
        rebuild.push_back(view.moment()->elapsedMs);
    }
    out() << QStringLiteral("cursor move to painted: median %1 ms, p95 %2 ms, max %3 ms (%4 moves); the case at the "
                            "moment alone (order rebuilt + chats): median %5 ms, max %6 ms")
                 .arg(percentile(moves, 0.5), 0, 'f', 1)
                 .arg(percentile(moves, 0.95), 0, 'f', 1)
                 .arg(*std::max_element(moves.begin(), moves.end()), 0, 'f', 1)
                 .arg(moves.size())
                 .arg(percentile(rebuild, 0.5), 0, 'f', 2)
                 .arg(*std::max_element(rebuild.begin(), rebuild.end()), 0, 'f', 2)
          << Qt::endl;
    return 0;
}
