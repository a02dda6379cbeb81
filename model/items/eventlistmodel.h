#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include "domain/sourcerecords.h"

// The events of one aggregate, oldest first: sequence, type, time and patch. The events a reconstruction applied
// after its snapshot are marked (AppliedRole; the view shows them bold). Loaded whole: an aggregate has thousands of
// events at most.
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Seq, Type, OccurredAt, Patch, Count };
    enum Role { SeqRole = Qt::UserRole + 1, AppliedRole };

    explicit EventListModel(QObject *parent = nullptr);
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);

    void setEvents(QList<EventRecord> events);
    void clear();
    // Events in (fromSeq, toSeq] were replayed onto a snapshot taken at fromSeq.
    void setApplied(qint64 fromSeq, qint64 toSeq);
    int rowOfSeq(qint64 seq) const; // -1 when absent
    const QList<EventRecord> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EventRecord> m_events;
    qint64 m_appliedFrom = 0;
    qint64 m_appliedTo = 0;
    QTimeZone m_zone = QTimeZone::utc();
};
