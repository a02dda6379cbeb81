#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>

#include <bitset>
#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"

// A 5-field cron expression as Vixie cron reads it (numbers, ranges, steps, lists, month and day names, @hourly ...
// @yearly; when both day fields are restricted a day matching either runs), evaluated in an IANA time zone with the
// daylight-saving rules of DESIGN §7: a time skipped by the spring jump runs once at the first minute after the jump,
// a time repeated in autumn runs once, at its first occurrence.
class CronExpression
{
public:
    static Result<CronExpression> parse(const QString &text);
    // The preset forms of the schedule editor: day of week 0 = Monday, as the business calendars count.
    static QString daily(int hour, int minute);
    static QString weekly(int dayOfWeekMondayZero, int hour, int minute);
    static QString monthly(int dayOfMonth, int hour, int minute);

    const QString &text() const { return m_text; }
    // The first run strictly after `after`; empty when there is none within the next 28 years.
    std::optional<EpochMs> next(EpochMs after, const QTimeZone &zone) const;
    QList<EpochMs> next(EpochMs after, const QTimeZone &zone, int count) const;

private:
    bool matchesDay(const QDate &date) const;

    QString m_text;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // 1..31
    std::bitset<13> m_months; // 1..12
    std::bitset<7> m_daysOfWeek; // 0 = Sunday
    bool m_dayOfMonthRestricted = false;
    bool m_dayOfWeekRestricted = false;
};
