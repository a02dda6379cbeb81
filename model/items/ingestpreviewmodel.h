#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include "ops/ingest/snapshotingest.h"

// The first records of an import as they would be stored (kind, shape, tenant, entity, time, type, version), and the
// bad ones with their reason: what the console's import dialog shows before anything is written. A short list,
// fully loaded.
class IngestPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Where, Kind, Shape, Tenant, Entity, Taken, Type, Version, Problem, Count_ };

    explicit IngestPreviewModel(QObject *parent = nullptr);
    // `zones`: each tenant's business zone, the times are shown in (named); a tenant not there yet, in `newTenantZone`.
    void setRecords(const QList<IngestedRecord> &records, const QHash<QString, QTimeZone> &zones,
        const QTimeZone &newTenantZone = QTimeZone::utc());
    int badCount() const;
    bool isBad(int row) const { return !m_records.at(row).problem.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<IngestedRecord> m_records;
    QHash<QString, QTimeZone> m_zones;
    QTimeZone m_newTenantZone;
};
