#pragma once

#include <QAbstractTableModel>
#include <QTimeZone>

#include "domain/livesource.h"

// The live sources of the store, one row per table (the Sources page): what each has synced, when, how it went, its
// lag and the rows its source no longer has. Times in the tenant's business zone, named in the column's header.
class LiveSourceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Source, Table, Kind, RowsSynced, LastSync, Outcome, Lag, Gone, Error, Count_ };

    explicit LiveSourceModel(QObject *parent = nullptr);
    void setSources(const QList<LiveSource> &sources);
    void setTimeZone(const QTimeZone &zone);
    const QList<LiveSource> &sources() const { return m_sources; }
    // The source a row belongs to (nullptr for a row that is not there).
    const LiveSource *sourceAt(int row) const;
    const LiveSourceTable *tableAt(int row) const;
    int firstRowOf(const QString &source) const; // -1: none

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "3 min", "2 h", "4 d": a lag as a person reads it.
    static QString lagText(EpochMs lag);

private:
    QList<LiveSource> m_sources;
    QList<std::pair<int, int>> m_rows; // (source, table) per row
    QTimeZone m_zone = QTimeZone::utc();
};
