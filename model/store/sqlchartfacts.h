#pragma once

#include <QJsonObject>
#include <QVariantList>

#include <optional>
#include <set>
#include <tuple>

#include "domain/kinddefinition.h"
#include "domain/snapshot.h"
#include "store/bulkinsert.h"
#include "store/sqlconnections.h"

// The fact rows the charts read (daily_inventory for the inventory chart, chat_outcomes for the chat chart), written
// with the snapshots of a batch, and their day sums (inventory_store_days, chat_days) kept in step.
class SqlChartFacts
{
public:
    // One snapshot's fact row, computed off the writing thread.
    struct Row
    {
        bool inventory = false; // daily_inventory; else chat_outcomes
        QVariantList values;
        QString replaces; // daily_inventory: the row of the same store, product and day it replaces
        std::tuple<QString, QString, QString> day; // (tenant, store or snapshot type, day) whose sums it changes
    };
    // The fact row of a snapshot, read through its kind's shape, or none for a kind that feeds no chart.
    static std::optional<Row> rowOf(const SnapshotHeader &header, const KindDefinition &kind, const KindShape &shape,
        const QJsonObject &payload, const QString &businessDay);

    // The fact rows of one write transaction on db.
    SqlChartFacts(SqlConnections &sql, const QSqlDatabase &db);
    // Queues a row (written in groups); false on a database error.
    Status add(Row &&row);
    // Writes what is queued and (unless the store is a private bulk load, summed once at its end) the sums of the
    // days the rows fell on.
    Status finish();

    // Sums every day again from all facts: the end of a private bulk load.
    static Status sumAllDays(SqlConnections &sql, QSqlQuery &query);

private:
    Status refreshDays();

    SqlConnections &m_sql;
    QSqlDatabase m_db;
    BulkInsert m_inventory;
    BulkInsert m_chat;
    std::set<std::tuple<QString, QString, QString>> m_inventoryDays, m_chatDays;
};
