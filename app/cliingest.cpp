// snapscope-cli ingest: snapshots from the seed systems' exports and from services that push (issue 24).
#include "cli.h"

#include <QLocale>

#include "ops/ingest/snapshotingest.h"

namespace SnapScopeCli {

QList<CliCommand> Cli::ingestCommands()
{
    return {
        { QStringLiteral("ingest"),
            QStringLiteral("Bring in snapshots from exports or a pipe: ingest [FILE... | -] (JSON lines, an array or "
                           "objects; plain, .gz or .zst)."),
            { QStringLiteral("tenant"), QStringLiteral("format"), QStringLiteral("zone"), QStringLiteral("skip-bad"),
                QStringLiteral("reject"), QStringLiteral("json"), QStringLiteral("quiet") },
            true, &Cli::ingest, Access::Action::Ingest },
    };
}

int Cli::ingest(const QStringList &positional)
{
    if (positional.isEmpty())
        return fail(QStringLiteral("ingest takes the files to read, or - for standard input"), CliExit::Usage);
    if (m_parser.isSet(m_o.skipBad) != m_parser.isSet(m_o.reject))
        return fail(QStringLiteral("--skip-bad and --reject FILE go together: the bad records are written there"),
            CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    IngestOptions options;
    options.defaultTenant = m_parser.value(m_o.tenant);
    options.format = m_parser.value(m_o.format);
    options.zone = m_parser.value(m_o.zone);
    options.skipBad = m_parser.isSet(m_o.skipBad);
    options.rejectPath = m_parser.value(m_o.reject);
    options.actor = actor();

    const QLocale c = QLocale::c();
    ProgressLine line;
    const auto progress = [&](const IngestProgress &p) {
        if (!m_quiet)
            line.report(p.bytesTotal > 0 ? QStringLiteral("ingest: %1 record(s), %2%")
                                               .arg(c.toString(p.records))
                                               .arg(100 * p.bytesDone / p.bytesTotal)
                                         : QStringLiteral("ingest: %1 record(s)").arg(c.toString(p.records)));
        return true;
    };
    auto summary = SnapshotIngest(**store, options).run(positional, progress);
    // A bad record is a failure of the run (exit 1), not of the command line.
    if (!summary)
        return summary.error().code == Error::Code::Invalid ? fail(summary.error().message) : fail(summary.error());
    if (m_parser.isSet(m_o.json)) {
        out() << jsonLine(summary->toJson()) << Qt::endl;
    } else {
        QStringList kinds;
        for (auto it = summary->kinds.begin(); it != summary->kinds.end(); ++it)
            kinds.append(QStringLiteral("%1 %2").arg(it.key(), c.toString(it.value())));
        out() << QStringLiteral("ingested %1 snapshot(s) of %2 record(s) read in %3 s")
                     .arg(c.toString(summary->ingested), c.toString(summary->read))
                     .arg(summary->seconds, 0, 'f', 1);
        if (!kinds.isEmpty())
            out() << QStringLiteral(" (%1)").arg(kinds.join(QStringLiteral(", ")));
        out() << QStringLiteral("; %1 duplicate(s) already stored").arg(c.toString(summary->duplicates));
        if (summary->rejected > 0)
            out() << QStringLiteral("; %1 rejected, written to %2")
                         .arg(c.toString(summary->rejected), options.rejectPath);
        if (!summary->tenantsCreated.isEmpty())
            out() << QStringLiteral("; new tenant(s): %1").arg(summary->tenantsCreated.join(QStringLiteral(", ")));
        out() << Qt::endl;
    }
    return summary->rejected > 0 ? CliExit::Rejected : CliExit::Ok;
}

} // namespace SnapScopeCli
