#include "jobsahead.h"

namespace {
// Ahead of the pool's other work (QtConcurrent tasks run at priority 0): the consumer is waiting for these.
constexpr int Priority = 1;
} // namespace

JobsAhead::Job::Job(const std::function<void(qsizetype)> &work, qsizetype index)
    : m_work(work)
    , m_index(index)
{
    setAutoDelete(false);
}

void JobsAhead::Job::run()
{
    m_work(m_index);
    done.release();
}

JobsAhead::JobsAhead(QThreadPool &pool, qsizetype count, qsizetype ahead, std::function<void(qsizetype)> job)
    : m_pool(pool)
    , m_work(std::move(job))
    , m_count(count)
    , m_ahead(std::max<qsizetype>(ahead, 1))
    , m_jobs(size_t(count))
{
    startUpTo(m_ahead);
}

JobsAhead::~JobsAhead()
{
    for (qsizetype i = m_next; i < m_started; ++i) {
        Job *job = m_jobs[size_t(i)].get();
        if (!m_pool.tryTake(job)) // queued ones are simply dropped; running ones are waited for
            job->done.acquire();
    }
}

void JobsAhead::startUpTo(qsizetype end)
{
    end = std::min(end, m_count);
    for (; m_started < end; ++m_started) {
        auto &job = m_jobs[size_t(m_started)];
        job = std::make_unique<Job>(m_work, m_started);
        m_pool.start(job.get(), Priority);
    }
}

void JobsAhead::need(qsizetype index)
{
    Q_ASSERT(index == m_next && index < m_count);
    startUpTo(index + 1);
    Job *job = m_jobs[size_t(index)].get();
    if (m_pool.tryTake(job))
        job->run();
    job->done.acquire();
    m_jobs[size_t(index)].reset();
    m_next = index + 1;
    startUpTo(m_next + m_ahead);
}
