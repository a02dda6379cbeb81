// Foundation benchmark (issue 2): put throughput on SQLite and PostgreSQL, storage size and speed of zstd-3,
// zstd-3 with a trained dictionary and zlib level 6 per kind, and load + verify latency of a typical snapshot.
// Prints its figures; it asserts nothing. Run: build/release/tests/bench/bench_foundation [--pg "KEYWORDS"]
// [--snapshots N]. The PostgreSQL database given with --pg must be a throwaway one: the benchmark writes into it.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "codec/payloadcodec.h"
#include "domain/kindregistry.h"
#include "domain/snapshotid.h"
#include "ops/demogenerator.h"
#include "store/connectionspec.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double megabytesPerSecond(qint64 bytes, qint64 nanoseconds)
{
    return nanoseconds > 0 ? double(bytes) / 1e6 / (double(nanoseconds) / 1e9) : 0.0;
}

// Runs `work` over all samples enough times to take at least ~0.2 s; returns nanoseconds per pass.
template <typename Work> qint64 timePerPass(const Work &work)
{
    QElapsedTimer timer;
    timer.start();
    int passes = 0;
    do {
        work();
        ++passes;
    } while (timer.nsecsElapsed() < 200'000'000);
    return timer.nsecsElapsed() / passes;
}

struct CodecRow
{
    qint64 stored = 0;
    qint64 compressNs = 0;
    qint64 decompressNs = 0;
};

// Sizes come from the codec the store uses (PayloadCodec: zstd frame + 4-byte CRC trailer); speeds from the bare
// compressors, so the SHA-256 the store adds is not counted against zstd.
void benchCodecs()
{
    // Dictionaries are trained on one seed's payloads and measured on another's, as a real store trains on history
    // and compresses what comes next.
    const auto training = DemoGenerator::samplePayloads(7, 400);
    const auto samples = DemoGenerator::samplePayloads(42, 400);

    out() << "\n== Storage per kind ("
          << "demo payloads, seed 42; dictionaries trained on seed 7) ==\n";
    out() << QStringLiteral("%1 %2 %3 | %4 %5 %6 | %7 %8 %9 | %10 %11 %12 | %13\n")
                 .arg(QStringLiteral("kind"), -16)
                 .arg(QStringLiteral("n"), 5)
                 .arg(QStringLiteral("raw KB"), 8)
                 .arg(QStringLiteral("zstd3 %"), 8)
                 .arg(QStringLiteral("c MB/s"), 7)
                 .arg(QStringLiteral("d MB/s"), 7)
                 .arg(QStringLiteral("dict %"), 8)
                 .arg(QStringLiteral("c MB/s"), 7)
                 .arg(QStringLiteral("d MB/s"), 7)
                 .arg(QStringLiteral("zlib6 %"), 8)
                 .arg(QStringLiteral("c MB/s"), 7)
                 .arg(QStringLiteral("d MB/s"), 7)
                 .arg(QStringLiteral("dict/zlib"), 9);
    out().flush();

    qint64 totalRaw = 0, totalZstd = 0, totalDict = 0, totalZlib = 0;
    for (const KindDefinition *kind : KindRegistry::all()) {
        const QList<QByteArray> payloads = samples.value(kind->id);
        if (payloads.isEmpty())
            continue;
        qint64 raw = 0;
        for (const QByteArray &p : payloads)
            raw += p.size();

        PayloadCodec plain;
        PayloadCodec withDictionary;
        const auto dictionary = PayloadCodec::trainDictionary(training.value(kind->id));
        const bool haveDictionary
            = bool(dictionary) && bool(withDictionary.addDictionary({ 1, kind->id, *dictionary }, true));

        CodecRow zstd, dict, zlib;
        for (const QByteArray &p : payloads) {
            zstd.stored += plain.encode(kind->id, p).blob.size();
            dict.stored += withDictionary.encode(kind->id, p).blob.size();
            zlib.stored += qCompress(p, 6).size();
        }

        // Bare compressor speeds.
        ZSTD_CCtx *cctx = ZSTD_createCCtx();
        ZSTD_DCtx *dctx = ZSTD_createDCtx();
        ZSTD_CDict *cdict
            = haveDictionary ? ZSTD_createCDict(dictionary->constData(), size_t(dictionary->size()), 3) : nullptr;
        ZSTD_DDict *ddict
            = haveDictionary ? ZSTD_createDDict(dictionary->constData(), size_t(dictionary->size())) : nullptr;
        std::vector<QByteArray> zstdFrames, dictFrames, zlibFrames;
        QByteArray buffer;
        const auto compress = [&](const QByteArray &p, const ZSTD_CDict *d) {
            buffer.resize(qsizetype(ZSTD_compressBound(size_t(p.size()))));
            const size_t n = d
                ? ZSTD_compress_usingCDict(
                    cctx, buffer.data(), size_t(buffer.size()), p.constData(), size_t(p.size()), d)
                : ZSTD_compressCCtx(cctx, buffer.data(), size_t(buffer.size()), p.constData(), size_t(p.size()), 3);
            return buffer.left(qsizetype(n));
        };
        for (const QByteArray &p : payloads) {
            zstdFrames.push_back(compress(p, nullptr));
            if (cdict)
                dictFrames.push_back(compress(p, cdict));
            zlibFrames.push_back(qCompress(p, 6));
        }
        zstd.compressNs = timePerPass([&] {
            for (const QByteArray &p : payloads)
                compress(p, nullptr);
        });
        QByteArray target;
        zstd.decompressNs = timePerPass([&] {
            for (size_t i = 0; i < zstdFrames.size(); ++i) {
                target.resize(payloads.at(qsizetype(i)).size());
                ZSTD_decompressDCtx(dctx, target.data(), size_t(target.size()), zstdFrames[i].constData(),
                    size_t(zstdFrames[i].size()));
            }
        });
        if (cdict) {
            dict.compressNs = timePerPass([&] {
                for (const QByteArray &p : payloads)
                    compress(p, cdict);
            });
            dict.decompressNs = timePerPass([&] {
                for (size_t i = 0; i < dictFrames.size(); ++i) {
                    target.resize(payloads.at(qsizetype(i)).size());
                    ZSTD_decompress_usingDDict(dctx, target.data(), size_t(target.size()), dictFrames[i].constData(),
                        size_t(dictFrames[i].size()), ddict);
                }
            });
        }
        zlib.compressNs = timePerPass([&] {
            for (const QByteArray &p : payloads)
                qCompress(p, 6);
        });
        zlib.decompressNs = timePerPass([&] {
            for (const QByteArray &frame : zlibFrames)
                qUncompress(frame);
        });
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
        ZSTD_freeDCtx(dctx);
        ZSTD_freeCCtx(cctx);

        const auto percent
            = [&](qint64 stored) { return QString::number(100.0 * double(stored) / double(raw), 'f', 1); };
        const auto speed = [&](qint64 ns) { return QString::number(megabytesPerSecond(raw, ns), 'f', 0); };
        out() << QStringLiteral("%1 %2 %3 | %4 %5 %6 | %7 %8 %9 | %10 %11 %12 | %13\n")
                     .arg(kind->id, -16)
                     .arg(payloads.size(), 5)
                     .arg(QString::number(double(raw) / 1024.0, 'f', 1), 8)
                     .arg(percent(zstd.stored), 8)
                     .arg(speed(zstd.compressNs), 7)
                     .arg(speed(zstd.decompressNs), 7)
                     .arg(haveDictionary ? percent(dict.stored) : QStringLiteral("-"), 8)
                     .arg(haveDictionary ? speed(dict.compressNs) : QStringLiteral("-"), 7)
                     .arg(haveDictionary ? speed(dict.decompressNs) : QStringLiteral("-"), 7)
                     .arg(percent(zlib.stored), 8)
                     .arg(speed(zlib.compressNs), 7)
                     .arg(speed(zlib.decompressNs), 7)
                     .arg(QString::number(100.0 * double(dict.stored) / double(zlib.stored), 'f', 1) + u'%', 9);
        out().flush();
        totalRaw += raw;
        totalZstd += zstd.stored;
        totalDict += dict.stored;
        totalZlib += zlib.stored;
    }
    out() << QStringLiteral("all kinds: raw %1 KB, zstd-3 %2%, zstd-3+dict %3%, zlib-6 %4%\n")
                 .arg(totalRaw / 1024)
                 .arg(100.0 * double(totalZstd) / double(totalRaw), 0, 'f', 1)
                 .arg(100.0 * double(totalDict) / double(totalRaw), 0, 'f', 1)
                 .arg(100.0 * double(totalZlib) / double(totalRaw), 0, 'f', 1);
}

// Snapshots built from demo payloads, each its own entity version chain of a few versions, in time order.
// Reading stored payloads (issue 21): CanonicalJson::read keeps numbers a double cannot hold, at the cost of a quick
// scan and, for payloads with a long number run, a strict pass; QJsonDocument alone for comparison. Writing the
// canonical form, which also looks for kept numbers.
void benchJson()
{
    out() << "\n== JSON: read stored payloads, write the canonical form ==\n";
    QList<QByteArray> payloads;
    qint64 bytes = 0;
    for (const QList<QByteArray> &kind : DemoGenerator::samplePayloads(7, 1000)) {
        for (const QByteArray &payload : kind) {
            payloads.append(payload);
            bytes += payload.size();
        }
    }
    // The same payloads with one exact number each: the slow path every time.
    QList<QByteArray> exact;
    for (const QByteArray &payload : std::as_const(payloads))
        exact.append(payload.chopped(1) + R"(,"zz_exact":12345678901234567890.0123})");
    QList<QJsonObject> objects;
    for (const QByteArray &payload : std::as_const(payloads))
        objects.append(CanonicalJson::read(payload));
    volatile qsizetype sink = 0;
    const qint64 qt = timePerPass([&] {
        for (const QByteArray &payload : std::as_const(payloads))
            sink = sink + QJsonDocument::fromJson(payload).object().size();
    });
    const qint64 ours = timePerPass([&] {
        for (const QByteArray &payload : std::as_const(payloads))
            sink = sink + CanonicalJson::read(payload).size();
    });
    const qint64 slow = timePerPass([&] {
        for (const QByteArray &payload : std::as_const(exact))
            sink = sink + CanonicalJson::read(payload).size();
    });
    const qint64 write = timePerPass([&] {
        for (const QJsonObject &object : std::as_const(objects))
            sink = sink + CanonicalJson::write(object).size();
    });
    out() << QStringLiteral("%1 demo payloads, %2 MB\n").arg(payloads.size()).arg(double(bytes) / 1e6, 0, 'f', 1);
    out() << QStringLiteral("QJsonDocument::fromJson       %1 MB/s\n").arg(megabytesPerSecond(bytes, qt), 0, 'f', 0);
    out() << QStringLiteral("CanonicalJson::read           %1 MB/s\n").arg(megabytesPerSecond(bytes, ours), 0, 'f', 0);
    out() << QStringLiteral("  with an exact number each   %1 MB/s\n").arg(megabytesPerSecond(bytes, slow), 0, 'f', 0);
    out() << QStringLiteral("CanonicalJson::write          %1 MB/s\n").arg(megabytesPerSecond(bytes, write), 0, 'f', 0);
    out().flush();
}

QList<NewSnapshot> makeSnapshots(int count)
{
    const auto samples = DemoGenerator::samplePayloads(42, 300);
    QList<NewSnapshot> result;
    result.reserve(count);
    const QStringList kinds = KindRegistry::ids();
    const EpochMs start = 1767225600000; // 2026-01-01T00:00:00Z
    for (int i = 0; i < count; ++i) {
        const QString &kind = kinds.at(i % kinds.size());
        const QList<QByteArray> &payloads = samples[kind];
        if (payloads.isEmpty())
            continue;
        NewSnapshot s;
        s.tenant = QStringLiteral("bench");
        s.kind = kind;
        s.entityId = QStringLiteral("E%1").arg(i / (kinds.size() * 4));
        s.takenAt = start + qint64(i) * 1000;
        s.type = QStringLiteral("scheduled");
        s.payload = QJsonDocument::fromJson(payloads.at((i / kinds.size()) % payloads.size())).object();
        result.append(std::move(s));
    }
    return result;
}

bool benchPut(SnapshotStore &store, const QString &label, const QList<NewSnapshot> &snapshots)
{
    if (Status s = store.putTenant({ QStringLiteral("bench"), QStringLiteral("Bench"), QStringLiteral("Asia/Bangkok"),
            QStringLiteral("THB") });
        !s) {
        std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(s.error().message));
        return false;
    }
    constexpr qsizetype Batch = 4000;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < snapshots.size(); i += Batch) {
        const auto written = store.putBatch(snapshots.mid(i, Batch));
        if (!written) {
            std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(written.error().message));
            return false;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    out() << QStringLiteral("put %1: %2 snapshots in %3 s = %4 snapshots/s (batches of %5, one transaction each)\n")
                 .arg(label)
                 .arg(snapshots.size())
                 .arg(seconds, 0, 'f', 2)
                 .arg(double(snapshots.size()) / seconds, 0, 'f', 0)
                 .arg(Batch);
    out().flush();
    return true;
}

void benchLoad(SnapshotStore &store, const QString &tenant)
{
    // Typical snapshots: raw size between 1.5 and 2.5 KB, the size of an order or a chat conversation.
    std::vector<QString> ids;
    SnapshotQuery query;
    query.tenant = tenant;
    PageRequest page;
    page.limit = 5000;
    for (const QString &kind : { QStringLiteral("chat"), QStringLiteral("order") }) {
        query.kind = kind;
        const auto headers = store.listHeaders(query, page);
        if (!headers)
            continue;
        for (const SnapshotHeader &h : headers->headers) {
            if (h.rawSize >= 1536 && h.rawSize <= 2560 && ids.size() < 2000)
                ids.push_back(h.id);
        }
    }
    if (ids.empty()) {
        out() << "load+verify: no snapshot of 1.5-2.5 KB found\n";
        return;
    }
    std::vector<qint64> nanoseconds;
    qint64 raw = 0;
    for (int round = 0; round < 2; ++round) { // the first round warms the page cache and the connection
        nanoseconds.clear();
        for (const QString &id : ids) {
            QElapsedTimer timer;
            timer.start();
            const auto snapshot = store.load(id);
            nanoseconds.push_back(timer.nsecsElapsed());
            if (!snapshot) {
                std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(snapshot.error().message));
                return;
            }
            if (round == 1)
                raw += snapshot->header.rawSize;
        }
    }
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const auto at = [&](double q) { return double(nanoseconds[size_t(q * double(nanoseconds.size() - 1))]) / 1e6; };
    out() << QStringLiteral("load+verify (%1 snapshots, mean raw %2 bytes): median %3 ms, p95 %4 ms, max %5 ms\n")
                 .arg(ids.size())
                 .arg(raw / qint64(ids.size()))
                 .arg(at(0.5), 0, 'f', 3)
                 .arg(at(0.95), 0, 'f', 3)
                 .arg(at(1.0), 0, 'f', 3);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SnapScope foundation benchmark"));
    parser.addHelpOption();
    const QCommandLineOption pgOption(QStringLiteral("pg"),
        QStringLiteral("Also measure put on this throwaway PostgreSQL database."), QStringLiteral("keywords"));
    const QCommandLineOption countOption(QStringLiteral("snapshots"),
        QStringLiteral("Snapshots to put (default 40000)."), QStringLiteral("n"), QStringLiteral("40000"));
    parser.addOptions({ pgOption, countOption });
    parser.process(app);

    benchCodecs();
    benchJson();

    out() << "\n== Put and load ==\n";
    const QList<NewSnapshot> snapshots = makeSnapshots(parser.value(countOption).toInt());
    QTemporaryDir dir;
    auto sqlite = openSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))), { true });
    if (!sqlite) {
        std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(sqlite.error().message));
        return 1;
    }
    if (!benchPut(**sqlite, QStringLiteral("SQLite"), snapshots))
        return 1;

    // Load latency over the small demo database, as a user browses it.
    auto demoStore = openSnapshotStore(ConnectionSpec::sqlite(dir.filePath(QStringLiteral("demo.sqlite"))), { true });
    if (!demoStore)
        return 1;
    DemoGenerator demo(**demoStore, {});
    if (const auto report = demo.run(); report) {
        out() << QStringLiteral("demo --scale small (generate + put, SQLite): %1 snapshots in %2 s = %3 snapshots/s\n")
                     .arg(report->snapshots)
                     .arg(report->seconds, 0, 'f', 2)
                     .arg(double(report->snapshots) / report->seconds, 0, 'f', 0);
    }
    benchLoad(**demoStore, QStringLiteral("acme-th"));

    if (parser.isSet(pgOption)) {
        const auto spec = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        if (!spec) {
            std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(spec.error().message));
            return 2;
        }
        auto pg = openSnapshotStore(*spec, {});
        if (!pg) {
            std::fprintf(stderr, "bench_foundation: error: %s\n", qPrintable(pg.error().message));
            return 1;
        }
        if (!benchPut(**pg, QStringLiteral("PostgreSQL"), snapshots))
            return 1;
    }
    return 0;
}
