#include "history.h"

#include <QJsonArray>

#include "json/isotime.h"

QString SnapshotStrategy::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Events:
        return QStringLiteral("events");
    case Mode::Time:
        return QStringLiteral("time");
    case Mode::Hybrid:
        return QStringLiteral("hybrid");
    case Mode::Size:
        return QStringLiteral("size");
    }
    return {};
}

std::optional<SnapshotStrategy::Mode> SnapshotStrategy::modeFromName(const QString &name)
{
    for (Mode mode : { Mode::Events, Mode::Time, Mode::Hybrid, Mode::Size }) {
        if (name == modeName(mode))
            return mode;
    }
    return std::nullopt;
}

SnapshotStrategy SnapshotStrategy::defaultFor(const QString &kind)
{
    SnapshotStrategy s;
    s.kind = kind;
    return s;
}

QString SnapshotStrategy::validate() const
{
    if (kind != u"order" && kind != u"aggregate")
        return QStringLiteral("snapshot strategies apply to the event-sourced kinds (order, aggregate), not \"%1\"")
            .arg(kind);
    if (everyEvents < 1 || everyEvents > 1'000'000)
        return QStringLiteral("every N events: N must be 1 to 1,000,000");
    if (everyHours < 1 || everyHours > 24 * 366)
        return QStringLiteral("every T hours: T must be 1 to 8784");
    if (maxReplayBytes < 1024 || maxReplayBytes > 1024LL * 1024 * 1024)
        return QStringLiteral("the replay size limit must be 1 KiB to 1 GiB");
    if (keyframeEvery < 1 || keyframeEvery > 1000)
        return QStringLiteral("a keyframe every K versions: K must be 1 to 1000");
    return {};
}

QJsonObject StateReconstruction::toJson() const
{
    QJsonObject o { { QStringLiteral("entity"), entityId }, { QStringLiteral("kind"), kind },
        { QStringLiteral("version"), version },
        { QStringLiteral("timestamp"), timestamp > 0 ? QJsonValue(IsoTime::toUtcString(timestamp)) : QJsonValue() },
        { QStringLiteral("from_snapshot"), fromSnapshot.isEmpty() ? QJsonValue() : QJsonValue(fromSnapshot) },
        { QStringLiteral("from_snapshot_seq"), fromSnapshotSeq }, { QStringLiteral("events_replayed"), eventsReplayed },
        { QStringLiteral("elapsed_ms"), elapsedMs }, { QStringLiteral("state"), state } };
    if (!skippedSnapshots.isEmpty())
        o.insert(QStringLiteral("skipped_snapshots"), QJsonArray::fromStringList(skippedSnapshots));
    return o;
}
