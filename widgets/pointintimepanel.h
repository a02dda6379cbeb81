#pragma once

#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

#include "domain/history.h"
#include "domain/pii.h"
#include "items/jobtracker.h"
#include "ops/statereconstructor.h"

namespace Ui {
class PointInTimePanel;
}
class EventListModel;
class JsonTreeModel;
class SnapshotStore;

// "State at": an event-sourced entity's state at any moment (date-time picker) or version (slider over its events),
// rebuilt on the store's workers from the newest snapshot before it plus the events after; shows where it started
// and lists the entity's events with the replayed ones in bold. A newer request supersedes one still running.
class PointInTimePanel : public QWidget
{
    Q_OBJECT
public:
    explicit PointInTimePanel(QWidget *parent = nullptr);
    ~PointInTimePanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store);
    // Opens an entity at a version (the inspected snapshot's event_seq), or at its last event.
    void showEntity(const QString &tenant, const QString &kind, const QString &entityId, std::optional<qint64> seq);
    void showVersion(qint64 seq);
    void showMoment(EpochMs at);
    void clear();
    void setRole(Access::Role role) { m_role = role; }
    // The zone the moment is picked and the events' times are shown in (the tenant's business zone), named.
    void setTimeZone(const QTimeZone &zone);

    const std::optional<StateReconstruction> &current() const { return m_current; }
    EventListModel *eventModel() const { return m_events; }
    QString entityId() const { return m_entityId; }

Q_SIGNALS:
    // A reconstruction (or the reason it failed) is on screen.
    void shown(bool ok);

private:
    void request(const StateReconstructor::Target &target);
    void apply(const Result<StateReconstruction> &result);

    std::unique_ptr<Ui::PointInTimePanel> m_ui;
    EventListModel *m_events;
    JsonTreeModel *m_state;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant, m_kind, m_entityId;
    std::optional<StateReconstruction> m_current;
    JobTracker *m_eventJobs = new JobTracker(this); // the entity's events
    JobTracker *m_stateJobs = new JobTracker(this); // reconstructions, one at a time
    bool m_fromMoment = false; // the picker asked: it keeps the moment the user typed
    bool m_applying = false;
    Access::Role m_role = Access::DefaultRole;
    QTimeZone m_zone = QTimeZone::utc();
};
