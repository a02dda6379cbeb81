#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <vector>

#include "domain/error.h"
#include "domain/snapshot.h"

#include "ops/ingest/recordinterpreter.h"

class IngestTransaction;
class SnapshotStore;

struct IngestSummary
{
    qint64 read = 0, ingested = 0, duplicates = 0, rejected = 0;
    QStringList tenantsCreated;
    QMap<QString, qint64> kinds; // kind -> snapshots ingested
    double seconds = 0;

    QJsonObject toJson() const;
};

struct IngestProgress
{
    qint64 bytesDone = 0, bytesTotal = 0; // bytesTotal 0: unknown (standard input)
    qint64 records = 0;
    QString input;
};

// What writeIngested() did not store: the records the store refused (a version another record holds, with the
// reason), and those whose source id it had already.
struct IngestWritten
{
    QList<std::pair<const IngestedRecord *, QString>> refused;
    QList<const IngestedRecord *> duplicates;
};

// Writes interpreted, good records in `tx`: the tenants they name that are not there yet are created (in
// `newTenantZone`, UTC when empty), the snapshots stored in their entities' order, and `summary` counts them.
Result<IngestWritten> writeIngested(IngestTransaction &tx, std::vector<const IngestedRecord *> records,
    const QString &newTenantZone, IngestSummary &summary);

// A run over files ("-": standard input): all or nothing unless options.skipBad, in one transaction of the store.
class SnapshotIngest
{
public:
    // Called every few hundred records; false cancels the run (nothing is committed).
    using Progress = std::function<bool(const IngestProgress &)>;

    SnapshotIngest(SnapshotStore &store, IngestOptions options);

    Result<IngestSummary> run(const QStringList &inputs, const Progress &progress = {});
    // The first `limit` records of the inputs as they would be stored, bad ones included; nothing is written.
    Result<QList<IngestedRecord>> preview(const QStringList &inputs, int limit);

private:
    SnapshotStore &m_store;
    IngestOptions m_options;
};
