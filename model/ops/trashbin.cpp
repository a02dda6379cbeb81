#include "trashbin.h"

#include <QDateTime>
#include <QJsonArray>

#include "ops/snapshotarchive.h"
#include "store/snapshotstore.h"

TrashBin::TrashBin(SnapshotStore &store, QString tenant, QString actor)
    : m_store(store)
    , m_tenant(std::move(tenant))
    , m_actor(std::move(actor))
{ }

Result<qint64> TrashBin::restore(const QStringList &ids)
{
    auto restored = m_store.maintenance().restore(ids);
    AuditEntry entry;
    entry.tenant = m_tenant;
    entry.actor = m_actor;
    entry.action = QStringLiteral("trash.restore");
    entry.target = ids.size() == 1 ? ids.first() : QStringLiteral("%1 snapshots").arg(ids.size());
    entry.details = { { QStringLiteral("ids"), QJsonArray::fromStringList(ids.mid(0, 100)) },
        { QStringLiteral("requested"), ids.size() }, { QStringLiteral("restored"), restored ? *restored : 0 } };
    entry.outcome = restored ? QStringLiteral("ok") : QStringLiteral("failed");
    if (Status status = m_store.maintenance().audit(entry); !status)
        return status.error();
    return restored;
}

EpochMs TrashBin::cutoff(int days)
{
    return QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
}

Result<qint64> TrashBin::purgeable(EpochMs trashedBefore)
{
    return m_store.maintenance().trashCount(m_tenant, trashedBefore);
}

Result<qint64> TrashBin::purge(int days, const Progress &progress)
{
    return purge(cutoff(days), days, progress);
}

Result<qint64> TrashBin::purge(EpochMs before, int days, const Progress &progress)
{
    AuditEntry entry;
    entry.tenant = m_tenant;
    entry.actor = m_actor;
    entry.action = QStringLiteral("trash.purge");
    entry.target = m_tenant;
    entry.details = { { QStringLiteral("older_than_days"), days } };
    // Each batch (m_batchSize rows) writes its own row ("purged": its count) in its own transaction: a purge killed
    // between batches leaves a row for every batch it deleted. A run that deleted nothing, failed or was cancelled adds
    // one more.
    qint64 purged = 0;
    int batches = 0;
    std::optional<Error> error;
    bool cancelled = false;
    // A row whose cleanup asked for an archive goes only while that archive reads whole (every zstd frame and every
    // line's checksum checked) and holds a line with the row's id; otherwise the rows stay, and the purge says why.
    auto archives = m_store.maintenance().trashArchives(m_tenant, before);
    if (!archives)
        return archives.error();
    QStringList goodArchives, keptBecause;
    qint64 kept = 0;
    for (auto it = archives->cbegin(); it != archives->cend(); ++it) {
        const QString &path = it.key();
        const QStringList &rows = it.value();
        auto held = SnapshotArchive::ids(path);
        const auto missing = held
            ? std::count_if(rows.begin(), rows.end(), [&](const QString &id) { return !held->contains(id.toLower()); })
            : rows.size();
        if (missing == 0) {
            goodArchives.append(path);
            continue;
        }
        kept += rows.size();
        keptBecause.append(held
                ? QStringLiteral("%1 has no line for %2 of its %3 snapshots").arg(path).arg(missing).arg(rows.size())
                : held.error().message);
    }
    while (true) {
        AuditEntry batchEntry = entry;
        batchEntry.details.insert(QStringLiteral("batch"), batches + 1);
        auto batch = m_store.maintenance().purge(m_tenant, before, m_batchSize, batchEntry, goodArchives);
        if (!batch) {
            error = batch.error();
            break;
        }
        if (*batch == 0)
            break;
        purged += *batch;
        ++batches;
        if (progress && !progress(purged)) {
            cancelled = true;
            break;
        }
    }
    if (!error && !cancelled && kept > 0)
        error = Error { Error::Code::Io,
            QStringLiteral("kept %1 snapshot(s) in the trash: their archive cannot be read whole (%2)")
                .arg(kept)
                .arg(keptBecause.join(QStringLiteral("; "))) };
    if (error || cancelled || batches == 0) {
        // The batches' own rows count what went ("purged"); this one names the run's total apart, so the log adds up.
        entry.details.insert(QStringLiteral("purged_total"), purged);
        entry.outcome = error ? QStringLiteral("failed")
            : cancelled       ? QStringLiteral("cancelled")
                              : QStringLiteral("ok");
        if (error)
            entry.details.insert(QStringLiteral("error"), error->message);
        if (Status status = m_store.maintenance().audit(entry); !status)
            return status.error();
    }
    if (error)
        return *error;
    return purged;
}

Result<TrashBin::ImportReport> TrashBin::importArchive(const QString &path)
{
    AuditEntry entry;
    entry.tenant = m_tenant;
    entry.actor = m_actor;
    entry.action = QStringLiteral("import");
    entry.target = path;
    const auto audited = [&](const Error &error) -> Error {
        entry.outcome = QStringLiteral("failed");
        entry.details = { { QStringLiteral("error"), error.message } };
        (void)m_store.maintenance().audit(entry);
        return error;
    };
    auto rows = SnapshotArchive::read(path);
    if (!rows)
        return audited(rows.error());
    auto inserted = m_store.maintenance().importArchived(*rows);
    if (!inserted)
        return audited(inserted.error());
    entry.details = { { QStringLiteral("lines"), rows->size() }, { QStringLiteral("inserted"), *inserted } };
    if (Status status = m_store.maintenance().audit(entry); !status)
        return status.error();
    return ImportReport { rows->size(), *inserted };
}
