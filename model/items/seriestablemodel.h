#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// The numbers a chart plots, one row per period, for the chart's table view and its CSV export: the same values,
// not recomputed.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit SeriesTableModel(QObject *parent = nullptr);

    // fields: the JSON members shown, in order; headers: their column titles.
    void setRows(QList<QJsonObject> rows, QStringList fields, QStringList headers);
    const QList<QJsonObject> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QJsonObject> m_rows;
    QStringList m_fields, m_headers;
};
