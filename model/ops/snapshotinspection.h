#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"
#include "json/jsontree.h"

class SnapshotStore;

// What the inspector shows of one snapshot, read and prepared off the GUI thread: the header, and either the
// verified payload as a tree and as indented text, or the integrity error that kept it from being shown.
struct InspectedSnapshot
{
    SnapshotHeader header;
    std::optional<Error> integrityError;
    std::shared_ptr<const JsonTree> tree;
    QString prettyText;
    QStringList maskedFields; // personal members shown masked ("phone", "email", "address"), for a Reveal menu
    // The payload as stored on a shared store, personal fields withheld (issue 26): a reveal asks the server for
    // them, one pointer at a time (personalPointers).
    bool withheld = false;
    QStringList personalPointers;
};

namespace SnapshotInspection {

// Loads, verifies and parses a snapshot. A payload that fails verification is a result (with integrityError set),
// not an error: the header is still shown. Errors are for an unknown id or an unreachable database.
// With `mask`, customers' contact details are masked in the tree and the text, but for the `revealed` fields; a
// withheld payload shows `revealedValues` (by pointer, as SnapshotStore::revealPersonal gave them) in their places.
Result<InspectedSnapshot> inspect(SnapshotStore &store, const QString &id, bool mask = false,
    const QStringList &revealed = {}, const QHash<QString, QJsonValue> &revealedValues = {});

// The version of the same entity just before (older) or after a snapshot, by (taken_at, id); nullopt at either end.
Result<std::optional<SnapshotHeader>> neighbour(SnapshotStore &store, const SnapshotHeader &of, bool older);

} // namespace SnapshotInspection
