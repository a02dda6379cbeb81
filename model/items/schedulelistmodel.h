#pragma once

#include <QAbstractTableModel>

#include "domain/maintenance.h"

// Schedules of a tenant (a short list, fully loaded), or with setRuns() the run history of one schedule.
class ScheduleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Name, Cron, Zone, Action, Enabled, Next, Last, Count_ };
    enum class RunColumn { ScheduledFor, Outcome, Runner, Taken, Trashed, Error, Count_ };

    explicit ScheduleListModel(QObject *parent = nullptr);
    void setSchedules(const QList<Schedule> &schedules);
    // The runs of a schedule whose times are read in `zone` (the schedule's own, as its Next and Last columns).
    void setRuns(const QList<ScheduleRun> &runs, const QString &zone = QStringLiteral("UTC"));
    const Schedule &schedule(int row) const { return m_schedules.at(row); }
    int indexOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString actionText(const ScheduleAction &action);

private:
    bool m_showRuns = false;
    QList<Schedule> m_schedules;
    QList<ScheduleRun> m_runs;
    QString m_runZone;
};
