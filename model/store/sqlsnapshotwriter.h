#pragma once

#include <QSet>

#include "codec/payloadcodec.h"
#include "store/ingesttransaction.h"
#include "store/sqlconnections.h"
#include "store/sqlsnapshotreader.h"
#include "store/sqltenants.h"

// Writes the snapshots table: new snapshots in batches (versions, summaries, chart facts and the day's statistics in
// one transaction), and pins.
class SqlSnapshotWriter
{
public:
    SqlSnapshotWriter(SqlConnections &sql, PayloadCodec &codec, SqlTenants &tenants, SqlSnapshotReader &reader,
        SqlPersonalFields &personal)
        : m_sql(sql)
        , m_codec(codec)
        , m_tenants(tenants)
        , m_reader(reader)
        , m_personal(personal)
    { }

    Result<QList<SnapshotHeader>> putBatch(const QList<NewSnapshot> &snapshots);
    Status setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor);
    Status setPinned(
        const QStringList &ids, bool pinned, const QString &reason, const QString &actor, const QString &target);

    // The latest version of an entity, as a run has written or read it.
    struct EntityTail
    {
        int version = 0;
        QString id;
        EpochMs takenAt = 0;
    };
    // What an ingest run keeps between its batches (all in one open transaction).
    struct IngestRun
    {
        static constexpr qsizetype MaxTails = 100000;
        QHash<QString, EntityTail> tails; // by tenant, kind and entity id
        QSet<size_t> entities; // the hash of the key of every entity the run wrote to (its tails may be forgotten)
        QSet<size_t> sourceIds; // the hash of tenant, kind and source id of every snapshot the run wrote
        // Per tenant and kind, what the store held before the run: a kind with no rows (or none with a source id)
        // needs no lookup per record, which a first load of millions of rows would otherwise pay.
        struct Before
        {
            bool rows = false, sourceIds = false;
        };
        QHash<QString, Before> before;
    };
    // Writes a batch inside `run`'s open transaction: duplicates skipped, snapshots placed as they say.
    Result<IngestWrite> ingestBatch(const QList<NewSnapshot> &snapshots, IngestRun &run)
    {
        return writeBatch(snapshots, &run);
    }

private:
    // One attempt of putBatch (run null: its own transaction), or one batch of an ingest run.
    Result<IngestWrite> writeBatch(const QList<NewSnapshot> &snapshots, IngestRun *run);
    // The version and previous id of a snapshot that belongs before its entity's latest; the versions after it move
    // up one (ByTime), and the snapshot after it gets it as its previous.
    Result<std::pair<int, QString>> placeEarlier(QSqlDatabase &db, const SnapshotHeader &h, const NewSnapshot &s);
    Result<IngestRun::Before> heldBefore(QSqlDatabase &db, const QString &tenant, const QString &kind);

    SqlConnections &m_sql;
    PayloadCodec &m_codec;
    SqlTenants &m_tenants;
    SqlSnapshotReader &m_reader;
    SqlPersonalFields &m_personal;
};
