#include "cleanuprunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

#include "domain/maintenancejson.h"
#include "ops/snapshotarchive.h"
#include "store/snapshotstore.h"

CleanupRunner::CleanupRunner(SnapshotStore &store)
    : m_store(store)
{ }

Result<CleanupReport> CleanupRunner::run(
    const RetentionPlan &plan, const CleanupOptions &options, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    CleanupReport report;
    QList<QUuid> ids = plan.idsToDelete();
    // UUIDv7 ids sort by time, which is about the order rows were written in: batches in id order touch
    // neighbouring pages of the table and of the time indexes instead of pages all over the file.
    std::sort(ids.begin(), ids.end());
    report.planned = ids.size();
    MaintenanceStore &maintenance = m_store.maintenance();

    AuditEntry entry;
    entry.tenant = options.tenant;
    entry.actor = options.actor;
    entry.target = plan.candidates.kind;
    entry.details = { { QStringLiteral("policy"), MaintenanceJson::toJson(plan.policy) },
        { QStringLiteral("planned"), report.planned }, { QStringLiteral("planned_bytes"), plan.deleteBytes },
        { QStringLiteral("archive"), options.archivePath } };
    entry.action = QStringLiteral("cleanup.start");
    entry.outcome = QStringLiteral("started");
    if (Status status = maintenance.audit(entry); !status)
        return status.error();
    const auto finish = [&](const QString &outcome, const QString &error = {}) -> Status {
        entry.action = QStringLiteral("cleanup");
        entry.outcome = outcome;
        entry.at = 0;
        entry.details.insert(QStringLiteral("trashed"), report.trashed);
        entry.details.insert(QStringLiteral("archived"), report.archived);
        if (!error.isEmpty())
            entry.details.insert(QStringLiteral("error"), error);
        return maintenance.audit(entry);
    };

    if (!options.archivePath.isEmpty() && !ids.isEmpty()) {
        auto archived = SnapshotArchive::write(m_store, ids, options.archivePath,
            [&](qint64 done, qint64 total) { return !progress || progress(QStringLiteral("archive"), done, total); });
        if (!archived) {
            const bool cancelled = archived.error().code == Error::Code::Cancelled;
            (void)finish(cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"), archived.error().message);
            if (cancelled) {
                report.cancelled = true;
                report.seconds = timer.elapsed() / 1000.0;
                return report;
            }
            return archived.error();
        }
        report.archived = *archived;
    }

    const EpochMs at = QDateTime::currentMSecsSinceEpoch();
    // Recorded with each row: its purge waits on this file.
    const QString archivedIn
        = options.archivePath.isEmpty() ? QString() : QFileInfo(options.archivePath).absoluteFilePath();
    const int batch = std::max(1, options.batchSize);
    for (qsizetype first = 0; first < ids.size(); first += batch) {
        if (progress && !progress(QStringLiteral("trash"), first, ids.size())) {
            report.cancelled = true;
            break;
        }
        auto moved = maintenance.trash(ids.mid(first, batch), at, archivedIn);
        if (!moved) {
            (void)finish(QStringLiteral("failed"), moved.error().message);
            return moved.error();
        }
        report.trashed += *moved;
    }
    if (progress && !report.cancelled)
        progress(QStringLiteral("trash"), ids.size(), ids.size());
    report.seconds = timer.elapsed() / 1000.0;
    if (Status status = finish(report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("ok")); !status)
        return status.error();
    return report;
}
