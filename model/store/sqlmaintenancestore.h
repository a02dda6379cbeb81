#pragma once

#include <QSqlDatabase>

#include "store/maintenancestore.h"

class QSqlQuery;
class SqlSnapshotStore;

// MaintenanceStore over the SQL store's per-thread connections and dialect; owned by the SqlSnapshotStore it serves.
class SqlMaintenanceStore final : public MaintenanceStore
{
public:
    explicit SqlMaintenanceStore(SqlSnapshotStore &store)
        : m_store(store)
    { }

    Result<QList<RetentionPolicy>> retentionPolicies(const QString &tenant) override;
    Result<std::optional<RetentionPolicy>> retentionPolicy(const QString &tenant, const QString &kind) override;
    Status saveRetentionPolicy(const QString &tenant, const RetentionPolicy &policy, const QString &actor) override;
    Result<RetentionCandidates> retentionCandidates(
        const QString &tenant, const QString &kind, const std::function<bool()> &cancelled) override;
    Result<qint64> trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn) override;
    Result<qint64> restore(const QStringList &ids) override;
    Result<qint64> purge(const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit,
        const QStringList &goodArchives) override;
    Result<QMap<QString, QStringList>> trashArchives(const QString &tenant, EpochMs trashedBefore) override;
    Result<qint64> trashCount(const QString &tenant, std::optional<EpochMs> trashedBefore) override;
    Result<qint64> importArchived(const QList<ArchivedRow> &rows) override;
    Result<QList<Schedule>> schedules(const QString &tenant) override;
    Result<Schedule> schedule(const QString &id) override;
    Status saveSchedule(const Schedule &schedule, const QString &actor) override;
    Status deleteSchedule(const QString &id, const QString &actor) override;
    Result<QList<Schedule>> dueSchedules(EpochMs now) override;
    Result<std::optional<int>> claimRun(
        const QString &scheduleId, EpochMs scheduledFor, const QString &runner, EpochMs now, EpochMs leaseMs) override;
    Result<bool> renewLease(const ScheduleRun &run, EpochMs until) override;
    Status finishRun(const ScheduleRun &run, std::optional<EpochMs> nextRunAt) override;
    Result<QList<ScheduleRun>> scheduleRuns(const QString &scheduleId, int limit) override;
    Status audit(const AuditEntry &entry) override;
    Result<QList<AuditEntry>> auditLog(const AuditQuery &query) override;
    Result<QStringList> storeCodes(const QString &tenant) override;
    Result<QList<StockLevel>> stockLevels(const QString &tenant, const QString &storeCode) override;
    Result<QList<InventoryTransaction>> inventoryTransactions(
        const QString &tenant, EpochMs from, EpochMs to, const QString &storeCode) override;
    Result<QList<DailyInventoryFact>> latestDailyInventoryBefore(
        const QString &tenant, const QString &day, const QString &storeCode) override;

    // Appends to the audit log inside the caller's transaction (the store's own audited writes use it).
    Status writeAudit(QSqlDatabase &db, const AuditEntry &entry);

private:
    // A list of ids as one bound value: a JSON array for SQLite's json_each, an array literal for PostgreSQL.
    QString idListParameter() const;
    QVariant idListValue(const QStringList &ids) const;
    Result<QList<Schedule>> readSchedules(const QString &where, const QVariantList &values);
    Result<qint64> changeRows(const QString &sql, const QVariantList &values, const QString &what);

    SqlSnapshotStore &m_store;
};
