#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

#include "domain/analytics.h"

namespace Ui {
class InventoryChartView;
}
class QChart;
class SeriesTableModel;
class SnapshotStore;

// Daily inventory trends: opening and closing stock as lines, inbound and outbound as bars, total stock value on a
// second axis, optionally the previous period of equal length; by day, week or month for all products, a store, a
// product or the top N by value. The series come from AnalyticsSeries on a worker; the table shows the very numbers
// plotted; PNG and CSV export. Clicking a point asks for the timeline of that period (drill-down).
class InventoryChartView : public QWidget
{
    Q_OBJECT
public:
    explicit InventoryChartView(QWidget *parent = nullptr);
    ~InventoryChartView() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setRange(const QDate &from, const QDate &to);
    void reload();
    int pointCount() const { return m_points; }
    SeriesTableModel *table() const { return m_table; }
    QChart *chart() const;

Q_SIGNALS:
    void loaded(int points);
    void failed(const QString &message);
    // Drill-down: the timeline of daily inventory snapshots of that period.
    void periodActivated(const QDate &from, const QDate &to);

protected:
    void changeEvent(QEvent *event) override;

private:
    InventorySeriesQuery query() const;
    void showSeries(const QList<InventoryPoint> &points, const QList<InventoryPoint> &previous);
    void applyPreset(int preset);
    void exportPng();
    void exportCsv();

    std::unique_ptr<Ui::InventoryChartView> m_ui;
    SeriesTableModel *m_table;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QList<InventoryPoint> m_shown;
    int m_points = 0;
    quint64 m_generation = 0;
};
