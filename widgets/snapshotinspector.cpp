#include "snapshotinspector.h"
#include "ui_snapshotinspector.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextDocumentLayout>
#include <QSettings>
#include <QShortcut>
#include <QStyle>
#include <QTextDocument>
#include <QTimeZone>
#include <QToolButton>

#include "accessgate.h"
#include "domain/kindregistry.h"
#include "items/jobtracker.h"
#include "items/jsontreemodel.h"
#include "ops/actoridentity.h"
#include "ops/personaldata.h"
#include "ops/snapshotinspection.h"
#include "ops/statereconstructor.h"
#include "pointintimepanel.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1); // KiB, MiB: as every other size in the console
}

QString settingsKey(const QString &kind)
{
    return QStringLiteral("inspector/expanded/%1").arg(kind);
}

} // namespace

SnapshotInspector::SnapshotInspector(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SnapshotInspector>())
    , m_model(new JsonTreeModel(this))
{
    m_ui->setupUi(this);
    connect(m_ui->modeTabs, &QTabWidget::currentChanged, this, &SnapshotInspector::followStateTab);
    QFont heading = m_ui->headingLabel->font();
    heading.setBold(true);
    m_ui->headingLabel->setFont(heading);
    m_ui->corruptLabel->setAutoFillBackground(true);
    QPalette warning = m_ui->corruptLabel->palette();
    warning.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    warning.setColor(QPalette::WindowText, QColor(0x8a, 0x1c, 0x12));
    m_ui->corruptLabel->setPalette(warning);
    m_ui->textView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->splitter->setSizes({ 260, 420 });

    QTreeView *tree = m_ui->treeView;
    tree->setModel(m_model);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(int(JsonTreeModel::Column::Key), QHeaderView::Interactive);
    tree->header()->setSectionResizeMode(int(JsonTreeModel::Column::Value), QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(int(JsonTreeModel::Column::Type), QHeaderView::ResizeToContents);
    tree->setColumnWidth(int(JsonTreeModel::Column::Key), 170);
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(tree, &QTreeView::expanded, this, [this](const QModelIndex &index) { rememberExpansion(index, true); });
    connect(tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) { rememberExpansion(index, false); });

    const auto action = [this](const QString &text, QStyle::StandardPixmap icon, const QKeySequence &key = {}) {
        auto *a = new QAction(style()->standardIcon(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    QAction *expandAll = action(tr("Expand all"), QStyle::SP_ArrowDown);
    QAction *collapseAll = action(tr("Collapse all"), QStyle::SP_ArrowUp);
    QAction *copyValue = action(tr("Copy value"), QStyle::SP_FileIcon, QKeySequence::Copy);
    QAction *copyPointer = action(tr("Copy JSON Pointer"), QStyle::SP_FileLinkIcon, QKeySequence(tr("Ctrl+Shift+C")));
    QAction *findNext = action(tr("Find next"), QStyle::SP_ArrowForward, QKeySequence::FindNext);
    QAction *findPrevious = action(tr("Find previous"), QStyle::SP_ArrowBack, QKeySequence::FindPrevious);
    QAction *textMode = action(tr("Text"), QStyle::SP_FileDialogDetailedView);
    textMode->setCheckable(true);
    textMode->setToolTip(tr("Show the payload as indented JSON text"));
    QAction *pin = action(tr("Pin…"), QStyle::SP_DialogApplyButton);
    m_ui->expandButton->setDefaultAction(expandAll);
    m_ui->collapseButton->setDefaultAction(collapseAll);
    // One "Copy" button with both copies in its menu (and Ctrl+C / Ctrl+Shift+C, and the tree's context menu): the
    // standard icons have no "copy", and the floppy disk it had said "save".
    for (QAction *copy : { copyValue, copyPointer })
        copy->setIcon(QIcon());
    auto *copyMenu = new QMenu(this);
    copyMenu->addActions({ copyValue, copyPointer });
    m_ui->copyValueButton->setText(tr("Copy"));
    m_ui->copyValueButton->setToolTip(tr("Copy the selected member's value or its JSON Pointer"));
    m_ui->copyValueButton->setMenu(copyMenu);
    m_ui->copyValueButton->setPopupMode(QToolButton::InstantPopup);
    m_ui->copyValueButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_ui->copyPointerButton->hide();
    m_ui->findNextButton->setDefaultAction(findNext);
    m_ui->findPreviousButton->setDefaultAction(findPrevious);
    m_ui->textToggleButton->setDefaultAction(textMode);
    m_ui->textToggleButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_ui->pinButton->setDefaultAction(pin);
    auto *compare
        = new QAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Compare with previous"), this);
    compare->setToolTip(tr("Compare this version with the one before it (Ctrl+D)"));
    m_ui->compareButton->setDefaultAction(compare);
    m_ui->compareButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(compare, &QAction::triggered, this, &SnapshotInspector::compareWithPreviousRequested);
    m_ui->pinButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tree->addActions({ copyValue, copyPointer, expandAll, collapseAll });

    connect(expandAll, &QAction::triggered, this, [this] { m_ui->treeView->expandAll(); });
    connect(collapseAll, &QAction::triggered, this, [this] {
        m_ui->treeView->collapseAll();
        m_ui->treeView->expand(m_model->index(0, 0));
    });
    connect(copyValue, &QAction::triggered, this, [this] { copy(JsonTreeModel::ValueTextRole); });
    connect(copyPointer, &QAction::triggered, this, [this] { copy(JsonTreeModel::PointerRole); });
    connect(findNext, &QAction::triggered, this, [this] { find(false); });
    connect(findPrevious, &QAction::triggered, this, [this] { find(true); });
    connect(m_ui->findEdit, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(m_ui->findEdit, &QLineEdit::textChanged, m_ui->findStatusLabel, &QLabel::clear);
    connect(textMode, &QAction::toggled, this, &SnapshotInspector::setTextMode);
    connect(pin, &QAction::triggered, this, &SnapshotInspector::togglePin);
    // Reveal ▸ phone / email / address: listed for the masked fields of the snapshot shown.
    m_revealMenu = new QMenu(this);
    m_revealButton = new QToolButton(this);
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_revealButton->setText(tr("Reveal"));
    m_revealButton->setToolTip(tr("Show a masked contact detail (recorded in the audit log)"));
    m_revealButton->setMenu(m_revealMenu);
    m_revealButton->setPopupMode(QToolButton::InstantPopup);
    m_revealButton->hide();
    m_ui->actionsLayout->insertWidget(2, m_revealButton);
    clear();
}

SnapshotInspector::~SnapshotInspector()
{
    QSettings settings;
    for (auto it = m_expanded.cbegin(); it != m_expanded.cend(); ++it) {
        QStringList pointers(it->cbegin(), it->cend());
        pointers.sort();
        settings.setValue(settingsKey(it.key()), pointers.mid(0, 200));
    }
}

void SnapshotInspector::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_ui->stateAtTab->setTimeZone(zone);
    if (m_header)
        showMetadata(*m_header);
}

void SnapshotInspector::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    m_ui->stateAtTab->setStore(m_store);
    m_pinJobs->clear();
    m_revealJobs->clear();
    clear();
}

void SnapshotInspector::showStateTab()
{
    m_wantStateTab = true;
    followStateTab();
}

PointInTimePanel *SnapshotInspector::stateAtPanel() const
{
    return m_ui->stateAtTab;
}

void SnapshotInspector::followStateTab()
{
    // Only while its tab is shown: reading an entity's events is work nobody asked for otherwise.
    const bool eventSourced = m_header && StateReconstructor::isEventSourced(m_header->kind);
    m_ui->modeTabs->setTabEnabled(m_ui->modeTabs->indexOf(m_ui->stateAtTab), eventSourced);
    if (!eventSourced) {
        m_ui->modeTabs->setCurrentWidget(m_ui->snapshotTab);
        return;
    }
    if (std::exchange(m_wantStateTab, false))
        m_ui->modeTabs->setCurrentWidget(m_ui->stateAtTab); // comes back here through currentChanged
    if (m_ui->modeTabs->currentWidget() == m_ui->stateAtTab)
        m_ui->stateAtTab->showEntity(m_header->tenant, m_header->kind, m_header->entityId, m_header->eventSeq);
}

void SnapshotInspector::clear()
{
    m_jobs->clear();
    m_loading = false;
    m_header.reset();
    m_requestedId.clear();
    m_model->clear();
    m_prettyText.clear();
    m_textShown = false;
    m_ui->headingLabel->setText(tr("No snapshot selected"));
    m_ui->pages->setCurrentWidget(m_ui->emptyPage);
    followStateTab();
    updatePinButton();
}

void SnapshotInspector::reload()
{
    const QString id = std::exchange(m_requestedId, QString());
    showSnapshot(id);
}

void SnapshotInspector::focusFind()
{
    m_ui->findEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->findEdit->selectAll();
}

void SnapshotInspector::showSnapshot(const QString &id)
{
    if (!m_store || id.isEmpty()) {
        clear();
        return;
    }
    if (id == m_requestedId)
        return;
    if (id != m_revealedFor) {
        m_revealed.clear(); // revealed for one snapshot only
        m_revealedValues.clear();
    }
    m_requestedId = id;
    m_loading = true;
    m_ui->pages->setCurrentWidget(m_ui->contentPage);
    m_ui->payloadPages->setCurrentWidget(m_ui->loadingLabel);
    m_ui->headingLabel->setText(tr("Loading %1…").arg(id));
    const bool mask = Pii::masks(m_role);
    const QStringList revealed = m_revealed;
    const QHash<QString, QJsonValue> values = m_revealedValues;
    // A new request: what was on its way for the snapshot shown before (its payload, its text) is dropped.
    m_jobs->start(
        m_store,
        [id, mask, revealed, values](
            SnapshotStore &store) { return SnapshotInspection::inspect(store, id, mask, revealed, values); },
        [this](const Result<InspectedSnapshot> &result) {
            m_loading = false;
            if (!result) {
                m_ui->headingLabel->setText(tr("Cannot show %1").arg(m_requestedId));
                m_ui->corruptLabel->setText(
                    tr("<b>The snapshot could not be read.</b><p>%1</p>").arg(result.error().message.toHtmlEscaped()));
                m_ui->payloadPages->setCurrentWidget(m_ui->corruptLabel);
                Q_EMIT failed(result.error().message);
                return;
            }
            apply(*result);
        });
}

void SnapshotInspector::apply(const InspectedSnapshot &inspected)
{
    const SnapshotHeader &h = inspected.header;
    m_header = h;
    m_withheld = inspected.withheld;
    m_personalPointers = inspected.personalPointers;
    followStateTab();
    const KindDefinition *kind = KindRegistry::find(h.kind);
    m_ui->headingLabel->setText(
        tr("%1 %2 · version %3").arg(kind ? kind->displayNameText() : h.kind, h.entityId).arg(h.version));
    m_prettyText = inspected.prettyText;
    m_textShown = false;
    if (inspected.integrityError) {
        const Error &e = *inspected.integrityError;
        m_verification = tr("<span style='color:#b3261e'><b>Corrupt</b></span> — %1").arg(e.message.toHtmlEscaped());
        showMetadata(h);
        m_model->clear();
        m_ui->corruptLabel->setText(
            tr("<h3>Integrity error</h3><p>The stored payload of this snapshot does not match its checksum, so it is "
               "not shown: what would appear here is not what was recorded.</p><p><b>%1</b></p>"
               "<p>Expected SHA-256 <tt>%2</tt>.</p><p>Older or newer versions of this entity may still be intact "
               "(Alt+Left / Alt+Right). <tt>snapscope-cli verify</tt> lists every damaged snapshot.</p>")
                .arg(e.message.toHtmlEscaped(), h.checksum));
        m_ui->payloadPages->setCurrentWidget(m_ui->corruptLabel);
    } else {
        m_verification = tr("<span style='color:#1e7b34'><b>Verified</b></span> — SHA-256 matches");
        showMetadata(h);
        m_model->setTree(inspected.tree);
        restoreExpansion();
        if (m_ui->textToggleButton->defaultAction()->isChecked())
            setTextMode(true);
        else
            m_ui->payloadPages->setCurrentWidget(m_ui->treeView);
        if (!m_ui->findEdit->text().isEmpty())
            m_ui->findStatusLabel->clear();
    }
    updatePinButton();
    m_revealMenu->clear();
    for (const QString &field : inspected.maskedFields)
        m_revealMenu->addAction(field, this, [this, field] { reveal(field); });
    m_revealButton->setVisible(
        !inspected.maskedFields.isEmpty() && Access::allows(m_role, Access::Action::RevealPersonal));
    Q_EMIT snapshotShown(h.id, !inspected.integrityError);
}

void SnapshotInspector::showMetadata(const SnapshotHeader &h)
{
    QFormLayout *form = m_ui->metadataLayout;
    while (form->rowCount() > 0)
        form->removeRow(0);
    const QLocale locale;
    // One line each, read-only and selectable, scrolling sideways when long: no field may ask for more width than the
    // dock has (a long id widened the window), and word-wrapped labels in the scrolled form overlapped when the dock
    // was short (a scroll area does not honour their height for width).
    const auto idRow = [&](const QString &label, const QString &value) {
        auto *field = new QLineEdit(value);
        field->setReadOnly(true);
        field->setFrame(false);
        field->setCursorPosition(0);
        field->setToolTip(value);
        field->setMinimumWidth(0);
        field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        field->setStyleSheet(QStringLiteral("QLineEdit { background: transparent; }"));
        form->addRow(label, field);
    };
    const auto row = [&](const QString &label, const QString &value, bool rich = false) {
        if (!rich) {
            idRow(label, value);
            return;
        }
        auto *field = new QLabel(value);
        field->setTextFormat(Qt::RichText);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        form->addRow(label, field);
    };
    const QDateTime taken = QDateTime::fromMSecsSinceEpoch(h.takenAt);
    const KindDefinition *kind = KindRegistry::find(h.kind);
    idRow(tr("ID"), h.id);
    row(tr("Kind"), kind ? kind->displayNameText() : h.kind);
    idRow(tr("Entity"), h.entityId);
    row(tr("Version"), locale.toString(h.version));
    row(tr("Type"), h.type);
    // In the tenant's business zone, named, like the timeline; the UTC instant beside it for the record.
    row(tr("Taken at"),
        tr("%1 (%2) · %3 UTC")
            .arg(IsoTime::toZoneText(h.takenAt, m_zone, true), QString::fromUtf8(m_zone.id()),
                taken.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
    row(tr("Created by"), h.createdBy);
    if (!h.trigger.isEmpty()) {
        QStringList parts;
        for (auto it = h.trigger.begin(); it != h.trigger.end(); ++it)
            parts << QStringLiteral("%1: %2").arg(it.key(), JsonNumber::scalarText(it.value()));
        row(tr("Trigger"), parts.join(QStringLiteral(", ")));
    }
    if (h.eventSeq)
        row(tr("Event sequence"), locale.toString(*h.eventSeq));
    row(tr("Codec"), h.codec);
    if (!h.baseId.isEmpty())
        row(tr("Stored as"), tr("a patch against %1 (materialized and verified on read)").arg(h.baseId));
    row(tr("Size"),
        (h.baseId.isEmpty() ? tr("%1 → %2 stored (%3%)") : tr("patch %1 → %2 stored (%3%)"))
            .arg(sizeText(h.rawSize), sizeText(h.storedSize))
            .arg(h.rawSize > 0 ? locale.toString(100.0 * double(h.storedSize) / double(h.rawSize), 'f', 1)
                               : QStringLiteral("–")));
    idRow(tr("Checksum"), h.checksum);
    row(tr("Integrity"), m_verification, true);
    row(tr("Pinned"), h.pinned ? tr("yes") : tr("no"));
    if (!h.previousId.isEmpty())
        idRow(tr("Previous"), h.previousId);
}

void SnapshotInspector::restoreExpansion()
{
    const QString kind = m_header ? m_header->kind : QString();
    if (!m_expanded.contains(kind))
        m_expanded.insert(kind, [&] {
            const QStringList saved = QSettings().value(settingsKey(kind)).toStringList();
            return QSet<QString>(saved.cbegin(), saved.cend());
        }());
    m_restoring = true;
    QTreeView *tree = m_ui->treeView;
    const QModelIndex root = m_model->index(0, 0);
    tree->expand(root);
    const QSet<QString> &pointers = m_expanded[kind];
    if (pointers.isEmpty()) {
        // Nothing remembered for this kind yet: show the top level's members opened one step.
        for (int r = 0; r < m_model->rowCount(root); ++r)
            tree->expand(m_model->index(r, 0, root));
    } else {
        for (const QString &pointer : pointers) {
            const QModelIndex index = m_model->indexOfPointer(pointer);
            if (index.isValid())
                tree->expand(index);
        }
    }
    m_restoring = false;
}

void SnapshotInspector::rememberExpansion(const QModelIndex &index, bool expanded)
{
    if (m_restoring || !m_header || !index.isValid() || !index.parent().isValid())
        return;
    const QString pointer = index.data(JsonTreeModel::PointerRole).toString();
    QSet<QString> &pointers = m_expanded[m_header->kind];
    if (expanded)
        pointers.insert(pointer);
    else
        pointers.remove(pointer);
}

void SnapshotInspector::setTextMode(bool text)
{
    // While a snapshot loads, apply() picks the mode up when it arrives; a corrupt payload has no text to show.
    if (!m_header || m_loading || m_ui->payloadPages->currentWidget() == m_ui->corruptLabel)
        return;
    if (!text) {
        m_ui->payloadPages->setCurrentWidget(m_ui->treeView);
        return;
    }
    if (m_textShown) {
        m_ui->payloadPages->setCurrentWidget(m_ui->textView);
        return;
    }
    // Filling a text document with megabytes of JSON takes seconds: it is built on a worker and handed over whole.
    m_ui->payloadPages->setCurrentWidget(m_ui->loadingLabel);
    const QFont font = m_ui->textView->font();
    m_jobs->start(
        m_store,
        [text = m_prettyText, font, gui = thread()](SnapshotStore &) {
            auto *document = new QTextDocument;
            document->setDocumentLayout(new QPlainTextDocumentLayout(document));
            document->setDefaultFont(font);
            document->setPlainText(text);
            document->moveToThread(gui);
            return std::shared_ptr<QTextDocument>(document, [](QTextDocument *d) { d->deleteLater(); });
        },
        [this](const std::shared_ptr<QTextDocument> &document) {
            m_ui->textView->setDocument(document.get());
            m_textDocument = document; // the one shown before goes (deleteLater) now that the view has let go of it
            m_textShown = true;
            if (m_ui->textToggleButton->defaultAction()->isChecked())
                m_ui->payloadPages->setCurrentWidget(m_ui->textView);
        },
        JobTracker::Mode::Alongside); // part of showing this snapshot: another one drops it
}

void SnapshotInspector::find(bool backward)
{
    const QString text = m_ui->findEdit->text();
    if (text.isEmpty()) {
        focusFind();
        return;
    }
    bool found = false;
    if (m_ui->payloadPages->currentWidget() == m_ui->textView) {
        QPlainTextEdit *view = m_ui->textView;
        const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
        found = view->find(text, flags);
        if (!found) { // wrap around
            QTextCursor cursor = view->textCursor();
            cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
            view->setTextCursor(cursor);
            found = view->find(text, flags);
        }
    } else if (m_ui->payloadPages->currentWidget() == m_ui->treeView) {
        const QModelIndex hit = m_model->find(text, m_ui->treeView->currentIndex(), backward);
        if (hit.isValid()) {
            m_ui->treeView->setCurrentIndex(hit);
            m_ui->treeView->scrollTo(hit);
            found = true;
        }
    }
    m_ui->findStatusLabel->setText(found ? QString() : tr("No match"));
}

void SnapshotInspector::copy(int role)
{
    if (m_ui->payloadPages->currentWidget() == m_ui->textView) {
        m_ui->textView->copy();
        return;
    }
    const QModelIndex current = m_ui->treeView->currentIndex();
    if (!current.isValid())
        return;
    QGuiApplication::clipboard()->setText(current.data(role).toString());
}

void SnapshotInspector::updatePinButton()
{
    QAction *pin = m_ui->pinButton->defaultAction();
    const bool pinned = m_header && m_header->pinned;
    pin->setText(pinned ? tr("Unpin…") : tr("Pin…"));
    pin->setToolTip(pinned ? tr("Unpin this snapshot: cleanup may remove it again (recorded in the audit log)")
                           : tr("Pin this snapshot: cleanup never removes it (recorded in the audit log)"));
    pin->setEnabled(m_header.has_value() && m_store != nullptr && Access::allows(m_role, Access::Action::LegalHold));
    if (const QString why = AccessGate::refusal(m_role, Access::Action::LegalHold); !why.isEmpty())
        pin->setToolTip(why);
    m_ui->compareButton->defaultAction()->setEnabled(m_header && !m_header->previousId.isEmpty());
}

void SnapshotInspector::togglePin()
{
    if (!m_header || !m_store)
        return;
    const bool pin = !m_header->pinned;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, pin ? tr("Pin snapshot") : tr("Unpin snapshot"),
        pin ? tr("Why must %1 v%2 be kept? (recorded in the audit log)").arg(m_header->entityId).arg(m_header->version)
            : tr("Why may %1 v%2 be cleaned up again? (recorded in the audit log)")
                  .arg(m_header->entityId)
                  .arg(m_header->version),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::information(this, tr("Reason needed"), tr("A pin or unpin needs a reason for the audit log."));
        return;
    }
    const QString id = m_header->id;
    const QString actor = ActorIdentity::current();
    m_pinJobs->start(
        m_store, [id, pin, reason, actor](SnapshotStore &store) { return store.setPinned(id, pin, reason, actor); },
        [this, id, pin](const Status &status) {
            if (!status) {
                QMessageBox::warning(this, tr("Pin not changed"), status.error().message);
                return;
            }
            if (m_header && m_header->id == id) {
                m_header->pinned = pin;
                updatePinButton();
                showMetadata(*m_header);
            }
            Q_EMIT pinnedChanged(id, pin);
        },
        JobTracker::Mode::Alongside); // every pin made is reported
}

void SnapshotInspector::setRole(Access::Role role)
{
    if (role == m_role)
        return;
    m_role = role;
    stateAtPanel()->setRole(role);
    m_revealed.clear();
    m_revealedValues.clear();
    reload(); // again, masked or not
}

void SnapshotInspector::reveal(const QString &field)
{
    if (!m_header || !m_store || m_revealed.contains(field))
        return;
    const SnapshotHeader h = *m_header;
    if (m_withheld) {
        // Kept apart on the server (issue 26): asked for one pointer at a time, each recorded in the audit log by the
        // server in the same transaction as it is given.
        QStringList pointers;
        for (const QString &pointer : std::as_const(m_personalPointers)) {
            if (pointer.section(u'/', -1) == field)
                pointers.append(pointer);
        }
        m_revealJobs->start(
            m_store,
            [h, pointers](SnapshotStore &store) -> Result<QHash<QString, QJsonValue>> {
                QHash<QString, QJsonValue> values;
                for (const QString &pointer : pointers) {
                    auto value
                        = store.revealPersonal(h.id, pointer, ActorIdentity::current(), QStringLiteral("inspector"));
                    if (!value)
                        return value.error();
                    values.insert(pointer, *value);
                }
                return values;
            },
            [this, id = h.id, field](const Result<QHash<QString, QJsonValue>> &values) {
                if (!values) {
                    QMessageBox::warning(
                        this, tr("Not revealed"), tr("The %1 stays masked: %2").arg(field, values.error().message));
                    return;
                }
                if (m_requestedId != id)
                    return;
                m_revealed.append(field);
                m_revealedValues.insert(*values);
                m_revealedFor = id;
                reload();
            },
            JobTracker::Mode::Alongside);
        return;
    }
    // Recorded in the audit log on the worker; shown only while this snapshot is still the one asked for, but a
    // failure to record is always said.
    m_revealJobs->start(
        m_store,
        [h, field](SnapshotStore &store) {
            return PersonalData::auditReveal(store, h.tenant, h.id, field, QStringLiteral("inspector"));
        },
        [this, id = h.id, field](const Status &audited) {
            if (!audited) {
                // Not recorded, not shown.
                QMessageBox::warning(this, tr("Not revealed"),
                    tr("The %1 could not be recorded in the audit log, so it stays masked: %2")
                        .arg(field, audited.error().message));
                return;
            }
            if (m_requestedId != id)
                return;
            m_revealed.append(field);
            m_revealedFor = id;
            reload();
        },
        JobTracker::Mode::Alongside);
}

void SnapshotInspector::stepVersion(bool older)
{
    if (!m_store || !m_header || m_loading)
        return;
    m_jobs->start(
        m_store,
        [of = *m_header, older](SnapshotStore &store) { return SnapshotInspection::neighbour(store, of, older); },
        [this, older](const Result<std::optional<SnapshotHeader>> &found) {
            if (!found)
                Q_EMIT message(found.error().message);
            else if (!*found)
                Q_EMIT message(older ? tr("This is the oldest version of the entity.")
                                     : tr("This is the newest version of the entity."));
            else
                Q_EMIT versionFound((*found)->id);
        },
        JobTracker::Mode::Alongside);
}
