#pragma once

#include <QRunnable>
#include <QSemaphore>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

// Runs numbered jobs 0..count-1 on a thread pool, a few ahead of one consumer that needs their results in order.
// When the consumer reaches a job the pool has not started yet (its threads busy with other work), the consumer runs
// it itself rather than wait in the queue behind that work. Jobs never outlive this object.
class JobsAhead
{
public:
    JobsAhead(QThreadPool &pool, qsizetype count, qsizetype ahead, std::function<void(qsizetype)> job);
    ~JobsAhead();
    JobsAhead(const JobsAhead &) = delete;
    JobsAhead &operator=(const JobsAhead &) = delete;

    // Returns once job `index` has run; call with 0, 1, 2, ... in order.
    void need(qsizetype index);

private:
    class Job : public QRunnable
    {
    public:
        Job(const std::function<void(qsizetype)> &work, qsizetype index);
        void run() override;
        QSemaphore done;

    private:
        const std::function<void(qsizetype)> &m_work;
        qsizetype m_index;
    };
    void startUpTo(qsizetype end);
    void finish(qsizetype index);

    QThreadPool &m_pool;
    std::function<void(qsizetype)> m_work;
    qsizetype m_count;
    qsizetype m_ahead;
    qsizetype m_started = 0;
    qsizetype m_next = 0; // the next job the consumer needs
    std::vector<std::unique_ptr<Job>> m_jobs;
};
