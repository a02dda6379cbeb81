#include "pointintimepanel.h"
#include "ui_pointintimepanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QStyledItemDelegate>

#include "domain/pii.h"
#include "items/eventlistmodel.h"
#include "items/jobtracker.h"
#include "items/jsontreemodel.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"
#include "json/jsontree.h"

namespace {
// Events replayed onto the snapshot are drawn bold.
class AppliedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(EventListModel::AppliedRole).toBool())
            option->font.setBold(true);
    }
};
} // namespace

PointInTimePanel::PointInTimePanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PointInTimePanel>())
    , m_events(new EventListModel(this))
    , m_state(new JsonTreeModel(this))
{
    m_ui->setupUi(this);
    m_ui->stateView->setModel(m_state);
    m_ui->stateView->header()->setStretchLastSection(false);
    // Member names are what one reads the state by: as wide as the names shown (they were cut to "custo…").
    m_ui->stateView->header()->setSectionResizeMode(int(JsonTreeModel::Column::Key), QHeaderView::ResizeToContents);
    m_ui->stateView->header()->setSectionResizeMode(int(JsonTreeModel::Column::Value), QHeaderView::Stretch);
    m_ui->stateView->header()->setSectionResizeMode(int(JsonTreeModel::Column::Type), QHeaderView::ResizeToContents);
    m_ui->eventsView->setModel(m_events);
    m_ui->eventsView->setItemDelegate(new AppliedDelegate(m_ui->eventsView));
    m_ui->eventsView->verticalHeader()->hide();
    m_ui->eventsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->eventsView->verticalHeader()->setDefaultSectionSize(m_ui->eventsView->fontMetrics().height() + 6);
    m_ui->versionSlider->setPageStep(10);
    m_ui->atEdit->setTimeSpec(Qt::UTC); // holds the wall-clock time in m_zone (IsoTime::wallClock)
    setTimeZone(m_zone);

    connect(m_ui->versionSlider, &QSlider::valueChanged, this, [this](int value) {
        if (m_current && m_current->version == value)
            return;
        showVersion(value);
    });
    connect(m_ui->atEdit, &QDateTimeEdit::dateTimeChanged, this,
        [this](const QDateTime &at) { showMoment(IsoTime::fromWallClock(at, m_zone)); });
    connect(m_ui->eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid() && !m_applying)
                showVersion(current.data(EventListModel::SeqRole).toLongLong());
        });
    clear();
}

PointInTimePanel::~PointInTimePanel() = default;

void PointInTimePanel::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone shown = IsoTime::validOrUtc(zone);
    const bool changed = shown != m_zone;
    m_zone = shown;
    m_events->setTimeZone(m_zone);
    m_ui->atLabel->setText(tr("State &at (%1):").arg(QString::fromUtf8(m_zone.id())));
    if (changed && !m_entityId.isEmpty()) {
        // Read again, so the picker's range and the moment shown are in this zone.
        const QString tenant = m_tenant, kind = m_kind, entityId = m_entityId;
        const std::optional<qint64> seq = m_current ? std::optional<qint64>(m_current->version) : std::nullopt;
        clear();
        showEntity(tenant, kind, entityId, seq);
    }
}

void PointInTimePanel::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    clear();
}

void PointInTimePanel::clear()
{
    m_eventJobs->clear();
    m_stateJobs->clear();
    m_tenant.clear();
    m_kind.clear();
    m_entityId.clear();
    m_current.reset();
    m_events->clear();
    m_state->clear();
    m_ui->versionSlider->setEnabled(false);
    m_ui->atEdit->setEnabled(false);
    m_ui->versionLabel->clear();
    m_ui->sourceLabel->setText(tr("Select an order or an aggregate to see its state at any moment."));
}

void PointInTimePanel::showEntity(
    const QString &tenant, const QString &kind, const QString &entityId, std::optional<qint64> seq)
{
    if (!m_store)
        return;
    if (tenant == m_tenant && kind == m_kind && entityId == m_entityId) {
        if (seq)
            showVersion(*seq);
        return;
    }
    clear();
    m_tenant = tenant;
    m_kind = kind;
    m_entityId = entityId;
    m_ui->sourceLabel->setText(tr("Reading the events of %1…").arg(entityId));
    m_eventJobs->start(
        m_store, [tenant, entityId](SnapshotStore &store) { return store.sources().events(tenant, entityId, 0); },
        [this, seq](const Result<QList<EventRecord>> &events) {
            if (!events) {
                m_ui->sourceLabel->setText(events.error().message.toHtmlEscaped());
                Q_EMIT shown(false);
                return;
            }
            if (events->isEmpty()) {
                m_ui->sourceLabel->setText(tr("%1 has no events: there is nothing to replay.").arg(m_entityId));
                Q_EMIT shown(false);
                return;
            }
            m_events->setEvents(*events);
            m_ui->eventsView->resizeColumnsToContents();
            const qint64 first = events->first().seq, last = events->last().seq;
            const QSignalBlocker blockSlider(m_ui->versionSlider);
            const QSignalBlocker blockEdit(m_ui->atEdit);
            m_ui->versionSlider->setRange(int(first), int(last));
            m_ui->versionSlider->setTickInterval(std::max<int>(1, int(last - first) / 20));
            m_ui->versionSlider->setEnabled(true);
            m_ui->atEdit->setEnabled(true);
            m_ui->atEdit->setDateTimeRange(IsoTime::wallClock(events->first().occurredAt, m_zone),
                IsoTime::wallClock(events->last().occurredAt, m_zone).addDays(365));
            showVersion(seq.value_or(last));
        });
}

void PointInTimePanel::showVersion(qint64 seq)
{
    if (m_entityId.isEmpty())
        return;
    StateReconstructor::Target target;
    target.seq = seq;
    m_fromMoment = false;
    request(target);
}

void PointInTimePanel::showMoment(EpochMs at)
{
    if (m_entityId.isEmpty())
        return;
    StateReconstructor::Target target;
    target.at = at;
    m_fromMoment = true;
    request(target);
}

void PointInTimePanel::request(const StateReconstructor::Target &target)
{
    if (!m_store)
        return;
    // While one runs, only the newest request waits: dragging the slider never queues a backlog.
    m_stateJobs->startLatest(
        m_store,
        [tenant = m_tenant, kind = m_kind, entityId = m_entityId, target](SnapshotStore &store) {
            return StateReconstructor(store).reconstruct(
                tenant, kind, entityId, target, StateReconstructor::Method::Hybrid);
        },
        [this](const Result<StateReconstruction> &result) { apply(result); });
}

void PointInTimePanel::apply(const Result<StateReconstruction> &result)
{
    if (!result) {
        m_ui->sourceLabel->setText(tr("<b>Cannot show that state.</b> %1").arg(result.error().message.toHtmlEscaped()));
        Q_EMIT shown(false);
        return;
    }
    const StateReconstruction &r = *result;
    m_current = r;
    // The reconstructed state is masked like the snapshot it came from (the inspector's Reveal covers snapshots).
    m_state->setTree(JsonTree::fromValue(Pii::masks(m_role) ? Pii::masked(r.state, m_kind) : QJsonValue(r.state)));
    m_ui->stateView->expand(m_state->index(0, 0));
    const QSignalBlocker blockSlider(m_ui->versionSlider);
    m_ui->versionSlider->setValue(int(r.version));
    if (!m_fromMoment) {
        const QSignalBlocker blockEdit(m_ui->atEdit);
        m_ui->atEdit->setDateTime(IsoTime::wallClock(r.timestamp, m_zone));
    }
    m_ui->versionLabel->setText(tr("version %1 of %2").arg(r.version).arg(m_ui->versionSlider->maximum()));
    const QString when = IsoTime::toNamedZoneText(r.timestamp, m_zone, true);
    QString source = r.fromSnapshot.isEmpty()
        ? tr("Full replay of %n event(s) (no usable snapshot before it); state after the event of %1.", nullptr,
            r.eventsReplayed)
              .arg(when)
        : tr("From snapshot %1 (event %2) plus %n event(s) replayed; state after the event of %3.", nullptr,
            r.eventsReplayed)
              .arg(r.fromSnapshot)
              .arg(r.fromSnapshotSeq)
              .arg(when);
    source += u' ' + tr("%1 ms.").arg(QLocale().toString(r.elapsedMs, 'f', 1));
    for (const QString &skipped : r.skippedSnapshots)
        source += QStringLiteral("<br><span style='color:#b00020'>%1</span>")
                      .arg(tr("Skipped, failed verification: %1").arg(skipped).toHtmlEscaped());
    m_ui->sourceLabel->setText(source);
    m_events->setApplied(r.fromSnapshotSeq, r.version);
    if (const int row = m_events->rowOfSeq(r.version); row >= 0) {
        const QModelIndex index = m_events->index(row, 0);
        m_applying = true; // selecting the row it shows must not ask for it again
        m_ui->eventsView->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_applying = false;
        m_ui->eventsView->scrollTo(index);
    }
    Q_EMIT shown(true);
}
