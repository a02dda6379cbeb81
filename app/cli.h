#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QList>
#include <QStringList>
#include <QTextStream>
#include <QTimeZone>

#include <memory>

#include "clicommand.h"
#include "clicommands.h"
#include "domain/error.h"
#include "domain/kindregistry.h"
#include "domain/maintenance.h"
#include "domain/pii.h"
#include "store/snapshotstore.h"

// The pieces of snapscope-cli shared by its command files (clicommands.cpp, climaintenance.cpp).
namespace SnapScopeCli {

QTextStream &out();
QTextStream &err();
// One JSON object on one line (--json output).
QString jsonLine(const QJsonObject &object);
// A tenant's business time zone (dates on the command line are its days); UTC when unknown.
QTimeZone tenantZone(SnapshotStore &store, const QString &tenant);
// The one line every failure prints.
int fail(const QString &message, int code = CliExit::Failure);
int fail(const Error &error);

// Progress on stderr a few times a second at most, so a terminal stays readable and a log stays short.
class ProgressLine
{
public:
    explicit ProgressLine(int intervalMs = 1000)
        : m_interval(intervalMs)
    {
        m_timer.start();
    }
    void report(const QString &text, bool force = false)
    {
        if (!force && m_timer.elapsed() - m_last < m_interval)
            return;
        m_last = m_timer.elapsed();
        err() << text << Qt::endl;
    }

private:
    QElapsedTimer m_timer;
    qint64 m_last = -100000;
    int m_interval;
};

// Every option, declared once: each member registers itself in `all`, which the parser takes as it is.
struct Options
{
    QList<QCommandLineOption> all;
    QCommandLineOption add(QCommandLineOption option)
    {
        all.append(option);
        return option;
    }

    QCommandLineOption db = add({ QStringLiteral("db"),
        QStringLiteral("SQLite database file (default: the demo database)."), QStringLiteral("file") });
    QCommandLineOption pg = add({ QStringLiteral("pg"),
        QStringLiteral(
            "PostgreSQL connection as libpq keywords, e.g. \"host=127.0.0.1 port=5432 dbname=snapscope user=me\". "
            "The password comes from SNAPSCOPE_PGPASSWORD or ~/.pgpass."),
        QStringLiteral("conninfo") });
    QCommandLineOption tenant = add({ QStringLiteral("tenant"),
        QStringLiteral("Tenant id (needed when the database holds several)."), QStringLiteral("id") });
    QCommandLineOption kind = add({ QStringLiteral("kind"),
        QStringLiteral("Snapshot kind: %1.").arg(KindRegistry::ids().join(QStringLiteral(", "))),
        QStringLiteral("kind") });
    QCommandLineOption entity
        = add({ QStringLiteral("entity"), QStringLiteral("Entity id (exact)."), QStringLiteral("id") });
    QCommandLineOption entityPrefix = add(
        { QStringLiteral("entity-prefix"), QStringLiteral("Entity id prefix (any case)."), QStringLiteral("prefix") });
    QCommandLineOption type = add({ QStringLiteral("type"),
        QStringLiteral("Snapshot type; repeat or separate with commas."), QStringLiteral("type") });
    QCommandLineOption from = add({ QStringLiteral("from"),
        QStringLiteral(
            "Taken at or after: RFC 3339 time with offset, or YYYY-MM-DD [HH:MM] in the tenant's business time "
            "zone."),
        QStringLiteral("time") });
    QCommandLineOption to
        = add({ QStringLiteral("to"), QStringLiteral("Taken before (same forms as --from)."), QStringLiteral("time") });
    QCommandLineOption createdBy = add({ QStringLiteral("created-by"),
        QStringLiteral("Created by (\"system\" or a user id)."), QStringLiteral("who") });
    QCommandLineOption trash = add({ QStringLiteral("trash"),
        QStringLiteral("Trashed snapshots: hide (default), include or only."), QStringLiteral("mode") });
    QCommandLineOption batch = add({ QStringLiteral("batch"),
        QStringLiteral("personal convert: snapshots per transaction (default 500)."), QStringLiteral("n") });
    QCommandLineOption limit = add(
        { QStringLiteral("limit"), QStringLiteral("At most this many rows (list; default 50)."), QStringLiteral("n") });
    QCommandLineOption oldestFirst
        = add({ QStringLiteral("oldest-first"), QStringLiteral("List oldest first (default newest first).") });
    QCommandLineOption json
        = add({ QStringLiteral("json"), QStringLiteral("JSON output (list: one object per line).") });
    QCommandLineOption raw
        = add({ QStringLiteral("raw"), QStringLiteral("show: the exact stored bytes, decompressed.") });
    QCommandLineOption scale = add({ QStringLiteral("scale"),
        QStringLiteral("demo: tiny (about 1,000 snapshots), small (about 28,000) or large (about 1,600,000)."),
        QStringLiteral("scale") });
    QCommandLineOption seed = add(
        { QStringLiteral("seed"), QStringLiteral("demo: random seed (same seed, same data)."), QStringLiteral("n") });
    QCommandLineOption until = add({ QStringLiteral("until"),
        QStringLiteral("demo: the last day of the demo's history (default: today), for a database that does not "
                       "depend on the day it is made."),
        QStringLiteral("date") });
    QCommandLineOption samples = add({ QStringLiteral("samples"),
        QStringLiteral("dict train: payloads to learn from (default 2000)."), QStringLiteral("n") });
    QCommandLineOption dictSize = add({ QStringLiteral("size"),
        QStringLiteral("dict train: dictionary size in bytes (default 16384)."), QStringLiteral("bytes") });
    QCommandLineOption quiet = add({ QStringLiteral("quiet"), QStringLiteral("No progress on stderr.") });
    QCommandLineOption store
        = add({ QStringLiteral("store"), QStringLiteral("series inventory: one store."), QStringLiteral("code") });
    QCommandLineOption product
        = add({ QStringLiteral("product"), QStringLiteral("series inventory: one product."), QStringLiteral("id") });
    QCommandLineOption top = add({ QStringLiteral("top"),
        QStringLiteral("series inventory: the N products with the largest stock value."), QStringLiteral("n") });
    QCommandLineOption month = add({ QStringLiteral("month"),
        QStringLiteral("report inventory-monthly: the month, like 2026-07."), QStringLiteral("yyyy-mm") });
    QCommandLineOption types = add({ QStringLiteral("types"),
        QStringLiteral("export training: the chat snapshot types, comma-separated (default order_created,escalated)."),
        QStringLiteral("types") });
    QCommandLineOption minSatisfaction = add({ QStringLiteral("min-satisfaction"),
        QStringLiteral("export training: the lowest customer satisfaction (1-5, default 4)."), QStringLiteral("n") });
    QCommandLineOption granularity = add({ QStringLiteral("granularity"),
        QStringLiteral("series: day (default), week or month (chat: day or week)."), QStringLiteral("period") });
    QCommandLineOption platform = add({ QStringLiteral("platform"),
        QStringLiteral("series chat: line, facebook or whatsapp."), QStringLiteral("platform") });
    QCommandLineOption handoff = add({ QStringLiteral("handoff"),
        QStringLiteral("series chat: only conversations with (yes) or without (no) a human hand-off."),
        QStringLiteral("yes|no") });
    QCommandLineOption format = add({ QStringLiteral("format"),
        QStringLiteral("diff: patch (default), text or stat. ingest: auto (default), envelope or a shape's name."),
        QStringLiteral("format") });
    QCommandLineOption zone = add({ QStringLiteral("zone"),
        QStringLiteral("ingest: IANA zone of times without an offset, and of new tenants (default: the tenant's)."),
        QStringLiteral("zone") });
    QCommandLineOption skipBad = add({ QStringLiteral("skip-bad"),
        QStringLiteral("ingest: commit the good records and write the bad ones to --reject.") });
    QCommandLineOption reject = add({ QStringLiteral("reject"),
        QStringLiteral("ingest --skip-bad: the file the bad records are written to, each with its reason."),
        QStringLiteral("file") });
    QCommandLineOption preset = add({ QStringLiteral("preset"),
        QStringLiteral("source add: saan (the SAAN guide's four tables), event-store (event_snapshots) or mapping "
                       "(--mapping FILE)."),
        QStringLiteral("preset") });
    QCommandLineOption conninfo = add({ QStringLiteral("conninfo"),
        QStringLiteral("source add: the source's PostgreSQL as libpq keywords (\"host=… port=… dbname=… user=…\"); "
                       "its password comes from ~/.pgpass or PGPASSWORD."),
        QStringLiteral("conninfo") });
    QCommandLineOption mapping = add({ QStringLiteral("mapping"),
        QStringLiteral("source add --preset mapping: a JSON file naming each table's kind and columns."),
        QStringLiteral("file") });
    QCommandLineOption overlap = add({ QStringLiteral("overlap"),
        QStringLiteral("source add: seconds before the watermark each sync reads again, for rows committed late "
                       "(default 600)."),
        QStringLiteral("seconds") });
    QCommandLineOption sync = add({ QStringLiteral("sync"),
        QStringLiteral("schedule create: the schedule syncs this live source."), QStringLiteral("source") });
    QCommandLineOption allStores = add({ QStringLiteral("all-stores"), QStringLiteral("snapshot take: every store.") });
    QCommandLineOption date = add({ QStringLiteral("date"),
        QStringLiteral("snapshot take: the business day (YYYY-MM-DD)."), QStringLiteral("day") });
    QCommandLineOption keepLast = add(
        { QStringLiteral("keep-last"), QStringLiteral("cleanup: keep the newest N per entity."), QStringLiteral("n") });
    QCommandLineOption keepWithin = add({ QStringLiteral("keep-within"),
        QStringLiteral("cleanup: keep everything of the last D days."), QStringLiteral("days") });
    QCommandLineOption keepDaily = add({ QStringLiteral("keep-daily"),
        QStringLiteral("cleanup: keep the newest of each of the N most recent days with snapshots."),
        QStringLiteral("n") });
    QCommandLineOption keepWeekly = add(
        { QStringLiteral("keep-weekly"), QStringLiteral("cleanup: the same per ISO week."), QStringLiteral("n") });
    QCommandLineOption keepMonthly
        = add({ QStringLiteral("keep-monthly"), QStringLiteral("cleanup: the same per month."), QStringLiteral("n") });
    QCommandLineOption keepYearly
        = add({ QStringLiteral("keep-yearly"), QStringLiteral("cleanup: the same per year."), QStringLiteral("n") });
    QCommandLineOption olderThan = add({ QStringLiteral("older-than"),
        QStringLiteral("cleanup: delete what is older than D days; trash purge: trashed more than D days ago "
                       "(default 7)."),
        QStringLiteral("days") });
    QCommandLineOption archive = add({ QStringLiteral("archive"),
        QStringLiteral("cleanup: first write what goes to this .ndjson.zst file."), QStringLiteral("file") });
    QCommandLineOption dryRun = add({ QStringLiteral("dry-run"), QStringLiteral("cleanup: only show the plan.") });
    QCommandLineOption yes
        = add({ QStringLiteral("yes"), QStringLiteral("cleanup: really move the snapshots to the trash.") });
    QCommandLineOption batchSize = add({ QStringLiteral("batch-size"),
        QStringLiteral("cleanup: snapshots per transaction (default 20000); trash purge: the same (default 5000)."),
        QStringLiteral("n") });
    QCommandLineOption lease = add({ QStringLiteral("lease"),
        QStringLiteral("schedule run-due: seconds a run holds its lease without a heartbeat (default 600); a runner "
                       "silent longer is taken as vanished."),
        QStringLiteral("seconds") });
    QCommandLineOption save
        = add({ QStringLiteral("save"), QStringLiteral("cleanup: store the given rules as the kind's policy.") });
    QCommandLineOption count = add({ QStringLiteral("count"),
        QStringLiteral("schedule next: how many run times (default 10)."), QStringLiteral("n") });
    QCommandLineOption tz = add(
        { QStringLiteral("tz"), QStringLiteral("schedule: IANA time zone (default UTC)."), QStringLiteral("zone") });
    QCommandLineOption name = add(
        { QStringLiteral("name"), QStringLiteral("schedule create: the schedule's name."), QStringLiteral("text") });
    QCommandLineOption cron = add({ QStringLiteral("cron"),
        QStringLiteral("schedule create: 5-field cron or @daily etc."), QStringLiteral("expr") });
    QCommandLineOption targets = add({ QStringLiteral("targets"),
        QStringLiteral("schedule create: snapshot targets, \"all\" or ids separated by commas."),
        QStringLiteral("ids") });
    QCommandLineOption cleanup = add({ QStringLiteral("cleanup"),
        QStringLiteral("schedule create: the schedule runs a cleanup with the kind's policy.") });
    QCommandLineOption compact = add({ QStringLiteral("compact"),
        QStringLiteral("schedule create: the schedule compacts the kind by its snapshot strategy.") });
    QCommandLineOption action = add(
        { QStringLiteral("action"), QStringLiteral("audit: actions starting with this."), QStringLiteral("prefix") });
    QCommandLineOption at = add({ QStringLiteral("at"),
        QStringLiteral("state: the moment (RFC 3339 with offset, or a date in the tenant's zone)."),
        QStringLiteral("time") });
    QCommandLineOption version = add({ { QStringLiteral("v"), QStringLiteral("version") },
        QStringLiteral("state: the version (event sequence number); alone: print the program's version."),
        QStringLiteral("n") });
    QCommandLineOption full = add({ QStringLiteral("full"),
        QStringLiteral("state: replay every event from the first instead of starting from a snapshot.") });
    QCommandLineOption bundle = add({ QStringLiteral("bundle"),
        QStringLiteral("verify: re-verify an evidence bundle (exit 0 intact, 3 altered, naming what changed); case: "
                       "write the case's evidence bundle."),
        QStringLiteral("file") });
    QCommandLineOption pdf = add({ QStringLiteral("pdf"),
        QStringLiteral("case: write the case's evidence report as a PDF (summary, timeline, every snapshot with its "
                       "checksum and verification)."),
        QStringLiteral("file") });
    QCommandLineOption role = add({ QStringLiteral("role"),
        QStringLiteral("case: support masks customers' phone, email and address in the output; admin shows them "
                       "(default: the configured role, else support; on PostgreSQL the login's role). access grant: "
                       "admin, analyst or support."),
        QStringLiteral("role") });
    QCommandLineOption sql = add({ QStringLiteral("sql"),
        QStringLiteral("roles: print the script a DBA runs to create SnapScope's roles and their grants.") });
    QCommandLineOption find = add({ QStringLiteral("find"),
        QStringLiteral("case: list the orders whose id, customer id or chat session is TEXT, or whose customer's "
                       "phone is or starts with it."),
        QStringLiteral("text") });
    QCommandLineOption hold = add({ QStringLiteral("hold"),
        QStringLiteral("case: put every snapshot of the case on legal hold with this reason (audited)."),
        QStringLiteral("reason") });
    QCommandLineOption release = add({ QStringLiteral("release"),
        QStringLiteral("case: lift the legal hold from every snapshot of the case (audited).") });
    QCommandLineOption replay = add({ QStringLiteral("replay"),
        QStringLiteral("verify: check every snapshot of the event-sourced kinds against hybrid and full replay.") });
    QCommandLineOption mode = add({ QStringLiteral("mode"),
        QStringLiteral("strategy set: events, time, hybrid (either) or size (replayed event bytes)."),
        QStringLiteral("mode") });
    QCommandLineOption everyEvents = add({ QStringLiteral("every-events"),
        QStringLiteral("strategy set: a snapshot every N events (default 10)."), QStringLiteral("n") });
    QCommandLineOption everyHours = add({ QStringLiteral("every-hours"),
        QStringLiteral("strategy set: a snapshot every T hours of events (default 24)."), QStringLiteral("hours") });
    QCommandLineOption maxReplayBytes = add({ QStringLiteral("max-replay-bytes"),
        QStringLiteral("strategy set: size mode's limit on event bytes replayed (default 65536)."),
        QStringLiteral("bytes") });
    QCommandLineOption incremental = add({ QStringLiteral("incremental"),
        QStringLiteral("strategy set: store snapshots as patches against the previous version (yes or no)."),
        QStringLiteral("yes|no") });
    QCommandLineOption keyframeEvery = add({ QStringLiteral("keyframe-every"),
        QStringLiteral("strategy set: a full snapshot at least every K versions (default 10)."), QStringLiteral("k") });
};

class Cli
{
public:
    int run(const QStringList &arguments);
    // Every command, in the order --help lists them.
    static const QList<CliCommand> &commands();

private:
    // The tables, one per file of commands.
    static QList<CliCommand> snapshotCommands(); // clisnapshots.cpp
    static QList<CliCommand> storeCommands(); // clistore.cpp
    static QList<CliCommand> seriesCommands(); // cliseries.cpp
    static QList<CliCommand> maintenanceCommands(); // climaintenance.cpp
    static QList<CliCommand> historyCommands(); // clihistory.cpp
    static QList<CliCommand> ingestCommands(); // cliingest.cpp
    static QList<CliCommand> sourceCommands(); // clisources.cpp

    static QList<CliCommand> accessCommands(); // cliaccess.cpp

    Result<ConnectionSpec> connectionSpec(); // from --db or --pg
    Result<std::unique_ptr<SnapshotStore>> openStore(bool create);
    // The store (never created) and the tenant the command works on (--tenant, or the only one).
    struct TenantStore
    {
        std::unique_ptr<SnapshotStore> store;
        QString tenant;
    };
    Result<TenantStore> openForTenant();
    Result<QString> resolveTenant(SnapshotStore &store, bool required);
    Result<SnapshotQuery> buildQuery(SnapshotStore &store, bool tenantRequired);
    Result<int> intOption(const QCommandLineOption &option, int fallback, int min, int max);

    // Commands (each takes the arguments after its name).
    int init(const QStringList &arguments);
    int demo(const QStringList &arguments);
    int stats(const QStringList &arguments);
    int dict(const QStringList &arguments);
    int kind(const QStringList &arguments); // clikinds.cpp
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);
    int verify(const QStringList &arguments);
    int diff(const QStringList &arguments);
    int json(const QStringList &arguments);
    int series(const QStringList &arguments);
    int report(const QStringList &arguments);
    int exportData(const QStringList &arguments);
    int snapshot(const QStringList &arguments);
    int cleanup(const QStringList &arguments);
    int trash(const QStringList &arguments);
    int importArchive(const QStringList &arguments);
    int schedule(const QStringList &arguments);
    int audit(const QStringList &arguments);
    int state(const QStringList &arguments);
    int strategy(const QStringList &arguments);
    int caseOf(const QStringList &arguments);
    int ingest(const QStringList &arguments); // cliingest.cpp
    int source(const QStringList &arguments); // clisources.cpp
    int roles(const QStringList &arguments); // cliaccess.cpp
    int access(const QStringList &arguments); // cliaccess.cpp
    int reveal(const QStringList &arguments); // cliaccess.cpp
    int personal(const QStringList &arguments); // cliaccess.cpp
    int convertPersonal(SnapshotStore &store, int batch); // cliaccess.cpp
    // Parts of commands.
    int compact();
    int verifyReplay();
    int verifyBundle();
    int findCases(Access::Role role);
    // The role a case is shown with: --role (or the configured one) on a local file; on a shared store the login's,
    // or a --role that masks more.
    Result<Access::Role> caseRole(SnapshotStore &store, Access::Role asked);
    // Whether what is printed masks customers' contact details: on a shared store, for every role but admin (a local
    // file's owner is its admin).
    static bool masksPersonal(SnapshotStore &store)
    {
        const SessionAccess &session = store.access().session();
        return session.enforced && Pii::masks(session.role);
    }
    Result<RetentionPolicy> policyFromOptions(SnapshotStore &store, const QString &tenant, const QString &kind);
    static QString actor();

    QCommandLineParser m_parser;
    Options m_o;
    bool m_quiet = false;
    Access::Action m_action = Access::Action::Browse; // what the command line does, checked against the store's role
};

} // namespace SnapScopeCli
