#include "snapshotstore.h"

#include <QAtomicInt>

#include "store/sqlsnapshotstore.h"

namespace {
QAtomicInt openStores;
}

SnapshotStore::SnapshotStore()
{
    openStores.ref();
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
    openStores.deref();
}

int SnapshotStore::openCount()
{
    return openStores.loadRelaxed();
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
    // The last holder may be a job on the store's own workers (its destructor waits for them: a deadlock) or the GUI
    // thread (which must not wait for a query to finish): the store is closed on a thread of the global pool instead.
    return std::shared_ptr<SnapshotStore>(std::move(store).value().release(),
        [](SnapshotStore *closing) { QThreadPool::globalInstance()->start([closing] { delete closing; }); });
}
