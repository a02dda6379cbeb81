#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>
#include <zstd.h>

#include "common/testsupport.h"
#include "ops/ingest/recordreader.h"
#include "ops/ingest/snapshotingest.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/strictjson.h"

// Snapshots brought in as the seed systems' stores export them (issue 24), on SQLite and PostgreSQL: each format
// recognised and stored as the decoded record, late records slotted into their timelines, a second ingest adding
// nothing, and every kind of bad input stopping the run with nothing committed and the line named.
class TestIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eachFormatIsStoredAsTheDecodedRecord_data();
    void eachFormatIsStoredAsTheDecodedRecord();
    void exactDigitsAreKept();
    void lateRecordsTakeTheirPlace();
    void sourceVersionsAreKeptInAnyOrder();
    void aSecondIngestAddsNothing();
    void tenantsComeFromTheRecordOrTheDefault();
    void badInputCommitsNothing_data();
    void badInputCommitsNothing();
    void aRecordOver64MiBIsBad();
    void strayCommasBetweenValues();
    void compressedAndArrayInputs();
    void skipBadWritesTheRejects();
    void cancelCommitsNothing();
    void theCommandLine();

private:
    Result<IngestSummary> ingest(const QByteArray &content, const QString &name, IngestOptions options = {});
    qint64 count();
    QList<SnapshotHeader> timeline(const QString &tenant, const QString &kind, const QString &entity);

    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<SnapshotStore> m_store;
};

namespace {

QByteArray canonical(const QByteArray &json)
{
    auto value = StrictJson::parse(json, QStringLiteral("test"));
    if (!value)
        qFatal("%s", qPrintable(value.error().message));
    return CanonicalJson::write(value->toObject());
}

QByteArray gzip(const QByteArray &data)
{
    z_stream zs {};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&zs, uLong(data.size()))) + 64, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

QByteArray zstd(const QByteArray &data)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    out.resize(qsizetype(ZSTD_compress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()), 3)));
    return out;
}

// Records as the seed documents describe them, one per format, with the plain JSON each is stored as.
struct Sample
{
    const char *name;
    const char *format; // file content
    const char *decoded; // the record as stored (empty: the same as the content)
    const char *kind;
    const char *entity;
    const char *takenAt; // UTC
    const char *type;
};

const Sample Samples[] = {
    { "saan order document",
        R"({"snapshot_id":"snap_123","order_id":"order_456","snapshot_type":"confirmed","timestamp":"2025-07-03T14:30:00Z","triggered_by":{"user_id":"staff_789","action":"payment_confirmed","source":"payment_service"},"order_state":{"status":"confirmed","customer":{"name":"สมชาย","phone":"0812345678"},"items":[{"product_id":"prod_123","quantity":2,"unit_price":450.50}],"pricing":{"total":901.00}}})",
        "", "order", "order_456", "2025-07-03T14:30:00.000Z", "confirmed" },
    // COPY (SELECT row_to_json(t) FROM chat_conversation_snapshots t): a TIMESTAMP has no offset (read in --zone).
    { "saan chat row",
        R"({"id":"7a1c3e52-1111-4222-8333-944455556666","session_id":"chat_sess_123","customer_id":"cust_789","snapshot_type":"order_created","conversation_data":{"messages":[]},"total_messages":12,"ai_messages":7,"human_handoff":false,"order_created":true,"order_value":1250.00,"customer_satisfaction":5,"business_outcome":"order_created","created_at":"2025-07-03T21:30:00"})",
        "", "chat", "chat_sess_123", "2025-07-03T14:30:00.000Z", "order_created" },
    // mongoexport, relaxed Extended JSON v2.
    { "stock service relaxed",
        R"({"_id":{"$oid":"64b7f0c2a1b2c3d4e5f60718"},"tenant_id":"t1","store_code":"S001","snapshot_id":"2c9a6f0e-5b7d-4a51-9d3e-0f1e2d3c4b5a","total_items":2,"total_quantity":{"$numberDecimal":"150.5"},"stocks":[{"item_code":"A","quantity":100},{"item_code":"B","quantity":{"$numberDecimal":"50.5"}}],"generate_date_time":{"$date":"2025-07-03T00:00:00Z"},"created_by":"system","created_at":{"$date":"2025-07-03T00:00:01.250Z"}})",
        R"({"_id":"64b7f0c2a1b2c3d4e5f60718","tenant_id":"t1","store_code":"S001","snapshot_id":"2c9a6f0e-5b7d-4a51-9d3e-0f1e2d3c4b5a","total_items":2,"total_quantity":150.5,"stocks":[{"item_code":"A","quantity":100},{"item_code":"B","quantity":50.5}],"generate_date_time":"2025-07-03T00:00:00Z","created_by":"system","created_at":"2025-07-03T00:00:01.250Z"})",
        "stock", "S001", "2025-07-03T00:00:00.000Z", "scheduled" },
    // mongoexport --jsonFormat=canonical.
    { "stock service canonical",
        R"({"_id":{"$oid":"64b7f0c2a1b2c3d4e5f60719"},"tenant_id":"t1","store_code":"S002","snapshot_id":"3c9a6f0e-5b7d-4a51-9d3e-0f1e2d3c4b5a","total_items":{"$numberInt":"1"},"total_quantity":{"$numberLong":"7"},"stocks":[{"item_code":"A","quantity":{"$numberInt":"7"}}],"generate_date_time":{"$date":{"$numberLong":"1751500800000"}},"created_by":"operator-1","created_at":{"$date":{"$numberLong":"1751500800000"}}})",
        R"({"_id":"64b7f0c2a1b2c3d4e5f60719","tenant_id":"t1","store_code":"S002","snapshot_id":"3c9a6f0e-5b7d-4a51-9d3e-0f1e2d3c4b5a","total_items":1,"total_quantity":7,"stocks":[{"item_code":"A","quantity":7}],"generate_date_time":"2025-07-03T00:00:00Z","created_by":"operator-1","created_at":"2025-07-03T00:00:00Z"})",
        "stock", "S002", "2025-07-03T00:00:00.000Z", "manual" },
    // The event-sourcing story's Snapshot object.
    { "event store object",
        R"({"id":"5f0c8a2e-0000-4000-8000-000000000001","aggregateId":"wf-1","version":10,"timestamp":"2025-07-03T10:00:00.000Z","data":{"status":"running","steps":[1,2]},"metadata":{"eventType":"WorkflowStepCompleted","compressed":false,"size":30,"checksum":"abc","createdFromVersion":0}})",
        "", "aggregate", "wf-1", "2025-07-03T10:00:00.000Z", "event_driven" },
    // Its event_snapshots row as row_to_json writes it (TIMESTAMPTZ with an offset).
    { "event_snapshots row",
        R"({"id":"5f0c8a2e-0000-4000-8000-000000000002","aggregate_id":"wf-2","version":20,"timestamp":"2025-07-03T17:00:00+07:00","data":{"status":"done"},"metadata":{},"created_at":"2025-07-03T17:00:01+07:00","updated_at":"2025-07-03T17:00:01+07:00"})",
        "", "aggregate", "wf-2", "2025-07-03T10:00:00.000Z", "event_driven" },
    // The account service's API lists its records in an array.
    { "account records",
        R"([{"id":501,"account_id":5,"snapshot_type":"manual","trigger_event":null,"health_score":72,"account_name":"Acme","created_at":"2025-07-03T16:00:00Z"},
            {"id":502,"account_id":5,"snapshot_type":"rag_auto","trigger_event":null,"health_score":70,"account_name":"Acme","created_at":"2025-07-03T16:01:00Z"}])",
        R"({"id":501,"account_id":5,"snapshot_type":"manual","trigger_event":null,"health_score":72,"account_name":"Acme","created_at":"2025-07-03T16:00:00Z"})",
        "account", "5", "2025-07-03T16:00:00.000Z", "manual" },
    // DynamoDB's export: {"Item": ...} per line, the state as JSON text.
    { "order service export",
        R"({"Item":{"orderId":{"S":"ORD-9"},"version":{"N":"2"},"state":{"S":"{\"id\":\"ORD-9\",\"customerId\":\"C-1\",\"status\":\"PAID\",\"totalAmount\":99.5,\"items\":[{\"productId\":\"P1\",\"quantity\":1,\"unitPrice\":99.5}]}"},"lastEventSequence":{"N":"20"},"timestamp":{"N":"1751536800000"},"metadata":{"M":{"createdBy":{"S":"system"},"reason":{"S":"threshold-reached"},"tags":{"SS":["a","b"]},"counts":{"NS":["1","2"]},"archived":{"BOOL":false},"note":{"NULL":true},"history":{"L":[{"N":"1"},{"S":"x"}]}}}}})",
        R"({"orderId":"ORD-9","version":2,"state":{"id":"ORD-9","customerId":"C-1","status":"PAID","totalAmount":99.5,"items":[{"productId":"P1","quantity":1,"unitPrice":99.5}]},"lastEventSequence":20,"timestamp":1751536800000,"metadata":{"createdBy":"system","reason":"threshold-reached","tags":["a","b"],"counts":[1,2],"archived":false,"note":null,"history":[1,"x"]}})",
        "order", "ORD-9", "2025-07-03T10:00:00.000Z", "event_driven" },
    // The same item as the API returns it (plain JSON, state still text).
    { "order service plain item",
        R"({"orderId":"ORD-10","version":1,"state":"{\"id\":\"ORD-10\",\"customerId\":\"C-2\",\"status\":\"CREATED\",\"totalAmount\":10}","lastEventSequence":10,"timestamp":1751536800000,"metadata":{"createdBy":"system"}})",
        R"({"orderId":"ORD-10","version":1,"state":{"id":"ORD-10","customerId":"C-2","status":"CREATED","totalAmount":10},"lastEventSequence":10,"timestamp":1751536800000,"metadata":{"createdBy":"system"}})",
        "order", "ORD-10", "2025-07-03T10:00:00.000Z", "event_driven" },
    // SnapScope's envelope, from a service that pushes.
    { "envelope",
        R"({"kind":"chat","entity":"sess-42","taken_at":"2025-07-03T09:00:00Z","type":"escalated","created_by":"chat-gateway","trigger":{"event":"handoff"},"payload":{"session_id":"sess-42","outcome":"escalated","messages":[]}})",
        R"({"session_id":"sess-42","outcome":"escalated","messages":[]})", "chat", "sess-42",
        "2025-07-03T09:00:00.000Z", "escalated" },
};

} // namespace

void TestIngest::init()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "ingest.sqlite");
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant(
        { QStringLiteral("t1"), QStringLiteral("T1"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    m_files = std::make_unique<QTemporaryDir>();
}

void TestIngest::cleanup()
{
    m_store.reset();
}

Result<IngestSummary> TestIngest::ingest(const QByteArray &content, const QString &name, IngestOptions options)
{
    const QString path = m_files->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return Error { Error::Code::Io, QStringLiteral("cannot write ") + path };
    file.close();
    if (options.defaultTenant.isEmpty())
        options.defaultTenant = QStringLiteral("t1");
    return SnapshotIngest(*m_store, options).run({ path });
}

qint64 TestIngest::count()
{
    return TestSupport::scalar(m_spec, QStringLiteral("SELECT COUNT(*) FROM snapshots"));
}

QList<SnapshotHeader> TestIngest::timeline(const QString &tenant, const QString &kind, const QString &entity)
{
    SnapshotQuery query;
    query.tenant = tenant;
    query.kind = kind;
    query.entityId = entity;
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    request.limit = 1000;
    auto page = m_store->listHeaders(query, request);
    if (!page)
        qFatal("%s", qPrintable(page.error().message));
    return page->headers;
}

void TestIngest::eachFormatIsStoredAsTheDecodedRecord_data()
{
    QTest::addColumn<int>("sample");
    for (int i = 0; i < int(std::size(Samples)); ++i)
        QTest::newRow(Samples[i].name) << i;
}

void TestIngest::eachFormatIsStoredAsTheDecodedRecord()
{
    QFETCH(int, sample);
    const Sample &s = Samples[sample];
    IngestOptions options;
    options.zone = QStringLiteral("Asia/Bangkok");
    auto summary = ingest(QByteArray(s.format) + '\n', QStringLiteral("records.json"), options);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QVERIFY(summary->ingested >= 1);
    QCOMPARE(summary->duplicates, 0);
    const auto headers = timeline(QStringLiteral("t1"), QString::fromLatin1(s.kind), QString::fromUtf8(s.entity));
    QVERIFY(!headers.isEmpty());
    const SnapshotHeader &h = headers.first();
    QCOMPARE(IsoTime::toUtcString(h.takenAt), QString::fromLatin1(s.takenAt));
    QCOMPARE(h.type, QString::fromLatin1(s.type));
    auto loaded = m_store->load(h.id);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    const QByteArray expected = canonical(*s.decoded ? QByteArray(s.decoded) : QByteArray(s.format));
    QCOMPARE(loaded->payload, expected);
}

void TestIngest::exactDigitsAreKept()
{
    // A 34-digit $numberDecimal and a DynamoDB N beyond 2^53, stored with every digit.
    const QByteArray mongo
        = R"({"_id":{"$oid":"64b7f0c2a1b2c3d4e5f60720"},"tenant_id":"t1","store_code":"S9","snapshot_id":"x-1","stocks":[{"item_code":"A","quantity":{"$numberDecimal":"1234567890123456789012345678901.234"}}],"generate_date_time":{"$date":"2025-07-03T00:00:00Z"},"created_by":"system"})";
    const QByteArray dynamo
        = R"({"Item":{"orderId":{"S":"ORD-BIG"},"version":{"N":"1"},"state":{"S":"{\"id\":\"ORD-BIG\",\"customerId\":\"C\",\"status\":\"PAID\",\"totalAmount\":1}"},"lastEventSequence":{"N":"9007199254740993"},"timestamp":{"N":"1751536800000"}}})";
    auto summary = ingest(mongo + '\n' + dynamo + '\n', QStringLiteral("digits.jsonl"));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->ingested, 2);
    auto stock
        = m_store->load(timeline(QStringLiteral("t1"), QStringLiteral("stock"), QStringLiteral("S9")).first().id);
    QVERIFY(stock);
    QVERIFY2(stock->payload.contains("1234567890123456789012345678901.234"), stock->payload.constData());
    const auto order = timeline(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("ORD-BIG"));
    auto item = m_store->load(order.first().id);
    QVERIFY(item);
    QVERIFY2(item->payload.contains("9007199254740993"), item->payload.constData());
}

void TestIngest::lateRecordsTakeTheirPlace()
{
    // SAAN order documents have no version: their place in time is their version. Four arrive in three runs, each
    // run earlier than the last; the timeline ends up in time order, each version's previous the one before it.
    const auto doc = [](int n, int day) -> QByteArray {
        return QStringLiteral(
                   R"({"snapshot_id":"snap_%1","order_id":"ORD-L","snapshot_type":"modified","timestamp":"2025-07-%2T10:00:00Z","order_state":{"status":"s%1"}})")
                   .arg(n)
                   .arg(day, 2, 10, QLatin1Char('0'))
                   .toUtf8()
            + '\n';
    };
    QVERIFY(ingest(doc(4, 20) + doc(3, 15), QStringLiteral("a.jsonl")));
    QVERIFY(ingest(doc(1, 1), QStringLiteral("b.jsonl")));
    QVERIFY(ingest(doc(2, 10), QStringLiteral("c.jsonl")));
    const auto headers = timeline(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("ORD-L"));
    QCOMPARE(headers.size(), 4);
    QString previous;
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(headers.at(i).version, i + 1);
        QCOMPARE(headers.at(i).summary.value(u"status").toString(), QStringLiteral("s%1").arg(i + 1));
        auto h = m_store->header(headers.at(i).id);
        QVERIFY(h);
        QCOMPARE(h->previousId, previous);
        previous = h->id;
    }
}

void TestIngest::sourceVersionsAreKeptInAnyOrder()
{
    // Event store snapshots every 10 events, as an unordered export gives them, in two runs.
    const auto object = [](int version) -> QByteArray {
        return QStringLiteral(
                   R"({"id":"00000000-0000-4000-8000-%1","aggregateId":"wf-9","version":%2,"timestamp":"2025-07-%3T10:00:00Z","data":{"step":%2}})")
                   .arg(version, 12, 10, QLatin1Char('0'))
                   .arg(version)
                   .arg(version / 10, 2, 10, QLatin1Char('0'))
                   .toUtf8()
            + '\n';
    };
    QVERIFY(ingest(object(30) + object(50), QStringLiteral("a.jsonl")));
    QVERIFY(ingest(object(40) + object(10) + object(20), QStringLiteral("b.jsonl")));
    const auto headers = timeline(QStringLiteral("t1"), QStringLiteral("aggregate"), QStringLiteral("wf-9"));
    QCOMPARE(headers.size(), 5);
    QString previous;
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(headers.at(i).version, (i + 1) * 10);
        QCOMPARE(headers.at(i).eventSeq, std::optional<qint64>((i + 1) * 10));
        auto h = m_store->header(headers.at(i).id);
        QVERIFY(h);
        QCOMPARE(h->previousId, previous);
        previous = h->id;
    }
    // Another record claiming a version that is taken is refused by name.
    auto clash = ingest(
        QByteArray(
            R"({"id":"99999999-0000-4000-8000-000000000000","aggregateId":"wf-9","version":20,"timestamp":"2025-07-02T10:00:00Z","data":{}})"),
        QStringLiteral("clash.json"));
    QVERIFY(!clash);
    QVERIFY2(clash.error().message.contains(QStringLiteral("version 20 of aggregate wf-9 is stored already")),
        qPrintable(clash.error().message));
    QCOMPARE(count(), 5);
}

void TestIngest::aSecondIngestAddsNothing()
{
    QByteArray all;
    for (const Sample &s : Samples) {
        if (s.format[0] != '[')
            all += QByteArray(s.format) + '\n';
    }
    // A record with no source id is known by its content.
    all += R"({"customer_id":"C-7","tier":"gold","points":1200,"updated_at":"2025-07-03T00:00:00Z"})"
           "\n";
    auto first = ingest(all, QStringLiteral("all.jsonl"));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->ingested, first->read);
    const qint64 stored = count();
    auto second = ingest(all, QStringLiteral("again.jsonl"));
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(second->ingested, 0);
    QCOMPARE(second->duplicates, second->read);
    QCOMPARE(count(), stored);
    // The same record twice in one run is one snapshot.
    auto twice = ingest(QByteArray(Samples[0].format).replace("snap_123", "snap_777") + '\n'
            + QByteArray(Samples[0].format).replace("snap_123", "snap_777") + '\n',
        QStringLiteral("twice.jsonl"));
    QVERIFY(twice);
    QCOMPARE(twice->ingested, 1);
    QCOMPARE(twice->duplicates, 1);
}

void TestIngest::tenantsComeFromTheRecordOrTheDefault()
{
    // The stock document names its tenant; it is created (in --zone) and the summary says so.
    QByteArray doc = Samples[2].format;
    doc.replace(R"("tenant_id":"t1")", R"("tenant_id":"lotus-new")");
    IngestOptions options;
    options.zone = QStringLiteral("Asia/Singapore");
    auto summary = ingest(doc, QStringLiteral("stock.json"), options);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->tenantsCreated, QStringList { QStringLiteral("lotus-new") });
    auto tenants = m_store->tenants();
    QVERIFY(tenants);
    const auto created = std::find_if(
        tenants->begin(), tenants->end(), [](const Tenant &t) { return t.id == QStringLiteral("lotus-new"); });
    QVERIFY(created != tenants->end());
    QCOMPARE(created->businessTimeZone, QStringLiteral("Asia/Singapore"));
    QCOMPARE(timeline(QStringLiteral("lotus-new"), QStringLiteral("stock"), QStringLiteral("S001")).size(), 1);

    // A record naming no tenant needs --tenant.
    const QString path = m_files->filePath(QStringLiteral("order.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Samples[0].format);
    file.close();
    auto refused = SnapshotIngest(*m_store, {}).run({ path });
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("no default tenant (--tenant)")),
        qPrintable(refused.error().message));
}

void TestIngest::badInputCommitsNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("reason");
    const QByteArray good = QByteArray(Samples[0].format) + '\n';
    QTest::newRow("malformed JSON") << good + "{\"order_id\": \"x\",, }\n"
                                    << "line 2"
                                    << "not valid JSON";
    QTest::newRow("duplicate member") << good + good
            + R"({"snapshot_id":"a","snapshot_id":"b","order_id":"o","snapshot_type":"created","order_state":{},"timestamp":"2025-07-03T14:30:00Z"})"
              "\n"
                                      << "line 3"
                                      << "duplicate";
    QTest::newRow("no shape") << good
            + R"({"invoice_no":"INV-1","amount":5})"
              "\n"
                              << "line 2"
                              << "no shape recognises the record; closest: ";
    QTest::newRow("no time") << good
            + R"({"snapshot_id":"s9","order_id":"o","snapshot_type":"created","order_state":{},"timestamp":"yesterday"})"
              "\n"
                             << "line 2"
                             << "no time it was taken (/timestamp is missing or not a time)";
    QTest::newRow("broken wrapper") << good
            + R"({"_id":{"$oid":"nothex"},"tenant_id":"t1","store_code":"S1","snapshot_id":"q","stocks":[],"generate_date_time":{"$date":"2025-07-03T00:00:00Z"}})"
              "\n"
                                    << "line 2"
                                    << "/_id";
    QTest::newRow("not an object") << good + "[1, 2]\n"
                                   << "line 2"
                                   << "not a JSON object";
    QTest::newRow("state not JSON") << good
            + R"({"orderId":"O","version":1,"state":"{not json","lastEventSequence":1,"timestamp":1751536800000})"
              "\n"
                                    << "line 2"
                                    << "the state at /state is text that is not valid JSON";
    QTest::newRow("envelope unknown kind") << good
            + R"({"kind":"invoice","entity":"1","taken_at":"2025-07-03T00:00:00Z","type":"x","payload":{}})"
              "\n"
                                           << "line 2"
                                           << "envelope: unknown kind \"invoice\"";
    QTest::newRow("truncated array") << QByteArray("[") + Samples[0].format + ",\n"
                                     << ""
                                     << "ends inside its array";
}

void TestIngest::badInputCommitsNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    const qint64 before = count();
    auto summary = ingest(content, QStringLiteral("bad.jsonl"));
    QVERIFY(!summary);
    const QString message = summary.error().message;
    QVERIFY2(message.contains(QStringLiteral("bad.jsonl")), qPrintable(message));
    if (!where.isEmpty())
        QVERIFY2(message.contains(where), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QCOMPARE(count(), before);
}

void TestIngest::aRecordOver64MiBIsBad()
{
    QByteArray content = QByteArray(Samples[0].format) + "\n{\"note\":\"";
    content.append(QByteArray(65 * 1024 * 1024, 'a'));
    content.append("\"}\n");
    content.append(QByteArray(Samples[1].format) + '\n');
    auto summary = ingest(content, QStringLiteral("huge.jsonl"));
    QVERIFY(!summary);
    QVERIFY2(summary.error().message.contains(QStringLiteral("huge.jsonl, line 2: a record over 64 MiB")),
        qPrintable(summary.error().message));
    QCOMPARE(count(), 0);
    // Skipped, it leaves the records around it to be stored.
    IngestOptions options;
    options.skipBad = true;
    options.rejectPath = m_files->filePath(QStringLiteral("huge-rejects.jsonl"));
    auto skipped = ingest(content, QStringLiteral("huge.jsonl"), options);
    QVERIFY2(skipped, qPrintable(skipped ? QString() : skipped.error().message));
    QCOMPARE(skipped->ingested, 2);
    QCOMPARE(skipped->rejected, 1);
}

void TestIngest::strayCommasBetweenValues()
{
    // Pretty-printed objects with commas between them (not JSON): each comma is a bad record of its own, and the run
    // ends (it never stalls on one).
    QJsonDocument first(QJsonDocument::fromJson(Samples[0].format).object());
    QJsonDocument second(QJsonDocument::fromJson(Samples[4].format).object());
    const QByteArray content = first.toJson(QJsonDocument::Indented) + ",\n" + second.toJson(QJsonDocument::Indented);
    auto stopped = ingest(content, QStringLiteral("objects.json"));
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().message.contains(QStringLiteral("not valid JSON")), qPrintable(stopped.error().message));
    IngestOptions options;
    options.skipBad = true;
    options.rejectPath = m_files->filePath(QStringLiteral("commas.jsonl"));
    auto skipped = ingest(content, QStringLiteral("objects.json"), options);
    QVERIFY2(skipped, qPrintable(skipped ? QString() : skipped.error().message));
    QCOMPARE(skipped->ingested, 2);
    QCOMPARE(skipped->rejected, 1);
    // The run is in the audit log with its counts.
    QCOMPARE(TestSupport::scalar(m_spec, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'ingest'")), 1);
}

void TestIngest::compressedAndArrayInputs()
{
    QByteArray lines;
    for (int i = 0; i < 500; ++i)
        lines
            += QStringLiteral(
                   R"({"snapshot_id":"z%1","order_id":"ORD-%2","snapshot_type":"created","timestamp":"2025-07-03T14:%3:00Z","order_state":{"status":"created"}})")
                   .arg(i)
                   .arg(i % 50)
                   .arg(i / 50, 2, 10, QLatin1Char('0'))
                   .toUtf8()
            + '\n';
    auto gz = ingest(gzip(lines), QStringLiteral("orders.jsonl.gz"));
    QVERIFY2(gz, qPrintable(gz ? QString() : gz.error().message));
    QCOMPARE(gz->ingested, 500);
    // The same records zstd-compressed are all duplicates; a pretty-printed array of them too.
    auto zst = ingest(zstd(lines), QStringLiteral("orders.jsonl.zst"));
    QVERIFY2(zst, qPrintable(zst ? QString() : zst.error().message));
    QCOMPARE(zst->duplicates, 500);
    QJsonArray array;
    for (const QByteArray &line : lines.split('\n')) {
        if (!line.isEmpty())
            array.append(QJsonDocument::fromJson(line).object());
    }
    auto pretty = ingest(QJsonDocument(array).toJson(QJsonDocument::Indented), QStringLiteral("orders.json"));
    QVERIFY2(pretty, qPrintable(pretty ? QString() : pretty.error().message));
    QCOMPARE(pretty->duplicates, 500);
    const auto headers = timeline(QStringLiteral("t1"), QStringLiteral("order"), QStringLiteral("ORD-7"));
    QCOMPARE(headers.size(), 10);

    // A compressed stream cut short stops the run, whichever the compression.
    const qint64 before = count();
    for (const auto &[name, bytes] : { std::pair { QStringLiteral("cut.jsonl.gz"), gzip(lines + lines) },
             std::pair { QStringLiteral("cut.jsonl.zst"), zstd(lines + lines) } }) {
        auto truncated = ingest(bytes.left(bytes.size() - 10), name);
        QVERIFY(!truncated);
        QVERIFY2(
            truncated.error().message.contains(QStringLiteral("truncated")), qPrintable(truncated.error().message));
        QCOMPARE(count(), before);
    }
}

void TestIngest::skipBadWritesTheRejects()
{
    const QString rejectPath = m_files->filePath(QStringLiteral("rejects.jsonl"));
    IngestOptions options;
    options.skipBad = true;
    options.rejectPath = rejectPath;
    const QByteArray content = QByteArray(Samples[0].format) + "\n{broken\n" + Samples[1].format + "\n"
        + R"({"what":"is this"})"
          "\n";
    auto summary = ingest(content, QStringLiteral("mixed.jsonl"), options);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->read, 4);
    QCOMPARE(summary->ingested, 2);
    QCOMPARE(summary->rejected, 2);
    QFile rejects(rejectPath);
    QVERIFY(rejects.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = rejects.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QVERIFY2(first.value(u"where").toString().endsWith(QStringLiteral("mixed.jsonl, line 2")), lines.at(0).constData());
    QCOMPARE(first.value(u"record").toString(), QStringLiteral("{broken"));
    QVERIFY(first.value(u"reason").toString().contains(QStringLiteral("not valid JSON")));
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QVERIFY(second.value(u"reason").toString().contains(QStringLiteral("no shape recognises")));
}

void TestIngest::cancelCommitsNothing()
{
    QByteArray lines;
    for (int i = 0; i < 5000; ++i)
        lines
            += QStringLiteral(
                   R"({"snapshot_id":"c%1","order_id":"ORD-%1","snapshot_type":"created","timestamp":"2025-07-03T14:00:00Z","order_state":{}})")
                   .arg(i)
                   .toUtf8()
            + '\n';
    const QString path = m_files->filePath(QStringLiteral("many.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines);
    file.close();
    IngestOptions options;
    options.defaultTenant = QStringLiteral("t1");
    int calls = 0;
    auto cancelled = SnapshotIngest(*m_store, options).run({ path }, [&](const IngestProgress &p) {
        ++calls;
        return p.records < 2000; // the first batch is written, then the run is cancelled
    });
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
    QVERIFY(calls >= 1);
    QCOMPARE(count(), 0);
    // The store is usable afterwards, and the same file goes in whole.
    auto whole = SnapshotIngest(*m_store, options).run({ path });
    QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().message));
    QCOMPARE(whole->ingested, 5000);
}

void TestIngest::theCommandLine()
{
    if (m_spec.backend != ConnectionSpec::Backend::SQLite)
        QSKIP("the command line is driven on SQLite; the store underneath is the same");
    m_store.reset(); // the CLI writes the file
    const QStringList db = TestSupport::cliConnection(m_spec);
    QProcess cli;
    // Standard input, --json summary.
    cli.start(QStringLiteral(SNAPSCOPE_CLI_PATH),
        db
            + QStringList { QStringLiteral("ingest"), QStringLiteral("--tenant"), QStringLiteral("t1"),
                QStringLiteral("--json"), QStringLiteral("-") });
    QVERIFY(cli.waitForStarted());
    cli.write(QByteArray(Samples[0].format) + '\n' + Samples[4].format + '\n');
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QJsonObject summary = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(summary.value(u"read").toInt(), 2);
    QCOMPARE(summary.value(u"ingested").toInt(), 2);
    QCOMPARE(summary.value(u"kinds").toObject().value(u"order").toInt(), 1);
    QCOMPARE(summary.value(u"kinds").toObject().value(u"aggregate").toInt(), 1);
    for (const char *member : { "duplicates", "rejected", "tenants_created", "seconds" })
        QVERIFY2(summary.contains(QLatin1String(member)), member);

    // A bad record: one line on stderr naming the line, exit 1, nothing stored.
    const QString bad = m_files->filePath(QStringLiteral("bad.jsonl"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(Samples[1].format) + "\n{\"x\":1}\n");
    file.close();
    cli.start(QStringLiteral(SNAPSCOPE_CLI_PATH),
        db + QStringList { QStringLiteral("ingest"), QStringLiteral("--tenant"), QStringLiteral("t1"), bad });
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 1);
    const QString error = QString::fromUtf8(cli.readAllStandardError()).trimmed();
    QVERIFY2(!error.contains(u'\n'), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("bad.jsonl, line 2: no shape recognises")), qPrintable(error));

    // --skip-bad: the good one is stored, the exit code says some were rejected.
    cli.start(QStringLiteral(SNAPSCOPE_CLI_PATH),
        db
            + QStringList { QStringLiteral("ingest"), QStringLiteral("--tenant"), QStringLiteral("t1"),
                QStringLiteral("--skip-bad"), QStringLiteral("--reject"), m_files->filePath(QStringLiteral("r.jsonl")),
                bad });
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 5);
    QVERIFY2(cli.readAllStandardOutput().contains("1 rejected"), "summary names the rejects");
    QCOMPARE(TestSupport::scalar(m_spec, QStringLiteral("SELECT COUNT(*) FROM snapshots")), 3);
}

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
