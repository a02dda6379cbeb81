#include "payloadcodec.h"

#include "codec/sha256.h"

#include <algorithm>
#include <array>

#include <zdict.h>
#include <zstd.h>

namespace {

struct CCtxDeleter
{
    void operator()(ZSTD_CCtx *context) const { ZSTD_freeCCtx(context); }
};
struct DCtxDeleter
{
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};

ZSTD_CCtx *threadCompressionContext()
{
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx *threadDecompressionContext()
{
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxDeleter> context(ZSTD_createDCtx());
    return context.get();
}

// Every stored zstd frame is followed by the CRC-32C of its bytes. The SHA-256 column guards the content, but zstd
// ignores some header bits and allows redundant entropy encodings, so a damaged frame can still decode to the right
// bytes; the CRC catches every single-bit (and every burst up to 32 bits) error in what is actually stored.
constexpr qsizetype FrameTrailerBytes = 4;

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82F63B78U : c >> 1; // Castagnoli polynomial, reflected
            t[i] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32c(const char *data, qsizetype size)
{
    const auto &table = crcTable();
    quint32 crc = 0xFFFFFFFFU;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFU;
}

void writeTrailer(char *at, quint32 crc)
{
    for (int i = 0; i < 4; ++i)
        at[i] = char((crc >> (8 * i)) & 0xFF);
}

quint32 readTrailer(const char *at)
{
    quint32 crc = 0;
    for (int i = 0; i < 4; ++i)
        crc |= quint32(quint8(at[i])) << (8 * i);
    return crc;
}

const QString IdentityCodec = QStringLiteral("identity");
const QString ZstdCodec = QStringLiteral("zstd");
const QString DictPrefix = QStringLiteral("zstd-dict:");

} // namespace

struct PayloadCodec::Dictionary
{
    int id = 0;
    QString kind;
    ZSTD_CDict *cdict = nullptr;
    ZSTD_DDict *ddict = nullptr;
    ~Dictionary()
    {
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
    }
};

PayloadCodec::PayloadCodec(int level)
    : m_level(level)
{ }

PayloadCodec::~PayloadCodec() = default;

void PayloadCodec::setLevel(int level)
{
    m_level = qBound(1, level, ZSTD_maxCLevel());
}

Status PayloadCodec::addDictionary(const CompressionDictionary &dictionary, bool activeForKind)
{
    auto entry = std::make_shared<Dictionary>();
    entry->id = dictionary.id;
    entry->kind = dictionary.kind;
    entry->cdict = ZSTD_createCDict(dictionary.bytes.constData(), size_t(dictionary.bytes.size()), m_level);
    entry->ddict = ZSTD_createDDict(dictionary.bytes.constData(), size_t(dictionary.bytes.size()));
    if (!entry->cdict || !entry->ddict) {
        return Error { Error::Code::UnknownDictionary,
            QStringLiteral("zstd dictionary %1 for kind %2 is not usable").arg(dictionary.id).arg(dictionary.kind) };
    }
    QWriteLocker locker(&m_lock);
    m_damaged.remove(dictionary.id);
    m_dictionaries.insert(dictionary.id, std::move(entry));
    if (activeForKind)
        m_activeByKind.insert(dictionary.kind, dictionary.id);
    return {};
}

QString PayloadCodec::dictionaryChecksum(int id, const QString &kind, const QByteArray &bytes)
{
    return checksumOf("snapscope-dictionary-1\x1f" + QByteArray::number(id) + '\x1f' + kind.toUtf8() + '\x1f' + bytes);
}

void PayloadCodec::markDamaged(int id, const QString &kind, const QString &reason)
{
    QWriteLocker locker(&m_lock);
    m_dictionaries.remove(id);
    if (m_activeByKind.value(kind) == id)
        m_activeByKind.remove(kind); // new payloads of the kind go without a dictionary
    m_damaged.insert(id, { QStringLiteral("dictionary %1 (%2)").arg(id).arg(kind), reason });
}

QStringList PayloadCodec::damagedDictionaries() const
{
    QReadLocker locker(&m_lock);
    QList<int> ids = m_damaged.keys();
    std::sort(ids.begin(), ids.end());
    QStringList out;
    for (int id : std::as_const(ids)) {
        const auto [name, reason] = m_damaged.value(id);
        out.append(name + QStringLiteral(": ") + reason);
    }
    return out;
}

int PayloadCodec::activeDictionaryId(const QString &kind) const
{
    QReadLocker locker(&m_lock);
    return m_activeByKind.value(kind, 0);
}

std::shared_ptr<const PayloadCodec::Dictionary> PayloadCodec::dictionary(int id) const
{
    QReadLocker locker(&m_lock);
    return m_dictionaries.value(id);
}

QString PayloadCodec::checksumOf(const QByteArray &bytes)
{
    return QString::fromLatin1(Sha256::hash(bytes).toHex());
}

EncodedPayload PayloadCodec::encode(const QString &kind, const QByteArray &raw) const
{
    EncodedPayload out;
    out.rawSize = raw.size();
    out.checksum = checksumOf(raw);
    if (raw.size() < IdentityThreshold) {
        out.codec = IdentityCodec;
        out.blob = raw;
        return out;
    }

    std::shared_ptr<const Dictionary> dict;
    if (const int dictId = activeDictionaryId(kind))
        dict = dictionary(dictId);

    ZSTD_CCtx *context = threadCompressionContext();
    ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, m_level);
    // The SHA-256 column already guards the content and the codec column names the dictionary, so the frame's
    // own checksum and dictionary id would be bytes paid twice on every small payload.
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0);
    if (dict)
        ZSTD_CCtx_refCDict(context, dict->cdict);

    QByteArray blob(qsizetype(ZSTD_compressBound(size_t(raw.size()))) + FrameTrailerBytes, Qt::Uninitialized);
    const size_t written
        = ZSTD_compress2(context, blob.data(), size_t(blob.size()), raw.constData(), size_t(raw.size()));
    if (ZSTD_isError(written) || qint64(written) + FrameTrailerBytes >= raw.size()) {
        // Incompressible (or, impossibly, a compressor failure): store the bytes as they are.
        out.codec = IdentityCodec;
        out.blob = raw;
        return out;
    }
    writeTrailer(blob.data() + written, crc32c(blob.constData(), qsizetype(written)));
    blob.truncate(qsizetype(written) + FrameTrailerBytes);
    out.blob = std::move(blob);
    out.codec = dict ? dictionaryCodec(dict->id) : ZstdCodec;
    return out;
}

Result<QByteArray> PayloadCodec::decode(
    const QString &codec, const QByteArray &blob, qint64 rawSize, const QString &checksum) const
{
    const auto verify = [&](QByteArray bytes) -> Result<QByteArray> {
        if (checksum.isEmpty())
            return bytes; // a delta: its checksum is of the state it materializes to, checked by the store
        const QString actual = checksumOf(bytes);
        if (actual.compare(checksum, Qt::CaseInsensitive) != 0) {
            return Error { Error::Code::ChecksumMismatch,
                QStringLiteral("checksum mismatch: stored %1, payload hashes to %2")
                    .arg(checksum.left(12), actual.left(12)) };
        }
        return bytes;
    };

    if (codec == IdentityCodec) {
        if (blob.size() != rawSize) {
            return Error { Error::Code::CorruptFrame,
                QStringLiteral("stored payload is %1 bytes, expected %2").arg(blob.size()).arg(rawSize) };
        }
        return verify(blob);
    }

    std::shared_ptr<const Dictionary> dict;
    if (codec.startsWith(DictPrefix)) {
        bool numeric = false;
        const int id = codec.mid(DictPrefix.size()).toInt(&numeric);
        if (!numeric)
            return Error { Error::Code::UnknownCodec, QStringLiteral("unknown codec \"%1\"").arg(codec) };
        dict = dictionary(id);
        if (!dict) {
            QReadLocker locker(&m_lock);
            if (const auto damaged = m_damaged.constFind(id); damaged != m_damaged.constEnd())
                return Error { Error::Code::ChecksumMismatch,
                    QStringLiteral("payload needs %1, which is damaged: %2").arg(damaged->first, damaged->second) };
        }
        if (!dict) {
            return Error { Error::Code::UnknownDictionary,
                QStringLiteral("payload needs zstd dictionary %1, which this database does not have").arg(id) };
        }
    } else if (codec != ZstdCodec) {
        return Error { Error::Code::UnknownCodec, QStringLiteral("unknown codec \"%1\"").arg(codec) };
    }

    if (rawSize < 0 || rawSize > MaxPayloadBytes) {
        return Error { Error::Code::CorruptFrame, QStringLiteral("implausible payload size %1").arg(rawSize) };
    }
    if (blob.size() <= FrameTrailerBytes)
        return Error { Error::Code::CorruptFrame,
            QStringLiteral("stored frame is truncated (%1 bytes)").arg(blob.size()) };
    const qsizetype frameBytes = blob.size() - FrameTrailerBytes;
    if (crc32c(blob.constData(), frameBytes) != readTrailer(blob.constData() + frameBytes))
        return Error { Error::Code::CorruptFrame, QStringLiteral("stored frame fails its CRC-32C") };
    const QByteArrayView frame(blob.constData(), frameBytes);
    const unsigned long long frameSize = ZSTD_getFrameContentSize(frame.data(), size_t(frame.size()));
    if (frameSize == ZSTD_CONTENTSIZE_ERROR)
        return Error { Error::Code::CorruptFrame, QStringLiteral("corrupt zstd frame header") };
    if (frameSize == ZSTD_CONTENTSIZE_UNKNOWN || frameSize != static_cast<unsigned long long>(rawSize)) {
        return Error { Error::Code::CorruptFrame,
            QStringLiteral("zstd frame declares %1 bytes, expected %2").arg(frameSize).arg(rawSize) };
    }

    QByteArray raw(qsizetype(rawSize), Qt::Uninitialized);
    ZSTD_DCtx *context = threadDecompressionContext();
    ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);
    const size_t produced = ZSTD_decompress_usingDDict(
        context, raw.data(), size_t(raw.size()), frame.data(), size_t(frame.size()), dict ? dict->ddict : nullptr);
    if (ZSTD_isError(produced)) {
        return Error { Error::Code::CorruptFrame,
            QStringLiteral("corrupt zstd frame: %1").arg(QString::fromLatin1(ZSTD_getErrorName(produced))) };
    }
    if (qint64(produced) != rawSize) {
        return Error { Error::Code::CorruptFrame,
            QStringLiteral("zstd frame decoded to %1 bytes, expected %2").arg(produced).arg(rawSize) };
    }
    return verify(std::move(raw));
}

Result<QByteArray> PayloadCodec::trainDictionary(const QList<QByteArray> &samples, int capacityBytes)
{
    if (samples.size() < 8) {
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 samples are too few to train a dictionary (need at least 8)").arg(samples.size()) };
    }
    QByteArray joined;
    std::vector<size_t> sizes;
    sizes.reserve(size_t(samples.size()));
    for (const QByteArray &sample : samples) {
        joined.append(sample);
        sizes.push_back(size_t(sample.size()));
    }
    QByteArray dictionary(capacityBytes, Qt::Uninitialized);
    const size_t size = ZDICT_trainFromBuffer(
        dictionary.data(), size_t(dictionary.size()), joined.constData(), sizes.data(), unsigned(sizes.size()));
    if (ZDICT_isError(size)) {
        return Error { Error::Code::Invalid,
            QStringLiteral("dictionary training failed: %1").arg(QString::fromLatin1(ZDICT_getErrorName(size))) };
    }
    dictionary.truncate(qsizetype(size));
    return dictionary;
}
