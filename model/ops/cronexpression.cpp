#include "cronexpression.h"

#include <QDateTime>
#include <QStringList>

namespace {

constexpr qint64 DayMs = 86'400'000;

const char *const MonthNames[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
const char *const DayNames[] = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

struct FieldSpec
{
    const char *name;
    int min;
    int max;
    const char *const *names; // value min + i, or nullptr
    int nameCount;
};

std::optional<int> parseValue(const QString &text, const FieldSpec &spec)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok && !text.startsWith(u'+') && !text.startsWith(u'-'))
        return number;
    for (int i = 0; i < spec.nameCount; ++i) {
        if (text.compare(QLatin1String(spec.names[i]), Qt::CaseInsensitive) == 0)
            return spec.min + i;
    }
    return std::nullopt;
}

// Sets the bits of one field; an error names the field and what is wrong with it.
template <size_t N> std::optional<QString> parseField(const QString &field, const FieldSpec &spec, std::bitset<N> &bits)
{
    const auto bad = [&](const QString &why) {
        return QStringLiteral("%1 field \"%2\": %3").arg(QLatin1String(spec.name), field, why);
    };
    if (field.isEmpty())
        return bad(QStringLiteral("empty"));
    const int max = spec.max;
    for (const QString &item : field.split(u',')) {
        if (item.isEmpty())
            return bad(QStringLiteral("empty list item"));
        QString range = item;
        int step = 1;
        if (const qsizetype slash = item.indexOf(u'/'); slash >= 0) {
            bool ok = false;
            step = item.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1 || step > spec.max + 1)
                return bad(QStringLiteral("step \"%1\" must be a number from 1 to %2")
                               .arg(item.mid(slash + 1))
                               .arg(spec.max + 1));
            range = item.left(slash);
        }
        int from = spec.min;
        int to = max;
        if (range != u"*") {
            const qsizetype dash = range.indexOf(u'-');
            const auto first = parseValue(dash >= 0 ? range.left(dash) : range, spec);
            if (!first)
                return bad(QStringLiteral("\"%1\" is not a number or name").arg(dash >= 0 ? range.left(dash) : range));
            from = *first;
            if (dash >= 0) {
                const auto last = parseValue(range.mid(dash + 1), spec);
                if (!last)
                    return bad(QStringLiteral("\"%1\" is not a number or name").arg(range.mid(dash + 1)));
                to = *last;
            } else {
                to = item.contains(u'/') ? max : from; // "5/15" means 5, 20, 35, 50 (as cronie reads it)
            }
            if (from < spec.min || to > max || from > max || to < spec.min)
                return bad(QStringLiteral("values must be from %1 to %2").arg(spec.min).arg(max));
            if (from > to)
                return bad(QStringLiteral("range %1-%2 runs backwards").arg(from).arg(to));
        }
        for (int v = from; v <= to; v += step)
            bits.set(size_t(v));
    }
    return std::nullopt;
}

QString expandMacro(const QString &text)
{
    static const QList<std::pair<QString, QString>> macros {
        { QStringLiteral("@yearly"), QStringLiteral("0 0 1 1 *") },
        { QStringLiteral("@annually"), QStringLiteral("0 0 1 1 *") },
        { QStringLiteral("@monthly"), QStringLiteral("0 0 1 * *") },
        { QStringLiteral("@weekly"), QStringLiteral("0 0 * * 0") },
        { QStringLiteral("@daily"), QStringLiteral("0 0 * * *") },
        { QStringLiteral("@midnight"), QStringLiteral("0 0 * * *") },
        { QStringLiteral("@hourly"), QStringLiteral("0 * * * *") },
    };
    for (const auto &[name, expansion] : macros) {
        if (text.compare(name, Qt::CaseInsensitive) == 0)
            return expansion;
    }
    return {};
}

int offsetAt(const QTimeZone &zone, EpochMs utc)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utc, QTimeZone::utc()));
}

// The instant a local wall-clock time stands for: the only one; the first of two (autumn); or, for a time the
// spring jump skips, the jump itself (the first minute after it).
EpochMs resolveLocal(const QDate &date, int hour, int minute, const QTimeZone &zone)
{
    const EpochMs wall = QDateTime(date, QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch();
    const int before = offsetAt(zone, wall - DayMs);
    const int after = offsetAt(zone, wall + DayMs);
    std::optional<EpochMs> best;
    for (const int offset : { before, after }) {
        const EpochMs candidate = wall - qint64(offset) * 1000;
        if (offsetAt(zone, candidate) == offset && (!best || candidate < *best))
            best = candidate;
    }
    if (best)
        return *best;
    const QTimeZone::OffsetData jump = zone.nextTransition(
        QDateTime::fromMSecsSinceEpoch(wall - qint64(std::max(before, after)) * 1000, QTimeZone::utc()));
    return jump.atUtc.isValid() ? jump.atUtc.toMSecsSinceEpoch() : wall - qint64(before) * 1000;
}

} // namespace

Result<CronExpression> CronExpression::parse(const QString &input)
{
    const QString trimmed = input.simplified();
    QString text = trimmed;
    if (text.startsWith(u'@')) {
        text = expandMacro(trimmed);
        if (text.isEmpty()) {
            return Error { Error::Code::Invalid,
                QStringLiteral("unknown cron macro \"%1\" (use @hourly, @daily, @weekly, @monthly or @yearly)")
                    .arg(trimmed) };
        }
    }
    const QStringList fields = text.split(u' ', Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        return Error { Error::Code::Invalid,
            QStringLiteral("cron expression \"%1\" has %2 fields; it needs 5: minute hour day-of-month month "
                           "day-of-week")
                .arg(trimmed)
                .arg(fields.size()) };
    }
    CronExpression cron;
    cron.m_text = trimmed;
    static const FieldSpec minute { "minute", 0, 59, nullptr, 0 };
    static const FieldSpec hour { "hour", 0, 23, nullptr, 0 };
    static const FieldSpec dayOfMonth { "day-of-month", 1, 31, nullptr, 0 };
    static const FieldSpec month { "month", 1, 12, MonthNames, 12 };
    static const FieldSpec dayOfWeek { "day-of-week", 0, 7, DayNames, 7 };
    std::bitset<8> days;
    std::optional<QString> problem = parseField(fields[0], minute, cron.m_minutes);
    if (!problem)
        problem = parseField(fields[1], hour, cron.m_hours);
    if (!problem)
        problem = parseField(fields[2], dayOfMonth, cron.m_daysOfMonth);
    if (!problem)
        problem = parseField(fields[3], month, cron.m_months);
    if (!problem)
        problem = parseField(fields[4], dayOfWeek, days);
    if (problem)
        return Error { Error::Code::Invalid, QStringLiteral("cron expression \"%1\": %2").arg(trimmed, *problem) };
    for (size_t d = 0; d < 7; ++d)
        cron.m_daysOfWeek.set(d, days.test(d));
    if (days.test(7))
        cron.m_daysOfWeek.set(0); // 7 is Sunday too
    // Vixie cron: a day field is restricted unless it starts with '*'.
    cron.m_dayOfMonthRestricted = !fields[2].startsWith(u'*');
    cron.m_dayOfWeekRestricted = !fields[4].startsWith(u'*');
    return cron;
}

QString CronExpression::daily(int hour, int minute)
{
    return QStringLiteral("%1 %2 * * *").arg(minute).arg(hour);
}

QString CronExpression::weekly(int dayOfWeekMondayZero, int hour, int minute)
{
    return QStringLiteral("%1 %2 * * %3").arg(minute).arg(hour).arg((dayOfWeekMondayZero + 1) % 7);
}

QString CronExpression::monthly(int dayOfMonth, int hour, int minute)
{
    return QStringLiteral("%1 %2 %3 * *").arg(minute).arg(hour).arg(dayOfMonth);
}

bool CronExpression::matchesDay(const QDate &date) const
{
    if (!m_months.test(size_t(date.month())))
        return false;
    const bool dom = m_daysOfMonth.test(size_t(date.day()));
    const bool dow = m_daysOfWeek.test(size_t(date.dayOfWeek() % 7));
    if (m_dayOfMonthRestricted && m_dayOfWeekRestricted)
        return dom || dow;
    return dom && dow;
}

std::optional<EpochMs> CronExpression::next(EpochMs after, const QTimeZone &zone) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(after, zone);
    const QDate first = local.date();
    const int firstMinute = local.time().hour() * 60 + local.time().minute();
    // 28 years: the calendar repeats, so an expression that matches no day in them never will (30 February).
    for (int d = 0; d < 28 * 366; ++d) {
        const QDate date = first.addDays(d);
        if (!matchesDay(date))
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours.test(size_t(h)) || (d == 0 && h * 60 + 59 < firstMinute))
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes.test(size_t(m)) || (d == 0 && h * 60 + m < firstMinute))
                    continue;
                const EpochMs at = resolveLocal(date, h, m, zone);
                if (at > after)
                    return at;
            }
        }
    }
    return std::nullopt;
}

QList<EpochMs> CronExpression::next(EpochMs after, const QTimeZone &zone, int count) const
{
    QList<EpochMs> runs;
    EpochMs from = after;
    while (runs.size() < count) {
        const std::optional<EpochMs> at = next(from, zone);
        if (!at)
            break;
        runs.append(*at);
        from = *at;
    }
    return runs;
}
