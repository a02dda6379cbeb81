#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

#include "json/canonicaljson.h"
#include "json/strictjson.h"

// Conversions between column values and the project's types, shared by the SQL stores.
namespace SqlValues {

// A JSON column: text on SQLite, jsonb (returned as text) on PostgreSQL; NULL is an empty object.
inline QJsonObject parseObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QByteArray bytes = value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
    const auto parsed = StrictJson::readStored(bytes);
    return parsed ? parsed->toObject() : QJsonObject();
}

inline QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(CanonicalJson::write(object));
}

// A PostgreSQL identifier (a role, a table) as SQL text, for the statements that cannot bind one (GRANT, FROM).
inline QString quotedIdentifier(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

inline QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

// The other way: a NULL column is nullopt.
inline std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

// next() is false both at the end of the rows and when reading fails (a damaged page, a server gone mid-result): a
// loop over rows, or a lookup that found none, asks this before taking "no more rows" for an answer.
inline bool failedReading(const QSqlQuery &query)
{
    return query.lastError().isValid();
}

// Runs a prepared statement with positional values.
inline bool execWith(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace SqlValues
