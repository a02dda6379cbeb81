#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "domain/kinddefinition.h"

// The kinds this process knows: the built-in definitions under resources/kinds/, and those a store holds (imported
// with `snapscope-cli kind import`), installed when the store opens. Definitions are never freed while the process
// runs, so a pointer from find() stays valid after a kind is replaced or removed; all calls are thread-safe.
class KindRegistry
{
public:
    // The kinds that may be snapshotted, built-in first (in file order), then the imported ones by id.
    static QList<const KindDefinition *> all();
    static const KindDefinition *find(const QString &id);
    // The shape of `kind` that recognises `document`; nullptr for an unknown kind or an unrecognised document.
    static const KindShape *shapeOf(const QString &kind, const QJsonObject &document);
    static QStringList ids();
    // A kind the seeds say not to snapshot (a cart, current stock levels, ...): why; nullopt for any other id.
    static std::optional<QString> notWorthReason(const QString &id);
    // What a store holds: replaces every imported kind (a kind whose id is built in is refused by `kind import`).
    static void install(const QList<KindDefinition> &imported);
    // The built-in definitions as read from their files (for `kind show` and tests).
    static QList<const KindDefinition *> builtIn();
    // all(), then the kinds not worth a snapshot: what `kind list` and the console's kinds dialog show.
    static QList<const KindDefinition *> allWithRefused();
};
