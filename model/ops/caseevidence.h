#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

#include "domain/error.h"
#include "domain/pii.h"
#include "domain/snapshot.h"
#include "ops/caseassembler.h"
#include "ops/casetimeline.h"

class SnapshotStore;

// What an evidence report of a case holds: every snapshot of the case read back and verified (its SHA-256
// recomputed), who exported it, from where and when, and whether contact details are masked.
struct CaseEvidence
{
    struct Item
    {
        SnapshotHeader header;
        QByteArray payload; // canonical JSON as stored; empty when it could not be read
        bool verified = false;
        QString verification; // "SHA-256 matches" or what is wrong
    };
    DisputeCase disputeCase;
    QList<CaseEntry> timeline;
    QList<Item> items; // in timeline order
    QString exporter;
    QString host;
    EpochMs exportedAt = 0;
    Access::Role role = Access::DefaultRole;

    int verifiedCount() const;
    // The report as HTML for QTextDocument (PDF export): summary, merged timeline, each snapshot's pretty JSON with
    // its checksum and verification result. Personal data masked when the role says so.
    QString html() const;
};

// Reads and verifies the case's snapshots. `progress` is called after each; returning false cancels (Cancelled).
Result<CaseEvidence> gatherCaseEvidence(SnapshotStore &store, const DisputeCase &c, const QString &exporter,
    const QString &host, EpochMs exportedAt, Access::Role role,
    const std::function<bool(qsizetype done, qsizetype total)> &progress = {});
