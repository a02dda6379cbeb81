#include "sqldictionaries.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include "domain/kindregistry.h"

Status SqlDictionaries::load(int schemaVersion)
{
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    m_schemaVersion = schemaVersion;
    const bool checksummed = schemaVersion >= 9;
    if (!query.exec(QStringLiteral("SELECT id, kind, dict, active, %1 FROM zstd_dictionaries ORDER BY id")
                        .arg(checksummed ? QStringLiteral("checksum") : QStringLiteral("NULL"))))
        return m_sql.errorFrom(QStringLiteral("reading zstd dictionaries"), query);
    QList<std::pair<int, QString>> pending; // written before schema 9: their checksums are written now
    while (query.next()) {
        const CompressionDictionary dictionary { query.value(0).toInt(), query.value(1).toString(),
            query.value(2).toByteArray() };
        const QString stored = query.value(4).toString();
        const QString actual = PayloadCodec::dictionaryChecksum(dictionary.id, dictionary.kind, dictionary.bytes);
        if (checksummed && stored == u"pending") {
            pending.append({ dictionary.id, actual });
        } else if (checksummed && stored.compare(actual, Qt::CaseInsensitive) != 0) {
            m_codec.markDamaged(dictionary.id, dictionary.kind,
                stored.isEmpty() ? QStringLiteral("no checksum is stored")
                                 : QStringLiteral("its checksum does not match"));
            continue;
        }
        // A dictionary zstd cannot load is damage of the same kind: its payloads are unreadable, not the store.
        if (Status status = m_codec.addDictionary(dictionary, query.value(3).toBool()); !status)
            m_codec.markDamaged(dictionary.id, dictionary.kind, QStringLiteral("zstd cannot load it"));
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading zstd dictionaries"), query);
    query.finish();
    if (!pending.isEmpty() && !m_sql.isReadOnly()) {
        QSqlQuery update(*db);
        update.prepare(
            QStringLiteral("UPDATE zstd_dictionaries SET checksum = ? WHERE id = ? AND checksum = 'pending'"));
        for (const auto &[id, checksum] : std::as_const(pending)) {
            update.addBindValue(checksum);
            update.addBindValue(id);
            if (!update.exec())
                return m_sql.errorFrom(QStringLiteral("writing the checksum of dictionary %1").arg(id), update);
        }
    }
    return {};
}

Result<int> SqlDictionaries::add(const QString &kind, const QByteArray &bytes, int sampleCount)
{
    if (!KindRegistry::find(PayloadCodec::kindOfKey(kind)))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_sql.dialect().beginWrite(db); !begun)
        return begun.error();
    QSqlQuery next(db);
    if (!next.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM zstd_dictionaries")) || !next.next()) {
        const Error error = m_sql.errorFrom(QStringLiteral("allocating a dictionary id"), next);
        db.rollback();
        return error;
    }
    const int id = next.value(0).toInt();
    next.finish();
    QSqlQuery deactivate(db);
    deactivate.prepare(QStringLiteral("UPDATE zstd_dictionaries SET active = ? WHERE kind = ?"));
    deactivate.addBindValue(false);
    deactivate.addBindValue(kind);
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO zstd_dictionaries (id, kind, created_at, sample_count, size, dict, active, "
                       "checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(kind);
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    insert.addBindValue(sampleCount);
    insert.addBindValue(bytes.size());
    insert.addBindValue(bytes);
    insert.addBindValue(true);
    insert.addBindValue(PayloadCodec::dictionaryChecksum(id, kind, bytes));
    if (!deactivate.exec() || !insert.exec()) {
        const Error error = m_sql.errorFrom(
            QStringLiteral("storing the dictionary"), insert.lastError().isValid() ? insert : deactivate);
        db.rollback();
        return error;
    }
    AuditEntry trained;
    trained.actor = QStringLiteral("system");
    trained.action = QStringLiteral("dict_train");
    trained.target = QString::number(id);
    trained.details = { { QStringLiteral("kind"), kind }, { QStringLiteral("size"), bytes.size() },
        { QStringLiteral("samples"), sampleCount } };
    if (Status status = m_sql.appendAudit(db, trained); !status) {
        db.rollback();
        return status.error();
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    if (Status status = m_codec.addDictionary({ id, kind, bytes }, true); !status)
        return status.error();
    return id;
}

Result<QList<DictionaryInfo>> SqlDictionaries::list()
{
    return m_sql.rows(QStringLiteral("reading dictionaries"),
        QStringLiteral("SELECT id, kind, created_at, sample_count, size, active FROM zstd_dictionaries ORDER BY id"),
        {}, [](const QSqlQuery &row) {
            return DictionaryInfo { row.value(0).toInt(), row.value(1).toString(), row.value(2).toLongLong(),
                row.value(3).toInt(), row.value(4).toInt(), row.value(5).toBool() };
        });
}
