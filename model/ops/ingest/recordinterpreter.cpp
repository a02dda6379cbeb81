#include "recordinterpreter.h"

#include <QJsonArray>

#include <algorithm>
#include <climits>
#include <cmath>

#include "codec/sha256.h"
#include "domain/kindregistry.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"
#include "json/strictjson.h"
#include "json/typedjson.h"

namespace {

const QString EnvelopeFormat = QStringLiteral("envelope");

// A record's identity when its source gives it none: the SHA-256 of its content.
QString contentId(const QJsonObject &record)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hash(CanonicalJson::write(record)).toHex());
}

QString pointers(const QList<JsonPointer> &list)
{
    QStringList out;
    for (const JsonPointer &p : list)
        out.append(p.toString());
    return out.join(QStringLiteral(", "));
}

} // namespace

Result<RecordInterpreter> RecordInterpreter::create(const IngestOptions &options, QHash<QString, QTimeZone> tenantZones)
{
    RecordInterpreter interpreter;
    interpreter.m_options = options;
    interpreter.m_zones = std::move(tenantZones);
    if (!options.zone.isEmpty()) {
        const QTimeZone zone(options.zone.toUtf8());
        if (!zone.isValid())
            return Error { Error::Code::Invalid, QStringLiteral("unknown time zone \"%1\"").arg(options.zone) };
        interpreter.m_zone = zone;
    }
    const QString format = options.format == QStringLiteral("auto") ? QString() : options.format;
    interpreter.m_envelopeOnly = format == EnvelopeFormat;
    QStringList names;
    for (const KindDefinition *kind : KindRegistry::all()) {
        for (const KindShape &shape : kind->shapes) {
            names.append(shape.name);
            // SnapScope's own forms come in an envelope naming their kind: they are recognised only when asked for.
            if (format.isEmpty() ? !shape.writtenBySnapScope : shape.name == format)
                interpreter.m_shapes.append({ kind, &shape });
        }
    }
    if (!format.isEmpty() && !interpreter.m_envelopeOnly && interpreter.m_shapes.isEmpty())
        return Error { Error::Code::Invalid,
            QStringLiteral("unknown format \"%1\" (auto, envelope, or a shape: %2)")
                .arg(format, names.join(QStringLiteral(", "))) };
    return interpreter;
}

Result<RecordInterpreter> RecordInterpreter::forShape(const KindDefinition &kind, const KindShape &shape,
    const IngestOptions &options, QHash<QString, QTimeZone> tenantZones)
{
    IngestOptions any = options;
    any.format.clear();
    auto interpreter = create(any, std::move(tenantZones));
    if (!interpreter)
        return interpreter.error();
    interpreter->m_options.format = shape.name;
    interpreter->m_shapes = { { &kind, &shape } };
    return interpreter;
}

QTimeZone RecordInterpreter::zoneOf(const QString &tenant) const
{
    return m_zone ? *m_zone : tenantZone(tenant);
}

QTimeZone RecordInterpreter::tenantZone(const QString &tenant) const
{
    const auto found = m_zones.constFind(tenant);
    if (found != m_zones.constEnd())
        return IsoTime::validOrUtc(*found);
    return m_zone ? *m_zone : QTimeZone::utc(); // the zone ingest creates it with
}

IngestedRecord RecordInterpreter::interpret(const QByteArray &text, const QString &where) const
{
    auto parsed = StrictJson::parse(text, QStringLiteral("not valid JSON"));
    if (!parsed)
        return IngestedRecord::bad(where, parsed.error().message);
    if (!parsed->isObject())
        return IngestedRecord::bad(where, QStringLiteral("not a JSON object"));
    return interpret(parsed->toObject(), where);
}

IngestedRecord RecordInterpreter::interpret(QJsonObject record, const QString &where) const
{
    IngestedRecord out;
    out.where = where;
    const auto bad = [&](const QString &problem) {
        out.problem = problem;
        return out;
    };
    if (m_envelopeOnly || (m_shapes.size() != 1 && record.value(u"payload").isObject() && record.contains(u"kind")))
        return fromEnvelope(record, out);

    // Types in wrappers, as DynamoDB and MongoDB export them, become the plain JSON they stand for.
    if (DynamoJson::isExportLine(record) || DynamoJson::isTypedItem(record)) {
        auto item = DynamoJson::unmarshal(DynamoJson::isExportLine(record) ? record.value(u"Item").toObject() : record);
        if (!item)
            return bad(item.error().message);
        record = *item;
    } else if (ExtendedJson::hasWrappers(record)) {
        auto decoded = ExtendedJson::decode(record);
        if (!decoded)
            return bad(decoded.error().message);
        record = decoded->toObject();
    }

    const KindDefinition *kind = nullptr;
    const KindShape *shape = nullptr;
    for (const auto &[k, s] : m_shapes) {
        if (s->matches(record)) {
            kind = k;
            shape = s;
            break;
        }
    }
    if (!shape) {
        QList<const KindShape *> shapes;
        QHash<const KindShape *, QString> kindOf;
        for (const auto &[k, candidate] : m_shapes) {
            shapes.append(candidate);
            kindOf.insert(candidate, k->id);
        }
        return bad(QStringLiteral("no shape recognises the record; closest: %1")
                       .arg(closestShapes(shapes, record, [&](const KindShape &candidate) {
                           return QStringLiteral("%1 (%2)").arg(candidate.name, kindOf.value(&candidate));
                       })));
    }
    out.shape = shape->name;

    // The order service keeps its state as JSON text: stored as the JSON it holds.
    if (shape->state) {
        if (const auto state = shape->state->evaluate(record); state && state->isString()) {
            auto decoded = StrictJson::parse(state->toString().toUtf8(), QStringLiteral("not valid JSON"));
            if (!decoded)
                return bad(QStringLiteral("the state at %1 is text that is %2")
                               .arg(shape->state->toString(), decoded.error().message));
            if (!decoded->isObject())
                return bad(QStringLiteral("the state at %1 is not a JSON object").arg(shape->state->toString()));
            record = shape->withState(record, decoded->toObject());
        }
    }

    NewSnapshot &s = out.snapshot;
    s.kind = kind->id;
    const auto entity = shape->entityOf(record);
    if (!entity)
        return bad(QStringLiteral("%1: no entity id at %2").arg(shape->name, pointers(shape->entity)));
    s.entityId = *entity;
    s.tenant = shape->tenantOf(record).value_or(m_options.defaultTenant);
    if (s.tenant.isEmpty())
        return bad(QStringLiteral("the record names no tenant%1, and no default tenant (--tenant) was given")
                       .arg(shape->tenant ? QStringLiteral(" at ") + shape->tenant->toString() : QString()));
    const auto taken = shape->time ? shape->timeOf(record, zoneOf(s.tenant)) : std::nullopt;
    if (!taken)
        return bad(
            QStringLiteral("%1: no time it was taken%2")
                .arg(shape->name,
                    shape->time ? QStringLiteral(" (%1 is missing or not a time)").arg(shape->time->at.toString())
                                : QString()));
    s.takenAt = *taken;
    s.type = shape->typeOf(record).value_or(QString());
    if (s.type.isEmpty())
        s.type = QStringLiteral("imported");
    if (shape->version) {
        const auto version = shape->versionOf(record);
        if (!version || *version <= 0 || *version > INT_MAX)
            return bad(QStringLiteral("%1: no version (a positive number) at %2")
                           .arg(shape->name, shape->version->toString()));
        s.placement = NewSnapshot::Placement::AtVersion;
        s.version = int(*version);
    } else {
        s.placement = NewSnapshot::Placement::ByTime;
    }
    s.eventSeq = shape->eventSeqOf(record);
    s.sourceId = shape->sourceIdOf(record).value_or(QString());
    if (s.sourceId.isEmpty())
        s.sourceId = contentId(record);
    s.createdBy = shape->createdByOf(record).value_or(m_options.actor);
    s.trigger = { { QStringLiteral("source"), QStringLiteral("ingest") }, { QStringLiteral("shape"), shape->name } };
    s.payload = std::move(record);
    out.zone = tenantZone(s.tenant);
    return out;
}

IngestedRecord RecordInterpreter::fromEnvelope(const QJsonObject &envelope, IngestedRecord out) const
{
    out.shape = EnvelopeFormat;
    const auto bad = [&](const QString &problem) {
        out.problem = QStringLiteral("envelope: ") + problem;
        return out;
    };
    static const QStringList Members { QStringLiteral("kind"), QStringLiteral("entity"), QStringLiteral("taken_at"),
        QStringLiteral("type"), QStringLiteral("created_by"), QStringLiteral("trigger"), QStringLiteral("payload"),
        QStringLiteral("tenant"), QStringLiteral("version"), QStringLiteral("event_seq"), QStringLiteral("source_id") };
    for (auto it = envelope.begin(); it != envelope.end(); ++it) {
        if (!Members.contains(it.key()))
            return bad(QStringLiteral("unknown member \"%1\" (an envelope has %2)")
                           .arg(it.key(), Members.join(QStringLiteral(", "))));
    }
    const auto text = [&](const char *name) { return JsonNumber::scalarText(envelope.value(QLatin1String(name))); };
    NewSnapshot &s = out.snapshot;
    s.kind = envelope.value(u"kind").toString();
    if (!KindRegistry::find(s.kind)) {
        if (const auto reason = KindRegistry::notWorthReason(s.kind))
            return bad(QStringLiteral("\"%1\" is not worth a snapshot: %2").arg(s.kind, *reason));
        return bad(QStringLiteral("unknown kind \"%1\" (known: %2)")
                       .arg(s.kind, KindRegistry::ids().join(QStringLiteral(", "))));
    }
    if (!envelope.value(u"payload").isObject())
        return bad(QStringLiteral("\"payload\" must be a JSON object"));
    s.entityId = text("entity");
    if (s.entityId.isEmpty())
        return bad(QStringLiteral("\"entity\" is missing"));
    s.tenant = envelope.contains(u"tenant") ? text("tenant") : m_options.defaultTenant;
    if (s.tenant.isEmpty())
        return bad(QStringLiteral("no \"tenant\", and no default tenant (--tenant) was given"));
    const QJsonValue taken = envelope.value(u"taken_at");
    // A whole number within what a time can be (years 0 to 9999), with no more digits than a double holds exactly.
    const auto whole = [](const QJsonValue &v, double min, double max) -> std::optional<qint64> {
        if (!JsonNumber::isNumber(v))
            return std::nullopt;
        const double d = JsonNumber::toDouble(v);
        if (!std::isfinite(d) || d != std::floor(d) || d < min || d > max)
            return std::nullopt;
        return qint64(d);
    };
    if (JsonNumber::isNumber(taken)) {
        const auto ms = whole(taken, -62167219200000.0, 253402300799999.0);
        if (!ms)
            return bad(QStringLiteral("\"taken_at\" is not a time (milliseconds since 1970, whole, years 0 to 9999)"));
        s.takenAt = *ms;
    } else {
        auto at = IsoTime::parseDateTime(taken.toString());
        if (!at)
            at = IsoTime::parseBound(taken.toString(), zoneOf(s.tenant));
        if (!at || taken.toString().isEmpty())
            return bad(QStringLiteral("\"taken_at\" is not a time (RFC 3339, or milliseconds since 1970)"));
        s.takenAt = *at;
    }
    s.type = text("type");
    if (s.type.isEmpty())
        return bad(QStringLiteral("\"type\" is missing"));
    s.createdBy = envelope.contains(u"created_by") ? text("created_by") : m_options.actor;
    if (envelope.contains(u"trigger") && !envelope.value(u"trigger").isObject())
        return bad(QStringLiteral("\"trigger\" must be a JSON object"));
    s.trigger = envelope.value(u"trigger").toObject();
    const auto integer = [&](const char *name) {
        return whole(envelope.value(QLatin1String(name)), -9007199254740992.0, 9007199254740992.0);
    };
    if (envelope.contains(u"version")) {
        const auto version = integer("version");
        if (!version || *version <= 0 || *version > INT_MAX)
            return bad(QStringLiteral("\"version\" must be a positive whole number"));
        s.placement = NewSnapshot::Placement::AtVersion;
        s.version = int(*version);
    } else {
        s.placement = NewSnapshot::Placement::ByTime;
    }
    if (envelope.contains(u"event_seq")) {
        s.eventSeq = integer("event_seq");
        if (!s.eventSeq)
            return bad(QStringLiteral("\"event_seq\" must be a whole number"));
    }
    s.sourceId = text("source_id");
    if (s.sourceId.isEmpty())
        s.sourceId = contentId(envelope);
    s.payload = envelope.value(u"payload").toObject();
    out.zone = tenantZone(s.tenant);
    return out;
}
