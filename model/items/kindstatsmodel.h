#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "domain/snapshot.h"

// Per-kind snapshot counts and storage, for the navigator and the storage overview.
class KindStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Kind, Count, RawBytes, StoredBytes, Ratio, Count_ };
    enum Role { KindIdRole = Qt::UserRole + 1, SortRole };

    explicit KindStatsModel(QObject *parent = nullptr);

    void setStats(const QList<KindStats> &stats);
    const QList<KindStats> &stats() const { return m_stats; }
    qint64 totalSnapshots() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<KindStats> m_stats;
};
