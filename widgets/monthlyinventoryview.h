#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

#include "domain/analytics.h"
#include "items/jobtracker.h"

namespace Ui {
class MonthlyInventoryView;
}
class SeriesTableModel;
class SnapshotStore;

// The SAAN guide's Monthly Inventory Report: per product for a month (all stores or one), the closing stock, its value
// and the cost of goods sold (outbound x average cost), sorted by value; read on a worker, exported as CSV.
class MonthlyInventoryView : public QWidget
{
    Q_OBJECT
public:
    explicit MonthlyInventoryView(QWidget *parent = nullptr);
    ~MonthlyInventoryView() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    // The month shown (any day of it); another month than the one shown is read.
    void setMonth(const QDate &month);
    QDate month() const;
    SeriesTableModel *table() const { return m_table; }
    const QList<MonthlyInventoryLine> &lines() const { return m_lines; }

Q_SIGNALS:
    void loaded(int lines);
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    static constexpr int ValueColumn = 3; // total value, the column the report is sorted by
    void reload();
    void showLines();

    std::unique_ptr<Ui::MonthlyInventoryView> m_ui;
    SeriesTableModel *m_table;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    QList<MonthlyInventoryLine> m_lines;
    MonthlyInventoryQuery m_shown;
    JobTracker *m_jobs = new JobTracker(this); // a newer request supersedes
    JobTracker *m_catalogueJobs = new JobTracker(this);
};
