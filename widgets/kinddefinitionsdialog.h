#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class KindDefinitionsDialog;
}

// The kinds the open store knows (built in, imported, and those the seeds say not to snapshot), each with its shapes
// and its definition as JSON, read-only.
class KindDefinitionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KindDefinitionsDialog(QWidget *parent = nullptr);
    ~KindDefinitionsDialog() override;

    // Shows `kind` (its id), if known.
    void select(const QString &kind);

private:
    void showKind(int row);

    std::unique_ptr<Ui::KindDefinitionsDialog> m_ui;
};
