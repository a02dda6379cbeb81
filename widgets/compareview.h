#pragma once

#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <vector>

#include "domain/pii.h"
#include "items/jobtracker.h"
#include "ops/sidebyside.h"
#include "ops/snapshotcomparison.h"

namespace Ui {
class CompareView;
}
class ChangeListModel;
class QTextDocument;
class SnapshotStore;

// Two snapshots side by side: indented JSON aligned line by line with changed, removed and added lines
// highlighted, the list of changes (F7 / Shift+F7 walk it and scroll both sides), the summary, folding of unchanged
// stretches, and export of the patch and a text report. Loading, diffing and laying out the text run on a worker.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    void setStore(std::shared_ptr<SnapshotStore> store);
    // Compares two snapshots; left is the one the changes start from.
    void compare(const QString &leftId, const QString &rightId);
    // The support role compares with customers' contact details masked (from the next comparison on).
    void setRole(Access::Role role) { m_role = role; }
    // The tenant's business zone, in which the two snapshots' times are shown (from the next comparison on).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    bool isComparing() const { return m_busy; }
    ChangeListModel *changes() const { return m_changes; }
    const SnapshotComparison *comparison() const { return m_comparison ? &*m_comparison : nullptr; }
    void nextChange(bool backward);

Q_SIGNALS:
    // The comparison is on screen (ok) or failed with a message.
    void compared(bool ok, const QString &message);
    // The two sides are laid out and shown (after compared()).
    void sidesShown();

private:
    struct Documents
    {
        std::shared_ptr<QTextDocument> left, right;
        std::vector<int> displayRow; // aligned row -> row shown (folded stretches share one)
    };
    static Documents layOut(const SideBySide &sides, bool hideUnchanged, const QFont &font, QThread *gui);
    void showDocuments(Documents documents);
    // Text shown on both sides while nothing is laid out; releases the documents shown before.
    void showPlaceholder(const QString &text);
    void relayOut();
    void goToChange(int change);
    void exportFile(bool patch);

    std::unique_ptr<Ui::CompareView> m_ui;
    ChangeListModel *m_changes;
    std::shared_ptr<SnapshotStore> m_store;
    std::optional<SnapshotComparison> m_comparison;
    std::shared_ptr<const SideBySide> m_sides;
    Documents m_documents;
    JobTracker *m_jobs = new JobTracker(this); // the comparison and its layout; a newer one supersedes
    JobTracker *m_exportJobs = new JobTracker(this);
    bool m_busy = false;
    bool m_relayOutWanted = false; // "Hide unchanged lines" changed while a comparison was on its way
    Access::Role m_role = Access::DefaultRole;
    QTimeZone m_zone = QTimeZone::utc();
    Access::Role m_comparedRole = Access::DefaultRole; // the role m_comparison was masked for
};
