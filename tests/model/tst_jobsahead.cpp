// The writer of putBatch consumes prepared chunks through JobsAhead: every job must run exactly once, be done when
// need() returns, and none may run after the object is gone.
#include <QAtomicInt>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <vector>

#include "store/jobsahead.h"

class TestJobsAhead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyJobRunsOnceAndIsDoneWhenNeeded();
    void consumerRunsJobsThePoolHasNotReached();
    void unneededJobsNeverOutliveIt();
};

void TestJobsAhead::everyJobRunsOnceAndIsDoneWhenNeeded()
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    constexpr qsizetype Count = 500;
    std::vector<std::atomic<int>> runs(Count);
    {
        JobsAhead jobs(pool, Count, 8, [&](qsizetype i) { runs[size_t(i)].fetch_add(1); });
        for (qsizetype i = 0; i < Count; ++i) {
            jobs.need(i);
            QCOMPARE(runs[size_t(i)].load(), 1);
        }
    }
    for (const auto &r : runs)
        QCOMPARE(r.load(), 1);
}

void TestJobsAhead::consumerRunsJobsThePoolHasNotReached()
{
    // The pool's only thread is held by other work: without running the jobs itself the consumer would wait forever.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QAtomicInt release(0);
    pool.start([&] {
        while (!release.loadAcquire())
            QThread::yieldCurrentThread();
    });
    int done = 0;
    {
        JobsAhead jobs(pool, 20, 4, [&](qsizetype) { ++done; });
        for (qsizetype i = 0; i < 20; ++i)
            jobs.need(i);
    }
    QCOMPARE(done, 20);
    release.storeRelease(1);
    pool.waitForDone();
}

void TestJobsAhead::unneededJobsNeverOutliveIt()
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    std::atomic<int> started { 0 }, finished { 0 };
    {
        JobsAhead jobs(pool, 100, 16, [&](qsizetype) {
            ++started;
            QThread::usleep(200);
            ++finished;
        });
        jobs.need(0);
        jobs.need(1);
    } // 2 needed; of the others started, queued ones are dropped and running ones finish before this line
    QCOMPARE(started.load(), finished.load());
    const int settled = finished.load();
    QVERIFY(settled >= 2 && settled <= 2 + 16);
    pool.waitForDone();
    QCOMPARE(finished.load(), settled);
}

QTEST_GUILESS_MAIN(TestJobsAhead)
#include "tst_jobsahead.moc"
