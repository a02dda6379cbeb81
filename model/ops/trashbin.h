#pragma once

#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>

#include "domain/error.h"
#include "domain/snapshot.h"

class SnapshotStore;

// The trash's audited actions, for the console and the CLI alike: restore, purge after the undo window, and import
// of an archive.
class TrashBin
{
public:
    static constexpr int DefaultUndoDays = 7;
    // Return false to stop between batches.
    using Progress = std::function<bool(qint64 done)>;

    TrashBin(SnapshotStore &store, QString tenant, QString actor);

    Result<qint64> restore(const QStringList &ids);
    // The moment `days` days before now: what was trashed before it is past the undo window.
    static EpochMs cutoff(int days);
    // How many snapshots were trashed before `trashedBefore` (what purging there would delete).
    Result<qint64> purgeable(EpochMs trashedBefore);
    // Deletes what was trashed more than `days` days ago, in batched transactions.
    Result<qint64> purge(int days, const Progress &progress = {});
    // The same up to a moment fixed before (the one a count was shown for), so nothing more goes than was asked.
    Result<qint64> purge(EpochMs trashedBefore, int days, const Progress &progress = {});
    // Snapshots a purge deletes per transaction (and per audit row).
    void setBatchSize(int rows) { m_batchSize = std::max(1, rows); }
    struct ImportReport
    {
        qint64 lines = 0;
        qint64 inserted = 0;
    };
    // Checks the whole archive before writing anything; then all of it goes in, in one transaction.
    Result<ImportReport> importArchive(const QString &path);

private:
    SnapshotStore &m_store;
    QString m_tenant;
    QString m_actor;
    int m_batchSize = 5000;
};
