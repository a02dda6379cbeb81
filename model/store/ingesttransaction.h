#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/livesource.h"
#include "domain/maintenance.h"
#include "domain/snapshot.h"

// What one write of an ingest run did: the snapshots written, and the indexes (in the batch) of those whose source id
// the store or this run already had.
struct IngestWrite
{
    QList<SnapshotHeader> written;
    QList<qsizetype> duplicates;
    // Records refused by what the store holds (a version another record has), by index, with the reason; nothing of
    // them was written.
    QList<std::pair<qsizetype, QString>> refused;
};

// One ingest run's transaction on the calling thread's connection: every batch it writes, and the tenants it creates,
// become visible together on commit(), or not at all (destroyed uncommitted, it rolls back). Snapshots are placed as
// NewSnapshot::placement says; those with a source id already stored (in this tenant and kind) are skipped.
class IngestTransaction
{
public:
    virtual ~IngestTransaction() = default;
    // The tenant as stored, or as this run created it; nullopt when there is none yet.
    virtual std::optional<Tenant> tenant(const QString &id) = 0;
    // Creates the tenant unless it exists by now (another console made it meanwhile): then it is left as it is. True
    // when this run created it.
    virtual Result<bool> createTenant(const Tenant &tenant) = 0;
    virtual Result<IngestWrite> write(const QList<NewSnapshot> &snapshots) = 0;
    // A live source's table as the store holds it, locked for this run (a second sync of it waits, then reads where
    // this one left off); NotFound when the source was removed.
    virtual Result<LiveSourceTable> syncState(const QString &source, const QString &table) = 0;
    // The table as this run leaves it (its watermark, counts and outcome): stored with the rows, so that the
    // watermark never passes what was committed.
    virtual Status saveSyncState(const LiveSourceTable &table) = 0;
    // Writes `audit` (what the run did; nothing when its action is empty) and commits everything.
    virtual Status commit(const AuditEntry &audit) = 0;
};
