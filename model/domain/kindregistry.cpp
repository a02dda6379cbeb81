#include "kindregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QReadWriteLock>

#include <memory>
#include <vector>

namespace {

// The built-in kinds' names and entity labels, for lupdate: the definitions are JSON, and displayNameText()
// translates their English text in this context.
[[maybe_unused]] const char *const BuiltInTexts[] = {
    QT_TRANSLATE_NOOP("Kind", "Orders"),
    QT_TRANSLATE_NOOP("Kind", "order id"),
    QT_TRANSLATE_NOOP("Kind", "Store stock"),
    QT_TRANSLATE_NOOP("Kind", "store code"),
    QT_TRANSLATE_NOOP("Kind", "Chat conversations"),
    QT_TRANSLATE_NOOP("Kind", "chat session id"),
    QT_TRANSLATE_NOOP("Kind", "Daily inventory"),
    QT_TRANSLATE_NOOP("Kind", "store:product"),
    QT_TRANSLATE_NOOP("Kind", "Inventory transactions"),
    QT_TRANSLATE_NOOP("Kind", "product id"),
    QT_TRANSLATE_NOOP("Kind", "Financial records"),
    QT_TRANSLATE_NOOP("Kind", "day or payment id"),
    QT_TRANSLATE_NOOP("Kind", "Customer tiers"),
    QT_TRANSLATE_NOOP("Kind", "customer id"),
    QT_TRANSLATE_NOOP("Kind", "Accounts"),
    QT_TRANSLATE_NOOP("Kind", "account id"),
    QT_TRANSLATE_NOOP("Kind", "Event-sourced aggregates"),
    QT_TRANSLATE_NOOP("Kind", "aggregate id"),
    QT_TRANSLATE_NOOP("Kind", "Stock snapshot schedules"),
    QT_TRANSLATE_NOOP("Kind", "tenant id"),
    QT_TRANSLATE_NOOP("Kind", "Cart operations"),
    QT_TRANSLATE_NOOP("Kind", "Current stock levels"),
    QT_TRANSLATE_NOOP("Kind", "Search and browse activities"),
    QT_TRANSLATE_NOOP("Kind", "Individual chat messages"),
};

struct Registry
{
    QReadWriteLock lock;
    std::vector<std::unique_ptr<const KindDefinition>> owned; // every definition ever loaded, never freed
    QList<const KindDefinition *> builtIn, imported, refused;

    Registry()
    {
        QStringList files = QDir(QStringLiteral(":/kinds")).entryList({ QStringLiteral("*.json") }, QDir::Files);
        files.sort();
        for (const QString &name : std::as_const(files)) {
            QFile file(QStringLiteral(":/kinds/") + name);
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read the built-in kind definition %s", qPrintable(name));
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
            if (document.isNull())
                qFatal("built-in kind definition %s: %s", qPrintable(name), qPrintable(error.errorString()));
            const QJsonArray definitions = document.isArray() ? document.array() : QJsonArray { document.object() };
            for (const QJsonValue &d : definitions) {
                auto kind = KindDefinition::fromJson(d.toObject(), name);
                if (!kind)
                    qFatal("%s", qPrintable(kind.error().message));
                kind->builtIn = true;
                const KindDefinition *k = keep(std::move(*kind));
                (k->notWorthReason.isEmpty() ? builtIn : refused).append(k);
            }
        }
    }

    const KindDefinition *keep(KindDefinition kind)
    {
        owned.push_back(std::make_unique<const KindDefinition>(std::move(kind)));
        return owned.back().get();
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

QList<const KindDefinition *> KindRegistry::all()
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    return r.builtIn + r.imported;
}

const KindDefinition *KindRegistry::find(const QString &id)
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    for (const QList<const KindDefinition *> *list : { &r.builtIn, &r.imported }) {
        for (const KindDefinition *kind : *list) {
            if (kind->id == id)
                return kind;
        }
    }
    return nullptr;
}

const KindShape *KindRegistry::shapeOf(const QString &kind, const QJsonObject &document)
{
    const KindDefinition *definition = find(kind);
    return definition ? definition->recognise(document) : nullptr;
}

QStringList KindRegistry::ids()
{
    QStringList result;
    for (const KindDefinition *kind : all())
        result.append(kind->id);
    return result;
}

std::optional<QString> KindRegistry::notWorthReason(const QString &id)
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    for (const KindDefinition *kind : std::as_const(r.refused)) {
        if (kind->id == id)
            return kind->notWorthReason;
    }
    for (const KindDefinition *kind : std::as_const(r.imported)) {
        if (kind->id == id && !kind->notWorthReason.isEmpty())
            return kind->notWorthReason;
    }
    return std::nullopt;
}

void KindRegistry::install(const QList<KindDefinition> &imported)
{
    Registry &r = registry();
    QWriteLocker locker(&r.lock);
    QList<const KindDefinition *> kept;
    for (const KindDefinition &kind : imported) {
        // An unchanged definition keeps its object, so installing the same store's kinds again allocates nothing.
        const KindDefinition *same = nullptr;
        for (const KindDefinition *old : std::as_const(r.imported)) {
            if (old->id == kind.id && old->definition == kind.definition)
                same = old;
        }
        kept.append(same ? same : r.keep(kind));
    }
    std::sort(kept.begin(), kept.end(), [](const KindDefinition *a, const KindDefinition *b) { return a->id < b->id; });
    r.imported = kept;
}

QList<const KindDefinition *> KindRegistry::allWithRefused()
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    return r.builtIn + r.imported + r.refused;
}

QList<const KindDefinition *> KindRegistry::builtIn()
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    return r.builtIn + r.refused;
}
