#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include <memory>

#include "domain/snapshot.h"

class JobTracker;
class SnapshotStore;

// The entities of one kind whose id starts with a prefix, with their snapshot counts and last snapshot time, for
// the navigator's entity search. Read on the store's workers; a newer filter supersedes an older one. At most
// limit() entities are listed (isTruncated() says when there are more).
class EntityListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Entity, Snapshots, LastTaken, Count_ };
    enum Role { EntityIdRole = Qt::UserRole + 1 };

    explicit EntityListModel(QObject *parent = nullptr);
    ~EntityListModel() override;
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);

    void setStore(std::shared_ptr<SnapshotStore> store);
    void setFilter(const QString &tenant, const QString &kind, const QString &prefix);
    QString kind() const { return m_kind; }
    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit; }
    bool isTruncated() const { return m_truncated; }
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    void load();

    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant, m_kind, m_prefix;
    int m_limit = 500;
    QList<EntitySummary> m_rows;
    bool m_truncated = false;
    bool m_loading = false;
    JobTracker *m_jobs; // the newest filter's read
    QTimeZone m_zone = QTimeZone::utc();
};
