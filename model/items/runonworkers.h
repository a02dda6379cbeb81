#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

// Runs work on a pool (the store's workers) and hands its result to apply on the context's thread. The watcher is
// the context's child: a result that arrives after the context is gone is dropped with it. (QFuture::then with a
// context object asserts in Qt 6.4 when the context dies first, so a watcher it is.)
template <typename Work, typename Apply> void runOnWorkers(QObject *context, QThreadPool *pool, Work work, Apply apply)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context, [watcher, apply = std::move(apply)] {
        watcher->deleteLater();
        apply(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

// The same for scans the user did not ask for directly (a timeline's count and page ends, storage statistics): the
// worker runs them at idle priority (SCHED_IDLE on Linux), so on a busy machine they take the CPU only when the GUI
// thread and the reads a user waits for do not want it.
template <typename Work, typename Apply>
void runInBackground(QObject *context, QThreadPool *pool, Work work, Apply apply)
{
    runOnWorkers(
        context, pool,
        [work = std::move(work)]() mutable {
            QThread *thread = QThread::currentThread();
            thread->setPriority(QThread::IdlePriority);
            struct Restore
            {
                QThread *thread;
                ~Restore() { thread->setPriority(QThread::NormalPriority); }
            } restore { thread };
            return work();
        },
        std::move(apply));
}
