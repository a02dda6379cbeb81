#include "sourcepresets.h"

#include <QJsonArray>

#include "domain/kindregistry.h"

namespace SourcePresets {

namespace {

struct PresetTable
{
    QString preset, table, kind, shape;
    QList<Column> columns;
};

const QList<PresetTable> &presetTables()
{
    const QString uuid = QStringLiteral("uuid"), varchar = QStringLiteral("character varying"),
                  jsonb = QStringLiteral("jsonb"), integer = QStringLiteral("integer"),
                  numeric = QStringLiteral("numeric"), timestamp = QStringLiteral("timestamp without time zone"),
                  timestamptz = QStringLiteral("timestamp with time zone");
    const QString saan = QStringLiteral("saan");
    static const QList<PresetTable> tables {
        // The SAAN guide's four snapshot tables (its "Database Schema Design").
        { saan, QStringLiteral("order_snapshots"), QStringLiteral("order"), QStringLiteral("saan_order_snapshots_row"),
            { { QStringLiteral("id"), uuid }, { QStringLiteral("order_id"), uuid },
                { QStringLiteral("snapshot_type"), varchar }, { QStringLiteral("snapshot_data"), jsonb },
                { QStringLiteral("previous_snapshot_id"), uuid }, { QStringLiteral("created_by_user_id"), uuid },
                { QStringLiteral("created_at"), timestamp }, { QStringLiteral("order_status"), varchar },
                { QStringLiteral("total_amount"), numeric }, { QStringLiteral("item_count"), integer },
                { QStringLiteral("customer_id"), uuid } } },
        { saan, QStringLiteral("chat_conversation_snapshots"), QStringLiteral("chat"),
            QStringLiteral("saan_chat_conversation_snapshots_row"),
            { { QStringLiteral("id"), uuid }, { QStringLiteral("session_id"), uuid },
                { QStringLiteral("customer_id"), uuid }, { QStringLiteral("snapshot_type"), varchar },
                { QStringLiteral("platform"), varchar }, { QStringLiteral("total_messages"), integer },
                { QStringLiteral("conversation_duration"), integer }, { QStringLiteral("intent_progression"), jsonb },
                { QStringLiteral("ai_confidence_scores"), jsonb },
                { QStringLiteral("human_handoff"), QStringLiteral("boolean") },
                { QStringLiteral("business_outcome"), jsonb }, { QStringLiteral("conversion_metrics"), jsonb },
                { QStringLiteral("customer_satisfaction"), integer }, { QStringLiteral("key_messages"), jsonb },
                { QStringLiteral("created_at"), timestamp } } },
        { saan, QStringLiteral("inventory_transactions"), QStringLiteral("inventory_tx"),
            QStringLiteral("saan_inventory_transactions_row"),
            { { QStringLiteral("id"), uuid }, { QStringLiteral("product_id"), uuid },
                { QStringLiteral("transaction_type"), varchar }, { QStringLiteral("quantity"), integer },
                { QStringLiteral("reason"), varchar }, { QStringLiteral("reference_id"), uuid },
                { QStringLiteral("product_state"), jsonb }, { QStringLiteral("transaction_context"), jsonb },
                { QStringLiteral("created_at"), timestamp } } },
        { saan, QStringLiteral("daily_inventory_snapshots"), QStringLiteral("daily_inventory"),
            QStringLiteral("saan_daily_inventory_snapshots_row"),
            { { QStringLiteral("id"), uuid }, { QStringLiteral("snapshot_date"), QStringLiteral("date") },
                { QStringLiteral("product_id"), uuid }, { QStringLiteral("opening_stock"), integer },
                { QStringLiteral("closing_stock"), integer }, { QStringLiteral("total_inbound"), integer },
                { QStringLiteral("total_outbound"), integer }, { QStringLiteral("adjustments"), integer },
                { QStringLiteral("average_cost"), numeric }, { QStringLiteral("total_value"), numeric },
                { QStringLiteral("snapshot_created_at"), timestamp } } },
        // The event-sourcing story's snapshot table.
        { QStringLiteral("event-store"), QStringLiteral("event_snapshots"), QStringLiteral("aggregate"),
            QStringLiteral("event_snapshots_row"),
            { { QStringLiteral("id"), uuid }, { QStringLiteral("aggregate_id"), varchar },
                { QStringLiteral("version"), integer }, { QStringLiteral("timestamp"), timestamptz },
                { QStringLiteral("data"), jsonb }, { QStringLiteral("metadata"), jsonb },
                { QStringLiteral("created_at"), timestamptz }, { QStringLiteral("updated_at"), timestamptz } } },
    };
    return tables;
}

const QStringList MappingMembers { QStringLiteral("table"), QStringLiteral("kind"), QStringLiteral("source_id"),
    QStringLiteral("entity"), QStringLiteral("time"), QStringLiteral("type"), QStringLiteral("version"),
    QStringLiteral("payload") };

// A column named by a shape's one-member pointer ("/created_at").
std::optional<QString> columnOf(const JsonPointer &pointer)
{
    const QString text = pointer.toString();
    if (text.size() < 2 || text.indexOf(u'/', 1) >= 0)
        return std::nullopt;
    return text.mid(1);
}

QString pointerTo(const QString &column)
{
    return u'/' + QString(column).replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

} // namespace

QStringList names()
{
    return { QStringLiteral("saan"), QStringLiteral("event-store"), QStringLiteral("mapping") };
}

QList<LiveSourceTable> tables(const QString &preset)
{
    QList<LiveSourceTable> out;
    for (const PresetTable &p : presetTables()) {
        if (p.preset != preset)
            continue;
        LiveSourceTable t;
        t.table = p.table;
        t.kind = p.kind;
        t.shape = p.shape;
        out.append(t);
    }
    return out;
}

QList<Column> expectedColumns(const QString &preset, const QString &table)
{
    for (const PresetTable &p : presetTables()) {
        if (p.preset == preset && p.table == table)
            return p.columns;
    }
    return {};
}

QStringList listedTables(const QString &preset)
{
    if (preset == u"event-store")
        return { QStringLiteral("snapshot_schedules") };
    return {};
}

QStringList mappedColumns(const QJsonObject &mapping)
{
    QStringList columns;
    for (const QString &member : MappingMembers) {
        if (member != u"table" && member != u"kind" && mapping.value(member).isString())
            columns.append(mapping.value(member).toString());
    }
    columns.removeDuplicates();
    return columns;
}

Result<QList<LiveSourceTable>> fromMapping(const QJsonObject &file)
{
    const QJsonArray entries = file.value(u"tables").toArray();
    if (entries.isEmpty())
        return Error { Error::Code::Invalid,
            QStringLiteral("the mapping file names no tables (it needs {\"tables\": [{\"table\": …, \"kind\": …, "
                           "\"source_id\": …, \"entity\": …, \"time\": …}]})") };
    QList<LiveSourceTable> out;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString at = QStringLiteral("mapping: tables[%1]").arg(i);
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (!MappingMembers.contains(it.key()))
                return Error { Error::Code::Invalid,
                    QStringLiteral("%1: unknown member \"%2\" (an entry has %3)")
                        .arg(at, it.key(), MappingMembers.join(QStringLiteral(", "))) };
            if (!it.value().isString() || it.value().toString().isEmpty())
                return Error { Error::Code::Invalid,
                    QStringLiteral("%1: \"%2\" must name a column").arg(at, it.key()) };
        }
        for (const char *required : { "table", "kind", "source_id", "entity", "time" }) {
            if (!entry.contains(QLatin1String(required)))
                return Error { Error::Code::Invalid,
                    QStringLiteral("%1: \"%2\" is missing").arg(at, QLatin1String(required)) };
        }
        LiveSourceTable t;
        t.table = entry.value(u"table").toString();
        t.kind = entry.value(u"kind").toString();
        if (!KindRegistry::find(t.kind))
            return Error { Error::Code::Invalid,
                QStringLiteral("%1: unknown kind \"%2\" (known: %3)")
                    .arg(at, t.kind, KindRegistry::ids().join(QStringLiteral(", "))) };
        for (const LiveSourceTable &other : std::as_const(out)) {
            if (other.table == t.table)
                return Error { Error::Code::Invalid, QStringLiteral("%1: table %2 is mapped twice").arg(at, t.table) };
        }
        // A shape's name is lower-case letters, digits and '_': "mapping_public_order_audit".
        t.shape = QStringLiteral("mapping_") + t.table.toLower();
        for (QChar &ch : t.shape) {
            if (!(ch.isDigit() || (ch >= u'a' && ch <= u'z')))
                ch = u'_';
        }
        t.mapping = entry;
        out.append(t);
    }
    return out;
}

Result<TableReading> reading(const LiveSourceTable &table)
{
    const KindDefinition *kind = KindRegistry::find(table.kind);
    if (!kind)
        return Error { Error::Code::Invalid,
            QStringLiteral("table %1: unknown kind \"%2\"").arg(table.table, table.kind) };
    TableReading out;
    if (table.mapping.isEmpty()) {
        out.kind = std::make_unique<KindDefinition>(*kind);
        for (const KindShape &shape : out.kind->shapes) {
            if (shape.name == table.shape)
                out.shape = &shape;
        }
        if (!out.shape)
            return Error { Error::Code::Invalid,
                QStringLiteral("table %1: kind %2 has no shape %3").arg(table.table, table.kind, table.shape) };
        const auto time = out.shape->time ? columnOf(out.shape->time->at) : std::nullopt;
        const auto id = out.shape->sourceId.size() == 1 ? columnOf(out.shape->sourceId.constFirst()) : std::nullopt;
        if (!time || !id)
            return Error { Error::Code::Invalid,
                QStringLiteral("table %1: shape %2 names no column for the time and the source id")
                    .arg(table.table, table.shape) };
        out.timeColumn = *time;
        out.idColumn = *id;
        return out;
    }
    // A mapped table: a shape of its own, read from the mapping, in a copy of the kind's definition.
    const QJsonObject &m = table.mapping;
    QJsonArray required;
    for (const QString &column : mappedColumns(m))
        required.append(pointerTo(column));
    QJsonObject shape { { QStringLiteral("name"), table.shape },
        { QStringLiteral("source"), QStringLiteral("a live source's mapping file") },
        { QStringLiteral("requires"), required },
        { QStringLiteral("entity"), pointerTo(m.value(u"entity").toString()) },
        { QStringLiteral("source_id"), pointerTo(m.value(u"source_id").toString()) },
        { QStringLiteral("time"), pointerTo(m.value(u"time").toString()) },
        { QStringLiteral("fields"), QJsonObject() } };
    shape.insert(QStringLiteral("type"),
        m.contains(u"type") ? QJsonValue(pointerTo(m.value(u"type").toString()))
                            : QJsonValue(QJsonObject { { QStringLiteral("value"), QStringLiteral("synced") } }));
    if (m.contains(u"version"))
        shape.insert(QStringLiteral("version"), pointerTo(m.value(u"version").toString()));
    QJsonObject definition = kind->definition;
    definition.insert(QStringLiteral("shapes"), QJsonArray { shape });
    auto parsed = KindDefinition::fromJson(definition, QStringLiteral("mapping of %1").arg(table.table));
    if (!parsed)
        return parsed.error();
    out.kind = std::make_unique<KindDefinition>(std::move(*parsed));
    out.shape = &out.kind->shapes.constFirst();
    out.timeColumn = m.value(u"time").toString();
    out.idColumn = m.value(u"source_id").toString();
    out.payloadColumn = m.value(u"payload").toString();
    return out;
}

} // namespace SourcePresets
