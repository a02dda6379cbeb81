#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

#include "charttools.h"
#include "domain/analytics.h"
#include "items/jobtracker.h"
#include "ops/trainingexport.h"

namespace Ui {
class ChatChartView;
}
class QChart;
class SeriesTableModel;
class ProgressTask;
class QLabel;
class SnapshotStore;
class TaskProgress;

// Chat conversion per day or week over snapshots of one type (session_ended by default): conversations by platform
// as stacked bars, converted conversations and the conversion rate as lines (a period without conversations is a gap,
// not 0 %); average order value, duration and satisfaction in the tooltips and the table. Filters for platform and
// human hand-off; the same range, zoom, legend, table, export, hover and drill-down as the inventory chart.
class ChatChartView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatChartView(QWidget *parent = nullptr);
    ~ChatChartView() override;

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
    // Shown instead of the chart when the range has no conversations; else empty.
    QString emptyMessage() const { return m_emptyMessage; }
    // The AI training export (the Training data… button asks what and where, then calls this): runs on a worker with
    // progress and Cancel; the status line says what was written.
    void exportTraining(TrainingExport::Options options, const QString &path);
    // What the last training export did (its own line under the chart's status).
    QString trainingStatusText() const;

Q_SIGNALS:
    void loaded(int points);
    void failed(const QString &message);
    void periodActivated(const QDate &from, const QDate &to);
    // The training export finished: the records written, or why none were (error: cancelled included).
    void trainingExported(qint64 written, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    ChatSeriesQuery query() const;
    void showData(const ChatChartData &shown, const ChatSeriesQuery &query);
    void showPage();
    QString describe(qsizetype index) const;
    void activate(qsizetype index);

    std::unique_ptr<Ui::ChatChartView> m_ui;
    SeriesTableModel *m_table;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    ChatChartData m_data;
    ChatSeriesQuery m_shownQuery;
    QString m_emptyMessage;
    JobTracker *m_jobs = new JobTracker(this); // a newer series request supersedes
    ProgressTask *m_trainingTask;
    TaskProgress *m_trainingProgress;
    QLabel *m_trainingStatus;
};
