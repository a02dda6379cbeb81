#include "snapshotingest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

#include "ops/ingest/recordreader.h"
#include "store/snapshotstore.h"

QJsonObject IngestSummary::toJson() const
{
    QJsonObject byKind;
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        byKind.insert(it.key(), it.value());
    return { { QStringLiteral("read"), read }, { QStringLiteral("ingested"), ingested },
        { QStringLiteral("duplicates"), duplicates }, { QStringLiteral("rejected"), rejected },
        { QStringLiteral("tenants_created"), QJsonArray::fromStringList(tenantsCreated) },
        { QStringLiteral("kinds"), byKind }, { QStringLiteral("seconds"), seconds } };
}

SnapshotIngest::SnapshotIngest(SnapshotStore &store, IngestOptions options)
    : m_store(store)
    , m_options(std::move(options))
{ }

namespace {

// An input opened for reading: a file, or standard input for "-".
struct OpenInput
{
    QFile file;
    QString name;
    qint64 size = 0; // 0: unknown

    Status open(const QString &path)
    {
        if (path == QStringLiteral("-")) {
            name = QStringLiteral("standard input");
            if (!file.open(stdin, QIODevice::ReadOnly))
                return Error { Error::Code::Io,
                    QStringLiteral("cannot read standard input: %1").arg(file.errorString()) };
            return {};
        }
        name = path;
        file.setFileName(path);
        if (QFileInfo(path).isDir())
            return Error { Error::Code::Io, QStringLiteral("cannot read %1: it is a folder").arg(path) };
        if (!file.open(QIODevice::ReadOnly))
            return Error { Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
        size = file.size();
        return {};
    }
};

// Reads raw records a batch at a time and interprets them on the pool.
struct Batch
{
    struct Item
    {
        QByteArray text;
        QString where;
        bool tooLong = false;
        IngestedRecord result;
    };
    std::vector<Item> items;
};

void interpretOne(const RecordInterpreter &interpreter, Batch::Item &item)
{
    if (item.tooLong)
        item.result
            = IngestedRecord::bad(item.where, QStringLiteral("a record over %1 MiB").arg(MaxIngestRecordBytes >> 20));
    else
        item.result = interpreter.interpret(item.text, item.where);
}

void interpretAll(const RecordInterpreter &interpreter, Batch &batch)
{
    QtConcurrent::blockingMap(batch.items, [&](Batch::Item &item) { interpretOne(interpreter, item); });
}

// A batch read and being interpreted on the pool while the one before it is written.
struct Interpreting
{
    Interpreting(std::unique_ptr<Batch> b, QFuture<void> d, const IngestProgress &p)
        : batch(std::move(b))
        , done(std::move(d))
        , progress(p)
    { }
    Interpreting(const Interpreting &) = delete;
    Interpreting &operator=(const Interpreting &) = delete;

    std::unique_ptr<Batch> batch;
    QFuture<void> done;
    IngestProgress progress; // where reading was when the batch was full
    ~Interpreting() { done.waitForFinished(); } // never a batch freed under the pool's feet
};

// The interpreter for a run on `store`: its tenants' zones known.
Result<RecordInterpreter> interpreterFor(SnapshotStore &store, const IngestOptions &options)
{
    auto tenants = store.tenants();
    if (!tenants)
        return tenants.error();
    QHash<QString, QTimeZone> zones;
    for (const Tenant &t : *tenants)
        zones.insert(t.id, QTimeZone(t.businessTimeZone.toUtf8()));
    return RecordInterpreter::create(options, zones);
}

} // namespace

Result<IngestWritten> writeIngested(IngestTransaction &tx, std::vector<const IngestedRecord *> records,
    const QString &newTenantZone, IngestSummary &summary)
{
    for (const IngestedRecord *record : records) {
        const QString &tenant = record->snapshot.tenant;
        if (tx.tenant(tenant))
            continue;
        // Its currency is not known: left empty (amounts are shown without one), not guessed.
        const Tenant created { tenant, tenant, newTenantZone.isEmpty() ? QStringLiteral("UTC") : newTenantZone,
            QStringLiteral("") };
        auto made = tx.createTenant(created);
        if (!made)
            return made.error();
        if (*made)
            summary.tenantsCreated.append(tenant);
    }
    // In their entities' order: fewer arrive late.
    const auto key = [](const NewSnapshot &s) {
        return std::tuple(std::cref(s.tenant), std::cref(s.kind), std::cref(s.entityId),
            s.placement == NewSnapshot::Placement::AtVersion ? qint64(s.version) : s.takenAt);
    };
    std::stable_sort(records.begin(), records.end(),
        [&](const IngestedRecord *a, const IngestedRecord *b) { return key(a->snapshot) < key(b->snapshot); });
    QList<NewSnapshot> snapshots;
    snapshots.reserve(qsizetype(records.size()));
    for (const IngestedRecord *record : records)
        snapshots.append(record->snapshot);
    auto written = tx.write(snapshots);
    if (!written)
        return written.error();
    for (const SnapshotHeader &h : std::as_const(written->written))
        ++summary.kinds[h.kind];
    summary.ingested += written->written.size();
    summary.duplicates += written->duplicates.size();
    IngestWritten out;
    for (const auto &[index, reason] : std::as_const(written->refused))
        out.refused.append({ records.at(size_t(index)), reason });
    for (const qsizetype index : std::as_const(written->duplicates))
        out.duplicates.append(records.at(size_t(index)));
    return out;
}

Result<QList<IngestedRecord>> SnapshotIngest::preview(const QStringList &inputs, int limit)
{
    auto interpreter = interpreterFor(m_store, m_options);
    if (!interpreter)
        return interpreter.error();
    QList<IngestedRecord> out;
    for (const QString &path : inputs) {
        OpenInput input;
        if (Status opened = input.open(path); !opened)
            return opened.error();
        RecordReader reader(input.file, input.name, MaxIngestRecordBytes);
        Batch batch;
        while (qsizetype(out.size() + batch.items.size()) < limit) {
            auto record = reader.next();
            if (!record)
                return record.error();
            if (!*record)
                break;
            batch.items.push_back({ (*record)->text, reader.where(**record), (*record)->tooLong, {} });
        }
        interpretAll(*interpreter, batch);
        for (Batch::Item &item : batch.items)
            out.append(std::move(item.result));
        if (out.size() >= limit)
            break;
    }
    return out;
}

Result<IngestSummary> SnapshotIngest::run(const QStringList &inputs, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    if (m_options.skipBad && m_options.rejectPath.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("--skip-bad needs --reject FILE for the bad records") };
    auto transaction = m_store.beginIngest();
    if (!transaction)
        return transaction.error();
    IngestTransaction &tx = **transaction;
    auto interpreter = interpreterFor(m_store, m_options);
    if (!interpreter)
        return interpreter.error();

    // The reject file is written beside its name and takes it only once the run has committed: a run that fails
    // leaves no reject file describing records that were never stored, and an older file as it was.
    std::optional<QSaveFile> rejects;
    if (m_options.skipBad) {
        const QFileInfo rejectInfo(m_options.rejectPath);
        for (const QString &path : inputs) {
            if (path != QStringLiteral("-") && QFileInfo(path).absoluteFilePath() == rejectInfo.absoluteFilePath())
                return Error { Error::Code::Invalid,
                    QStringLiteral("--reject %1 is one of the files to read").arg(m_options.rejectPath) };
        }
        rejects.emplace(m_options.rejectPath);
        if (!rejects->open(QIODevice::WriteOnly))
            return Error { Error::Code::Io,
                QStringLiteral("cannot write %1: %2").arg(m_options.rejectPath, rejects->errorString()) };
    }
    const auto failed = [&](const Error &error) -> Error {
        if (rejects)
            rejects->cancelWriting();
        return error;
    };

    IngestSummary summary;
    const auto reject = [&](const QString &where, const QString &reason, const QByteArray &text) -> Status {
        if (!m_options.skipBad)
            return Error { Error::Code::Invalid, QStringLiteral("%1: %2").arg(where, reason) };
        ++summary.rejected;
        QJsonObject line { { QStringLiteral("where"), where }, { QStringLiteral("reason"), reason },
            { QStringLiteral("record"), QString::fromUtf8(text) } };
        if (rejects->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
            return Error { Error::Code::Io,
                QStringLiteral("writing %1: %2").arg(m_options.rejectPath, rejects->errorString()) };
        return {};
    };

    qint64 bytesTotal = 0, bytesBefore = 0;
    for (const QString &path : inputs)
        bytesTotal += path == QStringLiteral("-") ? 0 : std::max<qint64>(QFileInfo(path).size(), 0);

    // Writes a batch: the bad records to the reject file (or the run stops), the good ones to the store.
    const auto write = [&](Batch &batch) -> Status {
        std::vector<const IngestedRecord *> good;
        good.reserve(batch.items.size());
        QHash<const IngestedRecord *, const Batch::Item *> itemOf;
        for (const Batch::Item &item : batch.items) {
            if (!item.result.problem.isEmpty()) {
                if (Status rejected = reject(item.where, item.result.problem, item.text); !rejected)
                    return rejected;
                continue;
            }
            good.push_back(&item.result);
            itemOf.insert(&item.result, &item);
        }
        auto written = writeIngested(tx, std::move(good), m_options.zone, summary);
        if (!written)
            return written.error();
        for (const auto &[record, reason] : std::as_const(written->refused)) {
            const Batch::Item &item = *itemOf.value(record);
            if (Status rejected = reject(item.where, reason, item.text); !rejected)
                return rejected;
        }
        return {};
    };

    // Batch k + 1 is interpreted on the pool while batch k is written: reading, interpreting and writing overlap.
    // A batch closes at 2,000 records or 16 MiB of text, whichever comes first: two batches are in memory at once,
    // and a MongoDB export's documents can be a megabyte each.
    constexpr qsizetype BatchSize = 2000;
    constexpr qsizetype BatchBytes = 16 * 1024 * 1024;
    std::optional<Interpreting> interpreting;
    const auto writeInterpreted = [&]() -> Status {
        if (!interpreting)
            return {};
        interpreting->done.waitForFinished();
        if (Status written = write(*interpreting->batch); !written)
            return written;
        const IngestProgress at = interpreting->progress;
        interpreting.reset();
        if (progress && !progress(at))
            return Error { Error::Code::Cancelled, QStringLiteral("the import was cancelled: nothing was stored") };
        return {};
    };
    for (const QString &path : inputs) {
        OpenInput input;
        if (Status opened = input.open(path); !opened)
            return failed(opened.error());
        RecordReader reader(input.file, input.name, MaxIngestRecordBytes);
        auto batch = std::make_unique<Batch>();
        batch->items.reserve(BatchSize);
        qsizetype batchBytes = 0;
        while (true) {
            auto record = reader.next();
            if (!record)
                return failed(record.error());
            if (*record) {
                ++summary.read;
                batchBytes += (*record)->text.size();
                batch->items.push_back({ std::move((*record)->text), reader.where(**record), (*record)->tooLong, {} });
            }
            if (qsizetype(batch->items.size()) == BatchSize || batchBytes >= BatchBytes
                || (!*record && !batch->items.empty())) {
                Batch &next = *batch;
                QFuture<void> started = QtConcurrent::map(
                    next.items, [&interpreter = *interpreter](Batch::Item &item) { interpretOne(interpreter, item); });
                if (Status written = writeInterpreted(); !written) {
                    started.waitForFinished();
                    return failed(written.error());
                }
                interpreting.emplace(std::move(batch), std::move(started),
                    IngestProgress { bytesBefore + reader.consumed(), bytesTotal, summary.read, input.name });
                batch = std::make_unique<Batch>();
                batch->items.reserve(BatchSize);
                batchBytes = 0;
            }
            if (!*record)
                break;
        }
        bytesBefore += reader.consumed();
    }
    if (Status written = writeInterpreted(); !written)
        return failed(written.error());
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    AuditEntry audit;
    audit.tenant = m_options.defaultTenant;
    audit.actor = m_options.actor;
    audit.action = QStringLiteral("ingest");
    audit.target = inputs.join(QStringLiteral(", "));
    audit.details = summary.toJson();
    if (Status committed = tx.commit(audit); !committed)
        return failed(committed.error());
    if (rejects && !rejects->commit())
        return Error { Error::Code::Io,
            QStringLiteral("the snapshots were stored, but the bad records could not be written to %1: %2")
                .arg(m_options.rejectPath, rejects->errorString()) };
    return summary;
}
