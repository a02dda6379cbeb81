#pragma once

#include <QAbstractTableModel>
#include <QTimeZone>

#include <memory>

#include "domain/error.h"
#include "domain/maintenance.h"

class JobTracker;
class SnapshotStore;

// The audit log, newest first, loaded a page at a time on the store's workers (keyset on the row id).
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { At, Actor, Host, Action, Target, Outcome, Details, Count_ };

    explicit AuditLogModel(QObject *parent = nullptr);
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);
    void setStore(std::shared_ptr<SnapshotStore> store);
    void setQuery(const AuditQuery &query); // reloads
    void refresh();
    const AuditEntry &entry(int row) const { return m_rows.at(row); }
    bool isComplete() const { return m_complete; }
    // All rows of the query as CSV (RFC 4180), read on the calling thread: for the export, off the GUI thread.
    static Result<QByteArray> csv(SnapshotStore &store, AuditQuery query);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    void load();

    std::shared_ptr<SnapshotStore> m_store;
    AuditQuery m_query;
    QList<AuditEntry> m_rows;
    bool m_complete = true;
    bool m_loading = false;
    JobTracker *m_jobs; // the page being read; a refresh drops it
    QTimeZone m_zone = QTimeZone::utc();
};
