#pragma once

#include <QWidget>

class ProgressTask;
class QLabel;
class QProgressBar;
class QPushButton;

// A progress bar with its message and a Cancel button, shown while a ProgressTask runs.
class TaskProgress : public QWidget
{
    Q_OBJECT
public:
    explicit TaskProgress(QWidget *parent = nullptr);
    void attach(ProgressTask *task);
    QPushButton *cancelButton() const { return m_cancel; }

private:
    QLabel *m_message;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};
