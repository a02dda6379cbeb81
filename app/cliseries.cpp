// snapscope-cli's series command: what the charts plot.
#include "cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "domain/kindregistry.h"
#include "ops/analyticsseries.h"
#include "ops/exportaudit.h"
#include "ops/trainingexport.h"
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
            true, &Cli::series, Access::Action::Charts },
        { QStringLiteral("report"),
            QStringLiteral("The business's reports: report inventory-monthly --month YYYY-MM [--store S]."),
            { QStringLiteral("tenant"), QStringLiteral("month"), QStringLiteral("store"), QStringLiteral("json") },
            true, &Cli::report, Access::Action::Charts },
        { QStringLiteral("export"),
            QStringLiteral("AI training data from chat snapshots: export training [--types T,...] [--min-satisfaction "
                           "N] FILE.jsonl."),
            { QStringLiteral("tenant"), QStringLiteral("types"), QStringLiteral("min-satisfaction"),
                QStringLiteral("quiet") },
            true, &Cli::exportData, Access::Action::Charts },
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

int Cli::report(const QStringList &positional)
{
    if (positional.size() != 1 || positional.at(0) != u"inventory-monthly")
        return fail(
            QStringLiteral("usage: report inventory-monthly --month YYYY-MM [--store S] [--json]"), CliExit::Usage);
    if (!m_parser.isSet(m_o.month))
        return fail(QStringLiteral("report inventory-monthly needs --month YYYY-MM"), CliExit::Usage);
    const auto month = AnalyticsSeries::monthFromText(m_parser.value(m_o.month));
    if (!month)
        return fail(QStringLiteral("--month takes a month like 2026-07, not \"%1\"").arg(m_parser.value(m_o.month)),
            CliExit::Usage);
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    MonthlyInventoryQuery q;
    q.tenant = opened->tenant;
    q.month = *month;
    q.storeCode = m_parser.value(m_o.store);
    if (!q.storeCode.isEmpty()) {
        auto catalogue = opened->store->inventoryCatalogue(q.tenant);
        if (!catalogue)
            return fail(catalogue.error());
        if (!catalogue->stores.contains(q.storeCode))
            return fail(QStringLiteral("--store: tenant %1 has no inventory for store \"%2\" (it has %3)")
                            .arg(q.tenant, q.storeCode, catalogue->stores.join(QStringLiteral(", "))),
                CliExit::Failure);
    }
    auto lines = opened->store->monthlyInventory(q);
    if (!lines)
        return fail(lines.error());
    if (m_parser.isSet(m_o.json)) {
        for (const MonthlyInventoryLine &line : *lines)
            out() << QString::fromUtf8(QJsonDocument(AnalyticsSeries::toJson(line)).toJson(QJsonDocument::Compact))
                  << '\n';
    } else {
        out() << AnalyticsSeries::monthlyInventoryCsv(*lines).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    out().flush();
    return CliExit::Ok;
}

int Cli::exportData(const QStringList &positional)
{
    if (positional.size() != 2 || positional.at(0) != u"training")
        return fail(
            QStringLiteral("usage: export training [--types T,...] [--min-satisfaction N] FILE.jsonl"), CliExit::Usage);
    TrainingExport::Options options;
    if (m_parser.isSet(m_o.types)) {
        options.types = m_parser.value(m_o.types).split(u',', Qt::SkipEmptyParts);
        const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"));
        for (QString &type : options.types) {
            type = type.trimmed();
            if (chat && !chat->types.contains(type))
                return fail(QStringLiteral("--types: chat snapshots have no type \"%1\" (they are %2)")
                                .arg(type, chat->types.join(QStringLiteral(", "))),
                    CliExit::Usage);
        }
        if (options.types.isEmpty())
            return fail(QStringLiteral("--types: name at least one chat snapshot type"), CliExit::Usage);
    }
    auto minimum = intOption(m_o.minSatisfaction, 4, 1, 5);
    if (!minimum)
        return fail(minimum.error().message, CliExit::Usage);
    options.minSatisfaction = *minimum;
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    options.tenant = opened->tenant;
    const QString path = positional.at(1);
    if (auto audited = ExportAudit::record(*opened->store, options.tenant, QStringLiteral("training"),
            options.types.join(u','), path, true, QStringLiteral("cli"));
        !audited)
        return fail(audited.error());
    ProgressLine progress;
    auto written = TrainingExport::write(*opened->store, options, path, [&](qint64 done, qint64 total) {
        if (!m_quiet)
            progress.report(QStringLiteral("export: %1 / %2 chat snapshots").arg(done).arg(total));
        return true;
    });
    if (!written)
        return fail(written.error());
    out() << "export: wrote " << written->written << " training records of " << written->scanned
          << " chat snapshots read to " << path << Qt::endl;
    return CliExit::Ok;
}

} // namespace SnapScopeCli
