// snapscope-cli kind: the kinds this store knows, built in and imported, and importing or removing one.
#include "cli.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "json/strictjson.h"

namespace SnapScopeCli {

namespace {

QJsonObject describe(const KindDefinition &kind)
{
    QJsonArray shapes;
    for (const KindShape &shape : kind.shapes)
        shapes.append(shape.name);
    QJsonObject o { { QStringLiteral("kind"), kind.id }, { QStringLiteral("name"), kind.displayName },
        { QStringLiteral("built_in"), kind.builtIn }, { QStringLiteral("shapes"), shapes },
        { QStringLiteral("types"), QJsonArray::fromStringList(kind.types) } };
    if (!kind.notWorthReason.isEmpty())
        o.insert(QStringLiteral("not_worth_a_snapshot"), kind.notWorthReason);
    return o;
}

} // namespace

int Cli::kind(const QStringList &positional)
{
    const QString sub = positional.value(0);
    const bool known = (sub == u"list" && positional.size() == 1) || (sub == u"show" && positional.size() == 2)
        || (sub == u"import" && positional.size() == 2) || (sub == u"remove" && positional.size() == 2);
    if (!known)
        return fail(
            QStringLiteral("kind takes a subcommand: kind list | kind show K | kind import FILE | kind remove K"),
            CliExit::Usage);
    // Opening the store installs its imported kinds, so every subcommand sees what a console on it sees.
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    // The kinds the seeds say not to snapshot are listed too, with their reason.
    const QList<const KindDefinition *> kinds = KindRegistry::allWithRefused();
    if (sub == u"list") {
        for (const KindDefinition *k : std::as_const(kinds)) {
            if (m_parser.isSet(m_o.json)) {
                out() << jsonLine(describe(*k)) << '\n';
                continue;
            }
            QStringList shapes;
            for (const KindShape &shape : k->shapes)
                shapes.append(shape.name);
            out() << QStringLiteral("%1 %2 %3\n")
                         .arg(k->id, -16)
                         .arg(k->builtIn ? QStringLiteral("built-in") : QStringLiteral("imported"), -9)
                         .arg(k->notWorthReason.isEmpty()
                                 ? shapes.join(QStringLiteral(", "))
                                 : QStringLiteral("not worth a snapshot: ") + k->notWorthReason);
        }
        return CliExit::Ok;
    }
    if (sub == u"show") {
        for (const KindDefinition *k : std::as_const(kinds)) {
            if (k->id == positional.at(1)) {
                out() << QJsonDocument(k->definition).toJson(QJsonDocument::Indented);
                return CliExit::Ok;
            }
        }
        return fail(QStringLiteral("no kind \"%1\" (known: %2)")
                        .arg(positional.at(1), KindRegistry::ids().join(QStringLiteral(", "))),
            CliExit::Usage);
    }
    const QString actorName = actor();
    if (sub == u"remove") {
        if (Status status = (*store)->removeKind(positional.at(1), actorName); !status)
            return fail(status.error());
        out() << "removed kind " << positional.at(1) << Qt::endl;
        return CliExit::Ok;
    }
    const QString path = positional.at(1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
    auto json = StrictJson::parseObject(file.readAll(), path);
    if (!json)
        return fail(json.error());
    auto definition = KindDefinition::fromJson(*json, path);
    if (!definition)
        return fail(definition.error());
    if (Status status = (*store)->importKind(*definition, actorName); !status)
        return fail(status.error());
    out() << "imported kind " << definition->id << " (" << definition->shapes.size() << " shape(s)) into "
          << (*store)->connection().displayName() << Qt::endl;
    return CliExit::Ok;
}

} // namespace SnapScopeCli
