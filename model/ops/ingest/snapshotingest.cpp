#include "snapshotingest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <climits>
#include <cstdio>

#include "codec/sha256.h"
#include "domain/kindregistry.h"
#include "ops/ingest/recordreader.h"
#include "store/snapshotstore.h"
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

QTimeZone RecordInterpreter::zoneOf(const QString &tenant) const
{
    if (m_zone)
        return *m_zone;
    const auto found = m_zones.constFind(tenant);
    return found != m_zones.constEnd() && found->isValid() ? *found : QTimeZone::utc();
}

IngestedRecord RecordInterpreter::interpret(const QByteArray &text, const QString &where) const
{
    auto parsed = StrictJson::parse(text, QStringLiteral("not valid JSON"));
    if (!parsed)
        return { where, {}, {}, parsed.error().message };
    if (!parsed->isObject())
        return { where, {}, {}, QStringLiteral("not a JSON object") };
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
        // The closest shapes first: those that lack the fewest members.
        QList<std::pair<qsizetype, QString>> misses;
        for (const auto &[k, s] : m_shapes) {
            const QStringList lacking = s->lacking(record);
            misses.append({ lacking.size(),
                QStringLiteral("%1 (%2) lacks %3").arg(s->name, k->id, lacking.join(QStringLiteral(", "))) });
        }
        std::stable_sort(misses.begin(), misses.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList closest;
        for (qsizetype i = 0; i < misses.size() && i < 3; ++i)
            closest.append(misses.at(i).second);
        return bad(
            QStringLiteral("no shape recognises the record; closest: %1").arg(closest.join(QStringLiteral("; "))));
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
    if (JsonNumber::isNumber(taken)) {
        s.takenAt = EpochMs(JsonNumber::toDouble(taken));
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
    const auto integer = [&](const char *name) -> std::optional<qint64> {
        const QJsonValue v = envelope.value(QLatin1String(name));
        if (!JsonNumber::isNumber(v))
            return std::nullopt;
        const double d = JsonNumber::toDouble(v);
        return d == double(qint64(d)) ? std::optional(qint64(d)) : std::nullopt;
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
    return out;
}

QJsonObject IngestSummary::toJson() const
{
    QJsonObject byKind;
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        byKind.insert(it.key(), it.value());
    return { { QStringLiteral("read"), read }, { QStringLiteral("ingested"), ingested },
        { QStringLiteral("duplicates"), duplicates }, { QStringLiteral("rejected"), rejected },
        { QStringLiteral("tenants_created"), QJsonArray::fromStringList(tenantsCreated) },
        { QStringLiteral("kinds"), byKind }, { QStringLiteral("seconds"), seconds } };
}

SnapshotIngest::SnapshotIngest(SnapshotStore &store, IngestOptions options)
    : m_store(store)
    , m_options(std::move(options))
{ }

namespace {

// An input opened for reading: a file, or standard input for "-".
struct OpenInput
{
    QFile file;
    QString name;
    qint64 size = 0; // 0: unknown

    Status open(const QString &path)
    {
        if (path == QStringLiteral("-")) {
            name = QStringLiteral("standard input");
            if (!file.open(stdin, QIODevice::ReadOnly))
                return Error { Error::Code::Io,
                    QStringLiteral("cannot read standard input: %1").arg(file.errorString()) };
            return {};
        }
        name = path;
        file.setFileName(path);
        if (QFileInfo(path).isDir())
            return Error { Error::Code::Io, QStringLiteral("cannot read %1: it is a folder").arg(path) };
        if (!file.open(QIODevice::ReadOnly))
            return Error { Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
        size = file.size();
        return {};
    }
};

// Reads raw records a batch at a time and interprets them on the pool.
struct Batch
{
    struct Item
    {
        QByteArray text;
        QString where;
        bool tooLong = false;
        IngestedRecord result;
    };
    std::vector<Item> items;
};

void interpretOne(const RecordInterpreter &interpreter, Batch::Item &item)
{
    if (item.tooLong)
        item.result = { item.where, {}, {}, QStringLiteral("a record over %1 MiB").arg(MaxIngestRecordBytes >> 20) };
    else
        item.result = interpreter.interpret(item.text, item.where);
}

void interpretAll(const RecordInterpreter &interpreter, Batch &batch)
{
    QtConcurrent::blockingMap(batch.items, [&](Batch::Item &item) { interpretOne(interpreter, item); });
}

// A batch read and being interpreted on the pool while the one before it is written.
struct Interpreting
{
    Interpreting(std::unique_ptr<Batch> b, QFuture<void> d, const IngestProgress &p)
        : batch(std::move(b))
        , done(std::move(d))
        , progress(p)
    { }
    Interpreting(const Interpreting &) = delete;
    Interpreting &operator=(const Interpreting &) = delete;

    std::unique_ptr<Batch> batch;
    QFuture<void> done;
    IngestProgress progress; // where reading was when the batch was full
    ~Interpreting() { done.waitForFinished(); } // never a batch freed under the pool's feet
};

QHash<QString, QTimeZone> zonesOf(const QList<Tenant> &tenants)
{
    QHash<QString, QTimeZone> zones;
    for (const Tenant &t : tenants)
        zones.insert(t.id, QTimeZone(t.businessTimeZone.toUtf8()));
    return zones;
}

} // namespace

Result<QList<IngestedRecord>> SnapshotIngest::preview(const QStringList &inputs, int limit)
{
    auto tenants = m_store.tenants();
    if (!tenants)
        return tenants.error();
    auto interpreter = RecordInterpreter::create(m_options, zonesOf(*tenants));
    if (!interpreter)
        return interpreter.error();
    QList<IngestedRecord> out;
    for (const QString &path : inputs) {
        OpenInput input;
        if (Status opened = input.open(path); !opened)
            return opened.error();
        RecordReader reader(input.file, input.name, MaxIngestRecordBytes);
        Batch batch;
        while (qsizetype(out.size() + batch.items.size()) < limit) {
            auto record = reader.next();
            if (!record)
                return record.error();
            if (!*record)
                break;
            batch.items.push_back({ (*record)->text, reader.where(**record), (*record)->tooLong, {} });
        }
        interpretAll(*interpreter, batch);
        for (Batch::Item &item : batch.items)
            out.append(std::move(item.result));
        if (out.size() >= limit)
            break;
    }
    return out;
}

Result<IngestSummary> SnapshotIngest::run(const QStringList &inputs, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    if (m_options.skipBad && m_options.rejectPath.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("--skip-bad needs --reject FILE for the bad records") };
    auto transaction = m_store.beginIngest();
    if (!transaction)
        return transaction.error();
    IngestTransaction &tx = **transaction;
    auto tenants = m_store.tenants();
    if (!tenants)
        return tenants.error();
    auto interpreter = RecordInterpreter::create(m_options, zonesOf(*tenants));
    if (!interpreter)
        return interpreter.error();

    std::optional<QFile> rejects;
    if (m_options.skipBad) {
        rejects.emplace(m_options.rejectPath);
        if (!rejects->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error { Error::Code::Io,
                QStringLiteral("cannot write %1: %2").arg(m_options.rejectPath, rejects->errorString()) };
    }
    // A run that fails commits nothing, so its reject file would describe nothing: it goes too.
    const auto failed = [&](const Error &error) -> Error {
        if (rejects) {
            rejects->close();
            rejects->remove();
        }
        return error;
    };

    IngestSummary summary;
    const auto reject = [&](const QString &where, const QString &reason, const QByteArray &text) -> Status {
        if (!m_options.skipBad)
            return Error { Error::Code::Invalid, QStringLiteral("%1: %2").arg(where, reason) };
        ++summary.rejected;
        QJsonObject line { { QStringLiteral("where"), where }, { QStringLiteral("reason"), reason },
            { QStringLiteral("record"), QString::fromUtf8(text) } };
        if (rejects->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
            return Error { Error::Code::Io,
                QStringLiteral("writing %1: %2").arg(m_options.rejectPath, rejects->errorString()) };
        return {};
    };

    qint64 bytesTotal = 0, bytesBefore = 0;
    for (const QString &path : inputs)
        bytesTotal += path == QStringLiteral("-") ? 0 : std::max<qint64>(QFileInfo(path).size(), 0);

    // Writes a batch: tenants first, then the snapshots in their entities' order (fewer arrive late).
    const auto write = [&](Batch &batch) -> Status {
        std::vector<const Batch::Item *> good;
        good.reserve(batch.items.size());
        for (const Batch::Item &item : batch.items) {
            if (!item.result.problem.isEmpty()) {
                if (Status rejected = reject(item.where, item.result.problem, item.text); !rejected)
                    return rejected;
                continue;
            }
            const QString &tenant = item.result.snapshot.tenant;
            if (!tx.tenant(tenant)) {
                // Its currency is not known: left empty (amounts are shown without one), not guessed.
                const Tenant created { tenant, tenant,
                    m_options.zone.isEmpty() ? QStringLiteral("UTC") : m_options.zone, QStringLiteral("") };
                if (Status made = tx.createTenant(created); !made)
                    return made;
                summary.tenantsCreated.append(tenant);
            }
            good.push_back(&item);
        }
        const auto key = [](const NewSnapshot &s) {
            return std::tuple(std::cref(s.tenant), std::cref(s.kind), std::cref(s.entityId),
                s.placement == NewSnapshot::Placement::AtVersion ? qint64(s.version) : s.takenAt);
        };
        std::stable_sort(good.begin(), good.end(), [&](const Batch::Item *a, const Batch::Item *b) {
            return key(a->result.snapshot) < key(b->result.snapshot);
        });
        QList<NewSnapshot> snapshots;
        snapshots.reserve(qsizetype(good.size()));
        for (const Batch::Item *item : good)
            snapshots.append(item->result.snapshot);
        auto written = tx.write(snapshots);
        if (!written)
            return written.error();
        for (const SnapshotHeader &h : written->written)
            ++summary.kinds[h.kind];
        summary.ingested += written->written.size();
        summary.duplicates += written->duplicates.size();
        for (const auto &[index, reason] : written->refused) {
            const Batch::Item &item = *good.at(size_t(index));
            if (Status rejected = reject(item.where, reason, item.text); !rejected)
                return rejected;
        }
        return {};
    };

    // Batch k + 1 is interpreted on the pool while batch k is written: reading, interpreting and writing overlap.
    constexpr qsizetype BatchSize = 2000;
    std::optional<Interpreting> interpreting;
    const auto writeInterpreted = [&]() -> Status {
        if (!interpreting)
            return {};
        interpreting->done.waitForFinished();
        if (Status written = write(*interpreting->batch); !written)
            return written;
        const IngestProgress at = interpreting->progress;
        interpreting.reset();
        if (progress && !progress(at))
            return Error { Error::Code::Cancelled, QStringLiteral("the import was cancelled: nothing was stored") };
        return {};
    };
    for (const QString &path : inputs) {
        OpenInput input;
        if (Status opened = input.open(path); !opened)
            return failed(opened.error());
        RecordReader reader(input.file, input.name, MaxIngestRecordBytes);
        auto batch = std::make_unique<Batch>();
        batch->items.reserve(BatchSize);
        while (true) {
            auto record = reader.next();
            if (!record)
                return failed(record.error());
            if (*record) {
                ++summary.read;
                batch->items.push_back({ std::move((*record)->text), reader.where(**record), (*record)->tooLong, {} });
            }
            if (qsizetype(batch->items.size()) == BatchSize || (!*record && !batch->items.empty())) {
                Batch &next = *batch;
                QFuture<void> started = QtConcurrent::map(
                    next.items, [&interpreter = *interpreter](Batch::Item &item) { interpretOne(interpreter, item); });
                if (Status written = writeInterpreted(); !written) {
                    started.waitForFinished();
                    return failed(written.error());
                }
                interpreting.emplace(std::move(batch), std::move(started),
                    IngestProgress { bytesBefore + reader.consumed(), bytesTotal, summary.read, input.name });
                batch = std::make_unique<Batch>();
                batch->items.reserve(BatchSize);
            }
            if (!*record)
                break;
        }
        bytesBefore += reader.consumed();
    }
    if (Status written = writeInterpreted(); !written)
        return failed(written.error());
    if (Status committed = tx.commit(); !committed)
        return failed(committed.error());
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}
