#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

#include "domain/error.h"
#include "domain/kinddefinition.h"
#include "domain/livesource.h"

// The tables a live source's preset follows (issue 25), as their systems' documents create them, and the mapping file
// that names any other table's columns.
namespace SourcePresets {

struct Column
{
    QString name;
    QString type; // PostgreSQL's name for its type, without a length or precision ("character varying")
};

QStringList names(); // saan, event-store, mapping

// The tables a preset syncs, without their state: kind, shape, and the columns each must have. Empty for an unknown
// preset.
QList<LiveSourceTable> tables(const QString &preset);
// The columns the seed document's DDL gives a preset table (empty for a mapped table: its mapping says).
QList<Column> expectedColumns(const QString &preset, const QString &table);
// Tables a preset lists beside SnapScope's own without syncing them (the event store's snapshot_schedules).
QStringList listedTables(const QString &preset);

// A mapping file: {"tables": [{"table": T, "kind": K, "source_id": C, "entity": C, "time": C, "type": C,
// "version": C, "payload": C}]} (type, version and payload optional; without payload the whole row is the snapshot).
Result<QList<LiveSourceTable>> fromMapping(const QJsonObject &file);
// The columns a mapped table's entry names.
QStringList mappedColumns(const QJsonObject &mapping);

// How a table's rows are read: the kind's definition with the table's shape, and the columns for the time and the
// source id (what the watermark is made of).
struct TableReading
{
    std::unique_ptr<KindDefinition> kind; // a copy: a mapped table's shape is its own
    const KindShape *shape = nullptr;
    QString timeColumn, idColumn;
    QString payloadColumn; // a mapped table's payload column: its value, not the row, is the snapshot
};
Result<TableReading> reading(const LiveSourceTable &table);

} // namespace SourcePresets
