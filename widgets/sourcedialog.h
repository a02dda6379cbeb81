#pragma once

#include <QDialog>

#include <memory>

#include "domain/error.h"
#include "domain/livesource.h"

namespace Ui {
class SourceDialog;
}

// The form that adds a live source: its name, its preset's tables, where its PostgreSQL is (as Ctrl+L asks for a
// store's), the tenant its rows belong to, the zone its times are read in and the overlap window. OK hands the source
// to whoever adds it (submitted()); the dialog stays open, with what was typed and without a way to close it, until
// they call done() or showProblem().
class SourceDialog : public QDialog
{
    Q_OBJECT
public:
    SourceDialog(const QString &tenant, const QString &zone, QWidget *parent = nullptr);
    ~SourceDialog() override;

    // The source as typed, or why it is not one.
    Result<LiveSource> source() const;
    void showProblem(const QString &problem);
    void setBusy(bool busy);
    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    void submitted(const LiveSource &source);

private:
    std::unique_ptr<Ui::SourceDialog> m_ui;
    bool m_busy = false;
};
