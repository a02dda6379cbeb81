#include "kindregistry.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "json/jsonnumber.h"

namespace {

SummaryField value(const char *name, const char *pointer)
{
    return { QString::fromLatin1(name), *JsonPointer::parse(QString::fromLatin1(pointer)), SummaryField::Extract::Value,
        {} };
}

SummaryField personal(const char *name, const char *pointer)
{
    SummaryField field = value(name, pointer);
    field.personal = true;
    return field;
}

SummaryField count(const char *name, const char *arrayPointer)
{
    return { QString::fromLatin1(name), *JsonPointer::parse(QString::fromLatin1(arrayPointer)),
        SummaryField::Extract::Count, {} };
}

SummaryField sum(const char *name, const char *arrayPointer, const char *key)
{
    return { QString::fromLatin1(name), *JsonPointer::parse(QString::fromLatin1(arrayPointer)),
        SummaryField::Extract::Sum, QString::fromLatin1(key) };
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QList<KindInfo> buildRegistry()
{
    QList<KindInfo> kinds;
    kinds.append({ QStringLiteral("order"), QT_TRANSLATE_NOOP("Kind", "Orders"), QT_TRANSLATE_NOOP("Kind", "order id"),
        words("created confirmed shipped completed cancelled modified"),
        { value("status", "/status"), value("total_amount", "/pricing/total"), count("item_count", "/items"),
            value("customer_id", "/customer/id"), personal("customer_phone", "/customer/phone") },
        { { QStringLiteral("/items"), { QStringLiteral("product_id") } } }, words("updated_at"),
        words("unit_price subtotal discount shipping_fee tax total"),
        QStringLiteral("an order with items, pricing and delivery") });
    kinds.append({ QStringLiteral("stock"), QT_TRANSLATE_NOOP("Kind", "Store stock"),
        QT_TRANSLATE_NOOP("Kind", "store code"), words("manual scheduled"),
        { count("total_items", "/stocks"), sum("total_quantity", "/stocks", "quantity") },
        { { QStringLiteral("/stocks"), { QStringLiteral("item_code") } } }, words("updated_at"), {},
        QStringLiteral("a store's stock levels") });
    kinds.append({ QStringLiteral("chat"), QT_TRANSLATE_NOOP("Kind", "Chat conversations"),
        QT_TRANSLATE_NOOP("Kind", "chat session id"),
        words("order_created escalated complaint session_ended ai_learning"),
        { value("platform", "/platform"), value("total_messages", "/total_messages"),
            value("order_created", "/outcome/order_created"), value("order_value", "/outcome/order_value"),
            value("satisfaction", "/outcome/satisfaction"), value("human_handoff", "/ai/human_handoff"),
            value("customer_id", "/customer/id"), value("order_id", "/outcome/order_id") },
        { { QStringLiteral("/key_messages"), { QStringLiteral("timestamp") } } }, words("updated_at"),
        words("order_value"), QStringLiteral("a chat conversation with its AI analysis and outcome") });
    kinds.append({ QStringLiteral("daily_inventory"), QT_TRANSLATE_NOOP("Kind", "Daily inventory"),
        QT_TRANSLATE_NOOP("Kind", "store:product"), words("daily"),
        { value("store_code", "/store_code"), value("opening_stock", "/opening_stock"),
            value("closing_stock", "/closing_stock"), value("total_value", "/total_value") },
        {}, words("updated_at"), words("average_cost total_value"), QStringLiteral("one product-day of inventory") });
    kinds.append({ QStringLiteral("inventory_tx"), QT_TRANSLATE_NOOP("Kind", "Inventory transactions"),
        QT_TRANSLATE_NOOP("Kind", "product id"), words("deducted restocked adjusted transferred damaged"),
        { value("quantity", "/quantity"), value("reason", "/reason"), value("reference_id", "/reference_id"),
            value("store_code", "/store_code") },
        {}, {}, words("unit_cost"), QStringLiteral("one stock movement") });
    kinds.append({ QStringLiteral("financial"), QT_TRANSLATE_NOOP("Kind", "Financial records"),
        QT_TRANSLATE_NOOP("Kind", "day or payment id"),
        words("daily_revenue payment_confirmed refund_processed expense_recorded cash_reconciliation"),
        { value("amount", "/amount"), value("currency", "/currency"), value("order_id", "/order_id") }, {},
        words("updated_at"), words("amount fee net gross"),
        QStringLiteral("a revenue, payment, refund or expense record") });
    kinds.append({ QStringLiteral("customer_tier"), QT_TRANSLATE_NOOP("Kind", "Customer tiers"),
        QT_TRANSLATE_NOOP("Kind", "customer id"),
        words("tier_upgraded points_redeemed milestone_achieved annual_summary"),
        { value("tier", "/tier"), value("points", "/points") }, {}, words("updated_at"), words("lifetime_spend"),
        QStringLiteral("a customer's loyalty tier and points") });
    kinds.append({ QStringLiteral("account"), QT_TRANSLATE_NOOP("Kind", "Accounts"),
        QT_TRANSLATE_NOOP("Kind", "account id"), words("event_driven manual rag_auto"),
        { value("health_score", "/health_score") }, {}, words("updated_at last_seen_at"), words("monthly_revenue"),
        QStringLiteral("a business account's health") });
    kinds.append({ QStringLiteral("aggregate"), QT_TRANSLATE_NOOP("Kind", "Event-sourced aggregates"),
        QT_TRANSLATE_NOOP("Kind", "aggregate id"), words("event_driven scheduled manual"),
        { value("version", "/version"), value("event_seq", "/event_seq"), value("status", "/status") },
        { { QString(), { QStringLiteral("id"), QStringLiteral("key") } } }, words("updated_at"), words("total"),
        QStringLiteral("an event-sourced aggregate's folded state") });
    return kinds;
}

} // namespace

QJsonObject KindInfo::summarize(const QJsonObject &payload) const
{
    QJsonObject summary;
    const QJsonValue document(payload);
    for (const SummaryField &field : summaryFields) {
        const std::optional<QJsonValue> found = field.source.evaluate(document);
        if (!found)
            continue;
        switch (field.extract) {
        case SummaryField::Extract::Value:
            if (!found->isArray() && !found->isObject())
                summary.insert(field.name, *found);
            break;
        case SummaryField::Extract::Count:
            if (found->isArray())
                summary.insert(field.name, found->toArray().size());
            break;
        case SummaryField::Extract::Sum:
            if (found->isArray()) {
                double total = 0;
                const QJsonArray array = found->toArray();
                for (const QJsonValue &element : array)
                    total += JsonNumber::toDouble(element.toObject().value(field.sumKey));
                summary.insert(field.name, total);
            }
            break;
        }
    }
    return summary;
}

bool KindInfo::isSignificant(const QString &type, const QJsonObject &summary, bool pinned) const
{
    if (pinned || significantTypes().contains(type))
        return true;
    for (const QString &flag : significantSummaryFlags()) {
        if (summary.value(flag).toBool())
            return true;
    }
    return false;
}

QStringList KindInfo::significantTypes() const
{
    if (id == u"chat")
        return { QStringLiteral("complaint"), QStringLiteral("escalated"), QStringLiteral("order_created") };
    if (id == u"order")
        return { QStringLiteral("completed"), QStringLiteral("cancelled") };
    return {};
}

QStringList KindInfo::significantSummaryFlags() const
{
    if (id == u"chat")
        return { QStringLiteral("order_created"), QStringLiteral("human_handoff") };
    return {};
}

QString KindInfo::displayNameText() const
{
    return QCoreApplication::translate("Kind", displayName);
}

QString KindInfo::entityLabelText() const
{
    return QCoreApplication::translate("Kind", entityLabel);
}

const QList<KindInfo> &KindRegistry::all()
{
    static const QList<KindInfo> kinds = buildRegistry();
    return kinds;
}

const KindInfo *KindRegistry::find(const QString &id)
{
    for (const KindInfo &kind : all()) {
        if (kind.id == id)
            return &kind;
    }
    return nullptr;
}

QStringList KindRegistry::ids()
{
    QStringList result;
    for (const KindInfo &kind : all())
        result.append(kind.id);
    return result;
}
