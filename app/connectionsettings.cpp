#include "connectionsettings.h"

#include <QSettings>
#include <QVariantMap>

namespace ConnectionSettings {

namespace {

constexpr int MaxRecent = 8;

QVariantMap toMap(const ConnectionSpec &spec)
{
    if (spec.backend == ConnectionSpec::Backend::SQLite)
        return { { QStringLiteral("backend"), QStringLiteral("sqlite") }, { QStringLiteral("path"), spec.sqlitePath } };
    return { { QStringLiteral("backend"), QStringLiteral("postgresql") }, { QStringLiteral("host"), spec.host },
        { QStringLiteral("port"), spec.port }, { QStringLiteral("database"), spec.database },
        { QStringLiteral("user"), spec.user }, { QStringLiteral("sslmode"), spec.sslmode } };
}

std::optional<ConnectionSpec> fromMap(const QVariantMap &map)
{
    const QString backend = map.value(QStringLiteral("backend")).toString();
    if (backend == u"sqlite") {
        const QString path = map.value(QStringLiteral("path")).toString();
        if (path.isEmpty())
            return std::nullopt;
        return ConnectionSpec::sqlite(path);
    }
    if (backend != u"postgresql")
        return std::nullopt;
    ConnectionSpec spec;
    spec.backend = ConnectionSpec::Backend::PostgreSQL;
    spec.host = map.value(QStringLiteral("host")).toString();
    spec.port = map.value(QStringLiteral("port"), 5432).toInt();
    spec.database = map.value(QStringLiteral("database")).toString();
    spec.user = map.value(QStringLiteral("user")).toString();
    spec.sslmode = map.value(QStringLiteral("sslmode")).toString();
    spec.password = qEnvironmentVariable("SNAPSCOPE_PGPASSWORD"); // never from settings
    if (spec.host.isEmpty() || spec.database.isEmpty())
        return std::nullopt;
    return spec;
}

} // namespace

QList<ConnectionSpec> recent()
{
    QList<ConnectionSpec> result;
    const QVariantList stored = QSettings().value(QStringLiteral("connections/recent")).toList();
    for (const QVariant &entry : stored) {
        if (auto spec = fromMap(entry.toMap()))
            result.append(*spec);
    }
    return result;
}

std::optional<ConnectionSpec> last()
{
    return fromMap(QSettings().value(QStringLiteral("connections/last")).toMap());
}

void remember(const ConnectionSpec &spec)
{
    const QVariantMap entry = toMap(spec);
    QVariantList list { entry };
    for (const QVariant &old : QSettings().value(QStringLiteral("connections/recent")).toList()) {
        if (old.toMap() != entry && list.size() < MaxRecent)
            list.append(old);
    }
    QSettings settings;
    settings.setValue(QStringLiteral("connections/recent"), list);
    settings.setValue(QStringLiteral("connections/last"), entry);
}

} // namespace ConnectionSettings
