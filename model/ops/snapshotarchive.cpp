#include "snapshotarchive.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryFile>

#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <memory>

#include "codec/payloadcodec.h"
#include "domain/kindregistry.h"
#include "domain/snapshotid.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/strictjson.h"

namespace {

struct CStreamFree
{
    void operator()(ZSTD_CStream *stream) const { ZSTD_freeCStream(stream); }
};
struct DStreamFree
{
    void operator()(ZSTD_DStream *stream) const { ZSTD_freeDStream(stream); }
};

} // namespace

QByteArray SnapshotArchive::line(const SnapshotHeader &h, const QByteArray &canonicalPayload)
{
    QJsonObject header { { QStringLiteral("id"), h.id }, { QStringLiteral("tenant"), h.tenant },
        { QStringLiteral("kind"), h.kind }, { QStringLiteral("entity_id"), h.entityId },
        { QStringLiteral("version"), h.version }, { QStringLiteral("taken_at"), h.takenAt },
        { QStringLiteral("type"), h.type }, { QStringLiteral("created_by"), h.createdBy },
        { QStringLiteral("trigger"), h.trigger }, { QStringLiteral("summary"), h.summary },
        { QStringLiteral("pinned"), h.pinned }, { QStringLiteral("checksum"), h.checksum } };
    if (!h.previousId.isEmpty())
        header.insert(QStringLiteral("previous_id"), h.previousId);
    if (h.eventSeq)
        header.insert(QStringLiteral("event_seq"), *h.eventSeq);
    // Always the full state (an incremental snapshot materialized): a line restores on its own.
    // The payload goes in as its stored canonical bytes, not re-serialized.
    QByteArray line = CanonicalJson::write(header);
    line.chop(1);
    line += ",\"payload\":";
    line += canonicalPayload;
    line += "}\n";
    return line;
}

namespace {
Error lineError(const QString &where, const QString &message)
{
    return { Error::Code::Invalid, QStringLiteral("%1: %2").arg(where, message) };
}

} // namespace

Result<qint64> SnapshotArchive::write(
    SnapshotStore &store, const QList<QUuid> &ids, const QString &path, const Progress &progress)
{
    const auto exists = [&path] {
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 exists already: archives are never replaced; choose another file").arg(path) };
    };
    if (QFileInfo::exists(path))
        return exists(); // before any work; the link below is what makes it certain
    const QFileInfo target(path);
    // In the target's folder, so the finished file is linked to its name on the same file system.
    QTemporaryFile file(target.absolutePath() + QStringLiteral("/.snapscope-archive-XXXXXX"));
    if (!file.open())
        return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
    // Written with write(2), so a full disk or a file size limit is named by its errno (QFile's buffered writes
    // reported "Unknown error").
    int writeFailure = 0;
    const auto writeAll = [&](const char *data, size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(file.handle(), data, size);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                writeFailure = n < 0 ? errno : ENOSPC;
                return false;
            }
            data += n;
            size -= size_t(n);
        }
        return true;
    };
    const auto writeError = [&] {
        return Error { Error::Code::Io,
            QStringLiteral("writing %1: %2")
                .arg(path, writeFailure ? qt_error_string(writeFailure) : QStringLiteral("compression failed")) };
    };
    std::unique_ptr<ZSTD_CStream, CStreamFree> stream(ZSTD_createCStream());
    ZSTD_CCtx_setParameter(stream.get(), ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(stream.get(), ZSTD_c_checksumFlag, 1);
    QByteArray out(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    const auto pump = [&](const QByteArray &data, ZSTD_EndDirective mode) -> bool {
        ZSTD_inBuffer in { data.constData(), size_t(data.size()), 0 };
        while (true) {
            ZSTD_outBuffer o { out.data(), size_t(out.size()), 0 };
            const size_t remaining = ZSTD_compressStream2(stream.get(), &o, &in, mode);
            if (ZSTD_isError(remaining))
                return false;
            if (o.pos > 0 && !writeAll(out.constData(), o.pos))
                return false;
            if (mode == ZSTD_e_end ? remaining == 0 : in.pos == in.size)
                return true;
        }
    };
    QByteArray chunk;
    qint64 written = 0;
    for (const QUuid &id : ids) {
        auto snapshot = store.load(id.toString(QUuid::WithoutBraces));
        if (!snapshot) {
            Error error = snapshot.error();
            error.message = QStringLiteral("archiving %1: %2").arg(id.toString(QUuid::WithoutBraces), error.message);
            return error;
        }
        chunk += line(snapshot->header, snapshot->payload);
        ++written;
        if (chunk.size() > (1 << 20)) {
            if (!pump(chunk, ZSTD_e_continue))
                return writeError();
            chunk.clear();
        }
        if (progress && written % 256 == 0 && !progress(written, ids.size()))
            return Error { Error::Code::Cancelled, QStringLiteral("archiving cancelled") };
    }
    if (!pump(chunk, ZSTD_e_end))
        return writeError();
    // The file keeps QTemporaryFile's mode 0600 on purpose: an archive holds customers' contact details unmasked.
    // On disk before it gets its name, and before a row changes.
    if (::fsync(file.handle()) != 0)
        return Error { Error::Code::Io, QStringLiteral("writing %1: %2").arg(path, qt_error_string(errno)) };
    // link() fails when the name exists, at the moment of linking: two cleanups to one path cannot both succeed. A
    // file system without hard links (FAT, some network mounts) gets the same promise from renameat2(NOREPLACE).
    const QByteArray from = QFile::encodeName(file.fileName()), to = QFile::encodeName(path);
    if (::link(from.constData(), to.constData()) != 0) {
        int failure = errno;
        if (failure == EPERM || failure == EOPNOTSUPP || failure == ENOSYS)
            failure
                = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0 ? 0 : errno;
        if (failure == EEXIST)
            return exists();
        if (failure != 0)
            return Error { Error::Code::Io, QStringLiteral("writing %1: %2").arg(path, qt_error_string(failure)) };
    }
    // The temporary name goes with `file`; the folder's new entry is made durable.
    if (const int folder = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
        folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    if (progress)
        progress(written, ids.size());
    return written;
}

namespace {

// Streams an archive's decompressed bytes to `sink` (which returns an error to stop); zstd checks every frame's
// checksum on the way. An error names the file.
Status decompress(const QString &path, const std::function<Status(const char *data, qsizetype size)> &sink)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    std::unique_ptr<ZSTD_DStream, DStreamFree> stream(ZSTD_createDStream());
    QByteArray in(qsizetype(ZSTD_DStreamInSize()), Qt::Uninitialized);
    QByteArray out(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    size_t lastResult = 0;
    while (true) {
        const qint64 n = file.read(in.data(), in.size());
        if (n < 0)
            return Error { Error::Code::Io, QStringLiteral("reading %1: %2").arg(path, file.errorString()) };
        if (n == 0)
            break;
        ZSTD_inBuffer input { in.constData(), size_t(n), 0 };
        while (input.pos < input.size) {
            ZSTD_outBuffer output { out.data(), size_t(out.size()), 0 };
            lastResult = ZSTD_decompressStream(stream.get(), &output, &input);
            if (ZSTD_isError(lastResult)) {
                return Error { Error::Code::CorruptFrame,
                    QStringLiteral("%1 is not a readable .ndjson.zst archive (%2)")
                        .arg(path, QString::fromUtf8(ZSTD_getErrorName(lastResult))) };
            }
            if (Status taken = sink(out.constData(), qsizetype(output.pos)); !taken)
                return taken;
        }
    }
    if (lastResult != 0)
        return Error { Error::Code::CorruptFrame,
            QStringLiteral("%1 ends in the middle of its zstd stream").arg(path) };
    return {};
}

} // namespace

Result<QSet<QString>> SnapshotArchive::ids(const QString &path)
{
    QSet<QString> ids;
    QByteArray pending; // the line being read: one at a time, never the whole file
    qsizetype lineNumber = 0;
    const auto take = [&](const QByteArray &line) -> Status {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            return {};
        auto row = parseLine(line, QStringLiteral("%1, line %2").arg(path).arg(lineNumber));
        if (!row)
            return row.error();
        ids.insert(row->header.id);
        return {};
    };
    Status read = decompress(path, [&](const char *data, qsizetype size) -> Status {
        const char *const end = data + size;
        for (const char *p = data; p < end;) {
            const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!newline) {
                pending.append(p, end - p);
                if (pending.size() > PayloadCodec::MaxPayloadBytes + 1024 * 1024)
                    return Error { Error::Code::Invalid,
                        QStringLiteral("%1, line %2: longer than a snapshot may be").arg(path).arg(lineNumber + 1) };
                break;
            }
            pending.append(p, newline - p);
            if (Status status = take(pending); !status)
                return status;
            pending.clear();
            p = newline + 1;
        }
        return {};
    });
    if (!read)
        return read.error();
    if (Status status = take(pending); !status)
        return status.error();
    return ids;
}

Result<QList<MaintenanceStore::ArchivedRow>> SnapshotArchive::read(const QString &path)
{
    QByteArray text;
    // A line is one snapshot: one longer than a payload may be is refused while reading, not after holding it all.
    constexpr qint64 MaxLineBytes = PayloadCodec::MaxPayloadBytes + 1024 * 1024;
    qsizetype lineStart = 0;
    qsizetype lines = 1;
    Status decompressed = decompress(path, [&](const char *data, qsizetype size) -> Status {
        text.append(data, size);
        for (qsizetype newline = text.indexOf('\n', text.size() - size); newline >= 0;
             newline = text.indexOf('\n', newline + 1)) {
            lineStart = newline + 1;
            ++lines;
        }
        if (text.size() - lineStart > MaxLineBytes)
            return Error { Error::Code::Invalid,
                QStringLiteral("%1, line %2: longer than the %3 bytes a snapshot may have")
                    .arg(path)
                    .arg(lines)
                    .arg(PayloadCodec::MaxPayloadBytes) };
        return {};
    });
    if (!decompressed)
        return decompressed.error();

    QList<MaintenanceStore::ArchivedRow> rows;
    qsizetype lineNumber = 0;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        ++lineNumber;
        const QByteArray line = text.mid(start, end - start);
        start = end + 1;
        if (line.trimmed().isEmpty())
            continue;
        auto row = parseLine(line, QStringLiteral("%1, line %2").arg(path).arg(lineNumber));
        if (!row)
            return row.error();
        rows.append(std::move(row).value());
    }
    return rows;
}

Result<MaintenanceStore::ArchivedRow> SnapshotArchive::parseLine(const QByteArray &line, const QString &where)
{
    auto object = StrictJson::parseObject(line, where);
    if (!object)
        return object.error();
    const QJsonObject &o = *object;
    MaintenanceStore::ArchivedRow row;
    SnapshotHeader &h = row.header;
    h.id = o.value(u"id").toString().toLower();
    h.tenant = o.value(u"tenant").toString();
    h.kind = o.value(u"kind").toString();
    h.entityId = o.value(u"entity_id").toString();
    h.version = o.value(u"version").toInt(0);
    h.takenAt = qint64(o.value(u"taken_at").toDouble(-1));
    h.type = o.value(u"type").toString();
    h.createdBy = o.value(u"created_by").toString();
    h.trigger = o.value(u"trigger").toObject();
    h.pinned = o.value(u"pinned").toBool();
    h.checksum = o.value(u"checksum").toString();
    h.previousId = o.value(u"previous_id").toString().toLower();
    if (o.contains(u"event_seq"))
        h.eventSeq = qint64(o.value(u"event_seq").toDouble());
    if (!SnapshotId::isWellFormed(h.id))
        return lineError(where, QStringLiteral("\"id\" is not a UUID"));
    const KindDefinition *kind = KindRegistry::find(h.kind);
    if (!kind)
        return lineError(where, QStringLiteral("unknown kind \"%1\"").arg(h.kind));
    if (h.tenant.isEmpty() || h.entityId.isEmpty() || h.type.isEmpty() || h.createdBy.isEmpty())
        return lineError(where, QStringLiteral("tenant, entity_id, type and created_by are required"));
    if (h.version < 1 || h.takenAt < 0)
        return lineError(where, QStringLiteral("\"version\" and \"taken_at\" must be positive numbers"));
    if (!h.previousId.isEmpty() && !SnapshotId::isWellFormed(h.previousId))
        return lineError(where, QStringLiteral("\"previous_id\" is not a UUID"));
    if (!o.value(u"payload").isObject())
        return lineError(where, QStringLiteral("\"payload\" must be a JSON object"));
    row.payload = CanonicalJson::write(o.value(u"payload").toObject());
    if (row.payload.size() > PayloadCodec::MaxPayloadBytes)
        return lineError(where,
            QStringLiteral("its payload of %1 bytes is over the limit of %2 bytes")
                .arg(row.payload.size())
                .arg(PayloadCodec::MaxPayloadBytes));
    // The summary is derived again from the verified payload rather than trusted from the file.
    h.summary = kind->summarize(o.value(u"payload").toObject());
    if (PayloadCodec::checksumOf(row.payload) != h.checksum) {
        // An integrity failure (exit 3), not a usage error: the file is well-formed, its content was changed.
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("%1: snapshot %2: the payload does not match its checksum (the file was altered)")
                .arg(where, h.id) };
    }
    return row;
}
