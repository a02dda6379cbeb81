#pragma once

#include <QDialog>

#include <memory>

#include "domain/maintenance.h"

namespace Ui {
class ScheduleEditorDialog;
}

// Creates or edits a schedule: presets (daily, weekly, monthly) or raw cron, time zone, action. Validates as you
// type and previews the next 10 run times in the schedule's zone.
class ScheduleEditorDialog : public QDialog
{
    Q_OBJECT
public:
    ScheduleEditorDialog(const Schedule &schedule, QWidget *parent = nullptr);
    ~ScheduleEditorDialog() override;

    Schedule schedule() const;
    QStringList nextRuns() const; // as shown
    QString problem() const; // empty when valid

private:
    void presetChanged();
    void update();

    std::unique_ptr<Ui::ScheduleEditorDialog> m_ui;
    Schedule m_original;
};
