// snapscope-cli as a script sees it: exit codes, one-line errors on stderr, nothing half-written.
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>
#include <zstd.h>

#include "../common/testsupport.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "ops/snapshotarchive.h"

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    if (!process.waitForFinished(300000))
        return {};
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *a : list)
        result << QString::fromUtf8(a);
    return result;
}

} // namespace

// One error line: "snapscope-cli: error: ...", and nothing else on stderr.
#define QVERIFY_ONE_ERROR_LINE(run, fragment)                                                                          \
    do {                                                                                                               \
        const QList<QByteArray> lines = (run).err.trimmed().split('\n');                                               \
        QVERIFY2(lines.size() == 1, (run).err.constData());                                                            \
        QVERIFY2(lines.at(0).startsWith("snapscope-cli: error: "), (run).err.constData());                             \
        QVERIFY2((run).err.contains(fragment), (run).err.constData());                                                 \
    } while (false)

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void maintenanceCommands();
    void pointInTimeCommands();
    void caseAndBundle();
    void casePdfFindAndHold();
    void missingDatabase();
    void notADatabaseIsLeftAlone();
    void listJsonLines();
    void listFilters();
    void showPrettyAndRaw();
    void unknownAndMalformedIds();
    void statsJson();
    void corruptPayloadIsReported();
    void damagedPageIsNeverClean_data();
    void damagedPageIsNeverClean();
    void readOnlyDatabaseIsReadAndSaysSo();
    void damagedDictionaryIsNamed();
    void diffOfSnapshots();
    void jsonDiffAndApplyFiles();
    void seriesPrintsEveryPeriod();
    void demoRefusesToFillAUsedDatabase();
    void dictTrain();
    void kindImportListShowRemove();
    void monthlyInventoryReport();
    void trainingExport();
    void demoEndsToday();
    void postgresErrors();
    void postgresEndToEnd();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_someId;
};

void TestCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    const Run demo = cli({ QStringLiteral("demo"), QStringLiteral("--db"), m_db, QStringLiteral("--until"),
        QStringLiteral("2026-10-31"), QStringLiteral("--quiet") });
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    QVERIFY(demo.out.contains("snapshots"));
    const Run list = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--limit"),
        QStringLiteral("1"), QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    m_someId = QJsonDocument::fromJson(list.out.trimmed()).object().value(u"id").toString();
    QVERIFY(!m_someId.isEmpty());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("fragment");
    QTest::newRow("no command") << QStringList() << QByteArray("no command");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("explode") } << QByteArray("unknown command");
    QTest::newRow("unknown option") << QStringList { QStringLiteral("list"), QStringLiteral("--colour") }
                                    << QByteArray("colour");
    QTest::newRow("option of another command")
        << QStringList { QStringLiteral("stats"), QStringLiteral("--raw") } << QByteArray("does not take --raw");
    QTest::newRow("bad limit") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--limit"), QStringLiteral("ten") }
                               << QByteArray("--limit");
    // A time without an offset is the tenant's (2026-05-01 10:00 in its zone); one cut short or out of range is not.
    QTest::newRow("time cut short") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-05-01T10") }
                                    << QByteArray("--from");
    QTest::newRow("time out of range") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-05-01 24:00") }
                                       << QByteArray("out of range");
    QTest::newRow("impossible date") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-02-30") }
                                     << QByteArray("--from");
    QTest::newRow("empty range") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-06-01"), QStringLiteral("--to"),
        QStringLiteral("2026-05-01") }
                                 << QByteArray("earlier");
    QTest::newRow("unknown kind") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("invoice") }
                                  << QByteArray("unknown kind");
    QTest::newRow("ambiguous tenant") << QStringList { QStringLiteral("list") }
                                      << QByteArray("choose one with --tenant");
    QTest::newRow("bad trash mode") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--trash"), QStringLiteral("maybe") }
                                    << QByteArray("--trash");
    QTest::newRow("show without id") << QStringList { QStringLiteral("show") } << QByteArray("exactly one");
    QTest::newRow("bad scale") << QStringList { QStringLiteral("demo"), QStringLiteral("--scale"),
        QStringLiteral("huge") }
                               << QByteArray("--scale");
    QTest::newRow("db and pg") << QStringList { QStringLiteral("stats"), QStringLiteral("--pg"),
        QStringLiteral("dbname=x") }
                               << QByteArray("one of --db and --pg");
    QTest::newRow("dict without kind") << QStringList { QStringLiteral("dict"), QStringLiteral("train") }
                                       << QByteArray("--kind");
    QTest::newRow("kind without subcommand") << QStringList { QStringLiteral("kind") } << QByteArray("kind list");
    QTest::newRow("a day the calendar lacks") << QStringList { QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-02-30") }
                                              << QByteArray("no such day in that month");
    QTest::newRow("a cron expression read as options")
        << QStringList { QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("-1 * * * *") }
        << QByteArray("goes after --");
    QTest::newRow("cleanup without --yes")
        << args({ "cleanup", "--tenant", "acme-th", "--kind", "order", "--keep-last", "1" }) << QByteArray("--yes");
    QTest::newRow("cleanup dry run and yes")
        << args({ "cleanup", "--tenant", "acme-th", "--kind", "order", "--keep-last", "1", "--dry-run", "--yes" })
        << QByteArray("one of --dry-run and --yes");
    QTest::newRow("cleanup of a kind without policy")
        << args({ "cleanup", "--tenant", "acme-th", "--kind", "financial", "--dry-run" })
        << QByteArray("no retention policy");
    QTest::newRow("stock retention out of range")
        << args({ "cleanup", "--tenant", "acme-th", "--kind", "stock", "--older-than", "10", "--dry-run" })
        << QByteArray("30 to 365");
    QTest::newRow("negative keep") << args({ "cleanup", "--tenant", "acme-th", "--kind", "order", "--keep-last", "-1",
        "--dry-run" }) << QByteArray("--keep-last");
    QTest::newRow("invalid cron") << args({ "schedule", "next", "0 25 * * *" }) << QByteArray("hour field");
    QTest::newRow("unknown time zone") << args({ "schedule", "next", "@daily", "--tz", "Mars/Base" })
                                       << QByteArray("time zone");
    QTest::newRow("schedule from cut short")
        << args({ "schedule", "next", "@daily", "--from", "2026-03-01T10" }) << QByteArray("--from");
    QTest::newRow("take without kind") << args({ "snapshot", "take", "--tenant", "acme-th" }) << QByteArray("--kind");
    QTest::newRow("take a chat") << args({ "snapshot", "take", "--tenant", "acme-th", "--kind", "chat", "--entity",
        "x" }) << QByteArray("own service");
    QTest::newRow("take an order without id")
        << args({ "snapshot", "take", "--tenant", "acme-th", "--kind", "order" }) << QByteArray("order id");
    QTest::newRow("restore a malformed id")
        << args({ "trash", "restore", "nope", "--tenant", "acme-th" }) << QByteArray("not a snapshot id");
    QTest::newRow("state without kind") << args({ "state", "ORD-TH-000001", "--tenant", "acme-th" })
                                        << QByteArray("--kind");
    QTest::newRow("state of a chat") << args({ "state", "x", "--tenant", "acme-th", "--kind", "chat" })
                                     << QByteArray("not event-sourced");
    QTest::newRow("state at and version") << args(
        { "state", "ORD-TH-000001", "--tenant", "acme-th", "--kind", "order", "--at", "2026-05-01", "--version", "2" })
                                          << QByteArray("one of --at and --version");
    QTest::newRow("state version zero") << args({ "state", "ORD-TH-000001", "--tenant", "acme-th", "--kind", "order",
        "--version", "0" }) << QByteArray("--version");
    QTest::newRow("strategy mode") << args({ "strategy", "set", "--tenant", "acme-th", "--kind", "order", "--mode",
        "often" }) << QByteArray("--mode");
    QTest::newRow("strategy of stock") << args({ "strategy", "set", "--tenant", "acme-th", "--kind", "stock" })
                                       << QByteArray("event-sourced");
    QTest::newRow("case without order") << args({ "case", "--tenant", "acme-th" }) << QByteArray("order id");
    QTest::newRow("invalid schedule") << args({ "schedule", "create", "--tenant", "acme-th", "--name", "x", "--cron",
        "61 * * * *", "--kind", "stock", "--targets", "all" })
                                      << QByteArray("minute field");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, fragment);
    const QByteArray before = digest(m_db);
    QStringList withDb = arguments;
    withDb << QStringLiteral("--db") << m_db;
    const Run run = cli(withDb);
    QCOMPARE(run.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(run, fragment);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(digest(m_db), before);
}

void TestCli::maintenanceCommands()
{
    const QString db = m_dir.filePath(QStringLiteral("maintenance.sqlite"));
    QFile::remove(db);
    QVERIFY(QFile::copy(m_db, db));
    const auto run = [&](QStringList arguments) {
        arguments << QStringLiteral("--db") << db;
        return cli(arguments);
    };
    // schedule next: ISO 8601 with the zone's offset, one per line; the spring gap runs at 03:00 CEST.
    const Run next = cli({ QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("30 2 * * *"),
        QStringLiteral("--from"), QStringLiteral("2026-03-28T00:00:00Z"), QStringLiteral("--count"),
        QStringLiteral("3"), QStringLiteral("--tz"), QStringLiteral("Europe/Berlin") });
    QCOMPARE(next.exitCode, 0);
    QCOMPARE(next.out, QByteArray("2026-03-28T02:30:00+01:00\n2026-03-29T03:00:00+02:00\n2026-03-30T02:30:00+02:00\n"));

    // A dry run in JSON gives totals and a verdict with its reason for every snapshot.
    const QStringList policy { QStringLiteral("--tenant"), QStringLiteral("acme-th"), QStringLiteral("--kind"),
        QStringLiteral("order"), QStringLiteral("--keep-last"), QStringLiteral("2") };
    const Run plan = run(
        QStringList { QStringLiteral("cleanup"), QStringLiteral("--dry-run"), QStringLiteral("--json") } + policy);
    QCOMPARE(plan.exitCode, 0);
    const QJsonObject planned = QJsonDocument::fromJson(plan.out).object();
    const qint64 going = planned.value(u"delete").toObject().value(u"count").toInteger();
    QVERIFY(going > 0);
    const QJsonArray decisions = planned.value(u"snapshots").toArray();
    qint64 goingInList = 0;
    for (const QJsonValue &d : decisions) {
        QVERIFY(!d.toObject().value(u"reason").toString().isEmpty());
        goingInList += d.toObject().value(u"keep").toBool() ? 0 : 1;
    }
    QCOMPARE(goingInList, going);
    QCOMPARE(qint64(decisions.size()), going + planned.value(u"keep").toObject().value(u"count").toInteger());

    // Run with an archive, purge, import: the snapshots are back.
    const QString archive = m_dir.filePath(QStringLiteral("orders.ndjson.zst"));
    const Run cleanup = run(QStringList { QStringLiteral("cleanup"), QStringLiteral("--yes"), QStringLiteral("--quiet"),
                                QStringLiteral("--archive"), archive }
        + policy);
    QVERIFY2(cleanup.exitCode == 0, cleanup.err.constData());
    QVERIFY(cleanup.out.contains(QByteArray(QByteArray("trashed ") + QByteArray::number(going))));
    QVERIFY(QFile::exists(archive));
    const Run trashList = run({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--limit"), QStringLiteral("5") });
    QCOMPARE(trashList.out.count('\n'), 5);
    const Run purge = run({ QStringLiteral("trash"), QStringLiteral("purge"), QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--older-than"), QStringLiteral("0") });
    QVERIFY(purge.out.startsWith(QByteArray(QByteArray("purged ") + QByteArray::number(going))));
    const Run imported = run({ QStringLiteral("import"), archive });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(imported.out.startsWith(QByteArray(QByteArray("imported ") + QByteArray::number(going))));
    const Run verify = run({ QStringLiteral("verify"), QStringLiteral("--tenant"), QStringLiteral("acme-th"),
        QStringLiteral("--kind"), QStringLiteral("order") });
    QCOMPARE(verify.exitCode, 0);
    // A damaged archive is refused with its name, and nothing is imported.
    QFile damaged(m_dir.filePath(QStringLiteral("damaged.ndjson.zst")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("not zstd at all");
    damaged.close();
    const Run refused = run({ QStringLiteral("import"), damaged.fileName() });
    QCOMPARE(refused.exitCode, 3);
    QVERIFY_ONE_ERROR_LINE(refused, "damaged.ndjson.zst");
    // A well-formed archive whose payload was changed after it was written is an integrity failure (3), not a usage
    // error (it exited 2).
    SnapshotHeader altered;
    altered.id = SnapshotId::generate(1767225600000);
    altered.tenant = QStringLiteral("acme-th");
    altered.kind = QStringLiteral("order");
    altered.entityId = QStringLiteral("ORD-ALTERED");
    altered.version = 1;
    altered.takenAt = 1767225600000;
    altered.type = QStringLiteral("created");
    altered.createdBy = QStringLiteral("system");
    altered.checksum = QString(64, u'0');
    const QByteArray plain = SnapshotArchive::line(altered, QByteArrayLiteral("{\"status\":\"paid\"}"));
    QByteArray packed(qsizetype(ZSTD_compressBound(size_t(plain.size()))), Qt::Uninitialized);
    packed.resize(
        qsizetype(ZSTD_compress(packed.data(), size_t(packed.size()), plain.constData(), size_t(plain.size()), 3)));
    QFile tampered(m_dir.filePath(QStringLiteral("tampered.ndjson.zst")));
    QVERIFY(tampered.open(QIODevice::WriteOnly));
    tampered.write(packed);
    tampered.close();
    const Run untrusted = run({ QStringLiteral("import"), tampered.fileName() });
    QCOMPARE(untrusted.exitCode, 3);
    QVERIFY_ONE_ERROR_LINE(untrusted, "does not match its checksum");

    // Everything above is in the audit log.
    const Run audit
        = run({ QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("20") });
    QCOMPARE(audit.exitCode, 0);
    QStringList actions;
    for (const QByteArray &line : audit.out.trimmed().split('\n'))
        actions.prepend(QJsonDocument::fromJson(line).object().value(u"action").toString());
    QVERIFY2(actions.size() >= 6, qPrintable(actions.join(u',')));
    actions = actions.mid(actions.size() - 6); // the demo's own entries (dictionary training) come first
    QCOMPARE(actions,
        (QStringList { QStringLiteral("cleanup.start"), QStringLiteral("cleanup"), QStringLiteral("trash.purge"),
            QStringLiteral("import"), QStringLiteral("import"), QStringLiteral("import") }));
}

void TestCli::pointInTimeCommands()
{
    const QString db = m_dir.filePath(QStringLiteral("history.sqlite"));
    QFile::remove(db);
    QVERIFY(QFile::copy(m_db, db));
    const auto run = [&](QStringList arguments) {
        arguments << QStringLiteral("--db") << db << QStringLiteral("--tenant") << QStringLiteral("acme-th");
        return cli(arguments);
    };
    const Run version = cli({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("snapscope-cli "));
    // Every snapshot of the demo's orders and carts equals its hybrid and its full replay.
    const Run replay = run(args({ "verify", "--replay" }));
    QVERIFY2(replay.exitCode == 0, QByteArray(replay.out + replay.err).constData());
    QVERIFY(replay.out.isEmpty());
    QVERIFY(replay.err.contains(" 0 mismatch"));
    // The demo's first order, at its last version and between two events.
    const Run latest = run(args({ "state", "ORD-TH-000001", "--kind", "order", "--json" }));
    QVERIFY2(latest.exitCode == 0, latest.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(latest.out).object();
    for (const char *key :
        { "entity", "version", "timestamp", "state", "from_snapshot", "events_replayed", "elapsed_ms" })
        QVERIFY2(result.contains(QLatin1String(key)), key);
    QCOMPARE(result.value(u"entity").toString(), QStringLiteral("ORD-TH-000001"));
    QCOMPARE(result.value(u"state").toObject().value(u"order_id").toString(), QStringLiteral("ORD-TH-000001"));
    const Run full = run(args({ "state", "ORD-TH-000001", "--kind", "order", "--json", "--full" }));
    QCOMPARE(full.exitCode, 0);
    const QJsonObject fullResult = QJsonDocument::fromJson(full.out).object();
    QCOMPARE(fullResult.value(u"state"), result.value(u"state"));
    QVERIFY(fullResult.value(u"from_snapshot").isNull());
    QCOMPARE(fullResult.value(u"events_replayed").toInt(), result.value(u"version").toInt());
    const Run first = run(args({ "state", "ORD-TH-000001", "--kind", "order", "--version", "1", "--json" }));
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(first.out)
                 .object()
                 .value(u"state")
                 .toObject()
                 .value(u"order_state")
                 .toObject()
                 .value(u"status")
                 .toString(),
        QStringLiteral("created"));
    const Run missing = run(args({ "state", "ORD-TH-000001", "--kind", "order", "--version", "999" }));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(missing, "999");
    // Incremental orders: compaction rewrites them as deltas, everything still verifies, and a second run is idle.
    QCOMPARE(run(args({ "strategy", "set", "--kind", "order", "--incremental", "yes" })).exitCode, 0);
    const Run compact = run(args({ "snapshot", "compact", "--kind", "order", "--quiet" }));
    QVERIFY2(compact.exitCode == 0, compact.err.constData());
    QVERIFY2(!compact.out.contains(" 0 stored as delta"), compact.out.constData());
    // Enough patches to train their own dictionary, and they were encoded again with it.
    QVERIFY2(!compact.out.contains(" 0 re-encoded"), compact.out.constData());
    const Run dicts = cli({ QStringLiteral("dict"), QStringLiteral("list"), QStringLiteral("--db"), db });
    QVERIFY2(dicts.out.contains("order/delta"), dicts.out.constData());
    QCOMPARE(run(args({ "verify", "--quiet" })).exitCode, 0);
    QCOMPARE(run(args({ "verify", "--replay", "--kind", "order", "--quiet" })).exitCode, 0);
    const Run again = run(args({ "snapshot", "compact", "--kind", "order", "--quiet" }));
    QVERIFY2(again.out.contains("0 snapshot(s) written, 0 stored as delta, 0 as keyframe"), again.out.constData());
    const Run audit = run(args({ "audit", "--action", "s", "--json" }));
    QVERIFY(audit.out.contains("snapshot.compact") && audit.out.contains("strategy.save"));
}

void TestCli::caseAndBundle()
{
    const QString bundle = m_dir.filePath(QStringLiteral("case.ndjson.zst"));
    const Run c = cli(
        { QStringLiteral("case"), QStringLiteral("ORD-TH-000007"), QStringLiteral("--json"), QStringLiteral("--bundle"),
            bundle, QStringLiteral("--db"), m_db, QStringLiteral("--tenant"), QStringLiteral("acme-th") });
    QVERIFY2(c.exitCode == 0, c.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(c.out).object();
    QCOMPARE(o.value(u"order_id").toString(), QStringLiteral("ORD-TH-000007"));
    QVERIFY(!o.value(u"order").toArray().isEmpty());
    qsizetype snapshots = 0;
    for (const char *list : { "order", "chats", "inventory", "financial" })
        snapshots += o.value(QLatin1String(list)).toArray().size();
    const Run verify = cli({ QStringLiteral("verify"), QStringLiteral("--bundle"), bundle });
    QCOMPARE(verify.exitCode, 0);
    QVERIFY2(verify.err.contains(QStringLiteral("%1 snapshot(s)").arg(snapshots).toUtf8()), verify.err.constData());
    QVERIFY(verify.err.contains("intact"));
    const Run missing = cli({ QStringLiteral("case"), QStringLiteral("ORD-TH-999999"), QStringLiteral("--db"), m_db,
        QStringLiteral("--tenant"), QStringLiteral("acme-th") });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(missing, "ORD-TH-999999");
}

void TestCli::casePdfFindAndHold()
{
    // A configuration of its own: no role is set, so the default (support) applies.
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const QStringList db { QStringLiteral("--db"), m_db, QStringLiteral("--tenant"), QStringLiteral("acme-th") };
    const QString orderId = QStringLiteral("ORD-TH-000007");
    const Run c = cli(QStringList { QStringLiteral("case"), orderId, QStringLiteral("--json") } + db, env);
    QCOMPARE(c.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(c.out).object();
    QStringList checksums;
    for (const char *list : { "order", "chats", "inventory", "financial" }) {
        for (const QJsonValue &h : o.value(QLatin1String(list)).toArray())
            checksums.append(h.toObject().value(u"checksum").toString());
    }
    QVERIFY(checksums.size() >= 3);

    // The customer's phone, from the order itself (the SAAN order snapshot keeps the order in order_state).
    const QString firstId = o.value(u"order").toArray().first().toObject().value(u"id").toString();
    const Run show = cli({ QStringLiteral("show"), firstId, QStringLiteral("--db"), m_db }, env);
    QCOMPARE(show.exitCode, 0);
    const QString phone = QJsonDocument::fromJson(show.out)
                              .object()
                              .value(u"order_state")
                              .toObject()
                              .value(u"customer")
                              .toObject()
                              .value(u"phone")
                              .toString();
    QCOMPARE(phone.size(), 10);

    const QString pdf = m_dir.filePath(QStringLiteral("case.pdf"));
    const Run report = cli(QStringList { QStringLiteral("case"), orderId, QStringLiteral("--pdf"), pdf } + db, env);
    QVERIFY2(report.exitCode == 0, report.err.constData());
    QVERIFY(report.err.contains(QStringLiteral("%1 of %1 snapshot(s) verified").arg(checksums.size()).toUtf8()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
    QVERIFY2(
        pdftotext.waitForFinished(60000), "pdftotext (poppler-utils) is needed: packaging/bootstrap.sh installs it");
    QCOMPARE(pdftotext.exitCode(), 0);
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY(text.contains(QStringLiteral("Dispute case %1").arg(orderId)));
    for (const QString &checksum : std::as_const(checksums))
        QVERIFY2(text.contains(checksum), qPrintable(checksum));
    QVERIFY(text.contains(QStringLiteral("Exported by")));
    // Support (the default role) masks the phone; admin shows it.
    QVERIFY(!text.contains(phone));
    QVERIFY(text.contains(Pii::maskText(phone)));
    const Run admin = cli(QStringList { QStringLiteral("case"), orderId, QStringLiteral("--pdf"), pdf,
                              QStringLiteral("--role"), QStringLiteral("admin") }
            + db,
        env);
    QCOMPARE(admin.exitCode, 0);
    pdftotext.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(60000));
    QVERIFY(QString::fromUtf8(pdftotext.readAllStandardOutput()).contains(phone));

    const Run badRole = cli(
        QStringList { QStringLiteral("case"), orderId, QStringLiteral("--role"), QStringLiteral("root") } + db, env);
    QCOMPARE(badRole.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(badRole, "--role");

    // Found by the phone's first digits, the phone masked in the list.
    const Run find = cli(QStringList { QStringLiteral("case"), QStringLiteral("--find"), phone.left(7) } + db, env);
    QCOMPARE(find.exitCode, 0);
    QVERIFY(find.out.contains(orderId.toUtf8()));
    QVERIFY(!find.out.contains(phone.toUtf8()));

    // Legal hold on the whole case, then lifted; both audited.
    const Run hold = cli(
        QStringList { QStringLiteral("case"), orderId, QStringLiteral("--hold"), QStringLiteral("chargeback") } + db,
        env);
    QVERIFY2(hold.exitCode == 0, hold.err.constData());
    const Run pinned = cli(QStringList { QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("order"),
                               QStringLiteral("--entity"), orderId, QStringLiteral("--json") }
            + db,
        env);
    const QList<QByteArray> lines = pinned.out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray &line : lines)
        QVERIFY2(QJsonDocument::fromJson(line).object().value(u"pinned").toBool(), line.constData());
    const Run release = cli(QStringList { QStringLiteral("case"), orderId, QStringLiteral("--release") } + db, env);
    QCOMPARE(release.exitCode, 0);
    const Run audit = cli(QStringList { QStringLiteral("audit"), QStringLiteral("--json") } + db, env);
    QVERIFY(audit.out.contains("\"action\":\"pin\""));
    QVERIFY(audit.out.contains("\"action\":\"unpin\""));
    QVERIFY(audit.out.contains("chargeback"));
}

void TestCli::missingDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("nothing-here.sqlite"));
    const Run run = cli({ QStringLiteral("list"), QStringLiteral("--db"), path });
    QCOMPARE(run.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(run, "does not exist");
    QVERIFY(!QFile::exists(path));
}

void TestCli::notADatabaseIsLeftAlone()
{
    const QString path = m_dir.filePath(QStringLiteral("readme.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    const Run run = cli({ QStringLiteral("init"), QStringLiteral("--db"), path });
    QCOMPARE(run.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(run, "not a SnapScope database");
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("hello\n"));
}

void TestCli::listJsonLines()
{
    const Run run = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--limit"), QStringLiteral("7000"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 7000); // more than one page
    QString previous;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char *key : { "id", "tenant", "kind", "entity", "version", "type", "taken_at", "created_by",
                 "summary", "raw_size", "stored_size", "codec", "pinned" })
            QVERIFY2(object.contains(QString::fromLatin1(key)), key);
        const QString takenAt = object.value(u"taken_at").toString();
        QVERIFY(takenAt.endsWith(u'Z'));
        if (!previous.isEmpty())
            QVERIFY(takenAt <= previous); // newest first
        previous = takenAt;
    }
}

void TestCli::listFilters()
{
    const Run run = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--type"),
        QStringLiteral("cancelled,modified"), QStringLiteral("--from"), QStringLiteral("2026-08-01"),
        QStringLiteral("--to"), QStringLiteral("2026-09-01T00:00:00+07:00"), QStringLiteral("--limit"),
        QStringLiteral("100000"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() > 3);
    for (const QByteArray &line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.value(u"kind").toString(), QStringLiteral("order"));
        const QString type = object.value(u"type").toString();
        QVERIFY(type == u"cancelled" || type == u"modified");
        const QString takenAt = object.value(u"taken_at").toString();
        QVERIFY2(takenAt >= QStringLiteral("2026-07-31T17:00:00") && takenAt < QStringLiteral("2026-08-31T17:00:00"),
            qPrintable(takenAt));
    }
    // A time without an offset is in the tenant's zone too, as the console's date fields read it.
    const Run wallClock = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--type"),
        QStringLiteral("cancelled,modified"), QStringLiteral("--from"), QStringLiteral("2026-08-01 00:00"),
        QStringLiteral("--to"), QStringLiteral("2026-09-01T00:00"), QStringLiteral("--limit"), QStringLiteral("100000"),
        QStringLiteral("--json") });
    QCOMPARE(wallClock.exitCode, 0);
    QCOMPARE(wallClock.out, run.out);
}

void TestCli::showPrettyAndRaw()
{
    const Run pretty = cli({ QStringLiteral("show"), m_someId, QStringLiteral("--db"), m_db });
    QCOMPARE(pretty.exitCode, 0);
    QVERIFY(pretty.out.contains("\n    \""));
    const Run raw = cli({ QStringLiteral("show"), m_someId, QStringLiteral("--raw"), QStringLiteral("--db"), m_db });
    QCOMPARE(raw.exitCode, 0);
    QVERIFY(!raw.out.contains('\n'));
    QCOMPARE(QJsonDocument::fromJson(raw.out).object(), QJsonDocument::fromJson(pretty.out).object());
    QVERIFY(QJsonDocument::fromJson(raw.out).object().contains(QStringLiteral("order_id")));
}

void TestCli::unknownAndMalformedIds()
{
    const Run unknown = cli({ QStringLiteral("show"), QStringLiteral("01890000-0000-7000-8000-000000000000"),
        QStringLiteral("--db"), m_db });
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(unknown, "no snapshot with id");
    const Run malformed
        = cli({ QStringLiteral("show"), QStringLiteral("1; DROP TABLE snapshots"), QStringLiteral("--db"), m_db });
    QCOMPARE(malformed.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(malformed, "not a snapshot id");
}

void TestCli::statsJson()
{
    const Run run = cli({ QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), m_db });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject stats = QJsonDocument::fromJson(run.out).object();
    QVERIFY(stats.value(u"kinds").toArray().size() == 10); // every kind but the imported ones
    const QJsonObject total = stats.value(u"total").toObject();
    QVERIFY(total.value(u"count").toInteger() > 18000);
    QVERIFY(total.value(u"ratio").toDouble() > 0.0 && total.value(u"ratio").toDouble() < 0.5);
}

void TestCli::corruptPayloadIsReported()
{
    const QString copy = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
    {
        // A consistent copy through SQLite itself (the demo database may still have a WAL beside it).
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY2(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)), qPrintable(query.lastError().text()));
    }
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(copy));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(
            QStringLiteral("UPDATE snapshots SET payload = substr(payload, 1, 20) || x'00' || substr(payload, 22) "
                           "WHERE id = '%1'")
                .arg(m_someId)));
    }
    const Run show = cli({ QStringLiteral("show"), m_someId, QStringLiteral("--db"), copy });
    QCOMPARE(show.exitCode, 3);
    QVERIFY_ONE_ERROR_LINE(show, m_someId.toUtf8());
    const Run verify = cli({ QStringLiteral("verify"), QStringLiteral("--db"), copy, QStringLiteral("--quiet") });
    QCOMPARE(verify.exitCode, 3);
    QVERIFY(verify.out.contains(m_someId.toUtf8()));
    QVERIFY(verify.out.contains(": 1 corrupt"));
    const Run clean = cli(
        { QStringLiteral("verify"), QStringLiteral("--db"), m_db, QStringLiteral("--kind"), QStringLiteral("chat") });
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(clean.out.contains(" 0 corrupt"));
    QVERIFY(clean.err.contains("verify:")); // progress goes to stderr
}

void TestCli::damagedPageIsNeverClean_data()
{
    QTest::addColumn<double>("where"); // the zeroed page's place in the file
    for (const double where : { 0.2, 0.4, 0.6, 0.8 })
        QTest::addRow("page at %d%%", int(where * 100)) << where;
}

void TestCli::damagedPageIsNeverClean()
{
    // One zeroed 4 KB page used to give "verified 7220 snapshots: 0 corrupt", exit 0, for a store of 26,635: the
    // row scan took the read error for the end of the rows. Now the database's own check names the damage, the scan
    // says how many it checked of how many, and the exit code is 3.
    QFETCH(double, where);
    const QString copy
        = m_dir.filePath(QStringLiteral("damaged-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag())));
    QFile::remove(copy);
    int pageSize = 0;
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY2(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
        pageSize = query.value(0).toInt();
    }
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / pageSize;
        QVERIFY(pages > 100);
        QVERIFY(file.seek(qint64(double(pages) * where) * pageSize));
        QCOMPARE(file.write(QByteArray(pageSize, '\0')), qint64(pageSize));
    }
    const Run verify = cli({ QStringLiteral("verify"), QStringLiteral("--db"), copy, QStringLiteral("--quiet") });
    QCOMPARE(verify.exitCode, 3);
    QVERIFY2(verify.err.contains("the database's own check: "), verify.err.constData());
    // The last line says how many of how many: never a bare "0 corrupt" for a partial scan.
    const QByteArray summary = verify.out.trimmed().split('\n').constLast();
    const QRegularExpression counts(QStringLiteral("^verified (\\d+) of (\\d+) snapshots: (\\d+) corrupt"));
    const QRegularExpressionMatch match = counts.match(QString::fromUtf8(summary));
    QVERIFY2(match.hasMatch(), summary.constData());
    const qint64 checked = match.captured(1).toLongLong(), expected = match.captured(2).toLongLong();
    QVERIFY(checked <= expected);
    if (checked < expected) {
        QVERIFY2(summary.contains(" not read"), summary.constData());
        QVERIFY2(verify.err.contains("reading stopped after"), verify.err.constData());
    }
}

void TestCli::readOnlyDatabaseIsReadAndSaysSo()
{
    // A database in a folder nobody may write to used to fail every command with "attempt to write a readonly
    // database". As root the permissions would not bite, so the commands then run as nobody.
    const bool root = ::geteuid() == 0;
    const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    if (root && runuser.isEmpty())
        QSKIP("running as root without runuser: no unprivileged user to read as");
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/snapscope-ro-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(QFile::copy(m_db, db));
    const QByteArray before = digest(db);
    const auto readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto listable = readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(db, readable));
    QVERIFY(QFile::setPermissions(dir.path(), listable));
    const auto restore = qScopeGuard([&] { QFile::setPermissions(dir.path(), listable | QFile::WriteOwner); });
    const auto run = [&](QStringList arguments) {
        arguments << QStringLiteral("--db") << db;
        if (!root)
            return cli(arguments);
        QProcess process;
        process.start(runuser,
            QStringList { QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                QStringLiteral(SNAPSCOPE_CLI_PATH) }
                + arguments);
        process.waitForFinished(120000);
        return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            process.readAllStandardOutput(), process.readAllStandardError() };
    };
    const Run stats = run({ QStringLiteral("stats") });
    QVERIFY2(stats.exitCode == 0, stats.err.constData());
    QVERIFY2(stats.err.contains("is not writable: opened read-only"), stats.err.constData());
    QVERIFY(stats.out.contains("order"));
    const Run list = run({ QStringLiteral("list"), QStringLiteral("--tenant"), QStringLiteral("acme-th") });
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const Run verify = run({ QStringLiteral("verify"), QStringLiteral("--quiet") });
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    const QRegularExpression counts(QStringLiteral("verified (\\d+) of \\1 snapshots: 0 corrupt"));
    QVERIFY2(counts.match(QString::fromUtf8(verify.out)).hasMatch(), verify.out.constData());
    // A change is refused in one line that says why, and nothing was written.
    const Run cleanup = run({ QStringLiteral("cleanup"), QStringLiteral("--tenant"), QStringLiteral("acme-th"),
        QStringLiteral("--kind"), QStringLiteral("chat"), QStringLiteral("--keep-last"), QStringLiteral("1"),
        QStringLiteral("--yes"), QStringLiteral("--quiet") });
    QCOMPARE(cleanup.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(cleanup, "read-only here");
    QCOMPARE(digest(db), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("store.sqlite") });
    // Changes left in a -wal file cannot be read this way (immutable skips it): refused, not read short.
    QVERIFY(QFile::setPermissions(dir.path(), listable | QFile::WriteOwner));
    {
        QFile wal(db + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write(QByteArray(4096, '\1'));
    }
    QVERIFY(QFile::setPermissions(db + QStringLiteral("-wal"), readable));
    QVERIFY(QFile::setPermissions(dir.path(), listable));
    const Run withWal = run({ QStringLiteral("stats") });
    QCOMPARE(withWal.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(withWal, "store.sqlite-wal that cannot be read while its folder is not writable");
}

void TestCli::damagedDictionaryIsNamed()
{
    // One damaged dictionary row made the whole store unusable, and other damage to one read as hundreds of payload
    // checksum mismatches that never named it.
    const QString copy = m_dir.filePath(QStringLiteral("damaged-dictionary.sqlite"));
    QFile::remove(copy);
    int id = 0;
    QString kind;
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(m_db));
        QSqlQuery query(side.db());
        QVERIFY2(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)), qPrintable(query.lastError().text()));
    }
    {
        TestSupport::SideConnection side(ConnectionSpec::sqlite(copy));
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT id, kind FROM zstd_dictionaries WHERE active = 1 AND kind = 'chat' ORDER BY id DESC LIMIT 1")));
        QVERIFY(query.next());
        id = query.value(0).toInt();
        kind = query.value(1).toString();
        query.finish();
        // One byte of the dictionary changed.
        QVERIFY(query.exec(QStringLiteral("UPDATE zstd_dictionaries SET dict = substr(dict, 1, 100) || x'00' || "
                                          "substr(dict, 102) WHERE id = %1")
                               .arg(id)));
    }
    const QByteArray name = QStringLiteral("dictionary %1 (%2)").arg(id).arg(kind).toUtf8();
    const Run stats = cli({ QStringLiteral("stats"), QStringLiteral("--db"), copy });
    QVERIFY2(stats.exitCode == 0, stats.err.constData()); // the store is usable
    const Run show = cli({ QStringLiteral("show"), m_someId, QStringLiteral("--db"), copy });
    QVERIFY2(show.exitCode == 0, show.err.constData()); // other kinds read as before
    const Run verify = cli({ QStringLiteral("verify"), QStringLiteral("--db"), copy, QStringLiteral("--quiet") });
    QCOMPARE(verify.exitCode, 3);
    QVERIFY2(verify.err.contains(QByteArray("verify: damaged " + name + ": its checksum does not match")),
        verify.err.constData());
    const QList<QByteArray> lines = verify.out.trimmed().split('\n');
    QVERIFY(lines.size() > 2);
    for (const QByteArray &line : lines.mid(0, lines.size() - 1)) {
        QVERIFY2(line.contains(" chat ") && line.contains(QByteArray("payload needs " + name + ", which is damaged")),
            line.constData());
    }
}

void TestCli::demoRefusesToFillAUsedDatabase()
{
    const QByteArray before = digest(m_db);
    const Run run = cli({ QStringLiteral("demo"), QStringLiteral("--db"), m_db });
    QCOMPARE(run.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(run, "already holds");
    QCOMPARE(digest(m_db), before);
}

void TestCli::dictTrain()
{
    const Run trained = cli({ QStringLiteral("dict"), QStringLiteral("train"), QStringLiteral("--kind"),
        QStringLiteral("order"), QStringLiteral("--samples"), QStringLiteral("500"), QStringLiteral("--db"), m_db });
    QVERIFY2(trained.exitCode == 0, trained.err.constData());
    QVERIFY(trained.out.contains("trained dictionary"));
    const Run list = cli({ QStringLiteral("dict"), QStringLiteral("list"), QStringLiteral("--db"), m_db });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(
        list.out.count("active"), 8); // one active per kind that has one; the new order dictionary replaced the old
    // Old snapshots still decode with the dictionary they were written with.
    QCOMPARE(cli({ QStringLiteral("show"), m_someId, QStringLiteral("--db"), m_db }).exitCode, 0);
}

void TestCli::monthlyInventoryReport()
{
    const QStringList db { QStringLiteral("--db"), m_db, QStringLiteral("--tenant"), QStringLiteral("acme-th") };
    const Run json = cli(QStringList { QStringLiteral("report"), QStringLiteral("inventory-monthly"),
                             QStringLiteral("--month"), QStringLiteral("2026-09"), QStringLiteral("--json") }
        + db);
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QList<QByteArray> rows = json.out.trimmed().split('\n');
    QVERIFY(rows.size() >= 10);
    double previous = std::numeric_limits<double>::max();
    for (const QByteArray &row : rows) {
        const QJsonObject o = QJsonDocument::fromJson(row).object();
        for (const char *key :
            { "product_id", "name", "closing_stock", "total_value", "outbound", "cost_of_goods_sold" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(u"last_day").toString(), QStringLiteral("2026-09-30"));
        QVERIFY(o.value(u"total_value").toDouble() <= previous); // by value, largest first
        previous = o.value(u"total_value").toDouble();
    }
    const Run csv
        = cli(QStringList { QStringLiteral("report"), QStringLiteral("inventory-monthly"), QStringLiteral("--month"),
                  QStringLiteral("2026-09"), QStringLiteral("--store"), QStringLiteral("STORE001") }
            + db);
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("product_id,name,closing_stock,total_value,outbound,cost_of_goods_sold,last_day\n"));
    const Run badMonth = cli(QStringList { QStringLiteral("report"), QStringLiteral("inventory-monthly"),
                                 QStringLiteral("--month"), QStringLiteral("2026-13") }
        + db);
    QCOMPARE(badMonth.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(badMonth, "--month");
    const Run badStore
        = cli(QStringList { QStringLiteral("report"), QStringLiteral("inventory-monthly"), QStringLiteral("--month"),
                  QStringLiteral("2026-09"), QStringLiteral("--store"), QStringLiteral("STORE999") }
            + db);
    QCOMPARE(badStore.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(badStore, "STORE999");
    const Run noMonth = cli(QStringList { QStringLiteral("report"), QStringLiteral("inventory-monthly") } + db);
    QCOMPARE(noMonth.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(noMonth, "--month");
}

void TestCli::trainingExport()
{
    const QStringList db { QStringLiteral("--db"), m_db, QStringLiteral("--tenant"), QStringLiteral("acme-th"),
        QStringLiteral("--quiet") };
    const QString path = m_dir.filePath(QStringLiteral("training.jsonl"));
    const Run run = cli(
        QStringList { QStringLiteral("export"), QStringLiteral("training"), QStringLiteral("--types"),
            QStringLiteral("order_created,escalated"), QStringLiteral("--min-satisfaction"), QStringLiteral("4"), path }
        + db);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> records = file.readAll().trimmed().split('\n');
    QVERIFY(records.size() > 10);
    QVERIFY2(run.out.contains(QByteArray("wrote " + QByteArray::number(records.size()) + " training records")),
        run.out.constData());
    for (const QByteArray &line : records) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(u"snapshot_type").toString();
        QVERIFY2(type == u"order_created" || type == u"escalated", qPrintable(type));
        QVERIFY(o.value(u"customer_satisfaction").toDouble() >= 4);
        QVERIFY(!o.value(u"ai_confidence_scores").toArray().isEmpty());
    }
    // A stricter minimum selects fewer.
    const QString five = m_dir.filePath(QStringLiteral("five.jsonl"));
    QCOMPARE(cli(QStringList { QStringLiteral("export"), QStringLiteral("training"),
                     QStringLiteral("--min-satisfaction"), QStringLiteral("5"), five }
                 + db)
                 .exitCode,
        0);
    QFile strict(five);
    QVERIFY(strict.open(QIODevice::ReadOnly));
    QVERIFY(strict.readAll().count('\n') < records.size());
    // Bad input: nothing written.
    const QString none = m_dir.filePath(QStringLiteral("none.jsonl"));
    const Run badType = cli(QStringList { QStringLiteral("export"), QStringLiteral("training"),
                                QStringLiteral("--types"), QStringLiteral("order_created,typo"), none }
        + db);
    QCOMPARE(badType.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(badType, "typo");
    const Run badMinimum = cli(QStringList { QStringLiteral("export"), QStringLiteral("training"),
                                   QStringLiteral("--min-satisfaction"), QStringLiteral("9"), none }
        + db);
    QCOMPARE(badMinimum.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(badMinimum, "--min-satisfaction");
    const Run unwritable = cli(QStringList { QStringLiteral("export"), QStringLiteral("training"),
                                   m_dir.filePath(QStringLiteral("no/such/folder/t.jsonl")) }
        + db);
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(unwritable, "cannot write");
    QVERIFY(!QFile::exists(none));
}

void TestCli::demoEndsToday()
{
    // Without --until the demo's newest day is today, so the console's "last 7 days" show data.
    const QString db = m_dir.filePath(QStringLiteral("today.sqlite"));
    const Run demo = cli({ QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--scale"),
        QStringLiteral("tiny"), QStringLiteral("--quiet") });
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const Run newest = cli({ QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json") });
    QCOMPARE(newest.exitCode, 0);
    const QDateTime takenAt = QDateTime::fromString(
        QJsonDocument::fromJson(newest.out.trimmed()).object().value(u"taken_at").toString(), Qt::ISODateWithMs);
    QVERIFY(takenAt.isValid());
    const qint64 age = takenAt.msecsTo(QDateTime::currentDateTimeUtc());
    QVERIFY2(age >= 0 && age < 6 * 3600 * 1000, qPrintable(takenAt.toString(Qt::ISODate)));
    const Run bad = cli({ QStringLiteral("demo"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("x.sqlite")),
        QStringLiteral("--until"), QStringLiteral("yesterday") });
    QCOMPARE(bad.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(bad, "--until");
}

void TestCli::kindImportListShowRemove()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("kinds.sqlite"));
    QCOMPARE(cli({ QStringLiteral("init"), QStringLiteral("--db"), db }).exitCode, 0);
    const auto write = [&dir](const char *name, const QByteArray &text) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() ? file.fileName() : QString();
    };
    const QString invoice = write("invoice.json",
        R"({"kind":"invoice","name":"Invoices","types":["issued"],"summary":["amount"],
            "shapes":[{"name":"erp_invoice","requires":["/invoice_no"],"entity":"/invoice_no",
              "fields":{"amount":"/amount"}}]})");
    const Run imported = cli({ QStringLiteral("kind"), QStringLiteral("import"), invoice, QStringLiteral("--db"), db });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(imported.out.contains("imported kind invoice (1 shape(s))"));
    // A second run of the CLI knows it from the database.
    const Run list
        = cli({ QStringLiteral("kind"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), db });
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(R"("built_in":false,"kind":"invoice")"));
    QVERIFY(list.out.contains(R"("kind":"cart","name":"Cart operations","not_worth_a_snapshot")"));
    const Run show
        = cli({ QStringLiteral("kind"), QStringLiteral("show"), QStringLiteral("chat"), QStringLiteral("--db"), db });
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains("\"name\": \"saan_chat_snapshot\""));

    // Bad definitions: one line naming the file and the place, nothing stored.
    const QString bad
        = write("bad.json", R"({"kind":"bad","shapes":[{"name":"s","requires":["no-slash"],"entity":"/a"}]})");
    const Run refused = cli({ QStringLiteral("kind"), QStringLiteral("import"), bad, QStringLiteral("--db"), db });
    QCOMPARE(refused.exitCode, 2); // bad input
    QVERIFY_ONE_ERROR_LINE(refused, "bad.json: shapes[0](s).requires: expected a JSON Pointer");
    const QString notJson = write("not.json", "{\"kind\": ");
    const Run unreadable
        = cli({ QStringLiteral("kind"), QStringLiteral("import"), notJson, QStringLiteral("--db"), db });
    QVERIFY_ONE_ERROR_LINE(unreadable, "not.json");
    QVERIFY(!cli({ QStringLiteral("kind"), QStringLiteral("list"), QStringLiteral("--db"), db }).out.contains("bad "));

    const Run removed = cli(
        { QStringLiteral("kind"), QStringLiteral("remove"), QStringLiteral("invoice"), QStringLiteral("--db"), db });
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY(
        !cli({ QStringLiteral("kind"), QStringLiteral("list"), QStringLiteral("--db"), db }).out.contains("invoice"));
    const Run again = cli(
        { QStringLiteral("kind"), QStringLiteral("remove"), QStringLiteral("invoice"), QStringLiteral("--db"), db });
    QVERIFY(again.exitCode != 0);
    QVERIFY_ONE_ERROR_LINE(again, "no imported kind");
}

void TestCli::postgresErrors()
{
    const Run withPassword = cli(
        { QStringLiteral("stats"), QStringLiteral("--pg"), QStringLiteral("host=127.0.0.1 dbname=x password=secret") });
    QCOMPARE(withPassword.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(withPassword, "SNAPSCOPE_PGPASSWORD");
    QVERIFY(!withPassword.err.contains("secret"));
    const Run unreachable = cli({ QStringLiteral("stats"), QStringLiteral("--pg"),
        QStringLiteral("host=127.0.0.1 port=1 dbname=x user=nobody") });
    QCOMPARE(unreachable.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(unreachable, "cannot reach PostgreSQL at 127.0.0.1:1");
    const Run malformed
        = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), QStringLiteral("host=127.0.0.1 port=abc dbname=x") });
    QCOMPARE(malformed.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(malformed, "port");
}

void TestCli::postgresEndToEnd()
{
    SNAPSCOPE_REQUIRE_POSTGRES(pg);
    QString error;
    QVERIFY2(TestSupport::resetPostgres(*pg, &error), qPrintable(error));
    const QString conninfo = qEnvironmentVariable("SNAPSCOPE_TEST_PG");
    // A reading command on an empty database refuses, and creates nothing there.
    const Run empty = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), conninfo });
    QCOMPARE(empty.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(empty, "has no SnapScope schema yet (create it with snapscope-cli init)");
    {
        TestSupport::SideConnection side(*pg);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(
            QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
    const Run init = cli({ QStringLiteral("init"), QStringLiteral("--pg"), conninfo });
    QVERIFY2(init.exitCode == 0, init.err.constData());
    QVERIFY(init.out.contains("schema version 16"));
    // Another role: without a password it is told so; with it, that it lacks rights on the tables.
    const QString otherRole = qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD_USER");
    // bootstrap.sh test always makes the role; a server without it cannot check these two messages.
    QVERIFY2(!otherRole.isEmpty() || !TestSupport::postgresRequired(), "SNAPSCOPE_TEST_PG_PASSWORD_USER is not set");
    if (!otherRole.isEmpty()) {
        QString asOther = conninfo;
        asOther.replace(QRegularExpression(QStringLiteral("user=\\S+")), QStringLiteral("user=") + otherRole);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PGPASSWORD"));
        environment.remove(QStringLiteral("SNAPSCOPE_PGPASSWORD"));
        environment.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent"));
        const Run noPassword = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), asOther }, environment);
        QCOMPARE(noPassword.exitCode, 1);
        QVERIFY_ONE_ERROR_LINE(noPassword, "asks for a password for user");
        environment.insert(QStringLiteral("SNAPSCOPE_PGPASSWORD"), qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD"));
        const Run noRights = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), asOther }, environment);
        QCOMPARE(noRights.exitCode, 1);
        // Which of the two it is told depends on whether the server has SnapScope's roles yet (tst_access makes
        // them): either way it says why, in one line.
        QVERIFY_ONE_ERROR_LINE(noRights, "");
        QVERIFY2(
            noRights.err.contains("lacks the rights SnapScope needs") || noRights.err.contains("has no SnapScope role"),
            noRights.err.constData());
        QVERIFY(!noRights.err.contains("already exists"));
    }
    const Run stats = cli({ QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--pg"), conninfo });
    QCOMPARE(stats.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(stats.out).object().value(u"total").toObject().value(u"count").toInt(-1), 0);
    const Run noTenants = cli({ QStringLiteral("list"), QStringLiteral("--pg"), conninfo });
    QCOMPARE(noTenants.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(noTenants, "no tenants");

    // bootstrap.sh test makes a role that must give a password (all others are trusted).
    const QString passwordUser = qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD_USER");
    if (passwordUser.isEmpty())
        QSKIP("SKIP: SNAPSCOPE_TEST_PG_PASSWORD_USER not set (bootstrap.sh test sets it)");
    const QString asUser = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
                               .arg(pg->host)
                               .arg(pg->port)
                               .arg(pg->database, passwordUser);
    {
        // The schema was just recreated by the test user; the password role may read it.
        TestSupport::SideConnection side(*pg);
        QVERIFY(side.isOpen());
        QSqlQuery grant(side.db());
        QVERIFY2(grant.exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO \"%1\"").arg(passwordUser)),
            qPrintable(grant.lastError().text()));
        QVERIFY2(grant.exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"%1\"").arg(passwordUser)),
            qPrintable(grant.lastError().text()));
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SNAPSCOPE_PGPASSWORD"), QStringLiteral("wrong-password"));
    environment.insert(QStringLiteral("PGPASSFILE"), m_dir.filePath(QStringLiteral("no-pgpass")));
    const Run wrong = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), asUser }, environment);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(wrong, "refused the password");
    QVERIFY(!wrong.err.contains("wrong-password"));
    environment.insert(QStringLiteral("SNAPSCOPE_PGPASSWORD"), qEnvironmentVariable("SNAPSCOPE_TEST_PG_PASSWORD"));
    // The right password logs in; what the login may then do is its SnapScope role's, and it has none here.
    const Run right = cli({ QStringLiteral("stats"), QStringLiteral("--pg"), asUser }, environment);
    QCOMPARE(right.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(right, "has no SnapScope role on this server");
}

void TestCli::diffOfSnapshots()
{
    const Run list = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--json"),
        QStringLiteral("--limit"), QStringLiteral("1") });
    QCOMPARE(list.exitCode, 0);
    const QJsonObject newest = QJsonDocument::fromJson(list.out.trimmed()).object();
    const QString entity = newest.value(u"entity").toString();
    const Run versions = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("order"), QStringLiteral("--entity"),
        entity, QStringLiteral("--json") });
    const QList<QByteArray> rows = versions.out.trimmed().split('\n');
    QVERIFY(rows.size() >= 2);
    const QString newer = QJsonDocument::fromJson(rows.at(0)).object().value(u"id").toString();
    const QString older = QJsonDocument::fromJson(rows.at(1)).object().value(u"id").toString();
    const Run patch = cli({ QStringLiteral("diff"), older, newer, QStringLiteral("--db"), m_db });
    QCOMPARE(patch.exitCode, 0);
    const QJsonArray ops = QJsonDocument::fromJson(patch.out).array();
    QVERIFY(!ops.isEmpty());
    QVERIFY(patch.out.contains("\"/order_state/status\""));
    const Run stat = cli({ QStringLiteral("diff"), older, newer, QStringLiteral("--db"), m_db,
        QStringLiteral("--format"), QStringLiteral("stat") });
    QCOMPARE(stat.exitCode, 0);
    QVERIFY2(stat.out.contains(" changed, "), stat.out.constData());
    const Run text = cli({ QStringLiteral("diff"), older, newer, QStringLiteral("--db"), m_db,
        QStringLiteral("--format"), QStringLiteral("text") });
    QVERIFY(text.out.startsWith(QByteArray(QByteArray("from: order ") + entity.toUtf8())));
    QVERIFY(text.out.contains("~ /order_state/status: "));
    // Errors: a bad format, a snapshot of another kind, a missing id.
    const Run format = cli({ QStringLiteral("diff"), older, newer, QStringLiteral("--db"), m_db,
        QStringLiteral("--format"), QStringLiteral("html") });
    QCOMPARE(format.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(format, "--format");
    const Run chat = cli({ QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
        QStringLiteral("acme-th"), QStringLiteral("--kind"), QStringLiteral("chat"), QStringLiteral("--json"),
        QStringLiteral("--limit"), QStringLiteral("1") });
    const QString chatId = QJsonDocument::fromJson(chat.out.trimmed()).object().value(u"id").toString();
    const Run kinds = cli({ QStringLiteral("diff"), older, chatId, QStringLiteral("--db"), m_db });
    QVERIFY(kinds.exitCode != 0);
    QVERIFY_ONE_ERROR_LINE(kinds, "only snapshots of one kind can be compared");
    const Run one = cli({ QStringLiteral("diff"), older, QStringLiteral("--db"), m_db });
    QCOMPARE(one.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(one, "two snapshot ids");
}

void TestCli::jsonDiffAndApplyFiles()
{
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    };
    // 1,000 items; one quantity changed, one removed, one inserted: the plain file diff still finds the shift.
    QJsonArray items;
    for (int i = 0; i < 1000; ++i)
        items.append(QJsonObject {
            { QStringLiteral("item_code"), QStringLiteral("I%1").arg(i) }, { QStringLiteral("quantity"), i } });
    QJsonArray changed = items;
    changed.removeAt(100);
    changed.insert(
        700, QJsonObject { { QStringLiteral("item_code"), QStringLiteral("NEW") }, { QStringLiteral("quantity"), 1 } });
    QJsonObject edited = changed.at(900).toObject();
    edited.insert(QStringLiteral("quantity"), -5);
    changed.replace(900, edited);
    const QString a
        = write(QStringLiteral("a.json"), QJsonDocument(QJsonObject { { QStringLiteral("stocks"), items } }).toJson());
    const QString b = write(
        QStringLiteral("b.json"), QJsonDocument(QJsonObject { { QStringLiteral("stocks"), changed } }).toJson());
    const Run diff = cli({ QStringLiteral("json"), QStringLiteral("diff"), a, b });
    QCOMPARE(diff.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(diff.out).array().size(), 3);
    const QString patch = write(QStringLiteral("patch.json"), diff.out);
    const Run apply = cli({ QStringLiteral("json"), QStringLiteral("apply"), a, patch });
    QCOMPARE(apply.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(apply.out).object().value(u"stocks").toArray(), changed);
    // A failing patch: exit 1, one line naming the operation.
    const QString bad = write(QStringLiteral("bad.json"),
        R"([{"op":"test","path":"/stocks/0/quantity","value":0},{"op":"remove","path":"/nothing"}])");
    const Run failing = cli({ QStringLiteral("json"), QStringLiteral("apply"), a, bad });
    QCOMPARE(failing.exitCode, 1);
    QVERIFY_ONE_ERROR_LINE(failing, "patch operation 1 (remove)");
    QVERIFY(failing.out.isEmpty());
    // Malformed JSON is named with its position.
    const QString malformed = write(QStringLiteral("malformed.json"), "{\"a\": [1, 2,]}");
    const Run parse = cli({ QStringLiteral("json"), QStringLiteral("diff"), malformed, b });
    QVERIFY(parse.exitCode != 0);
    QVERIFY_ONE_ERROR_LINE(parse, "malformed.json: line 1, column 13: invalid value");
    // Numbers keep their digits through diff and apply (issue 21); out of range is refused with its place.
    const QString exactA = write(QStringLiteral("e1.json"), R"({"a":12345678901234567890,"b":1234567890.123456789})");
    const QString exactB = write(QStringLiteral("e2.json"), R"({"a":12345678901234567891,"b":1234567890.123456789})");
    const Run exactDiff = cli({ QStringLiteral("json"), QStringLiteral("diff"), exactA, exactB });
    QCOMPARE(exactDiff.exitCode, 0);
    QCOMPARE(exactDiff.out.trimmed(), QByteArray(R"([{"op":"replace","path":"/a","value":12345678901234567891}])"));
    const Run exactApply = cli(
        { QStringLiteral("json"), QStringLiteral("apply"), exactA, write(QStringLiteral("e.patch"), exactDiff.out) });
    QCOMPARE(exactApply.exitCode, 0);
    QCOMPARE(exactApply.out.trimmed(), QByteArray(R"({"a":12345678901234567891,"b":1234567890.123456789})"));
    const Run huge = cli({ QStringLiteral("json"), QStringLiteral("apply"),
        write(QStringLiteral("huge.json"), R"({"keep":1,"n":1e400})"), write(QStringLiteral("empty.patch"), "[]") });
    QCOMPARE(huge.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(huge, "huge.json: line 1, column 15: number out of range: 1e400");
    // Top-level scalars are JSON too.
    const Run scalars = cli({ QStringLiteral("json"), QStringLiteral("diff"), write(QStringLiteral("s1.json"), "1"),
        write(QStringLiteral("s2.json"), "\"x\"") });
    QCOMPARE(scalars.exitCode, 0);
    QCOMPARE(scalars.out.trimmed(), QByteArray(R"([{"op":"replace","path":"","value":"x"}])"));
}

void TestCli::seriesPrintsEveryPeriod()
{
    // Two weeks by day: 14 lines, one per day, each with every plotted field.
    const Run days = cli({ QStringLiteral("series"), QStringLiteral("inventory"), QStringLiteral("--db"), m_db,
        QStringLiteral("--tenant"), QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-10-12"),
        QStringLiteral("--to"), QStringLiteral("2026-10-25"), QStringLiteral("--json") });
    QCOMPARE(days.exitCode, 0);
    const QList<QByteArray> dayLines = days.out.trimmed().split('\n');
    QCOMPARE(dayLines.size(), 14);
    const QJsonObject first = QJsonDocument::fromJson(dayLines.at(0)).object();
    QCOMPARE(first.value(u"period").toString(), QStringLiteral("2026-10-12"));
    for (const char *field : { "opening", "closing", "inbound", "outbound", "adjustments", "total_value", "has_data" })
        QVERIFY2(first.contains(QLatin1String(field)), field);
    // The same range by week (Mondays): two periods; the week's opening is its first day's, its closing the last's.
    const Run weeks = cli({ QStringLiteral("series"), QStringLiteral("inventory"), QStringLiteral("--db"), m_db,
        QStringLiteral("--tenant"), QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-10-12"),
        QStringLiteral("--to"), QStringLiteral("2026-10-25"), QStringLiteral("--granularity"), QStringLiteral("week"),
        QStringLiteral("--json") });
    const QList<QByteArray> weekLines = weeks.out.trimmed().split('\n');
    QCOMPARE(weekLines.size(), 2);
    const QJsonObject week = QJsonDocument::fromJson(weekLines.at(0)).object();
    QCOMPARE(week.value(u"opening"), first.value(u"opening"));
    QCOMPARE(week.value(u"closing"), QJsonDocument::fromJson(dayLines.at(6)).object().value(u"closing"));
    qint64 inbound = 0;
    for (int i = 0; i < 7; ++i)
        inbound += QJsonDocument::fromJson(dayLines.at(i)).object().value(u"inbound").toInteger();
    QCOMPARE(week.value(u"inbound").toInteger(), inbound);
    // Chat, CSV: a header and one row per day.
    const Run chat = cli({ QStringLiteral("series"), QStringLiteral("chat"), QStringLiteral("--db"), m_db,
        QStringLiteral("--tenant"), QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-10-20"),
        QStringLiteral("--to"), QStringLiteral("2026-10-24"), QStringLiteral("--platform"), QStringLiteral("line") });
    QCOMPARE(chat.exitCode, 0);
    QVERIFY(chat.out.startsWith("period,conversations,converted,conversion_rate,"));
    QCOMPARE(chat.out.trimmed().split('\n').size(), 6);
    // Errors.
    const Run month = cli(
        { QStringLiteral("series"), QStringLiteral("chat"), QStringLiteral("--db"), m_db, QStringLiteral("--tenant"),
            QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-10-20"), QStringLiteral("--to"),
            QStringLiteral("2026-10-24"), QStringLiteral("--granularity"), QStringLiteral("month") });
    QCOMPARE(month.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(month, "--granularity");
    const Run range = cli({ QStringLiteral("series"), QStringLiteral("inventory"), QStringLiteral("--db"), m_db,
        QStringLiteral("--tenant"), QStringLiteral("acme-th"), QStringLiteral("--from"), QStringLiteral("2026-10-20"),
        QStringLiteral("--to"), QStringLiteral("2026-10-01") });
    QCOMPARE(range.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(range, "--from is after --to");
    const Run wrong = cli({ QStringLiteral("series"), QStringLiteral("inventory"), QStringLiteral("--db"), m_db,
        QStringLiteral("--from"), QStringLiteral("2026-10-01"), QStringLiteral("--to"), QStringLiteral("2026-10-02"),
        QStringLiteral("--platform"), QStringLiteral("line") });
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY_ONE_ERROR_LINE(wrong, "does not take --platform");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
