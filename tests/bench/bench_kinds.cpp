// Kind definitions benchmark (issue 23): recognising a document's shape and extracting its summary, for ~2 KB
// documents of the seed shapes (written here and as the demo writes them) and of SnapScope 1.x's chat (the JSON is
// parsed once, outside the timing: what is measured is the work a definition adds per document). Prints its figures;
// asserts nothing.
//   build/release/tests/bench/bench_kinds [--runs 5]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <vector>

#include "domain/kindregistry.h"
#include "ops/demogenerator.h"

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// The SAAN guide's chat snapshot, grown to about 2 KB with key messages.
QJsonObject saanChat()
{
    QJsonArray messages;
    for (int i = 0; i < 9; ++i)
        messages.append(
            QJsonObject { { QStringLiteral("timestamp"), QStringLiteral("2025-07-03T15:%1:00Z").arg(30 + i) },
                { QStringLiteral("sender"), i % 2 ? QStringLiteral("bot") : QStringLiteral("customer") },
                { QStringLiteral("content"), QStringLiteral("อยากสั่งโค้กกับมาม่า ขอสองแพ็คค่ะ") },
                { QStringLiteral("intent"), QStringLiteral("product_inquiry") } });
    return QJsonObject { { QStringLiteral("snapshot_id"), QStringLiteral("chat_snap_456") },
        { QStringLiteral("session_id"), QStringLiteral("chat_sess_123") },
        { QStringLiteral("customer_id"), QStringLiteral("cust_789") },
        { QStringLiteral("snapshot_type"), QStringLiteral("order_created") },
        { QStringLiteral("timestamp"), QStringLiteral("2025-07-03T15:45:00Z") },
        { QStringLiteral("conversation_context"),
            QJsonObject { { QStringLiteral("platform"), QStringLiteral("line") },
                { QStringLiteral("total_messages"), 12 }, { QStringLiteral("conversation_duration"), 420 },
                { QStringLiteral("intent_progression"),
                    QJsonArray { QStringLiteral("greeting"), QStringLiteral("product_inquiry"),
                        QStringLiteral("order_creation"), QStringLiteral("payment_confirmation") } },
                { QStringLiteral("ai_confidence_scores"), QJsonArray { 0.95, 0.87, 0.92, 0.98 } },
                { QStringLiteral("human_handoff"), false } } },
        { QStringLiteral("business_outcome"),
            QJsonObject { { QStringLiteral("order_created"), true },
                { QStringLiteral("order_id"), QStringLiteral("order_456") }, { QStringLiteral("order_value"), 285.5 },
                { QStringLiteral("conversion_rate"), 1.0 }, { QStringLiteral("customer_satisfaction"), 5 } } },
        { QStringLiteral("key_messages"), messages } };
}

// The SAAN guide's order snapshot with eight items.
QJsonObject saanOrder()
{
    QJsonArray items;
    for (int i = 0; i < 8; ++i)
        items.append(QJsonObject { { QStringLiteral("product_id"), QStringLiteral("prod_%1").arg(100 + i) },
            { QStringLiteral("name"), QStringLiteral("โค้ก 325ml") }, { QStringLiteral("quantity"), i + 1 },
            { QStringLiteral("unit_price"), 20.0 }, { QStringLiteral("subtotal"), 20.0 * (i + 1) } });
    return QJsonObject { { QStringLiteral("snapshot_id"), QStringLiteral("snap_123") },
        { QStringLiteral("order_id"), QStringLiteral("order_456") },
        { QStringLiteral("snapshot_type"), QStringLiteral("confirmed") },
        { QStringLiteral("timestamp"), QStringLiteral("2025-07-03T14:30:00Z") },
        { QStringLiteral("triggered_by"),
            QJsonObject { { QStringLiteral("user_id"), QStringLiteral("staff_789") },
                { QStringLiteral("action"), QStringLiteral("payment_confirmed") },
                { QStringLiteral("source"), QStringLiteral("payment_service") } } },
        { QStringLiteral("order_state"),
            QJsonObject { { QStringLiteral("status"), QStringLiteral("confirmed") },
                { QStringLiteral("customer"),
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("cust_789") },
                        { QStringLiteral("name"), QStringLiteral("สมชาย ใจดี") },
                        { QStringLiteral("phone"), QStringLiteral("0812345678") } } },
                { QStringLiteral("items"), items },
                { QStringLiteral("pricing"),
                    QJsonObject {
                        { QStringLiteral("total"), 720.0 }, { QStringLiteral("currency"), QStringLiteral("THB") } } },
                { QStringLiteral("delivery"),
                    QJsonObject { { QStringLiteral("method"), QStringLiteral("courier") } } } } },
        { QStringLiteral("changes"),
            QJsonObject { { QStringLiteral("previous_status"), QStringLiteral("pending") },
                { QStringLiteral("new_status"), QStringLiteral("confirmed") } } } };
}

// The order service's DynamoDB item (state decoded from its JSON text), a 10-line order.
QJsonObject orderServiceItem()
{
    QJsonArray items;
    for (int i = 0; i < 10; ++i)
        items.append(QJsonObject { { QStringLiteral("productId"), QStringLiteral("P%1").arg(100 + i) },
            { QStringLiteral("name"), QStringLiteral("Oishi Green Tea") }, { QStringLiteral("quantity"), i + 1 },
            { QStringLiteral("unitPrice"), 2.4 }, { QStringLiteral("subtotal"), 2.4 * (i + 1) } });
    return QJsonObject { { QStringLiteral("orderId"), QStringLiteral("ORD-SG-000123") },
        { QStringLiteral("version"), 2 }, { QStringLiteral("lastEventSequence"), 20 },
        { QStringLiteral("timestamp"), qint64(1796558555635) },
        { QStringLiteral("state"),
            QJsonObject { { QStringLiteral("id"), QStringLiteral("ORD-SG-000123") },
                { QStringLiteral("customerId"), QStringLiteral("CUST00022") },
                { QStringLiteral("customer"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Tan Wei Ming") },
                        { QStringLiteral("phone"), QStringLiteral("+65 9123 4567") },
                        { QStringLiteral("email"), QStringLiteral("cust00022@mail.example") } } },
                { QStringLiteral("items"), items }, { QStringLiteral("totalAmount"), 132.0 },
                { QStringLiteral("currency"), QStringLiteral("SGD") },
                { QStringLiteral("status"), QStringLiteral("SHIPPED") },
                { QStringLiteral("shippingAddress"),
                    QJsonObject { { QStringLiteral("line1"), QStringLiteral("1 Orchard Road #05-01") },
                        { QStringLiteral("city"), QStringLiteral("Singapore") },
                        { QStringLiteral("postalCode"), QStringLiteral("238823") } } },
                { QStringLiteral("updatedAt"), QStringLiteral("2026-12-05T01:29:51Z") } } },
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("createdBy"), QStringLiteral("system") },
                { QStringLiteral("reason"), QStringLiteral("threshold-reached") } } } };
}

// A chat as SnapScope 1.x's demo wrote it (its shape is the chat kind's last: every other is tried first).
QJsonObject snapscopeChat()
{
    QJsonArray messages;
    for (int i = 0; i < 10; ++i)
        messages.append(QJsonObject { { QStringLiteral("timestamp"), QStringLiteral("2026-05-05T01:0%1:22Z").arg(i) },
            { QStringLiteral("sender"), i % 2 ? QStringLiteral("ai") : QStringLiteral("customer") },
            { QStringLiteral("text"), QStringLiteral("มาม่ารสต้มยำยังมีของไหมครับ %1").arg(i) },
            { QStringLiteral("intent"), QStringLiteral("product_inquiry") }, { QStringLiteral("confidence"), 0.9 } });
    return {
        { QStringLiteral("session_id"), QStringLiteral("LI-0000042") },
        { QStringLiteral("platform"), QStringLiteral("line") },
        { QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("id"), QStringLiteral("CUST00042") },
                { QStringLiteral("phone"), QStringLiteral("0812345678") } } },
        { QStringLiteral("status"), QStringLiteral("ended") },
        { QStringLiteral("total_messages"), 20 },
        { QStringLiteral("duration_s"), 840 },
        { QStringLiteral("intent_progression"),
            QJsonArray { QStringLiteral("greeting"), QStringLiteral("product_inquiry") } },
        { QStringLiteral("key_messages"), messages },
        { QStringLiteral("ai"),
            QJsonObject { { QStringLiteral("avg_confidence"), 0.87 }, { QStringLiteral("human_handoff"), false } } },
        { QStringLiteral("outcome"),
            QJsonObject { { QStringLiteral("order_created"), true }, { QStringLiteral("order_value"), 285.5 },
                { QStringLiteral("satisfaction"), 5.0 } } },
        { QStringLiteral("updated_at"), QStringLiteral("2026-05-05T01:20:00Z") },
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Timed runs per document."), QStringLiteral("n"), QStringLiteral("5"));
    parser.addOption(runsOption);
    parser.addHelpOption();
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    struct Document
    {
        QString label, kind;
        QJsonObject json;
    };
    QList<Document> documents { { QStringLiteral("SAAN chat document"), QStringLiteral("chat"), saanChat() },
        { QStringLiteral("SAAN order document"), QStringLiteral("order"), saanOrder() },
        { QStringLiteral("SnapScope 1.x chat"), QStringLiteral("chat"), snapscopeChat() },
        { QStringLiteral("order service item"), QStringLiteral("order"), orderServiceItem() } };
    const auto samples = DemoGenerator::samplePayloads(42, 50);
    for (const char *kind : { "chat", "order" }) {
        const QByteArray sample = samples.value(QString::fromLatin1(kind)).value(10);
        documents.append({ QStringLiteral("demo %1 (SAAN shape)").arg(QString::fromLatin1(kind)),
            QString::fromLatin1(kind), QJsonDocument::fromJson(sample).object() });
    }
    documents.append({ QStringLiteral("demo workflow (event store)"), QStringLiteral("aggregate"),
        QJsonDocument::fromJson(samples.value(QStringLiteral("aggregate")).value(10)).object() });

    out() << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QStringLiteral("document"), -34)
                 .arg(QStringLiteral("bytes"), 6)
                 .arg(QStringLiteral("shape"), -40)
                 .arg(QStringLiteral("recognise+summary µs (median of runs; min–max)"));
    constexpr int Iterations = 100'000;
    for (const Document &d : documents) {
        const KindDefinition *kind = KindRegistry::find(d.kind);
        const KindShape *shape = kind->recognise(d.json);
        std::vector<double> perDocument, recogniseOnly;
        qsizetype sink = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer recognising;
            recognising.start();
            for (int i = 0; i < Iterations; ++i)
                sink += kind->recognise(d.json) ? 1 : 0;
            recogniseOnly.push_back(double(recognising.nsecsElapsed()) / 1000.0 / Iterations);
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < Iterations; ++i) {
                const KindShape *s = kind->recognise(d.json);
                sink += s ? kind->summarize(d.json, *s).size() : 0;
            }
            perDocument.push_back(double(timer.nsecsElapsed()) / 1000.0 / Iterations);
        }
        std::sort(perDocument.begin(), perDocument.end());
        std::sort(recogniseOnly.begin(), recogniseOnly.end());
        out() << QStringLiteral("%1 %2 %3 %4 (%5–%6); recognising alone %8%7\n")
                     .arg(d.label, -34)
                     .arg(QJsonDocument(d.json).toJson(QJsonDocument::Compact).size(), 6)
                     .arg(shape ? shape->name : QStringLiteral("(none)"), -40)
                     .arg(perDocument[perDocument.size() / 2], 0, 'f', 2)
                     .arg(perDocument.front(), 0, 'f', 2)
                     .arg(perDocument.back(), 0, 'f', 2)
                     .arg(sink < 0 ? QStringLiteral("!") : QString())
                     .arg(recogniseOnly[recogniseOnly.size() / 2], 0, 'f', 2);
    }
    out().flush();
    return 0;
}
