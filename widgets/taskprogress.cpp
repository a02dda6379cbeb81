#include "taskprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include "items/progresstask.h"

TaskProgress::TaskProgress(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_bar, 2);
    layout->addWidget(m_cancel);
    m_cancel->setShortcut(Qt::Key_Escape);
    hide();
}

void TaskProgress::attach(ProgressTask *task)
{
    connect(task, &ProgressTask::runningChanged, this, [this](bool running) {
        setVisible(running);
        m_cancel->setEnabled(running);
    });
    connect(task, &ProgressTask::progress, this, [this](qint64 done, qint64 total, const QString &message) {
        m_message->setText(message);
        if (total <= 0) {
            m_bar->setRange(0, 0);
        } else {
            // QProgressBar counts in int: scale large totals.
            const int max = int(std::min<qint64>(total, 1'000'000));
            m_bar->setRange(0, max);
            m_bar->setValue(int(double(done) / double(total) * max));
            m_bar->setFormat(QStringLiteral("%1 / %2").arg(QLocale().toString(done), QLocale().toString(total)));
        }
    });
    connect(m_cancel, &QPushButton::clicked, this, [this, task] {
        m_cancel->setEnabled(false);
        m_message->setText(tr("Cancelling…"));
        task->cancel();
    });
}
