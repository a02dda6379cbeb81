#include "isotime.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace IsoTime {

namespace {

bool charAt(const QString &text, qsizetype pos, QChar c)
{
    return pos < text.size() && text.at(pos) == c;
}

bool digitsAt(const QString &text, qsizetype pos, int count, int &value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text.at(pos + i);
        if (c < u'0' || c > u'9')
            return false;
        value = value * 10 + (c.unicode() - u'0');
    }
    return true;
}

std::optional<QDate> dateAt(const QString &text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() < 10 || !digitsAt(text, 0, 4, year) || text.at(4) != u'-' || !digitsAt(text, 5, 2, month)
        || text.at(7) != u'-' || !digitsAt(text, 8, 2, day))
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

Error invalid(const QString &text, const char *why)
{
    return { Error::Code::Invalid,
        QStringLiteral("\"%1\" is not an RFC 3339 time (%2)").arg(text, QString::fromLatin1(why)) };
}

} // namespace

std::optional<QDate> parseDate(const QString &text)
{
    if (text.size() != 10)
        return std::nullopt;
    return dateAt(text);
}

// Why the first ten characters are not a date: a day the calendar lacks ("2026-02-30") is not a format error.
const char *dateProblem(const QString &text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() >= 10 && digitsAt(text, 0, 4, year) && text.at(4) == u'-' && digitsAt(text, 5, 2, month)
        && text.at(7) == u'-' && digitsAt(text, 8, 2, day))
        return month < 1 || month > 12 ? "there is no such month" : "there is no such day in that month";
    return "expected YYYY-MM-DD";
}

Result<EpochMs> parseDateTime(const QString &text)
{
    const std::optional<QDate> date = dateAt(text);
    if (!date)
        return invalid(text, dateProblem(text));
    if (!charAt(text, 10, u'T') && !charAt(text, 10, u't'))
        return invalid(text, "expected 'T' and a time");
    int hour = 0, minute = 0, second = 0;
    if (!digitsAt(text, 11, 2, hour) || !charAt(text, 13, u':') || !digitsAt(text, 14, 2, minute)
        || !charAt(text, 16, u':') || !digitsAt(text, 17, 2, second))
        return invalid(text, "expected HH:MM:SS");
    if (hour > 23 || minute > 59 || second > 60)
        return invalid(text, "time out of range");
    qsizetype pos = 19;
    int millis = 0;
    if (pos < text.size() && text.at(pos) == u'.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && text.at(pos) >= u'0' && text.at(pos) <= u'9') {
            if (digits < 3)
                millis = millis * 10 + (text.at(pos).unicode() - u'0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return invalid(text, "empty fraction of a second");
        for (int i = digits; i < 3; ++i)
            millis *= 10;
    }
    if (pos >= text.size())
        return invalid(text, "an offset or Z is required");
    int offsetMinutes = 0;
    const QChar zone = text.at(pos);
    if (zone == u'Z' || zone == u'z') {
        ++pos;
    } else if (zone == u'+' || zone == u'-') {
        int offsetHour = 0, offsetMinute = 0;
        if (!digitsAt(text, pos + 1, 2, offsetHour) || !charAt(text, pos + 3, u':')
            || !digitsAt(text, pos + 4, 2, offsetMinute))
            return invalid(text, "offset must be +HH:MM or -HH:MM");
        if (offsetHour > 23 || offsetMinute > 59)
            return invalid(text, "offset out of range");
        offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return invalid(text, "an offset or Z is required");
    }
    if (pos != text.size())
        return invalid(text, "unexpected text after the offset");

    if (second == 60) {
        // A leap second exists only at 23:59:60 UTC.
        int utcMinutes = hour * 60 + minute - offsetMinutes;
        utcMinutes = ((utcMinutes % 1440) + 1440) % 1440;
        if (utcMinutes != 23 * 60 + 59)
            return invalid(text, "a leap second must be 23:59:60 UTC");
    }
    const QDateTime utc(*date, QTime(hour, minute, second == 60 ? 59 : second), QTimeZone::utc());
    const qint64 leap = second == 60 ? 1000 : 0;
    return utc.toMSecsSinceEpoch() + leap + millis - qint64(offsetMinutes) * 60000;
}

Result<EpochMs> parseBound(const QString &text, const QTimeZone &zone)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 10) {
        const std::optional<QDate> date = parseDate(trimmed);
        if (!date)
            return invalid(text, dateProblem(trimmed));
        return fromZoneWallClock(*date, QTime(0, 0), zone);
    }
    // A wall-clock time without an offset: "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM", seconds optional.
    if (trimmed.size() == 16 || trimmed.size() == 19) {
        const std::optional<QDate> date = dateAt(trimmed);
        const QChar separator = trimmed.size() > 10 ? trimmed.at(10) : QChar();
        int hour = 0, minute = 0, second = 0;
        if (date && (separator == u' ' || separator == u'T' || separator == u't')) {
            if (!digitsAt(trimmed, 11, 2, hour) || !charAt(trimmed, 13, u':') || !digitsAt(trimmed, 14, 2, minute)
                || (trimmed.size() == 19 && (!charAt(trimmed, 16, u':') || !digitsAt(trimmed, 17, 2, second))))
                return invalid(text, "expected YYYY-MM-DD HH:MM");
            if (hour > 23 || minute > 59 || second > 59)
                return invalid(text, "time out of range");
            return fromZoneWallClock(*date, QTime(hour, minute, second), zone);
        }
    }
    return parseDateTime(trimmed);
}

QString toZoneText(EpochMs ms, const QTimeZone &zone, bool withSeconds)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(
        withSeconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString toNamedZoneText(EpochMs ms, const QTimeZone &zone, bool withSeconds)
{
    return toZoneText(ms, zone, withSeconds) + QStringLiteral(" (") + QString::fromUtf8(zone.id()) + u')';
}

QTimeZone validOrUtc(const QTimeZone &zone)
{
    return zone.isValid() ? zone : QTimeZone::utc();
}

EpochMs fromZoneWallClock(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    // The wall-clock reading as if it were UTC, less the zone's offset. Offsets are tried from the day before and the
    // day after (either side of any transition that night): the first that maps back to this wall-clock time wins,
    // the earlier instant first; a skipped time takes the offset from before the jump.
    constexpr qint64 DayMs = 86400000;
    const EpochMs asUtc = (date.toJulianDay() - 2440588) * DayMs + time.msecsSinceStartOfDay();
    const auto offsetAt = [&](EpochMs at) {
        return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()))) * 1000;
    };
    // An import reads thousands of times of one zone and day: when the zone's offset is the same the day before and
    // the day after, every time of the day has it (kept per thread, a day at a time).
    thread_local struct
    {
        QByteArray zone;
        qint64 day = std::numeric_limits<qint64>::min();
        bool steady = false;
        qint64 offset = 0;
    } lastDay;
    const qint64 day = asUtc >= 0 ? asUtc / DayMs : (asUtc - DayMs + 1) / DayMs;
    if (lastDay.day != day || lastDay.zone != zone.id()) {
        lastDay.zone = zone.id();
        lastDay.day = day;
        lastDay.offset = offsetAt(day * DayMs - DayMs);
        lastDay.steady = offsetAt(day * DayMs + 2 * DayMs) == lastDay.offset
            && offsetAt(day * DayMs + DayMs / 2) == lastDay.offset;
    }
    if (lastDay.steady)
        return asUtc - lastDay.offset;
    const qint64 before = offsetAt(asUtc - DayMs), after = offsetAt(asUtc + DayMs);
    EpochMs found = std::numeric_limits<EpochMs>::max();
    for (const qint64 offset : { before, after }) {
        const EpochMs candidate = asUtc - offset;
        if (offsetAt(candidate) == offset)
            found = std::min(found, candidate);
    }
    return found != std::numeric_limits<EpochMs>::max() ? found : asUtc - before;
}

QDateTime wallClock(EpochMs ms, const QTimeZone &zone)
{
    const QDateTime there = QDateTime::fromMSecsSinceEpoch(ms, zone);
    return QDateTime(there.date(), there.time(), QTimeZone::utc());
}

EpochMs fromWallClock(const QDateTime &wall, const QTimeZone &zone)
{
    return fromZoneWallClock(wall.date(), wall.time(), zone);
}

namespace {

// Formats without QDateTime: list output and demo payloads format millions of times (days from civil, H. Hinnant).
QString formatUtc(EpochMs ms, bool withMillis)
{
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 rest = ms - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    const int second = int(rest / 1000);
    const int millis = int(rest % 1000);
    char text[32];
    const auto two = [](char *at, int value) {
        at[0] = char('0' + value / 10);
        at[1] = char('0' + value % 10);
    };
    const int y = int(year);
    text[0] = char('0' + (y / 1000) % 10);
    text[1] = char('0' + (y / 100) % 10);
    text[2] = char('0' + (y / 10) % 10);
    text[3] = char('0' + y % 10);
    text[4] = '-';
    two(text + 5, int(month));
    text[7] = '-';
    two(text + 8, int(day));
    text[10] = 'T';
    two(text + 11, hour);
    text[13] = ':';
    two(text + 14, minute);
    text[16] = ':';
    two(text + 17, second);
    int length = 19;
    if (withMillis) {
        text[19] = '.';
        text[20] = char('0' + millis / 100);
        text[21] = char('0' + (millis / 10) % 10);
        text[22] = char('0' + millis % 10);
        length = 23;
    }
    text[length++] = 'Z';
    return QString::fromLatin1(text, length);
}

} // namespace

QString toUtcString(EpochMs ms)
{
    return formatUtc(ms, true);
}

QString toUtcSeconds(EpochMs ms)
{
    return formatUtc(ms, false);
}

} // namespace IsoTime
