#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

#include "casepanels.h"
#include "domain/pii.h"
#include "items/jobtracker.h"
#include "ops/caseassembler.h"
#include "ops/casetimeline.h"

namespace Ui {
class CaseView;
}
class CaseHitModel;
class CaseTimelineModel;
class ProgressTask;
class QMenu;
class SnapshotStore;
class TaskProgress;

// Support's dispute case: find an order (id, customer, chat session, phone), then everything about it in one place
// — the order's snapshots, its chat sessions, the stock movements and financial records that name it — on one
// merged timeline with a time cursor. Moving the cursor shows every panel as of that moment (the order rebuilt from
// its events) and highlights what changed since the previous position. Legal hold, PDF and bundle export, Compare.
class CaseView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseView(QWidget *parent = nullptr);
    ~CaseView() override;

    // The tenant's currency writes the totals.
    void setStore(std::shared_ptr<SnapshotStore> store, const Tenant &tenant);
    void setRole(Access::Role role);
    void search(const QString &text);
    void openCase(const QString &orderId);
    // Moves the time cursor to a moment (the newest request wins while one is computed).
    void setCursor(EpochMs at);

    CaseHitModel *hitModel() const { return m_hits; }
    CaseTimelineModel *timelineModel() const { return m_timeline; }
    const std::optional<DisputeCase> &currentCase() const { return m_case; }
    const std::optional<CaseMoment> &moment() const { return m_moment; }
    QString orderText() const; // the order panel's text, as shown (tests)
    QString chatText() const;
    QString titleText() const;
    void reveal(const QString &field);

Q_SIGNALS:
    void searched(int hits);
    void caseOpened(bool ok);
    void momentShown(bool ok);
    void compareRequested(const QString &leftId, const QString &rightId);
    void snapshotSelected(const QString &id); // for the inspector
    void holdChanged(const QStringList &ids, bool pinned);
    void message(const QString &text);

private:
    void showMoment(const CaseMoment &m);
    void renderOrder();
    void renderChats();
    void renderTitle();
    CasePanels::View panelView() const;
    void compareSelected();
    void setHold(bool hold);
    void exportPdf();
    void exportBundle();
    void fail(const QString &text);

    std::unique_ptr<Ui::CaseView> m_ui;
    CaseHitModel *m_hits;
    CaseTimelineModel *m_timeline;
    ProgressTask *m_task;
    TaskProgress *m_progress;
    QMenu *m_revealMenu;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QTimeZone m_zone = QTimeZone::utc(); // the tenant's business zone: every time in the case
    QString m_currency;
    Access::Role m_role = Access::DefaultRole;
    QStringList m_revealed; // contact details revealed in this case
    // On a shared store: the values the server gave, by order snapshot and then by detail. A moment shows those of the
    // snapshot it rests on; at a moment resting on another snapshot the detail is withheld until revealed there.
    QHash<QString, QHash<QString, QJsonValue>> m_revealedValues;
    std::optional<DisputeCase> m_case;
    std::shared_ptr<CaseCursor> m_cursor;
    std::optional<CaseMoment> m_moment, m_previousMoment;
    JobTracker *m_searchJobs = new JobTracker(this);
    JobTracker *m_caseJobs = new JobTracker(this); // opening a case; a newer one supersedes
    JobTracker *m_momentJobs = new JobTracker(this); // the case at the cursor, one moment at a time
    JobTracker *m_actionJobs = new JobTracker(this); // reveal, legal hold: each is reported
    bool m_syncing = false; // the slider and the date edit follow the cursor without asking again
};
