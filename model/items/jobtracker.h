#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

#include "store/snapshotstore.h"

// One kind of request that a view or model sends to worker threads (Hotspot's JobTracker): each request gets a token,
// and a result is applied, on the tracker's thread, only while its request is current: a newer request supersedes the
// older ones (their results are dropped), clear() drops them all. Jobs that make up one request together (the pages
// of one query) are started Alongside it and applied with it. A job on a store holds that store until its work is done,
// so a view may drop the store (Ctrl+L to another database) at any time; the last holder never destroys it on a
// worker nor waits for its workers on the GUI thread (openSharedSnapshotStore closes it on a thread of its own).
class JobTracker : public QObject
{
    Q_OBJECT
public:
    explicit JobTracker(QObject *parent = nullptr)
        : QObject(parent)
    { }

    enum class Pool { Workers, Background }; // SnapshotStore::workers() or backgroundWorkers()
    enum class Mode {
        Supersede, // a new request: the results of earlier ones are dropped
        Alongside, // part of the current request: applied unless a newer request or clear() comes first
    };

    // work(SnapshotStore &) -> R on the store's pool; apply(R) on this object's thread unless superseded.
    template <typename Work, typename Apply>
    quint64 start(std::shared_ptr<SnapshotStore> store, Work work, Apply apply, Mode mode = Mode::Supersede,
        Pool pool = Pool::Workers)
    {
        QThreadPool *threads = pool == Pool::Workers ? &store->workers() : &store->backgroundWorkers();
        return startOn(
            threads,
            [store = std::move(store), work = std::move(work)]() mutable {
                auto result = work(*store);
                store.reset(); // released here, not when the job object happens to be destroyed
                return result;
            },
            std::move(apply), mode);
    }

    // work() -> R on any pool (work that needs no store: creating a database file).
    template <typename Work, typename Apply>
    quint64 startOn(QThreadPool *pool, Work work, Apply apply, Mode mode = Mode::Supersede)
    {
        using R = std::invoke_result_t<Work>;
        if (mode == Mode::Supersede) {
            ++m_token;
            m_pending = 0;
        }
        const quint64 token = m_token;
        ++m_pending;
        auto *watcher = new QFutureWatcher<R>(this);
        // A watcher, not QFuture::then with a context: Qt 6.4 asserts when the context dies first.
        connect(
            watcher, &QFutureWatcher<R>::finished, this, [this, watcher, token, apply = std::move(apply)]() mutable {
                watcher->deleteLater();
                if (token != m_token)
                    return; // superseded, or cleared
                if (--m_pending == 0)
                    setRunning(false);
                apply(watcher->result());
            });
        watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
        setRunning(true);
        return token;
    }

    // One job at a time: while one runs, only the newest request waits for its turn (dragging a slider never
    // queues a backlog), and each job's result is applied unless clear() came since.
    template <typename Work, typename Apply>
    void startLatest(std::shared_ptr<SnapshotStore> store, Work work, Apply apply)
    {
        m_queued = [this, store = std::move(store), work = std::move(work), apply = std::move(apply)]() mutable {
            m_busy = true;
            start(
                std::move(store), std::move(work),
                [this, apply = std::move(apply)](const auto &result) {
                    // The request waiting now is the next one, even when apply() asks for another (which then waits
                    // behind it, instead of racing it).
                    auto next = std::exchange(m_queued, nullptr);
                    m_busy = m_nextWaits = bool(next);
                    apply(result);
                    const bool stillWanted = std::exchange(m_nextWaits, false); // false: clear() in apply()
                    if (next && stillWanted)
                        next();
                },
                Mode::Alongside);
        };
        if (!m_busy)
            startQueued();
    }

    // Drops the result of every request made so far, and what waits (the store changed, the view's subject changed).
    void clear()
    {
        ++m_token;
        m_pending = 0;
        m_queued = nullptr;
        m_busy = false;
        m_nextWaits = false;
        setRunning(false);
    }
    // startLatest: a newer request waits for the running one (whose result may then be skipped).
    bool hasQueued() const { return m_nextWaits || bool(m_queued); }
    // The current request has jobs not answered yet.
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void setRunning(bool running)
    {
        if (running == m_running)
            return;
        m_running = running;
        Q_EMIT runningChanged(running);
    }

    void startQueued()
    {
        if (auto next = std::exchange(m_queued, nullptr))
            next();
    }

    quint64 m_token = 0;
    int m_pending = 0; // jobs of the current request not answered yet
    bool m_running = false;
    std::function<void()> m_queued; // startLatest: the request waiting for the running one
    bool m_busy = false; // startLatest: a job runs
    bool m_nextWaits = false; // startLatest: while a result is applied, a newer request waits to start
};
