#pragma once

#include <QList>
#include <QString>

#include <functional>

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
    qint64 checked = 0;
    QList<CorruptSnapshot> corrupt;
    bool cancelled = false;
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
