#include "demogenerator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <QFuture>
#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <numeric>
#include <unistd.h>

#include "domain/kindregistry.h"
#include "domain/snapshotid.h"
#include "ops/demovocabulary.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace {

constexpr EpochMs Minute = 60 * 1000;
constexpr EpochMs Hour = 60 * Minute;
constexpr EpochMs Day = 24 * Hour;

// splitmix64/xoshiro-free generator with fully specified arithmetic, so a seed means the same data everywhere
// (std::uniform_int_distribution is implementation-defined).
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed ^ 0x9E3779B97F4A7C15ULL)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // [0, n)
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    qint64 range(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(list.size())); }
    QString id(EpochMs at) { return SnapshotId::make(at, next(), next()); }

private:
    quint64 m_state;
};

double money(double value)
{
    return std::round(value * 100.0) / 100.0;
}

struct Product
{
    QString id;
    QString thai;
    QString english;
    QString category;
    double price;
    double cost;
    int demand;
};

struct Customer
{
    QString id;
    QString name;
    QString phone;
    QString language; // th or en
    QString tier;
};

struct Scale
{
    int days;
    int inventoryProducts;
    int orders;
    int chats;
    int inventoryTx;
    int financialExtra;
    int tierRecords;
    int accounts;
    int aggregates;
    int customers;
    int catalogue;
};

Scale scaleFor(DemoOptions::Scale scale)
{
    if (scale == DemoOptions::Scale::Large)
        return { 730, 500, 20000, 150000, 20000, 5000, 5000, 3000, 500, 20000, 500 };
    if (scale == DemoOptions::Scale::Tiny)
        return { 14, 4, 60, 80, 60, 20, 16, 12, 4, 40, 12 };
    return { 180, 20, 1200, 1500, 1200, 400, 300, 200, 40, 600, 60 };
}

const QStringList Stores { QStringLiteral("STORE001"), QStringLiteral("STORE002"), QStringLiteral("STORE003") };
const QString StoreNames[] = { QStringLiteral("สาขาสีลม (Silom)"), QStringLiteral("สาขาบางนา (Bang Na)"),
    QStringLiteral("สาขาเชียงใหม่ (Chiang Mai)") };

QJsonObject trigger(const QString &source, const QString &action, const QString &user = QStringLiteral("system"))
{
    return { { QStringLiteral("source"), source }, { QStringLiteral("action"), action },
        { QStringLiteral("user_id"), user } };
}

QString iso(EpochMs ms)
{
    return IsoTime::toUtcSeconds(ms);
}

// A seed for one independent stream (a product line, ...), so streams can be generated in parallel and a seed still
// means one database.
quint64 streamSeed(quint64 seed, quint64 stream, quint64 index)
{
    return seed ^ (stream * 0xA24BAED4963EE407ULL) ^ ((index + 1) * 0x9FB21C651E98DF25ULL);
}

} // namespace

struct DemoGenerator::Impl
{
    DemoOptions options;
    Scale scale;
    Rng rng;
    quint64 baseSeed;
    QString tenant = QStringLiteral("acme-th");
    QTimeZone zone { "Asia/Bangkok" };
    EpochMs start = 0;
    EpochMs end = 0;
    QList<Product> catalogue;
    QList<Customer> customers;
    // Every order with what belongs to it: the chat it came from, the stock it took, its payment and refund are
    // generated from these, so a dispute case finds exactly them.
    struct OrderRef
    {
        QString tenant;
        QString id;
        const Customer *customer = nullptr;
        QString channel;
        QString storeCode;
        EpochMs createdAt = 0;
        double total = 0; // when created
        EpochMs confirmedAt = 0; // 0: never paid
        double paid = 0;
        QList<std::pair<QString, qint64>> items; // product, quantity at payment
        EpochMs modifiedAt = 0; // a quantity changed after payment
        QString modifiedProduct;
        qint64 modifiedBy = 0;
        EpochMs refundedAt = 0; // cancelled after payment
    };
    QList<OrderRef> orderRefs;
    QHash<QString, DemoCase> cases; // what each order's case holds, as generated

    static QString chatSessionId(const QString &platform, int n)
    {
        return QStringLiteral("%1-%2").arg(platform.left(2).toUpper()).arg(n + 1, 7, 10, QLatin1Char('0'));
    }

    // Where generated snapshots go: the sample collector (dictionary training) or the store.
    std::function<bool(NewSnapshot &&)> sink;
    qint64 events = 0;
    QList<EventRecord> orderEvents; // orders are event-sourced too: one event per change, snapshots at status changes

    // The patch an event carries from one state to the next, member by member (an array that grew at its end gets
    // its new elements appended): what an order service would publish, and cheap to make.
    static QJsonArray memberPatch(const QJsonObject &from, const QJsonObject &to)
    {
        QJsonArray patch;
        const auto op = [&](const QString &name, const QString &path, const QJsonValue &value = QJsonValue::Undefined) {
            QJsonObject o { { QStringLiteral("op"), name }, { QStringLiteral("path"), path } };
            if (!value.isUndefined())
                o.insert(QStringLiteral("value"), value);
            patch.append(o);
        };
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (!to.contains(it.key()))
                op(QStringLiteral("remove"), u'/' + it.key());
        }
        for (auto it = to.begin(); it != to.end(); ++it) {
            const QString path = u'/' + it.key();
            const QJsonValue before = from.value(it.key());
            if (before.isUndefined()) {
                op(QStringLiteral("add"), path, it.value());
            } else if (before != it.value()) {
                const QJsonArray a = before.toArray(), b = it.value().toArray();
                bool appended = before.isArray() && it.value().isArray() && b.size() > a.size();
                for (qsizetype i = 0; appended && i < a.size(); ++i)
                    appended = a.at(i) == b.at(i);
                if (appended) {
                    for (qsizetype i = a.size(); i < b.size(); ++i)
                        op(QStringLiteral("add"), path + QStringLiteral("/-"), b.at(i));
                } else {
                    op(QStringLiteral("replace"), path, it.value());
                }
            }
        }
        return patch;
    }

    Impl(DemoOptions o, quint64 seed)
        : options(o)
        , scale(scaleFor(o.scale))
        , rng(seed)
        , baseSeed(seed)
    {
        end = options.endAt;
        start = end - EpochMs(scale.days) * Day;
        buildCatalogue();
        buildCustomers();
    }

    static NewSnapshot snapshot(Rng &r, const QString &tenantId, const QString &kind, const QString &entity, EpochMs at,
        const QString &type, QJsonObject payload, QJsonObject trig, const QString &createdBy,
        std::optional<qint64> eventSeq)
    {
        NewSnapshot s;
        s.tenant = tenantId;
        s.kind = kind;
        s.entityId = entity;
        s.takenAt = at;
        s.type = type;
        s.createdBy = createdBy;
        s.trigger = std::move(trig);
        s.eventSeq = eventSeq;
        s.payload = std::move(payload);
        s.id = r.id(at);
        return s;
    }

    bool emit(const QString &kind, const QString &entity, EpochMs at, const QString &type, QJsonObject payload,
        QJsonObject trig = {}, const QString &createdBy = QStringLiteral("system"), std::optional<qint64> eventSeq = {},
        const QString &tenantId = {})
    {
        return sink(snapshot(rng, tenantId.isEmpty() ? tenant : tenantId, kind, entity, at, type, std::move(payload),
            std::move(trig), createdBy, eventSeq));
    }

    void buildCatalogue()
    {
        const auto &bases = DemoVocabulary::products();
        const QStringList sizes = DemoVocabulary::sizes();
        for (int i = 0; i < scale.catalogue; ++i) {
            const auto &base = bases.at(i % bases.size());
            const int variant = i / bases.size();
            Product p;
            p.id = QStringLiteral("P%1").arg(i + 1, 4, 10, QLatin1Char('0'));
            p.thai = QString::fromUtf8(base.thai);
            p.english = QString::fromUtf8(base.english);
            if (variant > 0) {
                const QString size = sizes.at((variant - 1) % sizes.size());
                p.thai += u' ' + size;
                p.english += u' ' + size;
                if (variant > sizes.size()) {
                    p.thai += QStringLiteral(" #%1").arg(variant / sizes.size() + 1);
                    p.english += QStringLiteral(" #%1").arg(variant / sizes.size() + 1);
                }
            }
            p.category = QString::fromLatin1(base.category);
            p.price = money(base.price * (1.0 + 0.35 * (variant % 3)));
            p.cost = money(p.price * (0.62 + 0.1 * rng.unit()));
            p.demand = std::max(2, int(base.dailyDemand * (0.6 + 0.8 * rng.unit())));
            catalogue.append(p);
        }
    }

    void buildCustomers()
    {
        const QStringList thFirst = DemoVocabulary::thaiFirstNames(), thLast = DemoVocabulary::thaiLastNames();
        const QStringList enFirst = DemoVocabulary::englishFirstNames(), enLast = DemoVocabulary::englishLastNames();
        static const QStringList tiers { QStringLiteral("bronze"), QStringLiteral("silver"), QStringLiteral("gold"),
            QStringLiteral("platinum") };
        for (int i = 0; i < scale.customers; ++i) {
            Customer c;
            c.id = QStringLiteral("CUST%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            c.language = rng.chance(0.75) ? QStringLiteral("th") : QStringLiteral("en");
            c.name = c.language == u"th" ? rng.pick(thFirst) + u' ' + rng.pick(thLast)
                                         : rng.pick(enFirst) + u' ' + rng.pick(enLast);
            c.phone = QStringLiteral("08%1").arg(rng.range(10000000, 99999999));
            c.tier = tiers.at(std::min<qint64>(3, rng.below(10) / 3));
            customers.append(c);
        }
    }

    EpochMs randomTime(EpochMs from, EpochMs to) { return from + rng.below(std::max<EpochMs>(1, to - from)); }

    static QJsonObject customerJson(const Customer &c)
    {
        return { { QStringLiteral("id"), c.id }, { QStringLiteral("name"), c.name },
            { QStringLiteral("phone"), c.phone },
            { QStringLiteral("email"), QString(c.id.toLower() + QStringLiteral("@mail.example")) },
            { QStringLiteral("tier"), c.tier }, { QStringLiteral("language"), c.language } };
    }

    // ---- daily inventory: closing = opening + inbound - outbound + adjustments; opening = previous closing.
    // Each (store, product) line has its own random stream, so a day's lines are generated in parallel.
    bool dailyInventory()
    {
        struct Line
        {
            const Product *product;
            QString store;
            QString entity;
            qint64 stock;
            double cost;
            Rng rng;
        };
        std::vector<Line> lines;
        for (const QString &storeCode : Stores) {
            for (int p = 0; p < scale.inventoryProducts && p < catalogue.size(); ++p) {
                const Product &product = catalogue.at(p);
                Rng lineRng(streamSeed(baseSeed, 1, lines.size()));
                const qint64 stock = product.demand * lineRng.range(8, 20);
                lines.push_back({ &product, storeCode, storeCode + u':' + product.id, stock, product.cost, lineRng });
            }
        }
        const QJsonObject dailyTrigger = trigger(QStringLiteral("inventory-service"), QStringLiteral("daily_close"));
        const QString daily = QStringLiteral("daily"), kind = QStringLiteral("daily_inventory"),
                      thb = QStringLiteral("THB");
        const QDate firstDay = QDateTime::fromMSecsSinceEpoch(start, zone).date();
        // Days are generated in blocks and written line by line within a block: a batch then touches a few hundred
        // entities' index pages instead of every entity's, which halves what SQLite writes per snapshot.
        constexpr int BlockDays = 14;
        struct Day
        {
            QString text;
            EpochMs takenAt;
            QString updatedAt;
            bool weekend;
        };
        std::vector<Day> block;
        std::vector<NewSnapshot> rows(lines.size() * size_t(BlockDays));
        std::vector<int> indexes(lines.size());
        std::iota(indexes.begin(), indexes.end(), 0);
        for (int first = 0; first < scale.days; first += BlockDays) {
            block.clear();
            for (int d = first; d < std::min(scale.days, first + BlockDays); ++d) {
                const QDate day = firstDay.addDays(d);
                const EpochMs takenAt = QDateTime(day, QTime(23, 59), zone).toMSecsSinceEpoch();
                block.push_back({ day.toString(Qt::ISODate), takenAt, iso(takenAt), day.dayOfWeek() >= 6 });
            }
            const auto generate = [&](int index) {
                Line &line = lines[size_t(index)];
                Rng &r = line.rng;
                const Product &p = *line.product;
                for (size_t d = 0; d < block.size(); ++d) {
                    const Day &day = block[d];
                    const qint64 opening = line.stock;
                    const qint64 reorderPoint = p.demand * 4;
                    qint64 inbound = 0;
                    if (opening < reorderPoint || r.chance(0.05))
                        inbound = p.demand * r.range(7, 14);
                    const double demand = p.demand * (day.weekend ? 1.3 : 1.0) * (0.5 + r.unit());
                    const qint64 outbound = std::min<qint64>(opening + inbound, qint64(std::llround(demand)));
                    qint64 adjustments = 0;
                    if (r.chance(0.04))
                        adjustments = -std::min<qint64>(opening + inbound - outbound, r.range(1, 3));
                    else if (r.chance(0.01))
                        adjustments = r.range(1, 2);
                    const qint64 closing = opening + inbound - outbound + adjustments;
                    if (inbound > 0)
                        line.cost = money(line.cost * (0.97 + 0.06 * r.unit()));
                    line.stock = closing;
                    NewSnapshot &s = rows[size_t(index) * size_t(BlockDays) + d];
                    s.tenant = tenant;
                    s.kind = kind;
                    s.entityId = line.entity;
                    s.takenAt = day.takenAt;
                    s.type = daily;
                    s.createdBy = QStringLiteral("system");
                    s.trigger = dailyTrigger;
                    s.id = r.id(day.takenAt);
                    s.payload = QJsonObject {
                        { QStringLiteral("product_id"), p.id },
                        { QStringLiteral("product_name"), p.thai },
                        { QStringLiteral("product_name_en"), p.english },
                        { QStringLiteral("category"), p.category },
                        { QStringLiteral("store_code"), line.store },
                        { QStringLiteral("day"), day.text },
                        { QStringLiteral("opening_stock"), opening },
                        { QStringLiteral("inbound"), inbound },
                        { QStringLiteral("outbound"), outbound },
                        { QStringLiteral("adjustments"), adjustments },
                        { QStringLiteral("closing_stock"), closing },
                        { QStringLiteral("average_cost"), line.cost },
                        { QStringLiteral("total_value"), money(double(closing) * line.cost) },
                        { QStringLiteral("currency"), thb },
                        { QStringLiteral("reorder_point"), reorderPoint },
                        { QStringLiteral("updated_at"), day.updatedAt },
                    };
                }
            };
            // Lines are generated a group at a time, about one write batch, so generating the next group overlaps
            // with writing this one.
            constexpr size_t GroupLines = 2048;
            for (size_t group = 0; group < lines.size(); group += GroupLines) {
                const size_t groupEnd = std::min(lines.size(), group + GroupLines);
                QtConcurrent::blockingMap(
                    indexes.begin() + qsizetype(group), indexes.begin() + qsizetype(groupEnd), generate);
                for (size_t line = group; line < groupEnd; ++line) {
                    for (size_t d = 0; d < block.size(); ++d) {
                        if (!sink(std::move(rows[line * size_t(BlockDays) + d])))
                            return false;
                    }
                }
            }
        }
        return true;
    }

    // ---- orders: created -> confirmed -> shipped -> completed, some cancelled or modified.
    bool orders(int count, const QString &tenantId, const QString &currency)
    {
        static const QStringList channels { QStringLiteral("line"), QStringLiteral("facebook"), QStringLiteral("web"),
            QStringLiteral("whatsapp"), QStringLiteral("store") };
        static const QStringList payments { QStringLiteral("promptpay"), QStringLiteral("credit_card"),
            QStringLiteral("cash_on_delivery"), QStringLiteral("bank_transfer") };
        static const QStringList carriers { QStringLiteral("Kerry Express"), QStringLiteral("Flash Express"),
            QStringLiteral("Thailand Post"), QStringLiteral("J&T Express") };
        const QStringList provinces = DemoVocabulary::provinces(), districts = DemoVocabulary::districts();
        for (int n = 0; n < count; ++n) {
            const Customer &customer = rng.pick(customers);
            const QString orderId = QStringLiteral("ORD-%1-%2")
                                        .arg(tenantId == tenant ? QStringLiteral("TH") : QStringLiteral("SG"))
                                        .arg(n + 1, 6, 10, QLatin1Char('0'));
            EpochMs t = randomTime(start, end - Hour);
            QJsonArray items;
            const int itemCount = int(rng.range(1, 6));
            for (int i = 0; i < itemCount; ++i) {
                const Product &p = rng.pick(catalogue);
                const qint64 qty = rng.range(1, 6);
                items.append(QJsonObject { { QStringLiteral("product_id"), p.id }, { QStringLiteral("name"), p.thai },
                    { QStringLiteral("name_en"), p.english }, { QStringLiteral("quantity"), qty },
                    { QStringLiteral("unit_price"), p.price },
                    { QStringLiteral("subtotal"), money(p.price * double(qty)) } });
            }
            const auto pricing = [&](const QJsonArray &lines) {
                double subtotal = 0;
                for (const QJsonValue &line : lines)
                    subtotal += line.toObject().value(u"subtotal").toDouble();
                const double discount = subtotal > 500 ? money(subtotal * 0.05) : 0.0;
                const double shipping = subtotal > 300 ? 0.0 : 40.0;
                const double tax = money((subtotal - discount) * 0.07);
                return QJsonObject { { QStringLiteral("subtotal"), money(subtotal) },
                    { QStringLiteral("discount"), discount }, { QStringLiteral("shipping_fee"), shipping },
                    { QStringLiteral("tax"), tax },
                    { QStringLiteral("total"), money(subtotal - discount + shipping + tax) },
                    { QStringLiteral("currency"), currency } };
            };
            QJsonObject order {
                { QStringLiteral("order_id"), orderId },
                { QStringLiteral("customer"), customerJson(customer) },
                { QStringLiteral("items"), items },
                { QStringLiteral("pricing"), pricing(items) },
                { QStringLiteral("channel"), rng.pick(channels) },
                { QStringLiteral("store_code"), rng.pick(Stores) },
                { QStringLiteral("delivery"),
                    QJsonObject { { QStringLiteral("method"),
                                      rng.chance(0.8) ? QStringLiteral("courier") : QStringLiteral("pickup") },
                        { QStringLiteral("address"),
                            QJsonObject { { QStringLiteral("line1"),
                                              QStringLiteral("%1/%2 ซอยสุขุมวิท %3")
                                                  .arg(rng.range(1, 999))
                                                  .arg(rng.range(1, 99))
                                                  .arg(rng.range(1, 101)) },
                                { QStringLiteral("district"), rng.pick(districts) },
                                { QStringLiteral("province"), rng.pick(provinces) },
                                { QStringLiteral("postcode"), QString::number(rng.range(10100, 90110)) } } } } },
                { QStringLiteral("payment"),
                    QJsonObject { { QStringLiteral("method"), rng.pick(payments) },
                        { QStringLiteral("status"), QStringLiteral("pending") } } },
                { QStringLiteral("notes"),
                    rng.chance(0.2) ? QStringLiteral("กรุณาโทรก่อนส่ง / please call before delivery") : QString() },
                { QStringLiteral("created_at"), iso(t) },
            };
            QJsonArray history;
            QJsonObject published; // the state the order's events have built so far
            qint64 seq = 0;
            const auto publish = [&](const QString &eventType) {
                order.insert(QStringLiteral("updated_at"), iso(t));
                orderEvents.append({ tenantId, orderId, ++seq, eventType, t,
                    QJsonObject { { QStringLiteral("event_id"), rng.id(t) },
                        { QStringLiteral("patch"), memberPatch(published, order) } } });
                published = order;
                ++events;
            };
            const auto step = [&](const QString &status, const QString &action) {
                static const QHash<QString, QString> eventTypes { { QStringLiteral("created"),
                                                                      QStringLiteral("OrderCreated") },
                    { QStringLiteral("confirmed"), QStringLiteral("PaymentConfirmed") },
                    { QStringLiteral("modified"), QStringLiteral("OrderModified") },
                    { QStringLiteral("shipped"), QStringLiteral("OrderShipped") },
                    { QStringLiteral("completed"), QStringLiteral("OrderDelivered") },
                    { QStringLiteral("cancelled"), QStringLiteral("OrderCancelled") } };
                history.append(QJsonObject { { QStringLiteral("status"), status }, { QStringLiteral("at"), iso(t) } });
                order.insert(QStringLiteral("status"), status);
                order.insert(QStringLiteral("status_history"), history);
                publish(eventTypes.value(status));
                return emit(QStringLiteral("order"), orderId, t, status, order,
                    trigger(QStringLiteral("order-service"), action), QStringLiteral("system"), seq, tenantId);
            };
            if (!step(QStringLiteral("created"), QStringLiteral("order_created")))
                return false;
            const qsizetype ref = orderRefs.size();
            OrderRef created;
            created.tenant = tenantId;
            created.id = orderId;
            created.customer = &customer;
            created.channel = order.value(u"channel").toString();
            created.storeCode = order.value(u"store_code").toString();
            created.createdAt = t;
            created.total = order.value(u"pricing").toObject().value(u"total").toDouble();
            orderRefs.append(std::move(created));
            const double fate = rng.unit();
            if (fate < 0.04) { // cancelled before confirmation
                t += rng.range(10, 600) * Minute;
                if (t < end && !step(QStringLiteral("cancelled"), QStringLiteral("customer_cancelled")))
                    return false;
                continue;
            }
            t += rng.range(3, 90) * Minute;
            if (t >= end)
                continue;
            QJsonObject payment = order.value(u"payment").toObject();
            payment.insert(QStringLiteral("status"), QStringLiteral("paid"));
            payment.insert(QStringLiteral("paid_at"), iso(t));
            order.insert(QStringLiteral("payment"), payment);
            if (!step(QStringLiteral("confirmed"), QStringLiteral("payment_received")))
                return false;
            orderRefs[ref].confirmedAt = t;
            orderRefs[ref].paid = order.value(u"pricing").toObject().value(u"total").toDouble();
            for (const QJsonValue &line : std::as_const(items))
                orderRefs[ref].items.append({ line.toObject().value(u"product_id").toString(),
                    line.toObject().value(u"quantity").toInteger() });
            if (fate < 0.10) { // modified after confirmation: a quantity changes
                t += rng.range(10, 240) * Minute;
                if (t >= end)
                    continue;
                QJsonObject line = items.at(0).toObject();
                const qint64 qty = line.value(u"quantity").toInteger() + rng.range(1, 3);
                line.insert(QStringLiteral("quantity"), qty);
                line.insert(QStringLiteral("subtotal"), money(line.value(u"unit_price").toDouble() * double(qty)));
                items.replace(0, line);
                order.insert(QStringLiteral("items"), items);
                order.insert(QStringLiteral("pricing"), pricing(items));
                if (!step(QStringLiteral("modified"), QStringLiteral("customer_changed_items")))
                    return false;
                orderRefs[ref].modifiedAt = t;
                orderRefs[ref].modifiedProduct = line.value(u"product_id").toString();
                orderRefs[ref].modifiedBy = qty - orderRefs[ref].items.at(0).second;
            } else if (fate < 0.14) { // cancelled after payment
                t += rng.range(30, 600) * Minute;
                if (t < end && !step(QStringLiteral("cancelled"), QStringLiteral("out_of_stock")))
                    return false;
                if (t < end)
                    orderRefs[ref].refundedAt = t;
                continue;
            }
            // Packing starts between payment and hand-over: an event without a snapshot, which only a
            // point-in-time reconstruction shows.
            t += rng.range(1, 3) * Hour;
            if (t >= end)
                continue;
            order.insert(QStringLiteral("fulfilment"),
                QJsonObject { { QStringLiteral("stage"), QStringLiteral("packing") },
                    { QStringLiteral("store_code"), order.value(u"store_code") },
                    { QStringLiteral("started_at"), iso(t) } });
            publish(QStringLiteral("PackingStarted"));
            t += rng.range(3, 33) * Hour;
            if (t >= end)
                continue;
            QJsonObject delivery = order.value(u"delivery").toObject();
            delivery.insert(QStringLiteral("carrier"), rng.pick(carriers));
            delivery.insert(
                QStringLiteral("tracking_number"), QStringLiteral("TH%1").arg(rng.range(100000000, 999999999)));
            delivery.insert(QStringLiteral("estimated_date"),
                QDateTime::fromMSecsSinceEpoch(t + 2 * Day, zone).date().toString(Qt::ISODate));
            order.insert(QStringLiteral("delivery"), delivery);
            if (!step(QStringLiteral("shipped"), QStringLiteral("handed_to_carrier")))
                return false;
            t += rng.range(18, 96) * Hour;
            if (t < end && !step(QStringLiteral("completed"), QStringLiteral("delivered")))
                return false;
        }
        return true;
    }

    // ---- chats on LINE, Facebook and WhatsApp with intent progression, AI confidence and outcomes.
    // ---- chats: sessions are generated in parallel, in chunks that each have their own random stream, and written
    // in session order, so the output depends only on the seed.
    bool chats(int count, const QString &tenantId, quint64 stream)
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

    void chatSession(Rng &sessionRng, int n, int count, const QString &tenantId, const OrderRef *order,
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

            QJsonArray keyMessages;
            double confidenceSum = 0;
            int scoredMessages = 0;
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

            const auto snapshotState = [&](const QString &status) {
                QJsonObject ai { { QStringLiteral("model"), QStringLiteral("snap-assist-2") },
                    { QStringLiteral("avg_confidence"),
                        scoredMessages ? std::round(confidenceSum / scoredMessages * 1000) / 1000 : 0.0 },
                    { QStringLiteral("human_handoff"), handoff && status != u"active" },
                    { QStringLiteral("detected_intents"), QJsonArray::fromStringList(intents) } };
                if (handoff)
                    ai.insert(QStringLiteral("handoff_reason"),
                        complains ? QStringLiteral("complaint") : QStringLiteral("customer_request"));
                QJsonObject outcome { { QStringLiteral("order_created"), buys && status != u"active" },
                    { QStringLiteral("order_value"), buys && status != u"active" ? orderValue : 0.0 } };
                if (buys && status != u"active")
                    outcome.insert(QStringLiteral("order_id"), orderId);
                if (status == u"ended")
                    outcome.insert(QStringLiteral("satisfaction"),
                        complains ? double(sessionRng.range(1, 3)) : double(sessionRng.range(3, 5)));
                return QJsonObject {
                    { QStringLiteral("session_id"), sessionId },
                    { QStringLiteral("platform"), platform },
                    { QStringLiteral("customer"), customerJson(customer) },
                    { QStringLiteral("language"), customer.language },
                    { QStringLiteral("started_at"), iso(startedAt) },
                    { QStringLiteral("updated_at"), iso(t) },
                    { QStringLiteral("status"), status },
                    { QStringLiteral("total_messages"), messages },
                    { QStringLiteral("duration_s"), (t - startedAt) / 1000 },
                    { QStringLiteral("intent_progression"), QJsonArray::fromStringList(intents) },
                    { QStringLiteral("key_messages"), keyMessages },
                    { QStringLiteral("ai"), ai },
                    { QStringLiteral("outcome"), outcome },
                };
            };

            bool tookMidSnapshot = false;
            for (const QString &intent : std::as_const(intents)) {
                const int exchanges = int(sessionRng.range(1, 3));
                for (int e = 0; e < exchanges; ++e) {
                    t += sessionRng.range(5, 120) * 1000;
                    const double confidence = std::round((0.55 + 0.44 * sessionRng.unit()) * 1000) / 1000;
                    confidenceSum += confidence;
                    ++scoredMessages;
                    messages += 2;
                    if (e == 0) {
                        keyMessages.append(QJsonObject { { QStringLiteral("timestamp"), iso(t) },
                            { QStringLiteral("sender"), QStringLiteral("customer") },
                            { QStringLiteral("text"), lineFor(customerLines, intent) },
                            { QStringLiteral("intent"), intent }, { QStringLiteral("confidence"), confidence } });
                        const QString reply = lineFor(assistantLines, intent);
                        if (!reply.isEmpty()) {
                            keyMessages.append(QJsonObject { { QStringLiteral("timestamp"), iso(t + 4000) },
                                { QStringLiteral("sender"),
                                    handoff && intent == u"human_request" ? QStringLiteral("agent")
                                                                          : QStringLiteral("ai") },
                                { QStringLiteral("text"), reply }, { QStringLiteral("intent"), intent } });
                        }
                    }
                }
                if (intent == u"product_inquiry" && !tookMidSnapshot && sessionRng.chance(0.25)) {
                    tookMidSnapshot = true;
                    if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("ai_learning"),
                            snapshotState(QStringLiteral("active")),
                            trigger(QStringLiteral("chat-service"), QStringLiteral("rag_learning")),
                            QStringLiteral("system"), std::nullopt, tenantId))
                        return;
                }
                if (intent == u"purchase_intent") {
                    t = std::max(t + 20000, order->createdAt); // the moment the order was created
                    if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("order_created"),
                            snapshotState(QStringLiteral("ordered")),
                            trigger(QStringLiteral("chat-service"), QStringLiteral("order_created")),
                            QStringLiteral("system"), std::nullopt, tenantId))
                        return;
                }
                if (intent == u"complaint") {
                    if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("complaint"),
                            snapshotState(QStringLiteral("complaint")),
                            trigger(QStringLiteral("chat-service"), QStringLiteral("complaint_detected")),
                            QStringLiteral("system"), std::nullopt, tenantId))
                        return;
                }
                if (intent == u"human_request") {
                    if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("escalated"),
                            snapshotState(QStringLiteral("escalated")),
                            trigger(QStringLiteral("chat-service"), QStringLiteral("human_handoff")),
                            QStringLiteral("system"), std::nullopt, tenantId))
                        return;
                }
            }
            t += sessionRng.range(60, 900) * 1000;
            if (!emit(QStringLiteral("chat"), sessionId, t, QStringLiteral("session_ended"),
                    snapshotState(QStringLiteral("ended")),
                    trigger(QStringLiteral("chat-service"), QStringLiteral("session_timeout")),
                    QStringLiteral("system"), std::nullopt, tenantId))
                return;
        }
    }

    bool inventoryTransactions(QList<InventoryTransaction> &rows)
    {
        static const QStringList types { QStringLiteral("deducted"), QStringLiteral("restocked"),
            QStringLiteral("adjusted"), QStringLiteral("transferred"), QStringLiteral("damaged") };
        static const QStringList reasons { QStringLiteral("store_sale"), QStringLiteral("supplier_delivery"),
            QStringLiteral("stock_count"), QStringLiteral("store_transfer"), QStringLiteral("damaged_in_storage") };
        struct Movement
        {
            EpochMs at;
            QString tenant;
            const Product *product;
            QString store;
            int type;
            qint64 quantity;
            QString reason;
            QString reference;
        };
        QHash<QString, const Product *> productById;
        for (const Product &p : std::as_const(catalogue))
            productById.insert(p.id, &p);
        std::vector<Movement> moves;
        // What each paid order took from its store, a later change of quantity, and the return of a cancelled one.
        for (const OrderRef &o : std::as_const(orderRefs)) {
            if (o.confirmedAt == 0)
                continue;
            for (const auto &[product, quantity] : o.items)
                moves.push_back({ o.confirmedAt + Minute, o.tenant, productById.value(product), o.storeCode, 0,
                    -quantity, QStringLiteral("order_fulfilment"), o.id });
            if (o.modifiedAt != 0)
                moves.push_back({ o.modifiedAt + Minute, o.tenant, productById.value(o.modifiedProduct), o.storeCode, 0,
                    -o.modifiedBy, QStringLiteral("order_changed"), o.id });
            if (o.refundedAt != 0) {
                for (const auto &[product, quantity] : o.items)
                    moves.push_back({ o.refundedAt + Minute, o.tenant, productById.value(product), o.storeCode, 1,
                        quantity, QStringLiteral("order_cancelled"), o.id });
            }
        }
        // The stores' own movements: walk-in sales, deliveries, counts, transfers, damage.
        for (int n = 0; n < scale.inventoryTx; ++n) {
            const qint64 pick = rng.below(100);
            const int typeIndex = pick < 55 ? 0 : pick < 80 ? 1 : pick < 90 ? 2 : pick < 96 ? 3 : 4;
            const Product &p = rng.pick(catalogue);
            qint64 quantity = typeIndex == 1 ? p.demand * rng.range(5, 12) : -rng.range(1, 8);
            if (typeIndex == 2)
                quantity = rng.range(-3, 3);
            moves.push_back({ start + (end - start) * n / std::max(1, scale.inventoryTx) + rng.below(Hour), tenant, &p,
                rng.pick(Stores), typeIndex, quantity, reasons.at(typeIndex),
                typeIndex == 1 ? QStringLiteral("PO-%1").arg(rng.range(1000, 9999)) : QString() });
        }
        // In time order: each product's versions follow time.
        std::stable_sort(moves.begin(), moves.end(), [](const Movement &a, const Movement &b) { return a.at < b.at; });
        QHash<QString, qint64> levels;
        qint64 n = 0;
        for (const Movement &m : moves) {
            if (!m.product || m.at >= end)
                continue;
            const Product &p = *m.product;
            qint64 &level = levels[m.tenant + m.store + p.id];
            if (level == 0)
                level = p.demand * 10;
            const qint64 before = level;
            level = std::max<qint64>(0, level + m.quantity);
            const QString id = QStringLiteral("TX-%1").arg(++n, 7, 10, QLatin1Char('0'));
            const QString &type = types.at(m.type);
            const QJsonObject payload {
                { QStringLiteral("transaction_id"), id },
                { QStringLiteral("product_id"), p.id },
                { QStringLiteral("product_name"), p.thai },
                { QStringLiteral("store_code"), m.store },
                { QStringLiteral("type"), type },
                { QStringLiteral("quantity"), m.quantity },
                { QStringLiteral("reason"), m.reason },
                { QStringLiteral("reference_id"), m.reference },
                { QStringLiteral("unit_cost"), p.cost },
                { QStringLiteral("before"), before },
                { QStringLiteral("after"), level },
                { QStringLiteral("performed_by"),
                    m.reference.startsWith(u"ORD-") ? QStringLiteral("system")
                                                    : QStringLiteral("staff.%1").arg(rng.range(1, 40)) },
                { QStringLiteral("occurred_at"), iso(m.at) },
            };
            rows.append({ id, m.tenant, m.store, p.id, type, int(m.quantity), m.reason, m.reference, m.at });
            if (m.reference.startsWith(u"ORD-"))
                cases[m.tenant + u'/' + m.reference].transactions.append(id);
            if (!emit(QStringLiteral("inventory_tx"), p.id, m.at, type, payload,
                    trigger(QStringLiteral("inventory-service"), m.reason), QStringLiteral("system"), std::nullopt,
                    m.tenant))
                return false;
        }
        return true;
    }

    bool financial()
    {
        const QDate firstDay = QDateTime::fromMSecsSinceEpoch(start, zone).date();
        for (int d = 0; d < scale.days; ++d) {
            const QDate day = firstDay.addDays(d);
            const EpochMs at = QDateTime(day, QTime(23, 30), zone).toMSecsSinceEpoch();
            const double gross = money(20000 + 30000 * rng.unit() + (day.dayOfWeek() >= 6 ? 15000 : 0));
            const double refunds = money(gross * 0.02 * rng.unit());
            QJsonArray byStore;
            for (const QString &storeCode : Stores)
                byStore.append(QJsonObject { { QStringLiteral("store_code"), storeCode },
                    { QStringLiteral("amount"), money(gross / 3 * (0.8 + 0.4 * rng.unit())) } });
            if (!emit(QStringLiteral("financial"), QStringLiteral("REV-%1").arg(day.toString(Qt::ISODate)), at,
                    QStringLiteral("daily_revenue"),
                    { { QStringLiteral("record_id"), QStringLiteral("REV-%1").arg(day.toString(Qt::ISODate)) },
                        { QStringLiteral("day"), day.toString(Qt::ISODate) }, { QStringLiteral("gross"), gross },
                        { QStringLiteral("refunds"), refunds }, { QStringLiteral("amount"), money(gross - refunds) },
                        { QStringLiteral("currency"), QStringLiteral("THB") }, { QStringLiteral("by_store"), byStore },
                        { QStringLiteral("orders"), rng.range(40, 160) } },
                    trigger(QStringLiteral("finance-service"), QStringLiteral("day_close"))))
                return false;
        }
        static const QStringList types { QStringLiteral("expense_recorded"), QStringLiteral("cash_reconciliation") };
        struct Record
        {
            EpochMs at;
            QString tenant;
            QString type;
            double amount;
            QString orderId;
            QString store;
            QString currency;
        };
        std::vector<Record> records;
        // Each paid order's payment, and the refund of one cancelled after payment.
        for (const OrderRef &o : std::as_const(orderRefs)) {
            const QString currency = o.tenant == tenant ? QStringLiteral("THB") : QStringLiteral("SGD");
            if (o.confirmedAt != 0)
                records.push_back({ o.confirmedAt + 30'000, o.tenant, QStringLiteral("payment_confirmed"), o.paid, o.id,
                    o.storeCode, currency });
            if (o.refundedAt != 0)
                records.push_back({ o.refundedAt + 2 * Hour, o.tenant, QStringLiteral("refund_processed"), -o.paid,
                    o.id, o.storeCode, currency });
        }
        for (int n = 0; n < scale.financialExtra; ++n) {
            const int typeIndex = rng.below(100) < 67 ? 0 : 1;
            const EpochMs at = randomTime(start, end);
            const double amount = money(typeIndex == 0 ? 500 + 20000 * rng.unit() : 50 + 3000 * rng.unit());
            records.push_back(
                { at, tenant, types.at(typeIndex), amount, QString(), rng.pick(Stores), QStringLiteral("THB") });
        }
        std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) { return a.at < b.at; });
        qint64 n = 0;
        for (const Record &r : records) {
            if (r.at >= end)
                continue;
            const QString id = QStringLiteral("FIN-%1").arg(++n, 6, 10, QLatin1Char('0'));
            QJsonObject payload { { QStringLiteral("record_id"), id }, { QStringLiteral("type"), r.type },
                { QStringLiteral("amount"), r.amount }, { QStringLiteral("currency"), r.currency },
                { QStringLiteral("fee"), money(std::abs(r.amount) * 0.015) },
                { QStringLiteral("recorded_at"), iso(r.at) }, { QStringLiteral("store_code"), r.store } };
            if (!r.orderId.isEmpty()) {
                payload.insert(QStringLiteral("order_id"), r.orderId);
                cases[r.tenant + u'/' + r.orderId].financialRecords.append(id);
            }
            if (!emit(QStringLiteral("financial"), id, r.at, r.type, payload,
                    trigger(QStringLiteral("finance-service"), r.type), QStringLiteral("system"), std::nullopt,
                    r.tenant))
                return false;
        }
        return true;
    }

    bool customerTiers()
    {
        static const QStringList tiers { QStringLiteral("bronze"), QStringLiteral("silver"), QStringLiteral("gold"),
            QStringLiteral("platinum") };
        struct State
        {
            int tier = 0;
            qint64 points = 0;
            double spend = 0;
        };
        QHash<QString, State> states;
        QList<std::pair<EpochMs, int>> moments;
        for (int n = 0; n < scale.tierRecords; ++n)
            moments.append({ randomTime(start, end), int(rng.below(customers.size())) });
        std::sort(moments.begin(), moments.end());
        for (const auto &[at, index] : moments) {
            const Customer &c = customers.at(index);
            State &s = states[c.id];
            QString type;
            const qint64 pick = rng.below(100);
            if (pick < 35 && s.tier < 3) {
                ++s.tier;
                type = QStringLiteral("tier_upgraded");
            } else if (pick < 70 && s.points > 100) {
                s.points -= rng.range(50, s.points / 2 + 50);
                type = QStringLiteral("points_redeemed");
            } else if (pick < 92) {
                type = QStringLiteral("milestone_achieved");
            } else {
                type = QStringLiteral("annual_summary");
            }
            s.points += rng.range(20, 400);
            s.spend = money(s.spend + 200 + 3000 * rng.unit());
            if (!emit(QStringLiteral("customer_tier"), c.id, at, type,
                    { { QStringLiteral("customer_id"), c.id }, { QStringLiteral("name"), c.name },
                        { QStringLiteral("tier"), tiers.at(s.tier) }, { QStringLiteral("points"), s.points },
                        { QStringLiteral("lifetime_spend"), s.spend },
                        { QStringLiteral("currency"), QStringLiteral("THB") },
                        { QStringLiteral("updated_at"), iso(at) } },
                    trigger(QStringLiteral("loyalty-service"), type)))
                return false;
        }
        return true;
    }

    bool accounts()
    {
        const QStringList companies = DemoVocabulary::companies();
        static const QStringList plans { QStringLiteral("starter"), QStringLiteral("growth"),
            QStringLiteral("enterprise") };
        for (int a = 0; a < scale.accounts; ++a) {
            const QString id = QStringLiteral("ACC-%1").arg(a + 1, 5, 10, QLatin1Char('0'));
            const QString company = companies.at(a % companies.size())
                + (a >= companies.size() ? QStringLiteral(" %1").arg(a / companies.size() + 1) : QString());
            double health = 50 + 45 * rng.unit();
            EpochMs t = randomTime(start, start + 30 * Day);
            EpochMs lastEventDriven = -1;
            const int count = int(rng.range(1, 3));
            for (int k = 0; k < count && t < end; ++k) {
                const qint64 pick = rng.below(10);
                QString type = pick < 6 ? QStringLiteral("event_driven")
                    : pick < 8          ? QStringLiteral("rag_auto")
                                        : QStringLiteral("manual");
                // event_driven snapshots have a 5-minute cooldown per account.
                if (type == u"event_driven" && lastEventDriven >= 0 && t - lastEventDriven < 5 * Minute)
                    t = lastEventDriven + 5 * Minute;
                if (type == u"event_driven")
                    lastEventDriven = t;
                health = std::clamp(health + 15 * (rng.unit() - 0.5), 5.0, 100.0);
                if (!emit(QStringLiteral("account"), id, t, type,
                        { { QStringLiteral("account_id"), id }, { QStringLiteral("company"), company },
                            { QStringLiteral("plan"), plans.at(rng.below(plans.size())) },
                            { QStringLiteral("health_score"), std::round(health * 10) / 10 },
                            { QStringLiteral("seats"), rng.range(1, 50) },
                            { QStringLiteral("monthly_revenue"), money(990 + 20000 * rng.unit()) },
                            { QStringLiteral("open_tickets"), rng.range(0, 6) },
                            { QStringLiteral("last_seen_at"), iso(t - rng.below(3 * Day)) },
                            { QStringLiteral("updated_at"), iso(t) } },
                        trigger(QStringLiteral("crm-service"), type),
                        type == u"manual" ? QStringLiteral("admin.somchai") : QStringLiteral("system")))
                    return false;
                t += rng.range(1, 40) * Day / 4;
            }
        }
        return true;
    }

    // ---- event-sourced aggregates: each event's data carries an RFC 6902 patch; a snapshot every 10 events.
    bool aggregates(QList<EventRecord> &eventRows)
    {
        for (int a = 0; a < scale.aggregates; ++a) {
            const QString id = QStringLiteral("cart-%1").arg(a + 1, 5, 10, QLatin1Char('0'));
            const int length = rng.chance(0.15) ? int(rng.range(100, 400)) : int(rng.range(5, 90));
            QJsonObject state { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("open") },
                { QStringLiteral("items"), QJsonArray() }, { QStringLiteral("total"), 0.0 },
                { QStringLiteral("customer_id"), rng.pick(customers).id } };
            EpochMs t = randomTime(start, end - 30 * Day);
            // The cart's creation is its first event; everything after it is a patch on that state.
            eventRows.append({ tenant, id, 1, QStringLiteral("CartCreated"), t,
                QJsonObject { { QStringLiteral("event_id"), rng.id(t) },
                    { QStringLiteral("patch"), memberPatch(QJsonObject(), state) } } });
            ++events;
            for (int seq = 2; seq <= length; ++seq) {
                t += rng.range(1, 600) * 1000 + (seq % 50 == 0 ? Day : 0);
                QJsonArray items = state.value(u"items").toArray();
                QJsonArray patch;
                QString type;
                const auto op
                    = [&](const char *name, const QString &path, const QJsonValue &value = QJsonValue::Undefined) {
                          QJsonObject o { { QStringLiteral("op"), QString::fromLatin1(name) },
                              { QStringLiteral("path"), path } };
                          if (!value.isUndefined())
                              o.insert(QStringLiteral("value"), value);
                          patch.append(o);
                      };
                const qint64 pick = rng.below(100);
                if (items.isEmpty() || pick < 40) {
                    const Product &p = rng.pick(catalogue);
                    const QJsonObject item { { QStringLiteral("id"), QStringLiteral("line-%1").arg(seq) },
                        { QStringLiteral("sku"), p.id }, { QStringLiteral("name"), p.thai },
                        { QStringLiteral("qty"), rng.range(1, 4) }, { QStringLiteral("price"), p.price } };
                    items.append(item);
                    op("add", QStringLiteral("/items/-"), item);
                    type = QStringLiteral("ItemAdded");
                } else if (pick < 70) {
                    const qsizetype i = rng.below(items.size());
                    QJsonObject item = items.at(i).toObject();
                    item.insert(QStringLiteral("qty"), rng.range(1, 9));
                    items.replace(i, item);
                    op("replace", QStringLiteral("/items/%1/qty").arg(i), item.value(u"qty"));
                    type = QStringLiteral("ItemQuantityChanged");
                } else if (pick < 85) {
                    const qsizetype i = rng.below(items.size());
                    items.removeAt(i);
                    op("remove", QStringLiteral("/items/%1").arg(i));
                    type = QStringLiteral("ItemRemoved");
                } else if (pick < 95) {
                    const QString code = QStringLiteral("SALE%1").arg(rng.range(5, 30));
                    op(state.contains(u"coupon") ? "replace" : "add", QStringLiteral("/coupon"), code);
                    state.insert(QStringLiteral("coupon"), code);
                    type = QStringLiteral("CouponApplied");
                } else {
                    static const QStringList statuses { QStringLiteral("open"), QStringLiteral("checkout"),
                        QStringLiteral("abandoned") };
                    const QString status = statuses.at(rng.below(statuses.size()));
                    op("replace", QStringLiteral("/status"), status);
                    state.insert(QStringLiteral("status"), status);
                    type = QStringLiteral("StatusChanged");
                }
                double total = 0;
                for (const QJsonValue &item : std::as_const(items))
                    total += item.toObject().value(u"price").toDouble() * item.toObject().value(u"qty").toDouble();
                total = money(total);
                op("replace", QStringLiteral("/total"), total);
                state.insert(QStringLiteral("items"), items);
                state.insert(QStringLiteral("total"), total);
                eventRows.append({ tenant, id, seq, type, t,
                    QJsonObject { { QStringLiteral("event_id"), rng.id(t) }, { QStringLiteral("patch"), patch } } });
                ++events;
                if (seq % 10 == 0) {
                    QJsonObject snapshot = state;
                    snapshot.insert(QStringLiteral("version"), seq);
                    snapshot.insert(QStringLiteral("event_seq"), seq);
                    snapshot.insert(QStringLiteral("updated_at"), iso(t));
                    if (!emit(QStringLiteral("aggregate"), id, t, QStringLiteral("event_driven"), snapshot,
                            trigger(QStringLiteral("cart-service"), QStringLiteral("every_10_events")),
                            QStringLiteral("system"), seq))
                        return false;
                }
            }
        }
        return true;
    }

    bool storeStock(QList<StockLevel> &levels)
    {
        const int items = std::min<int>(catalogue.size(), scale.inventoryProducts);
        for (int s = 0; s < Stores.size(); ++s) {
            QList<qint64> quantities;
            for (int i = 0; i < items; ++i)
                quantities.append(catalogue.at(i).demand * rng.range(5, 20));
            for (EpochMs t = start + 7 * Day; t < end; t += 7 * Day) {
                const bool manual = rng.chance(0.1);
                QJsonArray stocks;
                for (int i = 0; i < items; ++i) {
                    const Product &p = catalogue.at(i);
                    quantities[i] = std::max<qint64>(0, quantities[i] + rng.range(-p.demand * 3, p.demand * 3));
                    stocks.append(QJsonObject { { QStringLiteral("item_code"), p.id },
                        { QStringLiteral("name"), p.thai }, { QStringLiteral("quantity"), quantities[i] },
                        { QStringLiteral("minimum_quantity"), p.demand * 2 },
                        { QStringLiteral("reorder_point"), p.demand * 4 },
                        { QStringLiteral("reorder_quantity"), p.demand * 10 } });
                }
                const EpochMs at = t + (manual ? rng.range(9, 17) * Hour : 2 * Hour);
                if (!emit(QStringLiteral("stock"), Stores.at(s), at,
                        manual ? QStringLiteral("manual") : QStringLiteral("scheduled"),
                        { { QStringLiteral("store_code"), Stores.at(s) },
                            { QStringLiteral("store_name"), StoreNames[s] }, { QStringLiteral("stocks"), stocks },
                            { QStringLiteral("counted_by"),
                                manual ? QStringLiteral("admin.wilai") : QStringLiteral("system") },
                            { QStringLiteral("updated_at"), iso(at) } },
                        trigger(QStringLiteral("stock-service"),
                            manual ? QStringLiteral("manual_count") : QStringLiteral("weekly_schedule"),
                            manual ? QStringLiteral("admin.wilai") : QStringLiteral("system")),
                        manual ? QStringLiteral("admin.wilai") : QStringLiteral("system")))
                    return false;
            }
            for (int i = 0; i < items; ++i) {
                const Product &p = catalogue.at(i);
                levels.append({ tenant, Stores.at(s), p.id, p.thai, int(quantities[i]), p.demand * 2, p.demand * 4,
                    p.demand * 10, end });
            }
        }
        return true;
    }
};

QHash<QString, QList<QByteArray>> DemoGenerator::samplePayloads(quint64 seed, int perKind)
{
    DemoOptions options;
    options.scale = DemoOptions::Scale::Small;
    Impl sample(options, seed);
    QHash<QString, QList<QByteArray>> samples;
    sample.sink = [&](NewSnapshot &&s) {
        QList<QByteArray> &list = samples[s.kind];
        if (list.size() < perKind)
            list.append(CanonicalJson::write(s.payload));
        return true;
    };
    QList<InventoryTransaction> transactions;
    QList<EventRecord> events;
    QList<StockLevel> levels;
    sample.scale.days = 30;
    sample.orders(std::max(50, perKind / 3), sample.tenant, QStringLiteral("THB"));
    sample.chats(std::max(50, perKind / 2), sample.tenant, 2);
    sample.dailyInventory();
    sample.inventoryTransactions(transactions);
    sample.financial();
    sample.customerTiers();
    sample.accounts();
    sample.aggregates(events);
    sample.storeStock(levels);
    return samples;
}

DemoGenerator::DemoGenerator(SnapshotStore &store, DemoOptions options)
    : m_store(store)
    , m_options(options)
{ }

DemoGenerator::~DemoGenerator() = default;

qint64 DemoGenerator::estimatedSnapshots(DemoOptions::Scale scale)
{
    const Scale s = scaleFor(scale);
    // Orders (both tenants) bring their stock movements (about 3.3 lines each) and payments.
    return qint64(s.days) * s.inventoryProducts * 3 + qint64(s.orders) * 37 / 10 + qint64(s.orders) * 11 / 10 * 43 / 10
        + qint64(s.chats) * 22 / 10 + s.inventoryTx + s.days + s.financialExtra + s.tierRecords + s.accounts * 2
        + s.aggregates * 5 + 3 * (s.days / 7) + (s.days < 30 ? 40 : 1100);
}

Result<DemoReport> DemoGenerator::run(const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    DemoReport report;
    const qint64 estimate = estimatedSnapshots(m_options.scale);

    if (Status s = m_store.putTenant({ QStringLiteral("acme-th"), QStringLiteral("ACME Retail Thailand"),
            QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") });
        !s)
        return s.error();
    if (Status s = m_store.putTenant({ QStringLiteral("lotus-sg"), QStringLiteral("Lotus Mart Singapore"),
            QStringLiteral("Asia/Singapore"), QStringLiteral("SGD") });
        !s)
        return s.error();

    // 1. Dictionaries, trained on a sample drawn with a different seed, before any payload is written.
    if (m_options.trainDictionaries) {
        const QHash<QString, QList<QByteArray>> samples = samplePayloads(m_options.seed ^ 0xD1C7D1C7ULL, 600);
        for (const KindInfo &kind : KindRegistry::all()) { // registry order: the same seed gives the same ids
            const QList<QByteArray> kindSamples = samples.value(kind.id);
            if (kind.id == u"stock")
                continue; // few, large payloads: zstd finds its own redundancy
            auto dictionary = PayloadCodec::trainDictionary(kindSamples, 16 * 1024);
            if (!dictionary)
                continue; // too few samples for this kind: it is stored with plain zstd
            auto id = m_store.addDictionary(kind.id, *dictionary, int(kindSamples.size()));
            if (!id)
                return id.error();
        }
    }

    // 2. The history itself, written in batches of one transaction each.
    Impl impl(m_options, m_options.seed);
    QList<NewSnapshot> batch;
    constexpr qsizetype BatchSize = 4000;
    std::optional<Error> failure;
    bool cancelled = false;
    QString phase;
    // Generation and writing overlap: up to two batches wait for or are in writing on a store worker, chained so
    // they are written one after the other in order, while the next is generated here. A failed batch fails the
    // ones chained after it with the same error.
    using Written = Result<QList<SnapshotHeader>>;
    struct InFlight
    {
        std::shared_ptr<const QList<NewSnapshot>> batch;
        QFuture<Written> written;
    };
    constexpr size_t MaxInFlight = 2;
    std::deque<InFlight> inFlight;
    const auto waitOldest = [&]() -> bool {
        const Written written = inFlight.front().written.result();
        inFlight.pop_front(); // the batch is freed here, off the writing thread
        if (!written) {
            if (!failure)
                failure = written.error();
            return false;
        }
        return true;
    };
    const auto waitForPending = [&]() -> bool {
        bool ok = true;
        while (!inFlight.empty())
            ok = waitOldest() && ok;
        return ok;
    };
    const auto flush = [&]() -> bool {
        if (batch.isEmpty())
            return true;
        while (inFlight.size() >= MaxInFlight) {
            if (!waitOldest())
                return false;
        }
        for (const NewSnapshot &s : std::as_const(batch))
            ++report.snapshotsByKind[s.kind];
        report.snapshots += batch.size();
        auto toWrite = std::make_shared<const QList<NewSnapshot>>(std::move(batch));
        SnapshotStore *store = &m_store;
        QFuture<Written> written = inFlight.empty()
            ? QtConcurrent::run(&m_store.workers(), [store, toWrite] { return store->putBatch(*toWrite); })
            : inFlight.back().written.then(&m_store.workers(), [store, toWrite](const Written &previous) -> Written {
                  if (!previous)
                      return previous.error();
                  return store->putBatch(*toWrite);
              });
        inFlight.push_back({ std::move(toWrite), std::move(written) });
        batch = QList<NewSnapshot>();
        batch.reserve(BatchSize);
        if (progress && !progress(report.snapshots, std::max(estimate, report.snapshots), phase)) {
            cancelled = true;
            waitForPending();
            return false;
        }
        return true;
    };
    impl.sink = [&](NewSnapshot &&s) {
        batch.append(std::move(s));
        return batch.size() < BatchSize || flush();
    };

    QList<InventoryTransaction> transactions;
    QList<EventRecord> eventRows;
    QList<StockLevel> levels;
    const auto step = [&](const QString &name, const std::function<bool()> &work) {
        phase = name;
        return work() && flush();
    };
    const bool ok = step(QStringLiteral("orders"),
                        [&] { return impl.orders(impl.scale.orders, impl.tenant, QStringLiteral("THB")); })
        && step(QStringLiteral("orders (Singapore)"),
            [&] { return impl.orders(impl.scale.orders / 10, QStringLiteral("lotus-sg"), QStringLiteral("SGD")); })
        && step(QStringLiteral("chats"), [&] { return impl.chats(impl.scale.chats, impl.tenant, 2); })
        && step(QStringLiteral("chats (Singapore)"),
            [&] { return impl.chats(impl.scale.chats / 20, QStringLiteral("lotus-sg"), 3); })
        && step(QStringLiteral("daily inventory"), [&] { return impl.dailyInventory(); })
        && step(QStringLiteral("inventory transactions"), [&] { return impl.inventoryTransactions(transactions); })
        && step(QStringLiteral("financial records"), [&] { return impl.financial(); })
        && step(QStringLiteral("customer tiers"), [&] { return impl.customerTiers(); })
        && step(QStringLiteral("accounts"), [&] { return impl.accounts(); })
        && step(QStringLiteral("aggregates"), [&] { return impl.aggregates(eventRows); })
        && step(QStringLiteral("store stock"), [&] { return impl.storeStock(levels); });
    const bool written = waitForPending();
    if (failure || !written)
        return *failure;
    if (cancelled || !ok)
        return Error { Error::Code::Cancelled,
            QStringLiteral("demo generation cancelled after %1 snapshots").arg(report.snapshots) };

    eventRows += impl.orderEvents;
    if (Status s = m_store.sources().appendEvents(eventRows); !s)
        return s.error();
    if (Status s = m_store.sources().appendInventoryTransactions(transactions); !s)
        return s.error();
    if (Status s = m_store.sources().putStockLevels(levels); !s)
        return s.error();
    report.events = impl.events;
    report.cases = std::move(impl.cases);
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

Result<std::optional<EpochMs>> interruptedDemoFill(SnapshotStore &store)
{
    AuditQuery query;
    query.action = QStringLiteral("demo");
    query.limit = 1;
    auto newest = store.maintenance().auditLog(query);
    if (!newest)
        return newest.error();
    if (!newest->isEmpty() && newest->constFirst().action == u"demo.start")
        return std::optional<EpochMs>(newest->constFirst().at);
    return std::optional<EpochMs>();
}

Result<DemoReport> fillDemoInPlace(
    const ConnectionSpec &spec, const DemoOptions &options, const DemoGenerator::Progress &progress)
{
    OpenOptions open;
    open.createSchema = true;
    {
        auto store = openSnapshotStore(spec, open);
        if (!store)
            return store.error();
        auto interrupted = interruptedDemoFill(**store);
        if (!interrupted)
            return interrupted.error();
        if (*interrupted) {
            // Only a database nobody has used since: the fill's own rows (dictionaries) and nothing else after it.
            AuditQuery since;
            since.at.from = **interrupted;
            since.limit = 1000;
            auto later = (*store)->maintenance().auditLog(since);
            if (!later)
                return later.error();
            for (const AuditEntry &e : std::as_const(*later)) {
                if (e.action != u"demo.start" && e.action != u"dict_train")
                    return Error { Error::Code::Database,
                        QStringLiteral("%1 holds a demo fill that was interrupted at %2, but has been used since (%3 "
                                       "by %4): demo will not discard it; fill a new database instead")
                            .arg(spec.displayName(), IsoTime::toUtcSeconds(**interrupted), e.action, e.actor) };
            }
            AuditEntry discard;
            discard.actor = QStringLiteral("system");
            discard.action = QStringLiteral("demo.discard");
            discard.details = { { QStringLiteral("interrupted_fill_started_at"), **interrupted } };
            if (Status discarded = (*store)->discardEverything(discard); !discarded)
                return discarded.error();
        } else {
            auto existing = (*store)->kindStats(QString());
            if (!existing)
                return existing.error();
            qint64 count = 0;
            for (const KindStats &k : std::as_const(*existing))
                count += k.count;
            if (count > 0) // not bad usage: the database is not one a demo may go into
                return Error { Error::Code::Database,
                    QStringLiteral("%1 already holds %2 snapshots; demo data goes into a new database")
                        .arg(spec.displayName())
                        .arg(count) };
        }
    } // a discarded store's dictionaries and tenants are forgotten with it
    auto store = openSnapshotStore(spec, open);
    if (!store)
        return store.error();
    AuditEntry entry;
    entry.actor = QStringLiteral("system");
    entry.action = QStringLiteral("demo.start");
    entry.outcome = QStringLiteral("started");
    entry.details = { { QStringLiteral("seed"), QString::number(options.seed) },
        { QStringLiteral("scale"),
            options.scale == DemoOptions::Scale::Large      ? QStringLiteral("large")
                : options.scale == DemoOptions::Scale::Tiny ? QStringLiteral("tiny")
                                                            : QStringLiteral("small") } };
    if (Status started = (*store)->maintenance().audit(entry); !started)
        return started.error();
    auto report = DemoGenerator(**store, options).run(progress);
    if (!report)
        return report; // demo.start stays the newest: the fill reads as interrupted, and the next one replaces it
    entry.action = QStringLiteral("demo");
    entry.outcome = QStringLiteral("ok");
    entry.at = 0;
    entry.details.insert(QStringLiteral("snapshots"), report->snapshots);
    if (Status finished = (*store)->maintenance().audit(entry); !finished)
        return finished.error();
    return report;
}

Result<DemoReport> createDemoSqliteFile(
    const QString &path, const DemoOptions &options, const DemoGenerator::Progress &progress)
{
    QElapsedTimer timer; // the whole of it, publishing included
    timer.start();
    if (QFileInfo::exists(path))
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 already exists; the demo goes into a new file").arg(path) };
    const QString partial = path + QStringLiteral(".partial");
    const auto removePartial = [&partial] {
        for (const QString &suffix :
            { QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(partial + suffix);
    };
    removePartial(); // left by a run that crashed
    const ConnectionSpec spec = ConnectionSpec::sqlite(partial);

    Result<DemoReport> report = Error { Error::Code::Database, QString() };
    {
        OpenOptions bulk;
        bulk.createIfMissing = true;
        bulk.privateBulkLoad = true;
        auto store = openSnapshotStore(spec, bulk);
        if (!store) {
            removePartial();
            return store.error();
        }
        report = DemoGenerator(**store, options).run(progress);
        if (report) {
            if (progress)
                progress(report->snapshots, report->snapshots, QStringLiteral("indexes"));
            if (Status built = (*store)->finishBulkLoad(); !built)
                report = built.error();
        }
    } // every connection of the bulk load is closed here
    if (!report) {
        removePartial();
        return report;
    }

    // Publish: a normal open switches the file to WAL, as every later open expects; then sync and rename.
    const auto publishError = [&](const QString &what) {
        removePartial();
        return Error { Error::Code::Io, QStringLiteral("%1: %2").arg(path, what) };
    };
    {
        auto store = openSnapshotStore(spec, {});
        if (!store) {
            removePartial();
            return store.error();
        }
    }
    QFile file(partial);
    if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
        return publishError(QStringLiteral("cannot sync the new database: %1").arg(file.errorString()));
    file.close();
    if (!QFile::rename(partial, path))
        return publishError(QStringLiteral("cannot move the new database into place (did the file appear meanwhile?)"));
    report->seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}
