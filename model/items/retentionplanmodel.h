#pragma once

#include <QAbstractTableModel>
#include <QTimeZone>

#include <memory>
#include <vector>

#include "ops/retentionplanner.h"

// The snapshots of a cleanup plan with their verdicts, what goes or what stays (or both), handed to the view a few
// thousand rows at a time: a plan over a million snapshots does not make a million-row view.
class RetentionPlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Verdict, Reason, Entity, TakenAt, Type, Size, Count_ };
    enum class Show { Going, Staying, All };

    explicit RetentionPlanModel(QObject *parent = nullptr);
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);
    void setPlan(std::shared_ptr<const RetentionPlan> plan);
    void setShow(Show show);
    const RetentionPlan *plan() const { return m_plan.get(); }
    qint64 matchingRows() const { return qint64(m_matching.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    void rebuild();

    std::shared_ptr<const RetentionPlan> m_plan;
    Show m_show = Show::Going;
    std::vector<int> m_matching; // indexes into the plan's rows
    int m_shown = 0;
    QTimeZone m_zone = QTimeZone::utc();
};
