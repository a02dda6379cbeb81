#include "evidencebundle.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <zstd.h>

#include "codec/payloadcodec.h"
#include "ops/snapshotarchive.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/strictjson.h"

namespace {
const QString Format = QStringLiteral("snapscope-evidence/1");

QByteArray frame(const QByteArray &line)
{
    ZSTD_CCtx *context = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 9);
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(line.size()))), Qt::Uninitialized);
    const size_t written
        = ZSTD_compress2(context, out.data(), size_t(out.size()), line.constData(), size_t(line.size()));
    ZSTD_freeCCtx(context);
    if (ZSTD_isError(written))
        return {};
    out.truncate(qsizetype(written));
    return out;
}

QString sha(const QByteArray &bytes)
{
    return PayloadCodec::checksumOf(bytes);
}
} // namespace

Result<int> EvidenceBundle::write(
    SnapshotStore &store, const QStringList &ids, const EvidenceInfo &info, const QString &path)
{
    QList<QByteArray> lines;
    QJsonArray entries;
    for (const QString &id : ids) {
        auto snapshot = store.load(id);
        if (!snapshot)
            return snapshot.error(); // evidence is never exported from a snapshot that fails verification
        SnapshotHeader h = snapshot->header;
        // Exported by a login that does not read personal data (issue 26): the payload as stored, with its
        // personal fields withheld, and the checksum of that; the manifest says so.
        if (snapshot->withheld)
            h.checksum = h.withheldChecksum;
        QByteArray line = SnapshotArchive::line(h, snapshot->payload);
        QJsonObject entry { { QStringLiteral("id"), h.id }, { QStringLiteral("kind"), h.kind },
            { QStringLiteral("entity_id"), h.entityId }, { QStringLiteral("version"), h.version },
            { QStringLiteral("checksum"), h.checksum }, { QStringLiteral("line_sha256"), sha(line) } };
        if (snapshot->withheld)
            entry.insert(QStringLiteral("personal_data"), QStringLiteral("withheld"));
        entries.append(entry);
        lines.append(std::move(line));
    }
    QByteArray manifest = CanonicalJson::write(
        QJsonObject { { QStringLiteral("format"), Format }, { QStringLiteral("case"), info.caseId },
            { QStringLiteral("exported_by"), info.exportedBy }, { QStringLiteral("host"), info.host },
            { QStringLiteral("exported_at"), info.exportedAt }, { QStringLiteral("snapshots"), entries } });
    manifest += '\n';
    const QByteArray trailer
        = CanonicalJson::write(QJsonObject { { QStringLiteral("manifest_sha256"), sha(manifest) } }) + '\n';

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
    const auto put = [&](const QByteArray &line) {
        const QByteArray compressed = frame(line);
        return !compressed.isEmpty() && file.write(compressed) == compressed.size();
    };
    bool ok = put(manifest);
    for (const QByteArray &line : std::as_const(lines))
        ok = ok && put(line);
    ok = ok && put(trailer);
    if (!ok || !file.commit())
        return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
    return int(lines.size());
}

Result<BundleVerification> EvidenceBundle::verify(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    const QByteArray bytes = file.readAll();
    BundleVerification report;

    // The frames, each decompressed on its own; one that fails is a damaged line.
    QList<std::optional<QByteArray>> frames;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const size_t size = ZSTD_findFrameCompressedSize(bytes.constData() + at, size_t(bytes.size() - at));
        if (ZSTD_isError(size)) {
            frames.append(std::nullopt); // the rest cannot be split into lines any more
            break;
        }
        const unsigned long long content = ZSTD_getFrameContentSize(bytes.constData() + at, size);
        std::optional<QByteArray> line;
        if (content != ZSTD_CONTENTSIZE_ERROR && content != ZSTD_CONTENTSIZE_UNKNOWN && content < (1ULL << 31)) {
            QByteArray out(qsizetype(content), Qt::Uninitialized);
            const size_t produced = ZSTD_decompress(out.data(), size_t(out.size()), bytes.constData() + at, size);
            if (!ZSTD_isError(produced) && produced == content)
                line = out;
        }
        frames.append(line);
        at += qsizetype(size);
    }
    if (frames.isEmpty() || !frames.first())
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("%1: the manifest is damaged; nothing in the bundle can be trusted").arg(path) };

    auto manifest = StrictJson::parseObject(*frames.first(), QStringLiteral("%1, manifest").arg(path));
    if (!manifest || manifest->value(u"format").toString() != Format)
        return Error { Error::Code::Invalid, QStringLiteral("%1 is not a SnapScope evidence bundle").arg(path) };
    report.info.caseId = manifest->value(u"case").toString();
    report.info.exportedBy = manifest->value(u"exported_by").toString();
    report.info.host = manifest->value(u"host").toString();
    report.info.exportedAt = qint64(manifest->value(u"exported_at").toDouble());
    const QJsonArray entries = manifest->value(u"snapshots").toArray();
    report.snapshots = int(entries.size());

    // The last line holds the manifest's own digest.
    const std::optional<QByteArray> &last = frames.last();
    QJsonObject trailer;
    if (last && frames.size() >= 2) {
        if (auto parsed = StrictJson::parseObject(*last, path))
            trailer = *parsed;
    }
    if (trailer.value(u"manifest_sha256").toString() != sha(*frames.first()))
        report.problems.append(
            QStringLiteral("the manifest (case, who, when, or the list of checksums) was altered, or "
                           "its digest line is missing"));
    const qsizetype snapshotFrames = frames.size() - 2;
    if (snapshotFrames != entries.size())
        report.problems.append(QStringLiteral("the manifest lists %1 snapshot(s) but the bundle holds %2")
                                   .arg(entries.size())
                                   .arg(std::max<qsizetype>(0, snapshotFrames)));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString id = entry.value(u"id").toString();
        const QString name = QStringLiteral("snapshot %1 (%2 %3 v%4)")
                                 .arg(id, entry.value(u"kind").toString(), entry.value(u"entity_id").toString())
                                 .arg(entry.value(u"version").toInt());
        if (i + 1 >= frames.size() - 1) {
            report.problems.append(QStringLiteral("%1 is missing").arg(name));
            continue;
        }
        const std::optional<QByteArray> &line = frames.at(i + 1);
        if (!line) {
            report.problems.append(
                QStringLiteral("%1: its line is damaged (the compressed bytes fail their checksum)").arg(name));
            continue;
        }
        auto row = SnapshotArchive::parseLine(*line, name);
        if (!row) {
            report.problems.append(row.error().message);
            continue;
        }
        if (row->header.id != id)
            report.problems.append(QStringLiteral("%1: the line holds snapshot %2 instead").arg(name, row->header.id));
        else if (row->header.checksum != entry.value(u"checksum").toString())
            report.problems.append(
                QStringLiteral("%1: its payload differs from the one exported (checksum %2, manifest "
                               "%3)")
                    .arg(name, row->header.checksum.left(12), entry.value(u"checksum").toString().left(12)));
        else if (sha(*line) != entry.value(u"line_sha256").toString())
            report.problems.append(
                QStringLiteral("%1: its metadata (time, type, trigger, …) differs from what was exported").arg(name));
    }
    return report;
}
