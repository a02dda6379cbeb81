#pragma once

#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QWidget>

#include "domain/pii.h"

#include <memory>
#include <optional>

#include "domain/snapshot.h"
#include "items/jobtracker.h"

namespace Ui {
class SnapshotInspector;
}
class JsonTreeModel;
class QMenu;
class QToolButton;
class PointInTimePanel;
class QLabel;
class QTextDocument;
class SnapshotStore;
struct InspectedSnapshot;

// The inspector dock: one snapshot's metadata and verification result, its payload as a JSON tree or as indented
// text, find, copy, and pin/unpin with a reason. Loading, verifying and parsing run on the store's workers; the
// newest request wins and older results are dropped.
class SnapshotInspector : public QWidget
{
    Q_OBJECT
public:
    explicit SnapshotInspector(QWidget *parent = nullptr);
    ~SnapshotInspector() override;

    void setStore(std::shared_ptr<SnapshotStore> store);
    // The tenant's business zone: times are shown in it, named (UTC until set).
    void setTimeZone(const QTimeZone &zone);
    void showSnapshot(const QString &id);
    // Reads the snapshot shown again (it may have gone to the trash or been purged meanwhile).
    void reload();
    void clear();

    // The snapshot shown (or being loaded); nullopt when none.
    const std::optional<SnapshotHeader> &header() const { return m_header; }
    QString requestedId() const { return m_requestedId; }
    bool isLoading() const { return m_loading; }
    JsonTreeModel *treeModel() const { return m_model; }
    void focusFind();
    // The "State at" tab, when the inspected snapshot is of an event-sourced kind (or becomes one).
    void showStateTab();
    PointInTimePanel *stateAtPanel() const;
    // The support role sees customers' phone, email and address masked; Reveal shows one field (audited).
    void setRole(Access::Role role);
    void reveal(const QString &field);
    // Finds the inspected entity's older or newer version (versionFound), or says there is none (message).
    void stepVersion(bool older);

Q_SIGNALS:
    // The snapshot is on screen; verified is false when its payload failed verification.
    void snapshotShown(const QString &id, bool verified);
    void pinnedChanged(const QString &id, bool pinned);
    void compareWithPreviousRequested();
    void failed(const QString &message);
    void versionFound(const QString &id);
    void message(const QString &text);

private:
    void apply(const InspectedSnapshot &inspected);
    void showMetadata(const SnapshotHeader &h);
    void restoreExpansion();
    void rememberExpansion(const QModelIndex &index, bool expanded);
    void setTextMode(bool text);
    void find(bool backward);
    void copy(int role);
    void togglePin();
    void updatePinButton();
    // The "State at" tab: enabled for event-sourced kinds, following the inspected snapshot while it is shown.
    void followStateTab();

    std::unique_ptr<Ui::SnapshotInspector> m_ui;
    JsonTreeModel *m_model;
    std::shared_ptr<SnapshotStore> m_store;
    std::optional<SnapshotHeader> m_header;
    QString m_requestedId;
    QString m_prettyText;
    QString m_verification; // rich text for the metadata's integrity line
    bool m_textShown = false; // the text view holds this snapshot's text
    std::shared_ptr<QTextDocument> m_textDocument; // built on a worker; shown by the text view
    bool m_loading = false;
    bool m_wantStateTab = false; // showStateTab() before an event-sourced snapshot was shown
    JobTracker *m_jobs
        = new JobTracker(this); // showing one snapshot (load, text, reveal, stepping); the next supersedes
    JobTracker *m_pinJobs = new JobTracker(this);
    JobTracker *m_revealJobs = new JobTracker(this);
    QHash<QString, QSet<QString>> m_expanded; // per kind: JSON Pointers of expanded nodes
    bool m_restoring = false;
    Access::Role m_role = Access::DefaultRole;
    QTimeZone m_zone = QTimeZone::utc();
    QStringList m_revealed; // fields revealed for the snapshot m_revealedFor
    QHash<QString, QJsonValue> m_revealedValues; // of a withheld payload, by pointer (the server gave them)
    QString m_revealedFor;
    bool m_withheld = false; // the snapshot shown was read with its personal fields withheld
    QStringList m_personalPointers; // the personal fields of the snapshot shown
    QMenu *m_revealMenu;
    QToolButton *m_revealButton; // shown when the snapshot has masked fields
};
