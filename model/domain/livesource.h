#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "domain/snapshot.h"

// A running system's PostgreSQL database whose snapshot tables SnapScope follows (issue 25): read, never written;
// what it reads is stored in SnapScope's own store, where the source's cleanups cannot reach it.
struct LiveSourceTable
{
    QString source;
    QString table; // as the source names it (schema-qualified when not in the search path)
    QString kind;
    QString shape; // the kind's shape a row is read by; for a mapped table, the mapping's own
    QJsonObject mapping; // a mapped table: its entry of the mapping file (empty for a preset's table)

    // The watermark: the newest (time, source id) stored, as the source writes them; the next sync reads from
    // the time less the source's overlap window. Empty before the first sync.
    QString watermarkTime, watermarkId;
    qint64 rowsSynced = 0; // snapshots this table's syncs stored
    qint64 goneAtSource = 0; // snapshots SnapScope holds whose source row was deleted since (found at the last sync)
    std::optional<EpochMs> newestSourceAt, newestSyncedAt; // the newest row's time at the source, and stored
    std::optional<EpochMs> lastSyncAt;
    QString lastOutcome; // "", succeeded, failed, cancelled
    QString lastError;
    // The source's count of rows deleted from the table (pg_stat_user_tables.n_tup_del) when goneAtSource was counted:
    // while it stays the same, nothing went and the table need not be counted again.
    std::optional<qint64> sourceDeletes;

    // Newest source row time less the newest stored one, as of the last sync or test.
    std::optional<EpochMs> lag() const
    {
        if (!newestSourceAt)
            return std::nullopt;
        return std::max<EpochMs>(0, *newestSourceAt - newestSyncedAt.value_or(0));
    }
};

struct LiveSource
{
    QString name;
    QString preset; // saan, event-store, mapping
    QString conninfo; // libpq keywords without a password (that comes from ~/.pgpass or PGPASSWORD)
    QString tenant; // the rows' tenant (the seed tables name none)
    QString timeZone; // where a TIMESTAMP without time zone is read
    int overlapSeconds = 600; // how far back of the watermark each sync reads again (rows committed late)
    EpochMs createdAt = 0;
    QString createdBy;
    QList<LiveSourceTable> tables;
};
