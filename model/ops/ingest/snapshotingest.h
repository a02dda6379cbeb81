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

class KindDefinition;
struct KindShape;
class SnapshotStore;

// Snapshots brought in from outside (issue 24): the seed systems' records as their stores export them, and
// SnapScope's envelope for a service that pushes its own. Each record is recognised by its shape, decoded to plain
// JSON and stored as it is; its header (tenant, entity, time, type, version, event sequence, who made it) is read
// through the shape.
struct IngestOptions
{
    QString defaultTenant; // for records that name no tenant
    QString format; // empty or "auto": each record's shape is recognised; else a shape's name, or "envelope"
    QString zone; // times without an offset, and new tenants' business zone; empty: the tenant's zone (UTC if new)
    bool skipBad = false; // commit the good records; write each bad one to rejectPath
    QString rejectPath;
    QString actor = QStringLiteral("ingest"); // who made a snapshot whose record does not say
};

// The biggest record read: a larger one is a bad record.
constexpr qsizetype MaxIngestRecordBytes = 64LL * 1024 * 1024;

// One record as it would be stored, or why it cannot be.
struct IngestedRecord
{
    QString where; // "orders.jsonl, line 12"
    NewSnapshot snapshot;
    QString shape; // the shape that recognised it, or "envelope"
    QString problem; // non-empty: a bad record, and why
};

// Reads one record: the pure part of ingest, safe to call from several threads at once.
class RecordInterpreter
{
public:
    // Checks the options (a known format, a valid zone); `tenantZones`: the business zones of the tenants there are.
    static Result<RecordInterpreter> create(const IngestOptions &options, QHash<QString, QTimeZone> tenantZones);

    IngestedRecord interpret(const QByteArray &text, const QString &where) const;
    // The same for a record already parsed.
    IngestedRecord interpret(QJsonObject record, const QString &where) const;

private:
    RecordInterpreter() = default;
    IngestedRecord fromEnvelope(const QJsonObject &envelope, IngestedRecord out) const;
    QTimeZone zoneOf(const QString &tenant) const;

    IngestOptions m_options;
    QHash<QString, QTimeZone> m_zones;
    std::optional<QTimeZone> m_zone; // --zone
    QList<std::pair<const KindDefinition *, const KindShape *>> m_shapes; // tried in this order
    bool m_envelopeOnly = false;
};

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
