// Thousands of seeded random user actions on the demo store: clicks on rows, keys, tab switches, filter edits,
// compare, reveal, chart ranges, store switches. After each one the event loop must answer within a second; now and
// then the console is left to settle and what it shows must agree with its models. The seed comes first in the
// output; a failure (or a crash, or a hang caught by the watchdog) prints the seed, the action's index and the last
// actions, so that SNAPSCOPE_RANDOM_SEED=<seed> replays the same sequence (SNAPSCOPE_RANDOM_VERBOSE=1 prints every
// action as it is done; SNAPSCOPE_RANDOM_PING_MS and SNAPSCOPE_RANDOM_WATCHDOG_S loosen the 1 s ping and the 120 s
// watchdog for slow builds).
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>

#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#include "../common/guidriver.h"
#include "../common/testsupport.h"
#include "caseview.h"
#include "chatchartview.h"
#include "connectiondialog.h"
#include "inventorychartview.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

using GuiDriver::Console;
using GuiDriver::ModalCloser;

namespace {

// What a crash, a sanitizer report or the watchdog prints: written with write(2) only, from any thread.
class FlightRecorder
{
public:
    static constexpr int Lines = 40;
    static constexpr int Width = 200;

    void setSeed(quint64 seed) { m_seed = seed; }
    void record(int index, const QByteArray &line)
    {
        char *slot = m_lines[index % Lines];
        std::snprintf(slot, Width, "#%d %s", index, line.constData());
        m_index.store(index);
        m_heartbeat.store(now());
    }
    void beat() { m_heartbeat.store(now()); }
    qint64 silentForMs() const { return now() - m_heartbeat.load(); }

    void dump(const char *why) const
    {
        if (m_dumped.exchange(true))
            return;
        char head[256];
        const int index = m_index.load();
        const int n = std::snprintf(head, sizeof head,
            "\n*** random actions: %s at action #%d; replay with SNAPSCOPE_RANDOM_SEED=%llu "
            "SNAPSCOPE_RANDOM_ACTIONS=%d\n*** the last actions:\n",
            why, index, static_cast<unsigned long long>(m_seed), index + 1);
        write(head, n);
        for (int i = std::max(0, index - Lines + 1); i <= index; ++i) {
            write(m_lines[i % Lines], int(strnlen(m_lines[i % Lines], Width)));
            write("\n", 1);
        }
    }

private:
    static qint64 now()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    static void write(const char *text, int n)
    {
        while (n > 0) {
            const ssize_t done = ::write(STDERR_FILENO, text, size_t(n));
            if (done <= 0)
                return;
            text += done;
            n -= int(done);
        }
    }

    quint64 m_seed = 0;
    std::atomic<int> m_index { -1 };
    std::atomic<qint64> m_heartbeat { now() };
    mutable std::atomic<bool> m_dumped { false };
    char m_lines[Lines][Width] = {};
};

FlightRecorder recorder;

constexpr int FatalSignals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
struct sigaction previousHandlers[std::size(FatalSignals)];

extern "C" void onFatalSignal(int signal)
{
    recorder.dump(signal == SIGABRT ? "abort" : "crash");
    // Then whoever handled it before (Qt Test prints a stack trace).
    for (size_t i = 0; i < std::size(FatalSignals); ++i) {
        if (FatalSignals[i] == signal)
            sigaction(signal, &previousHandlers[i], nullptr);
    }
    raise(signal);
}

void installCrashReport()
{
    for (size_t i = 0; i < std::size(FatalSignals); ++i) {
        struct sigaction action = {};
        action.sa_handler = onFatalSignal;
        sigemptyset(&action.sa_mask);
        sigaction(FatalSignals[i], &action, &previousHandlers[i]);
    }
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback([] { recorder.dump("sanitizer report"); });
#endif
}

// Aborts, with the recorder's report, when the GUI thread makes no progress at all (a dead-locked or endless slot
// never lets the one-second ping be checked).
class Watchdog
{
public:
    explicit Watchdog(qint64 limitMs)
        : m_thread([this, limitMs] {
            while (!m_stop.load()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                if (recorder.silentForMs() > limitMs) {
                    recorder.dump("hang (the GUI thread stopped making progress)");
                    std::abort();
                }
            }
        })
    { }
    ~Watchdog()
    {
        m_stop.store(true);
        m_thread.join();
    }

private:
    std::atomic<bool> m_stop { false };
    std::thread m_thread;
};

// The random source: every action draws the same number of values whatever the console shows, so a seed always
// gives the same sequence of choices.
class Dice
{
public:
    explicit Dice(quint64 seed)
        : m_engine(seed)
    { }
    quint32 next() { return quint32(m_engine()); }
    // One of n choices (0 when there is none) from a drawn value.
    static int below(quint32 draw, int n) { return n <= 0 ? 0 : int(draw % quint32(n)); }

private:
    std::mt19937_64 m_engine;
};

const QStringList FilterTexts { QStringLiteral("ORD-"), QStringLiteral("ORD-TH-0001"), QStringLiteral("o"),
    QStringLiteral("ST"), QStringLiteral("CH"), QStringLiteral("-"), QStringLiteral("zz"), QStringLiteral("ACC"),
    QStringLiteral("ORD-TH-000120") };
const QStringList CaseTexts { QStringLiteral("ORD-TH-000120"), QStringLiteral("ORD-TH-0001"), QStringLiteral("08"),
    QStringLiteral("nothing-like-this") };

} // namespace

class TestRandomActions : public QObject
{
    Q_OBJECT
public:
    // What a user does; each action draws four values whether it uses them or not.
    enum class Action {
        ClickRow,
        TimelineKey,
        VersionStep,
        CompareWithPrevious,
        CompareSelected,
        SwitchTab,
        EditEntityFilter,
        ToggleType,
        FilterPreset,
        ClearFilters,
        ActivateKind,
        ActivateEntity,
        Escape,
        DoubleClickRow,
        EntityTimeline,
        TextMode,
        Reveal,
        InventoryRange,
        ChatRange,
        CompareNavigation,
        Resize,
        Refresh,
        CaseSearch,
        ToggleRole,
        SwitchStore,
        Idle,
        Settle,
    };
    Q_ENUM(Action)

private Q_SLOTS:
    void initTestCase();
    void randomActions();

private:
    struct Weighted
    {
        Action action;
        int weight;
    };
    // What the action did, for the log; empty when it found nothing to act on.
    QString perform(Action action, const quint32 (&p)[4]);
    // Waits for a quiet console and checks that what it shows agrees with its models; the problem, or empty.
    QString settle();
    QString report(int index, const QString &problem) const;

    QComboBox *comboIn(QWidget *parent, const char *name) const
    {
        return parent->findChild<QComboBox *>(QString::fromLatin1(name));
    }
    void keyOn(QWidget *widget, Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        widget->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(widget, key, modifiers);
    }

    QTemporaryDir m_dir;
    QString m_db, m_second;
    quint64 m_seed = 0;
    int m_actions = 5000;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<ModalCloser> m_closer;
    bool m_inspectorFollowsTimeline = true;
    bool m_opening = false; // a store is being opened: its first rows are not shown yet
    QStringList m_log;
    bool m_verbose = qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_VERBOSE") == 1; // every action as it is done
};

void TestRandomActions::initTestCase()
{
    GuiDriver::isolateSettings(QStringLiteral("SnapScopeRandomActionsTest"));
    bool ok = false;
    m_seed = qEnvironmentVariable("SNAPSCOPE_RANDOM_SEED").toULongLong(&ok);
    if (!ok)
        m_seed = quint64(QDateTime::currentMSecsSinceEpoch()) ^ (quint64(QCoreApplication::applicationPid()) << 32);
    if (const int actions = qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_ACTIONS", &ok); ok)
        m_actions = actions;
    std::printf(
        "SNAPSCOPE_RANDOM_SEED=%llu SNAPSCOPE_RANDOM_ACTIONS=%d\n", static_cast<unsigned long long>(m_seed), m_actions);
    std::fflush(stdout);
    recorder.setSeed(m_seed);

    m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    {
        auto store = openSnapshotStore(ConnectionSpec::sqlite(m_db), { true });
        QVERIFY(store.ok());
        QVERIFY(DemoGenerator(**store, {}).run().ok());
    }
    m_second = m_dir.filePath(QStringLiteral("second.sqlite"));
    TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
    QSqlQuery query(side.db());
    QVERIFY2(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(m_second)), qPrintable(query.lastError().text()));
}

QString TestRandomActions::report(int index, const QString &problem) const
{
    return QStringLiteral("%1\nat action #%2 of seed %3 (replay: SNAPSCOPE_RANDOM_SEED=%3 SNAPSCOPE_RANDOM_ACTIONS=%4)"
                          "\nthe last actions:\n%5")
        .arg(problem)
        .arg(index)
        .arg(m_seed)
        .arg(index + 1)
        .arg(m_log.mid(std::max<qsizetype>(0, m_log.size() - 30)).join(u'\n'));
}

void TestRandomActions::randomActions()
{
    installCrashReport();
    const Watchdog watchdog(qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_WATCHDOG_S") > 0
            ? qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_WATCHDOG_S") * 1000
            : 120000);
    m_console = std::make_unique<Console>();
    Console &c = *m_console;
    recorder.record(0, "open the demo store");
    QVERIFY(c.open(ConnectionSpec::sqlite(m_db), QSize(1400, 900)));
    QAbstractItemModelTester timelineTester(
        c.rows, QAbstractItemModelTester::FailureReportingMode::QtTest); // the model stays sound throughout
    timelineTester.setUseFetchMore(false);
    m_closer = std::make_unique<ModalCloser>(ModalCloser::Answer::Reject);
    connect(c.timeline->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { m_inspectorFollowsTimeline = true; });
    connect(&c.window, &MainWindow::dataShown, this, [this] { m_opening = false; });
    connect(c.window.findChild<CaseView *>(), &CaseView::snapshotSelected, this,
        [this] { m_inspectorFollowsTimeline = false; });

    const Weighted table[] = { { Action::ClickRow, 12 }, { Action::TimelineKey, 10 }, { Action::VersionStep, 6 },
        { Action::CompareWithPrevious, 6 }, { Action::CompareSelected, 3 }, { Action::SwitchTab, 8 },
        { Action::EditEntityFilter, 6 }, { Action::ToggleType, 3 }, { Action::FilterPreset, 3 },
        { Action::ClearFilters, 2 }, { Action::ActivateKind, 3 }, { Action::ActivateEntity, 2 }, { Action::Escape, 3 },
        { Action::DoubleClickRow, 2 }, { Action::EntityTimeline, 1 }, { Action::TextMode, 3 }, { Action::Reveal, 2 },
        { Action::InventoryRange, 3 }, { Action::ChatRange, 2 }, { Action::CompareNavigation, 3 },
        { Action::Resize, 2 }, { Action::Refresh, 1 }, { Action::CaseSearch, 1 }, { Action::ToggleRole, 1 },
        { Action::SwitchStore, 1 }, { Action::Idle, 5 }, { Action::Settle, 3 } };
    int total = 0;
    for (const Weighted &w : table)
        total += w.weight;

    // Within a second, as the issue asks; a slower build (sanitizers) may allow more.
    const int pingMs = qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_PING_MS") > 0
        ? qEnvironmentVariableIntValue("SNAPSCOPE_RANDOM_PING_MS")
        : 1000;
    Dice dice(m_seed);
    QElapsedTimer clock;
    clock.start();
    for (int index = 0; index < m_actions; ++index) {
        int roll = Dice::below(dice.next(), total);
        Action action = table[0].action;
        for (const Weighted &w : table) {
            if (roll < w.weight) {
                action = w.action;
                break;
            }
            roll -= w.weight;
        }
        const quint32 p[4] = { dice.next(), dice.next(), dice.next(), dice.next() };
        recorder.record(index, QByteArray("(started) ") + QMetaEnum::fromType<Action>().valueToKey(int(action)));
        const QString done = perform(action, p);
        m_log << QStringLiteral("#%1 %2").arg(index).arg(done);
        if (m_verbose)
            std::printf("%s\n", qPrintable(m_log.constLast()));
        recorder.record(index, done.toUtf8());
        c.activateAgain(); // after a dialog
        if (!c.eventLoopAnswers(pingMs))
            QFAIL(qPrintable(report(index, QStringLiteral("the event loop did not answer within %1 ms").arg(pingMs))));
        if (action == Action::Settle || index == m_actions - 1) {
            const QString problem = settle();
            recorder.beat();
            if (!problem.isEmpty())
                QFAIL(qPrintable(report(index, problem)));
        }
        if (QTest::currentTestFailed()) // the model tester found a fault
            QFAIL(qPrintable(report(index, QStringLiteral("the timeline model broke its contract"))));
    }
    QStringList dialogs = m_closer->answered();
    dialogs.removeDuplicates();
    std::printf("%d random actions in %.1f s; %lld dialogs answered: %s\n", m_actions, double(clock.elapsed()) / 1000.0,
        static_cast<long long>(m_closer->answered().size()), qPrintable(dialogs.join(QStringLiteral(" | ")).left(600)));
    m_closer.reset();
    m_console.reset();
}

QString TestRandomActions::settle()
{
    Console &c = *m_console;
    QElapsedTimer waited;
    waited.start();
    // Nothing hung: whatever was asked for finishes.
    const bool quiet = QTest::qWaitFor(
        [&] {
            recorder.beat();
            return !m_opening && c.isQuiet();
        },
        30000);
    if (!quiet)
        return QStringLiteral("still busy after 30 s: %1")
            .arg(m_opening ? QStringLiteral("the store being opened has shown nothing") : c.busy());
    if (const QString problem = c.mismatch(m_inspectorFollowsTimeline); !problem.isEmpty())
        return problem;
    // The rows are the query's rows.
    const SnapshotQuery &query = c.rows->query();
    for (int r = 0; r < c.rows->rowCount(); ++r) {
        const SnapshotHeader *h = c.rows->headerAt(r);
        if (!h)
            continue;
        if (!query.entityId.isEmpty() ? h->entityId != query.entityId
                                      : !h->entityId.startsWith(query.entityPrefix, Qt::CaseInsensitive))
            return QStringLiteral("row %1 is entity %2, the filter asks for %3")
                .arg(r)
                .arg(h->entityId, query.entityId.isEmpty() ? query.entityPrefix + QStringLiteral("…") : query.entityId);
        if (!query.kind.isEmpty() && h->kind != query.kind)
            return QStringLiteral("row %1 is of kind %2, the filter asks for %3").arg(r).arg(h->kind, query.kind);
        if (!query.types.isEmpty() && !query.types.contains(h->type))
            return QStringLiteral("row %1 is of type %2, the filter asks for %3")
                .arg(r)
                .arg(h->type, query.types.join(u','));
        if (c.rows->index(r, int(TimelineModel::Column::Entity)).data().toString() != h->entityId)
            return QStringLiteral("row %1 shows entity \"%2\" for %3")
                .arg(r)
                .arg(c.rows->index(r, int(TimelineModel::Column::Entity)).data().toString(), h->entityId);
    }
    if (const int menus = c.languageMenus(); menus != 1)
        return QStringLiteral("View has %1 Language submenus").arg(menus);
    return {};
}

QString TestRandomActions::perform(Action action, const quint32 (&p)[4])
{
    Console &c = *m_console;
    using pick = Dice;
    const int rowCount = c.rows->rowCount();
    auto *timelineTab = c.window.findChild<QWidget *>(QStringLiteral("timelineTab"));
    // A user who wants a row goes to the timeline first.
    const auto showTimeline = [&] {
        if (c.views->currentWidget() != timelineTab)
            c.clickTab(timelineTab);
    };
    switch (action) {
    case Action::ClickRow: {
        showTimeline();
        if (rowCount == 0)
            return QStringLiteral("click a row: no rows shown");
        const int row = pick::below(p[0], std::min(rowCount, 80));
        const int how = pick::below(p[1], 10);
        const Qt::KeyboardModifiers modifiers = how == 0 ? Qt::ControlModifier
            : how == 1                                   ? Qt::ShiftModifier
                                                         : Qt::NoModifier;
        c.clickRow(row, modifiers);
        return QStringLiteral("click row %1%2")
            .arg(row)
            .arg(how == 0      ? QStringLiteral(" with Ctrl")
                    : how == 1 ? QStringLiteral(" with Shift")
                               : QString());
    }
    case Action::TimelineKey: {
        showTimeline();
        static const Qt::Key keys[]
            = { Qt::Key_Down, Qt::Key_Up, Qt::Key_PageDown, Qt::Key_PageUp, Qt::Key_Home, Qt::Key_End };
        const Qt::Key key = keys[pick::below(p[0], int(std::size(keys)))];
        const bool shift = pick::below(p[1], 8) == 0;
        keyOn(c.timeline, key, shift ? Qt::ShiftModifier : Qt::NoModifier);
        return QStringLiteral("timeline: %1%2")
            .arg(shift ? QStringLiteral("Shift+") : QString(), QKeySequence(key).toString());
    }
    case Action::VersionStep: {
        const bool older = p[0] % 2 == 0;
        c.key(older ? Qt::Key_Left : Qt::Key_Right, Qt::AltModifier);
        return older ? QStringLiteral("Alt+Left") : QStringLiteral("Alt+Right");
    }
    case Action::CompareWithPrevious:
        c.key(Qt::Key_D, Qt::ControlModifier);
        return QStringLiteral("Ctrl+D");
    case Action::CompareSelected: {
        QAction *compare = c.action("actionCompareSelected");
        if (!compare->isEnabled())
            return QStringLiteral("Go → Compare selected: disabled");
        compare->trigger();
        return QStringLiteral("Go → Compare selected");
    }
    case Action::SwitchTab: {
        const int tab = pick::below(p[0], c.views->count());
        c.clickTab(tab);
        return QStringLiteral("tab \"%1\"").arg(c.views->tabText(tab));
    }
    case Action::EditEntityFilter: {
        c.key(Qt::Key_F, Qt::ControlModifier);
        QLineEdit *edit = c.entityFilter;
        if (!edit->hasFocus())
            return QStringLiteral("Ctrl+F: the filter has no focus");
        switch (pick::below(p[0], 5)) {
        case 0: // replace: Ctrl+F selected the text
        case 1: {
            const QString text = FilterTexts.at(pick::below(p[1], int(FilterTexts.size())));
            QTest::keyClicks(edit, text);
            if (p[2] % 3 == 0)
                QTest::keyClick(edit, Qt::Key_Return);
            return QStringLiteral("filter: type \"%1\"").arg(text);
        }
        case 2:
            QTest::keyClick(edit, Qt::Key_End);
            QTest::keyClick(edit, Qt::Key_Backspace);
            return QStringLiteral("filter: Backspace → \"%1\"").arg(edit->text());
        case 3:
            QTest::keyClick(edit, Qt::Key_Delete);
            return QStringLiteral("filter: cleared");
        default: {
            QTest::keyClick(edit, Qt::Key_End);
            const QChar ch = QStringLiteral("0123456789-ORDTH").at(pick::below(p[1], 16));
            QTest::keyClicks(edit, QString(ch));
            return QStringLiteral("filter: append '%1' → \"%2\"").arg(ch).arg(edit->text());
        }
        }
    }
    case Action::ToggleType: {
        auto *types = c.window.findChild<QToolButton *>(QStringLiteral("typesButton"));
        const QList<QAction *> actions = types->menu()->actions();
        if (actions.isEmpty())
            return QStringLiteral("Types: none offered");
        QAction *type = actions.at(pick::below(p[0], int(actions.size())));
        type->trigger();
        return QStringLiteral("Types: %1 %2")
            .arg(type->isChecked() ? QStringLiteral("tick") : QStringLiteral("untick"), type->text());
    }
    case Action::FilterPreset: {
        QComboBox *preset = comboIn(c.window.findChild<QWidget *>(QStringLiteral("filterBar")), "presetCombo");
        if (!preset->isVisible())
            return QStringLiteral("Taken preset: not shown");
        keyOn(preset, p[0] % 2 ? Qt::Key_Down : Qt::Key_Up);
        return QStringLiteral("Taken: \"%1\"").arg(preset->currentText());
    }
    case Action::ClearFilters: {
        auto *clear = c.window.findChild<QPushButton *>(QStringLiteral("clearButton"));
        if (!clear->isVisible())
            return QStringLiteral("Clear filters: not shown");
        QTest::mouseClick(clear, Qt::LeftButton);
        return QStringLiteral("Clear filters");
    }
    case Action::ActivateKind: {
        auto *kinds = c.window.findChild<QTreeView *>(QStringLiteral("kindView"));
        const int n = kinds->model()->rowCount();
        if (n == 0)
            return QStringLiteral("navigator: no kinds yet");
        const QModelIndex kind = kinds->model()->index(pick::below(p[0], n), 0);
        kinds->setCurrentIndex(kind);
        keyOn(kinds, Qt::Key_Return);
        return QStringLiteral("navigator: activate %1").arg(kind.data().toString());
    }
    case Action::ActivateEntity: {
        auto *entities = c.window.findChild<QTreeView *>(QStringLiteral("entityView"));
        const int n = entities->model()->rowCount();
        if (n == 0 || !entities->isVisible())
            return QStringLiteral("navigator: no entities listed");
        const QModelIndex entity = entities->model()->index(pick::below(p[0], std::min(n, 50)), 0);
        entities->setCurrentIndex(entity);
        keyOn(entities, Qt::Key_Return);
        return QStringLiteral("navigator: open entity %1").arg(entity.data().toString());
    }
    case Action::Escape:
        keyOn(c.timeline, Qt::Key_Escape);
        return QStringLiteral("Esc on the timeline");
    case Action::DoubleClickRow: {
        showTimeline();
        if (rowCount == 0)
            return QStringLiteral("double-click a row: no rows shown");
        const int row = pick::below(p[0], std::min(rowCount, 50));
        const QModelIndex cell = c.rows->index(row, int(TimelineModel::Column::Entity));
        c.timeline->scrollTo(cell);
        QTest::mouseDClick(c.timeline->viewport(), Qt::LeftButton, {}, c.timeline->visualRect(cell).center());
        return QStringLiteral("double-click row %1").arg(row);
    }
    case Action::EntityTimeline:
        c.key(Qt::Key_E, Qt::ControlModifier);
        return QStringLiteral("Ctrl+E");
    case Action::TextMode:
        if (!c.textToggle->isVisible())
            return QStringLiteral("Text: not shown");
        QTest::mouseClick(c.textToggle, Qt::LeftButton);
        return QStringLiteral("Text toggled %1").arg(c.textToggle->isChecked() ? u"on" : u"off");
    case Action::Reveal: {
        auto *reveal = c.inspector->findChild<QToolButton *>(QStringLiteral("revealButton"));
        if (!reveal->isVisible() || reveal->menu()->actions().isEmpty())
            return QStringLiteral("Reveal: nothing masked");
        QAction *field = reveal->menu()->actions().at(pick::below(p[0], int(reveal->menu()->actions().size())));
        field->trigger();
        return QStringLiteral("Reveal ▸ %1").arg(field->text());
    }
    case Action::InventoryRange:
    case Action::ChatRange: {
        QWidget *chart = action == Action::InventoryRange
            ? static_cast<QWidget *>(c.window.findChild<InventoryChartView *>())
            : static_cast<QWidget *>(c.window.findChild<ChatChartView *>());
        if (c.views->currentWidget() != chart)
            c.clickTab(chart);
        const QList<QComboBox *> combos = chart->findChildren<QComboBox *>();
        const int choice = pick::below(p[0], int(combos.size()) + 2);
        if (choice < combos.size()) {
            QComboBox *combo = combos.at(choice);
            if (!combo->isEnabled() || !combo->isVisible())
                return QStringLiteral("chart: %1 not available").arg(combo->objectName());
            keyOn(combo, p[1] % 2 ? Qt::Key_Down : Qt::Key_Up);
            return QStringLiteral("chart: %1 → \"%2\"").arg(combo->objectName(), combo->currentText());
        }
        if (choice == combos.size()) { // a date: the day before or after
            auto *edit
                = chart->findChild<QDateEdit *>(p[1] % 2 ? QStringLiteral("fromEdit") : QStringLiteral("toEdit"));
            keyOn(edit, p[2] % 2 ? Qt::Key_Down : Qt::Key_Up);
            return QStringLiteral("chart: %1 → %2").arg(edit->objectName(), edit->date().toString(Qt::ISODate));
        }
        // A click in the plot: on a point it drills down to the timeline of that period.
        auto *view = chart->findChild<QChartView *>();
        if (!view->isVisible())
            return QStringLiteral("chart: the plot is not shown");
        const QPoint at(pick::below(p[1], view->width()), pick::below(p[2], view->height()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        return QStringLiteral("chart: click at %1,%2").arg(at.x()).arg(at.y());
    }
    case Action::CompareNavigation: {
        if (c.views->currentWidget() != c.compare)
            c.clickTab(c.compare);
        auto *changes = c.compare->findChild<QTableView *>(QStringLiteral("changesTable"));
        switch (pick::below(p[0], 3)) {
        case 0:
            keyOn(changes, Qt::Key_F7);
            return QStringLiteral("F7");
        case 1:
            keyOn(changes, Qt::Key_F7, Qt::ShiftModifier);
            return QStringLiteral("Shift+F7");
        default: {
            auto *hide = c.compare->findChild<QCheckBox *>(QStringLiteral("hideUnchangedCheck"));
            if (!hide->isEnabled())
                return QStringLiteral("Hide unchanged: disabled");
            QTest::mouseClick(hide, Qt::LeftButton, {}, QPoint(5, hide->height() / 2));
            return QStringLiteral("Hide unchanged: %1").arg(hide->isChecked() ? u"on" : u"off");
        }
        }
    }
    case Action::Resize: {
        const QSize size(1100 + pick::below(p[0], 500), 650 + pick::below(p[1], 350));
        c.window.resize(size);
        return QStringLiteral("resize to %1×%2").arg(size.width()).arg(size.height());
    }
    case Action::Refresh:
        c.key(Qt::Key_F5);
        return QStringLiteral("F5");
    case Action::CaseSearch: {
        auto *cases = c.window.findChild<CaseView *>();
        if (c.views->currentWidget() != cases)
            c.clickTab(cases);
        auto *results = cases->findChild<QTableView *>(QStringLiteral("resultsView"));
        if (p[0] % 2 == 0 && results->model() && results->model()->rowCount() > 0) {
            const int row = pick::below(p[1], results->model()->rowCount());
            const QModelIndex cell = results->model()->index(row, 0);
            results->scrollTo(cell);
            QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(cell).center());
            return QStringLiteral("case: open result %1").arg(row);
        }
        auto *search = cases->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setFocus();
        search->selectAll();
        const QString text = CaseTexts.at(pick::below(p[1], int(CaseTexts.size())));
        QTest::keyClicks(search, text);
        QTest::keyClick(search, Qt::Key_Return);
        return QStringLiteral("case: search \"%1\"").arg(text);
    }
    case Action::ToggleRole: {
        QAction *admin = nullptr;
        for (QAction *a : c.viewMenu->actions()) {
            if (a->isCheckable() && a->text().contains(QStringLiteral("contact details")))
                admin = a;
        }
        if (!admin)
            return QStringLiteral("role: no switch in View");
        const bool confirm = p[0] % 2 == 0;
        m_closer->setAnswer(confirm ? ModalCloser::Answer::Accept : ModalCloser::Answer::Reject);
        admin->trigger();
        const bool answered = QTest::qWaitFor([] { return !QApplication::activeModalWidget(); }, 2000);
        m_closer->setAnswer(ModalCloser::Answer::Reject);
        return QStringLiteral("View → contact details (%1 if asked): %2%3")
            .arg(confirm ? u"confirm" : u"cancel", admin->isChecked() ? u"admin" : u"support",
                answered ? u"" : u" (a dialog stays open)");
    }
    case Action::SwitchStore: {
        // Ctrl+L; the dialog opens the other store (or the same), or is cancelled.
        struct Plan
        {
            bool cancel;
            QString target;
            bool handled = false;
        };
        auto plan = std::make_shared<Plan>(Plan { p[0] % 3 == 0, p[1] % 2 ? m_second : m_db });
        m_closer->setPaused(true);
        QTimer::singleShot(0, &c.window, [plan] {
            auto *dialog = qobject_cast<ConnectionDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            if (plan->cancel) {
                dialog->reject();
            } else {
                dialog->setSpec(ConnectionSpec::sqlite(plan->target));
                QSignalSpy finished(dialog, &QDialog::finished);
                dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->click();
                if (!finished.wait(30000))
                    dialog->reject();
            }
            plan->handled = true;
        });
        c.key(Qt::Key_L, Qt::ControlModifier);
        m_closer->setPaused(false);
        if (plan->handled && !plan->cancel)
            m_opening = true;
        return QStringLiteral("Ctrl+L: %1%2")
            .arg(plan->cancel ? QStringLiteral("Cancel")
                              : QStringLiteral("open %1").arg(QFileInfo(plan->target).fileName()),
                plan->handled ? QString() : QStringLiteral(" (no dialog)"));
    }
    case Action::Idle: {
        const int ms = pick::below(p[0], 150);
        QTest::qWait(ms);
        return QStringLiteral("wait %1 ms").arg(ms);
    }
    case Action::Settle:
        return QStringLiteral("settle and check");
    }
    return {};
}

QTEST_MAIN(TestRandomActions)
#include "tst_randomactions.moc"
