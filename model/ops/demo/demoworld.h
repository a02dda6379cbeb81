#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include "domain/money.h"
#include "domain/snapshot.h"
#include "domain/snapshotid.h"
#include "domain/sourcerecords.h"
#include "ops/demogenerator.h"
#include "json/isotime.h"

// The demo's business world (issue 2, item 7): its catalogue, customers and orders, and the generators of each business
// area's history, which share them. Each area's generators are in a file of their own: demoorders.cpp, demochats.cpp,
// demoinventory.cpp, demofinance.cpp and demoaggregates.cpp.
namespace Demo {

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

inline double money(double value)
{
    return Money::roundToCents(value);
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

inline Scale scaleFor(DemoOptions::Scale scale)
{
    if (scale == DemoOptions::Scale::Large)
        return { 730, 500, 20000, 150000, 20000, 5000, 5000, 3000, 500, 20000, 500 };
    if (scale == DemoOptions::Scale::Tiny)
        return { 14, 4, 60, 80, 60, 20, 16, 12, 4, 40, 12 };
    return { 180, 20, 1200, 1500, 1200, 400, 300, 200, 40, 600, 60 };
}

inline const QStringList Stores { QStringLiteral("STORE001"), QStringLiteral("STORE002"), QStringLiteral("STORE003") };

inline QJsonObject trigger(const QString &source, const QString &action, const QString &user = QStringLiteral("system"))
{
    return { { QStringLiteral("source"), source }, { QStringLiteral("action"), action },
        { QStringLiteral("user_id"), user } };
}

inline QString iso(EpochMs ms)
{
    return IsoTime::toUtcSeconds(ms);
}

// A seed for one independent stream (a product line, ...), so streams can be generated in parallel and a seed still
// means one database.
inline quint64 streamSeed(quint64 seed, quint64 stream, quint64 index)
{
    return seed ^ (stream * 0xA24BAED4963EE407ULL) ^ ((index + 1) * 0x9FB21C651E98DF25ULL);
}

struct DemoWorld
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

    // The patch an event carries from one state to the next, member by member and into nested objects (an array that
    // grew at its end gets its new elements appended): what an order service would publish, and cheap to make.
    static QJsonArray memberPatch(const QJsonObject &from, const QJsonObject &to);

    DemoWorld(DemoOptions o, quint64 seed)
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
        std::optional<qint64> eventSeq);

    bool emit(const QString &kind, const QString &entity, EpochMs at, const QString &type, QJsonObject payload,
        QJsonObject trig = {}, const QString &createdBy = QStringLiteral("system"), std::optional<qint64> eventSeq = {},
        const QString &tenantId = {});

    void buildCatalogue();

    void buildCustomers();

    EpochMs randomTime(EpochMs from, EpochMs to) { return from + rng.below(std::max<EpochMs>(1, to - from)); }

    static QJsonObject customerJson(const Customer &c);

    // ---- daily inventory: closing = opening + inbound - outbound + adjustments; opening = previous closing.
    // Each (store, product) line has its own random stream, so a day's lines are generated in parallel.
    bool dailyInventory();

    // ---- orders: created -> confirmed -> shipped -> completed, some cancelled or modified.
    bool orders(int count, const QString &tenantId, const QString &currency);

    // ---- chats on LINE, Facebook and WhatsApp with intent progression, AI confidence and outcomes.
    // ---- chats: sessions are generated in parallel, in chunks that each have their own random stream, and written
    // in session order, so the output depends only on the seed.
    bool chats(int count, const QString &tenantId, quint64 stream);

    void chatSession(Rng &sessionRng, int n, int count, const QString &tenantId, const OrderRef *order,
        std::vector<NewSnapshot> &out) const;

    bool inventoryTransactions(QList<InventoryTransaction> &rows);

    bool financial();

    bool customerTiers();

    bool accounts();

    // ---- event-sourced aggregates: each event's data carries an RFC 6902 patch; a snapshot every 10 events.
    bool aggregates(QList<EventRecord> &eventRows);

    bool storeStock(QList<StockLevel> &levels);
};

} // namespace Demo
