#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

#include "domain/error.h"
#include "domain/livesource.h"

class SnapshotStore;

// What a look at a source's table found (`source test`).
struct SourceTableCheck
{
    QString table;
    QString problem; // empty: it can be synced
    qint64 rows = 0;
    std::optional<EpochMs> newestAt; // its newest row's time
    bool timeIndexed = true; // an index leads with the time column (else each sync reads the whole table)
    QString timeColumn;
};

struct SourceTableSync
{
    QString table;
    qint64 read = 0, stored = 0, duplicates = 0, goneAtSource = 0;
    std::optional<EpochMs> lag;
    QString error; // empty: succeeded
};

struct SourceSyncReport
{
    QString source;
    QList<SourceTableSync> tables;
    double seconds = 0;
    bool cancelled = false;

    bool succeeded() const;
    qint64 stored() const;
    QJsonObject toJson() const;
};

struct SourceSyncProgress
{
    QString table;
    int tableIndex = 0, tableCount = 0;
    qint64 rows = 0; // read from this table so far
};

// Keeps SnapScope in step with a live source (issue 25): per table, the rows from the watermark less the overlap
// window are read through a server-side cursor in one read-only snapshot of the source, in (time, id) order, each
// recognised by the table's shape and stored through an ingest transaction that also moves the watermark to the last
// row it holds (committed every CommitRows rows and at the end); the source identity drops what is there already.
// A failure rolls back what was not committed and records why; the next sync resumes from the watermark last
// committed. The source is never written to.
class SourceSync
{
public:
    // Called after each batch; false cancels (what the table being synced read since its last commit is not stored).
    using Progress = std::function<bool(const SourceSyncProgress &)>;

    SourceSync(SnapshotStore &store, QString actor);

    // A fetch brings at most this many rows, or about BatchBytes of them.
    static constexpr int BatchRows = 2000;
    static constexpr qint64 BatchBytes = 16 * 1024 * 1024;
    // A table's rows are committed, with the watermark they reach, every this many rows (at least).
    static constexpr qint64 DefaultCommitRows = 100000;
    void setCommitRows(qint64 rows) { m_commitRows = rows; }

    // A source as `source add` defines it: its preset's tables (or the mapping file's), checked for what can be
    // checked without connecting. The tenant's zone is the default zone.
    static Result<LiveSource> define(const QString &name, const QString &preset, const QString &conninfo,
        const QString &tenant, const QString &zone, int overlapSeconds, const QJsonObject &mapping = {});

    // Connects and checks every table (present, readable, the columns its shape or mapping reads); records each
    // table's newest row time (the lag). An unreachable source or a refused login is an Error.
    Result<QList<SourceTableCheck>> test(const LiveSource &source);
    // The rows of a preset's listed tables (the event store's snapshot_schedules), as JSON objects.
    Result<QList<QJsonObject>> listedRows(const LiveSource &source, const QString &table);
    // Syncs every table. An unreachable source is an Error; a table that fails is reported in its entry (the
    // others still sync).
    Result<SourceSyncReport> sync(const LiveSource &source, const Progress &progress = {});

private:
    SnapshotStore &m_store;
    QString m_actor;
    qint64 m_commitRows = DefaultCommitRows;
};
