#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"

// Strict RFC 3339 times from outside (command line, imports): an offset or 'Z' is required, so a time never means
// whatever zone the machine happens to be in.
namespace IsoTime {

// "1985-04-12T23:20:50.52Z", "1990-12-31T15:59:50-08:00"; a leap second (:60) is accepted where RFC 3339 allows it.
Result<EpochMs> parseDateTime(const QString &text);
// "2026-03-01" (RFC 3339 full-date).
std::optional<QDate> parseDate(const QString &text);
// A time a person typed (command line, the console's date fields): a date-time with offset, or a wall-clock time in
// `zone` (the tenant's business zone) with no offset: "2026-10-01" (its midnight), "2026-10-01 13:30",
// "2026-10-01T13:30:15". The console and the CLI both read times with this one function, so they agree.
Result<EpochMs> parseBound(const QString &text, const QTimeZone &zone);
// "2026-10-01 13:30" (or with ":15" seconds): the wall-clock time in `zone`, as parseBound reads it back.
QString toZoneText(EpochMs ms, const QTimeZone &zone, bool withSeconds = false);
// "2026-10-01 13:30 (Asia/Bangkok)": the same, with the zone named, where no column header names it.
QString toNamedZoneText(EpochMs ms, const QTimeZone &zone, bool withSeconds = false);
// `zone`, or UTC when it is not valid (an unknown or empty business zone): what every screen shows times in.
QTimeZone validOrUtc(const QTimeZone &zone);
// The instant a wall-clock time in `zone` names. A time the zone skips (clocks going forward) is read with the offset
// in force before the jump, so 02:30 on a spring-forward night is 03:30; a time it repeats (clocks going back) is
// its first occurrence.
EpochMs fromZoneWallClock(const QDate &date, const QTime &time, const QTimeZone &zone);
// QDateTimeEdit (Qt 6.4) edits no time zone: it is given the wall-clock time in `zone` as a UTC date-time, and what
// it returns is read back as that wall-clock time in `zone` (fromZoneWallClock).
QDateTime wallClock(EpochMs ms, const QTimeZone &zone);
EpochMs fromWallClock(const QDateTime &wall, const QTimeZone &zone);
QString toUtcString(EpochMs ms); // "2026-03-01T12:00:00.000Z"
QString toUtcSeconds(EpochMs ms); // "2026-03-01T12:00:00Z"

} // namespace IsoTime
