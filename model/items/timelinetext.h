#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QTimeZone>

#include <optional>

#include "domain/snapshot.h"
#include "store/snapshotquery.h"

// The timeline's words: a summary value in a cell, the filters in force, and why nothing matches them.
class TimelineText
{
    Q_DECLARE_TR_FUNCTIONS(TimelineModel)
public:
    static QString value(const QJsonValue &value);
    static QString filters(const SnapshotQuery &query);
    // Names the filters, the range in `zone`, and when the newest snapshot outside the range was taken.
    static QString empty(
        const SnapshotQuery &query, const QTimeZone &zone, const std::optional<EpochMs> &newestOutsideRange);
};
