#include "analyticsseries.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>

#include "domain/money.h"
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

QDate periodEnd(const QDate &day, Granularity granularity)
{
    const QDate start = periodStart(day, granularity);
    switch (granularity) {
    case Granularity::Day:
        return start;
    case Granularity::Week:
        return start.addDays(6);
    case Granularity::Month:
        return start.addMonths(1).addDays(-1);
    }
    return start;
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
        { QStringLiteral("conversion_rate"), optional(p.conversionRate()) },
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

QJsonObject toJson(const MonthlyInventoryLine &line)
{
    return { { QStringLiteral("product_id"), line.productId }, { QStringLiteral("name"), line.name },
        { QStringLiteral("closing_stock"), line.closingStock },
        { QStringLiteral("total_value"), Money::roundToCents(line.totalValue) },
        { QStringLiteral("outbound"), line.outbound },
        { QStringLiteral("cost_of_goods_sold"), Money::roundToCents(line.costOfGoodsSold) },
        { QStringLiteral("last_day"), line.lastDay.toString(Qt::ISODate) } };
}

QString monthlyInventoryCsv(const QList<MonthlyInventoryLine> &lines)
{
    QList<QJsonObject> rows;
    for (const MonthlyInventoryLine &line : lines)
        rows << toJson(line);
    return csv(rows,
        { QStringLiteral("product_id"), QStringLiteral("name"), QStringLiteral("closing_stock"),
            QStringLiteral("total_value"), QStringLiteral("outbound"), QStringLiteral("cost_of_goods_sold"),
            QStringLiteral("last_day") });
}

std::optional<QDate> monthFromText(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate first(match.captured(1).toInt(), match.captured(2).toInt(), 1);
    return first.isValid() ? std::optional<QDate>(first) : std::nullopt;
}

namespace {

Tenant tenantOf(const QList<Tenant> &tenants, const QString &id)
{
    for (const Tenant &t : tenants) {
        if (t.id == id)
            return t;
    }
    return Tenant { id, id, QStringLiteral("UTC"), QString() };
}

} // namespace

Result<InventoryChartData> inventoryChart(SnapshotStore &store, const InventorySeriesQuery &query, bool withPrevious)
{
    InventoryChartData data;
    auto points = inventory(store, query);
    if (!points)
        return points.error();
    data.points = std::move(*points);
    if (withPrevious) {
        InventorySeriesQuery before = query;
        std::tie(before.from, before.to) = previousRange(query.from, query.to);
        auto earlier = inventory(store, before);
        if (!earlier)
            return earlier.error();
        data.previous = std::move(*earlier);
    }
    auto tenants = store.tenants();
    if (!tenants)
        return tenants.error();
    data.tenant = tenantOf(*tenants, query.tenant);
    if (std::none_of(data.points.cbegin(), data.points.cend(), [](const InventoryPoint &p) { return p.hasData; })) {
        // Only now is it worth asking why: a name typed wrong is not the same as a range without data.
        auto catalogue = store.inventoryCatalogue(query.tenant);
        if (!catalogue)
            return catalogue.error();
        if (!query.storeCode.isEmpty() && !catalogue->stores.contains(query.storeCode))
            data.empty = InventoryChartData::Empty::UnknownStore;
        else if (!query.productId.isEmpty() && !catalogue->products.contains(query.productId))
            data.empty = InventoryChartData::Empty::UnknownProduct;
        else
            data.empty = InventoryChartData::Empty::NoDataInRange;
    }
    return data;
}

Result<ChatChartData> chatChart(SnapshotStore &store, const ChatSeriesQuery &query)
{
    ChatChartData data;
    auto points = chat(store, query);
    if (!points)
        return points.error();
    data.points = std::move(*points);
    auto tenants = store.tenants();
    if (!tenants)
        return tenants.error();
    data.tenant = tenantOf(*tenants, query.tenant);
    return data;
}

SeriesLine line(const QList<InventoryPoint> &points, InventoryMeasure measure)
{
    SeriesLine result;
    result.reserve(points.size());
    for (const InventoryPoint &p : points) {
        if (!p.hasData) {
            result.append(std::nullopt);
            continue;
        }
        switch (measure) {
        case InventoryMeasure::Opening:
            result.append(double(p.opening));
            break;
        case InventoryMeasure::Closing:
            result.append(double(p.closing));
            break;
        case InventoryMeasure::TotalValue:
            result.append(p.totalValue);
            break;
        }
    }
    return result;
}

SeriesLine line(const QList<ChatPoint> &points, ChatMeasure measure)
{
    SeriesLine result;
    result.reserve(points.size());
    for (const ChatPoint &p : points) {
        std::optional<double> value;
        if (p.hasData) {
            switch (measure) {
            case ChatMeasure::Converted:
                value = double(p.converted);
                break;
            case ChatMeasure::ConversionRatePercent:
                if (const auto rate = p.conversionRate())
                    value = 100.0 * *rate;
                break;
            case ChatMeasure::AverageOrderValue:
                value = p.averageOrderValue;
                break;
            case ChatMeasure::AverageDurationS:
                value = p.averageDurationS;
                break;
            case ChatMeasure::AverageSatisfaction:
                value = p.averageSatisfaction;
                break;
            }
        }
        result.append(value);
    }
    return result;
}

QList<LineRun> runs(const SeriesLine &line)
{
    QList<LineRun> result;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (!line.at(i))
            continue;
        if (!result.isEmpty() && result.constLast().last == i - 1)
            result.last().last = i;
        else
            result.append({ i, i });
    }
    return result;
}

AxisTicks niceTicks(double min, double max, int maxTicks, bool integers)
{
    maxTicks = std::max(maxTicks, 2);
    if (!std::isfinite(min) || !std::isfinite(max))
        min = max = 0;
    if (min > max)
        std::swap(min, max);
    if (max - min < 1e-12) // one value (or none): a unit above it, and zero below when it is positive
        std::tie(min, max) = max > 0 ? std::pair { 0.0, max } : std::pair { min, min + 1 };
    const double rough = (max - min) / (maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    AxisTicks ticks;
    for (double m = magnitude;; m *= 10) {
        bool found = false;
        for (const double factor : { 1.0, 2.0, 2.5, 5.0 }) {
            const double step = factor * m;
            if (step < rough * (1 - 1e-9) || (integers && (step < 1 || std::abs(step - std::round(step)) > 1e-9)))
                continue;
            const double lo = std::floor(min / step + 1e-9) * step, hi = std::ceil(max / step - 1e-9) * step;
            const int count = int(std::llround((hi - lo) / step)) + 1;
            if (count > maxTicks)
                continue;
            ticks = { lo == 0 ? 0.0 : lo, hi, step, count, 0 };
            found = true;
            break;
        }
        if (found)
            break;
    }
    // Enough decimals to write the step exactly (0.25: two), none for whole steps.
    while (ticks.decimals < 10) {
        const double scaled = ticks.step * std::pow(10.0, ticks.decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            break;
        ++ticks.decimals;
    }
    return ticks;
}

QList<qsizetype> labelledPeriods(const QList<QDate> &periods, Granularity granularity, int maxLabels)
{
    maxLabels = std::max(maxLabels, 1);
    // Candidate rules from fine to coarse: the first that labels few enough periods wins.
    using Rule = std::function<bool(const QDate &)>;
    QList<Rule> rules;
    const auto everyMonths
        = [](int k) { return [k](const QDate &d) { return d.day() == 1 && (d.month() - 1) % k == 0; }; };
    const auto everyYears
        = [](int k) { return [k](const QDate &d) { return d.day() == 1 && d.month() == 1 && d.year() % k == 0; }; };
    switch (granularity) {
    case Granularity::Day:
        rules << [](const QDate &) { return true; } << [](const QDate &d) { return d.toJulianDay() % 2 == 0; }
              << [](const QDate &d) { return d.dayOfWeek() == 1; }
              << [](const QDate &d) { return d.dayOfWeek() == 1 && d.weekNumber() % 2 == 0; };
        for (int k : { 1, 2, 3, 6 })
            rules << everyMonths(k);
        break;
    case Granularity::Week:
        for (int k : { 1, 2, 4 })
            rules << [k](const QDate &d) { return d.weekNumber() % k == 0; };
        for (int k : { 1, 2, 3, 6 }) // the first Monday of the month
            rules << [k](const QDate &d) { return d.day() <= 7 && (d.month() - 1) % k == 0; };
        for (int k : { 1, 2, 5, 10 })
            rules << [k](const QDate &d) { return d.day() <= 7 && d.month() == 1 && d.year() % k == 0; };
        break;
    case Granularity::Month:
        for (int k : { 1, 2, 3, 6 })
            rules << everyMonths(k);
        break;
    }
    for (int k : { 1, 2, 5, 10, 20, 50, 100 })
        rules << everyYears(k);
    for (const Rule &rule : std::as_const(rules)) {
        QList<qsizetype> chosen;
        for (qsizetype i = 0; i < periods.size(); ++i) {
            if (rule(periods.at(i)))
                chosen.append(i);
        }
        if (chosen.size() <= maxLabels)
            return chosen.isEmpty() && !periods.isEmpty() ? QList<qsizetype> { 0 } : chosen;
    }
    return periods.isEmpty() ? QList<qsizetype>() : QList<qsizetype> { 0 };
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
