#pragma once

#include "codec/payloadcodec.h"
#include "store/snapshotquery.h"
#include "store/sqlconnections.h"
#include "store/sqldictionaries.h"
#include "store/sqlpersonalfields.h"

// Reads the snapshots table: header pages and counts, single headers, payloads (materialized from delta chains and
// verified), summary searches and the entity list.
class SqlSnapshotReader
{
public:
    SqlSnapshotReader(
        SqlConnections &sql, PayloadCodec &codec, SqlDictionaries &dictionaries, SqlPersonalFields &personal)
        : m_sql(sql)
        , m_codec(codec)
        , m_dictionaries(dictionaries)
        , m_personal(personal)
    { }

    // The header columns, in readHeader's order.
    static const QString &headerColumns();
    static constexpr int HeaderColumnCount = 21;
    // A delta chain longer than this is damage (a cycle), not data.
    static constexpr int MaxChainDepth = 1000;

    Result<HeaderPage> listHeaders(const SnapshotQuery &query, const PageRequest &page);
    Result<qint64> countHeaders(const SnapshotQuery &query);
    Result<QList<PageCursor>> pageEnds(const SnapshotQuery &query, SortOrder order, int pageSize);
    Result<SnapshotHeader> header(const QString &id);
    // The snapshot as the session may read it: whole for those who read personal data (its personal fields put back
    // and the whole document verified against its checksum), else with Pii::Withheld in their places.
    Result<Snapshot> load(const QString &id);
    // Several snapshots as load() reads each, their rows in one query (a delta's base chain and a withheld row's
    // fields are read as load() reads them), in the order of `ids`; an id with no row gives NotFound.
    Result<QList<Result<Snapshot>>> loadMany(const QStringList &ids);
    // The snapshot as stored, verified against its stored checksum (personal fields withheld on a shared store).
    Result<Snapshot> loadStored(const QString &id) { return loadAt(id, 0); }
    SqlPersonalFields &personal() { return m_personal; }
    Result<QByteArray> rawPayload(const QString &id);
    Result<QList<SnapshotHeader>> withSummaryValue(
        const QString &tenant, const QString &kind, const QString &field, const QString &value, bool prefix, int limit);
    Result<QList<EntitySummary>> entities(const QString &tenant, const QString &kind, const QString &prefix, int limit);
    // Uncompressed payloads of a kind or delta key, spread over its history, to train a dictionary on.
    Result<QList<QByteArray>> samplePayloads(const QString &kind, int limit);
    // SQLite's quick_check findings (none on PostgreSQL).
    Result<QStringList> checkDatabase();

    // One header from a query whose first columns are headerColumns().
    static SnapshotHeader readHeader(const QSqlQuery &query);
    // Every row of an executed header query; with oldestFirst, sorted by (taken_at, id) here instead of in SQL.
    Result<QList<SnapshotHeader>> readHeaders(QSqlQuery &query, bool oldestFirst = false) const;

private:
    Result<Snapshot> loadAt(const QString &id, int depth);
    // A row read with its payload: the seal checked, decoded (a delta materialized), verified in its stored form.
    Result<Snapshot> decoded(SnapshotHeader h, const QByteArray &blob, int depth);
    // A delta's state: its base's state (verified) with its patch applied, checked against its checksum.
    Result<Snapshot> materialize(SnapshotHeader header, const QByteArray &patchBytes, int depth);
    // For a session that reads personal data on a shared store: the summaries' withheld fields put back (for others,
    // nothing to do).
    Status restoreSummaries(QList<SnapshotHeader> &headers) const;
    // A withheld snapshot with its personal fields put back, checked against its checksum.
    Result<Snapshot> restored(Snapshot stored);

    SqlConnections &m_sql;
    PayloadCodec &m_codec;
    SqlDictionaries &m_dictionaries;
    SqlPersonalFields &m_personal;
};
