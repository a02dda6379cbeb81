#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>

#include "codec/payloadcodec.h"
#include "domain/history.h"
#include "domain/kindfacts.h"
#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "ops/snapshotcompactor.h"
#include "store/sqlchartfacts.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonpatch.h"

// Every built-in shape, recognised from a document written here from the seed's own description (../shared/seeds),
// with the summary, the chart facts and the significance it gives.
class TestKinds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shapeRecognised_data();
    void shapeRecognised();
    void chatChartFactsFromEveryChatShape_data();
    void chatChartFactsFromEveryChatShape();
    void dailyInventoryFactsFromTheSaanRow();
    void wallClockTimesAreReadAsFields_data();
    void wallClockTimesAreReadAsFields();
    void stampedSetsVersionTimeAndType();
    void stateInsideARecord();
    void chatSignificanceIsTheGuidesRule_data();
    void chatSignificanceIsTheGuidesRule();
    void volatileAndPersonalFieldsByShape();
    void factsAndMaskingReadEveryShapeByName();
    void unrecognisedDocumentSaysWhatItLacks();
    void notWorthASnapshot();
    void importedDefinitionIsCheckedAndWorks();
    void deltaIsKeptOnlyWhenItsWithheldFormRebuilds();
    void badDefinitionsAreRefusedWithWhere_data();
    void badDefinitionsAreRefusedWithWhere();
};

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (document.isNull())
        qFatal("test document: %s", qPrintable(error.errorString()));
    return document.object();
}

const QTimeZone Bangkok("Asia/Bangkok");

EpochMs utc(const char *text)
{
    return *IsoTime::parseDateTime(QString::fromLatin1(text));
}

// The SAAN guide's chat snapshot, as its "Data Structure" shows it.
const char *const SaanChat = R"({
  "snapshot_id": "chat_snap_456", "session_id": "chat_sess_123", "customer_id": "cust_789",
  "snapshot_type": "order_created", "timestamp": "2025-07-03T15:45:00Z",
  "conversation_context": { "platform": "line", "total_messages": 12, "conversation_duration": 420,
    "intent_progression": ["greeting", "product_inquiry", "order_creation", "payment_confirmation"],
    "ai_confidence_scores": [0.95, 0.87, 0.92, 0.98], "human_handoff": false },
  "business_outcome": { "order_created": true, "order_id": "order_456", "order_value": 285.50,
    "conversion_rate": 1.0, "customer_satisfaction": 5 },
  "key_messages": [
    { "timestamp": "2025-07-03T15:30:00Z", "sender": "customer", "content": "อยากสั่งโค้กกับมาม่า", "intent": "product_inquiry" },
    { "timestamp": "2025-07-03T15:44:00Z", "sender": "bot", "content": "ยืนยันการสั่งซื้อเรียบร้อยแล้วค่ะ รวม 285.50 บาท", "intent": "order_confirmation" } ]
})";

// The same snapshot as a row of chat_conversation_snapshots, as row_to_json writes it (TIMESTAMP without zone,
// JSONB columns nested).
const char *const SaanChatRow = R"({
  "id": "6f1d3a52-0d7e-4a57-9b43-2f1f6f0c1a01", "session_id": "8d0c8c1e-3a55-4b8e-bb6e-6f3e9c5f0b11",
  "customer_id": "c3a1f0a2-55b1-4b2f-9f0d-1e2d3c4b5a69", "snapshot_type": "session_ended", "platform": "facebook",
  "total_messages": 30, "conversation_duration": 900, "intent_progression": ["greeting", "complaint"],
  "ai_confidence_scores": [0.6, 0.5], "human_handoff": true,
  "business_outcome": { "order_created": false }, "conversion_metrics": null, "customer_satisfaction": 2,
  "key_messages": [], "created_at": "2025-07-03T22:10:00"
})";

} // namespace

void TestKinds::shapeRecognised_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<qint64>("takenAt");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("summary");
    QTest::addColumn<qint64>("version"); // -1: none
    QTest::addColumn<qint64>("eventSeq");

    QTest::newRow("SAAN order document")
        << "order" << QByteArray(R"({
      "snapshot_id": "snap_123", "order_id": "order_456", "snapshot_type": "confirmed",
      "timestamp": "2025-07-03T14:30:00Z",
      "triggered_by": { "user_id": "staff_789", "action": "payment_confirmed", "source": "payment_service" },
      "order_state": { "status": "confirmed", "customer": { "id": "cust_789", "name": "สมชาย", "phone": "0812345678" },
        "items": [ { "product_id": "prod_123", "quantity": 5, "unit_price": 20.0 }, { "product_id": "prod_9", "quantity": 1 } ],
        "pricing": { "total": 120.0, "currency": "THB" }, "delivery": { "method": "courier" } },
      "changes": { "previous_status": "pending", "new_status": "confirmed" } })")
        << "saan_order_snapshot"
        << "order_456" << utc("2025-07-03T14:30:00Z") << "confirmed"
        << QByteArray(R"({"status":"confirmed","total_amount":120,"item_count":2,"customer_id":"cust_789",
                          "customer_phone":"0812345678"})")
        << qint64(-1) << qint64(-1);
    QTest::newRow("SAAN order_snapshots row")
        << "order" << QByteArray(R"({
      "id": "0b0f8f0e-3c2a-4e47-8d76-1a2b3c4d5e6f", "order_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
      "snapshot_type": "shipped", "snapshot_data": { "status": "shipped", "total_amount": 560.0, "items": [] },
      "previous_snapshot_id": null, "created_by_user_id": null, "created_at": "2025-07-03T09:00:00.123456",
      "order_status": "shipped", "total_amount": 560.00, "item_count": 3,
      "customer_id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a" })")
        << "saan_order_snapshots_row"
        << "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d" << utc("2025-07-03T02:00:00.123Z") << "shipped"
        << QByteArray(R"({"status":"shipped","total_amount":560,"item_count":3,
                          "customer_id":"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"})")
        << qint64(-1) << qint64(-1);
    QTest::newRow("order service item")
        << "order" << QByteArray(R"({
      "orderId": "ord-77", "version": 4, "lastEventSequence": 40, "timestamp": 1751553000000,
      "state": { "id": "ord-77", "status": "PAID", "customerId": "cus-1", "totalAmount": 99.5,
        "items": [ { "productId": "p1", "quantity": 1 } ] },
      "metadata": { "createdBy": "system", "reason": "threshold-reached" } })")
        << "order_service_snapshot"
        << "ord-77" << qint64(1751553000000) << "event_driven"
        << QByteArray(R"({"status":"PAID","total_amount":99.5,"item_count":1,"customer_id":"cus-1"})") << qint64(4)
        << qint64(40);
    QTest::newRow("SAAN inventory transaction")
        << "inventory_tx" << QByteArray(R"({
      "transaction_id": "inv_tx_789", "product_id": "prod_123", "transaction_type": "deducted", "quantity": -5,
      "reason": "order_456_completed", "reference_id": "order_456",
      "product_state": { "name": "โค้ก 325ml", "cost_price": 15.00, "selling_price": 20.00 },
      "transaction_context": { "warehouse_location": "A-1-5", "batch_number": "BATCH001", "expiry_date": "2025-12-31" },
      "created_at": "2025-07-03T14:30:00Z" })")
        << "saan_inventory_transaction"
        << "prod_123" << utc("2025-07-03T14:30:00Z") << "deducted"
        << QByteArray(R"({"quantity":-5,"reason":"order_456_completed","reference_id":"order_456"})") << qint64(-1)
        << qint64(-1);
    QTest::newRow("SAAN inventory_transactions row")
        << "inventory_tx" << QByteArray(R"({
      "id": "11111111-2222-4333-8444-555555555555", "product_id": "prod_123", "transaction_type": "restocked",
      "quantity": 20, "reason": "supplier_delivery", "reference_id": null,
      "product_state": { "name": "มาม่า", "cost_price": 5.5 }, "transaction_context": {},
      "created_at": "2025-07-04 08:15:00" })")
        << "saan_inventory_transactions_row"
        << "prod_123" << utc("2025-07-04T01:15:00Z") << "restocked"
        << QByteArray(R"({"quantity":20,"reason":"supplier_delivery","reference_id":null})") << qint64(-1)
        << qint64(-1);
    QTest::newRow("SAAN chat document") << "chat" << QByteArray(SaanChat) << "saan_chat_snapshot"
                                        << "chat_sess_123" << utc("2025-07-03T15:45:00Z") << "order_created"
                                        << QByteArray(R"({"platform":"line","total_messages":12,"duration_s":420,
          "order_created":true,"order_value":285.5,"satisfaction":5,"human_handoff":false,"avg_confidence":0.93,
          "customer_id":"cust_789","order_id":"order_456"})")
                                        << qint64(-1) << qint64(-1);
    QTest::newRow("SAAN chat row") << "chat" << QByteArray(SaanChatRow) << "saan_chat_conversation_snapshots_row"
                                   << "8d0c8c1e-3a55-4b8e-bb6e-6f3e9c5f0b11" << utc("2025-07-03T15:10:00Z")
                                   << "session_ended" << QByteArray(R"({"platform":"facebook","total_messages":30,
          "duration_s":900,"order_created":false,"satisfaction":2,"human_handoff":true,"avg_confidence":0.55,
          "customer_id":"c3a1f0a2-55b1-4b2f-9f0d-1e2d3c4b5a69"})")
                                   << qint64(-1) << qint64(-1);
    QTest::newRow("SAAN daily inventory document")
        << "daily_inventory" << QByteArray(R"({
      "snapshot_date": "2025-07-03", "product_id": "prod_123", "opening_stock": 100, "closing_stock": 95,
      "total_inbound": 20, "total_outbound": 25, "adjustments": 0, "average_cost": 15.50, "total_value": 1472.50,
      "snapshot_created_at": "2025-07-03T23:59:00Z" })")
        << "saan_daily_inventory_snapshot"
        << "prod_123" << utc("2025-07-03T23:59:00Z") << "daily"
        << QByteArray(R"({"store_code":"","opening_stock":100,"closing_stock":95,"total_value":1472.5})") << qint64(-1)
        << qint64(-1);
    // A deployment with stores (the demo's) names the store beside the product: one timeline per store and product.
    QTest::newRow("SAAN daily inventory document of a store")
        << "daily_inventory" << QByteArray(R"({
      "snapshot_date": "2025-07-03", "store_code": "STORE002", "product_id": "prod_123", "opening_stock": 100,
      "closing_stock": 95, "total_inbound": 20, "total_outbound": 25, "adjustments": 0, "average_cost": 15.50,
      "total_value": 1472.50, "snapshot_created_at": "2025-07-03T23:59:00Z" })")
        << "saan_daily_inventory_snapshot_by_store"
        << "STORE002:prod_123" << utc("2025-07-03T23:59:00Z") << "daily"
        << QByteArray(R"({"store_code":"STORE002","opening_stock":100,"closing_stock":95,"total_value":1472.5})")
        << qint64(-1) << qint64(-1);
    QTest::newRow("SAAN daily_inventory_snapshots row")
        << "daily_inventory" << QByteArray(R"({
      "id": "a0a0a0a0-b1b1-4c2c-8d3d-e4e4e4e4e4e4", "snapshot_date": "2025-07-03", "product_id": "prod_123",
      "opening_stock": 100, "closing_stock": 95, "total_inbound": 20, "total_outbound": 25, "adjustments": 0,
      "average_cost": 15.50, "total_value": 1472.50, "snapshot_created_at": "2025-07-03T23:59:00" })")
        << "saan_daily_inventory_snapshots_row"
        << "prod_123" << utc("2025-07-03T16:59:00Z") << "daily"
        << QByteArray(R"({"store_code":"","opening_stock":100,"closing_stock":95,"total_value":1472.5})") << qint64(-1)
        << qint64(-1);
    QTest::newRow("stock service StockSnapshotDocument")
        << "stock" << QByteArray(R"({
      "_id": "665f1c2e9b1e8a3d4c5b6a79", "tenant_id": "tenant-a", "store_code": "STORE001",
      "snapshot_id": "4b0c7c8e-1f2a-4d3b-9c8d-7e6f5a4b3c2d", "total_items": 2, "total_quantity": 150.5,
      "stocks": [ { "item_code": "ITEM-1", "quantity": 100.5, "minimum_quantity": 10, "reorder_point": 20, "reorder_quantity": 50 },
                  { "item_code": "ITEM-2", "quantity": 50, "minimum_quantity": 5, "reorder_point": 10, "reorder_quantity": 25 } ],
      "created_by": "system", "generate_date_time": "2025-07-03T02:00:00+09:00",
      "created_at": "2025-07-02T17:00:00Z", "updated_at": "2025-07-02T17:00:00Z" })")
        << "stock_snapshot_document"
        << "STORE001" << utc("2025-07-02T17:00:00Z") << "scheduled"
        << QByteArray(R"({"total_items":2,"total_quantity":150.5})") << qint64(-1) << qint64(-1);
    QTest::newRow("stock service schedule document")
        << "stock_schedule" << QByteArray(R"({
      "_id": "665f1c2e9b1e8a3d4c5b6a80", "tenant_id": "tenant-a", "schedule_interval": "weekly", "schedule_hour": 3,
      "schedule_minute": 0, "schedule_day_of_week": 0, "retention_days": 180,
      "target_stores": ["STORE001", "STORE002"], "enabled": true, "last_executed_at": "2025-06-30T03:00:00Z",
      "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-06-30T03:00:01Z" })")
        << "snapshot_schedule_document"
        << "tenant-a" << utc("2025-06-30T03:00:01Z") << "weekly"
        << QByteArray(R"({"enabled":true,"schedule_hour":3,"schedule_minute":0,"retention_days":180})") << qint64(-1)
        << qint64(-1);
    QTest::newRow("event store Snapshot object") << "aggregate" << QByteArray(R"({
      "id": "snap-1", "aggregateId": "workflow-42", "version": 150, "timestamp": "2025-07-03T10:00:00.000Z",
      "data": { "status": "running", "steps": [] },
      "metadata": { "eventType": "StepCompleted", "compressed": false, "size": 2048, "checksum": "ab12",
        "createdFromVersion": 100 } })") << "event_store_snapshot"
                                                 << "workflow-42" << utc("2025-07-03T10:00:00Z") << "event_driven"
                                                 << QByteArray(R"({"version":150,"event_seq":150,"status":"running"})")
                                                 << qint64(150) << qint64(150);
    QTest::newRow("event_snapshots row") << "aggregate" << QByteArray(R"({
      "id": "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", "aggregate_id": "workflow-42", "version": 200,
      "timestamp": "2025-07-03T17:00:00+07:00", "data": { "status": "done" }, "metadata": {},
      "created_at": "2025-07-03T17:00:01+07:00", "updated_at": "2025-07-03T17:00:01+07:00" })")
                                         << "event_snapshots_row"
                                         << "workflow-42" << utc("2025-07-03T10:00:00Z") << "event_driven"
                                         << QByteArray(R"({"version":200,"event_seq":200,"status":"done"})")
                                         << qint64(200) << qint64(200);
    QTest::newRow("account snapshot record")
        << "account" << QByteArray(R"({
      "id": 123, "account_id": 5, "account_name": "TechCorp Solutions", "snapshot_type": "event_driven",
      "trigger_event": "kpi_data_uploaded", "health_score": 72.5, "created_at": "2025-01-15T10:00:00Z" })")
        << "account_snapshot_record"
        << "5" << utc("2025-01-15T10:00:00Z") << "event_driven"
        << QByteArray(R"({"health_score":72.5,"trigger_event":"kpi_data_uploaded"})") << qint64(-1) << qint64(-1);
}

void TestKinds::shapeRecognised()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, document);
    QFETCH(QString, shape);
    QFETCH(QString, entity);
    QFETCH(qint64, takenAt);
    QFETCH(QString, type);
    QFETCH(QByteArray, summary);
    QFETCH(qint64, version);
    QFETCH(qint64, eventSeq);
    const KindDefinition *k = KindRegistry::find(kind);
    QVERIFY(k);
    const QJsonObject doc = json(document.constData());
    const KindShape *s = k->recognise(doc);
    QVERIFY2(s, qPrintable(k->whyUnrecognised(doc)));
    QCOMPARE(s->name, shape);
    QCOMPARE(s->entityOf(doc).value_or(QString()), entity);
    QCOMPARE(s->timeOf(doc, Bangkok).value_or(-1), takenAt);
    QCOMPARE(s->typeOf(doc).value_or(QString()), type);
    QCOMPARE(s->versionOf(doc).value_or(-1), version);
    QCOMPARE(s->eventSeqOf(doc).value_or(-1), eventSeq);
    QJsonObject got = k->summarize(doc);
    // Means are compared to the cent.
    if (got.contains(u"avg_confidence"))
        got.insert(QStringLiteral("avg_confidence"), std::round(got.value(u"avg_confidence").toDouble() * 100) / 100);
    QCOMPARE(got, json(summary.constData()));
}

void TestKinds::chatChartFactsFromEveryChatShape_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<bool>("handoff");
    QTest::addColumn<bool>("orderCreated");
    QTest::addColumn<double>("orderValue");
    QTest::addColumn<double>("satisfaction");
    QTest::newRow("SAAN document") << QByteArray(SaanChat) << "line" << qint64(420) << false << true << 285.5 << 5.0;
    QTest::newRow("SAAN row") << QByteArray(SaanChatRow) << "facebook" << qint64(900) << true << false << 0.0 << 2.0;
    QTest::newRow("SnapScope 1.x") << QByteArray(R"({"session_id":"CH-1","platform":"whatsapp","total_messages":4,
        "duration_s":61,"ai":{"avg_confidence":0.8,"human_handoff":false},"outcome":{"order_created":true,
        "order_value":99.0,"satisfaction":4},"customer":{"id":"C-1"}})")
                                   << "whatsapp" << qint64(61) << false << true << 99.0 << 4.0;
}

void TestKinds::chatChartFactsFromEveryChatShape()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, platform);
    QFETCH(qint64, duration);
    QFETCH(bool, handoff);
    QFETCH(bool, orderCreated);
    QFETCH(double, orderValue);
    QFETCH(double, satisfaction);
    const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"));
    const QJsonObject doc = json(document.constData());
    const KindShape *shape = chat->recognise(doc);
    QVERIFY(shape);
    SnapshotHeader h;
    h.id = QStringLiteral("0190f0f0-0000-7000-8000-000000000001");
    h.tenant = QStringLiteral("acme-th");
    h.kind = QStringLiteral("chat");
    h.entityId = *shape->entityOf(doc);
    h.type = QStringLiteral("session_ended");
    const auto row = SqlChartFacts::rowOf(h, *chat, *shape, doc, QStringLiteral("2025-07-03"));
    QVERIFY(row);
    QVERIFY(!row->inventory);
    // (snapshot_id, tenant, session, customer, platform, type, taken_at, day, messages, duration, handoff,
    //  avg_confidence, order_created, order_value, satisfaction)
    QCOMPARE(row->values.at(4).toString(), platform);
    QCOMPARE(row->values.at(9).toLongLong(), duration);
    QCOMPARE(row->values.at(10).toBool(), handoff);
    QCOMPARE(row->values.at(12).toBool(), orderCreated);
    QCOMPARE(row->values.at(13).toDouble(), orderValue);
    QCOMPARE(row->values.at(14).toDouble(), satisfaction);
}

void TestKinds::dailyInventoryFactsFromTheSaanRow()
{
    const KindDefinition *daily = KindRegistry::find(QStringLiteral("daily_inventory"));
    const QJsonObject doc = json(R"({"id":"a0a0a0a0-b1b1-4c2c-8d3d-e4e4e4e4e4e4","snapshot_date":"2025-07-03",
        "product_id":"prod_123","opening_stock":100,"closing_stock":95,"total_inbound":20,"total_outbound":25,
        "adjustments":0,"average_cost":15.50,"total_value":1472.50,"snapshot_created_at":"2025-07-03T23:59:00"})");
    const KindShape *shape = daily->recognise(doc);
    QVERIFY(shape);
    SnapshotHeader h;
    h.tenant = QStringLiteral("acme-th");
    h.kind = daily->id;
    const auto row = SqlChartFacts::rowOf(h, *daily, *shape, doc, QStringLiteral("2025-07-03"));
    QVERIFY(row && row->inventory);
    // (tenant, store, product, day, opening, closing, inbound, outbound, adjustments, average_cost, value, id)
    QCOMPARE(row->values.at(2).toString(), QStringLiteral("prod_123"));
    QCOMPARE(row->values.at(3).toString(), QStringLiteral("2025-07-03"));
    QCOMPARE(row->values.at(6).toLongLong(), 20);
    QCOMPARE(row->values.at(7).toLongLong(), 25);
    QCOMPARE(row->values.at(9).toDouble(), 15.5);
    QCOMPARE(row->values.at(10).toDouble(), 1472.5);
}

void TestKinds::wallClockTimesAreReadAsFields_data()
{
    // A row's TIMESTAMP without a zone, read in the tenant's zone (Bangkok, UTC+7), whatever the host's zone.
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: not a time
    const qint64 base = QDateTime(QDate(2025, 7, 3), QTime(16, 59), QTimeZone::utc()).toMSecsSinceEpoch();
    QTest::newRow("T") << "2025-07-03T23:59:00" << base;
    QTest::newRow("space") << "2025-07-03 23:59:00" << base;
    QTest::newRow("milliseconds") << "2025-07-03 23:59:00.250" << base + 250;
    QTest::newRow("microseconds") << "2025-07-03 23:59:00.250123" << base + 250;
    QTest::newRow("offset wins") << "2025-07-03T23:59:00Z" << base + 7 * 3600 * 1000;
    // 02:30 on the day a DST zone skips from 02:00 to 03:00 (the US, 2026-03-08): a plain wall-clock time here.
    QTest::newRow("in a DST gap elsewhere")
        << "2026-03-08 02:30:00" << QDateTime(QDate(2026, 3, 7), QTime(19, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QTest::newRow("no time") << "2025-07-03" << qint64(-1);
    QTest::newRow("bad hour") << "2025-07-03 25:00:00" << qint64(-1);
    QTest::newRow("bad separator") << "2025-07-03x23:59:00" << qint64(-1);
}

void TestKinds::wallClockTimesAreReadAsFields()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const KindDefinition *daily = KindRegistry::find(QStringLiteral("daily_inventory"));
    QJsonObject doc = json(R"({"id":"r1","snapshot_date":"2025-07-03","product_id":"p","closing_stock":1})");
    doc.insert(QStringLiteral("snapshot_created_at"), text);
    const KindShape *shape = daily->recognise(doc);
    QVERIFY(shape);
    const auto at = shape->timeOf(doc, QTimeZone("Asia/Bangkok"));
    if (expected < 0) {
        QVERIFY(!at);
        return;
    }
    QVERIFY(at);
    QCOMPARE(*at, expected);
}

void TestKinds::stampedSetsVersionTimeAndType()
{
    // The event store's snapshot: version (and event sequence) and timestamp; the account record: time and type.
    const KindDefinition *aggregate = KindRegistry::find(QStringLiteral("aggregate"));
    const QJsonObject snapshot = json(R"({"id":"s","aggregateId":"a","version":10,"timestamp":"2026-01-01T00:00:00Z",
        "data":{"status":"open"}})");
    const KindShape *shape = aggregate->recognise(snapshot);
    QVERIFY(shape);
    const EpochMs at = QDateTime(QDate(2026, 2, 1), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const QJsonObject stamped = shape->stamped(snapshot, 20, at);
    QCOMPARE(stamped.value(u"version").toInt(), 20);
    QCOMPARE(stamped.value(u"timestamp").toString(), QStringLiteral("2026-02-01T08:00:00Z"));
    QCOMPARE(stamped.value(u"data"), snapshot.value(u"data"));
    const KindDefinition *account = KindRegistry::find(QStringLiteral("account"));
    const QJsonObject record
        = json(R"({"account_id":"ACC-1","snapshot_type":"event_driven","created_at":"2026-01-01T00:00:00Z",
        "health_score":70})");
    const KindShape *recordShape = account->recognise(record);
    QVERIFY(recordShape);
    const QJsonObject again = recordShape->stamped(record, std::nullopt, at, QStringLiteral("manual"));
    QCOMPARE(again.value(u"snapshot_type").toString(), QStringLiteral("manual"));
    QCOMPARE(again.value(u"created_at").toString(), QStringLiteral("2026-02-01T08:00:00Z"));
    QVERIFY(!again.contains(u"version"));
    QCOMPARE(recordShape->timeOf(again, QTimeZone::utc()), std::optional<EpochMs>(at));
}

void TestKinds::stateInsideARecord()
{
    // The order service's item keeps the order in `state` and counts its own snapshots in `version` beside the
    // event sequence: stamping sets the sequence and time, not the version; the record's metadata is its own.
    const KindDefinition *order = KindRegistry::find(QStringLiteral("order"));
    const QJsonObject item = json(R"({"orderId":"ORD-1","version":3,"lastEventSequence":30,"timestamp":1767225600000,
        "state":{"id":"ORD-1","customerId":"C1","totalAmount":120.5,"status":"SHIPPED","updatedAt":"2026-01-01T00:00:00Z"},
        "metadata":{"createdBy":"system","reason":"threshold-reached"}})");
    const KindShape *shape = order->recognise(item);
    QVERIFY(shape);
    QCOMPARE(shape->name, QStringLiteral("order_service_snapshot"));
    QVERIFY(shape->countsVersions());
    QCOMPARE(shape->stateOf(item), item.value(u"state").toObject());
    const QJsonObject stamped = shape->stamped(item, 34, 1767229200000);
    QCOMPARE(stamped.value(u"lastEventSequence").toInteger(), qint64(34));
    QCOMPARE(stamped.value(u"version").toInteger(), qint64(3)); // a snapshot counter, not the event sequence
    QCOMPARE(stamped.value(u"timestamp").toInteger(), qint64(1767229200000));
    const QJsonObject forward = shape->withoutRecordMembers(stamped);
    QVERIFY(!forward.contains(u"metadata"));
    QCOMPARE(forward.value(u"state"), item.value(u"state"));
    QVERIFY(shape->matches(forward));
    const QJsonObject replaced = shape->withState(item, json(R"({"id":"ORD-1","status":"DELIVERED"})"));
    QCOMPARE(replaced.value(u"state").toObject().value(u"status").toString(), QStringLiteral("DELIVERED"));
    QCOMPARE(replaced.value(u"orderId").toString(), QStringLiteral("ORD-1"));
    QCOMPARE(shape->contentOf(item), item.value(u"state").toObject());
    // The order as its events build it is a shape of its own, read with the service's names.
    const KindShape *bare = order->recognise(item.value(u"state").toObject());
    QVERIFY(bare);
    QCOMPARE(bare->name, QStringLiteral("order_service_state"));
    QCOMPARE(bare->value(item.value(u"state").toObject(), u"total_amount").toDouble(), 120.5);
    // A shape without a state pointer: the document is the state; its content leaves out what stamping writes.
    const KindDefinition *aggregate = KindRegistry::find(QStringLiteral("aggregate"));
    const QJsonObject legacy = json(R"({"id":"cart-1","status":"open","version":5,"event_seq":5,
        "updated_at":"2026-01-01T00:00:00Z"})");
    const KindShape *legacyShape = aggregate->recognise(legacy);
    QVERIFY(legacyShape);
    QVERIFY(!legacyShape->state);
    QVERIFY(!legacyShape->countsVersions());
    QCOMPARE(legacyShape->stateOf(legacy), legacy);
    QCOMPARE(legacyShape->contentOf(legacy), json(R"({"id":"cart-1","status":"open"})"));
    QCOMPARE(legacyShape->stamped(legacy, 7, 1767229200000).value(u"version").toInteger(), qint64(7));
    // A state pointer or record member that is the whole document is refused.
    QJsonObject definition = aggregate->definition;
    QJsonArray shapes = definition.value(u"shapes").toArray();
    QJsonObject first = shapes.at(0).toObject();
    first.insert(QStringLiteral("state"), QString());
    shapes.replace(0, first);
    definition.insert(QStringLiteral("shapes"), shapes);
    definition.insert(QStringLiteral("kind"), QStringLiteral("workflow"));
    auto refused = KindDefinition::fromJson(definition, QStringLiteral("test"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"state"), qPrintable(refused.error().message));
}

void TestKinds::chatSignificanceIsTheGuidesRule_data()
{
    // shouldSnapshotSession: order created, complaint, hand-off, average confidence below 0.7, longer than 10 minutes.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("summary");
    QTest::addColumn<bool>("significant");
    QTest::newRow("order created") << "session_ended" << QByteArray(R"({"order_created":true})") << true;
    QTest::newRow("complaint") << "complaint" << QByteArray("{}") << true;
    QTest::newRow("escalated") << "escalated" << QByteArray("{}") << true;
    QTest::newRow("hand-off") << "session_ended" << QByteArray(R"({"human_handoff":true})") << true;
    QTest::newRow("low confidence") << "session_ended" << QByteArray(R"({"avg_confidence":0.69})") << true;
    QTest::newRow("confidence 0.7") << "session_ended" << QByteArray(R"({"avg_confidence":0.7})") << false;
    QTest::newRow("11 minutes") << "session_ended" << QByteArray(R"({"duration_s":660})") << true;
    QTest::newRow("10 minutes") << "session_ended" << QByteArray(R"({"duration_s":600})") << false;
    QTest::newRow("an ordinary chat") << "session_ended" << QByteArray(R"({"order_created":false,"human_handoff":false,
                                             "avg_confidence":0.9,"duration_s":120})")
                                      << false;
}

void TestKinds::chatSignificanceIsTheGuidesRule()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, summary);
    QFETCH(bool, significant);
    const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"));
    QCOMPARE(chat->isSignificant(type, json(summary.constData()), false), significant);
    QVERIFY(chat->isSignificant(type, json(summary.constData()), true)); // pinned
}

void TestKinds::volatileAndPersonalFieldsByShape()
{
    const KindDefinition *stock = KindRegistry::find(QStringLiteral("stock"));
    const QJsonObject a = json(R"({"_id":"1","tenant_id":"t","store_code":"S1","snapshot_id":"x","total_items":1,
        "total_quantity":1,"stocks":[{"item_code":"I","quantity":1}],"created_by":"u1",
        "generate_date_time":"2025-07-03T02:00:00Z","created_at":"2025-07-03T02:00:00Z","updated_at":"2025-07-03T02:00:00Z"})");
    QJsonObject b = a;
    b.insert(QStringLiteral("_id"), QStringLiteral("2"));
    b.insert(QStringLiteral("snapshot_id"), QStringLiteral("y"));
    b.insert(QStringLiteral("generate_date_time"), QStringLiteral("2025-07-04T02:00:00Z"));
    QCOMPARE(stock->withoutVolatile(a), stock->withoutVolatile(b));
    b.insert(QStringLiteral("total_quantity"), 2);
    QVERIFY(stock->withoutVolatile(a) != stock->withoutVolatile(b));
    QCOMPARE(stock->recognise(a)->typeOf(a), QStringLiteral("manual")); // an operator took it

    const KindDefinition *order = KindRegistry::find(QStringLiteral("order"));
    const QJsonObject saan = json(R"({"order_id":"o1","snapshot_type":"created","order_state":{"customer":
        {"id":"c1","phone":"0812345678","email":"a@b.th"},"delivery":{"address":{"line1":"1 Sukhumvit"}}}})");
    QCOMPARE(order->personalPointers(saan),
        QStringList({ QStringLiteral("/order_state/customer/phone"), QStringLiteral("/order_state/customer/email"),
            QStringLiteral("/order_state/delivery/address") }));
}

void TestKinds::factsAndMaskingReadEveryShapeByName()
{
    // The case view's chat panel reads key messages by name: "content" in the SAAN guide, "text" in SnapScope 1.x.
    const KindFacts saan(QStringLiteral("chat"), json(SaanChat));
    QVERIFY(saan.isRecognised());
    const QList<QJsonObject> messages = saan.elements(u"key_messages");
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).value(u"text").toString(), QStringLiteral("ยืนยันการสั่งซื้อเรียบร้อยแล้วค่ะ รวม 285.50 บาท"));
    QCOMPARE(messages.at(1).value(u"sender").toString(), QStringLiteral("bot"));
    QCOMPARE(saan.raw(u"intent_progression").toArray().size(), 4);
    const KindFacts old(QStringLiteral("chat"), json(R"({"session_id":"CH-1","ai":{},"outcome":{},
        "key_messages":[{"timestamp":"2026-01-01T00:00:00Z","sender":"customer","text":"hello"}]})"));
    QCOMPARE(old.elements(u"key_messages").at(0).value(u"text").toString(), QStringLiteral("hello"));

    // Personal fields are the definition's: the SAAN order's customer phone is masked, its customer id is not.
    const QJsonObject order = json(R"({"order_id":"o1","snapshot_type":"created","order_state":{"status":"created",
        "customer":{"id":"c1","name":"Ann","phone":"0812345678"},"delivery":{"address":{"line1":"1 Sukhumvit",
        "postcode":"10110"}}}})");
    const QJsonObject masked = Pii::masked(order, QStringLiteral("order")).toObject();
    const KindFacts facts(QStringLiteral("order"), masked);
    QCOMPARE(facts.text(u"customer_phone"), QStringLiteral("••••••••78"));
    QCOMPARE(facts.text(u"customer_id"), QStringLiteral("c1"));
    QVERIFY(!facts.text(u"delivery_address").contains(u"Sukhumvit"));
    const KindFacts revealed(
        QStringLiteral("order"), Pii::masked(order, QStringLiteral("order"), { QStringLiteral("phone") }).toObject());
    QCOMPARE(revealed.text(u"customer_phone"), QStringLiteral("0812345678"));
    // A summary is masked by the name rule even when it looks like a shape (an order summary has "status").
    const QJsonObject summary = json(R"({"status":"created","customer_id":"c1","customer_phone":"0812345678"})");
    QCOMPARE(Pii::masked(summary, QStringLiteral("order")).toObject().value(u"customer_phone").toString(),
        QStringLiteral("••••••••78"));
    QVERIFY(Pii::personalPointers(summary, QStringLiteral("order")).contains(QStringLiteral("/customer_phone")));
    // As a support login reads it on a shared store (issue 26): the address is one placeholder, and the fact joined
    // from its members says so rather than nothing.
    const KindFacts withheld(QStringLiteral("order"), Pii::withhold(order, QStringLiteral("order")).document);
    QCOMPARE(withheld.text(u"delivery_address"), QString(Pii::Withheld));
    QCOMPARE(withheld.text(u"customer_phone"), QString(Pii::Withheld));
    QCOMPARE(KindFacts(QStringLiteral("order"), order).text(u"delivery_address"), QStringLiteral("1 Sukhumvit, 10110"));
    // An unknown kind has no facts.
    QVERIFY(!KindFacts(QStringLiteral("nothing"), order).isRecognised());
}

void TestKinds::unrecognisedDocumentSaysWhatItLacks()
{
    const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"));
    const QJsonObject doc = json(R"({"session_id":"s","conversation_context":{}})");
    QVERIFY(!chat->recognise(doc));
    QCOMPARE(chat->summarize(doc), QJsonObject());
    const QString why = chat->whyUnrecognised(doc);
    QVERIFY2(why.contains(u"saan_chat_snapshot lacks /business_outcome"), qPrintable(why));
}

void TestKinds::notWorthASnapshot()
{
    for (const char *id : { "cart", "stock_level", "search", "chat_message" }) {
        QVERIFY(!KindRegistry::find(QString::fromLatin1(id)));
        QVERIFY(KindRegistry::notWorthReason(QString::fromLatin1(id)).has_value());
    }
    QVERIFY(KindRegistry::notWorthReason(QStringLiteral("cart"))->contains(u"temporary"));
    QVERIFY(!KindRegistry::notWorthReason(QStringLiteral("order")));
}

void TestKinds::importedDefinitionIsCheckedAndWorks()
{
    const QJsonObject definition = json(R"({"kind":"invoice","name":"Invoices","entity_label":"invoice number",
        "types":["issued","paid","voided"],"summary":["amount","paid"],
        "significant":{"types":["voided"],"when":[{"field":"amount","above":10000}]},
        "shapes":[{"name":"erp_invoice","requires":["/invoice_no","/lines"],"entity":"/invoice_no",
          "time":"/issued_at","type":"/state","fields":{"amount":{"sum":"/lines","of":"/amount"},"paid":"/paid"},
          "identities":{"/lines":["line_no"]},"volatile":["/printed_at"],"money":["/lines/*/amount"]}]})");
    auto kind = KindDefinition::fromJson(definition, QStringLiteral("invoice.json"));
    QVERIFY2(kind, kind ? "" : qPrintable(kind.error().message));
    QVERIFY(!kind->builtIn);
    QCOMPARE(kind->displayNameText(), QStringLiteral("Invoices"));
    const QJsonObject doc = json(R"({"invoice_no":"INV-9","state":"issued","issued_at":"2025-07-03T10:00:00+07:00",
        "paid":false,"lines":[{"line_no":1,"amount":9000},{"line_no":2,"amount":2500.5}],"printed_at":"x"})");
    QCOMPARE(kind->summarize(doc), json(R"({"amount":11500.5,"paid":false})"));
    QVERIFY(kind->isSignificant(QStringLiteral("issued"), kind->summarize(doc), false));
    QCOMPARE(kind->identitiesFor(doc).at(0).keys, QStringList { QStringLiteral("line_no") });
    QVERIFY(!kind->withoutVolatile(doc).contains(u"printed_at"));

    KindRegistry::install({ *kind });
    QVERIFY(KindRegistry::find(QStringLiteral("invoice")));
    QVERIFY(KindRegistry::ids().contains(QStringLiteral("invoice")));
    const KindDefinition *before = KindRegistry::find(QStringLiteral("invoice"));
    KindRegistry::install({ *kind });
    QCOMPARE(KindRegistry::find(QStringLiteral("invoice")), before); // the same definition keeps its object
    KindRegistry::install({});
    QVERIFY(!KindRegistry::find(QStringLiteral("invoice")));
    QCOMPARE(before->id, QStringLiteral("invoice")); // still readable by whoever held it
}

void TestKinds::deltaIsKeptOnlyWhenItsWithheldFormRebuilds()
{
    // On a store that keeps personal fields apart the writer stores Pii::withholdPatch(patch) on the withheld base
    // (issue 26). A version whose withheld patch would not make its withheld document must be stored whole.
    auto kind = KindDefinition::fromJson(json(R"({"kind":"t26_card","name":"Cards","entity_label":"card",
        "summary":[],"shapes":[
          {"name":"held","requires":["/held"],"entity":"/card","personal":["/holder"]},
          {"name":"plain","requires":["/plain"],"entity":"/card"}]})"),
        QStringLiteral("t26_card.json"));
    QVERIFY2(kind, kind ? "" : qPrintable(kind.error().message));
    KindRegistry::install({ *kind });
    const auto cleanup = qScopeGuard([] { KindRegistry::install({}); });
    QJsonArray filler;
    for (int i = 0; i < 200; ++i)
        filler.append(
            QJsonObject { { QStringLiteral("line"), i }, { QStringLiteral("text"), QStringLiteral("same") } });
    const auto card = [&](const QString &shape, int n, const QString &mobile) {
        return QJsonObject { { QStringLiteral("card"), QStringLiteral("C-1") }, { shape, true },
            { QStringLiteral("holder"), QStringLiteral("Somchai") }, { QStringLiteral("n"), n },
            { QStringLiteral("mobile_phone"), mobile }, { QStringLiteral("lines"), filler } };
    };
    SnapshotStrategy strategy;
    strategy.incremental = true;
    PayloadCodec codec;
    const QString previousId = QStringLiteral("0190b0c4-0000-7000-8000-000000000001");

    // An ordinary change, the phone included: a delta either way, and its withheld patch rebuilds the withheld form.
    const QJsonObject before = card(QStringLiteral("held"), 1, QStringLiteral("0812345678"));
    NewSnapshot next;
    next.kind = QStringLiteral("t26_card");
    next.payload = card(QStringLiteral("held"), 2, QStringLiteral("0899999999"));
    QCOMPARE(SnapshotCompactor::chooseStorage(next, before, previousId, 0, strategy, codec, true), 1);
    QCOMPARE(next.baseId, previousId);
    const QJsonArray withheldPatch = Pii::withholdPatch(next.patch, Pii::personalPointers(next.payload, next.kind));
    QByteArray patchBytes;
    CanonicalJson::append(patchBytes, withheldPatch);
    QVERIFY(!patchBytes.contains("0899999999"));
    auto rebuilt = JsonPatch::apply(Pii::withhold(before, next.kind).document, withheldPatch);
    QVERIFY(rebuilt);
    QCOMPARE(CanonicalJson::write(rebuilt->toObject()),
        CanonicalJson::write(Pii::withhold(next.payload, next.kind).document));

    // The holder is personal in the "held" shape only: after a change of shape it is no longer withheld, and the
    // patch (which does not touch it) cannot make it whole again from the placeholder. A delta on a local file only.
    next = NewSnapshot {};
    next.kind = QStringLiteral("t26_card");
    next.payload = card(QStringLiteral("plain"), 2, QStringLiteral("0812345678"));
    QCOMPARE(SnapshotCompactor::chooseStorage(next, before, previousId, 0, strategy, codec, false), 1);
    QVERIFY(!next.baseId.isEmpty());
    QCOMPARE(SnapshotCompactor::chooseStorage(next, before, previousId, 0, strategy, codec, true), 0);
    QVERIFY(next.baseId.isEmpty());
    QVERIFY(next.patch.isEmpty());
}

void TestKinds::badDefinitionsAreRefusedWithWhere_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<QString>("message");
    QTest::newRow("id") << QByteArray(R"({"kind":"Bad Kind","shapes":[]})") << "kind: expected an id";
    QTest::newRow("no shape") << QByteArray(R"({"kind":"k"})") << "shapes: a kind needs at least one shape";
    QTest::newRow("pointer") << QByteArray(R"({"kind":"k","shapes":[{"name":"s","requires":["no-slash"],
        "entity":"/a"}]})") << "shapes[0](s).requires: expected a JSON Pointer";
    QTest::newRow("SQL in a field name") << QByteArray(R"({"kind":"k","summary":["a') OR 1=1 --"],
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})")
                                         << "summary: expected names";
    QTest::newRow("significance on no summary field")
        << QByteArray(R"({"kind":"k","summary":["a"],"significant":{"when":[{"field":"b","is":true}]},
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})")
        << "\"b\" is not one of the summary fields";
    QTest::newRow("a typo in a shape") << QByteArray(R"({"kind":"k","summary":["a"],
        "shapes":[{"name":"s","require":["/a"],"requires":["/a"],"entity":"/a"}]})")
                                       << "shapes[0](s): unknown member \"require\"";
    QTest::newRow("a typo at the top") << QByteArray(R"({"kind":"k","sumary":["a"],
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})")
                                       << "unknown member \"sumary\"";
    QTest::newRow("a typo in a rule") << QByteArray(
        R"({"kind":"k","summary":["a"],"significant":{"when":[{"field":"a","bellow":3}]},
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a","fields":{"a":"/a"}}]})")
                                      << "significant.when: unknown member \"bellow\"";
    QTest::newRow("a typo in a field") << QByteArray(R"({"kind":"k","summary":["a"],
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a","fields":{"a":{"sum":"/l","off":"/x"}}}]})")
                                       << "fields.a: unknown member \"off\"";
    QTest::newRow("a typo in a time") << QByteArray(R"({"kind":"k","summary":["a"],
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a","time":{"at":"/t","fromat":"date"}}]})")
                                      << "time: unknown member \"fromat\"";
    QTest::newRow("a summary field twice") << QByteArray(R"({"kind":"k","summary":["a","b","a"],
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})")
                                           << "summary: a field is named twice";
    QTest::newRow("the whole document as a personal field")
        << QByteArray(R"({"kind":"k","shapes":[{"name":"s","requires":["/a"],"entity":"/a","personal":[""]}]})")
        << "shapes[0](s).personal: the whole document";
    QTest::newRow("zone") << QByteArray(R"({"kind":"k","shapes":[{"name":"s","requires":["/a"],"entity":"/a",
        "time":{"at":"/t","zone":"Mars/Olympus"}}]})")
                          << "unknown time zone \"Mars/Olympus\"";
}

void TestKinds::badDefinitionsAreRefusedWithWhere()
{
    QFETCH(QByteArray, definition);
    QFETCH(QString, message);
    const auto kind = KindDefinition::fromJson(json(definition.constData()), QStringLiteral("k.json"));
    QVERIFY(!kind);
    QVERIFY2(kind.error().message.startsWith(u"k.json: "), qPrintable(kind.error().message));
    QVERIFY2(kind.error().message.contains(message), qPrintable(kind.error().message));
}

QTEST_GUILESS_MAIN(TestKinds)
#include "tst_kinds.moc"
