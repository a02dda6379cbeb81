#pragma once

#include <QAbstractTableModel>

#include "ops/ingest/snapshotingest.h"

// The first records of an import as they would be stored (kind, shape, tenant, entity, time, type, version), and the
// bad ones with their reason: what the console's import dialog shows before anything is written. A short list,
// fully loaded.
class IngestPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A bad record's reason is in its Kind cell (the view spans it over the columns it has no values for).
    enum class Column { Where, Kind, Shape, Tenant, Entity, Taken, Type, Version, Count_ };

    explicit IngestPreviewModel(QObject *parent = nullptr);
    // Times are shown in each record's tenant's zone, named.
    void setRecords(const QList<IngestedRecord> &records);
    int badCount() const;
    bool isBad(int row) const { return !m_records.at(row).problem.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<IngestedRecord> m_records;
};
