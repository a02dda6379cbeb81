#include "sqltrash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include "codec/snapshotseal.h"
#include "domain/pii.h"
#include "json/canonicaljson.h"

using SqlValues::compactJson;
using SqlValues::execWith;
using SqlValues::nullableInt;
using SqlValues::nullIfEmpty;

QString SqlTrash::idListParameter() const
{
    return m_sql.dialect().isSqlite() ? QStringLiteral("(SELECT value FROM json_each(?))")
                                      : QStringLiteral("(SELECT unnest(CAST(? AS uuid[])))");
}

QVariant SqlTrash::idListValue(const QStringList &ids) const
{
    if (m_sql.dialect().isSqlite())
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    return QString(QStringLiteral("{") + ids.join(u',') + u'}');
}

Result<qint64> SqlTrash::trash(const QList<QUuid> &ids, EpochMs at, const QString &archivedIn)
{
    if (ids.isEmpty())
        return qint64(0);
    QStringList text;
    text.reserve(ids.size());
    for (const QUuid &id : ids)
        text.append(id.toString(QUuid::WithoutBraces));
    // Pinned rows are re-checked here: a pin set after the plan was made still wins.
    return m_sql.change(QStringLiteral("moving snapshots to the trash"),
        QStringLiteral("UPDATE snapshots SET deleted_at = ?, archived_in = ? WHERE id IN %1 AND "
                       "deleted_at IS NULL AND pinned = ?")
            .arg(idListParameter()),
        { at, nullIfEmpty(archivedIn), idListValue(text), false });
}

Result<qint64> SqlTrash::restore(const QStringList &ids)
{
    if (ids.isEmpty())
        return qint64(0);
    return m_sql.change(QStringLiteral("restoring snapshots from the trash"),
        QStringLiteral("UPDATE snapshots SET deleted_at = NULL, archived_in = NULL WHERE id IN %1 AND "
                       "deleted_at IS NOT NULL")
            .arg(idListParameter()),
        { idListValue(ids) });
}

Result<QMap<QString, QStringList>> SqlTrash::archives(const QString &tenant, EpochMs trashedBefore)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT archived_in, id FROM snapshots WHERE tenant_id = ? AND deleted_at IS NOT NULL "
                           "AND deleted_at < ? AND archived_in IS NOT NULL"),
            { tenant, trashedBefore }))
        return m_sql.errorFrom(QStringLiteral("reading the trash's archives"), query);
    QMap<QString, QStringList> archives;
    while (query.next())
        archives[query.value(0).toString()].append(query.value(1).toString());
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading the trash's archives"), query);
    return archives;
}

Result<qint64> SqlTrash::purge(
    const QString &tenant, EpochMs trashedBefore, int limit, AuditEntry audit, const QStringList &goodArchives)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_sql.dialect().beginWrite(db); !begun)
        return begun.error();
    QSqlQuery query(db);
    // A base that a delta still builds on stays until the delta is gone (a later batch or run purges it then). A row
    // trashed with an archive goes only while that archive reads whole.
    QStringList placeholders;
    QVariantList values { tenant, trashedBefore };
    for (const QString &archive : goodArchives) {
        placeholders.append(QStringLiteral("?"));
        values.append(archive);
    }
    values.append(limit);
    const QString archived = placeholders.isEmpty()
        ? QStringLiteral("s.archived_in IS NULL")
        : QStringLiteral("(s.archived_in IS NULL OR s.archived_in IN (%1))").arg(placeholders.join(u','));
    if (!execWith(query,
            QStringLiteral("DELETE FROM snapshots WHERE id IN (SELECT id FROM snapshots s WHERE tenant_id = ? "
                           "AND deleted_at IS NOT NULL AND deleted_at < ? AND %1 AND NOT EXISTS (SELECT 1 FROM "
                           "snapshots c WHERE c.base_id = s.id) LIMIT ?)")
                .arg(archived),
            values)) {
        const Error error = m_sql.errorFrom(QStringLiteral("purging the trash"), query);
        query.finish();
        db.rollback();
        return error;
    }
    const qint64 purged = query.numRowsAffected();
    query.finish();
    if (purged > 0) {
        audit.details.insert(QStringLiteral("purged"), purged);
        if (Status written = m_sql.appendAudit(db, audit); !written) {
            db.rollback();
            return written.error();
        }
    }
    if (!db.commit()) {
        const Error error { Error::Code::Database, QStringLiteral("purging the trash: %1").arg(db.lastError().text()) };
        db.rollback();
        return error;
    }
    return purged;
}

Result<qint64> SqlTrash::count(const QString &tenant, std::optional<EpochMs> trashedBefore)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!execWith(query,
            QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE tenant_id = ? AND deleted_at IS NOT NULL "
                           "AND deleted_at < ?"),
            { tenant, trashedBefore.value_or(std::numeric_limits<qint64>::max()) })
        || !query.next())
        return m_sql.errorFrom(QStringLiteral("counting the trash"), query);
    return query.value(0).toLongLong();
}

Result<qint64> SqlTrash::importArchived(const QList<MaintenanceStore::ArchivedRow> &rows)
{
    // Rows of a tenant this database does not hold would be orphans no timeline lists: refused before any is written.
    auto tenants = m_tenants.tenants();
    if (!tenants)
        return tenants.error();
    QSet<QString> known;
    for (const Tenant &t : std::as_const(*tenants))
        known.insert(t.id);
    for (const MaintenanceStore::ArchivedRow &row : rows) {
        if (!known.contains(row.header.tenant))
            return Error { Error::Code::Invalid,
                QStringLiteral("the archive holds snapshots of tenant \"%1\", which this database does not have "
                               "(snapshot %2); nothing was imported")
                    .arg(row.header.tenant, row.header.id) };
    }
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_sql.dialect().beginWrite(db); !begun)
        return begun.error();
    const SqlDialect &d = m_sql.dialect();
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT checksum FROM snapshots WHERE id = %1").arg(d.uuidParameter()));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO snapshots (id, tenant_id, kind, entity_id, version, taken_at, "
                                  "snapshot_type, created_by, \"trigger\", previous_id, event_seq, base_id, codec, "
                                  "raw_size, stored_size, checksum, payload, summary, pinned, seal, withheld_checksum) "
                                  "VALUES (%1, ?, ?, ?, ?, ?, ?, ?, %2, %1, ?, %1, ?, ?, ?, ?, ?, %2, ?, ?, ?)")
                       .arg(d.uuidParameter(), d.jsonParameter()));
    const auto fail = [&](const Error &error) -> Result<qint64> {
        exists.finish();
        insert.finish();
        db.rollback();
        return error;
    };
    const bool splits = m_personal.splits();
    QList<SqlPersonalFields::Row> personal;
    qint64 inserted = 0;
    for (const MaintenanceStore::ArchivedRow &row : rows) {
        const SnapshotHeader &h = row.header;
        exists.addBindValue(h.id);
        if (!exists.exec())
            return fail(m_sql.errorFrom(QStringLiteral("importing %1").arg(h.id), exists));
        const bool there = exists.next();
        if (!there && SqlValues::failedReading(exists))
            return fail(m_sql.errorFrom(QStringLiteral("importing %1").arg(h.id), exists));
        if (there) {
            if (exists.value(0).toString() != h.checksum) {
                return fail({ Error::Code::Invalid,
                    QStringLiteral("snapshot %1 is already in the database with different content").arg(h.id) });
            }
            continue; // already there (restored, or never purged)
        }
        EncodedPayload encoded;
        QJsonObject summary = h.summary;
        QString withheldChecksum;
        if (splits) {
            Pii::WithheldDocument withheld = Pii::withhold(CanonicalJson::read(row.payload), h.kind);
            const QByteArray stored = CanonicalJson::write(withheld.document);
            encoded = m_codec.encode(h.kind, stored);
            encoded.checksum = PayloadCodec::checksumOf(row.payload);
            withheldChecksum = PayloadCodec::checksumOf(stored);
            Pii::WithheldDocument withheldSummary = Pii::withholdSummary(summary, h.kind);
            summary = withheldSummary.document;
            withheld.fields.append(withheldSummary.fields);
            for (Pii::WithheldField &field : withheld.fields) {
                // A summary archived as a support login read it holds the placeholder, not the value.
                if (field.value != QJsonValue(Pii::Withheld))
                    personal.append({ h.id, h.tenant, std::move(field) });
            }
        } else {
            encoded = m_codec.encode(h.kind, row.payload);
        }
        SnapshotHeader sealed = h;
        sealed.checksum = encoded.checksum;
        sealed.withheldChecksum = withheldChecksum;
        for (const QVariant &value :
            QVariantList { h.id, h.tenant, h.kind, h.entityId, h.version, h.takenAt, h.type, h.createdBy,
                h.trigger.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compactJson(h.trigger)),
                nullIfEmpty(h.previousId), nullableInt(h.eventSeq), nullIfEmpty(h.baseId), encoded.codec,
                encoded.rawSize, qint64(encoded.blob.size()), encoded.checksum, encoded.blob, compactJson(summary),
                h.pinned, SnapshotSeal::of(sealed), nullIfEmpty(withheldChecksum) })
            insert.addBindValue(value);
        if (!insert.exec())
            return fail(m_sql.errorFrom(QStringLiteral("importing %1").arg(h.id), insert));
        ++inserted;
    }
    exists.finish();
    insert.finish();
    if (Status written = m_personal.write(db, personal); !written) {
        db.rollback();
        return written.error();
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return inserted;
}
