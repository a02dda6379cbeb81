#pragma once

#include <QJsonObject>
#include <QString>

#include "domain/snapshot.h"

// Rows of the source tables that manual and scheduled snapshots read (DESIGN §2, "Sources").

struct EventRecord
{
    QString tenant;
    QString aggregateId;
    qint64 seq = 0;
    QString type;
    EpochMs occurredAt = 0;
    QJsonObject data; // carries an RFC 6902 "patch" to fold into the aggregate's state
};

struct StockLevel
{
    QString tenant;
    QString storeCode;
    QString itemCode;
    QString name;
    int quantity = 0;
    int minimumQuantity = 0;
    int reorderPoint = 0;
    int reorderQuantity = 0;
    EpochMs updatedAt = 0;
};

struct InventoryTransaction
{
    QString id;
    QString tenant;
    QString storeCode;
    QString productId;
    QString type;
    int quantity = 0;
    QString reason;
    QString referenceId;
    EpochMs occurredAt = 0;
};

struct DictionaryInfo
{
    int id = 0;
    QString kind;
    EpochMs createdAt = 0;
    int sampleCount = 0;
    int size = 0;
    bool active = false;
};

// One row of daily_inventory: a product's day in one store, as the charts read it.
struct DailyInventoryFact
{
    QString storeCode;
    QString productId;
    QString day;
    qint64 opening = 0;
    qint64 closing = 0;
    qint64 inbound = 0;
    qint64 outbound = 0;
    qint64 adjustments = 0;
    double averageCost = 0;
    double totalValue = 0;
    QString snapshotId;
};
