#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include "ops/casetimeline.h"

// A dispute case's merged timeline with its time cursor: rows after the cursor have not happened yet (greyed), rows
// between the previous cursor position and this one are what changed (highlighted). The panels beside it filter it
// by source (SourceRole). StateRole says which; the view decides how it looks (this library has no QtGui).
class CaseTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Time, Kind, Entity, Type, TriggeredBy, Details, Count };
    enum Role { SnapshotIdRole = Qt::UserRole + 1, SourceRole, TakenAtRole, StateRole };
    enum class State { Past, Changed, Future }; // relative to the cursor

    explicit CaseTimelineModel(QObject *parent = nullptr);
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);

    void setEntries(QList<CaseEntry> entries);
    const QList<CaseEntry> &entries() const { return m_entries; }
    // Moves the cursor; rows in (previous, at] (or (at, previous] going back) become Changed.
    void setCursor(EpochMs at);
    EpochMs cursor() const { return m_cursor; }
    State stateOf(int row) const;
    int lastRowAtOrBefore(EpochMs at) const; // -1 when the cursor is before every row

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString sourceName(CaseEntry::Source source);

private:
    QList<CaseEntry> m_entries;
    EpochMs m_cursor = 0;
    EpochMs m_previous = 0;
    QTimeZone m_zone = QTimeZone::utc();
};
