// Timeline benchmark (issue 3), on a large SQLite store (make one with `snapscope-cli demo --scale large --db FILE`):
// open-to-first-rows, page fetch times, reaching the oldest row, peak RSS after scrolling 100,000 rows and the
// longest GUI-thread stall while paging (a 5 ms QTimer heartbeat), then QSqlTableModel on the same query for
// comparison. Prints its figures; asserts nothing. Run on the offscreen platform:
//   build/release/tests/bench/bench_timeline --db FILE [--rows 100000] [--jumps 200] [--skip-plain]

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlTableModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "bench/benchsupport.h"
#include "items/jsontreemodel.h"
#include "items/timelinemodel.h"
#include "mainwindow.h"
#include "snapshotinspector.h"
#include "store/connectionspec.h"
#include "store/snapshotstore.h"

using namespace BenchSupport;

namespace {

// The inspector on one snapshot of `megabytes` MB (a store's stock with that many bytes of items): how long the GUI
// thread is busy at most while it loads, verifies, parses and shows it, and when the text view is switched on.
int inspectLargePayload(int megabytes)
{
    QTemporaryDir dir;
    auto opened
        = openSharedSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("large.sqlite"))), { true });
    if (!opened) {
        std::fprintf(stderr, "bench_timeline: error: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::shared_ptr<SnapshotStore> store = *opened;
    (void)store->putTenant({ QStringLiteral("t"), QStringLiteral("T"), QStringLiteral("UTC"), QStringLiteral("THB") });
    QJsonArray stocks;
    qint64 bytes = 0;
    for (int i = 0; bytes < qint64(megabytes) * 1024 * 1024; ++i) {
        const QJsonObject item { { QStringLiteral("item_code"), QStringLiteral("P%1").arg(i, 6, 10, QLatin1Char('0')) },
            { QStringLiteral("name"), QStringLiteral("สินค้าทดสอบ %1 Test product").arg(i) },
            { QStringLiteral("quantity"), i % 500 }, { QStringLiteral("reserved"), i % 7 },
            { QStringLiteral("reorder_point"), 40 } };
        stocks.append(item);
        bytes += 130;
    }
    NewSnapshot s;
    s.tenant = QStringLiteral("t");
    s.kind = QStringLiteral("stock");
    s.entityId = QStringLiteral("STORE001");
    s.takenAt = 1735689600000;
    s.type = QStringLiteral("manual");
    s.payload = { { QStringLiteral("store_code"), QStringLiteral("STORE001") }, { QStringLiteral("stocks"), stocks } };
    auto put = store->put(s);
    if (!put) {
        std::fprintf(stderr, "bench_timeline: error: %s\n", qPrintable(put.error().message));
        return 1;
    }
    SnapshotInspector inspector;
    inspector.resize(500, 800);
    inspector.show();
    inspector.setStore(store);
    Heartbeat heartbeat;
    bool shown = false;
    QObject::connect(&inspector, &SnapshotInspector::snapshotShown, [&] { shown = true; });
    QElapsedTimer clock;
    clock.start();
    heartbeat.start();
    inspector.showSnapshot(put->id);
    waitUntil([&] { return shown; });
    inspector.repaint();
    const double shownMs = ms(clock.nsecsElapsed());
    const double treeStall = heartbeat.stop();
    out() << "payload " << put->rawSize / 1024 << " KB raw, " << put->storedSize / 1024
          << " KB stored: shown as a tree after " << shownMs << " ms; longest GUI stall " << treeStall << " ms\n";
    auto *text = inspector.findChild<QToolButton *>(QStringLiteral("textToggleButton"));
    heartbeat.start();
    clock.restart();
    text->click();
    auto *view = inspector.findChild<QWidget *>(QStringLiteral("textView"));
    waitUntil([&] { return view->isVisible(); });
    inspector.repaint();
    out() << "switching to the text view: " << ms(clock.nsecsElapsed()) << " ms; longest GUI stall " << heartbeat.stop()
          << " ms\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SnapScopeBench"));
    QStandardPaths::setTestModeEnabled(true); // no settings of a real user are read or written
    QCommandLineParser parser;
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Large SQLite store."), QStringLiteral("file"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows to scroll through."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption jumpsOption(
        QStringLiteral("jumps"), QStringLiteral("Random page fetches."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption largeOption(QStringLiteral("large-payload"),
        QStringLiteral("Only the inspector on a payload of this many MB."), QStringLiteral("mb"));
    const QCommandLineOption skipPlain(QStringLiteral("skip-plain"), QStringLiteral("Skip the QSqlTableModel run."));
    parser.addOptions({ dbOption, rowsOption, jumpsOption, skipPlain, largeOption });
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(largeOption))
        return inspectLargePayload(parser.value(largeOption).toInt());
    const QString db = parser.value(dbOption);
    if (db.isEmpty() || !QFileInfo::exists(db)) {
        std::fprintf(stderr, "bench_timeline: error: --db FILE (an existing large demo database) is required\n");
        return 1;
    }

    MainWindow window;
    window.resize(1500, 900);
    window.show();
    auto *table = window.findChild<QTableView *>(QStringLiteral("timelineTable"));
    auto *model = qobject_cast<TimelineModel *>(table->model());
    Heartbeat heartbeat;

    // 1. Open to first rows.
    QElapsedTimer clock;
    bool firstRows = false;
    qint64 firstRowsNs = 0;
    QObject::connect(model, &TimelineModel::firstPageShown, &window, [&] {
        if (!firstRows)
            firstRowsNs = clock.nsecsElapsed();
        firstRows = true;
    });
    heartbeat.start();
    clock.start();
    window.openStore(ConnectionSpec::sqlite(db), false);
    if (!waitUntil([&] { return firstRows; })) {
        std::fprintf(stderr, "bench_timeline: error: no first rows\n");
        return 1;
    }
    table->viewport()->repaint();
    const qint64 paintedNs = clock.nsecsElapsed();
    out() << "database: " << db << "\n";
    out() << "open to first rows:            " << ms(firstRowsNs) << " ms (painted at " << ms(paintedNs) << " ms)\n";

    // 2. The count arrives in the background; then the oldest row is reached from the newest.
    waitUntil([&] { return model->countState() == TimelineModel::CountState::Exact; });
    const qint64 countNs = clock.nsecsElapsed();
    out() << "exact count known after:       " << ms(countNs) << " ms (" << model->rowCount() << " rows)\n";
    QElapsedTimer oldest;
    oldest.start();
    table->scrollToBottom();
    table->viewport()->repaint();
    const int last = model->rowCount() - 1;
    waitUntil([&] {
        model->data(model->index(last, 0));
        return model->headerAt(last) != nullptr;
    });
    table->viewport()->repaint();
    out() << "oldest row reachable:          " << ms(oldest.nsecsElapsed()) << " ms after the count ("
          << ms(clock.nsecsElapsed()) << " ms after opening); oldest taken_at "
          << model->index(last, 0).data().toString() << "\n";
    const double openingStall = heartbeat.stop();
    out() << "longest GUI stall, opening:    " << openingStall << " ms\n";

    // 3. Page fetches at random places (each a page not loaded yet): the first also waits for the page ends.
    std::vector<double> fetches;
    QRandomGenerator random(42);
    const int jumps = parser.value(jumpsOption).toInt();
    heartbeat.start();
    double firstFar = 0;
    for (int i = 0; i <= jumps; ++i) {
        int row = 0;
        do
            row = int(random.bounded(model->rowCount()));
        while (model->headerAt(row));
        QElapsedTimer fetch;
        fetch.start();
        model->data(model->index(row, 0)); // what a view's paint does
        waitUntil([&] { return model->headerAt(row) != nullptr; });
        if (i == 0)
            firstFar = ms(fetch.nsecsElapsed());
        else
            fetches.push_back(ms(fetch.nsecsElapsed()));
    }
    const double jumpStall = heartbeat.stop();
    out() << "first far jump (page ends):    " << firstFar << " ms\n";
    out() << "page fetch, " << fetches.size() << " random pages: median " << percentile(fetches, 0.5) << " ms, p95 "
          << percentile(fetches, 0.95) << " ms, max " << percentile(fetches, 1.0) << " ms\n";
    out() << "longest GUI stall, jumps:      " << jumpStall << " ms\n";

    // 4. Scroll through rows from the top a screen at a time, as a user dragging down would, painting each screen.
    const int rows = parser.value(rowsOption).toInt();
    table->scrollToTop();
    QScrollBar *bar = table->verticalScrollBar();
    QElapsedTimer scroll;
    scroll.start();
    heartbeat.start();
    int screens = 0;
    std::vector<double> screenWaits;
    double longestScroll = 0, longestPaint = 0;
    while (table->rowAt(table->viewport()->height() - 1) < rows && bar->value() < bar->maximum()) {
        QElapsedTimer step;
        step.start();
        bar->setValue(bar->value() + bar->pageStep());
        longestScroll = std::max(longestScroll, ms(step.nsecsElapsed()));
        step.restart();
        table->viewport()->repaint();
        longestPaint = std::max(longestPaint, ms(step.nsecsElapsed()));
        const int top = table->rowAt(0);
        const int bottom = std::max(top, table->rowAt(table->viewport()->height() - 1));
        QElapsedTimer wait;
        wait.start();
        waitUntil([&] { return model->headerAt(top) && model->headerAt(bottom); });
        screenWaits.push_back(ms(wait.nsecsElapsed()));
        table->viewport()->repaint();
        // Each screen is one user event: what arrived meanwhile (the heartbeat too) runs before the next.
        QCoreApplication::processEvents();
        ++screens;
    }
    const double scrollStall = heartbeat.stop();
    out() << "scrolled " << table->rowAt(table->viewport()->height() - 1) + 1 << " rows in " << screens
          << " screens: " << ms(scroll.nsecsElapsed()) << " ms, wait per screen median " << percentile(screenWaits, 0.5)
          << " ms, p95 " << percentile(screenWaits, 0.95) << " ms\n";
    out() << "longest GUI stall, scrolling:  " << scrollStall << " ms (longest scroll step " << longestScroll
          << " ms, longest paint " << longestPaint << " ms)\n";
    out() << "pages held: " << model->loadedPageCount() << " (limit " << model->pageCacheLimit() << ")\n";
    out() << "RSS now " << statusKb("VmRSS:") / 1024 << " MB, peak " << statusKb("VmHWM:") / 1024 << " MB\n";
    out().flush();

    // 5. What a plain Qt program would do: QSqlTableModel on the same query, fetched until its last row is there.
    if (!parser.isSet(skipPlain)) {
        const qint64 rssBefore = statusKb("VmRSS:");
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
            plain.setDatabaseName(db);
            plain.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!plain.open()) {
                std::fprintf(stderr, "bench_timeline: error: %s\n", qPrintable(plain.lastError().text()));
                return 1;
            }
            QSqlTableModel plainModel(nullptr, plain);
            plainModel.setTable(QStringLiteral("snapshots"));
            plainModel.setFilter(QStringLiteral("tenant_id = '%1' AND deleted_at IS NULL").arg(model->query().tenant));
            plainModel.setSort(plainModel.fieldIndex(QStringLiteral("taken_at")), Qt::DescendingOrder);
            QElapsedTimer plainClock;
            plainClock.start();
            plainModel.select();
            const qint64 firstNs = plainClock.nsecsElapsed();
            while (plainModel.canFetchMore())
                plainModel.fetchMore(); // on the GUI thread, as QSqlTableModel must be
            const qint64 lastNs = plainClock.nsecsElapsed();
            plainModel.data(plainModel.index(plainModel.rowCount() - 1, 0));
            out() << "QSqlTableModel: first rows " << ms(firstNs) << " ms, last row reachable after " << ms(lastNs)
                  << " ms (" << plainModel.rowCount() << " rows; the GUI thread is blocked for all of it), RSS +"
                  << (statusKb("VmRSS:") - rssBefore) / 1024 << " MB\n";
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }
    return 0;
}
