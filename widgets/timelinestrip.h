#pragma once

#include <QList>
#include <QTimeZone>
#include <QWidget>

#include <memory>

#include "domain/snapshot.h"
#include "items/jobtracker.h"
#include "store/snapshotquery.h"

class SnapshotStore;

// One entity's versions along a time axis: a marker per snapshot, coloured by type, with the selected one
// highlighted. Hover shows the type, version and time; a click selects that snapshot.
class TimelineStrip : public QWidget
{
    Q_OBJECT
public:
    struct Marker
    {
        QString id;
        EpochMs takenAt = 0;
        QString type;
        int version = 0;
    };

    explicit TimelineStrip(QWidget *parent = nullptr);

    void setMarkers(QList<Marker> markers); // any order
    // The versions of one entity (query names tenant, kind and entity), read on the store's workers; a newer load
    // supersedes an older one.
    void load(const std::shared_ptr<SnapshotStore> &store, const SnapshotQuery &entity);
    const QList<Marker> &markers() const { return m_markers; }
    void setSelectedId(const QString &id);
    // The zone the axis and the tooltips show times in (the tenant's business zone), named on the axis.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    QString selectedId() const { return m_selected; }
    // Where a marker is drawn (widget coordinates), or a null point.
    QPoint markerCenter(const QString &id) const;
    QColor colorOf(const QString &type) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void markerClicked(const QString &id);
    void loadFailed(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect axisRect() const;
    int xOf(EpochMs at) const;
    int markerAt(const QPoint &pos) const;

    QList<Marker> m_markers; // oldest first
    QStringList m_types; // in order of first appearance, for colours and the legend
    QString m_selected;
    int m_hovered = -1;
    JobTracker *m_jobs = new JobTracker(this); // the entity's markers; another entity supersedes
    QTimeZone m_zone = QTimeZone::utc();
};
