#include "analyticsseries.h"

#include <QJsonValue>

#include "store/snapshotstore.h"

namespace AnalyticsSeries {

QDate periodStart(const QDate &day, Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return day;
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek()); // Qt: Monday is 1
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QList<QDate> periods(const QDate &from, const QDate &to, Granularity granularity)
{
    QList<QDate> result;
    if (!from.isValid() || !to.isValid() || from > to)
        return result;
    for (QDate p = periodStart(from, granularity); p <= to;) {
        result.append(p);
        p = granularity == Granularity::Day    ? p.addDays(1)
            : granularity == Granularity::Week ? p.addDays(7)
                                               : p.addMonths(1);
    }
    return result;
}

namespace {

// Every period of the range, with the store's points where it has them. The store labels a period by the first
// day of the period even when the range starts later in it.
template <typename Point>
QList<Point> complete(const QList<Point> &found, const QDate &from, const QDate &to, Granularity g)
{
    QList<Point> result;
    qsizetype next = 0;
    for (const QDate &period : periods(from, to, g)) {
        if (next < found.size() && found.at(next).period == period) {
            result.append(found.at(next++));
        } else {
            Point empty;
            empty.period = period;
            result.append(empty);
        }
    }
    return result;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString csv(const QList<QJsonObject> &rows, const QStringList &fields)
{
    QString text = fields.join(u',') + QStringLiteral("\r\n");
    for (const QJsonObject &row : rows) {
        QStringList cells;
        for (const QString &field : fields) {
            const QJsonValue v = row.value(field);
            cells << csvField(v.isDouble() ? QString::number(v.toDouble(), 'g', 15)
                    : v.isBool()           ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                           : v.toString());
        }
        text += cells.join(u',') + QStringLiteral("\r\n");
    }
    return text;
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

Result<QList<InventoryPoint>> inventory(SnapshotStore &store, const InventorySeriesQuery &query)
{
    auto found = store.inventorySeries(query);
    if (!found)
        return found.error();
    return complete(*found, query.from, query.to, query.granularity);
}

Result<QList<ChatPoint>> chat(SnapshotStore &store, const ChatSeriesQuery &query)
{
    auto found = store.chatSeries(query);
    if (!found)
        return found.error();
    return complete(*found, query.from, query.to, query.granularity);
}

std::pair<QDate, QDate> previousRange(const QDate &from, const QDate &to)
{
    const qint64 days = from.daysTo(to) + 1;
    return { from.addDays(-days), from.addDays(-1) };
}

QJsonObject toJson(const InventoryPoint &p)
{
    return { { QStringLiteral("period"), p.period.toString(Qt::ISODate) }, { QStringLiteral("opening"), p.opening },
        { QStringLiteral("closing"), p.closing }, { QStringLiteral("inbound"), p.inbound },
        { QStringLiteral("outbound"), p.outbound }, { QStringLiteral("adjustments"), p.adjustments },
        { QStringLiteral("total_value"), p.totalValue }, { QStringLiteral("has_data"), p.hasData } };
}

QJsonObject toJson(const ChatPoint &p)
{
    return { { QStringLiteral("period"), p.period.toString(Qt::ISODate) },
        { QStringLiteral("conversations"), p.conversations }, { QStringLiteral("converted"), p.converted },
        { QStringLiteral("conversion_rate"), p.conversionRate() },
        { QStringLiteral("average_order_value"), optional(p.averageOrderValue) },
        { QStringLiteral("average_duration_s"), optional(p.averageDurationS) },
        { QStringLiteral("average_satisfaction"), optional(p.averageSatisfaction) }, { QStringLiteral("line"), p.line },
        { QStringLiteral("facebook"), p.facebook }, { QStringLiteral("whatsapp"), p.whatsapp },
        { QStringLiteral("has_data"), p.hasData } };
}

QString inventoryCsv(const QList<InventoryPoint> &points)
{
    QList<QJsonObject> rows;
    for (const InventoryPoint &p : points)
        rows << toJson(p);
    return csv(rows,
        { QStringLiteral("period"), QStringLiteral("opening"), QStringLiteral("closing"), QStringLiteral("inbound"),
            QStringLiteral("outbound"), QStringLiteral("adjustments"), QStringLiteral("total_value"),
            QStringLiteral("has_data") });
}

QString chatCsv(const QList<ChatPoint> &points)
{
    QList<QJsonObject> rows;
    for (const ChatPoint &p : points)
        rows << toJson(p);
    return csv(rows,
        { QStringLiteral("period"), QStringLiteral("conversations"), QStringLiteral("converted"),
            QStringLiteral("conversion_rate"), QStringLiteral("average_order_value"),
            QStringLiteral("average_duration_s"), QStringLiteral("average_satisfaction"), QStringLiteral("line"),
            QStringLiteral("facebook"), QStringLiteral("whatsapp"), QStringLiteral("has_data") });
}

std::optional<Granularity> granularityFromText(const QString &text)
{
    if (text == u"day")
        return Granularity::Day;
    if (text == u"week")
        return Granularity::Week;
    if (text == u"month")
        return Granularity::Month;
    return std::nullopt;
}

} // namespace AnalyticsSeries
