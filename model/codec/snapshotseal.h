#pragma once

#include <QString>

#include "domain/error.h"
#include "domain/snapshot.h"

// Binds a payload's checksum to the row it belongs to (issue 21): the seal is SHA-256 over the snapshot's identity
// (id, tenant, kind, entity, taken_at) and its checksum, and for a row kept apart (issue 26) the checksum of its
// stored, withheld form as well. Swapping payload, checksum, codec and sizes between two rows leaves each checksum
// matching its bytes, but not its seal. Not a signature: whoever writes the database can recompute it; it catches
// mix-ups, stray copies and damage, as the checksum catches flipped bits.
namespace SnapshotSeal {

QString of(const SnapshotHeader &header);
// An integrity error (ChecksumMismatch) when the header has no checksum or its seal is not this row's.
Status check(const SnapshotHeader &header);

} // namespace SnapshotSeal
