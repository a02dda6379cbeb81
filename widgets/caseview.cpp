#include "caseview.h"
#include "ui_caseview.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QSysInfo>
#include <QTextDocument>

#include "casepanels.h"
#include "casepdf.h"
#include "flowlayout.h"
#include "items/casehitmodel.h"
#include "items/casesourcefiltermodel.h"
#include "items/casetimelinemodel.h"
#include "items/jobtracker.h"
#include "items/progresstask.h"
#include "ops/actoridentity.h"
#include "ops/caseevidence.h"
#include "ops/evidencebundle.h"
#include "ops/exportaudit.h"
#include "ops/personaldata.h"
#include "store/snapshotstore.h"
#include "taskprogress.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace {

// Rows the cursor has not reached are grey; rows that changed since its previous position are bold on yellow.
class CursorDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        switch (CaseTimelineModel::State(index.data(CaseTimelineModel::StateRole).toInt())) {
        case CaseTimelineModel::State::Future:
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
            break;
        case CaseTimelineModel::State::Changed:
            option->backgroundBrush = QColor(0xff, 0xf1, 0xb8);
            option->font.setBold(true);
            break;
        case CaseTimelineModel::State::Past:
            break;
        }
    }
};

} // namespace

CaseView::CaseView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseView>())
    , m_hits(new CaseHitModel(this))
    , m_timeline(new CaseTimelineModel(this))
    , m_task(new ProgressTask(this))
    , m_progress(new TaskProgress(this))
    , m_revealMenu(new QMenu(this))
{
    m_ui->setupUi(this);
    m_ui->cursorEdit->setTimeSpec(Qt::UTC); // holds the wall-clock time in m_zone (IsoTime::wallClock)
    // The case's buttons wrap instead of widening the window (Thai and Japanese labels are longer).
    FlowLayout::replaceRow(m_ui->actionsLayout);
    m_ui->caseAreaLayout->addWidget(m_progress);
    m_progress->attach(m_task);
    m_ui->resultsView->setModel(m_hits);
    m_ui->resultsView->verticalHeader()->hide();
    m_ui->resultsView->horizontalHeader()->setStretchLastSection(true);
    auto *delegate = new CursorDelegate(this);
    m_ui->timelineView->setModel(m_timeline);
    m_ui->timelineView->setItemDelegate(delegate);
    m_ui->timelineView->verticalHeader()->hide();
    m_ui->timelineView->horizontalHeader()->setStretchLastSection(true);
    const std::pair<QTableView *, CaseEntry::Source> ledgers[]
        = { { m_ui->inventoryView, CaseEntry::Source::Inventory },
              { m_ui->financialView, CaseEntry::Source::Financial } };
    for (const auto &[view, source] : ledgers) {
        auto *filter = new CaseSourceFilterModel(source, this);
        filter->setSourceModel(m_timeline);
        view->setModel(filter);
        view->setItemDelegate(delegate);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->hideColumn(int(CaseTimelineModel::Column::Kind));
        view->hideColumn(int(CaseTimelineModel::Column::TriggeredBy));
        view->setSelectionMode(QAbstractItemView::SingleSelection);
    }
    // Room for the case: a few result rows, the timeline, and the panels most of all.
    m_ui->mainSplitter->setSizes({ 110, 800 });
    m_ui->caseSplitter->setSizes({ 220, 380 });
    m_ui->panelSplitter->setSizes({ 400, 400 });
    m_ui->revealButton->setMenu(m_revealMenu);
    m_ui->caseArea->setEnabled(false);
    m_ui->cursorSlider->setPageStep(5);

    connect(m_ui->searchButton, &QPushButton::clicked, this, [this] { search(m_ui->searchEdit->text()); });
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] { search(m_ui->searchEdit->text()); });
    connect(m_ui->resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                openCase(current.data(CaseHitModel::OrderIdRole).toString());
        });
    connect(m_ui->cursorSlider, &QSlider::valueChanged, this, [this](int row) {
        if (!m_syncing && row >= 0 && row < m_timeline->rowCount())
            setCursor(m_timeline->entries().at(row).header.takenAt);
    });
    connect(m_ui->cursorEdit, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &at) {
        if (!m_syncing)
            setCursor(IsoTime::fromWallClock(at, m_zone) + 999); // the whole second shown
    });
    connect(m_ui->timelineView, &QTableView::doubleClicked, this,
        [this](const QModelIndex &index) { setCursor(index.data(CaseTimelineModel::TakenAtRole).toLongLong()); });
    for (QTableView *view : { m_ui->timelineView, m_ui->inventoryView, m_ui->financialView }) {
        connect(
            view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT snapshotSelected(current.data(CaseTimelineModel::SnapshotIdRole).toString());
            });
    }
    connect(m_ui->compareButton, &QPushButton::clicked, this, &CaseView::compareSelected);
    connect(m_ui->holdButton, &QPushButton::clicked, this, [this] { setHold(true); });
    connect(m_ui->releaseButton, &QPushButton::clicked, this, [this] { setHold(false); });
    connect(m_ui->pdfButton, &QPushButton::clicked, this, &CaseView::exportPdf);
    connect(m_ui->bundleButton, &QPushButton::clicked, this, &CaseView::exportBundle);
    for (const QString &name : Pii::ContactDetails) {
        m_revealMenu->addAction(tr("Reveal %1").arg(name), this, [this, name] { reveal(name); });
    }
    setRole(Access::DefaultRole);
}

CaseView::~CaseView() = default;

void CaseView::setStore(std::shared_ptr<SnapshotStore> store, const Tenant &tenant)
{
    m_task->abandon(); // what runs belongs to the store or tenant before: it stops, and its result is dropped
    m_store = std::move(store);
    m_tenant = tenant.id;
    m_currency = tenant.currency;
    // Every time in the case is the tenant's business time, named beside the cursor and in the column headers.
    m_zone = IsoTime::validOrUtc(QTimeZone(tenant.businessTimeZone.toUtf8()));
    m_hits->setTimeZone(m_zone);
    m_timeline->setTimeZone(m_zone);
    m_ui->cursorLabel->setText(tr("&As of (%1):").arg(QString::fromUtf8(m_zone.id())));
    m_hits->setCurrency(tenant.currency);
    m_searchJobs->clear();
    m_ui->searchButton->setEnabled(true); // a search that was on its way is dropped with its store
    m_caseJobs->clear();
    m_momentJobs->clear();
    m_actionJobs->clear(); // a hold or reveal on the store before is not reported against this one
    m_case.reset();
    m_cursor.reset();
    m_moment.reset();
    m_previousMoment.reset();
    m_hits->setHits({});
    m_timeline->setEntries({});
    m_ui->caseArea->setEnabled(false);
    m_ui->caseTitle->setText(tr("Search for an order, a customer, a chat session or a phone number."));
    m_ui->orderBrowser->clear();
    m_ui->chatBrowser->clear();
}

void CaseView::setRole(Access::Role role)
{
    m_role = role;
    m_hits->setRole(role);
    m_revealed.clear();
    m_revealedValues.clear();
    m_ui->revealButton->setVisible(Pii::masks(role));
    if (m_moment) {
        renderOrder();
        renderChats();
        renderTitle();
    }
}

void CaseView::search(const QString &text)
{
    if (!m_store || text.trimmed().isEmpty())
        return;
    const QString tenant = m_tenant;
    m_ui->searchButton->setEnabled(false);
    m_searchJobs->start(
        m_store, [tenant, text](SnapshotStore &store) { return CaseAssembler(store).search(tenant, text); },
        [this, text](const Result<QList<CaseHit>> &hits) {
            m_ui->searchButton->setEnabled(true);
            if (!hits) {
                fail(tr("Could not search for \"%1\": %2").arg(text, hits.error().message));
                Q_EMIT searched(-1);
                return;
            }
            m_hits->setHits(*hits);
            m_ui->resultsView->resizeColumnsToContents();
            Q_EMIT message(hits->isEmpty() ? tr("No order matches \"%1\".").arg(text)
                                           : tr("%n order(s) match \"%1\".", nullptr, int(hits->size())).arg(text));
            if (hits->size() == 1)
                m_ui->resultsView->selectRow(0); // opens it
            Q_EMIT searched(int(hits->size()));
        });
}

void CaseView::openCase(const QString &orderId)
{
    if (!m_store || orderId.isEmpty() || (m_case && m_case->orderId == orderId))
        return;
    const QString tenant = m_tenant;
    m_ui->caseTitle->setText(tr("Opening %1…").arg(orderId));
    m_momentJobs->clear(); // moments of the case shown before
    m_caseJobs->start(
        m_store,
        [tenant, orderId](SnapshotStore &store) -> Result<std::pair<DisputeCase, QList<CaseEntry>>> {
            auto c = CaseAssembler(store).assemble(tenant, orderId);
            if (!c)
                return c.error();
            QList<CaseEntry> entries = mergedCaseTimeline(*c);
            return std::make_pair(std::move(c).value(), std::move(entries));
        },
        [this, orderId](const Result<std::pair<DisputeCase, QList<CaseEntry>>> &opened) {
            if (!opened) {
                fail(tr("Could not open case %1: %2").arg(orderId, opened.error().message));
                Q_EMIT caseOpened(false);
                return;
            }
            m_case = opened->first;
            m_cursor = std::make_shared<CaseCursor>(*m_store, *m_case);
            m_moment.reset();
            m_previousMoment.reset();
            m_revealed.clear();
            m_revealedValues.clear();
            m_timeline->setEntries(opened->second);
            m_ui->timelineView->resizeColumnsToContents();
            m_ui->caseArea->setEnabled(true);
            const QList<CaseEntry> &entries = m_timeline->entries();
            m_syncing = true;
            m_ui->cursorSlider->setRange(0, int(entries.size()) - 1);
            m_ui->cursorSlider->setValue(int(entries.size()) - 1);
            m_ui->cursorEdit->setDateTimeRange(IsoTime::wallClock(entries.first().header.takenAt - 86400000, m_zone),
                IsoTime::wallClock(entries.last().header.takenAt + 86400000, m_zone));
            m_syncing = false;
            Q_EMIT caseOpened(true);
            setCursor(entries.last().header.takenAt); // the case as it stands
        });
}

void CaseView::setCursor(EpochMs at)
{
    if (!m_cursor || !m_store)
        return;
    // One moment is rebuilt at a time; while it runs, only the newest position waits.
    m_momentJobs->startLatest(
        m_store, [cursor = m_cursor, at](SnapshotStore &) { return cursor->at(at); },
        [this](const Result<CaseMoment> &moment) {
            if (m_momentJobs->hasQueued())
                return; // a newer position was asked for meanwhile: that one is shown
            if (!moment) {
                fail(tr("Could not rebuild the case at that moment: %1").arg(moment.error().message));
                Q_EMIT momentShown(false);
                return;
            }
            showMoment(*moment);
            Q_EMIT momentShown(true);
        });
}

void CaseView::showMoment(const CaseMoment &m)
{
    m_previousMoment = m_moment;
    m_moment = m;
    m_timeline->setCursor(m.at);
    const int row = m_timeline->lastRowAtOrBefore(m.at);
    m_syncing = true;
    m_ui->cursorSlider->setValue(std::max(0, row));
    m_ui->cursorEdit->setDateTime(IsoTime::wallClock(m.at, m_zone));
    m_syncing = false;
    if (row >= 0)
        m_ui->timelineView->scrollTo(m_timeline->index(row, 0));
    m_ui->cursorInfo->setText(tr("%n of %1 snapshots had been taken", nullptr, row + 1).arg(m_timeline->rowCount()));
    renderOrder();
    renderChats();
    renderTitle();
}

void CaseView::renderTitle()
{
    if (!m_case)
        return;
    const CasePanels::Title title = CasePanels::title(*m_case, m_moment, panelView());
    m_ui->caseTitle->setText(title.html);
    m_ui->releaseButton->setEnabled(title.anyOnHold);
}

void CaseView::renderOrder()
{
    if (!m_moment)
        return;
    const CasePanels::Order order = CasePanels::order(*m_moment, m_previousMoment, panelView());
    m_ui->orderBrowser->setHtml(order.html);
    if (!order.boxTitle.isEmpty())
        m_ui->orderBox->setTitle(order.boxTitle);
}

void CaseView::renderChats()
{
    if (!m_moment || !m_case)
        return;
    m_ui->chatBrowser->setHtml(CasePanels::chats(*m_case, *m_moment, m_previousMoment, panelView()));
}

CasePanels::View CaseView::panelView() const
{
    // The values revealed from the snapshot a moment rests on, but those an event since may have changed.
    const auto valuesAt = [this](const std::optional<CaseMoment> &moment) {
        QHash<QString, QJsonValue> values;
        if (moment)
            values = m_revealedValues.value(moment->orderSnapshot);
        for (const QString &name : moment ? moment->changedByEvents : QStringList())
            values.remove(name);
        return values;
    };
    return { Pii::masks(m_role), m_revealed, valuesAt(m_moment), valuesAt(m_previousMoment), m_zone, m_currency };
}

void CaseView::reveal(const QString &field)
{
    if (!m_store || !m_case || !m_moment || !Pii::masks(m_role))
        return;
    // Kept apart on the server (issue 26), a detail is revealed from the order snapshot the moment rests on, so each
    // moment shows its own; a local file's documents hold it already, so it is revealed once for the case.
    const bool apart = m_store->keepsPersonalApart();
    const QString snapshot = m_moment->orderSnapshot;
    if (apart ? m_revealedValues.value(snapshot).contains(field) : m_revealed.contains(field))
        return;
    if (apart && snapshot.isEmpty()) {
        fail(tr("The %1 stays withheld: the order's state at this moment comes from its events alone, and only a "
                "snapshot's details can be revealed.")
                 .arg(field));
        return;
    }
    if (apart && m_moment->changedByEvents.contains(field)) {
        fail(tr("The %1 stays withheld: an event after snapshot %2 may have changed it, and only a snapshot's details "
                "can be revealed.")
                 .arg(field, snapshot));
        return;
    }
    const QString tenant = m_tenant, orderId = m_case->orderId;
    m_actionJobs->start(
        m_store,
        [tenant, orderId, field, apart, snapshot](SnapshotStore &store) -> Result<std::optional<QJsonValue>> {
            if (!apart) {
                if (Status audited
                    = PersonalData::auditReveal(store, tenant, orderId, field, QStringLiteral("case view"));
                    !audited)
                    return audited.error();
                return std::optional<QJsonValue>();
            }
            // The server records the reveal in the same transaction.
            auto loaded = store.load(snapshot);
            if (!loaded)
                return loaded.error();
            for (const QString &pointer :
                Pii::personalPointers(CanonicalJson::read(loaded->payload), QStringLiteral("order"))) {
                if (pointer.section(u'/', -1) != field)
                    continue;
                auto value
                    = store.revealPersonal(snapshot, pointer, ActorIdentity::current(), QStringLiteral("case view"));
                if (!value)
                    return value.error();
                return std::optional<QJsonValue>(*value);
            }
            return Error { Error::Code::NotFound,
                QStringLiteral("order snapshot %1 holds no customer %2").arg(snapshot, field) };
        },
        [this, orderId, field, snapshot](const Result<std::optional<QJsonValue>> &revealed) {
            if (!revealed) {
                fail(tr("The %1 stays masked: revealing it could not be recorded in the audit log (%2).")
                         .arg(field, revealed.error().message));
                return;
            }
            if (!m_case || m_case->orderId != orderId)
                return;
            if (*revealed)
                m_revealedValues[snapshot].insert(field, **revealed);
            if (!m_revealed.contains(field))
                m_revealed.append(field);
            renderTitle();
            renderOrder();
            renderChats();
            Q_EMIT message(
                tr("The customer's %1 is shown for case %2 (recorded in the audit log).").arg(field, orderId));
        },
        JobTracker::Mode::Alongside);
}

void CaseView::compareSelected()
{
    QTableView *views[] = { m_ui->timelineView, m_ui->inventoryView, m_ui->financialView };
    for (QTableView *view : views) {
        if (!view->isVisible() || !view->selectionModel())
            continue;
        const QModelIndex current = view->selectionModel()->currentIndex();
        if (!current.isValid())
            continue;
        const QString id = current.data(CaseTimelineModel::SnapshotIdRole).toString();
        for (const CaseEntry &e : m_timeline->entries()) {
            if (e.header.id != id)
                continue;
            if (e.header.previousId.isEmpty()) {
                Q_EMIT message(tr("%1 v%2 is the first version: there is nothing before it to compare with.")
                                   .arg(e.header.entityId)
                                   .arg(e.header.version));
                return;
            }
            Q_EMIT compareRequested(e.header.previousId, e.header.id);
            return;
        }
    }
    Q_EMIT message(tr("Select a snapshot of the case first."));
}

void CaseView::setHold(bool hold)
{
    if (!m_store || !m_case)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, hold ? tr("Legal hold") : tr("Lift the legal hold"),
        hold ? tr("Why must the %n snapshot(s) of case %1 be kept? (recorded in the audit log)", nullptr,
            int(m_case->snapshotIds().size()))
                   .arg(m_case->orderId)
             : tr("Why may the snapshots of case %1 be cleaned up again? (recorded in the audit log)")
                   .arg(m_case->orderId),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::information(this, tr("Reason needed"), tr("A legal hold or its release needs a reason."));
        return;
    }
    const QStringList ids = m_case->snapshotIds();
    const QString orderId = m_case->orderId;
    m_actionJobs->start(
        m_store,
        [ids, hold, reason, orderId](
            SnapshotStore &store) { return store.setPinned(ids, hold, reason, ActorIdentity::current(), orderId); },
        [this, ids, hold, orderId](const Status &status) {
            if (!status) {
                QMessageBox::warning(this, tr("Legal hold not changed"), status.error().message);
                return;
            }
            if (m_case && m_case->orderId == orderId) {
                for (QList<SnapshotHeader> *list :
                    { &m_case->order, &m_case->chats, &m_case->inventory, &m_case->financial }) {
                    for (SnapshotHeader &h : *list)
                        h.pinned = hold;
                }
                renderTitle();
            }
            Q_EMIT holdChanged(ids, hold);
            Q_EMIT message(hold ? tr("Case %1: %n snapshot(s) on legal hold.", nullptr, int(ids.size())).arg(orderId)
                                : tr("Case %1: the legal hold is lifted.").arg(orderId));
        },
        JobTracker::Mode::Alongside); // every hold asked for is reported
}

void CaseView::exportPdf()
{
    if (!m_store || !m_case || m_task->isRunning())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the case as PDF"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            + QStringLiteral("/case-%1.pdf").arg(m_case->orderId),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    auto store = m_store;
    const DisputeCase c = *m_case;
    const Access::Role role = m_role;
    m_task->start(
        store, tr("Exporting case %1…").arg(c.orderId),
        [store, c, role, path](ProgressTask::Control &control) -> Result<int> {
            if (const Status audited = ExportAudit::record(*store, c.tenant, QStringLiteral("pdf"), c.orderId, path,
                    Pii::masks(role), QStringLiteral("case view"));
                !audited)
                return audited.error();
            auto evidence = gatherCaseEvidence(*store, c, ActorIdentity::current(), QSysInfo::machineHostName(),
                QDateTime::currentMSecsSinceEpoch(), role, [&control](qsizetype done, qsizetype total) {
                    control.report(done, total, QObject::tr("Verifying snapshot %1 of %2").arg(done).arg(total));
                    return !control.isCancelled();
                });
            if (!evidence)
                return evidence.error();
            const Status written = writeCasePdf(*evidence, path);
            if (!written)
                return written.error();
            return evidence->verifiedCount() - int(evidence->items.size()); // 0: all verified
        },
        [this, path](const Result<int> &done) {
            if (!done) {
                if (done.error().code != Error::Code::Cancelled)
                    QMessageBox::warning(this, tr("PDF not written"), done.error().message);
                return;
            }
            Q_EMIT message(*done == 0
                    ? tr("Wrote %1: every snapshot verified.").arg(path)
                    : tr("Wrote %1: %2 snapshot(s) FAILED verification (named in the report).").arg(path).arg(-*done));
        });
}

void CaseView::exportBundle()
{
    if (!m_store || !m_case || m_task->isRunning())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the case's evidence bundle"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            + QStringLiteral("/case-%1.ndjson.zst").arg(m_case->orderId),
        tr("Evidence bundles (*.ndjson.zst)"));
    if (path.isEmpty())
        return;
    auto store = m_store;
    const QStringList ids = m_case->snapshotIds();
    const EvidenceInfo info { m_case->orderId, ActorIdentity::current(), QSysInfo::machineHostName(),
        QDateTime::currentMSecsSinceEpoch() };
    m_task->start(
        store, tr("Exporting the bundle of case %1…").arg(info.caseId),
        [store, ids, info, path, tenant = m_case->tenant](ProgressTask::Control &) -> Result<int> {
            // A bundle carries every payload unmasked: it is evidence, checked byte for byte.
            if (const Status audited = ExportAudit::record(
                    *store, tenant, QStringLiteral("bundle"), info.caseId, path, false, QStringLiteral("case view"));
                !audited)
                return audited.error();
            return EvidenceBundle::write(*store, ids, info, path);
        },
        [this, path](const auto &written) {
            if (!written) {
                QMessageBox::warning(this, tr("Bundle not written"), written.error().message);
                return;
            }
            Q_EMIT message(
                tr("Wrote %n snapshot(s) to %1; snapscope-cli verify --bundle re-checks it.", nullptr, int(*written))
                    .arg(path));
        });
}

void CaseView::fail(const QString &text)
{
    m_ui->caseTitle->setText(QStringLiteral("<span style='color:#b3261e'>%1</span>").arg(text.toHtmlEscaped()));
    Q_EMIT message(text);
}

QString CaseView::orderText() const
{
    return m_ui->orderBrowser->toPlainText();
}

QString CaseView::chatText() const
{
    return m_ui->chatBrowser->toPlainText();
}

QString CaseView::titleText() const
{
    QTextDocument document;
    document.setHtml(m_ui->caseTitle->text());
    return document.toPlainText();
}
