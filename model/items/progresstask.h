#pragma once

#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

#include "items/jobtracker.h"

// One long operation at a time on a worker pool, with a Cancel flag and throttled progress: the work reports as
// often as it likes, the view hears about it four times a second (as heaptrack throttles its progress).
class ProgressTask : public QObject
{
    Q_OBJECT
public:
    // What the work sees: report progress, poll for cancellation. Thread-safe.
    class Control : public std::enable_shared_from_this<Control>
    {
    public:
        void report(qint64 done, qint64 total, const QString &message = {})
        {
            QMutexLocker locker(&m_mutex);
            m_done = done;
            m_total = total;
            if (!message.isEmpty())
                m_message = message;
            m_dirty = true;
        }
        bool isCancelled() const { return m_cancelled.load(); }
        // Hands a part of the result to context's thread as soon as it is found (a corrupt row of a scan); it is
        // applied there unless the task was abandoned meanwhile (the view moved to another store).
        template <typename Apply> void deliver(QObject *context, Apply apply)
        {
            if (m_abandoned.load())
                return;
            QMetaObject::invokeMethod(
                context,
                [control = shared_from_this(), apply = std::move(apply)]() mutable {
                    if (!control->m_abandoned.load())
                        apply();
                },
                Qt::QueuedConnection);
        }

    private:
        friend class ProgressTask;
        QMutex m_mutex;
        qint64 m_done = 0;
        qint64 m_total = 0;
        QString m_message;
        bool m_dirty = false;
        std::atomic<bool> m_cancelled { false };
        std::atomic<bool> m_abandoned { false };
    };

    explicit ProgressTask(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(250);
        connect(&m_timer, &QTimer::timeout, this, &ProgressTask::publish);
    }

    // A task still running when its view goes (the application quits) is told to stop.
    ~ProgressTask() override { abandon(); }

    bool isRunning() const { return m_control != nullptr; }
    void cancel()
    {
        if (m_control)
            m_control->m_cancelled = true;
    }

    // Stops the running task at its next check for Cancel and drops its result: the view moved to another store (the
    // task's job keeps the old one open until it has stopped).
    void abandon()
    {
        if (!m_control)
            return;
        m_control->m_abandoned = true;
        cancel();
        m_jobs->clear();
        end();
    }

    // work(Control &) -> R runs on the store's workers, which the task keeps open until it is done; apply(R) runs on
    // this object's thread unless a newer task superseded it.
    template <typename Work, typename Apply>
    void start(std::shared_ptr<SnapshotStore> store, const QString &message, Work work, Apply apply)
    {
        auto control = begin(message);
        m_jobs->start(
            std::move(store), [control, work = std::move(work)](SnapshotStore &) mutable { return work(*control); },
            [this, apply = std::move(apply)](const auto &result) {
                end();
                apply(result);
            });
        announce(message);
    }
    // The same on any pool, for work that needs no store (creating a database file).
    template <typename Work, typename Apply>
    void startOn(QThreadPool *pool, const QString &message, Work work, Apply apply)
    {
        auto control = begin(message);
        m_jobs->startOn(
            pool, [control, work = std::move(work)]() mutable { return work(*control); },
            [this, apply = std::move(apply)](const auto &result) {
                end();
                apply(result);
            });
        announce(message);
    }

Q_SIGNALS:
    void runningChanged(bool running);
    // total 0: unknown (busy indicator).
    void progress(qint64 done, qint64 total, const QString &message);

private:
    std::shared_ptr<Control> begin(const QString &message)
    {
        cancel(); // the task running now is superseded: told to stop, its result dropped (JobTracker)
        auto control = std::make_shared<Control>();
        control->m_message = message;
        m_control = control;
        return control;
    }
    void announce(const QString &message)
    {
        m_timer.start();
        Q_EMIT runningChanged(true);
        Q_EMIT progress(0, 0, message);
    }
    void end()
    {
        m_control.reset();
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }

    void publish()
    {
        if (!m_control)
            return;
        qint64 done, total;
        QString message;
        {
            QMutexLocker locker(&m_control->m_mutex);
            if (!m_control->m_dirty)
                return;
            m_control->m_dirty = false;
            done = m_control->m_done;
            total = m_control->m_total;
            message = m_control->m_message;
        }
        Q_EMIT progress(done, total, message);
    }

    std::shared_ptr<Control> m_control;
    QTimer m_timer;
    JobTracker *m_jobs = new JobTracker(this);
};
