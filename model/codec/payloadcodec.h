#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QString>

#include <memory>

#include "domain/error.h"

struct EncodedPayload
{
    QString codec; // "identity", "zstd" or "zstd-dict:N"
    QByteArray blob;
    QString checksum; // SHA-256 hex of the uncompressed bytes
    qint64 rawSize = 0;
};

// A trained zstd dictionary as stored in zstd_dictionaries.
struct CompressionDictionary
{
    int id = 0;
    QString kind;
    QByteArray bytes;
};

// Turns canonical payload bytes into stored bytes and back, verifying every read (DESIGN §4).
// Thread-safe: compression contexts are per thread, dictionaries are shared read-only.
class PayloadCodec
{
public:
    static constexpr int DefaultLevel = 3;
    // Below this many bytes a zstd frame costs more than it saves.
    static constexpr qint64 IdentityThreshold = 64;
    // A stored raw_size above this is treated as corrupt rather than allocated.
    static constexpr qint64 MaxPayloadBytes = 512LL * 1024 * 1024;

    explicit PayloadCodec(int level = DefaultLevel);
    ~PayloadCodec();
    PayloadCodec(const PayloadCodec &) = delete;
    PayloadCodec &operator=(const PayloadCodec &) = delete;

    int level() const { return m_level; }
    void setLevel(int level);

    // Makes a dictionary known for decoding; with `activeForKind` new payloads of its kind are encoded with it.
    Status addDictionary(const CompressionDictionary &dictionary, bool activeForKind);
    int activeDictionaryId(const QString &kind) const;

    EncodedPayload encode(const QString &kind, const QByteArray &raw) const;
    // An empty checksum skips the SHA-256 check (the zstd frame's CRC-32C is still checked): a delta's checksum is
    // that of the state it materializes to.
    Result<QByteArray> decode(
        const QString &codec, const QByteArray &blob, qint64 rawSize, const QString &checksum) const;

    static QString checksumOf(const QByteArray &bytes);
    // The codec name of payloads compressed with dictionary `id`.
    static QString dictionaryCodec(int id) { return QStringLiteral("zstd-dict:") + QString::number(id); }
    // A dictionary's own checksum, bound to its id and kind (issue 21: one damaged dictionary row used to make the
    // whole store unusable, other damage read as hundreds of payload checksum mismatches).
    static QString dictionaryChecksum(int id, const QString &kind, const QByteArray &bytes);
    // A dictionary that failed its checksum or cannot be loaded: the payloads that need it are unreadable and name it;
    // everything else reads as before.
    void markDamaged(int id, const QString &kind, const QString &reason);
    // "dictionary 3 (order): its checksum does not match", one per damaged dictionary.
    QStringList damagedDictionaries() const;
    // Incremental snapshots (RFC 6902 patches) compress with a dictionary of their own, trained on patches: the
    // kind's dictionary knows its documents, not the operations that change them.
    static QString deltaKey(const QString &kind) { return kind + QStringLiteral("/delta"); }
    static bool isDeltaKey(const QString &key) { return key.endsWith(QStringLiteral("/delta")); }
    static QString kindOfKey(const QString &key) { return isDeltaKey(key) ? key.chopped(6) : key; }
    // ZDICT_trainFromBuffer over the samples; fails when there are too few samples to learn from.
    static Result<QByteArray> trainDictionary(const QList<QByteArray> &samples, int capacityBytes = 32 * 1024);

private:
    struct Dictionary;
    std::shared_ptr<const Dictionary> dictionary(int id) const;

    int m_level = DefaultLevel;
    mutable QReadWriteLock m_lock;
    QHash<int, std::shared_ptr<const Dictionary>> m_dictionaries;
    QHash<QString, int> m_activeByKind;
    QHash<int, std::pair<QString, QString>> m_damaged; // id -> ("dictionary N (kind)", why)
};
