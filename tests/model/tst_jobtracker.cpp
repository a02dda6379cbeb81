// The one job tracker every view and model uses: which results are applied, which are dropped, and that a job keeps
// its store open (and the store then closes by itself, off the GUI thread).
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include "items/jobtracker.h"
#include "store/snapshotstore.h"

class TestJobTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void newerRequestSupersedes();
    void alongsideJobsApplyTogether();
    void clearDropsEverything();
    void latestOnlyWaits();
    void jobKeepsTheStoreOpen();
    void aStoreLetGoLastClosesBeforeTheApplicationGoes();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<SnapshotStore> m_store;
};

void TestJobTracker::init()
{
    auto opened
        = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("jobs.sqlite"))), { true });
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_store = *opened;
}

void TestJobTracker::cleanup()
{
    m_store.reset();
    QTRY_COMPARE(SnapshotStore::openCount(), 0); // closed by the global pool, whoever let go last
}

void TestJobTracker::newerRequestSupersedes()
{
    JobTracker jobs;
    QSemaphore release;
    std::atomic<bool> olderDone { false };
    QStringList applied;
    jobs.start(
        m_store,
        [&](SnapshotStore &) {
            release.acquire(); // still running when the newer request is made
            olderDone = true;
            return QStringLiteral("older");
        },
        [&](const QString &r) { applied << r; });
    QSignalSpy running(&jobs, &JobTracker::runningChanged);
    jobs.start(
        m_store, [](SnapshotStore &) { return QStringLiteral("newer"); }, [&](const QString &r) { applied << r; });
    QTRY_COMPARE(applied, QStringList { QStringLiteral("newer") });
    QVERIFY(!jobs.isRunning()); // the newest request is answered: the older one does not count
    release.release();
    QTRY_VERIFY(olderDone.load());
    m_store->workers().waitForDone();
    QCoreApplication::sendPostedEvents(); // the older job's finished signal: delivered, and dropped
    QCOMPARE(applied, QStringList { QStringLiteral("newer") });
}

void TestJobTracker::alongsideJobsApplyTogether()
{
    JobTracker jobs;
    QList<int> applied;
    jobs.start(
        m_store, [](SnapshotStore &) { return 1; }, [&](int r) { applied << r; });
    for (int page = 2; page <= 4; ++page)
        jobs.start(
            m_store, [page](SnapshotStore &) { return page; }, [&](int r) { applied << r; },
            JobTracker::Mode::Alongside);
    QTRY_COMPARE(applied.size(), 4);
    std::sort(applied.begin(), applied.end());
    QCOMPARE(applied, (QList<int> { 1, 2, 3, 4 }));
    QVERIFY(!jobs.isRunning());
}

void TestJobTracker::clearDropsEverything()
{
    JobTracker jobs;
    QSemaphore release;
    std::atomic<int> finished { 0 };
    int applied = 0;
    for (int i = 0; i < 2; ++i)
        jobs.start(
            m_store,
            [&](SnapshotStore &) {
                release.acquire();
                return ++finished;
            },
            [&](int) { ++applied; }, JobTracker::Mode::Alongside);
    QVERIFY(jobs.isRunning());
    jobs.clear(); // the store changed, say
    QVERIFY(!jobs.isRunning());
    release.release(2);
    QTRY_COMPARE(finished.load(), 2);
    m_store->workers().waitForDone();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(applied, 0);
}

void TestJobTracker::latestOnlyWaits()
{
    JobTracker jobs;
    QSemaphore release;
    std::atomic<int> started { 0 };
    QList<int> applied;
    for (int request = 1; request <= 4; ++request)
        jobs.startLatest(
            m_store,
            [&, request](SnapshotStore &) {
                ++started;
                if (request == 1)
                    release.acquire(); // the slider keeps moving while the first one runs
                return request;
            },
            [&](int r) { applied << r; });
    release.release();
    QTRY_COMPARE(applied, (QList<int> { 1, 4 })); // 2 and 3 were replaced while they waited: never run
    QCOMPARE(started.load(), 2);
}

void TestJobTracker::jobKeepsTheStoreOpen()
{
    JobTracker jobs;
    QSemaphore release;
    bool applied = false;
    jobs.start(
        m_store,
        [&](SnapshotStore &store) {
            release.acquire();
            return store.tenants(); // the store is still there: the job holds it
        },
        [&](const Result<QList<Tenant>> &tenants) { applied = bool(tenants); });
    m_store.reset(); // the view lets go (Ctrl+L to another database)
    QCOMPARE(SnapshotStore::openCount(), 1);
    release.release();
    QTRY_VERIFY(applied);
    // The job was the last holder, on one of the store's own workers: the store closes anyway, without a deadlock.
    QTRY_COMPARE(SnapshotStore::openCount(), 0);
}

namespace {
const char *const lastHolderExits = "--last-holder-exits";
int openAsTheApplicationGoes = -1;

// The child process of the test below: the application goes right after the last holder lets go of a store, while the
// global pool is still busy with other work (so the store has not closed yet). Exits 0 if the store had closed by the
// time the application object began to tear Qt down (its post routines, run in reverse order of registration: the
// one registered here runs last).
int letGoAndExit(int argc, char *argv[])
{
    QTemporaryDir dir;
    {
        QCoreApplication app(argc, argv);
        qAddPostRoutine([] { openAsTheApplicationGoes = SnapshotStore::openCount(); });
        auto opened
            = openSharedSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("exit.sqlite"))), { true });
        if (!opened)
            return 2;
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        QThreadPool::globalInstance()->start([] { QThread::msleep(300); }); // the store's closing waits behind this
        opened->reset();
        if (SnapshotStore::openCount() != 1)
            return 3; // closed at once: the test would prove nothing
    }
    return openAsTheApplicationGoes == 0 ? 0 : 1;
}
} // namespace

void TestJobTracker::aStoreLetGoLastClosesBeforeTheApplicationGoes()
{
    // A test's last cleanup, or a cleanup told to stop as the console quits: the store must not close after main()
    // returned, when the pool and the SQL drivers are being torn down (a crash at exit, leaked connections).
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(lastHolderExits) });
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], lastHolderExits) == 0)
        return letGoAndExit(argc, argv);
    QCoreApplication app(argc, argv);
    TestJobTracker test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_jobtracker.moc"
