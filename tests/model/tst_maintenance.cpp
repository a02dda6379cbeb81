#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>

#include "common/testsupport.h"
#include "domain/snapshotid.h"
#include "ops/cleanuprunner.h"
#include "ops/retentionplanner.h"
#include "ops/schedulerunner.h"
#include "ops/snapshotarchive.h"
#include "ops/snapshottaker.h"
#include "ops/trashbin.h"
#include "store/snapshotstore.h"

// The maintenance use cases against a real store, SQLite or PostgreSQL (SNAPSCOPE_TEST_BACKEND): manual snapshots
// from the source tables, cleanup with archive, trash, purge and import, audit rows, schedule leases between two
// processes, and a cleanup killed mid-run.
class TestMaintenance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void takesSnapshotsFromTheSources();
    void accountCooldown();
    void archivePurgeImportRestoresChecksums();
    void auditRowsForEachAction();
    void twoRunnersRunEachDueScheduleOnce();
    void vanishedRunnerLosesItsLease();
    void killedCleanupLeavesWholeBatches();
    void killedPurgeAuditsWhatItDeleted();

private:
    QStringList cliConnection() const;
    qint64 scalar(const QString &sql);
    void putAccounts(int entities, int versions);

    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
    const QString m_tenant = QStringLiteral("t1");
    const QString m_actor = QStringLiteral("test.admin");
};

namespace {
constexpr qint64 DayMs = 86'400'000;

struct Run
{
    int exitCode = -1;
    QString out, err;
};

// SIGKILL to a child that still runs. A finished QProcess has process id 0, and kill(0, ...) would hit this test's
// whole process group (ctest with it).
void killNow(QProcess &process)
{
    if (const qint64 pid = process.processId(); pid > 0 && process.state() != QProcess::NotRunning)
        ::kill(pid_t(pid), SIGKILL);
}

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    process.waitForFinished(120000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}
} // namespace

void TestMaintenance::init()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "maintenance.sqlite");
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant(
        { m_tenant, QStringLiteral("Test"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
}

void TestMaintenance::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QStringList TestMaintenance::cliConnection() const
{
    return TestSupport::cliConnection(m_spec);
}

qint64 TestMaintenance::scalar(const QString &sql)
{
    return TestSupport::scalar(m_spec, sql);
}

void TestMaintenance::putAccounts(int entities, int versions)
{
    QList<NewSnapshot> batch;
    const EpochMs start = QDateTime::currentMSecsSinceEpoch() - 400 * DayMs;
    for (int v = 0; v < versions; ++v) {
        for (int e = 0; e < entities; ++e) {
            NewSnapshot s;
            s.tenant = m_tenant;
            s.kind = QStringLiteral("account");
            s.entityId = QStringLiteral("ACC-%1").arg(e);
            s.takenAt = start + qint64(v) * DayMs + e;
            s.type = QStringLiteral("manual");
            s.payload = { { QStringLiteral("account_id"), s.entityId }, { QStringLiteral("health_score"), v % 100 },
                { QStringLiteral("note"), QStringLiteral("บัญชี %1 รุ่น %2").arg(e).arg(v) },
                { QStringLiteral("contact_email"), QStringLiteral("owner%1@example.co.th").arg(e) } };
            batch.append(s);
        }
    }
    for (qsizetype first = 0; first < batch.size(); first += 1000)
        QVERIFY(m_store->putBatch(batch.mid(first, 1000)));
}

void TestMaintenance::takesSnapshotsFromTheSources()
{
    // Stock: 10,000 items in one store, two in another.
    QList<StockLevel> levels;
    for (int i = 0; i < 10000; ++i)
        levels.append({ m_tenant, QStringLiteral("S1"), QStringLiteral("I%1").arg(i, 5, 10, QLatin1Char('0')),
            QStringLiteral("สินค้า %1").arg(i), i % 50, 5, 10, 20, 0 });
    levels.append({ m_tenant, QStringLiteral("S2"), QStringLiteral("A"), QStringLiteral("a"), 1, 0, 0, 0, 0 });
    levels.append({ m_tenant, QStringLiteral("S2"), QStringLiteral("B"), QStringLiteral("b"), 2, 0, 0, 0, 0 });
    QVERIFY(m_store->sources().putStockLevels(levels));
    TakeRequest request;
    request.tenant = m_tenant;
    request.kind = QStringLiteral("stock");
    request.allStores = true;
    request.actor = m_actor;
    auto stock = SnapshotTaker(*m_store).take(request);
    QVERIFY2(stock, qPrintable(stock ? QString() : stock.error().message));
    QCOMPARE(stock->taken.size(), 2);
    auto big = m_store->load(stock->taken.at(0).id);
    QVERIFY(big);
    const QJsonObject bigPayload = QJsonDocument::fromJson(big->payload).object();
    QCOMPARE(bigPayload.value(u"store_code").toString(), QStringLiteral("S1"));
    QCOMPARE(bigPayload.value(u"stocks").toArray().size(), 10000);
    QCOMPARE(bigPayload.value(u"stocks").toArray().at(49).toObject().value(u"quantity").toInt(), 49);
    QCOMPARE(big->header.createdBy, m_actor);
    QCOMPARE(big->header.type, QStringLiteral("manual"));

    // Nothing changed since: a second manual snapshot says so instead of storing the same again.
    auto again = SnapshotTaker(*m_store).take(request);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->taken.size(), 0);
    QCOMPARE(again->skipped.size(), 2);
    QVERIFY2(again->skipped.first().contains(QStringLiteral("stock S1: unchanged since version 1")),
        qPrintable(again->skipped.first()));
    // One item counted differently: that store's snapshot is stored, the other's is not.
    levels.last().quantity = 3;
    QVERIFY(m_store->sources().putStockLevels({ levels.last() }));
    auto changed = SnapshotTaker(*m_store).take(request);
    QVERIFY(changed);
    QCOMPARE(changed->taken.size(), 1);
    QCOMPARE(changed->taken.first().entityId, QStringLiteral("S2"));
    QCOMPARE(changed->taken.first().version, 2);
    // A schedule keeps its cadence: a scheduled snapshot is stored even when nothing changed.
    request.type = QStringLiteral("scheduled");
    auto scheduled = SnapshotTaker(*m_store).take(request);
    QVERIFY(scheduled);
    QCOMPARE(scheduled->taken.size(), 2);
    request.type = QStringLiteral("manual");

    // An aggregate: the snapshot at event 2 plus event 3.
    const EpochMs t = QDateTime::currentMSecsSinceEpoch() - DayMs;
    const auto patch = [](const char *op, const char *path, const QJsonValue &value) {
        return QJsonObject { { QStringLiteral("patch"),
            QJsonArray { QJsonObject { { QStringLiteral("op"), QString::fromLatin1(op) },
                { QStringLiteral("path"), QString::fromLatin1(path) }, { QStringLiteral("value"), value } } } } };
    };
    QVERIFY(m_store->sources().appendEvents({ { m_tenant, QStringLiteral("cart-1"), 1, QStringLiteral("Created"), t,
                                                  patch("add", "/status", QStringLiteral("open")) },
        { m_tenant, QStringLiteral("cart-1"), 2, QStringLiteral("Total"), t + 1, patch("add", "/total", 10) },
        { m_tenant, QStringLiteral("cart-1"), 3, QStringLiteral("Total"), t + 2, patch("replace", "/total", 25) } }));
    NewSnapshot atTwo;
    atTwo.tenant = m_tenant;
    atTwo.kind = QStringLiteral("aggregate");
    atTwo.entityId = QStringLiteral("cart-1");
    atTwo.takenAt = t + 1;
    atTwo.type = QStringLiteral("event_driven");
    atTwo.eventSeq = 2;
    // The stored state says "from snapshot": folding all events from scratch would not produce this member.
    atTwo.payload = { { QStringLiteral("status"), QStringLiteral("open") }, { QStringLiteral("total"), 10 },
        { QStringLiteral("from_snapshot"), true } };
    QVERIFY(m_store->put(atTwo));
    request = {};
    request.tenant = m_tenant;
    request.kind = QStringLiteral("aggregate");
    request.entityId = QStringLiteral("cart-1");
    request.actor = m_actor;
    auto folded = SnapshotTaker(*m_store).take(request);
    QVERIFY2(folded, qPrintable(folded ? QString() : folded.error().message));
    auto state = m_store->load(folded->taken.first().id);
    QVERIFY(state);
    const QJsonObject s = QJsonDocument::fromJson(state->payload).object();
    QCOMPARE(s.value(u"total").toInt(), 25);
    QCOMPARE(s.value(u"from_snapshot").toBool(), true);
    QCOMPARE(s.value(u"event_seq").toInt(), 3);
    QCOMPARE(state->header.eventSeq.value_or(0), 3);

    // A day of inventory: yesterday's closing 10 at 2.00, then +5 restocked, -3 sold, -1 damaged.
    const QTimeZone bangkok("Asia/Bangkok");
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(bangkok).date();
    const QDate day = today.addDays(-1);
    NewSnapshot before;
    before.tenant = m_tenant;
    before.kind = QStringLiteral("daily_inventory");
    before.entityId = QStringLiteral("S1:P1");
    before.takenAt = QDateTime(day.addDays(-1), QTime(23, 59), bangkok).toMSecsSinceEpoch();
    before.type = QStringLiteral("daily");
    before.payload = { { QStringLiteral("product_id"), QStringLiteral("P1") },
        { QStringLiteral("store_code"), QStringLiteral("S1") },
        { QStringLiteral("day"), day.addDays(-1).toString(Qt::ISODate) }, { QStringLiteral("opening_stock"), 10 },
        { QStringLiteral("inbound"), 0 }, { QStringLiteral("outbound"), 0 }, { QStringLiteral("adjustments"), 0 },
        { QStringLiteral("closing_stock"), 10 }, { QStringLiteral("average_cost"), 2.0 },
        { QStringLiteral("total_value"), 20.0 } };
    QVERIFY(m_store->put(before));
    const EpochMs noon = QDateTime(day, QTime(12, 0), bangkok).toMSecsSinceEpoch();
    QVERIFY(m_store->sources().appendInventoryTransactions(
        { { QStringLiteral("TX1"), m_tenant, QStringLiteral("S1"), QStringLiteral("P1"), QStringLiteral("restocked"), 5,
              {}, {}, noon },
            { QStringLiteral("TX2"), m_tenant, QStringLiteral("S1"), QStringLiteral("P1"), QStringLiteral("deducted"),
                -3, {}, QStringLiteral("ORD-1"), noon + 1 },
            { QStringLiteral("TX3"), m_tenant, QStringLiteral("S1"), QStringLiteral("P1"), QStringLiteral("damaged"),
                -1, {}, {}, noon + 2 },
            { QStringLiteral("TX4"), m_tenant, QStringLiteral("S1"), QStringLiteral("P1"), QStringLiteral("deducted"),
                -7, {}, {}, QDateTime(today, QTime(1, 0), bangkok).toMSecsSinceEpoch() } }));
    request = {};
    request.tenant = m_tenant;
    request.kind = QStringLiteral("daily_inventory");
    request.storeCodes = { QStringLiteral("S1") };
    request.date = day;
    request.actor = m_actor;
    auto daily = SnapshotTaker(*m_store).take(request);
    QVERIFY2(daily, qPrintable(daily ? QString() : daily.error().message));
    QCOMPARE(daily->taken.size(), 1);
    auto dayState = m_store->load(daily->taken.first().id);
    QVERIFY(dayState);
    const QJsonObject d = QJsonDocument::fromJson(dayState->payload).object();
    QCOMPARE(d.value(u"opening_stock").toInt(), 10);
    QCOMPARE(d.value(u"total_inbound").toInt(), 5);
    QCOMPARE(d.value(u"total_outbound").toInt(), 3);
    QCOMPARE(d.value(u"adjustments").toInt(), -1);
    QCOMPARE(d.value(u"closing_stock").toInt(), 11);
    QCOMPARE(d.value(u"average_cost").toDouble(), 2.0);
    QCOMPARE(d.value(u"total_value").toDouble(), 22.0);
    QCOMPARE(d.value(u"snapshot_date").toString(), day.toString(Qt::ISODate));
    QCOMPARE(d.value(u"store_code").toString(), QStringLiteral("S1"));

    // A kind taken by its own service is refused with a reason.
    request.kind = QStringLiteral("chat");
    auto refused = SnapshotTaker(*m_store).take(request);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("own service")));
}

void TestMaintenance::accountCooldown()
{
    NewSnapshot recent;
    recent.tenant = m_tenant;
    recent.kind = QStringLiteral("account");
    recent.entityId = QStringLiteral("ACC-1");
    recent.takenAt = QDateTime::currentMSecsSinceEpoch() - 60'000;
    recent.type = QStringLiteral("event_driven");
    recent.payload
        = { { QStringLiteral("account_id"), QStringLiteral("ACC-1") }, { QStringLiteral("health_score"), 80 } };
    QVERIFY(m_store->put(recent));
    TakeRequest request;
    request.tenant = m_tenant;
    request.kind = QStringLiteral("account");
    request.entityId = QStringLiteral("ACC-1");
    request.type = QStringLiteral("event_driven");
    request.actor = m_actor;
    auto skipped = SnapshotTaker(*m_store).take(request);
    QVERIFY(skipped);
    QCOMPARE(skipped->taken.size(), 0);
    QCOMPARE(skipped->skipped.size(), 1);
    QVERIFY2(
        skipped->skipped.first().contains(QStringLiteral("cooldown has 4 min")), qPrintable(skipped->skipped.first()));
    request.type = QStringLiteral("manual");
    auto manual = SnapshotTaker(*m_store).take(request);
    QVERIFY(manual);
    QCOMPARE(manual->taken.size(), 1);
}

void TestMaintenance::archivePurgeImportRestoresChecksums()
{
    putAccounts(5, 20);
    SnapshotQuery all;
    all.tenant = m_tenant;
    all.kind = QStringLiteral("account");
    PageRequest page;
    page.limit = 1000;
    auto before = m_store->listHeaders(all, page);
    QVERIFY(before);
    QCOMPARE(before->headers.size(), 100);
    QHash<QString, QString> checksums;
    for (const SnapshotHeader &h : std::as_const(before->headers))
        checksums.insert(h.id, h.checksum);
    // Pin one that the policy would delete: it stays.
    const QString pinned = before->headers.last().id;
    QVERIFY(m_store->setPinned(pinned, true, QStringLiteral("dispute 42"), m_actor));

    RetentionPolicy policy;
    policy.kind = QStringLiteral("account");
    policy.keepLast = 3;
    auto candidates = m_store->maintenance().retentionCandidates(m_tenant, policy.kind);
    QVERIFY(candidates);
    const RetentionPlan plan
        = RetentionPlanner::plan(std::move(*candidates), policy, QDateTime::currentMSecsSinceEpoch(), QTimeZone::utc());
    QCOMPARE(plan.keepCount, 5 * 3 + 1);
    QCOMPARE(plan.deleteCount, 100 - 16);
    CleanupOptions options;
    options.tenant = m_tenant;
    options.actor = m_actor;
    options.archivePath = m_dir ? m_dir->filePath(QStringLiteral("a.ndjson.zst"))
                                : QDir::temp().filePath(QStringLiteral("snapscope-test-a.ndjson.zst"));
    options.batchSize = 7;
    if (!m_dir)
        QFile::remove(options.archivePath); // left by an earlier run that failed
    auto report = CleanupRunner(*m_store).run(plan, options);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->trashed, 84);
    QCOMPARE(report->archived, 84);
    QCOMPARE(m_store->countHeaders(all).value(), 16);
    QCOMPARE(m_store->maintenance().trashCount(m_tenant).value(), 84);

    // A second cleanup to the same path is refused before a row changes: it used to replace the archive, and the
    // first cleanup's rows were then in no archive.
    RetentionPolicy tighter = policy;
    tighter.keepLast = 1;
    auto remaining = m_store->maintenance().retentionCandidates(m_tenant, policy.kind);
    QVERIFY(remaining);
    const RetentionPlan second
        = RetentionPlanner::plan(std::move(*remaining), tighter, QDateTime::currentMSecsSinceEpoch(), QTimeZone::utc());
    QVERIFY(second.deleteCount > 0);
    auto refused = CleanupRunner(*m_store).run(second, options);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("exists already")), qPrintable(refused.error().message));
    QCOMPARE(m_store->countHeaders(all).value(), 16);
    QCOMPARE(m_store->maintenance().trashCount(m_tenant).value(), 84);

    // Restore one, purge the rest, import the archive: every snapshot is back with its checksum.
    TrashBin bin(*m_store, m_tenant, m_actor);
    const QString someTrashed = plan.idsToDelete().first().toString(QUuid::WithoutBraces);
    QVERIFY(bin.restore({ someTrashed }));
    QCOMPARE(m_store->countHeaders(all).value(), 17);
    auto purged = bin.purge(-1); // everything trashed up to a day from now
    QVERIFY(purged);
    QCOMPARE(*purged, 83);
    QCOMPARE(m_store->maintenance().trashCount(m_tenant).value(), 0);
    auto imported = bin.importArchive(options.archivePath);
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
    QCOMPARE(imported->lines, 84);
    QCOMPARE(imported->inserted, 83); // the restored one was still there
    auto after = m_store->listHeaders(all, page);
    QVERIFY(after);
    QCOMPARE(after->headers.size(), 100);
    // On PostgreSQL they are put back as the writer stores them, the e-mail address kept apart (issue 26).
    for (const SnapshotHeader &h : std::as_const(after->headers)) {
        QCOMPARE(h.checksum, checksums.value(h.id));
        QCOMPARE(!h.withheldChecksum.isEmpty(), m_store->keepsPersonalApart());
        auto loaded = m_store->load(h.id);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QVERIFY(loaded->payload.contains("@example.co.th"));
    }
    // An archive of a tenant this database does not hold is refused whole (it used to leave orphan rows).
    auto archived = SnapshotArchive::read(options.archivePath);
    QVERIFY(archived);
    QList<MaintenanceStore::ArchivedRow> foreign = archived->mid(0, 3);
    for (MaintenanceStore::ArchivedRow &row : foreign) {
        row.header.tenant = QStringLiteral("nobody-here");
        row.header.id = SnapshotId::generate(row.header.takenAt);
    }
    SnapshotQuery nobody;
    nobody.tenant = QStringLiteral("nobody-here");
    auto orphans = m_store->maintenance().importArchived(foreign);
    QVERIFY(!orphans);
    QVERIFY2(orphans.error().message.contains(QStringLiteral("nobody-here")), qPrintable(orphans.error().message));
    QCOMPARE(m_store->countHeaders(nobody).value(), 0);
    if (!m_dir)
        QFile::remove(options.archivePath);
}

void TestMaintenance::auditRowsForEachAction()
{
    putAccounts(2, 3);
    QVERIFY(m_store->sources().putStockLevels(
        { { m_tenant, QStringLiteral("S1"), QStringLiteral("A"), QStringLiteral("a"), 1, 0, 0, 0, 0 } }));
    TakeRequest take;
    take.tenant = m_tenant;
    take.kind = QStringLiteral("stock");
    take.storeCodes = { QStringLiteral("S1") };
    take.actor = m_actor;
    QVERIFY(SnapshotTaker(*m_store).take(take));
    RetentionPolicy policy;
    policy.kind = QStringLiteral("account");
    policy.keepLast = 1;
    QVERIFY(m_store->maintenance().saveRetentionPolicy(m_tenant, policy, m_actor));
    auto stored = m_store->maintenance().retentionPolicy(m_tenant, policy.kind);
    QVERIFY(stored && *stored);
    QVERIFY(**stored == policy);
    auto candidates = m_store->maintenance().retentionCandidates(m_tenant, policy.kind);
    QVERIFY(candidates);
    CleanupOptions options;
    options.tenant = m_tenant;
    options.actor = m_actor;
    QVERIFY(CleanupRunner(*m_store).run(
        RetentionPlanner::plan(std::move(*candidates), policy, QDateTime::currentMSecsSinceEpoch(), QTimeZone::utc()),
        options));
    SnapshotQuery trashed;
    trashed.tenant = m_tenant;
    trashed.trash = SnapshotQuery::Trash::Only;
    auto page = m_store->listHeaders(trashed, {});
    QVERIFY(page && page->headers.size() == 4);
    TrashBin bin(*m_store, m_tenant, m_actor);
    QVERIFY(bin.restore({ page->headers.first().id }));
    QVERIFY(bin.purge(7));
    QVERIFY(m_store->setPinned(page->headers.first().id, true, QStringLiteral("hold"), m_actor));
    QVERIFY(m_store->setPinned(page->headers.first().id, false, {}, m_actor));
    Schedule schedule;
    schedule.id = QStringLiteral("sch-1");
    schedule.tenant = m_tenant;
    schedule.name = QStringLiteral("Nightly");
    schedule.cron = QStringLiteral("0 2 * * *");
    schedule.action.kind = QStringLiteral("stock");
    QVERIFY(m_store->maintenance().saveSchedule(schedule, m_actor));
    schedule.enabled = false;
    QVERIFY(m_store->maintenance().saveSchedule(schedule, m_actor));
    QVERIFY(m_store->maintenance().deleteSchedule(schedule.id, m_actor));

    AuditQuery query;
    query.tenant = m_tenant;
    auto entries = m_store->maintenance().auditLog(query);
    QVERIFY(entries);
    QStringList actions;
    for (const AuditEntry &e : std::as_const(*entries)) {
        actions.prepend(e.action);
        QCOMPARE(e.actor, m_actor);
        QVERIFY(!e.host.isEmpty());
    }
    const QStringList expected { QStringLiteral("snapshot.take"), QStringLiteral("policy.save"),
        QStringLiteral("cleanup.start"), QStringLiteral("cleanup"), QStringLiteral("trash.restore"),
        QStringLiteral("trash.purge"), QStringLiteral("pin"), QStringLiteral("unpin"),
        QStringLiteral("schedule.create"), QStringLiteral("schedule.update"), QStringLiteral("schedule.delete") };
    QCOMPARE(actions, expected);
    query.action = QStringLiteral("schedule.");
    QCOMPARE(m_store->maintenance().auditLog(query)->size(), 3);
    // Append-only: the database itself refuses to change a row.
    TestSupport::SideConnection side(m_spec);
    QSqlQuery update(side.db());
    QVERIFY(!update.exec(QStringLiteral("UPDATE audit_log SET actor = 'x'")));
}

void TestMaintenance::twoRunnersRunEachDueScheduleOnce()
{
    QVERIFY(m_store->sources().putStockLevels(
        { { m_tenant, QStringLiteral("S1"), QStringLiteral("A"), QStringLiteral("a"), 1, 0, 0, 0, 0 },
            { m_tenant, QStringLiteral("S2"), QStringLiteral("B"), QStringLiteral("b"), 2, 0, 0, 0, 0 } }));
    constexpr int Schedules = 6;
    const EpochMs past = QDateTime::currentMSecsSinceEpoch() - 60'000;
    for (int i = 0; i < Schedules; ++i) {
        Schedule s;
        s.id = QStringLiteral("sch-%1").arg(i);
        s.tenant = m_tenant;
        s.name = QStringLiteral("Stock %1").arg(i);
        s.cron = QStringLiteral("*/5 * * * *");
        s.timeZone = QStringLiteral("Asia/Bangkok");
        s.action.kind = QStringLiteral("stock");
        s.action.targets = { QStringLiteral("all") };
        s.nextRunAt = past;
        QVERIFY(m_store->maintenance().saveSchedule(s, m_actor));
    }
    QStringList arguments = cliConnection();
    arguments << QStringLiteral("schedule") << QStringLiteral("run-due");
    QProcess first, second;
    first.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    second.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    QVERIFY(first.waitForFinished(120000));
    QVERIFY(second.waitForFinished(120000));
    const QString output = QString::fromUtf8(first.readAllStandardOutput() + second.readAllStandardOutput());
    QVERIFY2(first.exitCode() == 0 && second.exitCode() == 0, qPrintable(output));
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), Schedules);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schedule_runs")), Schedules);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(DISTINCT schedule_id) FROM schedule_runs WHERE outcome = 'succeeded'")),
        Schedules);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE kind = 'stock' AND snapshot_type = 'scheduled'")),
        2 * Schedules);
    // Each schedule moved on to its next run, after now.
    auto schedules = m_store->maintenance().schedules(m_tenant);
    QVERIFY(schedules);
    for (const Schedule &s : std::as_const(*schedules)) {
        QVERIFY(s.lastExecutedAt);
        QVERIFY(s.nextRunAt && *s.nextRunAt > QDateTime::currentMSecsSinceEpoch() - 1000);
        QCOMPARE(m_store->maintenance().scheduleRuns(s.id, 10)->size(), 1);
    }
    // Nothing is due now: a third runner does nothing.
    const Run third = cli(arguments);
    QCOMPARE(third.exitCode, 0);
    QCOMPARE(third.out, QString());
}

void TestMaintenance::vanishedRunnerLosesItsLease()
{
    QVERIFY(m_store->sources().putStockLevels(
        { { m_tenant, QStringLiteral("S1"), QStringLiteral("A"), QStringLiteral("a"), 1, 0, 0, 0, 0 } }));
    const EpochMs now = QDateTime::currentMSecsSinceEpoch();
    const EpochMs occurrence = now - 120'000;
    Schedule s;
    s.id = QStringLiteral("sch-ghost");
    s.tenant = m_tenant;
    s.name = QStringLiteral("Stock");
    s.cron = QStringLiteral("*/5 * * * *");
    s.timeZone = QStringLiteral("Asia/Bangkok");
    s.action.kind = QStringLiteral("stock");
    s.action.targets = { QStringLiteral("all") };
    s.nextRunAt = occurrence;
    QVERIFY(m_store->maintenance().saveSchedule(s, m_actor));
    // What a runner killed mid-run leaves: its attempt 'running', its lease no longer renewed.
    auto ghost = m_store->maintenance().claimRun(s.id, occurrence, QStringLiteral("ghost:1"), now - 90'000, 30'000);
    QVERIFY(ghost && *ghost == 1);
    // A live holder keeps it: a runner finding its lease unexpired leaves the occurrence alone.
    auto early = m_store->maintenance().claimRun(s.id, occurrence, QStringLiteral("early:2"), now - 61'000, 60'000);
    QVERIFY(early);
    QCOMPARE(*early, std::nullopt);

    QStringList arguments = cliConnection();
    arguments << QStringLiteral("schedule") << QStringLiteral("run-due") << QStringLiteral("--lease")
              << QStringLiteral("60");
    const Run run = cli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(u'\n'), 1);
    QVERIFY2(run.out.contains(QStringLiteral("succeeded")), qPrintable(run.out));
    auto runs = m_store->maintenance().scheduleRuns(s.id, 10);
    QVERIFY(runs);
    QCOMPARE(runs->size(), 2);
    QCOMPARE(runs->at(0).attempt, 2);
    QCOMPARE(runs->at(0).outcome, QStringLiteral("succeeded"));
    QCOMPARE(runs->at(1).attempt, 1);
    QCOMPARE(runs->at(1).outcome, QStringLiteral("failed"));
    QVERIFY2(runs->at(1).error.startsWith(QStringLiteral("runner vanished: ghost:1 stopped renewing its lease")),
        qPrintable(runs->at(1).error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'schedule.lease_expired' AND "
                                   "outcome = 'failed' AND tenant_id = 't1'")),
        1);
    // The schedule moved on; the finished occurrence is never claimed again.
    auto again = m_store->maintenance().claimRun(s.id, occurrence, QStringLiteral("late:3"), now + 3'600'000, 1000);
    QVERIFY(again);
    QCOMPARE(*again, std::nullopt);
    auto stored = m_store->maintenance().schedule(s.id);
    QVERIFY(stored && stored->nextRunAt && *stored->nextRunAt > now - 1000);
    const Run history = cli(cliConnection() << QStringLiteral("schedule") << QStringLiteral("history") << s.id);
    QVERIFY2(history.out.contains(QStringLiteral("(attempt 2)\tsucceeded")), qPrintable(history.out));
}

void TestMaintenance::killedCleanupLeavesWholeBatches()
{
    putAccounts(30, 100);
    constexpr int Batch = 10;
    QStringList arguments = cliConnection();
    arguments << QStringLiteral("cleanup") << QStringLiteral("--tenant") << m_tenant << QStringLiteral("--kind")
              << QStringLiteral("account") << QStringLiteral("--keep-last") << QStringLiteral("1")
              << QStringLiteral("--batch-size") << QString::number(Batch) << QStringLiteral("--yes");
    QProcess process;
    process.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    // The first progress line comes as the trash phase starts; the kill lands within the batches.
    QByteArray progress;
    const auto started = [&] {
        progress += process.readAllStandardError();
        return progress.contains("trash:") || process.state() == QProcess::NotRunning;
    };
    QTRY_VERIFY_WITH_TIMEOUT(started(), 60000);
    killNow(process);
    process.waitForFinished(30000);
    const qint64 trashedFirst = scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL"));
    qInfo("killed after %lld of 2970 snapshots were trashed", trashedFirst);
    QCOMPARE(trashedFirst % Batch, 0);
    QVERIFY(trashedFirst <= 2970);
    if (m_spec.backend == ConnectionSpec::Backend::SQLite)
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")), 0);
    const Run again = cli(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NOT NULL")), 2970);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE deleted_at IS NULL")), 30);
    // The killed run's start is in the audit log, with no end; the second run has both.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cleanup.start'")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'cleanup'")),
        trashedFirst == 2970 ? 2 : 1);
}

void TestMaintenance::killedPurgeAuditsWhatItDeleted()
{
    // 120 batches of 100 in the trash; the purge is killed once its first batch is gone. Every deleted snapshot is
    // in an audit row: each batch writes its row in its own transaction (a killed purge left none).
    putAccounts(120, 100);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 12000);
    {
        TestSupport::SideConnection side(m_spec);
        QSqlQuery query(side.db());
        QVERIFY(query.exec(QStringLiteral("UPDATE snapshots SET deleted_at = 1")));
    }
    QStringList arguments = cliConnection();
    arguments << QStringLiteral("trash") << QStringLiteral("purge") << QStringLiteral("--tenant") << m_tenant
              << QStringLiteral("--older-than") << QStringLiteral("0") << QStringLiteral("--batch-size")
              << QStringLiteral("100");
    QProcess process;
    process.start(QStringLiteral(SNAPSCOPE_CLI_PATH), arguments);
    QByteArray progress;
    const auto firstBatchGone = [&] {
        progress += process.readAllStandardError();
        return progress.contains("purge:") || process.state() == QProcess::NotRunning;
    };
    QTRY_VERIFY_WITH_TIMEOUT(firstBatchGone(), 60000);
    killNow(process);
    process.waitForFinished(30000);
    if (process.exitStatus() != QProcess::CrashExit)
        QSKIP("the purge finished before it could be killed: nothing to check");
    const qint64 deleted = 12000 - scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots"));
    qInfo("killed after %lld of 12000 snapshots were purged", deleted);
    QVERIFY(deleted >= 100 && deleted < 12000);
    const QString audited = m_spec.backend == ConnectionSpec::Backend::SQLite
        ? QStringLiteral("SELECT COALESCE(SUM(json_extract(details, '$.purged')), 0) FROM audit_log "
                         "WHERE action = 'trash.purge'")
        : QStringLiteral("SELECT COALESCE(SUM((details->>'purged')::bigint), 0) FROM audit_log "
                         "WHERE action = 'trash.purge'");
    QCOMPARE(scalar(audited), deleted);
    // A second run finishes the job and audits the rest.
    const Run again = cli(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots")), 0);
    QCOMPARE(scalar(audited), 12000);
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestMaintenance, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_maintenance.moc"
