// snapscope-cli's series command: what the charts plot.
#include "cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ops/analyticsseries.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"

namespace SnapScopeCli {

QList<CliCommand> Cli::seriesCommands()
{
    return {
        { QStringLiteral("series"),
            QStringLiteral("What the charts plot: series inventory|chat --from DATE --to DATE."),
            { QStringLiteral("tenant"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("store"),
                QStringLiteral("product"), QStringLiteral("top"), QStringLiteral("granularity"), QStringLiteral("type"),
                QStringLiteral("platform"), QStringLiteral("handoff"), QStringLiteral("json") },
            true, &Cli::series },
    };
}

int Cli::series(const QStringList &positional)
{
    if (positional.size() != 1 || (positional.at(0) != u"inventory" && positional.at(0) != u"chat"))
        return fail(QStringLiteral("usage: series inventory|chat --from DATE --to DATE [options]"), CliExit::Usage);
    const bool inventory = positional.at(0) == u"inventory";
    if (!m_parser.isSet(m_o.from) || !m_parser.isSet(m_o.to))
        return fail(QStringLiteral("series needs --from DATE and --to DATE"), CliExit::Usage);
    const auto from = IsoTime::parseDate(m_parser.value(m_o.from));
    const auto to = IsoTime::parseDate(m_parser.value(m_o.to));
    if (!from || !to)
        return fail(QStringLiteral("--from and --to take dates like 2026-03-01"), CliExit::Usage);
    if (*from > *to)
        return fail(QStringLiteral("--from is after --to"), CliExit::Usage);
    const QString periodText
        = m_parser.isSet(m_o.granularity) ? m_parser.value(m_o.granularity) : QStringLiteral("day");
    const auto granularity = AnalyticsSeries::granularityFromText(periodText);
    if (!granularity || (!inventory && *granularity == Granularity::Month))
        return fail(QStringLiteral("--granularity: expected day, week%1, not \"%2\"")
                        .arg(inventory ? QStringLiteral(" or month") : QString(), periodText),
            CliExit::Usage);
    const QStringList other = inventory
        ? QStringList { QStringLiteral("type"), QStringLiteral("platform"), QStringLiteral("handoff") }
        : QStringList { QStringLiteral("store"), QStringLiteral("product"), QStringLiteral("top") };
    for (const QString &option : other) {
        if (m_parser.isSet(option))
            return fail(QStringLiteral("series %1 does not take --%2").arg(positional.at(0), option), CliExit::Usage);
    }
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    const bool json = m_parser.isSet(m_o.json);
    if (inventory) {
        InventorySeriesQuery q;
        q.tenant = tenant;
        q.from = *from;
        q.to = *to;
        q.storeCode = m_parser.value(m_o.store);
        q.productId = m_parser.value(m_o.product);
        if (m_parser.isSet(m_o.top)) {
            auto n = intOption(m_o.top, 0, 1, 1000);
            if (!n)
                return fail(n.error().message, CliExit::Usage);
            q.topN = *n;
        }
        q.granularity = *granularity;
        auto points = AnalyticsSeries::inventory(store, q);
        if (!points)
            return fail(points.error());
        for (const InventoryPoint &p : *points) {
            if (json)
                out() << QString::fromUtf8(QJsonDocument(AnalyticsSeries::toJson(p)).toJson(QJsonDocument::Compact))
                      << '\n';
        }
        if (!json)
            out() << AnalyticsSeries::inventoryCsv(*points).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    } else {
        ChatSeriesQuery q;
        q.tenant = tenant;
        q.from = *from;
        q.to = *to;
        if (m_parser.isSet(m_o.type))
            q.snapshotType = m_parser.value(m_o.type);
        q.platform = m_parser.value(m_o.platform);
        if (!q.platform.isEmpty() && q.platform != u"line" && q.platform != u"facebook" && q.platform != u"whatsapp")
            return fail(QStringLiteral("--platform: expected line, facebook or whatsapp"), CliExit::Usage);
        if (m_parser.isSet(m_o.handoff)) {
            const QString h = m_parser.value(m_o.handoff);
            if (h != u"yes" && h != u"no")
                return fail(QStringLiteral("--handoff: expected yes or no"), CliExit::Usage);
            q.humanHandoff = h == u"yes";
        }
        q.granularity = *granularity;
        auto points = AnalyticsSeries::chat(store, q);
        if (!points)
            return fail(points.error());
        for (const ChatPoint &p : *points) {
            if (json)
                out() << QString::fromUtf8(QJsonDocument(AnalyticsSeries::toJson(p)).toJson(QJsonDocument::Compact))
                      << '\n';
        }
        if (!json)
            out() << AnalyticsSeries::chatCsv(*points).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    out().flush();
    return CliExit::Ok;
}

} // namespace SnapScopeCli
