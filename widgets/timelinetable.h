#pragma once

#include <QTableView>

#include "domain/snapshot.h"

class TimelineModel;

// The timeline's table: ordered by time only (what the model's keyset and indexes follow), column layout remembered,
// a context menu that snapshots the selected entity now or plans a cleanup of its kind, and the reason in place of
// rows when nothing matches. Other actions (compare) are added by the window that owns them.
class TimelineTable : public QTableView
{
    Q_OBJECT
public:
    explicit TimelineTable(QWidget *parent = nullptr);

    void setTimelineModel(TimelineModel *model);
    // The header of the current row, when its page is loaded.
    const SnapshotHeader *currentHeader() const;
    // Column widths and order, as the user left them.
    void restoreLayout();
    void saveLayout() const;
    // What the table says in place of rows when the timeline is empty (the model's reason), or nothing.
    QString placeholderText() const;

Q_SIGNALS:
    void takeSnapshotRequested(const SnapshotHeader &header);
    void planCleanupRequested(const QString &kind);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TimelineModel *m_timeline = nullptr;
};
