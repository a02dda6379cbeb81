#include "strategypanel.h"

#include "ui_strategypanel.h"

#include <QLocale>

#include "domain/kindregistry.h"
#include "items/jobtracker.h"
#include "items/progresstask.h"
#include "ops/actoridentity.h"
#include "ops/snapshotcompactor.h"
#include "store/snapshotstore.h"

StrategyPanel::StrategyPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StrategyPanel>())
    , m_task(new ProgressTask(this))
{
    m_ui->setupUi(this);
    for (const QString &kind : { QStringLiteral("order"), QStringLiteral("aggregate") })
        m_ui->kind->addItem(KindRegistry::find(kind)->displayNameText(), kind);
    m_ui->mode->addItem(tr("Every N events"), int(SnapshotStrategy::Mode::Events));
    m_ui->mode->addItem(tr("Every T hours of events"), int(SnapshotStrategy::Mode::Time));
    m_ui->mode->addItem(tr("Hybrid: N events or T hours, whichever comes first"), int(SnapshotStrategy::Mode::Hybrid));
    m_ui->mode->addItem(tr("When the events to replay exceed a size"), int(SnapshotStrategy::Mode::Size));
    m_ui->progress->attach(m_task);
    connect(m_ui->kind, &QComboBox::currentIndexChanged, this, &StrategyPanel::load);
    connect(m_ui->mode, &QComboBox::currentIndexChanged, this, &StrategyPanel::updateFields);
    connect(m_ui->incremental, &QCheckBox::toggled, this, &StrategyPanel::updateFields);
    connect(m_ui->save, &QPushButton::clicked, this, &StrategyPanel::save);
    connect(m_ui->compact, &QPushButton::clicked, this, &StrategyPanel::compactNow);
    connect(m_task, &ProgressTask::runningChanged, this, [this](bool running) {
        m_ui->compact->setDisabled(running);
        m_ui->save->setDisabled(running);
    });
    showStrategy(SnapshotStrategy::defaultFor(QStringLiteral("order")));
}

StrategyPanel::~StrategyPanel() = default;

void StrategyPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant;
    m_ui->status->clear();
    load();
}

void StrategyPanel::load()
{
    const QString kind = m_ui->kind->currentData().toString();
    if (!m_store)
        return;
    m_jobs->start(
        m_store, [tenant = m_tenant, kind](SnapshotStore &store) { return store.history().strategy(tenant, kind); },
        [this, kind](const Result<SnapshotStrategy> &stored) {
            if (kind != m_ui->kind->currentData().toString())
                return; // another kind was chosen meanwhile
            if (!stored) {
                m_ui->status->setText(tr("Could not read the strategy: %1").arg(stored.error().message));
                Q_EMIT shown();
                return;
            }
            showStrategy(*stored);
            Q_EMIT loaded();
            Q_EMIT shown();
        });
}

void StrategyPanel::showStrategy(const SnapshotStrategy &s)
{
    m_ui->mode->setCurrentIndex(m_ui->mode->findData(int(s.mode)));
    m_ui->everyEvents->setValue(s.everyEvents);
    m_ui->everyHours->setValue(s.everyHours);
    m_ui->maxReplayKiB->setValue(int(s.maxReplayBytes / 1024));
    m_ui->incremental->setChecked(s.incremental);
    m_ui->keyframeEvery->setValue(s.keyframeEvery);
    updateFields();
}

SnapshotStrategy StrategyPanel::strategy() const
{
    SnapshotStrategy s = SnapshotStrategy::defaultFor(m_ui->kind->currentData().toString());
    s.mode = SnapshotStrategy::Mode(m_ui->mode->currentData().toInt());
    s.everyEvents = m_ui->everyEvents->value();
    s.everyHours = m_ui->everyHours->value();
    s.maxReplayBytes = qint64(m_ui->maxReplayKiB->value()) * 1024;
    s.incremental = m_ui->incremental->isChecked();
    s.keyframeEvery = m_ui->keyframeEvery->value();
    return s;
}

void StrategyPanel::updateFields()
{
    const auto mode = SnapshotStrategy::Mode(m_ui->mode->currentData().toInt());
    using Mode = SnapshotStrategy::Mode;
    m_ui->everyEvents->setEnabled(mode == Mode::Events || mode == Mode::Hybrid);
    m_ui->everyHours->setEnabled(mode == Mode::Time || mode == Mode::Hybrid);
    m_ui->maxReplayKiB->setEnabled(mode == Mode::Size);
    m_ui->keyframeEvery->setEnabled(m_ui->incremental->isChecked());
}

void StrategyPanel::save()
{
    if (!m_store)
        return;
    const SnapshotStrategy s = strategy();
    if (const QString problem = s.validate(); !problem.isEmpty()) {
        m_ui->status->setText(problem);
        return;
    }
    m_saveJobs->start(
        m_store,
        [tenant = m_tenant, s](
            SnapshotStore &store) { return store.history().saveStrategy(tenant, s, ActorIdentity::current()); },
        [this, kind = s.kind](const Status &result) {
            m_ui->status->setText(result ? tr("Saved the strategy of %1; Compact now applies it.").arg(kind)
                                         : tr("Could not save: %1").arg(result.error().message));
            if (result)
                Q_EMIT saved();
        },
        JobTracker::Mode::Alongside);
}

void StrategyPanel::compactNow()
{
    if (!m_store || m_task->isRunning())
        return;
    auto store = m_store;
    const QString kind = m_ui->kind->currentData().toString();
    m_ui->status->clear();
    m_task->start(
        store, tr("Compacting %1…").arg(kind),
        [store, tenant = m_tenant, kind](ProgressTask::Control &control) {
            return SnapshotCompactor(*store).run(tenant, kind, {}, ActorIdentity::current(), QStringLiteral("console"),
                [&control, kind](qint64 done, qint64 total) {
                    control.report(
                        done, total, QObject::tr("Compacting %1: entity %2 of %3").arg(kind).arg(done).arg(total));
                    return !control.isCancelled();
                });
        },
        [this](const Result<CompactionReport> &report) {
            if (!report) {
                m_ui->status->setText(report.error().code == Error::Code::Cancelled
                        ? tr("Cancelled. What was done is consistent: %1").arg(report.error().message)
                        : tr("Could not compact: %1").arg(report.error().message));
                Q_EMIT compacted();
                return;
            }
            const QLocale locale;
            QString text = tr("%1 entities: %2 snapshot(s) written, %3 stored as delta, %4 as keyframe; stored bytes "
                              "%5 → %6.")
                               .arg(locale.toString(report->entities), locale.toString(report->snapshotsWritten),
                                   locale.toString(report->storedAsDelta), locale.toString(report->storedAsKeyframe),
                                   locale.formattedDataSize(report->storedBytesBefore),
                                   locale.formattedDataSize(report->storedBytesAfter));
            for (const QString &problem : report->problems)
                text += u'\n' + tr("Skipped: %1").arg(problem);
            m_ui->status->setText(text);
            Q_EMIT compacted();
        });
}
