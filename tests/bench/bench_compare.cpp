// Compare benchmark (issue 4): the structural diff of two 10,000-item stock snapshots (about 1 MB each; 100
// quantities changed, 50 items removed and 50 inserted at scattered positions) with and without the kind's identity
// keys, `snapscope-cli json diff` on the same two files as a whole process, the diff of two typical 2 KB orders, and
// the compare view's time to first paint for two 1 MB snapshots. Prints its figures; asserts nothing.
//   build/release/tests/bench/bench_compare

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "bench/benchsupport.h"
#include "compareview.h"
#include "domain/kindregistry.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"
#include "json/jsondiff.h"
#include "json/jsonpatch.h"

using namespace BenchSupport;

namespace {

QJsonObject stockItem(int i, QRandomGenerator &r)
{
    return { { QStringLiteral("item_code"), QStringLiteral("P%1").arg(i, 6, 10, QLatin1Char('0')) },
        { QStringLiteral("name"), QStringLiteral("สินค้า %1 product").arg(i) },
        { QStringLiteral("category"), QStringLiteral("grocery") }, { QStringLiteral("quantity"), int(r.bounded(500)) },
        { QStringLiteral("reserved"), int(r.bounded(10)) }, { QStringLiteral("reorder_point"), 40 },
        { QStringLiteral("unit_cost"), 12.5 } };
}

// Two stock payloads: `to` has 100 quantities changed, 50 items removed and 50 inserted, all at scattered places.
std::pair<QJsonObject, QJsonObject> stockPair()
{
    QRandomGenerator r(7);
    QJsonArray items;
    for (int i = 0; i < 10000; ++i)
        items.append(stockItem(i, r));
    QJsonArray changed = items;
    for (int k = 0; k < 100; ++k) {
        const int at = int(r.bounded(int(changed.size())));
        QJsonObject item = changed.at(at).toObject();
        item.insert(QStringLiteral("quantity"), item.value(u"quantity").toInt() + 1000 + k);
        changed.replace(at, item);
    }
    for (int k = 0; k < 50; ++k)
        changed.removeAt(r.bounded(int(changed.size())));
    for (int k = 0; k < 50; ++k)
        changed.insert(r.bounded(int(changed.size())), stockItem(20000 + k, r));
    const auto wrap = [](const QJsonArray &stocks) {
        return QJsonObject { { QStringLiteral("store_code"), QStringLiteral("STORE001") },
            { QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00Z") },
            { QStringLiteral("stocks"), stocks } };
    };
    return { wrap(items), wrap(changed) };
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const auto [from, to] = stockPair();
    const qint64 bytes = QJsonDocument(from).toJson(QJsonDocument::Compact).size();

    // 1. The 10,000-item diff, with the kind's keys (item_code) and without (content matching, as json diff does).
    JsonDiff::Options keyed;
    keyed.identities = KindRegistry::find(QStringLiteral("stock"))->identitiesFor(from);
    for (const bool withKeys : { true, false }) {
        std::vector<double> times;
        QJsonArray patch;
        for (int run = 0; run < 15; ++run) {
            QElapsedTimer timer;
            timer.start();
            patch = JsonDiff::diff(from, to, withKeys ? keyed : JsonDiff::Options {});
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const auto applied = JsonPatch::apply(from, patch);
        const bool roundTrips = applied && *applied == QJsonValue(to);
        const JsonPatch::Summary s = JsonPatch::summarize(patch);
        out() << "stock diff, 10,000 items (" << bytes / 1024 << " KB), "
              << (withKeys ? "identity keys" : "no keys    ") << ": median " << percentile(times, 0.5) << " ms, "
              << patch.size() << " operations (" << s.changed << " changed, " << s.added << " added, " << s.removed
              << " removed), round trip " << (roundTrips ? "ok" : "FAILED") << "\n";
    }

    // 2. snapscope-cli json diff on the two files, as a whole process.
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("SNAPSCOPE_BENCH_KEEP")); // keep the files to time the CLI by hand
    const QString a = dir.filePath(QStringLiteral("a.json")), b = dir.filePath(QStringLiteral("b.json"));
    for (const auto &[path, doc] : { std::pair { a, from }, std::pair { b, to } }) {
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(doc).toJson());
    }
    // posix_spawn rather than QProcess: this benchmark holds hundreds of MB of JSON, and copying its page tables
    // for a fork would be timed as the CLI's.
    std::vector<double> processes;
    int operations = 0;
    const QString patchPath = dir.filePath(QStringLiteral("patch.json"));
    for (int run = 0; run < 11; ++run) {
        const QByteArray cliPath = SNAPSCOPE_CLI_PATH, aPath = a.toLocal8Bit(), bPath = b.toLocal8Bit(),
                         outPath = patchPath.toLocal8Bit();
        char json[] = "json", diffWord[] = "diff";
        char *args[] = { const_cast<char *>(cliPath.constData()), json, diffWord, const_cast<char *>(aPath.constData()),
            const_cast<char *>(bPath.constData()), nullptr };
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QElapsedTimer timer;
        timer.start();
        pid_t pid = 0;
        if (posix_spawn(&pid, cliPath.constData(), &actions, nullptr, args, environ) != 0)
            return 1;
        int status = 0;
        waitpid(pid, &status, 0);
        processes.push_back(double(timer.nsecsElapsed()) / 1e6);
        posix_spawn_file_actions_destroy(&actions);
        QFile patchFile(patchPath);
        patchFile.open(QIODevice::ReadOnly);
        operations = int(QJsonDocument::fromJson(patchFile.readAll()).array().size());
    }
    out() << "snapscope-cli json diff on the two files (whole process): median " << percentile(processes, 0.5)
          << " ms, " << operations << " operations\n";

    // 3. Two typical 2 KB order versions from the demo.
    const auto samples = DemoGenerator::samplePayloads(42, 200).value(QStringLiteral("order"));
    JsonDiff::Options orderKeys;
    orderKeys.identities = KindRegistry::find(QStringLiteral("order"))->identitiesFor({});
    std::vector<double> orderTimes;
    qint64 orderBytes = 0;
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const QJsonObject x = QJsonDocument::fromJson(samples.at(i - 1)).object();
        const QJsonObject y = QJsonDocument::fromJson(samples.at(i)).object();
        orderBytes += samples.at(i).size();
        QElapsedTimer timer;
        timer.start();
        for (int k = 0; k < 100; ++k)
            (void)JsonDiff::diff(x, y, orderKeys);
        orderTimes.push_back(double(timer.nsecsElapsed()) / 1e3 / 100);
    }
    out() << "order diff (" << samples.size() - 1 << " pairs, mean "
          << orderBytes / std::max<qsizetype>(1, samples.size() - 1) << " bytes): median "
          << percentile(orderTimes, 0.5) << " us\n";

    // 4. The compare view on two 1 MB snapshots: from the request to the first paint.
    auto opened = openSharedSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("c.sqlite"))), { true });
    if (!opened) {
        std::fprintf(stderr, "bench_compare: error: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::shared_ptr<SnapshotStore> store = *opened;
    (void)store->putTenant({ QStringLiteral("t"), QStringLiteral("T"), QStringLiteral("UTC"), QStringLiteral("THB") });
    QStringList ids;
    for (const QJsonObject &payload : { from, to }) {
        NewSnapshot s;
        s.tenant = QStringLiteral("t");
        s.kind = QStringLiteral("stock");
        s.entityId = QStringLiteral("STORE001");
        s.takenAt = 1735689600000 + ids.size() * 3600000;
        s.type = QStringLiteral("manual");
        s.payload = payload;
        auto put = store->put(s);
        if (!put)
            return 1;
        ids << put->id;
    }
    CompareView view;
    view.resize(1400, 900);
    view.show();
    view.setStore(store);
    bool done = false, sides = false;
    QObject::connect(&view, &CompareView::compared, [&] { done = true; });
    QObject::connect(&view, &CompareView::sidesShown, [&] { sides = true; });
    Heartbeat heartbeat;
    QElapsedTimer clock;
    heartbeat.start();
    clock.start();
    view.compare(ids.at(0), ids.at(1));
    waitUntil([&] { return done; });
    view.repaint();
    const double firstPaint = double(clock.nsecsElapsed()) / 1e6;
    waitUntil([&] { return sides; });
    view.repaint();
    const double sidesPaint = double(clock.nsecsElapsed()) / 1e6;
    const double stall = heartbeat.stop();
    out() << "compare view, two " << bytes / 1024 << " KB snapshots: first paint (summary and change list) after "
          << firstPaint << " ms, both sides painted after " << sidesPaint << " ms; longest GUI stall " << stall
          << " ms; " << view.comparison()->changes.size() << " changes\n";
    return 0;
}
