// The demo's chat conversations on LINE, Facebook and WhatsApp.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

// ---- chats on LINE, Facebook and WhatsApp with intent progression, AI confidence and outcomes.
// ---- chats: sessions are generated in parallel, in chunks that each have their own random stream, and written
// in session order, so the output depends only on the seed.
bool DemoWorld::chats(int count, const QString &tenantId, quint64 stream)
{
    // The orders taken in a chat: each gets the session whose time slot is just before it, and that session is
    // the one that buys (it starts 40 minutes before the order and creates it).
    QHash<int, const OrderRef *> linked;
    const EpochMs spacing = std::max<EpochMs>(1, (end - Hour - start) / std::max(1, count));
    for (const OrderRef &order : std::as_const(orderRefs)) {
        if (order.tenant != tenantId
            || !(order.channel == u"line" || order.channel == u"facebook" || order.channel == u"whatsapp"))
            continue;
        const int slot = int(std::clamp<EpochMs>((order.createdAt - 40 * Minute - start) / spacing, 0, count - 1));
        for (int probe = 0; probe < 64; ++probe) {
            const int n = slot + (probe % 2 ? (probe + 1) / 2 : -(probe / 2));
            if (n >= 0 && n < count && !linked.contains(n)) {
                linked.insert(n, &order);
                cases[order.tenant + u'/' + order.id].chatSessions.append(chatSessionId(order.channel, n));
                break;
            }
        }
    }
    constexpr int ChunkSessions = 128;
    constexpr int ChunksPerRound = 8; // about one write batch per round, so generation overlaps with writing
    const int chunks = (count + ChunkSessions - 1) / ChunkSessions;
    std::vector<std::vector<NewSnapshot>> produced;
    std::vector<int> indexes;
    for (int round = 0; round < chunks; round += ChunksPerRound) {
        const int inRound = std::min(ChunksPerRound, chunks - round);
        produced.assign(size_t(inRound), {});
        indexes.resize(size_t(inRound));
        std::iota(indexes.begin(), indexes.end(), 0);
        QtConcurrent::blockingMap(indexes, [&](int c) {
            const int chunk = round + c;
            Rng r(streamSeed(baseSeed, stream, quint64(chunk)));
            const int last = std::min(count, (chunk + 1) * ChunkSessions);
            for (int n = chunk * ChunkSessions; n < last; ++n)
                chatSession(r, n, count, tenantId, linked.value(n), produced[size_t(c)]);
        });
        for (auto &sessionRows : produced) {
            for (NewSnapshot &row : sessionRows) {
                if (!sink(std::move(row)))
                    return false;
            }
        }
    }
    return true;
}

void DemoWorld::chatSession(Rng &sessionRng, int n, int count, const QString &tenantId, const OrderRef *order,
    std::vector<NewSnapshot> &out) const
{
    static const QStringList platforms { QStringLiteral("line"), QStringLiteral("facebook"),
        QStringLiteral("whatsapp") };
    const auto &customerLines = DemoVocabulary::customerLines();
    const auto &assistantLines = DemoVocabulary::assistantLines();
    const auto emit
        = [&](const QString &kind, const QString &entity, EpochMs at, const QString &type, QJsonObject payload,
              QJsonObject trig, const QString &createdBy, std::nullopt_t, const QString &tenantName) {
              out.push_back(snapshot(sessionRng, tenantName, kind, entity, at, type, std::move(payload),
                  std::move(trig), createdBy, std::nullopt));
              return true;
          };
    {
        const Customer &picked = sessionRng.pick(customers);
        const Customer &customer = order ? *order->customer : picked;
        const QString platform
            = order ? order->channel : platforms.at(sessionRng.below(10) < 6 ? 0 : (sessionRng.below(2) ? 1 : 2));
        const QString sessionId = chatSessionId(platform, n);
        const bool thai = customer.language == u"th";
        // Sessions are numbered in the order of their time slots, as a chat service numbers them; one that
        // takes an order starts 40 minutes before it.
        const EpochMs spacing = std::max<EpochMs>(1, (end - Hour - start) / std::max(1, count));
        const EpochMs slotted = start + spacing * n + sessionRng.below(spacing);
        EpochMs t = order ? order->createdAt - 40 * Minute : slotted;
        const EpochMs startedAt = t;
        QStringList intents { QStringLiteral("greeting") };
        const double path = sessionRng.unit();
        const bool buys = order != nullptr;
        const bool complains = !buys && path < 0.12;
        const bool asksHuman = !buys && !complains && path < 0.21;
        intents << QStringLiteral("product_inquiry");
        if (sessionRng.chance(0.6))
            intents << QStringLiteral("price_check");
        if (sessionRng.chance(0.3))
            intents << QStringLiteral("delivery_question");
        if (buys)
            intents << QStringLiteral("purchase_intent");
        if (complains)
            intents << QStringLiteral("complaint");
        if (asksHuman || (complains && sessionRng.chance(0.6)))
            intents << QStringLiteral("human_request");
        intents << QStringLiteral("thanks");

        QJsonArray keyMessages, confidenceScores;
        int messages = 0;
        const auto lineFor = [&](const QList<DemoVocabulary::ChatLine> &lines, const QString &intent) -> QString {
            QList<const DemoVocabulary::ChatLine *> matches;
            for (const auto &line : lines) {
                if (intent == QLatin1String(line.intent))
                    matches.append(&line);
            }
            if (matches.isEmpty())
                return QString();
            const auto *line = matches.at(sessionRng.below(matches.size()));
            return QString::fromUtf8(thai ? line->thai : line->english);
        };
        const bool handoff = intents.contains(QStringLiteral("human_request"));
        const double orderValue = order ? order->total : 0.0;
        const QString orderId = order ? order->id : QString();
        // The rating the customer gives when asked (after an order, a hand-off or at the end); an unhappy one
        // after a complaint.
        const int satisfaction = int(complains ? sessionRng.range(1, 3) : sessionRng.range(3, 5));
        int snapshotNumber = 0;

        // The SAAN guide's chat conversation snapshot: its context, business outcome and key messages.
        const auto snapshotState = [&](const QString &type, bool active) {
            const bool ordered = buys && !active;
            QJsonObject outcome { { QStringLiteral("order_created"), ordered },
                { QStringLiteral("order_value"), ordered ? orderValue : 0.0 },
                { QStringLiteral("conversion_rate"), ordered ? 1.0 : 0.0 } };
            if (ordered)
                outcome.insert(QStringLiteral("order_id"), orderId);
            if (!active)
                outcome.insert(QStringLiteral("customer_satisfaction"), satisfaction);
            QJsonObject context { { QStringLiteral("platform"), platform },
                { QStringLiteral("total_messages"), messages },
                { QStringLiteral("conversation_duration"), (t - startedAt) / 1000 },
                { QStringLiteral("intent_progression"), QJsonArray::fromStringList(intents) },
                { QStringLiteral("ai_confidence_scores"), confidenceScores },
                { QStringLiteral("human_handoff"), handoff && !active } };
            if (handoff && !active)
                context.insert(QStringLiteral("handoff_reason"),
                    complains ? QStringLiteral("complaint") : QStringLiteral("customer_request"));
            return QJsonObject {
                { QStringLiteral("snapshot_id"),
                    QStringLiteral("chat_snap_%1_%2").arg(sessionId).arg(++snapshotNumber) },
                { QStringLiteral("session_id"), sessionId },
                { QStringLiteral("customer_id"), customer.id },
                { QStringLiteral("snapshot_type"), type },
                { QStringLiteral("timestamp"), iso(t) },
                { QStringLiteral("conversation_context"), context },
                { QStringLiteral("business_outcome"), outcome },
                { QStringLiteral("key_messages"), keyMessages },
            };
        };

        bool tookMidSnapshot = false;
        for (const QString &intent : std::as_const(intents)) {
            const int exchanges = int(sessionRng.range(1, 3));
            for (int e = 0; e < exchanges; ++e) {
                t += sessionRng.range(5, 120) * 1000;
                const double confidence = std::round((0.55 + 0.44 * sessionRng.unit()) * 1000) / 1000;
                confidenceScores.append(confidence);
                messages += 2;
                if (e == 0) {
                    keyMessages.append(QJsonObject { { QStringLiteral("timestamp"), iso(t) },
                        { QStringLiteral("sender"), QStringLiteral("customer") },
                        { QStringLiteral("content"), lineFor(customerLines, intent) },
                        { QStringLiteral("intent"), intent } });
                    const QString reply = lineFor(assistantLines, intent);
                    if (!reply.isEmpty()) {
                        keyMessages.append(QJsonObject { { QStringLiteral("timestamp"), iso(t + 4000) },
                            { QStringLiteral("sender"),
                                handoff && intent == u"human_request" ? QStringLiteral("agent")
                                                                      : QStringLiteral("bot") },
                            { QStringLiteral("content"), reply }, { QStringLiteral("intent"), intent } });
                    }
                }
            }
            if (intent == u"product_inquiry" && !tookMidSnapshot && sessionRng.chance(0.25)) {
                tookMidSnapshot = true;
                if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("ai_learning"),
                        snapshotState(QStringLiteral("ai_learning"), true),
                        trigger(QStringLiteral("chat-service"), QStringLiteral("rag_learning")),
                        QStringLiteral("system"), std::nullopt, tenantId))
                    return;
            }
            if (intent == u"purchase_intent") {
                t = std::max(t + 20000, order->createdAt); // the moment the order was created
                if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("order_created"),
                        snapshotState(QStringLiteral("order_created"), false),
                        trigger(QStringLiteral("chat-service"), QStringLiteral("order_created")),
                        QStringLiteral("system"), std::nullopt, tenantId))
                    return;
            }
            if (intent == u"complaint") {
                if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("complaint"),
                        snapshotState(QStringLiteral("complaint"), false),
                        trigger(QStringLiteral("chat-service"), QStringLiteral("complaint_detected")),
                        QStringLiteral("system"), std::nullopt, tenantId))
                    return;
            }
            if (intent == u"human_request") {
                if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("escalated"),
                        snapshotState(QStringLiteral("escalated"), false),
                        trigger(QStringLiteral("chat-service"), QStringLiteral("human_handoff")),
                        QStringLiteral("system"), std::nullopt, tenantId))
                    return;
            }
        }
        t += sessionRng.range(60, 900) * 1000;
        if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("session_ended"),
                snapshotState(QStringLiteral("session_ended"), false),
                trigger(QStringLiteral("chat-service"), QStringLiteral("session_timeout")), QStringLiteral("system"),
                std::nullopt, tenantId))
            return;
    }
}

} // namespace Demo
