#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

#include "codec/payloadcodec.h"
#include "codec/sha256.h"
#include "domain/kindregistry.h"
#include "ops/demogenerator.h"

class TestPayloadCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripEveryKind_data();
    void roundTripEveryKind();
    void tinyPayloadsAreStoredAsIs();
    void everyFlippedBitIsDetected_data();
    void everyFlippedBitIsDetected();
    void truncatedFramesAreErrors();
    void wrongDictionaryIsAnError();
    void unknownDictionaryAndCodec();
    void checksumMismatch();
    void implausibleSizeIsRefused();
    void trainingNeedsSamples();
    void sha256MatchesReference();

private:
    QHash<QString, QList<QByteArray>> m_samples;
    std::unique_ptr<PayloadCodec> m_withDictionaries;
};

void TestPayloadCodec::initTestCase()
{
    m_samples = DemoGenerator::samplePayloads(7, 300);
    m_withDictionaries = std::make_unique<PayloadCodec>();
    int id = 1;
    // Every kind the demo writes has samples: many of each, but of the stock service's schedules (one or two
    // versions per tenant), which is left to plain zstd.
    QVERIFY(m_samples.size() >= 10);
    QVERIFY(!m_samples.value(QStringLiteral("stock_schedule")).isEmpty());
    for (const KindDefinition *kind : KindRegistry::all()) {
        if (!m_samples.contains(kind->id) || kind->id == u"stock_schedule")
            continue;
        QVERIFY2(m_samples.value(kind->id).size() >= 8, qPrintable(kind->id));
        auto dictionary = PayloadCodec::trainDictionary(m_samples.value(kind->id), 8 * 1024);
        if (!dictionary)
            continue; // stock has a handful of large payloads; it is tested with plain zstd
        QVERIFY(m_withDictionaries->addDictionary({ id++, kind->id, *dictionary }, true).ok());
    }
    QVERIFY(m_withDictionaries->activeDictionaryId(QStringLiteral("chat")) > 0);
    QVERIFY(m_withDictionaries->activeDictionaryId(QStringLiteral("order")) > 0);
}

void TestPayloadCodec::roundTripEveryKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("dictionary");
    for (const KindDefinition *kind : KindRegistry::all()) {
        if (kind->id == u"stock_schedule")
            continue; // the demo writes none (schedules are the stock service's configuration, not business state)
        QTest::addRow("%s plain", qPrintable(kind->id)) << kind->id << false;
        QTest::addRow("%s dictionary", qPrintable(kind->id)) << kind->id << true;
    }
}

void TestPayloadCodec::roundTripEveryKind()
{
    QFETCH(QString, kind);
    QFETCH(bool, dictionary);
    PayloadCodec plain;
    const PayloadCodec &codec = dictionary ? *m_withDictionaries : plain;
    const QList<QByteArray> payloads = m_samples.value(kind);
    QVERIFY(!payloads.isEmpty());
    qint64 raw = 0, stored = 0;
    for (const QByteArray &payload : payloads) {
        const EncodedPayload encoded = codec.encode(kind, payload);
        QCOMPARE(encoded.rawSize, payload.size());
        QCOMPARE(encoded.checksum, PayloadCodec::checksumOf(payload));
        if (dictionary && codec.activeDictionaryId(kind) > 0)
            QVERIFY2(encoded.codec.startsWith(QStringLiteral("zstd-dict:")), qPrintable(encoded.codec));
        auto decoded = codec.decode(encoded.codec, encoded.blob, encoded.rawSize, encoded.checksum);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QCOMPARE(*decoded, payload);
        raw += payload.size();
        stored += encoded.blob.size();
    }
    QVERIFY2(stored < raw, "compression must make the demo payloads smaller");
}

void TestPayloadCodec::tinyPayloadsAreStoredAsIs()
{
    PayloadCodec codec;
    const QByteArray tiny = R"({"a":1})";
    const EncodedPayload encoded = codec.encode(QStringLiteral("order"), tiny);
    QCOMPARE(encoded.codec, QStringLiteral("identity"));
    QCOMPARE(encoded.blob, tiny);
    auto decoded = codec.decode(encoded.codec, encoded.blob, encoded.rawSize, encoded.checksum);
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, tiny);
}

void TestPayloadCodec::everyFlippedBitIsDetected_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("dictionary");
    QTest::newRow("order plain") << QStringLiteral("order") << false;
    QTest::newRow("order dictionary") << QStringLiteral("order") << true;
    QTest::newRow("chat dictionary") << QStringLiteral("chat") << true;
    QTest::newRow("daily_inventory dictionary") << QStringLiteral("daily_inventory") << true;
}

void TestPayloadCodec::everyFlippedBitIsDetected()
{
    QFETCH(QString, kind);
    QFETCH(bool, dictionary);
    PayloadCodec plain;
    const PayloadCodec &codec = dictionary ? *m_withDictionaries : plain;
    const QByteArray payload = m_samples.value(kind).value(3);
    const EncodedPayload encoded = codec.encode(kind, payload);
    QVERIFY(encoded.codec != u"identity");
    int detected = 0;
    // Every bit of every byte: each flip must come back as an integrity error, never as data and never as a crash.
    for (qsizetype position = 0; position < encoded.blob.size(); ++position) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray damaged = encoded.blob;
            damaged[position] = char(damaged.at(position) ^ (1 << bit));
            auto decoded = codec.decode(encoded.codec, damaged, encoded.rawSize, encoded.checksum);
            if (decoded.ok())
                QFAIL(qPrintable(QStringLiteral("flip of bit %1 at byte %2 went unnoticed").arg(bit).arg(position)));
            QVERIFY(decoded.error().isIntegrityError());
            ++detected;
        }
    }
    QCOMPARE(detected, encoded.blob.size() * 8);
}

void TestPayloadCodec::truncatedFramesAreErrors()
{
    const QByteArray payload = m_samples.value(QStringLiteral("chat")).value(5);
    for (const PayloadCodec *codec : { m_withDictionaries.get() }) {
        const EncodedPayload encoded = codec->encode(QStringLiteral("chat"), payload);
        for (qsizetype length = 0; length < encoded.blob.size(); ++length) {
            auto decoded = codec->decode(encoded.codec, encoded.blob.left(length), encoded.rawSize, encoded.checksum);
            QVERIFY2(!decoded.ok(), qPrintable(QStringLiteral("truncated to %1 bytes").arg(length)));
            QVERIFY(decoded.error().isIntegrityError());
        }
        // Trailing garbage is as wrong as missing bytes.
        auto extended
            = codec->decode(encoded.codec, encoded.blob + QByteArray("\x00\x01", 2), encoded.rawSize, encoded.checksum);
        QVERIFY(!extended.ok());
    }
}

void TestPayloadCodec::wrongDictionaryIsAnError()
{
    const QByteArray payload = m_samples.value(QStringLiteral("order")).value(1);
    const EncodedPayload encoded = m_withDictionaries->encode(QStringLiteral("order"), payload);
    const int orderDict = m_withDictionaries->activeDictionaryId(QStringLiteral("order"));
    const int chatDict = m_withDictionaries->activeDictionaryId(QStringLiteral("chat"));
    QVERIFY(orderDict != chatDict);
    auto decoded = m_withDictionaries->decode(
        QStringLiteral("zstd-dict:%1").arg(chatDict), encoded.blob, encoded.rawSize, encoded.checksum);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error().isIntegrityError());
    // And without any dictionary at all.
    auto plain = m_withDictionaries->decode(QStringLiteral("zstd"), encoded.blob, encoded.rawSize, encoded.checksum);
    QVERIFY(!plain.ok());
}

void TestPayloadCodec::unknownDictionaryAndCodec()
{
    PayloadCodec codec;
    const QByteArray payload = m_samples.value(QStringLiteral("order")).value(2);
    const EncodedPayload encoded = m_withDictionaries->encode(QStringLiteral("order"), payload);
    auto missing = codec.decode(encoded.codec, encoded.blob, encoded.rawSize, encoded.checksum);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::UnknownDictionary);
    auto unknown = codec.decode(QStringLiteral("brotli"), encoded.blob, encoded.rawSize, encoded.checksum);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::Code::UnknownCodec);
    auto badId = codec.decode(QStringLiteral("zstd-dict:x"), encoded.blob, encoded.rawSize, encoded.checksum);
    QCOMPARE(badId.error().code, Error::Code::UnknownCodec);
}

void TestPayloadCodec::checksumMismatch()
{
    PayloadCodec codec;
    const QByteArray payload = m_samples.value(QStringLiteral("account")).value(0);
    const EncodedPayload encoded = codec.encode(QStringLiteral("account"), payload);
    QString wrong = encoded.checksum;
    wrong[0] = wrong.at(0) == u'0' ? u'1' : u'0';
    auto decoded = codec.decode(encoded.codec, encoded.blob, encoded.rawSize, wrong);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, Error::Code::ChecksumMismatch);
}

void TestPayloadCodec::implausibleSizeIsRefused()
{
    PayloadCodec codec;
    const QByteArray payload = m_samples.value(QStringLiteral("order")).value(0);
    const EncodedPayload encoded = codec.encode(QStringLiteral("order"), payload);
    auto huge = codec.decode(encoded.codec, encoded.blob, qint64(1) << 40, encoded.checksum);
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().code, Error::Code::CorruptFrame);
    auto negative = codec.decode(encoded.codec, encoded.blob, -5, encoded.checksum);
    QVERIFY(!negative.ok());
    auto wrongSize = codec.decode(encoded.codec, encoded.blob, encoded.rawSize - 1, encoded.checksum);
    QVERIFY(!wrongSize.ok());
}

void TestPayloadCodec::trainingNeedsSamples()
{
    auto tooFew = PayloadCodec::trainDictionary({ QByteArray("{}"), QByteArray("{}") });
    QVERIFY(!tooFew.ok());
    QCOMPARE(tooFew.error().code, Error::Code::Invalid);
}

// The accelerated SHA-256 against Qt's portable one: every length across the padding boundaries (0..300 bytes),
// then larger random inputs, and the FIPS 180-4 "abc" vector.
void TestPayloadCodec::sha256MatchesReference()
{
    QCOMPARE(
        Sha256::hash("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QByteArray data;
    quint32 x = 12345;
    for (int size = 0; size <= 300; ++size) {
        QCOMPARE(Sha256::hash(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        x = x * 1664525u + 1013904223u;
        data.append(char(x >> 24));
    }
    for (int size : { 1000, 4095, 4096, 65537 }) {
        data.resize(size);
        for (char &c : data) {
            x = x * 1664525u + 1013904223u;
            c = char(x >> 24);
        }
        QCOMPARE(Sha256::hash(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }
    qInfo("SHA extensions used: %s", Sha256::hardwareAccelerated() ? "yes" : "no");
}

QTEST_GUILESS_MAIN(TestPayloadCodec)
#include "tst_payloadcodec.moc"
