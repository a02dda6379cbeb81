#include "sqlsnapshotwriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThreadPool>

#include <optional>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "store/bulkinsert.h"
#include "store/jobsahead.h"
#include "store/sqlchartfacts.h"
#include "json/canonicaljson.h"

using SqlValues::compactJson;
using SqlValues::nullIfEmpty;

namespace {

// Everything about one snapshot that can be computed without the database, done on the pool before the write, so
// the single writing thread only assigns versions and binds values.
struct PreparedSnapshot
{
    const NewSnapshot *source = nullptr;
    const KindDefinition *kind = nullptr;
    SnapshotHeader header; // complete but for version and previousId
    QVariantList row; // bind values of the snapshots row, with placeholders at VersionColumn and PreviousIdColumn
    std::optional<SqlChartFacts::Row> facts; // the kind's chart fact row, if it has one
    QList<Pii::WithheldField> personal; // on a shared store: the personal fields kept apart
    QString entityKey; // tenant, kind and entity id: the version sequence it belongs to
    QString statsKey; // business day, tenant and kind: the snapshot_stats row it counts in
    QString businessDay;
};
constexpr qsizetype VersionColumn = 4;
constexpr qsizetype PreviousIdColumn = 9;

} // namespace

Result<QList<SnapshotHeader>> SqlSnapshotWriter::putBatch(const QList<NewSnapshot> &snapshots)
{
    for (const NewSnapshot &s : snapshots) {
        if (s.placement != NewSnapshot::Placement::Append || !s.sourceId.isEmpty())
            return Error { Error::Code::Invalid,
                QStringLiteral("a snapshot with a source id or a place of its own is written by an ingest run") };
    }
    // Two writers on one PostgreSQL server can give the same entity the same next version (each read the old
    // latest); the loser's batch rolls back on the unique index and is written again with fresh versions. (SQLite
    // writers are serialized by BEGIN IMMEDIATE.)
    for (int attempt = 1;; ++attempt) {
        auto written = writeBatch(snapshots, nullptr);
        if (written)
            return std::move(written->written);
        if (attempt == 5 || !written.error().message.contains(QStringLiteral("snapshots_entity_version")))
            return written.error();
    }
}

Result<IngestWrite> SqlSnapshotWriter::writeBatch(const QList<NewSnapshot> &snapshots, IngestRun *run)
{
    if (snapshots.isEmpty())
        return IngestWrite();
    QElapsedTimer timer;
    timer.start();

    // Validate and encode first: nothing reaches the database unless every snapshot in the batch is well-formed.
    std::vector<PreparedSnapshot> prepared(size_t(snapshots.size()));
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const NewSnapshot &s = snapshots.at(i);
        PreparedSnapshot &p = prepared[size_t(i)];
        p.source = &s;
        p.kind = KindRegistry::find(s.kind);
        if (!p.kind) {
            if (const auto reason = KindRegistry::notWorthReason(s.kind))
                return Error { Error::Code::Invalid,
                    QStringLiteral("\"%1\" is not worth a snapshot: %2").arg(s.kind, *reason) };
            return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(s.kind) };
        }
        if (s.tenant.isEmpty() || s.entityId.isEmpty() || s.type.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("a snapshot needs a tenant, an entity id and a type") };
        if (!s.id.isEmpty() && !SnapshotId::isWellFormed(s.id))
            return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a UUID").arg(s.id) };
        if (!s.baseId.isEmpty() && !SnapshotId::isWellFormed(s.baseId))
            return Error { Error::Code::Invalid, QStringLiteral("base id \"%1\" is not a UUID").arg(s.baseId) };
        if (s.placement == NewSnapshot::Placement::AtVersion && s.version <= 0)
            return Error { Error::Code::Invalid, QStringLiteral("version %1 is not a positive number").arg(s.version) };
        p.header.id = s.id.isEmpty() ? SnapshotId::generate(s.takenAt) : s.id.toLower();
    }
    const bool splits = m_personal.splits();
    const auto prepare = [this, splits](PreparedSnapshot &p) {
        const NewSnapshot &s = *p.source;
        SnapshotHeader &h = p.header;
        EncodedPayload encoded;
        if (splits) {
            // A shared store keeps the personal fields apart (issue 26): the payload (or the patch) is stored with
            // them withheld; the checksum stays that of the whole document.
            Pii::WithheldDocument withheld = Pii::withhold(s.payload, s.kind);
            const QByteArray stored = CanonicalJson::write(withheld.document);
            if (s.baseId.isEmpty()) {
                encoded = m_codec.encode(s.kind, stored);
            } else {
                QByteArray patch;
                CanonicalJson::append(patch, Pii::withholdPatch(s.patch, Pii::personalPointers(s.payload, s.kind)));
                encoded = m_codec.encode(PayloadCodec::deltaKey(s.kind), patch);
            }
            h.withheldChecksum = PayloadCodec::checksumOf(stored);
            encoded.checksum = PayloadCodec::checksumOf(CanonicalJson::write(s.payload));
            p.personal = std::move(withheld.fields);
        } else if (s.baseId.isEmpty()) {
            encoded = m_codec.encode(s.kind, CanonicalJson::write(s.payload));
        } else {
            QByteArray patch;
            CanonicalJson::append(patch, s.patch);
            encoded = m_codec.encode(PayloadCodec::deltaKey(s.kind), patch);
            encoded.checksum = PayloadCodec::checksumOf(CanonicalJson::write(s.payload));
        }
        h.tenant = s.tenant;
        h.kind = s.kind;
        h.entityId = s.entityId;
        h.takenAt = s.takenAt;
        h.type = s.type;
        h.createdBy = s.createdBy.isEmpty() ? QStringLiteral("system") : s.createdBy;
        h.trigger = s.trigger;
        h.eventSeq = s.eventSeq;
        h.baseId = s.baseId;
        h.codec = encoded.codec;
        h.rawSize = encoded.rawSize;
        h.storedSize = encoded.blob.size();
        h.checksum = encoded.checksum;
        h.seal = SnapshotSeal::of(h);
        // The shape is recognised once; the summary and the chart facts both read through it.
        const KindShape *shape = p.kind->recognise(s.payload);
        h.summary = shape ? p.kind->summarize(s.payload, *shape) : QJsonObject();
        if (splits) {
            Pii::WithheldDocument summary = Pii::withholdSummary(h.summary, s.kind);
            h.summary = std::move(summary.document);
            p.personal.append(std::move(summary.fields));
        }
        p.row = { h.id, h.tenant, h.kind, h.entityId, QVariant() /* version */, h.takenAt, h.type, h.createdBy,
            h.trigger.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compactJson(h.trigger)),
            QVariant() /* previous id */,
            h.eventSeq ? QVariant(*h.eventSeq) : QVariant(QMetaType::fromType<qlonglong>()), nullIfEmpty(h.baseId),
            h.codec, h.rawSize, h.storedSize, h.checksum, encoded.blob, compactJson(h.summary), h.seal,
            nullIfEmpty(s.sourceId), nullIfEmpty(h.withheldChecksum) };
        p.entityKey = s.tenant + u'\x1f' + s.kind + u'\x1f' + s.entityId;
        p.businessDay = m_tenants.businessDay(s.tenant, s.takenAt);
        p.statsKey = p.businessDay + u'\x1f' + s.tenant + u'\x1f' + s.kind;
        if (shape)
            p.facts = SqlChartFacts::rowOf(h, *p.kind, *shape, s.payload, p.businessDay);
    };
    // Chunks are prepared on the pool ahead of the one being written here; one the pool has not reached yet is
    // prepared by this thread rather than waited for.
    constexpr qsizetype ChunkSize = 64;
    constexpr qsizetype ChunksAhead = 8;
    const auto chunkRange = [&](qsizetype chunk) {
        const auto first = prepared.begin() + chunk * ChunkSize;
        return std::pair { first, first + std::min<qsizetype>(ChunkSize, qsizetype(prepared.end() - first)) };
    };
    const qsizetype chunks = (qsizetype(prepared.size()) + ChunkSize - 1) / ChunkSize;
    JobsAhead preparing(*QThreadPool::globalInstance(), chunks, ChunksAhead, [&](qsizetype chunk) {
        const auto [first, last] = chunkRange(chunk);
        std::for_each(first, last, prepare);
    });

    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    const SqlDialect &d = m_sql.dialect();

    QSqlQuery latest(db);
    // PostgreSQL parses a prepared statement at once, taking its table's lock: a held lock times out here.
    if (!latest.prepare(
            QStringLiteral("SELECT version, id, taken_at FROM snapshots WHERE tenant_id = ? AND kind = ? AND "
                           "entity_id = ? ORDER BY version DESC LIMIT 1")))
        return m_sql.errorFrom(QStringLiteral("reading the latest version"), latest);
    QSqlQuery known(db);
    if (run
        && !known.prepare(QStringLiteral("SELECT 1 FROM snapshots WHERE tenant_id = ? AND kind = ? AND source_id = ?")))
        return m_sql.errorFrom(QStringLiteral("looking up source ids"), known);
    const int RowsPerStatement = d.insertRowsPerStatement();
    BulkInsert insert(db,
        QStringLiteral("INSERT INTO snapshots (id, tenant_id, kind, entity_id, version, taken_at, snapshot_type, "
                       "created_by, \"trigger\", previous_id, event_seq, base_id, codec, raw_size, stored_size, "
                       "checksum, payload, summary, seal, source_id, withheld_checksum)"),
        QStringLiteral("(%1, ?, ?, ?, ?, ?, ?, ?, %2, %1, ?, %1, ?, ?, ?, ?, ?, %2, ?, ?, ?)")
            .arg(d.uuidParameter(), d.jsonParameter()),
        QString(), RowsPerStatement);
    QHash<QString, EntityTail> latestInBatch;
    QHash<QString, EntityTail> &tails = run ? run->tails : latestInBatch;
    struct DayStats
    {
        QString day, tenant, kind;
        qint64 created = 0, raw = 0, stored = 0;
    };
    QHash<QString, DayStats> dayStats;

    if (!run) {
        if (Status begun = m_sql.dialect().beginWrite(db); !begun)
            return begun.error();
    }
    // An ingest run's transaction is rolled back by its owner (IngestTransaction), the whole run at once.
    const auto fail = [&](const Error &error) -> Error {
        if (!run)
            db.rollback();
        return error;
    };

    const auto writeError = [](const QString &what, const BulkInsert &rows) {
        return Error { Error::Code::Database, QStringLiteral("writing %1: %2").arg(what, rows.lastError()) };
    };
    // A failed group names the snapshot that opened it; the whole batch is rolled back either way.
    qsizetype firstPending = 0;
    const auto snapshotsFrom = [&](qsizetype first) {
        const PreparedSnapshot &p = prepared[size_t(first)];
        return QStringLiteral("snapshot %1 (%2 %3)").arg(p.header.id, p.header.kind, p.header.entityId);
    };

    SqlChartFacts facts(m_sql, db);
    QList<SqlPersonalFields::Row> personal; // written after their snapshots' rows
    IngestWrite outcome;
    QList<SnapshotHeader> &headers = outcome.written;
    headers.reserve(snapshots.size());
    for (qsizetype chunk = 0; chunk < chunks; ++chunk) {
        preparing.need(chunk);
        const auto [first, last] = chunkRange(chunk);
        for (auto it = first; it != last; ++it) {
            PreparedSnapshot &p = *it;
            SnapshotHeader &h = p.header;
            // The limit every reader applies (PayloadCodec::decode): what could not be read back is not written.
            if (h.rawSize > PayloadCodec::MaxPayloadBytes)
                return fail({ Error::Code::Invalid,
                    QStringLiteral("snapshot %1 (%2 %3): its payload of %4 bytes is over the limit of %5 bytes")
                        .arg(h.id, h.kind, h.entityId)
                        .arg(h.rawSize)
                        .arg(PayloadCodec::MaxPayloadBytes) });
            const NewSnapshot &s = *p.source;
            const qsizetype index = qsizetype(it - prepared.begin());
            std::optional<IngestRun::Before> before; // an ingest run: what the store held of this kind
            if (run) {
                const QString kindKey = h.tenant + u'\x1f' + h.kind;
                auto found = run->before.constFind(kindKey);
                if (found == run->before.constEnd()) {
                    auto held = heldBefore(db, h.tenant, h.kind);
                    if (!held)
                        return fail(held.error());
                    found = run->before.insert(kindKey, *held);
                }
                before = *found;
            }
            // The run keeps a 64-bit hash of each source id it wrote; a hash it has seen is checked in the store (after
            // the pending rows are written), so a collision never passes a record off as a duplicate.
            const size_t sourceHash = run ? qHash(s.sourceId, qHash(h.kind, qHash(h.tenant))) : 0;
            if (run && !s.sourceId.isEmpty()) {
                const bool seen = run->sourceIds.contains(sourceHash);
                bool duplicate = false;
                if (seen || before->sourceIds) {
                    if (seen && insert.pendingRows() > 0 && !insert.flush())
                        return fail(writeError(snapshotsFrom(firstPending), insert));
                    known.addBindValue(h.tenant);
                    known.addBindValue(h.kind);
                    known.addBindValue(s.sourceId);
                    if (!known.exec())
                        return fail(m_sql.errorFrom(QStringLiteral("looking up source ids"), known));
                    duplicate = known.next();
                    if (!duplicate && SqlValues::failedReading(known))
                        return fail(m_sql.errorFrom(QStringLiteral("looking up source ids"), known));
                    known.finish();
                }
                if (duplicate) {
                    outcome.duplicates.append(index);
                    continue;
                }
            }
            EntityTail previous;
            if (auto found = tails.constFind(p.entityKey); found != tails.constEnd()) {
                previous = *found;
            } else if (!before || before->rows || run->entities.contains(qHash(p.entityKey))) {
                latest.addBindValue(h.tenant);
                latest.addBindValue(h.kind);
                latest.addBindValue(h.entityId);
                if (!latest.exec())
                    return fail(m_sql.errorFrom(QStringLiteral("reading the latest version"), latest));
                if (latest.next())
                    previous = { latest.value(0).toInt(), latest.value(1).toString(), latest.value(2).toLongLong() };
                else if (SqlValues::failedReading(latest)) // not "no version yet": that would store a second v1
                    return fail(m_sql.errorFrom(QStringLiteral("reading the latest version"), latest));
                latest.finish();
            }
            const bool late = previous.version > 0
                && ((s.placement == NewSnapshot::Placement::AtVersion && s.version <= previous.version)
                    || (s.placement == NewSnapshot::Placement::ByTime && s.takenAt < previous.takenAt));
            if (late) {
                // A record that arrives after later ones of its entity: the rows written so far are flushed, so
                // that the versions around its place can be read and moved.
                if (!insert.flush())
                    return fail(writeError(snapshotsFrom(firstPending), insert));
                auto slot = placeEarlier(db, h, s);
                if (!slot && run && slot.error().code == Error::Code::Conflict) {
                    outcome.refused.append({ index, slot.error().message });
                    continue;
                }
                if (!slot)
                    return fail(slot.error());
                h.version = slot->first;
                h.previousId = slot->second;
                if (s.placement == NewSnapshot::Placement::ByTime)
                    ++previous.version; // the entity's latest moved up one
                tails.insert(p.entityKey, previous);
            } else {
                h.version = s.placement == NewSnapshot::Placement::AtVersion ? s.version : previous.version + 1;
                h.previousId = previous.id;
                tails.insert(p.entityKey, { h.version, h.id, h.takenAt });
            }
            p.row[VersionColumn] = h.version;
            p.row[PreviousIdColumn] = nullIfEmpty(h.previousId);
            if (run) {
                run->entities.insert(qHash(p.entityKey));
                if (!s.sourceId.isEmpty())
                    run->sourceIds.insert(sourceHash);
            }

            // An ingest run remembers the latest version of at most MaxTails entities (memory stays flat on a file of
            // millions); then it writes what is pending and forgets them: an entity it wrote (IngestRun::entities)
            // and no longer remembers is read from the store.
            if (run && tails.size() > IngestRun::MaxTails) {
                if (insert.pendingRows() > 0 && !insert.flush())
                    return fail(writeError(snapshotsFrom(firstPending), insert));
                const EntityTail kept = tails.value(p.entityKey);
                tails.clear();
                tails.insert(p.entityKey, kept);
            }
            if (insert.pendingRows() == 0)
                firstPending = index;
            if (!insert.addRow(std::move(p.row)))
                return fail(writeError(snapshotsFrom(firstPending), insert));

            if (p.facts) {
                if (Status added = facts.add(std::move(*p.facts)); !added)
                    return fail(added.error());
            }
            for (Pii::WithheldField &field : p.personal)
                personal.append({ h.id, h.tenant, std::move(field) });

            DayStats &stats = dayStats[p.statsKey];
            if (stats.created == 0) {
                stats.day = p.businessDay;
                stats.tenant = h.tenant;
                stats.kind = h.kind;
            }
            ++stats.created;
            stats.raw += h.rawSize;
            stats.stored += h.storedSize;
            headers.append(std::move(h));
        }
    }

    if (!insert.flush())
        return fail(writeError(snapshotsFrom(firstPending), insert));
    if (Status written = facts.finish(); !written)
        return fail(written.error());
    if (Status written = m_personal.write(db, personal); !written)
        return fail(written.error());

    const double msPerSnapshot = double(timer.nsecsElapsed()) / 1e6 / double(prepared.size());
    QSqlQuery statsQuery(db);
    statsQuery.prepare(
        QStringLiteral("INSERT INTO snapshot_stats (day, tenant_id, kind, created, raw_bytes, stored_bytes, "
                       "total_put_ms) VALUES (%1, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, tenant_id, kind) DO UPDATE "
                       "SET created = snapshot_stats.created + excluded.created, raw_bytes = "
                       "snapshot_stats.raw_bytes + excluded.raw_bytes, stored_bytes = snapshot_stats.stored_bytes "
                       "+ excluded.stored_bytes, total_put_ms = snapshot_stats.total_put_ms + excluded.total_put_ms")
            .arg(d.dateParameter()));
    for (const DayStats &stats : std::as_const(dayStats)) {
        statsQuery.addBindValue(stats.day);
        statsQuery.addBindValue(stats.tenant);
        statsQuery.addBindValue(stats.kind);
        statsQuery.addBindValue(stats.created);
        statsQuery.addBindValue(stats.raw);
        statsQuery.addBindValue(stats.stored);
        statsQuery.addBindValue(msPerSnapshot * double(stats.created));
        if (!statsQuery.exec())
            return fail(m_sql.errorFrom(QStringLiteral("updating snapshot_stats"), statsQuery));
    }

    if (!run && !db.commit()) {
        const Error error { Error::Code::Database,
            QStringLiteral("committing snapshots: %1").arg(db.lastError().text()) };
        db.rollback();
        return error;
    }
    return outcome;
}

Result<SqlSnapshotWriter::IngestRun::Before> SqlSnapshotWriter::heldBefore(
    QSqlDatabase &db, const QString &tenant, const QString &kind)
{
    IngestRun::Before held;
    for (const auto &[sql, flag] :
        { std::pair { QStringLiteral("SELECT 1 FROM snapshots WHERE tenant_id = ? AND kind = ? LIMIT 1"), &held.rows },
            std::pair { QStringLiteral("SELECT 1 FROM snapshots WHERE tenant_id = ? AND kind = ? AND source_id IS NOT "
                                       "NULL LIMIT 1"),
                &held.sourceIds } }) {
        QSqlQuery query(db);
        if (!query.prepare(sql))
            return m_sql.errorFrom(QStringLiteral("reading what the store holds of %1").arg(kind), query);
        query.addBindValue(tenant);
        query.addBindValue(kind);
        if (!query.exec())
            return m_sql.errorFrom(QStringLiteral("reading what the store holds of %1").arg(kind), query);
        *flag = query.next();
        if (!*flag && SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading what the store holds of %1").arg(kind), query);
    }
    return held;
}

Result<std::pair<int, QString>> SqlSnapshotWriter::placeEarlier(
    QSqlDatabase &db, const SnapshotHeader &h, const NewSnapshot &s)
{
    const QString uuid = m_sql.dialect().uuidParameter();
    const QString entity = QStringLiteral(" FROM snapshots WHERE tenant_id = ? AND kind = ? AND entity_id = ? ");
    const QString where = QStringLiteral("placing %1 (%2 %3) in its timeline").arg(h.id, h.kind, h.entityId);
    // Runs `sql` with the entity's key and then `more` bound; the first row's columns, or an empty list.
    const auto first = [&](const QString &sql, const QVariantList &more) -> Result<QVariantList> {
        QSqlQuery query(db);
        if (!query.prepare(sql))
            return m_sql.errorFrom(where, query);
        for (const QVariant &v : { QVariant(h.tenant), QVariant(h.kind), QVariant(h.entityId) })
            query.addBindValue(v);
        for (const QVariant &v : more)
            query.addBindValue(v);
        if (!query.exec())
            return m_sql.errorFrom(where, query);
        QVariantList row;
        if (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
        } else if (SqlValues::failedReading(query)) {
            return m_sql.errorFrom(where, query);
        }
        return row;
    };
    int version = s.version;
    QString successor;
    if (s.placement == NewSnapshot::Placement::AtVersion) {
        auto taken = first(QStringLiteral("SELECT id") + entity + QStringLiteral("AND version = ?"), { version });
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return Error { Error::Code::Conflict,
                QStringLiteral("version %1 of %2 %3 is stored already, as snapshot %4 from another record")
                    .arg(version)
                    .arg(h.kind, h.entityId, taken->at(0).toString()) };
        auto next
            = first(QStringLiteral("SELECT id") + entity + QStringLiteral("AND version > ? ORDER BY version LIMIT 1"),
                { version });
        if (!next)
            return next.error();
        successor = next->isEmpty() ? QString() : next->at(0).toString();
    } else {
        auto next = first(
            QStringLiteral("SELECT version, id") + entity + QStringLiteral("AND taken_at > ? ORDER BY version LIMIT 1"),
            { h.takenAt });
        if (!next)
            return next.error();
        if (next->isEmpty())
            return Error { Error::Code::Database, where + QStringLiteral(": no later snapshot found") };
        version = next->at(0).toInt();
        successor = next->at(1).toString();
        // Every later version moves up one. A unique index is checked row by row as an UPDATE goes, so the versions
        // are first moved out of the way, then into place.
        constexpr int Aside = 1000000000;
        const std::pair<QString, int> moves[] = {
            { QStringLiteral("UPDATE snapshots SET version = version + %1 WHERE tenant_id = ? AND kind = ? AND "
                             "entity_id = ? AND version >= ?")
                    .arg(Aside),
                version },
            { QStringLiteral("UPDATE snapshots SET version = version - %1 WHERE tenant_id = ? AND kind = ? AND "
                             "entity_id = ? AND version >= ?")
                    .arg(Aside - 1),
                Aside },
        };
        for (const auto &[sql, from] : moves) {
            QSqlQuery query(db);
            if (!query.prepare(sql))
                return m_sql.errorFrom(where, query);
            query.addBindValue(h.tenant);
            query.addBindValue(h.kind);
            query.addBindValue(h.entityId);
            query.addBindValue(from);
            if (!query.exec())
                return m_sql.errorFrom(where, query);
        }
    }
    auto before
        = first(QStringLiteral("SELECT id") + entity + QStringLiteral("AND version < ? ORDER BY version DESC LIMIT 1"),
            { version });
    if (!before)
        return before.error();
    if (!successor.isEmpty()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET previous_id = %1 WHERE id = %1").arg(uuid));
        query.addBindValue(h.id);
        query.addBindValue(successor);
        if (!query.exec())
            return m_sql.errorFrom(where, query);
    }
    return std::pair { version, before->isEmpty() ? QString() : before->at(0).toString() };
}

Status SqlSnapshotWriter::setPinned(const QString &id, bool pinned, const QString &reason, const QString &actor)
{
    auto h = m_reader.header(id);
    if (!h)
        return h.error();
    if (pinned && reason.trimmed().isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("pinning (legal hold) needs a reason") };
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET pinned = ?, pin_reason = ? WHERE id = %1")
                          .arg(m_sql.dialect().uuidParameter()));
        query.addBindValue(pinned);
        query.addBindValue(pinned ? QVariant(reason) : QVariant(QMetaType::fromType<QString>()));
        query.addBindValue(h->id);
        if (!query.exec())
            return m_sql.errorFrom(QStringLiteral("pinning %1").arg(id), query);
        audit.tenant = h->tenant;
        audit.actor = actor;
        audit.action = pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
        audit.target = h->id;
        audit.details = { { QStringLiteral("reason"), reason }, { QStringLiteral("kind"), h->kind },
            { QStringLiteral("entity_id"), h->entityId }, { QStringLiteral("version"), h->version } };
        return {};
    });
}

Status SqlSnapshotWriter::setPinned(
    const QStringList &ids, bool pinned, const QString &reason, const QString &actor, const QString &target)
{
    if (ids.isEmpty())
        return {};
    if (pinned && reason.trimmed().isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("a legal hold needs a reason") };
    auto first = m_reader.header(ids.first());
    if (!first)
        return first.error();
    return m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET pinned = ?, pin_reason = ? WHERE id = %1 AND tenant_id = ?")
                          .arg(m_sql.dialect().uuidParameter()));
        for (const QString &id : ids) {
            query.addBindValue(pinned);
            query.addBindValue(pinned ? QVariant(reason) : QVariant(QMetaType::fromType<QString>()));
            query.addBindValue(id);
            query.addBindValue(first->tenant);
            if (!query.exec())
                return m_sql.errorFrom(QStringLiteral("pinning %1").arg(id), query);
            if (query.numRowsAffected() != 1)
                return Error { Error::Code::NotFound,
                    QStringLiteral("no snapshot %1 in tenant %2: nothing was pinned").arg(id, first->tenant) };
        }
        audit.tenant = first->tenant;
        audit.actor = actor;
        audit.action = pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
        audit.target = target;
        audit.details = { { QStringLiteral("reason"), reason }, { QStringLiteral("count"), ids.size() },
            { QStringLiteral("snapshot_ids"), QJsonArray::fromStringList(ids) } };
        return {};
    });
}
