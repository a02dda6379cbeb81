#include "sqlkindcatalogue.h"

#include <QDebug>

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

#include "domain/kindregistry.h"
#include "domain/maintenance.h"
#include "store/sqlvalues.h"

using SqlValues::execWith;

Result<QList<KindDefinition>> SqlKindCatalogue::imported()
{
    auto rows = m_sql.rows(QStringLiteral("reading the imported kinds"),
        QStringLiteral("SELECT kind, definition FROM kind_definitions ORDER BY kind"), {}, [](const QSqlQuery &row) {
            return std::pair { row.value(0).toString(), row.value(1).toByteArray() };
        });
    if (!rows)
        return rows.error();
    QList<KindDefinition> kinds;
    for (const auto &[id, text] : *rows) {
        // A definition was checked when it was imported; one this version cannot read (written by a newer
        // SnapScope, or changed by hand) is left out with a warning that names it and why: the store still opens,
        // every other kind works, and that kind's snapshots are refused as of an unknown kind until it is imported
        // again in a form this version reads.
        const QString origin = QStringLiteral("kind \"%1\" stored in this database").arg(id);
        const QJsonDocument document = QJsonDocument::fromJson(text);
        auto kind = document.isObject() ? KindDefinition::fromJson(document.object(), origin)
                                        : Result<KindDefinition>(Error { Error::Code::Invalid,
                                            QStringLiteral("%1: not a JSON object").arg(origin) });
        if (!kind) {
            qWarning().noquote() << QStringLiteral("snapscope: left out: %1").arg(kind.error().message);
            continue;
        }
        kinds.append(std::move(*kind));
    }
    return kinds;
}

Status SqlKindCatalogue::load(int schemaVersion)
{
    if (schemaVersion < 11) {
        KindRegistry::install({});
        return {};
    }
    auto kinds = imported();
    if (!kinds)
        return kinds.error();
    KindRegistry::install(*kinds);
    return {};
}

Status SqlKindCatalogue::importKind(const KindDefinition &kind, const QString &actor)
{
    // The SAAN guide's Don'ts: a kind not worth a snapshot (its own definition says so, or a built-in one does) is
    // never a kind snapshots are stored for.
    if (!kind.notWorthReason.isEmpty() || KindRegistry::notWorthReason(kind.id))
        return Error { Error::Code::Invalid,
            QStringLiteral("\"%1\" is a kind not worth a snapshot (%2); nothing to import")
                .arg(kind.id,
                    kind.notWorthReason.isEmpty() ? *KindRegistry::notWorthReason(kind.id) : kind.notWorthReason) };
    for (const KindDefinition *builtIn : KindRegistry::builtIn()) {
        if (builtIn->id == kind.id)
            return Error { Error::Code::Invalid,
                QStringLiteral("\"%1\" is a built-in kind: choose another id for the imported one").arg(kind.id) };
    }
    const QByteArray text = QJsonDocument(kind.definition).toJson(QJsonDocument::Compact);
    Status status = m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        if (!execWith(query,
                QStringLiteral("INSERT INTO kind_definitions (kind, definition, imported_at, imported_by) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET definition = excluded.definition, "
                               "imported_at = excluded.imported_at, imported_by = excluded.imported_by"),
                { kind.id, QString::fromUtf8(text), QDateTime::currentMSecsSinceEpoch(), actor }))
            return m_sql.errorFrom(QStringLiteral("storing the kind %1").arg(kind.id), query);
        audit.actor = actor;
        audit.action = QStringLiteral("kind.import");
        audit.target = kind.id;
        audit.details = kind.definition;
        return {};
    });
    if (!status)
        return status;
    return load(11);
}

Status SqlKindCatalogue::removeKind(const QString &id, const QString &actor)
{
    Status status = m_sql.write([&](QSqlDatabase &db, AuditEntry &audit) -> Status {
        QSqlQuery query(db);
        // Snapshots of the kind would lose what reads them: they go first (cleanup, purge), then the kind.
        if (!execWith(query, QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE kind = ?"), { id }) || !query.next())
            return m_sql.errorFrom(QStringLiteral("counting the snapshots of %1").arg(id), query);
        if (const qint64 count = query.value(0).toLongLong(); count > 0)
            return Error { Error::Code::Invalid,
                QStringLiteral("%1 snapshot(s) of kind \"%2\" are stored (the trash included): purge them before "
                               "removing the kind")
                    .arg(count)
                    .arg(id) };
        if (!execWith(query, QStringLiteral("DELETE FROM kind_definitions WHERE kind = ?"), { id }))
            return m_sql.errorFrom(QStringLiteral("removing the kind %1").arg(id), query);
        if (query.numRowsAffected() == 0)
            return Error { Error::Code::NotFound, QStringLiteral("no imported kind \"%1\" in this database").arg(id) };
        audit.actor = actor;
        audit.action = QStringLiteral("kind.remove");
        audit.target = id;
        return {};
    });
    if (!status)
        return status;
    return load(11);
}
