#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <functional>
#include <optional>

#include "domain/error.h"
#include "store/snapshotquery.h"

class SnapshotStore;

struct CorruptSnapshot
{
    QString id;
    QString kind;
    QString entityId;
    Error error;
};

struct VerificationReport
{
    qint64 expected = 0; // the rows the query selected when the check started
    qint64 checked = 0;
    QList<CorruptSnapshot> corrupt;
    bool cancelled = false;
    // Why the rows could not all be read (a damaged page, a server gone): the rest were not checked.
    std::optional<Error> unreadable;

    qint64 unchecked() const { return std::max<qint64>(0, expected - checked); }
    // Every row checked: the scan reached the end of the rows (every read loop tells a read error from the end, so
    // a shortfall without one is a cleanup or purge that ran meanwhile, not rows left unread).
    bool complete() const { return !cancelled && !unreadable; }
};

// Decompresses and checks the SHA-256 of every snapshot a query selects, page by page, decoding on all cores.
class Verification
{
public:
    // Called after each page; return false to stop (the report says how far it got).
    using Progress = std::function<bool(qint64 checked, qint64 corrupt)>;
    using CorruptFound = std::function<void(const CorruptSnapshot &)>;

    explicit Verification(SnapshotStore &store);
    Result<VerificationReport> run(
        const SnapshotQuery &query, const Progress &progress = {}, const CorruptFound &onCorrupt = {});

private:
    SnapshotStore &m_store;
};
