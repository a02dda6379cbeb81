#pragma once

#include <QString>

#include "domain/snapshot.h"

// Snapshot ids are RFC 9562 UUIDv7: time-ordered, so ids sort like taken_at and B-tree inserts stay local.
namespace SnapshotId {
// randA: 12 bits used, randB: 62 bits used.
QString make(EpochMs at, quint64 randA, quint64 randB);
QString generate(EpochMs at); // random bits from the system generator
// Canonical 8-4-4-4-12 hex form, any version.
bool isWellFormed(const QString &text);
// The millisecond timestamp of a UUIDv7, or -1 when `id` is not one.
EpochMs timestampOf(const QString &id);
} // namespace SnapshotId
