#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/snapshot.h"

// Filters for listing snapshot headers; every one of them becomes part of the SQL.
struct SnapshotQuery
{
    QString tenant; // required
    QString kind; // empty: every kind
    QString entityId; // exact match
    QString entityPrefix; // prefix match (ignored when entityId is set)
    QStringList types;
    TimeRange takenAt;
    QString createdBy;
    enum class Trash { Hide, Include, Only };
    Trash trash = Trash::Hide; // trashed snapshots are hidden unless asked for

    // Whether the query lists that snapshot, as the store's SQL decides it (appendFilters): for a view that must know
    // whether a snapshot it shows is still among the rows without reading them all.
    bool matches(const SnapshotHeader &h) const
    {
        const bool trashed = h.deletedAt.has_value();
        return h.tenant == tenant && (kind.isEmpty() || h.kind == kind)
            && (!entityId.isEmpty()
                    ? h.entityId == entityId
                    : entityPrefix.isEmpty() || h.entityId.startsWith(entityPrefix, Qt::CaseInsensitive))
            && (types.isEmpty() || types.contains(h.type)) && (!takenAt.from || h.takenAt >= *takenAt.from)
            && (!takenAt.to || h.takenAt < *takenAt.to)
            && (createdBy.isEmpty() || h.createdBy.contains(createdBy, Qt::CaseInsensitive))
            && (trash == Trash::Include || trashed == (trash == Trash::Only));
    }
};

// A keyset position: the (taken_at, id) of the last row of the previous page.
struct PageCursor
{
    EpochMs takenAt = 0;
    QString id;
    friend bool operator==(const PageCursor &, const PageCursor &) = default;
};

enum class SortOrder { NewestFirst, OldestFirst };

struct PageRequest
{
    SortOrder order = SortOrder::NewestFirst;
    std::optional<PageCursor> after; // rows strictly after this position in `order`
    int limit = 200;
    bool withStoredPayload = false; // also return the stored (compressed) bytes, for verification and export
};

struct HeaderPage
{
    QList<SnapshotHeader> headers;
    std::optional<PageCursor> next; // set when more rows may follow
    QList<QByteArray> storedPayloads; // parallel to headers when withStoredPayload
};
