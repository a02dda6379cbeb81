// Demo::DemoWorld: building the catalogue and customers, making snapshots and the patches between states.
#include "ops/demo/demoworld.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

#include "domain/kindregistry.h"
#include "ops/demovocabulary.h"
#include "json/canonicaljson.h"

namespace Demo {

namespace {

QString pointerToken(const QString &key)
{
    return QString(key).replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

void diffMembers(const QJsonObject &from, const QJsonObject &to, const QString &prefix, QJsonArray &patch)
{
    const auto op = [&](const QString &name, const QString &path, const QJsonValue &value = QJsonValue::Undefined) {
        QJsonObject o { { QStringLiteral("op"), name }, { QStringLiteral("path"), path } };
        if (!value.isUndefined())
            o.insert(QStringLiteral("value"), value);
        patch.append(o);
    };
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (!to.contains(it.key()))
            op(QStringLiteral("remove"), prefix + u'/' + pointerToken(it.key()));
    }
    for (auto it = to.begin(); it != to.end(); ++it) {
        const QString path = prefix + u'/' + pointerToken(it.key());
        const QJsonValue before = from.value(it.key());
        if (before.isUndefined()) {
            op(QStringLiteral("add"), path, it.value());
        } else if (before != it.value()) {
            if (before.isObject() && it.value().isObject()) {
                diffMembers(before.toObject(), it.value().toObject(), path, patch);
                continue;
            }
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
}

} // namespace

// The patch an event carries from one state to the next, member by member and into nested objects (an array that grew
// at its end gets its new elements appended): what an order service would publish, and cheap to make.
QJsonArray DemoWorld::memberPatch(const QJsonObject &from, const QJsonObject &to)
{
    QJsonArray patch;
    diffMembers(from, to, QString(), patch);
    return patch;
}

NewSnapshot DemoWorld::snapshot(Rng &r, const QString &tenantId, const QString &kind, const QString &entity, EpochMs at,
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

bool DemoWorld::emit(const QString &kind, const QString &entity, EpochMs at, const QString &type, QJsonObject payload,
    QJsonObject trig, const QString &createdBy, std::optional<qint64> eventSeq, const QString &tenantId)
{
    return sink(snapshot(rng, tenantId.isEmpty() ? tenant : tenantId, kind, entity, at, type, std::move(payload),
        std::move(trig), createdBy, eventSeq));
}

void DemoWorld::buildCatalogue()
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

void DemoWorld::buildCustomers()
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

QJsonObject DemoWorld::customerJson(const Customer &c)
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("name"), c.name }, { QStringLiteral("phone"), c.phone },
        { QStringLiteral("email"), QString(c.id.toLower() + QStringLiteral("@mail.example")) },
        { QStringLiteral("tier"), c.tier }, { QStringLiteral("language"), c.language } };
}

} // namespace Demo
