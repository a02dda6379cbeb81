#include "sqlhistorystore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "store/sqlvalues.h"
#include "json/canonicaljson.h"
#include "json/jsonpatch.h"
#include "json/strictjson.h"

using SqlValues::execWith;
using SqlValues::nullIfEmpty;
using SqlValues::parseObject;

Result<QList<SnapshotHeader>> SqlHistoryStore::versions(
    const QString &tenant, const QString &kind, const QString &entityId)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    // By version, so the (tenant, kind, entity, version) index serves it: ordered by time, SQLite walked the kind's
    // time index instead, every snapshot of the kind for one entity (130 ms per order in the large demo).
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM snapshots WHERE tenant_id = ? AND kind = ? AND entity_id = ? AND "
                           "deleted_at IS NULL ORDER BY version")
                .arg(SqlSnapshotReader::headerColumns()),
            { tenant, kind, entityId }))
        return m_sql.errorFrom(QStringLiteral("reading the versions of %1").arg(entityId), query);
    // Oldest first by (taken_at, id), as before; sorted here, where it costs nothing.
    return m_reader.readHeaders(query, true);
}

Result<QList<SnapshotHeader>> SqlHistoryStore::snapshotsUpTo(
    const QString &tenant, const QString &kind, const QString &entityId, qint64 seq, int limit)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    // The (tenant, kind, entity, version) index read backwards; event_seq grows with the version.
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM snapshots WHERE tenant_id = ? AND kind = ? AND entity_id = ? AND "
                           "event_seq IS NOT NULL AND event_seq <= ? AND deleted_at IS NULL "
                           "ORDER BY version DESC LIMIT ?")
                .arg(SqlSnapshotReader::headerColumns()),
            { tenant, kind, entityId, seq, limit }))
        return m_sql.errorFrom(QStringLiteral("reading the snapshots of %1").arg(entityId), query);
    return m_reader.readHeaders(query);
}

namespace {
SnapshotStrategy readStrategy(const QSqlQuery &query)
{
    SnapshotStrategy s = SnapshotStrategy::defaultFor(query.value(0).toString());
    s.mode = SnapshotStrategy::modeFromName(query.value(1).toString()).value_or(s.mode);
    s.everyEvents = query.value(2).toInt();
    s.everyHours = query.value(3).toInt();
    s.maxReplayBytes = query.value(4).toLongLong();
    s.incremental = query.value(5).toBool();
    s.keyframeEvery = query.value(6).toInt();
    return s;
}
const QString StrategyColumns
    = QStringLiteral("kind, mode, every_events, every_hours, max_replay_bytes, incremental, keyframe_every");
} // namespace

Result<SnapshotStrategy> SqlHistoryStore::strategy(const QString &tenant, const QString &kind)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT %1 FROM snapshot_strategies WHERE tenant_id = ? AND kind = ?").arg(StrategyColumns),
            { tenant, kind }))
        return m_sql.errorFrom(QStringLiteral("reading the snapshot strategy of %1").arg(kind), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading the snapshot strategy of %1").arg(kind), query);
        return SnapshotStrategy::defaultFor(kind);
    }
    return readStrategy(query);
}

Status SqlHistoryStore::saveStrategy(const QString &tenant, const SnapshotStrategy &strategy, const QString &actor)
{
    if (const QString problem = strategy.validate(); !problem.isEmpty())
        return Error { Error::Code::Invalid, problem };
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query,
                QStringLiteral(
                    "INSERT INTO snapshot_strategies (tenant_id, %1, updated_at, updated_by) VALUES (?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, kind) DO UPDATE SET mode = excluded.mode, "
                    "every_events = excluded.every_events, every_hours = excluded.every_hours, "
                    "max_replay_bytes = excluded.max_replay_bytes, incremental = excluded.incremental, "
                    "keyframe_every = excluded.keyframe_every, updated_at = excluded.updated_at, "
                    "updated_by = excluded.updated_by")
                    .arg(StrategyColumns),
                { tenant, strategy.kind, SnapshotStrategy::modeName(strategy.mode), strategy.everyEvents,
                    strategy.everyHours, strategy.maxReplayBytes, strategy.incremental, strategy.keyframeEvery,
                    QDateTime::currentMSecsSinceEpoch(), actor }))
            return m_sql.errorFrom(QStringLiteral("saving the snapshot strategy of %1").arg(strategy.kind), query);
        audit.tenant = tenant;
        audit.actor = actor;
        audit.action = QStringLiteral("strategy.save");
        audit.target = strategy.kind;
        audit.details = { { QStringLiteral("mode"), SnapshotStrategy::modeName(strategy.mode) },
            { QStringLiteral("every_events"), strategy.everyEvents },
            { QStringLiteral("every_hours"), strategy.everyHours },
            { QStringLiteral("max_replay_bytes"), strategy.maxReplayBytes },
            { QStringLiteral("incremental"), strategy.incremental },
            { QStringLiteral("keyframe_every"), strategy.keyframeEvery } };
        return {};
    });
}

Status SqlHistoryStore::rewriteStorage(const QString &id, const QString &baseId, const QByteArray &content)
{
    auto row = m_reader.header(id);
    if (!row)
        return row.error();
    const SnapshotHeader &h = *row;
    const bool withheld = !h.withheldChecksum.isEmpty();
    if (!baseId.isEmpty()) {
        if (!SnapshotId::isWellFormed(baseId))
            return Error { Error::Code::Invalid, QStringLiteral("base id \"%1\" is not a UUID").arg(baseId) };
        auto baseHeader = m_reader.header(baseId);
        if (!baseHeader)
            return baseHeader.error();
        if (baseHeader->tenant != h.tenant || baseHeader->kind != h.kind || baseHeader->entityId != h.entityId
            || baseHeader->version >= h.version)
            return Error { Error::Code::Invalid,
                QStringLiteral("snapshot %1 can only build on an older version of %2").arg(id, h.entityId) };
    }
    // What `content` materializes to on `on` (the base's state; none for a full payload).
    const auto materialized
        = [&](const QByteArray &bytes, const std::optional<QJsonValue> &on) -> std::optional<QByteArray> {
        if (!on)
            return bytes;
        const auto patch = StrictJson::readStored(bytes);
        auto applied = patch && patch->isArray() ? JsonPatch::apply(*on, patch->toArray()) : patch;
        if (!applied || !applied->isObject())
            return std::nullopt;
        return CanonicalJson::write(applied->toObject());
    };
    const auto hashesTo = [](const std::optional<QByteArray> &state, const QString &checksum) {
        return state && PayloadCodec::checksumOf(*state).compare(checksum, Qt::CaseInsensitive) == 0;
    };
    // The row is stored as it was: whole, or with its personal fields withheld (issue 26), in which case `content`
    // may come in either form (a patch between two whole states, or the stored patch encoded again).
    QByteArray stored = content;
    std::optional<QJsonValue> wholeBase, storedBase;
    if (!baseId.isEmpty()) {
        auto whole = m_reader.load(baseId);
        if (!whole)
            return whole.error();
        wholeBase = CanonicalJson::read(whole->payload);
        if (withheld) {
            auto kept = m_reader.loadStored(baseId);
            if (!kept)
                return kept.error();
            storedBase = kept->withheld ? CanonicalJson::read(kept->payload)
                                        : QJsonValue(Pii::withhold(wholeBase->toObject(), h.kind).document);
        }
    }
    const auto state = materialized(content, wholeBase);
    if (withheld && !hashesTo(materialized(content, storedBase), h.withheldChecksum)) {
        if (!hashesTo(state, h.checksum))
            return Error {
                Error::Code::Invalid,
                QStringLiteral("the new form of %1 does not materialize to its checksum; nothing was changed").arg(id)
            };
        const QJsonObject document = CanonicalJson::read(*state);
        if (baseId.isEmpty()) {
            stored = CanonicalJson::write(Pii::withhold(document, h.kind).document);
        } else {
            stored.clear();
            CanonicalJson::append(stored,
                Pii::withholdPatch(
                    StrictJson::readStored(content)->toArray(), Pii::personalPointers(document, h.kind)));
        }
        if (!hashesTo(materialized(stored, storedBase), h.withheldChecksum))
            return Error { Error::Code::Invalid,
                QStringLiteral("the new form of %1 does not keep its personal fields apart; nothing was changed")
                    .arg(id) };
    } else if (!withheld && !hashesTo(state, h.checksum)) {
        return Error { Error::Code::Invalid,
            QStringLiteral("the new form of %1 does not materialize to its checksum; nothing was changed").arg(id) };
    }
    EncodedPayload encoded = m_codec.encode(baseId.isEmpty() ? h.kind : PayloadCodec::deltaKey(h.kind), stored);
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    // One statement: the row changes completely or not at all, and only while it is stored as it was read (a
    // conversion that kept its personal fields apart meanwhile must not get the whole form back).
    if (!execWith(query,
            QStringLiteral("UPDATE snapshots SET base_id = %1, codec = ?, raw_size = ?, stored_size = ?, payload = ? "
                           "WHERE id = %2 AND COALESCE(withheld_checksum, '') = ?")
                .arg(m_sql.dialect().uuidParameter(), m_sql.dialect().uuidParameter()),
            { nullIfEmpty(baseId.toLower()), encoded.codec, encoded.rawSize, qint64(encoded.blob.size()), encoded.blob,
                h.id, h.withheldChecksum.isEmpty() ? QStringLiteral("") : h.withheldChecksum })) // not NULL
        return m_sql.errorFrom(QStringLiteral("rewriting snapshot %1").arg(id), query);
    if (query.numRowsAffected() != 1)
        return Error { Error::Code::Conflict,
            QStringLiteral(
                "snapshot %1 changed while it was being rewritten (converted or removed); nothing was changed")
                .arg(id) };
    return {};
}

Result<int> SqlHistoryStore::chainDepth(const QString &id)
{
    int depth = 0;
    QString at = id;
    while (true) {
        auto h = m_reader.header(at);
        if (!h)
            return h.error();
        if (h->baseId.isEmpty())
            return depth;
        if (++depth > SqlSnapshotReader::MaxChainDepth)
            return Error { Error::Code::BrokenChain,
                QStringLiteral("snapshot %1: its chain of deltas has no end").arg(id) };
        at = h->baseId;
    }
}
