#pragma once

#include <QDialog>
#include <QTimeZone>

#include <memory>

namespace Ui {
class CleanupPreviewDialog;
}
struct RetentionPlan;
class RetentionPlanModel;

// Shows a cleanup plan (totals, why things stay, the lazy list of what goes and what stays) and asks for
// confirmation: to run it, or to save the policy that causes it.
class CleanupPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Run, SavePolicy };
    // Times are shown in `zone`, the tenant's business zone.
    CleanupPreviewDialog(
        std::shared_ptr<const RetentionPlan> plan, Purpose purpose, const QTimeZone &zone, QWidget *parent = nullptr);
    ~CleanupPreviewDialog() override;

    // Empty: no archive.
    QString archivePath() const;
    RetentionPlanModel *model() const { return m_model; }

private:
    std::unique_ptr<Ui::CleanupPreviewDialog> m_ui;
    RetentionPlanModel *m_model;
};
