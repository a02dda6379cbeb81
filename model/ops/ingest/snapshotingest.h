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

#include "domain/error.h"
#include "domain/snapshot.h"

#include "ops/ingest/recordinterpreter.h"

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
