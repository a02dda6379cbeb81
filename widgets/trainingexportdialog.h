#pragma once

#include <QDialog>

#include <memory>

#include "ops/trainingexport.h"

namespace Ui {
class TrainingExportDialog;
}

// What the AI training export selects: the chat snapshot types (the chat kind's, order_created and escalated checked
// at first) and the lowest customer satisfaction. OK stays disabled while no type is checked.
class TrainingExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TrainingExportDialog(QWidget *parent = nullptr);
    ~TrainingExportDialog() override;
    // The choices (the tenant is the caller's).
    TrainingExport::Options options() const;

private:
    std::unique_ptr<Ui::TrainingExportDialog> m_ui;
};
