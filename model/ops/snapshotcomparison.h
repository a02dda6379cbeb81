#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"
#include "json/jsonpatch.h"

class SnapshotStore;

// One operation of a diff, with the value it replaces or removes, for change lists and reports.
struct JsonChange
{
    QString op; // add, remove, replace, move, copy
    QString path; // JSON Pointer, in the document as the earlier operations left it
    QString from; // move, copy
    std::optional<QJsonValue> oldValue;
    std::optional<QJsonValue> newValue;
};

// Two snapshots (two versions of one entity, or two entities of one kind) and what changed between them.
struct SnapshotComparison
{
    SnapshotHeader older, newer; // "older" is the left side: the one the patch starts from
    QJsonValue left, right;
    QJsonArray patch;
    JsonPatch::Summary summary;
    QList<JsonChange> changes;
    double diffMs = 0;
};

namespace SnapshotComparisons {

// Loads and verifies both snapshots, refuses two kinds, and diffs them with the kind's identity keys. Runs on a
// worker (two 1 MB payloads take tens of milliseconds). With `mask`, customers' contact details are masked in both
// documents before the diff (the support role), so neither the sides nor the changes show them.
Result<SnapshotComparison> compare(
    SnapshotStore &store, const QString &leftId, const QString &rightId, bool mask = false);
// The changes of a patch against its source document (each old value read where the operation finds it).
QList<JsonChange> changesOf(const QJsonValue &source, const QJsonArray &patch);
// "3 changed, 1 added, 2 removed" (and moved when there are moves).
QString summaryText(const JsonPatch::Summary &summary);
// A plain-text report: the two snapshots, the summary and one line per change.
QString report(const SnapshotComparison &comparison);
// A value as one short line of JSON (strings quoted), cut at maxLength characters.
QString valueText(const QJsonValue &value, int maxLength = 200);

} // namespace SnapshotComparisons
