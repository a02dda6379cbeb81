#include "schedulelistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace {
QString timeIn(std::optional<EpochMs> ms, const QString &zone)
{
    if (!ms)
        return QStringLiteral("—");
    // With the zone's abbreviation ("+07", "CET"), so a time never reads as the viewer's own.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone(zone.toUtf8()));
    return QLocale().toString(at, QStringLiteral("yyyy-MM-dd HH:mm")) + u' ' + at.timeZoneAbbreviation();
}
} // namespace

ScheduleListModel::ScheduleListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ScheduleListModel::setSchedules(const QList<Schedule> &schedules)
{
    beginResetModel();
    m_showRuns = false;
    m_schedules = schedules;
    m_runs.clear();
    endResetModel();
}

void ScheduleListModel::setRuns(const QList<ScheduleRun> &runs, const QString &zone)
{
    beginResetModel();
    m_showRuns = true;
    m_runs = runs;
    m_runZone = zone;
    m_schedules.clear();
    endResetModel();
}

int ScheduleListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_schedules.size(); ++i) {
        if (m_schedules.at(i).id == id)
            return i;
    }
    return -1;
}

QString ScheduleListModel::actionText(const ScheduleAction &action)
{
    if (action.type == ScheduleAction::Type::Cleanup)
        return tr("Clean up %1").arg(action.kind);
    if (action.type == ScheduleAction::Type::Compact)
        return tr("Compact %1").arg(action.kind);
    if (action.type == ScheduleAction::Type::Sync)
        return tr("Sync source %1").arg(action.source);
    return tr("Snapshot %1: %2").arg(action.kind, action.targets.join(QStringLiteral(", ")));
}

int ScheduleListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_showRuns ? m_runs.size() : m_schedules.size());
}

int ScheduleListModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showRuns ? int(RunColumn::Count_) : int(Column::Count_);
}

QVariant ScheduleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (m_showRuns) {
        const ScheduleRun &r = m_runs.at(index.row());
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        switch (RunColumn(index.column())) {
        case RunColumn::ScheduledFor:
            return timeIn(r.scheduledFor, m_runZone);
        case RunColumn::Outcome:
            return r.outcome;
        case RunColumn::Runner:
            return r.attempt > 1 ? tr("%1 (attempt %2)").arg(r.runner).arg(r.attempt) : r.runner;
        case RunColumn::Taken:
            return r.snapshotsTaken;
        case RunColumn::Trashed:
            return r.snapshotsTrashed;
        case RunColumn::Error:
            return r.error;
        case RunColumn::Count_:
            break;
        }
        return {};
    }
    const Schedule &s = m_schedules.at(index.row());
    if (role == Qt::CheckStateRole && Column(index.column()) == Column::Enabled)
        return s.enabled ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Name:
        return s.name;
    case Column::Cron:
        return s.cron;
    case Column::Zone:
        return s.timeZone;
    case Column::Action:
        return actionText(s.action);
    case Column::Enabled:
        return s.enabled ? tr("enabled") : tr("disabled");
    case Column::Next:
        return s.enabled ? timeIn(s.nextRunAt, s.timeZone) : QStringLiteral("—");
    case Column::Last:
        return timeIn(s.lastExecutedAt, s.timeZone);
    case Column::Count_:
        break;
    }
    return {};
}

QVariant ScheduleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_showRuns) {
        switch (RunColumn(section)) {
        case RunColumn::ScheduledFor:
            return tr("Scheduled for");
        case RunColumn::Outcome:
            return tr("Outcome");
        case RunColumn::Runner:
            return tr("Runner");
        case RunColumn::Taken:
            return tr("Taken");
        case RunColumn::Trashed:
            return tr("Trashed");
        case RunColumn::Error:
            return tr("Error");
        case RunColumn::Count_:
            break;
        }
        return {};
    }
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Cron:
        return tr("Cron");
    case Column::Zone:
        return tr("Time zone");
    case Column::Action:
        return tr("Action");
    case Column::Enabled:
        return tr("State");
    case Column::Next:
        return tr("Next run");
    case Column::Last:
        return tr("Last run");
    case Column::Count_:
        break;
    }
    return {};
}
