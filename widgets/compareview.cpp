#include "compareview.h"
#include "ui_compareview.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QMessageBox>
#include <QPlainTextDocumentLayout>
#include <QSaveFile>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include "domain/kindregistry.h"
#include "items/changelistmodel.h"
#include "items/jobtracker.h"
#include "ops/exportaudit.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace {

constexpr int Context = 3; // unchanged lines kept around a change when unchanged stretches are hidden
constexpr qsizetype FoldAbove = 5000; // aligned lines above which unchanged stretches start folded

// What changed, in the console's language (the CLI's English line is SnapshotComparisons::summaryText).
QString summaryText(const JsonPatch::Summary &s)
{
    if (s.total() - s.tests == 0)
        return CompareView::tr("no changes");
    QString text = CompareView::tr("%1 changed, %2 added, %3 removed").arg(s.changed).arg(s.added).arg(s.removed);
    if (s.moved > 0)
        text += CompareView::tr(", %1 moved").arg(s.moved);
    return text;
}

QString describe(const SnapshotHeader &h, const QTimeZone &zone)
{
    return QStringLiteral("<b>%1</b> v%2 · %3 · %4")
        .arg(h.entityId.toHtmlEscaped())
        .arg(h.version)
        .arg(h.type.toHtmlEscaped(), IsoTime::toZoneText(h.takenAt, zone, true).toHtmlEscaped());
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CompareView>())
    , m_changes(new ChangeListModel(this))
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->leftText->setFont(fixed);
    m_ui->rightText->setFont(fixed);
    m_ui->changesTable->setModel(m_changes);
    m_ui->changesTable->verticalHeader()->hide();
    m_ui->changesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->changesTable->setColumnWidth(int(ChangeListModel::Column::Change), 80);
    m_ui->changesTable->setColumnWidth(int(ChangeListModel::Column::Path), 260);
    m_ui->changesTable->setColumnWidth(int(ChangeListModel::Column::Old), 220);
    m_ui->splitter->setSizes({ 180, 520 });

    auto *next = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), tr("Next change"), this);
    next->setShortcut(QKeySequence(Qt::Key_F7));
    auto *previous = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), tr("Previous change"), this);
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    for (QAction *a : { next, previous }) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_ui->nextButton->setDefaultAction(next);
    m_ui->previousButton->setDefaultAction(previous);
    connect(next, &QAction::triggered, this, [this] { nextChange(false); });
    connect(previous, &QAction::triggered, this, [this] { nextChange(true); });
    connect(m_ui->changesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                goToChange(current.row());
        });
    // The two sides scroll together.
    QScrollBar *left = m_ui->leftText->verticalScrollBar(), *right = m_ui->rightText->verticalScrollBar();
    connect(left, &QScrollBar::valueChanged, right, &QScrollBar::setValue);
    connect(right, &QScrollBar::valueChanged, left, &QScrollBar::setValue);
    QScrollBar *leftH = m_ui->leftText->horizontalScrollBar(), *rightH = m_ui->rightText->horizontalScrollBar();
    connect(leftH, &QScrollBar::valueChanged, rightH, &QScrollBar::setValue);
    connect(rightH, &QScrollBar::valueChanged, leftH, &QScrollBar::setValue);
    connect(m_ui->hideUnchangedCheck, &QCheckBox::toggled, this, &CompareView::relayOut);
    connect(m_ui->exportPatchButton, &QPushButton::clicked, this, [this] { exportFile(true); });
    connect(m_ui->exportReportButton, &QPushButton::clicked, this, [this] { exportFile(false); });
    for (QWidget *w : std::initializer_list<QWidget *> { m_ui->exportPatchButton, m_ui->exportReportButton,
             m_ui->hideUnchangedCheck, m_ui->nextButton, m_ui->previousButton })
        w->setEnabled(false);
}

CompareView::~CompareView() = default;

void CompareView::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    m_jobs->clear(); // what was on its way belongs to the other store (an export still finishes)
    m_busy = false;
    m_relayOutWanted = false;
    // Back to the start: a comparison that was loading must not stay on "Comparing…" with nothing running.
    m_comparison.reset();
    m_sides.reset();
    m_changes->setChanges({});
    showPlaceholder(QString());
    m_ui->titleLabel->clear();
    m_ui->summaryLabel->clear();
    m_ui->messageLabel->setText(
        tr("Select two snapshots in the timeline and choose Compare, or use Compare with previous (Ctrl+D)."));
    m_ui->pages->setCurrentWidget(m_ui->messageLabel);
    for (QWidget *w : std::initializer_list<QWidget *> { m_ui->exportPatchButton, m_ui->exportReportButton,
             m_ui->hideUnchangedCheck, m_ui->nextButton, m_ui->previousButton })
        w->setEnabled(false);
}

void CompareView::compare(const QString &leftId, const QString &rightId)
{
    if (!m_store)
        return;
    m_busy = true;
    m_relayOutWanted = false;
    const Access::Role role = m_role;
    m_ui->pages->setCurrentWidget(m_ui->messageLabel);
    m_ui->messageLabel->setText(tr("Comparing…"));
    m_ui->summaryLabel->clear();
    const bool hide = m_ui->hideUnchangedCheck->isChecked();
    const QFont font = m_ui->leftText->font();
    QThread *gui = thread();
    // First the comparison (load, verify, diff: tens of milliseconds), shown at once with its change list; then the
    // two sides, whose layout takes longer on megabyte payloads.
    m_jobs->start(
        m_store,
        [leftId, rightId, mask = Pii::masks(role)](
            SnapshotStore &store) { return SnapshotComparisons::compare(store, leftId, rightId, mask); },
        [this, hide, font, gui, role](const Result<SnapshotComparison> &result) {
            if (!result) {
                m_busy = false;
                m_ui->messageLabel->setText(
                    tr("<b>Cannot compare.</b> %1").arg(result.error().message.toHtmlEscaped()));
                Q_EMIT compared(false, result.error().message);
                return;
            }
            m_comparison = *result;
            m_comparedRole = role; // what its exports are masked by, whatever the role is by then
            m_sides.reset();
            const SnapshotComparison &c = *m_comparison;
            m_ui->titleLabel->setText(
                tr("%1 &nbsp;→&nbsp; %2 &nbsp;(%3)")
                    .arg(describe(c.older, m_zone), describe(c.newer, m_zone), QString::fromUtf8(m_zone.id())));
            m_ui->summaryLabel->setText(summaryText(c.summary));
            m_changes->setChanges(c.changes);
            showPlaceholder(tr("Laying out…"));
            for (QWidget *w : std::initializer_list<QWidget *> { m_ui->exportPatchButton, m_ui->exportReportButton,
                     m_ui->hideUnchangedCheck, m_ui->nextButton, m_ui->previousButton })
                w->setEnabled(true);
            m_ui->pages->setCurrentWidget(m_ui->splitter);
            if (m_changes->rowCount() > 0)
                m_ui->changesTable->selectRow(0);
            Q_EMIT compared(true, summaryText(c.summary));

            QStringList paths;
            for (const JsonChange &change : c.changes)
                paths << change.path;
            // Array elements pair as the diff paired them: by the kind's identity keys (stock by item_code, ...).
            QList<ArrayIdentity> identities;
            if (const KindDefinition *kind = KindRegistry::find(c.older.kind))
                identities = kind->identitiesFor(c.left.toObject());
            m_jobs->start(
                m_store,
                [left = c.left, right = c.right, paths, identities, hide, font, gui](SnapshotStore &) {
                    auto sides = std::make_shared<const SideBySide>(SideBySide::build(left, right, paths, identities));
                    // Long documents open with their unchanged stretches folded: the changes are what one came for,
                    // and laying out 100,000 unchanged lines would keep them waiting.
                    const bool fold = hide || sides->rows.size() > FoldAbove;
                    return std::tuple { sides, layOut(*sides, fold, font, gui), fold };
                },
                [this, hide](const std::tuple<std::shared_ptr<const SideBySide>, Documents, bool> &laid) {
                    m_busy = false;
                    m_sides = std::get<0>(laid);
                    // Ticked or unticked while the sides were laid out: laid out again as asked.
                    const bool toggled
                        = std::exchange(m_relayOutWanted, false) && m_ui->hideUnchangedCheck->isChecked() != hide;
                    if (!toggled) {
                        const QSignalBlocker quiet(m_ui->hideUnchangedCheck);
                        m_ui->hideUnchangedCheck->setChecked(std::get<2>(laid));
                    }
                    showDocuments(std::get<1>(laid));
                    goToChange(std::max(0, m_ui->changesTable->currentIndex().row()));
                    Q_EMIT sidesShown();
                    if (toggled)
                        relayOut();
                });
        });
}

CompareView::Documents CompareView::layOut(const SideBySide &sides, bool hideUnchanged, const QFont &font, QThread *gui)
{
    Documents d;
    d.displayRow.resize(size_t(sides.rows.size()));
    QStringList left, right;
    QList<SideBySide::Row> shown;
    const qsizetype n = sides.rows.size();
    for (qsizetype i = 0; i < n;) {
        if (hideUnchanged && sides.rows.at(i) == SideBySide::Row::Same) {
            qsizetype end = i;
            while (end < n && sides.rows.at(end) == SideBySide::Row::Same)
                ++end;
            const qsizetype head = i == 0 ? 0 : Context, tail = end == n ? 0 : Context;
            if (end - i > head + tail + 1) {
                for (qsizetype k = i; k < i + head; ++k) {
                    d.displayRow[size_t(k)] = int(left.size());
                    left << sides.left.at(k), right << sides.right.at(k), shown << SideBySide::Row::Same;
                }
                const int fold = int(left.size());
                const QString text = tr("⋯ %1 unchanged lines").arg(end - i - head - tail);
                left << text, right << text, shown << SideBySide::Row::Same;
                for (qsizetype k = i + head; k < end - tail; ++k)
                    d.displayRow[size_t(k)] = fold;
                for (qsizetype k = end - tail; k < end; ++k) {
                    d.displayRow[size_t(k)] = int(left.size());
                    left << sides.left.at(k), right << sides.right.at(k), shown << SideBySide::Row::Same;
                }
                i = end;
                continue;
            }
        }
        d.displayRow[size_t(i)] = int(left.size());
        left << sides.left.at(i), right << sides.right.at(i), shown << sides.rows.at(i);
        ++i;
    }
    const auto build = [&](const QStringList &lines, bool isLeft) {
        auto *document = new QTextDocument;
        document->setDocumentLayout(new QPlainTextDocumentLayout(document));
        document->setDefaultFont(font);
        document->setPlainText(lines.join(u'\n'));
        const QColor changed(0xff, 0xf0, 0xb3), removed(0xfd, 0xd8, 0xd6), added(0xd4, 0xf2, 0xd4),
            blank(0xee, 0xee, 0xee);
        QTextBlock block = document->firstBlock();
        for (qsizetype row = 0; row < shown.size() && block.isValid(); ++row, block = block.next()) {
            QColor color;
            switch (shown.at(row)) {
            case SideBySide::Row::Same:
                continue;
            case SideBySide::Row::Changed:
                color = changed;
                break;
            case SideBySide::Row::Removed:
                color = isLeft ? removed : blank;
                break;
            case SideBySide::Row::Added:
                color = isLeft ? blank : added;
                break;
            }
            QTextBlockFormat format;
            format.setBackground(color);
            QTextCursor(block).setBlockFormat(format);
        }
        document->moveToThread(gui);
        return std::shared_ptr<QTextDocument>(document, [](QTextDocument *doc) { doc->deleteLater(); });
    };
    // The two sides are independent: the right one is built on another thread meanwhile.
    QFuture<std::shared_ptr<QTextDocument>> rightSide = QtConcurrent::run([&] { return build(right, false); });
    d.left = build(left, true);
    d.right = rightSide.result();
    return d;
}

void CompareView::showPlaceholder(const QString &text)
{
    // A QPlainTextEdit keeps using the document it shows (layout, resize, paint) and is not told when it is deleted,
    // so the edits switch to their own documents before the laid-out ones are let go.
    for (QPlainTextEdit *side : { m_ui->leftText, m_ui->rightText }) {
        auto *own = side->findChild<QTextDocument *>(QStringLiteral("placeholder"), Qt::FindDirectChildrenOnly);
        if (!own) {
            own = new QTextDocument(side);
            own->setObjectName(QStringLiteral("placeholder"));
            own->setDocumentLayout(new QPlainTextDocumentLayout(own));
            own->setDefaultFont(side->font());
        }
        own->setPlainText(text);
        side->setDocument(own);
    }
    m_documents = Documents();
}

void CompareView::showDocuments(Documents documents)
{
    m_ui->leftText->setDocument(documents.left.get());
    m_ui->rightText->setDocument(documents.right.get());
    m_documents = std::move(documents); // the documents shown before go now that the views have let go of them
}

void CompareView::relayOut()
{
    if (m_busy) {
        // A comparison is on its way: it is laid out with the box as it is when its sides arrive (see compare()).
        m_relayOutWanted = true;
        return;
    }
    if (!m_sides || !m_store)
        return;
    const int current = m_ui->changesTable->currentIndex().row();
    m_jobs->start(
        m_store,
        [sides = m_sides, hide = m_ui->hideUnchangedCheck->isChecked(), font = m_ui->leftText->font(), gui = thread()](
            SnapshotStore &) { return layOut(*sides, hide, font, gui); },
        [this, current](const Documents &documents) {
            showDocuments(documents);
            if (current >= 0)
                goToChange(current);
        });
}

void CompareView::nextChange(bool backward)
{
    const int count = m_changes->rowCount();
    if (count == 0)
        return;
    const int current = m_ui->changesTable->currentIndex().row();
    const int next = current < 0 ? (backward ? count - 1 : 0) : (current + (backward ? count - 1 : 1)) % count;
    m_ui->changesTable->selectRow(next);
}

void CompareView::goToChange(int change)
{
    if (!m_sides || change < 0 || change >= m_changes->rowCount() || m_documents.displayRow.empty())
        return;
    const JsonChange &c = m_changes->changes().at(change);
    const int aligned = m_sides->rowFor(c.op, c.path);
    const int row = m_documents.displayRow[size_t(std::clamp(aligned, 0, int(m_documents.displayRow.size()) - 1))];
    for (QPlainTextEdit *side : { m_ui->leftText, m_ui->rightText }) {
        QTextCursor cursor(side->document()->findBlockByNumber(row));
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        side->setTextCursor(cursor);
        side->centerCursor();
    }
}

void CompareView::exportFile(bool patch)
{
    if (!m_comparison)
        return;
    const SnapshotComparison &c = *m_comparison;
    const QString suggested = QStringLiteral("%1-v%2-v%3.%4")
                                  .arg(QString(c.newer.entityId).replace(u':', u'_'))
                                  .arg(c.older.version)
                                  .arg(c.newer.version)
                                  .arg(patch ? QStringLiteral("patch.json") : QStringLiteral("txt"));
    const QString path = QFileDialog::getSaveFileName(this, patch ? tr("Export the patch") : tr("Export the report"),
        suggested, patch ? tr("JSON Patch (*.json)") : tr("Text (*.txt)"));
    if (path.isEmpty() || !m_store)
        return;
    const QByteArray bytes = patch ? CanonicalJson::indented(c.patch) : SnapshotComparisons::report(c).toUtf8();
    m_exportJobs->start(
        m_store,
        [tenant = c.newer.tenant, what = patch ? QStringLiteral("patch") : QStringLiteral("report"),
            target = QStringLiteral("%1 %2..%3").arg(c.newer.entityId, c.older.id, c.newer.id), path,
            role = m_comparedRole](SnapshotStore &store) {
            return ExportAudit::record(store, tenant, what, target, path, Pii::masks(role), QStringLiteral("compare view"));
        },
        [this, path, bytes](const Status &audited) {
            if (!audited) {
                QMessageBox::warning(this, tr("Export failed"),
                    tr("The export could not be recorded in the audit log, so nothing was written: %1")
                        .arg(audited.error().message));
                return;
            }
            QSaveFile file(path); // written whole or not at all
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                QMessageBox::warning(
                    this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        },
        JobTracker::Mode::Alongside); // every export that was audited is written
}
