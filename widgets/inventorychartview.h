#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

#include "charttools.h"
#include "domain/analytics.h"
#include "items/jobtracker.h"

namespace Ui {
class InventoryChartView;
}
class QChart;
class SeriesTableModel;
class SnapshotStore;

// Daily inventory trends: opening and closing stock as lines, inbound and outbound as bars, total stock value on a
// second axis, optionally the previous period of equal length; by day, week or month for all products or a store,
// one product (chosen from the store's products) or the top N by value. Periods without data are gaps, and a store
// or product without inventory says so instead of drawing nothing. The series come from AnalyticsSeries on a worker;
// the table shows the very numbers plotted; PNG (with its title, range and filters) and CSV export. Hovering a
// period shows its figures; clicking it asks for the timeline of that period (drill-down).
class InventoryChartView : public QWidget
{
    Q_OBJECT
public:
    explicit InventoryChartView(QWidget *parent = nullptr);
    ~InventoryChartView() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void setRange(const QDate &from, const QDate &to);
    void reload();
    int pointCount() const { return int(m_data.points.size()); }
    SeriesTableModel *table() const { return m_table; }
    QChart *chart() const;
    // Where the periods shown sit on the chart's time axis.
    ChartTools::PeriodScale periodScale() const;
    // What the PNG export writes above the chart: the title, the range with its business zone, the filters.
    QStringList heading() const;
    // Shown instead of the chart when it has nothing to draw (an unknown product, no data in range); else empty.
    QString emptyMessage() const { return m_emptyMessage; }

Q_SIGNALS:
    void loaded(int points);
    void failed(const QString &message);
    // The stores and products to choose from are there.
    void catalogueLoaded();
    // Drill-down: the timeline of daily inventory snapshots of that period.
    void periodActivated(const QDate &from, const QDate &to);

protected:
    void changeEvent(QEvent *event) override;

private:
    InventorySeriesQuery query() const;
    void loadCatalogue();
    void selectionChanged();
    void productChosen();
    void showData(const InventoryChartData &shown, const InventorySeriesQuery &query);
    void showPage();
    QString describe(qsizetype index) const;
    void activate(qsizetype index);
    void applyPreset(int preset);

    std::unique_ptr<Ui::InventoryChartView> m_ui;
    SeriesTableModel *m_table;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    InventoryChartData m_data; // what is shown
    InventorySeriesQuery m_shownQuery;
    QStringList m_products;
    QString m_requestedProduct;
    QString m_emptyMessage;
    JobTracker *m_seriesJobs = new JobTracker(this); // a newer series request supersedes
    JobTracker *m_catalogueJobs = new JobTracker(this);
};
