#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zstd.h>

#include "common/cartfixture.h"
#include "ops/evidencebundle.h"
#include "ops/snapshotcompactor.h"
#include "store/snapshotstore.h"

// Evidence bundles: written from verified snapshots (incremental ones materialized), re-verified intact, and every
// kind of alteration found and named; snapscope-cli verify --bundle exits 0 or 3.
class TestEvidence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void intactBundleVerifies();
    void alteredByteIsNamed();
    void rewrittenPayloadIsNamed();
    void removedSnapshotIsNamed();
    void cliExitCodes();

private:
    QString writeBundle();
    // The bundle's lines, decompressed frame by frame.
    QList<QByteArray> lines(const QString &path);
    void writeLines(const QString &path, const QList<QByteArray> &lines);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
    QStringList m_ids;
    const QString m_tenant = QStringLiteral("t1");
};

void TestEvidence::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("e.sqlite"))), { true });
    QVERIFY(store);
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant({ m_tenant, QStringLiteral("T"), QStringLiteral("UTC"), QStringLiteral("THB") }));
    CartFixture::Options cart;
    cart.tenant = m_tenant;
    cart.id = QStringLiteral("cart-1");
    cart.events = 40;
    cart.snapshotEvery = 10;
    QCOMPARE(CartFixture::put(*m_store, cart).size(), 41);
    // Incremental storage: the bundle must hold the materialized states.
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(QStringLiteral("aggregate"));
    strategy.incremental = true;
    QVERIFY(m_store->history().saveStrategy(m_tenant, strategy, QStringLiteral("tester")));
    QVERIFY(SnapshotCompactor(*m_store).run(m_tenant, QStringLiteral("aggregate"), {}, QStringLiteral("t"), {}));
    SnapshotQuery query;
    query.tenant = m_tenant;
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    auto page = m_store->listHeaders(query, request);
    QVERIFY(page);
    m_ids.clear();
    for (const SnapshotHeader &h : std::as_const(page->headers))
        m_ids.append(h.id);
    QCOMPARE(m_ids.size(), 4);
    QVERIFY(!m_store->header(m_ids.at(2))->baseId.isEmpty());
}

void TestEvidence::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestEvidence::writeBundle()
{
    const QString path = m_dir->filePath(QStringLiteral("case.ndjson.zst"));
    EvidenceInfo info { QStringLiteral("ORD-TH-000042"), QStringLiteral("support.anong"), QStringLiteral("desk-7"),
        1'790'000'000'000 };
    auto written = EvidenceBundle::write(*m_store, m_ids, info, path);
    if (!written || *written != 4)
        qFatal("bundle not written");
    return path;
}

QList<QByteArray> TestEvidence::lines(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    const QByteArray bytes = file.readAll();
    QList<QByteArray> result;
    for (qsizetype at = 0; at < bytes.size();) {
        const size_t size = ZSTD_findFrameCompressedSize(bytes.constData() + at, size_t(bytes.size() - at));
        QByteArray out(qsizetype(ZSTD_getFrameContentSize(bytes.constData() + at, size)), Qt::Uninitialized);
        ZSTD_decompress(out.data(), size_t(out.size()), bytes.constData() + at, size);
        result.append(out);
        at += qsizetype(size);
    }
    return result;
}

void TestEvidence::writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (const QByteArray &line : lines) {
        QByteArray out(qsizetype(ZSTD_compressBound(size_t(line.size()))), Qt::Uninitialized);
        out.truncate(
            qsizetype(ZSTD_compress(out.data(), size_t(out.size()), line.constData(), size_t(line.size()), 3)));
        file.write(out);
    }
}

void TestEvidence::intactBundleVerifies()
{
    const QString path = writeBundle();
    auto report = EvidenceBundle::verify(path);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY2(report->intact(), qPrintable(report->problems.join(u'\n')));
    QCOMPARE(report->snapshots, 4);
    QCOMPARE(report->info.caseId, QStringLiteral("ORD-TH-000042"));
    QCOMPARE(report->info.exportedBy, QStringLiteral("support.anong"));
    // Each snapshot line holds the full (materialized) state with its checksum.
    const QList<QByteArray> all = lines(path);
    QCOMPARE(all.size(), 6);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(all.at(i + 1).contains(m_ids.at(i).toUtf8()));
        QVERIFY(all.at(i + 1).contains("\"terms\""));
    }
}

void TestEvidence::alteredByteIsNamed()
{
    const QString path = writeBundle();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    // One byte in the middle of the third snapshot's frame.
    qsizetype at = 0;
    for (int frame = 0; frame < 3; ++frame)
        at += qsizetype(ZSTD_findFrameCompressedSize(bytes.constData() + at, size_t(bytes.size() - at)));
    const qsizetype size = qsizetype(ZSTD_findFrameCompressedSize(bytes.constData() + at, size_t(bytes.size() - at)));
    bytes[at + size / 2] = char(bytes.at(at + size / 2) ^ 0x20);
    file.seek(0);
    file.write(bytes);
    file.close();
    auto report = EvidenceBundle::verify(path);
    QVERIFY(report);
    QVERIFY(!report->intact());
    QVERIFY2(report->problems.join(u'\n').contains(m_ids.at(2)), qPrintable(report->problems.join(u'\n')));
    for (const QString &id : { m_ids.at(0), m_ids.at(1), m_ids.at(3) })
        QVERIFY(!report->problems.join(u'\n').contains(id));
}

void TestEvidence::rewrittenPayloadIsNamed()
{
    // Somebody decompresses, edits a value and compresses again: the frames are fine, the checksum is not.
    const QString path = writeBundle();
    QList<QByteArray> all = lines(path);
    all[2].replace("\"status\":\"", "\"status\":\"X");
    writeLines(path, all);
    auto report = EvidenceBundle::verify(path);
    QVERIFY(report);
    QVERIFY(!report->intact());
    QVERIFY2(report->problems.join(u'\n').contains(m_ids.at(1)), qPrintable(report->problems.join(u'\n')));
    // Metadata only (the time it was taken): the payload checksum holds, the line digest does not.
    all = lines(writeBundle());
    const qsizetype t = all[3].indexOf("\"taken_at\":");
    all[3][t + 11] = all[3][t + 11] == '1' ? '2' : '1';
    writeLines(path, all);
    report = EvidenceBundle::verify(path);
    QVERIFY(report && !report->intact());
    QVERIFY2(report->problems.join(u'\n').contains(m_ids.at(2))
            && report->problems.join(u'\n').contains(QStringLiteral("metadata")),
        qPrintable(report->problems.join(u'\n')));
    // The manifest: who exported it.
    all = lines(writeBundle());
    all[0].replace("support.anong", "support.other");
    writeLines(path, all);
    report = EvidenceBundle::verify(path);
    QVERIFY(report && !report->intact());
    QVERIFY(report->problems.join(u'\n').contains(QStringLiteral("manifest")));
}

void TestEvidence::removedSnapshotIsNamed()
{
    const QString path = writeBundle();
    QList<QByteArray> all = lines(path);
    all.removeAt(4); // the last snapshot
    writeLines(path, all);
    auto report = EvidenceBundle::verify(path);
    QVERIFY(report && !report->intact());
    QVERIFY2(report->problems.join(u'\n').contains(m_ids.at(3)), qPrintable(report->problems.join(u'\n')));
}

void TestEvidence::cliExitCodes()
{
    const QString path = writeBundle();
    QProcess intact;
    intact.start(QStringLiteral(SNAPSCOPE_CLI_PATH), { QStringLiteral("verify"), QStringLiteral("--bundle"), path });
    QVERIFY(intact.waitForFinished(30000));
    QCOMPARE(intact.exitCode(), 0);
    QVERIFY(intact.readAllStandardError().contains("intact"));
    QList<QByteArray> all = lines(path);
    all[1].replace("\"status\":\"", "\"status\":\"X");
    writeLines(path, all);
    QProcess altered;
    altered.start(QStringLiteral(SNAPSCOPE_CLI_PATH), { QStringLiteral("verify"), QStringLiteral("--bundle"), path });
    QVERIFY(altered.waitForFinished(30000));
    QCOMPARE(altered.exitCode(), 3);
    QVERIFY(altered.readAllStandardOutput().contains(m_ids.at(0).toUtf8()));
    QProcess missing;
    missing.start(QStringLiteral(SNAPSCOPE_CLI_PATH),
        { QStringLiteral("verify"), QStringLiteral("--bundle"), m_dir->filePath(QStringLiteral("none.zst")) });
    QVERIFY(missing.waitForFinished(30000));
    QCOMPARE(missing.exitCode(), 1);
    QCOMPARE(missing.readAllStandardError().trimmed().count('\n'), 0);
}

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
