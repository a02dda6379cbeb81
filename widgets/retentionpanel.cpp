#include "retentionpanel.h"

#include "ui_retentionpanel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimeZone>

#include "cleanuppreviewdialog.h"
#include "domain/kindregistry.h"
#include "items/jobtracker.h"
#include "items/progresstask.h"
#include "items/retentionplanmodel.h"
#include "ops/actoridentity.h"
#include "ops/cleanuprunner.h"
#include "ops/retentionplanner.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

namespace {
struct Planned
{
    // Made on the worker: copying a plan of a million snapshots on the GUI thread would stall it.
    Result<std::shared_ptr<const RetentionPlan>> plan = Error {};
    qint64 ms = 0;
};
} // namespace

RetentionPanel::RetentionPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RetentionPanel>())
    , m_task(new ProgressTask(this))
{
    m_ui->setupUi(this);
    for (const KindDefinition *kind : KindRegistry::all())
        m_ui->kind->addItem(kind->displayNameText(), kind->id);
    m_ui->progress->attach(m_task);
    connect(m_ui->kind, &QComboBox::currentIndexChanged, this, &RetentionPanel::loadPolicy);
    for (QSpinBox *spin : { m_ui->keepLast, m_ui->keepWithin, m_ui->keepDaily, m_ui->keepWeekly, m_ui->keepMonthly,
             m_ui->keepYearly, m_ui->olderThan })
        connect(spin, &QSpinBox::valueChanged, this, &RetentionPanel::validate);
    connect(m_ui->protectedTypes, &QLineEdit::textChanged, this, &RetentionPanel::validate);
    connect(m_ui->defaults, &QPushButton::clicked, this, [this] {
        RetentionPolicy policy;
        policy.kind = m_ui->kind->currentData().toString();
        setPolicy(RetentionPlanner::defaultPolicy(policy.kind).value_or(policy));
    });
    connect(m_ui->plan, &QPushButton::clicked, this, &RetentionPanel::planCleanup);
    connect(m_ui->save, &QPushButton::clicked, this, &RetentionPanel::savePolicy);
    connect(m_task, &ProgressTask::runningChanged, this, [this](bool running) {
        m_ui->plan->setDisabled(running);
        m_ui->save->setDisabled(running);
        if (!running)
            validate();
    });
    validate();
}

RetentionPanel::~RetentionPanel() = default;

void RetentionPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant;
    m_ui->result->clear();
    loadPolicy();
}

void RetentionPanel::setTimeZone(const QTimeZone &zone)
{
    m_zone = IsoTime::validOrUtc(zone);
}

void RetentionPanel::setKind(const QString &kind)
{
    const int index = m_ui->kind->findData(kind);
    if (index >= 0)
        m_ui->kind->setCurrentIndex(index);
}

RetentionPolicy RetentionPanel::policy() const
{
    RetentionPolicy p;
    p.kind = m_ui->kind->currentData().toString();
    p.keepLast = m_ui->keepLast->value();
    p.keepWithinDays = m_ui->keepWithin->value();
    p.keepDaily = m_ui->keepDaily->value();
    p.keepWeekly = m_ui->keepWeekly->value();
    p.keepMonthly = m_ui->keepMonthly->value();
    p.keepYearly = m_ui->keepYearly->value();
    p.deleteOlderThanDays = m_ui->olderThan->value();
    for (const QString &type : m_ui->protectedTypes->text().split(u',', Qt::SkipEmptyParts))
        p.protectedTypes << type.trimmed();
    return p;
}

void RetentionPanel::setPolicy(const RetentionPolicy &p)
{
    m_ui->keepLast->setValue(p.keepLast);
    m_ui->keepWithin->setValue(p.keepWithinDays);
    m_ui->keepDaily->setValue(p.keepDaily);
    m_ui->keepWeekly->setValue(p.keepWeekly);
    m_ui->keepMonthly->setValue(p.keepMonthly);
    m_ui->keepYearly->setValue(p.keepYearly);
    m_ui->olderThan->setValue(p.deleteOlderThanDays);
    m_ui->protectedTypes->setText(p.protectedTypes.join(QStringLiteral(", ")));
    validate();
}

void RetentionPanel::loadPolicy()
{
    const QString kind = m_ui->kind->currentData().toString();
    if (!m_store)
        return;
    const QString tenant = m_tenant;
    m_policyJobs->start(
        m_store, [tenant, kind](SnapshotStore &store) { return store.maintenance().retentionPolicy(tenant, kind); },
        [this, kind](const Result<std::optional<RetentionPolicy>> &stored) {
            if (kind != m_ui->kind->currentData().toString())
                return;
            RetentionPolicy empty;
            empty.kind = kind;
            if (!stored) {
                m_ui->stored->setText(tr("Could not read the policy: %1").arg(stored.error().message));
            } else if (*stored) {
                setPolicy(**stored);
                m_ui->stored->setText(
                    tr("Stored policy, saved by %1 on %2")
                        .arg((*stored)->updatedBy, IsoTime::toNamedZoneText((*stored)->updatedAt, m_zone)));
            } else if (auto fallback = RetentionPlanner::defaultPolicy(kind)) {
                setPolicy(*fallback);
                m_ui->stored->setText(tr("The specification's default (not saved yet)"));
            } else {
                setPolicy(empty);
                m_ui->stored->setText(tr("No policy: nothing of this kind is cleaned up"));
            }
            Q_EMIT shown();
        });
}

void RetentionPanel::validate()
{
    const Status status = RetentionPlanner::validate(policy());
    m_ui->validation->setText(status ? QString() : status.error().message);
    const bool enabled = status.ok() && m_store && !m_task->isRunning();
    m_ui->plan->setEnabled(enabled);
    m_ui->save->setEnabled(enabled);
}

void RetentionPanel::planCleanup()
{
    plan(false);
}

void RetentionPanel::savePolicy()
{
    plan(true);
}

void RetentionPanel::plan(bool forSaving)
{
    const RetentionPolicy p = policy();
    if (!m_store || m_task->isRunning() || !RetentionPlanner::validate(p))
        return;
    auto store = m_store;
    const QString tenant = m_tenant;
    m_ui->result->clear();
    m_task->start(
        store, tr("Planning the %1 cleanup…").arg(p.kind),
        [store, tenant, p](ProgressTask::Control &control) {
            QElapsedTimer timer;
            timer.start();
            Planned planned;
            auto candidates = store->maintenance().retentionCandidates(
                tenant, p.kind, [&control] { return control.isCancelled(); });
            if (!candidates) {
                planned.plan = candidates.error();
                return planned;
            }
            QTimeZone zone = QTimeZone::utc();
            if (auto tenants = store->tenants()) {
                for (const Tenant &t : *tenants) {
                    if (t.id == tenant)
                        zone = QTimeZone(t.businessTimeZone.toUtf8());
                }
            }
            planned.plan = std::make_shared<const RetentionPlan>(
                RetentionPlanner::plan(std::move(*candidates), p, QDateTime::currentMSecsSinceEpoch(), zone));
            planned.ms = timer.elapsed();
            return planned;
        },
        [this, forSaving, p](const Planned &planned) {
            if (!planned.plan) {
                m_ui->result->setText(planned.plan.error().code == Error::Code::Cancelled
                        ? tr("Planning cancelled.")
                        : tr("Could not plan: %1").arg(planned.plan.error().message));
                return;
            }
            std::shared_ptr<const RetentionPlan> plan = *planned.plan;
            m_ui->result->setText(tr("Planned in %1 ms: %2 of %3 snapshots would go.")
                                      .arg(planned.ms)
                                      .arg(QLocale().toString(plan->deleteCount),
                                          QLocale().toString(qint64(plan->candidates.rows.size()))));
            Q_EMIT planReady(plan);
            auto *dialog = new CleanupPreviewDialog(plan,
                forSaving ? CleanupPreviewDialog::Purpose::SavePolicy : CleanupPreviewDialog::Purpose::Run, m_zone,
                this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, plan, forSaving, p] {
                if (!forSaving) {
                    runPlan(plan, dialog->archivePath());
                    return;
                }
                m_saveJobs->start(
                    m_store,
                    [owner = m_tenant, p](SnapshotStore &target) {
                        return target.maintenance().saveRetentionPolicy(owner, p, ActorIdentity::current());
                    },
                    [this](const Status &saved) {
                        m_ui->result->setText(
                            saved ? tr("Policy saved.") : tr("Could not save: %1").arg(saved.error().message));
                        loadPolicy();
                    },
                    JobTracker::Mode::Alongside);
            });
            dialog->open();
            Q_EMIT previewShown(dialog);
        });
}

void RetentionPanel::runPlan(std::shared_ptr<const RetentionPlan> plan, const QString &archivePath)
{
    auto store = m_store;
    CleanupOptions options;
    options.tenant = m_tenant;
    options.actor = ActorIdentity::current();
    options.archivePath = archivePath;
    m_task->start(
        store, tr("Cleaning up…"),
        [store, plan, options](ProgressTask::Control &control) {
            return CleanupRunner(*store).run(
                *plan, options, [&control](const QString &phase, qint64 done, qint64 total) {
                    control.report(done, total,
                        phase == u"archive" ? QObject::tr("Writing the archive…")
                                            : QObject::tr("Moving to the trash…"));
                    return !control.isCancelled();
                });
        },
        [this](const Result<CleanupReport> &report) {
            if (!report) {
                m_ui->result->setText(tr("The cleanup failed: %1").arg(report.error().message));
                return;
            }
            const QLocale locale;
            QString text = report->cancelled
                ? tr("Cancelled after %1 of %2 snapshots; the trash holds whole batches and planning again finishes "
                     "the job.")
                      .arg(locale.toString(report->trashed), locale.toString(report->planned))
                : tr("Moved %1 snapshots to the trash in %2 s.")
                      .arg(locale.toString(report->trashed), locale.toString(report->seconds, 'f', 1));
            if (report->archived > 0)
                text += u' ' + tr("Archived %1 first.").arg(locale.toString(report->archived));
            m_ui->result->setText(text);
            Q_EMIT cleanedUp(report->trashed);
        });
}
