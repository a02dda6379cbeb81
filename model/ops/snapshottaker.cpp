#include "snapshottaker.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <cmath>
#include <map>

#include "domain/kindregistry.h"
#include "domain/money.h"
#include "ops/snapshotcompactor.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonpatch.h"

namespace {

QJsonObject triggerFor(const TakeRequest &request, const QString &action)
{
    return { { QStringLiteral("user_id"), request.actor }, { QStringLiteral("action"), action },
        { QStringLiteral("source"), request.source } };
}

// The newest live, verified snapshot of an entity (of one type when given).
Result<std::optional<Snapshot>> newest(
    SnapshotStore &store, const QString &tenant, const QString &kind, const QString &entity, const QString &type = {})
{
    SnapshotQuery query;
    query.tenant = tenant;
    query.kind = kind;
    query.entityId = entity;
    if (!type.isEmpty())
        query.types = { type };
    PageRequest page;
    page.limit = 1;
    auto headers = store.listHeaders(query, page);
    if (!headers)
        return headers.error();
    if (headers->headers.isEmpty())
        return std::optional<Snapshot>();
    auto snapshot = store.load(headers->headers.first().id);
    if (!snapshot)
        return snapshot.error();
    return std::optional<Snapshot>(*snapshot);
}

Result<QTimeZone> tenantZone(SnapshotStore &store, const QString &tenant)
{
    auto tenants = store.tenants();
    if (!tenants)
        return tenants.error();
    for (const Tenant &t : *tenants) {
        if (t.id == tenant)
            return QTimeZone(t.businessTimeZone.toUtf8());
    }
    return Error { Error::Code::NotFound, QStringLiteral("no tenant \"%1\"").arg(tenant) };
}

} // namespace

SnapshotTaker::SnapshotTaker(SnapshotStore &store)
    : m_store(store)
{ }

QStringList SnapshotTaker::supportedKinds()
{
    return { QStringLiteral("stock"), QStringLiteral("order"), QStringLiteral("aggregate"),
        QStringLiteral("daily_inventory"), QStringLiteral("account") };
}

Result<TakeOutcome> SnapshotTaker::take(const TakeRequest &request, const Progress &progress)
{
    if (request.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("no tenant given") };
    const EpochMs now = QDateTime::currentMSecsSinceEpoch();
    TakeOutcome outcome;
    Result<QList<NewSnapshot>> built = QList<NewSnapshot>();
    if (request.kind == u"stock") {
        built = stock(request, now, progress);
    } else if (request.kind == u"order" || request.kind == u"aggregate") {
        built = folded(request, now);
    } else if (request.kind == u"daily_inventory") {
        built = dailyInventory(request, now);
    } else if (request.kind == u"account") {
        built = account(request, now, outcome);
    } else {
        return Error { Error::Code::Invalid,
            QStringLiteral("snapshots of kind \"%1\" are taken by their own service; SnapScope takes %2")
                .arg(request.kind, supportedKinds().join(QStringLiteral(", "))) };
    }
    if (!built)
        return built.error();
    if (request.type == u"manual" && request.kind != u"account") {
        // Someone asked for a copy of what the sources hold now; when that is exactly the newest version already
        // stored, a second copy would only add a version that says nothing. Schedules keep their cadence and store it
        // anyway, and an account's manual snapshot re-records its newest state on purpose (it has no other source).
        auto changed = withoutUnchanged(std::move(*built), outcome);
        if (!changed)
            return changed.error();
        built = std::move(*changed);
    }
    if (progress && !progress(0, built->size()))
        return Error { Error::Code::Cancelled, QStringLiteral("snapshot cancelled") };
    // One transaction per 1,000: a cancelled day of inventory keeps whole batches; a store's stock is one snapshot.
    constexpr qsizetype Batch = 1000;
    for (qsizetype first = 0; first < built->size(); first += Batch) {
        auto written = m_store.putBatch(built->mid(first, Batch));
        if (!written)
            return written.error();
        outcome.taken += *written;
        if (progress && !progress(outcome.taken.size(), built->size()) && outcome.taken.size() < built->size())
            break;
    }
    AuditEntry entry;
    entry.tenant = request.tenant;
    entry.actor = request.actor;
    entry.action = QStringLiteral("snapshot.take");
    entry.target = request.kind + u':'
        + (request.entityId.isEmpty() ? (request.allStores ? QStringLiteral("all") : request.storeCodes.join(u','))
                                      : request.entityId);
    QJsonArray ids;
    for (qsizetype i = 0; i < outcome.taken.size() && i < 20; ++i)
        ids.append(outcome.taken.at(i).id);
    entry.details = { { QStringLiteral("type"), request.type }, { QStringLiteral("count"), outcome.taken.size() },
        { QStringLiteral("ids"), ids }, { QStringLiteral("source"), request.source },
        { QStringLiteral("skipped"), QJsonArray::fromStringList(outcome.skipped) } };
    if (request.date.isValid())
        entry.details.insert(QStringLiteral("date"), request.date.toString(Qt::ISODate));
    entry.outcome = outcome.taken.size() < built->size() && outcome.skipped.isEmpty() ? QStringLiteral("cancelled")
                                                                                      : QStringLiteral("ok");
    if (Status status = m_store.maintenance().audit(entry); !status)
        return status.error();
    return outcome;
}

Result<QList<NewSnapshot>> SnapshotTaker::withoutUnchanged(QList<NewSnapshot> snapshots, TakeOutcome &outcome)
{
    // "The same" ignores the kind's volatile fields (updated_at: every save refreshes it).
    const auto content = [](const QJsonObject &payload, const QString &kind) {
        const KindDefinition *info = KindRegistry::find(kind);
        return info ? info->withoutVolatile(payload) : payload;
    };
    QList<NewSnapshot> changed;
    changed.reserve(snapshots.size());
    for (NewSnapshot &s : snapshots) {
        auto last = newest(m_store, s.tenant, s.kind, s.entityId);
        // A newest version that cannot be read (damaged, a broken delta chain) is no reason to refuse a fresh copy:
        // that is when one is wanted most.
        if (last && *last && content(CanonicalJson::read((*last)->payload), s.kind) == content(s.payload, s.kind)) {
            const SnapshotHeader &h = (*last)->header;
            outcome.skipped.append(QStringLiteral("%1 %2: unchanged since version %3 (%4), not stored again")
                                       .arg(s.kind, s.entityId)
                                       .arg(h.version)
                                       .arg(IsoTime::toUtcSeconds(h.takenAt)));
            continue;
        }
        changed.append(std::move(s));
    }
    return changed;
}

Result<QList<NewSnapshot>> SnapshotTaker::stock(const TakeRequest &request, EpochMs now, const Progress &progress)
{
    SourceTables &source = m_store.sources();
    QStringList stores = request.storeCodes;
    if (request.allStores || stores.isEmpty()) {
        auto all = source.storeCodes(request.tenant);
        if (!all)
            return all.error();
        if (!request.allStores && stores.isEmpty())
            return Error { Error::Code::Invalid, QStringLiteral("give a store code or all stores") };
        stores = *all;
    }
    QList<NewSnapshot> snapshots;
    for (const QString &code : std::as_const(stores)) {
        auto levels = source.stockLevels(request.tenant, code);
        if (!levels)
            return levels.error();
        if (levels->isEmpty())
            return Error { Error::Code::NotFound, QStringLiteral("store %1 has no stock levels").arg(code) };
        QJsonArray stocks;
        qint64 done = 0;
        for (const StockLevel &level : std::as_const(*levels)) {
            stocks.append(QJsonObject { { QStringLiteral("item_code"), level.itemCode },
                { QStringLiteral("name"), level.name }, { QStringLiteral("quantity"), level.quantity },
                { QStringLiteral("minimum_quantity"), level.minimumQuantity },
                { QStringLiteral("reorder_point"), level.reorderPoint },
                { QStringLiteral("reorder_quantity"), level.reorderQuantity } });
            if (progress && (++done % 4096) == 0 && !progress(0, 1))
                return Error { Error::Code::Cancelled, QStringLiteral("snapshot cancelled") };
        }
        NewSnapshot s;
        s.tenant = request.tenant;
        s.kind = request.kind;
        s.entityId = code;
        s.takenAt = now;
        s.type = request.type;
        s.createdBy = request.actor;
        s.trigger = triggerFor(request, QStringLiteral("stock_count"));
        s.payload = { { QStringLiteral("store_code"), code }, { QStringLiteral("stocks"), stocks },
            { QStringLiteral("counted_by"), request.actor },
            { QStringLiteral("updated_at"), IsoTime::toUtcSeconds(now) } };
        snapshots.append(std::move(s));
    }
    return snapshots;
}

Result<QList<NewSnapshot>> SnapshotTaker::folded(const TakeRequest &request, EpochMs now)
{
    if (request.entityId.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("give the %1 id to snapshot").arg(request.kind) };
    // Hybrid: the newest snapshot's state plus the events after it (or every event when there is no snapshot).
    auto base = newest(m_store, request.tenant, request.kind, request.entityId);
    if (!base)
        return base.error();
    QJsonObject state;
    qint64 seq = 0;
    if (*base) {
        state = CanonicalJson::read((*base)->payload);
        seq = (*base)->header.eventSeq.value_or(0);
    }
    auto events = m_store.sources().events(request.tenant, request.entityId, seq);
    if (!events)
        return events.error();
    if (!*base && events->isEmpty())
        return Error { Error::Code::NotFound,
            QStringLiteral("%1 %2 has no snapshots and no events").arg(request.kind, request.entityId) };
    const QJsonObject previousState = state;
    auto folded = StateReconstructor::fold(request.kind, std::move(state), *events);
    if (!folded)
        return folded.error();
    if (!events->isEmpty())
        seq = events->last().seq;
    std::optional<qint64> eventSeq;
    if (seq > 0)
        eventSeq = seq;
    NewSnapshot s;
    s.tenant = request.tenant;
    s.kind = request.kind;
    s.entityId = request.entityId;
    s.takenAt = now;
    s.type = request.type;
    s.createdBy = request.actor;
    s.trigger = triggerFor(request, QStringLiteral("fold_events"));
    s.eventSeq = eventSeq;
    s.payload = StateReconstructor::asNewSnapshot(request.kind, std::move(folded).value(), seq,
        events->isEmpty() ? (*base)->header.takenAt : events->last().occurredAt);
    // Stored as the kind's strategy says: a delta against the newest version when it is incremental.
    if (*base) {
        auto strategy = m_store.history().strategy(request.tenant, request.kind);
        auto depth = m_store.history().chainDepth((*base)->header.id);
        if (!strategy)
            return strategy.error();
        if (!depth)
            return depth.error();
        SnapshotCompactor::chooseStorage(
            s, previousState, (*base)->header.id, *depth, *strategy, m_store.codec(), m_store.keepsPersonalApart());
    }
    return QList<NewSnapshot> { s };
}

Result<QList<NewSnapshot>> SnapshotTaker::dailyInventory(const TakeRequest &request, EpochMs now)
{
    if (!request.date.isValid())
        return Error { Error::Code::Invalid,
            QStringLiteral("give the day of inventory to snapshot (--date YYYY-MM-DD)") };
    auto zone = tenantZone(m_store, request.tenant);
    if (!zone)
        return zone.error();
    const EpochMs dayStart = QDateTime(request.date, QTime(0, 0), *zone).toMSecsSinceEpoch();
    const EpochMs dayEnd = QDateTime(request.date.addDays(1), QTime(0, 0), *zone).toMSecsSinceEpoch();
    if (dayStart > now)
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 has not begun yet").arg(request.date.toString(Qt::ISODate)) };
    const QString day = request.date.toString(Qt::ISODate);
    const QString store = request.allStores || request.storeCodes.isEmpty() ? QString() : request.storeCodes.first();
    SourceTables &source = m_store.sources();
    auto previous = source.latestDailyInventoryBefore(request.tenant, day, store);
    if (!previous)
        return previous.error();
    auto transactions = source.inventoryTransactions(request.tenant, dayStart, dayEnd, store);
    if (!transactions)
        return transactions.error();

    struct Line
    {
        qint64 opening = 0, inbound = 0, outbound = 0, adjustments = 0;
        double averageCost = 0;
    };
    std::map<std::pair<QString, QString>, Line> lines; // (store, product), sorted for a stable order
    for (const DailyInventoryFact &fact : std::as_const(*previous))
        lines[{ fact.storeCode, fact.productId }] = { fact.closing, 0, 0, 0, fact.averageCost };
    for (const InventoryTransaction &t : std::as_const(*transactions)) {
        Line &line = lines[{ t.storeCode, t.productId }];
        if (t.type == u"adjusted" || t.type == u"damaged")
            line.adjustments += t.quantity;
        else if (t.quantity >= 0)
            line.inbound += t.quantity;
        else
            line.outbound -= t.quantity;
    }
    if (lines.empty())
        return Error { Error::Code::NotFound, QStringLiteral("no inventory before or on %1").arg(day) };
    const EpochMs takenAt = std::min(now, QDateTime(request.date, QTime(23, 59), *zone).toMSecsSinceEpoch());
    QList<NewSnapshot> snapshots;
    for (const auto &[key, line] : lines) {
        const qint64 closing = line.opening + line.inbound - line.outbound + line.adjustments;
        NewSnapshot s;
        s.tenant = request.tenant;
        s.kind = request.kind;
        s.entityId = key.first + u':' + key.second;
        s.takenAt = takenAt;
        s.type = request.type == u"manual" ? QStringLiteral("daily") : request.type;
        s.createdBy = request.actor;
        s.trigger = triggerFor(request, QStringLiteral("daily_close"));
        // The SAAN guide's daily inventory document, with its store (as the demo writes it).
        s.payload = { { QStringLiteral("snapshot_date"), day }, { QStringLiteral("store_code"), key.first },
            { QStringLiteral("product_id"), key.second }, { QStringLiteral("opening_stock"), line.opening },
            { QStringLiteral("closing_stock"), closing }, { QStringLiteral("total_inbound"), line.inbound },
            { QStringLiteral("total_outbound"), line.outbound }, { QStringLiteral("adjustments"), line.adjustments },
            { QStringLiteral("average_cost"), line.averageCost },
            { QStringLiteral("total_value"), Money::roundToCents(double(closing) * line.averageCost) },
            { QStringLiteral("snapshot_created_at"), IsoTime::toUtcSeconds(takenAt) } };
        snapshots.append(std::move(s));
    }
    return snapshots;
}

Result<QList<NewSnapshot>> SnapshotTaker::account(const TakeRequest &request, EpochMs now, TakeOutcome &outcome)
{
    if (request.entityId.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("give the account id to snapshot") };
    // The account service's cooldown: no event_driven snapshot within 5 minutes of the account's last snapshot, of
    // whatever type; a manual or rag_auto one is always taken.
    if (request.type == u"event_driven") {
        auto last = newest(m_store, request.tenant, request.kind, request.entityId);
        if (!last)
            return last.error();
        if (*last && now - (*last)->header.takenAt < AccountCooldownMs) {
            const qint64 remaining = (AccountCooldownMs - (now - (*last)->header.takenAt) + 999) / 1000; // seconds
            outcome.skipped.append(
                QStringLiteral("account %1: event_driven snapshot skipped, the 5-minute cooldown has "
                               "%2 min %3 s left (a manual snapshot is not limited)")
                    .arg(request.entityId)
                    .arg(remaining / 60)
                    .arg(remaining % 60));
            return QList<NewSnapshot>();
        }
    }
    auto base = newest(m_store, request.tenant, request.kind, request.entityId);
    if (!base)
        return base.error();
    if (!*base)
        return Error { Error::Code::NotFound,
            QStringLiteral("account %1 has no state to snapshot").arg(request.entityId) };
    // The record again, as of now and of this type, in its own shape (the account service's record: created_at and
    // snapshot_type; a SnapScope 1.x account: updated_at).
    QJsonObject payload = CanonicalJson::read((*base)->payload);
    const KindDefinition *definition = KindRegistry::find(request.kind);
    if (const KindShape *shape = definition ? definition->recognise(payload) : nullptr)
        payload = shape->stamped(std::move(payload), std::nullopt, now, request.type);
    NewSnapshot s;
    s.tenant = request.tenant;
    s.kind = request.kind;
    s.entityId = request.entityId;
    s.takenAt = now;
    s.type = request.type;
    s.createdBy = request.actor;
    s.trigger = triggerFor(request, request.type);
    s.payload = payload;
    return QList<NewSnapshot> { s };
}
