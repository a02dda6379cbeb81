#include "snapshotstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>

#include "store/sqlsnapshotstore.h"

namespace {
QMutex openStoresMutex;
QWaitCondition storeClosed;
int openStores = 0; // guarded by openStoresMutex
std::atomic_bool closingWaitRegistered = false;

// Runs as the application object goes (qAddPostRoutine): a store let go a moment before (the last test's, a cleanup
// told to stop) is still closing on the global pool, and must be closed before the pool, the SQL drivers and Qt's other
// globals are torn down after main() returns.
void waitForClosingStores()
{
    closingWaitRegistered = false;
    if (!SnapshotStore::waitUntilAllClosed(30000))
        qWarning("a store was still busy after 30 s; quitting anyway");
}
} // namespace

SnapshotStore::SnapshotStore()
{
    {
        QMutexLocker locker(&openStoresMutex);
        ++openStores;
    }
    // Connections belong to threads, so the workers must live as long as the store (never expire).
    m_workers.setMaxThreadCount(4);
    m_workers.setExpiryTimeout(-1);
    m_workers.setObjectName(QStringLiteral("snapscope-store"));
    m_background.setMaxThreadCount(1);
    m_background.setExpiryTimeout(-1);
    m_background.setObjectName(QStringLiteral("snapscope-store-background"));
}

SnapshotStore::~SnapshotStore()
{
    QMutexLocker locker(&openStoresMutex);
    --openStores;
    storeClosed.wakeAll();
}

int SnapshotStore::openCount()
{
    QMutexLocker locker(&openStoresMutex);
    return openStores;
}

bool SnapshotStore::waitUntilAllClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker locker(&openStoresMutex);
    while (openStores > 0) {
        if (!storeClosed.wait(&openStoresMutex, deadline))
            return false;
    }
    return true;
}

Result<std::unique_ptr<SnapshotStore>> openSnapshotStore(const ConnectionSpec &spec, const OpenOptions &options)
{
    auto opened = SqlSnapshotStore::open(spec, options);
    if (!opened)
        return opened.error();
    return std::unique_ptr<SnapshotStore>(std::move(opened).value().release());
}

Result<std::shared_ptr<SnapshotStore>> openSharedSnapshotStore(const ConnectionSpec &spec, const OpenOptions &options)
{
    auto store = openSnapshotStore(spec, options);
    if (!store)
        return store.error();
    if (!closingWaitRegistered.exchange(true))
        qAddPostRoutine(waitForClosingStores);
    // The last holder may be a job on the store's own workers (its destructor waits for them: a deadlock) or the GUI
    // thread (which must not wait for a query to finish): the store is closed on a thread of the global pool instead.
    return std::shared_ptr<SnapshotStore>(std::move(store).value().release(), [](SnapshotStore *closing) {
        if (QThreadPool *closer = QThreadPool::globalInstance())
            closer->start([closing] { delete closing; });
        else
            delete closing; // the process is past its end: nothing waits for the store's workers any more
    });
}
