#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include "domain/error.h"
#include "domain/snapshot.h"

class SnapshotStore;

// The SAAN guide's AI Training Data Extraction: chat snapshots of chosen types that carry AI confidence scores and a
// customer satisfaction of at least N, one JSON line each with the key messages, the intent progression, the
// confidence scores and the business outcome. Customers' contact details are masked (the chat kind's personal fields,
// and phone numbers and e-mail addresses written in a message's text): training data leaves the support desk.
namespace TrainingExport {

struct Options
{
    QString tenant;
    QStringList types { QStringLiteral("order_created"), QStringLiteral("escalated") };
    double minSatisfaction = 4;
};

struct Report
{
    qint64 scanned = 0; // chat snapshots of the chosen types read
    qint64 written = 0; // records written
};

// One snapshot's training record, or nothing when it is not selected (another kind or type, no confidence scores,
// no satisfaction or one below the minimum).
std::optional<QJsonObject> record(const SnapshotHeader &header, const QJsonObject &payload, const Options &options);

// Phone numbers and e-mail addresses in free text, masked as Pii::maskText masks a field.
QString maskContacts(const QString &text);

// Reads every chat snapshot of the chosen types (oldest first) and writes the selected ones' records as JSON lines
// to `path`, all or nothing (a cancelled or failed run leaves no file). progress(done, total) returns false to cancel.
using Progress = std::function<bool(qint64 done, qint64 total)>;
Result<Report> write(SnapshotStore &store, const Options &options, const QString &path, const Progress &progress = {});

} // namespace TrainingExport
