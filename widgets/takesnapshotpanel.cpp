#include "takesnapshotpanel.h"

#include "ui_takesnapshotpanel.h"

#include <QDateTime>
#include <QElapsedTimer>

#include "domain/kindregistry.h"
#include "items/jobtracker.h"
#include "items/progresstask.h"
#include "ops/actoridentity.h"
#include "ops/snapshottaker.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

TakeSnapshotPanel::TakeSnapshotPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TakeSnapshotPanel>())
    , m_task(new ProgressTask(this))
{
    m_ui->setupUi(this);
    for (const QString &kind : SnapshotTaker::supportedKinds())
        m_ui->kind->addItem(KindRegistry::find(kind)->displayNameText(), kind);
    m_ui->date->setDate(QDate::currentDate().addDays(-1));
    m_ui->progress->attach(m_task);
    connect(m_ui->kind, &QComboBox::currentIndexChanged, this, &TakeSnapshotPanel::updateFields);
    connect(m_ui->allStores, &QCheckBox::toggled, this, &TakeSnapshotPanel::updateFields);
    connect(m_ui->take, &QPushButton::clicked, this, &TakeSnapshotPanel::take);
    connect(m_ui->entity, &QLineEdit::returnPressed, this, &TakeSnapshotPanel::take);
    connect(m_task, &ProgressTask::runningChanged, m_ui->take, &QWidget::setDisabled);
    updateFields();
}

TakeSnapshotPanel::~TakeSnapshotPanel() = default;

void TakeSnapshotPanel::setTimeZone(const QTimeZone &zone)
{
    m_ui->date->setDate(QDateTime::currentDateTime().toTimeZone(IsoTime::validOrUtc(zone)).date().addDays(-1));
}

void TakeSnapshotPanel::setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant;
    m_ui->store->clear();
    m_ui->result->clear();
    if (!m_store)
        return;
    m_storeCodeJobs->start(
        m_store, [tenant](SnapshotStore &opened) { return opened.sources().storeCodes(tenant); },
        [this](const Result<QStringList> &codes) {
            if (codes)
                m_ui->store->addItems(*codes);
            Q_EMIT shown();
        });
}

void TakeSnapshotPanel::prepare(const QString &kind, const QString &entityId)
{
    const int index = m_ui->kind->findData(kind);
    if (index < 0)
        return;
    m_ui->kind->setCurrentIndex(index);
    if (kind == u"stock") {
        m_ui->allStores->setChecked(false);
        m_ui->store->setCurrentText(entityId);
    } else if (kind != u"daily_inventory") {
        m_ui->entity->setText(entityId);
    }
}

void TakeSnapshotPanel::updateFields()
{
    const QString kind = m_ui->kind->currentData().toString();
    const bool stores = kind == u"stock" || kind == u"daily_inventory";
    m_ui->entity->setEnabled(!stores);
    m_ui->allStores->setEnabled(stores);
    m_ui->store->setEnabled(stores && !m_ui->allStores->isChecked());
    m_ui->date->setEnabled(kind == u"daily_inventory");
    const QStringList types = kind == u"account"
        ? QStringList { QStringLiteral("manual"), QStringLiteral("event_driven") }
        : QStringList { QStringLiteral("manual") };
    m_ui->type->clear();
    m_ui->type->addItems(types);
}

void TakeSnapshotPanel::take()
{
    if (!m_store || m_task->isRunning())
        return;
    TakeRequest request;
    request.tenant = m_tenant;
    request.kind = m_ui->kind->currentData().toString();
    request.actor = ActorIdentity::current();
    request.source = QStringLiteral("console");
    request.type = m_ui->type->currentText();
    if (request.kind == u"stock" || request.kind == u"daily_inventory") {
        request.allStores = m_ui->allStores->isChecked();
        if (!request.allStores && !m_ui->store->currentText().isEmpty())
            request.storeCodes = { m_ui->store->currentText() };
    } else {
        request.entityId = m_ui->entity->text().trimmed();
        if (request.entityId.isEmpty()) {
            m_ui->result->setText(
                tr("Enter the %1 to snapshot.").arg(KindRegistry::find(request.kind)->entityLabelText()));
            m_ui->entity->setFocus();
            return;
        }
    }
    if (request.kind == u"daily_inventory")
        request.date = m_ui->date->date();
    m_ui->result->clear();
    auto store = m_store;
    m_task->start(
        store, tr("Taking %1 snapshot…").arg(request.kind),
        [store, request](ProgressTask::Control &control) {
            QElapsedTimer timer;
            timer.start();
            auto outcome = SnapshotTaker(*store).take(request, [&control](qint64 done, qint64 total) {
                control.report(done, total);
                return !control.isCancelled();
            });
            return std::make_pair(std::move(outcome), timer.elapsed());
        },
        [this](const std::pair<Result<TakeOutcome>, qint64> &result) {
            const auto &[outcome, ms] = result;
            if (!outcome) {
                m_ui->result->setText(outcome.error().code == Error::Code::Cancelled
                        ? tr("Cancelled: nothing was written.")
                        : tr("Could not take the snapshot: %1").arg(outcome.error().message));
                return;
            }
            QStringList lines;
            for (const QString &skipped : outcome->skipped)
                lines << tr("Skipped: %1").arg(skipped);
            if (!outcome->taken.isEmpty()) {
                const SnapshotHeader &first = outcome->taken.first();
                lines << tr(
                    "Took %n snapshot(s) in %1 ms; first: %2 %3 version %4 (%5).", nullptr, int(outcome->taken.size()))
                             .arg(ms)
                             .arg(first.kind, first.entityId)
                             .arg(first.version)
                             .arg(first.id);
            }
            m_ui->result->setText(lines.join(u'\n'));
            Q_EMIT taken(int(outcome->taken.size()));
        });
}
