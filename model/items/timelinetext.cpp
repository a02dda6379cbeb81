#include "timelinetext.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

#include "domain/kindregistry.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

QString TimelineText::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return JsonNumber::isExact(value) ? QString::fromLatin1(JsonNumber::text(value)) : value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QLocale().toString(qint64(d)) : QLocale().toString(d, 'f', 2);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString();
    }
}

QString TimelineText::filters(const SnapshotQuery &query)
{
    QStringList parts;
    if (!query.kind.isEmpty()) {
        const KindDefinition *kind = KindRegistry::find(query.kind);
        parts << tr("kind %1").arg(kind ? kind->displayNameText() : query.kind);
    }
    if (!query.types.isEmpty())
        parts << tr("types %1").arg(query.types.join(QStringLiteral(", ")));
    if (!query.entityId.isEmpty())
        parts << tr("entity %1").arg(query.entityId);
    else if (!query.entityPrefix.isEmpty())
        parts << tr("entity starting with \"%1\"").arg(query.entityPrefix);
    if (!query.createdBy.isEmpty())
        parts << tr("created by someone matching \"%1\"").arg(query.createdBy);
    if (query.trash == SnapshotQuery::Trash::Only)
        parts << tr("in the trash");
    return parts.join(QStringLiteral("; "));
}

QString TimelineText::empty(
    const SnapshotQuery &query, const QTimeZone &zone, const std::optional<EpochMs> &newestOutsideRange)
{
    const TimeRange &range = query.takenAt;
    const QString zoneName = QString::fromUtf8(zone.id());
    const QString named = filters(query);
    QString text;
    if (range.from || range.to) {
        const QString from = range.from ? IsoTime::toZoneText(*range.from, zone) : tr("the first snapshot");
        const QString to = range.to ? IsoTime::toZoneText(*range.to, zone) : tr("now");
        text = named.isEmpty()
            ? tr("No snapshots were taken between %1 and %2 (%3).").arg(from, to, zoneName)
            : tr("No snapshots were taken between %1 and %2 (%3) with %4.").arg(from, to, zoneName, named);
        if (newestOutsideRange)
            text += u'\n'
                + tr("The newest one is from %1; widen the time range to see it.")
                      .arg(IsoTime::toZoneText(*newestOutsideRange, zone));
        else
            text += u'\n'
                + (named.isEmpty() ? tr("This tenant has no snapshots yet.")
                                   : tr("None match these filters at any time."));
    } else {
        text = named.isEmpty() ? tr("This tenant has no snapshots yet.") : tr("No snapshots with %1.").arg(named);
    }
    return text;
}
