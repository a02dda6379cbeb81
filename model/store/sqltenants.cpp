#include "sqltenants.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QSqlQuery>

Status SqlTenants::load()
{
    auto list = tenants();
    if (!list)
        return list.error();
    QMutexLocker locker(&m_mutex);
    m_zones.clear();
    for (const Tenant &tenant : *list)
        m_zones.insert(tenant.id, QTimeZone(tenant.businessTimeZone.toUtf8()));
    return {};
}

QString SqlTenants::businessDay(const QString &tenant, EpochMs at)
{
    QTimeZone zone;
    {
        QMutexLocker locker(&m_mutex);
        const auto cached = m_lastDay.constFind(tenant);
        if (cached != m_lastDay.constEnd() && at >= cached->start && at < cached->end)
            return cached->text;
        zone = m_zones.value(tenant, QTimeZone::utc());
    }
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDate date = QDateTime::fromMSecsSinceEpoch(at, zone).date();
    BusinessDay day { QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch(),
        QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(), date.toString(Qt::ISODate) };
    QMutexLocker locker(&m_mutex);
    m_lastDay.insert(tenant, day);
    return day.text;
}

Result<QList<Tenant>> SqlTenants::tenants()
{
    return m_sql.rows(QStringLiteral("reading tenants"),
        QStringLiteral("SELECT id, name, business_time_zone, currency FROM tenants ORDER BY id"), {},
        [](const QSqlQuery &row) {
            return Tenant { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toString() };
        });
}

Status SqlTenants::putTenant(const Tenant &tenant)
{
    auto written = write(tenant, true);
    return written ? Status() : Status(written.error());
}

Result<bool> SqlTenants::insertIfAbsent(const Tenant &tenant)
{
    auto inserted = write(tenant, false);
    if (inserted && !*inserted) { // another writer made it: its zone is read back
        if (Status loaded = load(); !loaded)
            return loaded.error();
    }
    return inserted;
}

Result<bool> SqlTenants::write(const Tenant &tenant, bool replace)
{
    const QTimeZone zone(tenant.businessTimeZone.toUtf8());
    if (!zone.isValid())
        return Error { Error::Code::Invalid, QStringLiteral("unknown time zone \"%1\"").arg(tenant.businessTimeZone) };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(QStringLiteral("INSERT INTO tenants (id, name, business_time_zone, currency) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (id) %1")
                      .arg(replace ? QStringLiteral("DO UPDATE SET name = excluded.name, business_time_zone = "
                                                    "excluded.business_time_zone, currency = excluded.currency")
                                   : QStringLiteral("DO NOTHING")));
    query.addBindValue(tenant.id);
    query.addBindValue(tenant.name);
    query.addBindValue(tenant.businessTimeZone);
    query.addBindValue(tenant.currency.isNull() ? QStringLiteral("") : tenant.currency);
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("writing tenant %1").arg(tenant.id), query);
    if (!replace && query.numRowsAffected() != 1)
        return false;
    QMutexLocker locker(&m_mutex);
    m_zones.insert(tenant.id, zone);
    m_lastDay.remove(tenant.id);
    return true;
}
