#pragma once

#include <QStringList>

#include "store/snapshotstore.h"
#include "store/sqlaccess.h"
#include "store/sqlanalytics.h"
#include "store/sqlconnections.h"
#include "store/sqldictionaries.h"
#include "store/sqlhistorystore.h"
#include "store/sqlkindcatalogue.h"
#include "store/sqllivesources.h"
#include "store/sqlmaintenancestore.h"
#include "store/sqlpersonalfields.h"
#include "store/sqlsnapshotreader.h"
#include "store/sqlsnapshotwriter.h"
#include "store/sqlsourcetables.h"
#include "store/sqltenants.h"

// SnapshotStore over Qt SQL, for SQLite and PostgreSQL: opens and migrates the database and assembles the classes
// that each do one job over its connections (SqlConnections), handing every call to the one whose job it is.
class SqlSnapshotStore final : public SnapshotStore
{
public:
    static Result<std::unique_ptr<SqlSnapshotStore>> open(const ConnectionSpec &spec, const OpenOptions &options);
    ~SqlSnapshotStore() override;

    const ConnectionSpec &connection() const override { return m_sql.spec(); }
    int schemaVersion() const override { return m_schemaVersion; }
    bool isReadOnly() const override { return m_sql.isReadOnly(); }

    Result<SnapshotHeader> put(const NewSnapshot &snapshot) override;
    Result<QList<SnapshotHeader>> putBatch(const QList<NewSnapshot> &snapshots) override
    {
        return m_writer.putBatch(snapshots);
    }
    Result<std::unique_ptr<IngestTransaction>> beginIngest() override;
    Result<HeaderPage> listHeaders(const SnapshotQuery &query, const PageRequest &page) override
    {
        return m_reader.listHeaders(query, page);
    }
    Result<qint64> countHeaders(const SnapshotQuery &query) override { return m_reader.countHeaders(query); }
    Result<QStringList> checkDatabase() override { return m_reader.checkDatabase(); }
    Result<QList<PageCursor>> pageEnds(const SnapshotQuery &query, SortOrder order, int pageSize) override
    {
        return m_reader.pageEnds(query, order, pageSize);
    }
    Result<SnapshotHeader> header(const QString &id) override { return m_reader.header(id); }
    Result<Snapshot> load(const QString &id) override { return m_reader.load(id); }
    Result<QByteArray> rawPayload(const QString &id) override { return m_reader.rawPayload(id); }
    Result<QList<EntitySummary>> entities(
        const QString &tenant, const QString &kind, const QString &prefix, int limit) override
    {
        return m_reader.entities(tenant, kind, prefix, limit);
    }
    Status setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor) override
    {
        return m_writer.setPinned(id, pinned, reason, actor);
    }
    Status setPinned(const QStringList &ids, bool pinned, const QString &reason, const QString &actor,
        const QString &target) override
    {
        return m_writer.setPinned(ids, pinned, reason, actor, target);
    }
    Result<QList<SnapshotHeader>> withSummaryValue(const QString &tenant, const QString &kind, const QString &field,
        const QString &value, Match match, int limit) override
    {
        return m_reader.withSummaryValue(tenant, kind, field, value, match == Match::Prefix, limit);
    }
    Result<QList<KindStats>> kindStats(const QString &tenant) override { return m_analytics.kindStats(tenant, true); }
    Result<QList<KindStats>> kindCounts(const QString &tenant) override { return m_analytics.kindStats(tenant, false); }
    Result<QList<InventoryPoint>> inventorySeries(const InventorySeriesQuery &query) override
    {
        return m_analytics.inventorySeries(query);
    }
    Result<QList<ChatPoint>> chatSeries(const ChatSeriesQuery &query) override { return m_analytics.chatSeries(query); }
    Result<InventoryCatalogue> inventoryCatalogue(const QString &tenant) override
    {
        return m_analytics.inventoryCatalogue(tenant);
    }
    Result<QList<MonthlyInventoryLine>> monthlyInventory(const MonthlyInventoryQuery &query) override
    {
        return m_analytics.monthlyInventory(query);
    }
    Result<QList<Tenant>> tenants() override { return m_tenants.tenants(); }
    Status putTenant(const Tenant &tenant) override { return m_tenants.putTenant(tenant); }
    Result<QList<KindDefinition>> importedKinds() override { return m_kinds.imported(); }
    Status importKind(const KindDefinition &kind, const QString &actor) override
    {
        return m_kinds.importKind(kind, actor);
    }
    Status removeKind(const QString &id, const QString &actor) override { return m_kinds.removeKind(id, actor); }
    Status finishBulkLoad() override;
    Result<QList<QByteArray>> samplePayloads(const QString &kind, int limit) override
    {
        return m_reader.samplePayloads(kind, limit);
    }
    Result<int> addDictionary(const QString &kind, const QByteArray &bytes, int sampleCount) override
    {
        return m_dictionaries.add(kind, bytes, sampleCount);
    }
    Result<QList<DictionaryInfo>> dictionaries() override { return m_dictionaries.list(); }
    Status reloadDictionaries() override { return m_dictionaries.reload(); }
    MaintenanceStore &maintenance() override { return m_maintenance; }
    HistoryStore &history() override { return m_history; }
    SourceTables &sources() override { return m_sources; }
    LiveSourceStore &liveSources() override { return m_liveSources; }
    AccessStore &access() override { return m_access; }
    void releaseThreadConnection() override { m_sql.release(); }
    Status discardEverything(const AuditEntry &why) override;
    bool keepsPersonalApart() const override { return m_personal.splits(); }
    Result<QJsonValue> revealPersonal(
        const QString &id, const QString &field, const QString &actor, const QString &where) override;
    Result<PersonalConversion> withholdPending(
        int batchSize, const std::function<bool(qint64 done, qint64 total)> &progress) override;

private:
    explicit SqlSnapshotStore(const ConnectionSpec &spec);

    // Recomputes the summary of every snapshot of a kind from its payload (after a migration adds a field).
    Status resummarize(const QString &kind);
    Status sealPending(); // rows from before schema 8 get their seal (codec/snapshotseal.h)
    Status deferIndexes();
    // Before a conversion: a new dictionary for each key whose active one was trained on whole payloads.
    Result<int>
    retrainDictionaries(); // private bulk load: drops the secondary indexes, keeping their SQL for finishBulkLoad()

    SqlConnections m_sql;
    int m_schemaVersion = 0;
    QStringList m_deferredIndexes; // CREATE INDEX statements finishBulkLoad() runs
    SqlTenants m_tenants { m_sql };
    SqlKindCatalogue m_kinds { m_sql };
    SqlDictionaries m_dictionaries { m_sql, m_codec };
    SqlAccess m_access { m_sql };
    SqlPersonalFields m_personal { m_sql, m_access };
    SqlSnapshotReader m_reader { m_sql, m_codec, m_dictionaries, m_personal };
    SqlSnapshotWriter m_writer { m_sql, m_codec, m_tenants, m_reader, m_personal };
    SqlAnalytics m_analytics { m_sql };
    SqlSourceTables m_sources { m_sql, m_personal };
    SqlLiveSources m_liveSources { m_sql };
    SqlMaintenanceStore m_maintenance { m_sql, m_codec, m_tenants, m_personal, m_background };
    SqlHistoryStore m_history { m_sql, m_reader, m_codec };
};
