#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"

class KindDefinition;
struct KindShape;

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
    QTimeZone zone; // its tenant's business zone (for a tenant not there yet, the one it will be created with)

    static IngestedRecord bad(const QString &where, const QString &problem)
    {
        IngestedRecord r;
        r.where = where;
        r.problem = problem;
        return r;
    }
};

// Reads one record: the pure part of ingest, safe to call from several threads at once.
class RecordInterpreter
{
public:
    // Checks the options (a known format, a valid zone); `tenantZones`: the business zones of the tenants there are.
    static Result<RecordInterpreter> create(const IngestOptions &options, QHash<QString, QTimeZone> tenantZones);
    // One that reads every record by `shape` of `kind` (which must outlive it): a live source's table.
    static Result<RecordInterpreter> forShape(const KindDefinition &kind, const KindShape &shape,
        const IngestOptions &options, QHash<QString, QTimeZone> tenantZones);

    IngestedRecord interpret(const QByteArray &text, const QString &where) const;
    // The same for a record already parsed.
    IngestedRecord interpret(QJsonObject record, const QString &where) const;

private:
    RecordInterpreter() = default;
    IngestedRecord fromEnvelope(const QJsonObject &envelope, IngestedRecord out) const;
    QTimeZone zoneOf(const QString &tenant) const; // where a time without an offset is read
    QTimeZone tenantZone(const QString &tenant) const; // the tenant's business zone, or a new tenant's

    IngestOptions m_options;
    QHash<QString, QTimeZone> m_zones;
    std::optional<QTimeZone> m_zone; // --zone
    QList<std::pair<const KindDefinition *, const KindShape *>> m_shapes; // tried in this order
    bool m_envelopeOnly = false;
};
