#pragma once

#include <set>
#include <tuple>

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimeZone>

#include "store/migrator.h"
#include "store/snapshotstore.h"
#include "store/sqldialect.h"
#include "store/sqlhistorystore.h"
#include "store/sqlmaintenancestore.h"

class QSqlQuery;

// SnapshotStore over Qt SQL, for SQLite and PostgreSQL. One connection per calling thread, named after it.
class SqlSnapshotStore final : public SnapshotStore
{
public:
    static Result<std::unique_ptr<SqlSnapshotStore>> open(const ConnectionSpec &spec, const OpenOptions &options);
    ~SqlSnapshotStore() override;

    const ConnectionSpec &connection() const override { return m_spec; }
    int schemaVersion() const override { return m_schemaVersion; }
    bool isReadOnly() const override { return m_readOnly; }

    Result<SnapshotHeader> put(const NewSnapshot &snapshot) override;
    Result<QList<SnapshotHeader>> putBatch(const QList<NewSnapshot> &snapshots) override;
    Result<HeaderPage> listHeaders(const SnapshotQuery &query, const PageRequest &page) override;
    Result<qint64> countHeaders(const SnapshotQuery &query) override;
    Result<QStringList> checkDatabase() override;
    Result<QList<PageCursor>> pageEnds(const SnapshotQuery &query, SortOrder order, int pageSize) override;
    Result<SnapshotHeader> header(const QString &id) override;
    Result<Snapshot> load(const QString &id) override;
    Result<QByteArray> rawPayload(const QString &id) override;
    Result<QList<EntitySummary>> entities(
        const QString &tenant, const QString &kind, const QString &prefix, int limit) override;
    Status setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor) override;
    Status setPinned(const QStringList &ids, bool pinned, const QString &reason, const QString &actor,
        const QString &target) override;
    Result<QList<SnapshotHeader>> withSummaryValue(const QString &tenant, const QString &kind, const QString &field,
        const QString &value, Match match, int limit) override;
    Result<QList<KindStats>> kindStats(const QString &tenant) override;
    Result<QList<KindStats>> kindCounts(const QString &tenant) override;
    Result<QList<InventoryPoint>> inventorySeries(const InventorySeriesQuery &query) override;
    Result<QList<ChatPoint>> chatSeries(const ChatSeriesQuery &query) override;
    Result<InventoryCatalogue> inventoryCatalogue(const QString &tenant) override;
    Result<QList<Tenant>> tenants() override;
    Status putTenant(const Tenant &tenant) override;
    Status finishBulkLoad() override;
    Status appendEvents(const QList<EventRecord> &events) override;
    Status putStockLevels(const QList<StockLevel> &levels) override;
    Status appendInventoryTransactions(const QList<InventoryTransaction> &transactions) override;
    Result<QList<QByteArray>> samplePayloads(const QString &kind, int limit) override;
    Result<int> addDictionary(const QString &kind, const QByteArray &bytes, int sampleCount) override;
    Result<QList<DictionaryInfo>> dictionaries() override;
    MaintenanceStore &maintenance() override { return m_maintenance; }
    void releaseThreadConnection() override { releaseConnection(); }
    Status discardEverything(const AuditEntry &why) override;
    HistoryStore &history() override { return m_history; }

    // A delta chain longer than this is damage (a cycle), not data.
    static constexpr int MaxChainDepth = 1000;

private:
    // Recomputes the summary of every snapshot of a kind from its payload (after a migration adds a field).
    Status resummarize(const QString &kind);

    friend class SqlMaintenanceStore;
    friend class SqlHistoryStore;
    static QString headerColumns();
    Result<Snapshot> loadAt(const QString &id, int depth);
    // A delta's state: its base's state (verified) with its patch applied, checked against its checksum.
    Result<Snapshot> materialize(SnapshotHeader header, const QByteArray &patchBytes, int depth);
    Result<QList<SnapshotHeader>> writeBatch(const QList<NewSnapshot> &snapshots); // one attempt of putBatch
    Result<QList<KindStats>> readKindStats(const QString &tenant, bool withSizes);
    // Recomputes the charts' day sums (inventory_store_days, chat_days) for the days a batch wrote facts for.
    Status refreshChartDays(QSqlDatabase &db, const std::set<std::tuple<QString, QString, QString>> &inventoryDays,
        const std::set<std::tuple<QString, QString, QString>> &chatDays);
    explicit SqlSnapshotStore(const ConnectionSpec &spec);

    Result<QSqlDatabase> db();
    // Closes the calling thread's connection (open() runs on any thread and must not leave one behind).
    void releaseConnection();
    Result<QSqlDatabase> openConnection(const QString &name, bool readOnly) const;
    Status loadDictionaries();
    Status reloadDictionaries() override { return loadDictionaries(); }
    Status loadTenants();
    QString lockHolders() const; // PostgreSQL: who holds the lock a statement waited for in vain
    Status sealPending(); // rows from before schema 8 get their seal (codec/snapshotseal.h)
    Status deferIndexes(); // private bulk load: drops the secondary indexes, keeping their SQL for finishBulkLoad()
    QString businessDay(const QString &tenant, EpochMs at);
    Result<SnapshotHeader> readHeader(const QSqlQuery &query) const;
    // Every row of an executed header query; with oldestFirst, sorted by (taken_at, id) here instead of in SQL.
    Result<QList<SnapshotHeader>> readHeaders(QSqlQuery &query, bool oldestFirst = false) const;
    Error errorFrom(const QString &what, const QSqlQuery &query) const;
    // One write transaction on this thread's connection (SQLite: BEGIN IMMEDIATE): work runs its statements and fills
    // in the audit entry to record with them (none when its action stays empty); any failure rolls all of it back.
    Status writeTransaction(const std::function<Status(QSqlDatabase &db, AuditEntry &audit)> &work);
    Status audit(QSqlDatabase &db, const QString &tenant, const QString &actor, const QString &action,
        const QString &target, const QJsonObject &details, const QString &outcome = QStringLiteral("ok"));

    ConnectionSpec m_spec;
    SqlDialect m_dialect;
    int m_schemaVersion = 0;
    bool m_privateBulkLoad = false; // OpenOptions::privateBulkLoad
    bool m_readOnly = false; // SQLite: the file or its folder is not writable
    bool m_immutable = false; // SQLite: the folder is not writable, so no -shm can be made: read as never changing
    QStringList m_deferredIndexes; // CREATE INDEX statements finishBulkLoad() runs
    QString m_connectionPrefix;
    SqlMaintenanceStore m_maintenance { *this };
    SqlHistoryStore m_history { *this };

    QMutex m_mutex; // guards the members below
    QStringList m_connectionNames;
    QHash<QString, QTimeZone> m_tenantZones;
    struct BusinessDay
    {
        EpochMs start = 0, end = 0; // [start, end) in UTC milliseconds
        QString text;
    };
    QHash<QString, BusinessDay> m_lastBusinessDay; // per tenant: batches mostly stay within a day
};
