#pragma once

#include <QList>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

#include "codec/payloadcodec.h"
#include "domain/analytics.h"
#include "domain/error.h"
#include "domain/kinddefinition.h"
#include "domain/snapshot.h"
#include "domain/sourcerecords.h"
#include "store/accessstore.h"
#include "store/connectionspec.h"
#include "store/historystore.h"
#include "store/ingesttransaction.h"
#include "store/livesourcestore.h"
#include "store/maintenancestore.h"
#include "store/snapshotquery.h"
#include "store/sourcetables.h"

// The backend-agnostic data layer. Every method runs on the calling thread with that thread's own connection;
// the GUI calls it only through workers() (DESIGN §5), the CLI calls it directly.
class SnapshotStore
{
public:
    virtual ~SnapshotStore();

    virtual const ConnectionSpec &connection() const = 0;
    virtual int schemaVersion() const = 0;
    // SQLite: the file or its folder is not writable, so the store was opened read-only; writes fail and say so.
    virtual bool isReadOnly() const = 0;

    // Writes one snapshot: next version for its entity, summary, fact rows, all in one transaction.
    virtual Result<SnapshotHeader> put(const NewSnapshot &snapshot) = 0;
    // The same for many snapshots in one transaction (all or nothing).
    virtual Result<QList<SnapshotHeader>> putBatch(const QList<NewSnapshot> &snapshots) = 0;
    // Starts an ingest run on the calling thread's connection: records from outside, placed in their entities'
    // timelines and known by their source ids, committed together (see IngestTransaction).
    virtual Result<std::unique_ptr<IngestTransaction>> beginIngest() = 0;

    virtual Result<HeaderPage> listHeaders(const SnapshotQuery &query, const PageRequest &page) = 0;
    // The exact number of rows a query lists.
    virtual Result<qint64> countHeaders(const SnapshotQuery &query) = 0;
    // Where each full page of pageSize rows ends in that order (element k: the last row of page k), from one scan of
    // the time index: with them any page is read by its keyset cursor, never by OFFSET.
    virtual Result<QList<PageCursor>> pageEnds(const SnapshotQuery &query, SortOrder order, int pageSize) = 0;
    virtual Result<SnapshotHeader> header(const QString &id) = 0;
    // Decompresses and verifies; an integrity problem is an Error with isIntegrityError(). An incremental snapshot
    // is materialized from its chain (its base's state with its patch applied) and the result verified.
    virtual Result<Snapshot> load(const QString &id) = 0;
    // The database's own consistency check, as `verify` starts with it: the problems SQLite's PRAGMA quick_check finds
    // (damaged pages, broken indexes; empty when there are none). PostgreSQL has no such check a client can run (its
    // pages carry checksums it checks as it reads them), so there it finds nothing and the row scan tells.
    virtual Result<QStringList> checkDatabase() = 0;
    // The stored row as it is, for verification and export of raw bytes.
    virtual Result<QByteArray> rawPayload(const QString &id) = 0;

    // Live snapshots of a kind whose summary field holds exactly `value` (a chat's or a payment's order_id, a stock
    // movement's reference_id: indexed for those), oldest first.
    // With Match::Prefix: the values that start with `value` (a phone number typed so far), at most `limit` rows.
    enum class Match { Exact, Prefix };
    virtual Result<QList<SnapshotHeader>> withSummaryValue(const QString &tenant, const QString &kind,
        const QString &field, const QString &value, Match match = Match::Exact, int limit = 100000)
        = 0;
    virtual Result<QList<EntitySummary>> entities(
        const QString &tenant, const QString &kind, const QString &prefix = {}, int limit = 1000)
        = 0;
    virtual Status setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor) = 0;
    // A legal hold on many snapshots at once (a dispute case): all or none, one audit entry naming `target` (the
    // case) with the snapshot ids. NotFound when one of them does not exist.
    virtual Status setPinned(
        const QStringList &ids, bool pinned, const QString &reason, const QString &actor, const QString &target)
        = 0;
    // Per kind, live (not trashed) snapshots; tenant empty: all tenants.
    virtual Result<QList<KindStats>> kindStats(const QString &tenant) = 0;
    // The same counts without the sizes, from the time index alone: fast enough to show before the first rows
    // (kindStats reads every row: seconds on millions).
    virtual Result<QList<KindStats>> kindCounts(const QString &tenant) = 0;

    // The charts' aggregations over daily_inventory and chat_outcomes, grouped by period in SQL. Only periods with
    // fact rows are returned; AnalyticsSeries fills in the empty ones.
    virtual Result<QList<InventoryPoint>> inventorySeries(const InventorySeriesQuery &query) = 0;
    virtual Result<QList<ChatPoint>> chatSeries(const ChatSeriesQuery &query) = 0;
    // The stores and products a tenant has inventory facts for, sorted: what the inventory chart offers to choose.
    virtual Result<InventoryCatalogue> inventoryCatalogue(const QString &tenant) = 0;
    // The monthly inventory report from the daily_inventory facts, sorted by total value (largest first).
    virtual Result<QList<MonthlyInventoryLine>> monthlyInventory(const MonthlyInventoryQuery &query) = 0;

    virtual Result<QList<Tenant>> tenants() = 0;
    virtual Status putTenant(const Tenant &tenant) = 0;
    // Completes a private bulk load (OpenOptions::privateBulkLoad): builds the indexes it deferred. Does nothing on
    // a store opened otherwise.
    virtual Status finishBulkLoad() = 0;

    // Uncompressed payloads of a kind (newest first) to train a dictionary on.
    virtual Result<QList<QByteArray>> samplePayloads(const QString &kind, int limit) = 0;
    // Stores a dictionary, makes it the kind's active one and returns its id.
    virtual Result<int> addDictionary(const QString &kind, const QByteArray &bytes, int sampleCount) = 0;
    virtual Result<QList<DictionaryInfo>> dictionaries() = 0;

    // Retention, trash, schedules and the audit log.
    // Kinds imported into this store (`snapscope-cli kind import`); every console and CLI on it knows them once it
    // opens. Importing or removing one also installs the store's kinds in the KindRegistry.
    virtual Result<QList<KindDefinition>> importedKinds() = 0;
    virtual Status importKind(const KindDefinition &kind, const QString &actor) = 0;
    virtual Status removeKind(const QString &id, const QString &actor) = 0;

    virtual MaintenanceStore &maintenance() = 0;
    // Point-in-time sources, snapshot strategies and delta storage.
    virtual HistoryStore &history() = 0;
    // The source tables manual snapshots read: events, stock levels, inventory transactions.
    virtual SourceTables &sources() = 0;
    // The running systems' PostgreSQL tables SnapScope follows (snapscope-cli source).
    virtual LiveSourceStore &liveSources() = 0;
    // Who the store's login is, the role it holds (learnt from the server at open), and the store's members.
    virtual AccessStore &access() = 0;

    // Empties every table but the schema's own and the audit log (append-only), and writes `why` to the log, in one
    // transaction: an interrupted demo fill is replaced this way.
    virtual Status discardEverything(const AuditEntry &why) = 0;

    // Personal data on a shared store (issue 26). Whether snapshots keep their personal fields apart (PostgreSQL at
    // schema 15), where only admins read them; others read Pii::Withheld in their places.
    virtual bool keepsPersonalApart() const = 0;
    // One personal field of one snapshot ("/customer/phone", or "summary:customer_phone"), recorded in the audit log
    // as pii.reveal with `where` before it is returned: on a shared store by the server, in the same transaction.
    virtual Result<QJsonValue> revealPersonal(
        const QString &id, const QString &field, const QString &actor, const QString &where)
        = 0;
    // Rows (snapshots and events) written before schema 15 get their personal fields kept apart, a batch per
    // transaction (a run stopped halfway resumes where it was); their checksums do not change. Progress false stops
    // after the batch. A batch size of 0 only counts them (remaining).
    struct PersonalConversion
    {
        qint64 converted = 0, events = 0, fields = 0, remaining = 0; // remaining: snapshots and events
        int dictionariesRetrained = 0, dictionariesDropped = 0;
        bool cancelled = false;
    };
    virtual Result<PersonalConversion> withholdPending(
        int batchSize, const std::function<bool(qint64 done, qint64 total)> &progress)
        = 0;
    // Closes the calling thread's connection: a thread of one's own (not the pools below) calls it before it ends.
    virtual void releaseThreadConnection() = 0;
    // Reads the zstd dictionaries again: another process (a compaction, a schedule) may have trained one since this
    // store opened, and payloads encoded with it read only once it is known. load() does this by itself.
    virtual Status reloadDictionaries() = 0;

    // How many stores are open in this process (a shared store closes a moment after its last holder lets go).
    static int openCount();
    // Waits (at most timeoutMs) until every store of the process has closed: the application's last step, so that no
    // store outlives what its closing needs.
    static bool waitUntilAllClosed(int timeoutMs);

    PayloadCodec &codec() { return m_codec; }
    // The store's own small pool: work submitted here gets a connection of its thread.
    QThreadPool &workers() { return m_workers; }
    // One more thread for scans nobody waits on (the kind counts and storage sizes of a whole store): however long
    // they take, they hold one thread and one core at most, and never a worker a user's read needs.
    QThreadPool &backgroundWorkers() { return m_background; }

protected:
    SnapshotStore();

    PayloadCodec m_codec;
    QThreadPool m_workers;
    QThreadPool m_background;
};

// Opens (and migrates) a store: SQLite or PostgreSQL by spec.backend.
struct OpenOptions
{
    bool createIfMissing = false; // SQLite: create the file when absent
    // SQLite: the file is this process's alone until it publishes it (createDemoSqliteFile): the rollback journal is
    // kept in memory, nothing is synced (every page is written once, not to the WAL and again at checkpoint), and
    // the secondary indexes are dropped, to be built in one pass by finishBulkLoad(). A crash can leave the file
    // damaged; it must be discarded then.
    bool privateBulkLoad = false;
    // An empty database gets SnapScope's schema; without this it is refused (a read-only command must not create
    // tables in somebody's empty PostgreSQL database). An older schema is upgraded either way.
    bool createSchema = true;
    // Tests: false writes payloads and events whole, as SnapScope did before schema 15 (issue 26), to convert later.
    bool keepPersonalApart = true;
};
Result<std::unique_ptr<SnapshotStore>> openSnapshotStore(const ConnectionSpec &spec, const OpenOptions &options = {});
// The same, for views that share the store between models (the GUI). When the last holder lets go, the store is
// closed on a thread of the global pool: never on one of its own workers, never by the GUI thread waiting for them.
Result<std::shared_ptr<SnapshotStore>> openSharedSnapshotStore(
    const ConnectionSpec &spec, const OpenOptions &options = {});
