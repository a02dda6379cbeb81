#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include "common/cartfixture.h"
#include "common/testsupport.h"
#include "ops/replayverifier.h"
#include "ops/retentionplanner.h"
#include "ops/schedulerunner.h"
#include "ops/snapshotcompactor.h"
#include "ops/snapshottaker.h"
#include "ops/statereconstructor.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsondiff.h"

// Point-in-time state against a real store, SQLite or PostgreSQL (SNAPSCOPE_TEST_BACKEND): hybrid equals full replay,
// time targets between events, incremental chains, a damaged delta named, the planner keeping bases, compaction.
class TestHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void hybridEqualsFullReplayAtRandomTargets();
    void timeBetweenTwoEventsGivesTheEarlierState();
    void incrementalChainsRoundTrip();
    void compactionRewritesAndWritesStrategySnapshots();
    void interruptedReencodingIsFinished();
    void damagedDeltaIsNamed();
    void reconstructionSkipsACorruptSnapshot();
    void plannerKeepsBasesOfKeptDeltas();
    void replayVerifierReportsAMismatch();
    void eventStoreSnapshotsHoldTheStateInTheirData();
    void scheduleRunsACompaction();
    void runnerWhoseLeaseIsTakenStops();

private:
    // An aggregate of `events` events (a cart, as the demo's), with a full snapshot every `every` events (0: none).
    // Returns the folded state after each event (index = seq).
    QList<QJsonObject> putAggregate(const QString &id, int events, int every, quint32 seed);
    void exec(const QString &sql);

    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
    const QString m_tenant = QStringLiteral("t1");
    const QString m_kind = QStringLiteral("aggregate");
    const EpochMs m_start = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch();
};

void TestHistory::init()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "history.sqlite");
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant({ m_tenant, QStringLiteral("Test"), QStringLiteral("UTC"), QStringLiteral("THB") }));
}

void TestHistory::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestHistory::exec(const QString &sql)
{
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY2(query.exec(sql), qPrintable(sql + u' ' + query.lastError().text()));
}

QList<QJsonObject> TestHistory::putAggregate(const QString &id, int events, int every, quint32 seed)
{
    CartFixture::Options o;
    o.tenant = m_tenant;
    o.id = id;
    o.events = events;
    o.snapshotEvery = every;
    o.seed = seed;
    o.start = m_start;
    const QList<QJsonObject> states = CartFixture::put(*m_store, o);
    if (states.isEmpty())
        qFatal("could not write the cart %s", qPrintable(id));
    return states;
}

void TestHistory::hybridEqualsFullReplayAtRandomTargets()
{
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-1"), 300, 25, 7);
    StateReconstructor reconstructor(*m_store);
    QRandomGenerator rng(11);
    for (int round = 0; round < 40; ++round) {
        const qint64 seq = rng.bounded(1, 301);
        StateReconstructor::Target target;
        target.seq = seq;
        auto hybrid = reconstructor.reconstruct(
            m_tenant, m_kind, QStringLiteral("cart-1"), target, StateReconstructor::Method::Hybrid);
        auto full = reconstructor.reconstruct(
            m_tenant, m_kind, QStringLiteral("cart-1"), target, StateReconstructor::Method::FullReplay);
        QVERIFY2(hybrid, qPrintable(hybrid ? QString() : hybrid.error().message));
        QVERIFY2(full, qPrintable(full ? QString() : full.error().message));
        QCOMPARE(CanonicalJson::write(hybrid->state), CanonicalJson::write(full->state));
        QCOMPARE(CanonicalJson::write(hybrid->state), CanonicalJson::write(states.at(seq)));
        QCOMPARE(hybrid->version, seq);
        QCOMPARE(full->eventsReplayed, int(seq));
        QVERIFY(full->fromSnapshot.isEmpty());
        // The newest snapshot at or before the target: at most 24 events to replay.
        QCOMPARE(hybrid->fromSnapshotSeq, seq / 25 * 25);
        QCOMPARE(hybrid->fromSnapshot.isEmpty(), seq < 25);
        QCOMPARE(hybrid->eventsReplayed, int(seq % 25));
        QCOMPARE(hybrid->timestamp, m_start + seq * 60'000);
    }
    StateReconstructor::Target beyond;
    beyond.seq = 301;
    QVERIFY(!reconstructor.reconstruct(
        m_tenant, m_kind, QStringLiteral("cart-1"), beyond, StateReconstructor::Method::Hybrid));
}

void TestHistory::timeBetweenTwoEventsGivesTheEarlierState()
{
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-2"), 60, 10, 3);
    StateReconstructor reconstructor(*m_store);
    StateReconstructor::Target target;
    target.at = m_start + 37 * 60'000 + 30'000; // between events 37 and 38
    auto r = reconstructor.reconstruct(
        m_tenant, m_kind, QStringLiteral("cart-2"), target, StateReconstructor::Method::Hybrid);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->version, 37);
    QCOMPARE(r->timestamp, m_start + 37 * 60'000);
    QCOMPARE(r->fromSnapshotSeq, 30);
    QCOMPARE(r->eventsReplayed, 7);
    QCOMPARE(CanonicalJson::write(r->state), CanonicalJson::write(states.at(37)));
    target.at = m_start + 38 * 60'000; // exactly at event 38: it has happened
    r = reconstructor.reconstruct(
        m_tenant, m_kind, QStringLiteral("cart-2"), target, StateReconstructor::Method::Hybrid);
    QVERIFY(r);
    QCOMPARE(r->version, 38);
    target.at = m_start; // before the first event
    r = reconstructor.reconstruct(
        m_tenant, m_kind, QStringLiteral("cart-2"), target, StateReconstructor::Method::Hybrid);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::NotFound);
}

void TestHistory::incrementalChainsRoundTrip()
{
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(m_kind);
    strategy.incremental = true;
    strategy.keyframeEvery = 10;
    // Chains of depth 1..K-1, then longer timelines that need a new keyframe every K versions.
    for (int versions = 2; versions <= 25; ++versions) {
        const QString id = QStringLiteral("chain-%1").arg(versions);
        const QList<QJsonObject> states = putAggregate(id, versions, 0, quint32(versions));
        QJsonObject previousState;
        QString previousId;
        int depth = 0;
        QStringList ids;
        for (int v = 1; v <= versions; ++v) {
            NewSnapshot s;
            s.tenant = m_tenant;
            s.kind = m_kind;
            s.entityId = id;
            s.takenAt = m_start + v * 60'000;
            s.type = QStringLiteral("event_driven");
            s.eventSeq = v;
            s.payload = states.at(v);
            depth = SnapshotCompactor::chooseStorage(
                s, previousState, previousId, depth, strategy, m_store->codec(), m_store->keepsPersonalApart());
            QCOMPARE(depth, (v - 1) % 10);
            auto written = m_store->put(s);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
            QCOMPARE(written->baseId.isEmpty(), depth == 0);
            previousState = s.payload;
            previousId = written->id;
            ids.append(written->id);
        }
        for (int v = 1; v <= versions; ++v) {
            auto loaded = m_store->load(ids.at(v - 1));
            QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
            QCOMPARE(loaded->payload, CanonicalJson::write(states.at(v)));
            QCOMPARE(loaded->header.checksum, PayloadCodec::checksumOf(loaded->payload));
            auto chain = m_store->history().chainDepth(ids.at(v - 1));
            QVERIFY(chain);
            QCOMPARE(*chain, (v - 1) % 10);
        }
    }
}

void TestHistory::compactionRewritesAndWritesStrategySnapshots()
{
    // 35 events, a full snapshot only at event 5: compaction with "every 10 events" adds 15, 25 and 35.
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-3"), 35, 0, 5);
    NewSnapshot first;
    first.tenant = m_tenant;
    first.kind = m_kind;
    first.entityId = QStringLiteral("cart-3");
    first.takenAt = m_start + 5 * 60'000;
    first.type = QStringLiteral("event_driven");
    first.eventSeq = 5;
    first.payload = states.at(5);
    QVERIFY(m_store->put(first));
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(m_kind);
    strategy.incremental = true;
    strategy.keyframeEvery = 3;
    QVERIFY(m_store->history().saveStrategy(m_tenant, strategy, QStringLiteral("tester")));
    SnapshotCompactor compactor(*m_store);
    auto report = compactor.run(m_tenant, m_kind, {}, QStringLiteral("tester"), QStringLiteral("test"));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->snapshotsWritten, 3);
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.kind = m_kind;
    query.entityId = QStringLiteral("cart-3");
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    auto page = m_store->listHeaders(query, request);
    QVERIFY(page);
    QCOMPARE(page->headers.size(), 4);
    const QList<qint64> seqs { 5, 15, 25, 35 };
    for (int i = 0; i < 4; ++i) {
        const SnapshotHeader &h = page->headers.at(i);
        QCOMPARE(*h.eventSeq, seqs.at(i));
        QCOMPARE(h.baseId.isEmpty(), i % 3 == 0); // keyframe every 3 versions
        auto loaded = m_store->load(h.id);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->payload, CanonicalJson::write(states.at(seqs.at(i))));
    }
    // Run again: nothing left to do. Then a full strategy turns every delta back into a keyframe.
    report = compactor.run(m_tenant, m_kind, {}, QStringLiteral("tester"), QStringLiteral("test"));
    QVERIFY(report);
    QCOMPARE(report->snapshotsWritten + report->storedAsDelta + report->storedAsKeyframe, 0);
    strategy.incremental = false;
    QVERIFY(m_store->history().saveStrategy(m_tenant, strategy, QStringLiteral("tester")));
    report
        = compactor.run(m_tenant, m_kind, QStringLiteral("cart-3"), QStringLiteral("tester"), QStringLiteral("test"));
    QVERIFY(report);
    QCOMPARE(report->storedAsKeyframe, 2);
    page = m_store->listHeaders(query, request);
    for (const SnapshotHeader &h : std::as_const(page->headers)) {
        QVERIFY(h.baseId.isEmpty());
        QVERIFY(m_store->load(h.id));
    }
    // Both runs were audited.
    AuditQuery audit;
    audit.tenant = m_tenant;
    audit.action = QStringLiteral("snapshot.compact");
    auto entries = m_store->maintenance().auditLog(audit);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 3);
}

void TestHistory::interruptedReencodingIsFinished()
{
    // 30 carts of 80 events with a snapshot every 10: 240 versions, 210 of them deltas once compacted (a keyframe
    // every 100): enough patches to train the delta dictionary and re-encode them with it.
    for (int i = 0; i < 30; ++i)
        putAggregate(QStringLiteral("cart-r%1").arg(i), 80, 10, quint32(100 + i));
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(m_kind);
    strategy.incremental = true;
    strategy.keyframeEvery = 100;
    QVERIFY(m_store->history().saveStrategy(m_tenant, strategy, QStringLiteral("tester")));
    SnapshotCompactor compactor(*m_store);
    auto report = compactor.run(m_tenant, m_kind, {}, QStringLiteral("tester"), QStringLiteral("test"));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(report->reencoded > 0);
    const QString withDictionary
        = PayloadCodec::dictionaryCodec(m_store->codec().activeDictionaryId(PayloadCodec::deltaKey(m_kind)));
    SnapshotQuery query;
    query.tenant = m_tenant;
    query.kind = m_kind;
    PageRequest request;
    request.limit = 1000;
    const auto deltas = [&] {
        QList<SnapshotHeader> out;
        auto page = m_store->listHeaders(query, request);
        for (const SnapshotHeader &h : page ? page->headers : QList<SnapshotHeader>())
            if (!h.baseId.isEmpty())
                out.append(h);
        return out;
    };
    // What a run killed while re-encoding leaves: the dictionary trained, half the patches on plain zstd still.
    const QList<SnapshotHeader> stored = deltas();
    QVERIFY(stored.size() >= 200);
    const PayloadCodec plain;
    {
        TestSupport::SideConnection side(m_spec);
        QSqlQuery update(side.db());
        for (qsizetype i = 0; i < stored.size(); i += 2) {
            const SnapshotHeader &h = stored.at(i);
            QCOMPARE(h.codec, withDictionary);
            auto blob = m_store->rawPayload(h.id);
            QVERIFY(blob);
            auto patch = m_store->codec().decode(h.codec, *blob, h.rawSize, QString());
            QVERIFY(patch);
            const EncodedPayload encoded = plain.encode(PayloadCodec::deltaKey(m_kind), *patch);
            QCOMPARE(encoded.codec, QStringLiteral("zstd"));
            update.prepare(QStringLiteral("UPDATE snapshots SET codec = ?, payload = ?, stored_size = ? WHERE id = ")
                + side.uuid());
            update.addBindValue(encoded.codec);
            update.addBindValue(encoded.blob);
            update.addBindValue(encoded.blob.size());
            update.addBindValue(h.id);
            QVERIFY(update.exec());
        }
    }
    // The next run finishes the work (it used to return at once, the dictionary being there).
    report = compactor.run(m_tenant, m_kind, {}, QStringLiteral("tester"), QStringLiteral("test"));
    QVERIFY(report);
    QCOMPARE(report->reencoded, int((stored.size() + 1) / 2));
    for (const SnapshotHeader &h : deltas()) {
        QCOMPARE(h.codec, withDictionary);
        QVERIFY(m_store->load(h.id));
    }
}

void TestHistory::damagedDeltaIsNamed()
{
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-4"), 4, 0, 9);
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(m_kind);
    strategy.incremental = true;
    QJsonObject previousState;
    QString previousId;
    int depth = 0;
    QStringList ids;
    for (int v = 1; v <= 4; ++v) {
        NewSnapshot s;
        s.tenant = m_tenant;
        s.kind = m_kind;
        s.entityId = QStringLiteral("cart-4");
        s.takenAt = m_start + v * 60'000;
        s.type = QStringLiteral("event_driven");
        s.eventSeq = v;
        s.payload = states.at(v);
        depth = SnapshotCompactor::chooseStorage(
            s, previousState, previousId, depth, strategy, m_store->codec(), m_store->keepsPersonalApart());
        auto written = m_store->put(s);
        QVERIFY(written);
        previousState = s.payload;
        previousId = written->id;
        ids.append(written->id);
    }
    QVERIFY(m_store->header(ids.at(2))->baseId == ids.at(1));
    // A patch that decodes and applies but builds another state: the checksum of the materialized state fails.
    QByteArray wrong;
    CanonicalJson::append(wrong,
        QJsonArray { QJsonObject { { QStringLiteral("op"), QStringLiteral("replace") },
            { QStringLiteral("path"), QStringLiteral("/status") },
            { QStringLiteral("value"), QStringLiteral("x") } } });
    const QString hex = QString::fromLatin1(wrong.toHex());
    exec(m_spec.backend == ConnectionSpec::Backend::SQLite
            ? QStringLiteral("UPDATE snapshots SET codec = 'identity', raw_size = %1, payload = X'%2' WHERE id = '%3'")
                  .arg(wrong.size())
                  .arg(hex, ids.at(2))
            : QStringLiteral("UPDATE snapshots SET codec = 'identity', raw_size = %1, payload = '\\x%2'::bytea "
                             "WHERE id = '%3'")
                  .arg(wrong.size())
                  .arg(hex, ids.at(2)));
    auto damaged = m_store->load(ids.at(2));
    QVERIFY(!damaged);
    QVERIFY(damaged.error().isIntegrityError());
    QVERIFY2(damaged.error().message.contains(ids.at(2)), qPrintable(damaged.error().message));
    // The version built on it names the broken link.
    auto after = m_store->load(ids.at(3));
    QVERIFY(!after);
    QVERIFY(after.error().isIntegrityError());
    QVERIFY2(after.error().message.contains(ids.at(2)), qPrintable(after.error().message));
    // Versions before it still read.
    QVERIFY(m_store->load(ids.at(1)));
    // A missing base is a broken chain, named.
    exec(QStringLiteral("UPDATE snapshots SET base_id = NULL WHERE id = '%1'").arg(ids.at(2)));
    exec(QStringLiteral("DELETE FROM snapshots WHERE id = '%1'").arg(ids.at(2)));
    after = m_store->load(ids.at(3));
    QVERIFY(!after);
    QCOMPARE(after.error().code, Error::Code::BrokenChain);
    QVERIFY2(after.error().message.contains(ids.at(2)) && after.error().message.contains(ids.at(3)),
        qPrintable(after.error().message));
}

void TestHistory::reconstructionSkipsACorruptSnapshot()
{
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-5"), 50, 10, 21);
    SnapshotStrategy strategy; // unused; the snapshots are full
    StateReconstructor::Target target;
    target.seq = 45;
    auto candidates = m_store->history().snapshotsUpTo(m_tenant, m_kind, QStringLiteral("cart-5"), 45, 1);
    QVERIFY(candidates && candidates->size() == 1);
    const QString newest = candidates->first().id;
    exec(QStringLiteral("UPDATE snapshots SET checksum = '%1' WHERE id = '%2'").arg(QString(64, u'0'), newest));
    StateReconstructor reconstructor(*m_store);
    auto r = reconstructor.reconstruct(
        m_tenant, m_kind, QStringLiteral("cart-5"), target, StateReconstructor::Method::Hybrid);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->skippedSnapshots.size(), 1);
    QVERIFY(r->skippedSnapshots.first().startsWith(newest));
    QCOMPARE(r->fromSnapshotSeq, 30); // the next older one
    QCOMPARE(r->eventsReplayed, 15);
    QCOMPARE(CanonicalJson::write(r->state), CanonicalJson::write(states.at(45)));
}

void TestHistory::plannerKeepsBasesOfKeptDeltas()
{
    // Orders (kept 2 years by default) with an incremental timeline: v1 full, v2..v6 deltas, all 3 years old.
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(QStringLiteral("order"));
    strategy.incremental = true;
    const EpochMs now = QDateTime::currentMSecsSinceEpoch();
    QJsonObject previousState;
    QString previousId;
    int depth = 0;
    QStringList ids;
    for (int v = 1; v <= 6; ++v) {
        NewSnapshot s;
        s.tenant = m_tenant;
        s.kind = QStringLiteral("order");
        s.entityId = QStringLiteral("ORD-1");
        s.takenAt = now - 3 * 365 * 86'400'000LL + v * 3'600'000LL;
        s.type = QStringLiteral("modified");
        s.payload = { { QStringLiteral("order_id"), QStringLiteral("ORD-1") },
            { QStringLiteral("status"), QStringLiteral("modified") }, { QStringLiteral("revision"), v },
            { QStringLiteral("notes"), QStringLiteral("a long unchanged note so that a patch is smaller %1").arg(1) } };
        depth = SnapshotCompactor::chooseStorage(
            s, previousState, previousId, depth, strategy, m_store->codec(), m_store->keepsPersonalApart());
        auto written = m_store->put(s);
        QVERIFY(written);
        QCOMPARE(written->baseId.isEmpty(), v == 1);
        previousState = s.payload;
        previousId = written->id;
        ids.append(written->id);
    }
    auto candidates = m_store->maintenance().retentionCandidates(m_tenant, QStringLiteral("order"));
    QVERIFY(candidates);
    RetentionPolicy policy;
    policy.kind = QStringLiteral("order");
    policy.deleteOlderThanDays = 730;
    const RetentionPlan plan = RetentionPlanner::plan(*candidates, policy, now, QTimeZone::utc());
    // The newest (a delta) is kept as the newest of its entity, so every base down to the keyframe stays.
    QCOMPARE(plan.deleteCount, 0);
    QCOMPARE(plan.countByReason[size_t(RetentionReason::NewestOfEntity)], 1);
    QCOMPARE(plan.countByReason[size_t(RetentionReason::BaseOfKeptDelta)], 5);
    // Without deltas the same timeline loses everything but its newest.
    for (const QString &id : std::as_const(ids)) {
        auto loaded = m_store->load(id);
        QVERIFY(loaded);
        QVERIFY(m_store->history().rewriteStorage(id, {}, loaded->payload));
    }
    candidates = m_store->maintenance().retentionCandidates(m_tenant, QStringLiteral("order"));
    QCOMPARE(RetentionPlanner::plan(*candidates, policy, now, QTimeZone::utc()).deleteCount, 5);
}

void TestHistory::replayVerifierReportsAMismatch()
{
    putAggregate(QStringLiteral("cart-6"), 30, 10, 4);
    auto clean = ReplayVerifier(*m_store).run(m_tenant, m_kind);
    QVERIFY(clean);
    QCOMPARE(clean->snapshots, 3);
    QVERIFY(clean->mismatches.isEmpty());
    // A snapshot at event 25 whose state was not what the events say.
    NewSnapshot wrong;
    wrong.tenant = m_tenant;
    wrong.kind = m_kind;
    wrong.entityId = QStringLiteral("cart-6");
    wrong.takenAt = m_start + 31 * 60'000;
    wrong.type = QStringLiteral("manual");
    wrong.eventSeq = 30;
    wrong.payload
        = { { QStringLiteral("id"), QStringLiteral("cart-6") }, { QStringLiteral("status"), QStringLiteral("lost") } };
    auto written = m_store->put(wrong);
    QVERIFY(written);
    auto report = ReplayVerifier(*m_store).run(m_tenant, m_kind);
    QVERIFY(report);
    QCOMPARE(report->mismatches.size(), 2); // against full replay and against the hybrid from event 30's snapshot
    for (const ReplayMismatch &m : std::as_const(report->mismatches))
        QCOMPARE(m.snapshotId, written->id);
}

void TestHistory::eventStoreSnapshotsHoldTheStateInTheirData()
{
    // The event store's Snapshot objects (the event-sourcing story): the state in `data`, the record's own id and
    // metadata around it. The events patch the state there; reconstruction gives the state (before the first record as
    // after it, by either method), replay verification compares states, and a snapshot SnapScope takes holds the state
    // in its own form, never a record in the event store's name.
    const QString id = QStringLiteral("wf-1");
    const QList<QJsonObject> states = putAggregate(id, 60, 0, 5);
    QCOMPARE(states.size(), 61);
    const auto bare = [&](qsizetype seq) {
        QJsonObject state = states.at(seq);
        for (const char *stamp : { "version", "event_seq", "updated_at" })
            state.remove(QLatin1String(stamp));
        return state;
    };
    const auto record = [&](qint64 seq, const QJsonObject &data) {
        NewSnapshot s;
        s.tenant = m_tenant;
        s.kind = m_kind;
        s.entityId = id;
        s.takenAt = m_start + seq * 60'000;
        s.type = QStringLiteral("event_driven");
        s.eventSeq = seq;
        s.payload = { { QStringLiteral("id"), QStringLiteral("snap-%1").arg(seq) },
            { QStringLiteral("aggregateId"), id }, { QStringLiteral("version"), seq },
            { QStringLiteral("timestamp"), IsoTime::toUtcSeconds(s.takenAt) }, { QStringLiteral("data"), data },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("eventType"), QStringLiteral("CartChanged") },
                    { QStringLiteral("createdFromVersion"), seq - 20 } } } };
        return m_store->put(s);
    };
    QVERIFY(record(20, bare(20)));
    QVERIFY(record(40, bare(40)));
    StateReconstructor reconstructor(*m_store);
    for (const qint64 seq : { 5, 20, 33, 40, 55 }) {
        StateReconstructor::Target target;
        target.seq = seq;
        auto hybrid = reconstructor.reconstruct(m_tenant, m_kind, id, target, StateReconstructor::Method::Hybrid);
        auto full = reconstructor.reconstruct(m_tenant, m_kind, id, target, StateReconstructor::Method::FullReplay);
        QVERIFY2(hybrid, qPrintable(hybrid ? QString() : hybrid.error().message));
        QVERIFY2(full, qPrintable(full ? QString() : full.error().message));
        QCOMPARE(hybrid->fromSnapshotSeq, seq / 20 * 20);
        QCOMPARE(CanonicalJson::write(hybrid->state), CanonicalJson::write(bare(seq)));
        QCOMPARE(CanonicalJson::write(full->state), CanonicalJson::write(bare(seq)));
        QCOMPARE(hybrid->version, seq);
    }
    auto clean = ReplayVerifier(*m_store).run(m_tenant, m_kind);
    QVERIFY(clean);
    QCOMPARE(clean->snapshots, 2);
    QVERIFY2(clean->mismatches.isEmpty(), qPrintable(clean->mismatches.value(0).message));

    // A snapshot taken here: the state after event 60 in SnapScope's own aggregate form (version, event_seq and
    // updated_at stamped), not a Snapshot object with the event store's id or checksum.
    TakeRequest take;
    take.tenant = m_tenant;
    take.kind = m_kind;
    take.entityId = id;
    take.actor = QStringLiteral("tester");
    auto taken = SnapshotTaker(*m_store).take(take);
    QVERIFY2(taken, qPrintable(taken ? QString() : taken.error().message));
    QCOMPARE(taken->taken.size(), 1);
    auto loaded = m_store->load(taken->taken.first().id);
    QVERIFY(loaded);
    QCOMPARE(loaded->payload, CanonicalJson::write(states.at(60)));
    // Both forms in one entity verify against each other.
    auto mixed = ReplayVerifier(*m_store).run(m_tenant, m_kind);
    QVERIFY(mixed);
    QCOMPARE(mixed->snapshots, 3);
    QVERIFY2(mixed->mismatches.isEmpty(), qPrintable(mixed->mismatches.value(0).message));

    // A record at event 60 whose data is the state after event 59: found against both replays.
    auto wrong = record(60, bare(59));
    QVERIFY(wrong);
    auto report = ReplayVerifier(*m_store).run(m_tenant, m_kind);
    QVERIFY(report);
    int againstWrong = 0;
    for (const ReplayMismatch &m : std::as_const(report->mismatches)) {
        QCOMPARE(m.eventSeq, qint64(60));
        againstWrong += m.snapshotId == wrong->id ? 1 : 0;
    }
    // Against the full replay and the hybrid from event 40; the snapshot taken here, checked after it in time, also
    // differs from the hybrid reconstruction from the wrong record.
    QCOMPARE(againstWrong, 2);
    QCOMPARE(report->mismatches.size(), 3);
    // A record whose state is not an object (the order service's state left as JSON text) is refused by name.
    QJsonObject text { { QStringLiteral("aggregateId"), id }, { QStringLiteral("version"), 20 },
        { QStringLiteral("timestamp"), QStringLiteral("2026-03-01T08:20:00Z") },
        { QStringLiteral("data"), QStringLiteral("{\"status\":\"open\"}") } };
    QList<EventRecord> next { { m_tenant, id, 21, QStringLiteral("CartChanged"), m_start + 21 * 60'000,
        QJsonObject { { QStringLiteral("patch"), QJsonArray() } } } };
    auto refused = StateReconstructor::fold(m_kind, text, next);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"/data"), qPrintable(refused.error().message));
}

void TestHistory::scheduleRunsACompaction()
{
    // Compaction covers the entities that have a snapshot of the kind (events alone do not say their kind).
    const QList<QJsonObject> states = putAggregate(QStringLiteral("cart-7"), 45, 0, 8);
    NewSnapshot first;
    first.tenant = m_tenant;
    first.kind = m_kind;
    first.entityId = QStringLiteral("cart-7");
    first.takenAt = m_start + 3 * 60'000;
    first.type = QStringLiteral("event_driven");
    first.eventSeq = 3;
    first.payload = states.at(3);
    QVERIFY(m_store->put(first));
    Schedule schedule;
    schedule.id = QStringLiteral("01a00000-0000-7000-8000-000000000007");
    schedule.tenant = m_tenant;
    schedule.name = QStringLiteral("nightly compaction");
    schedule.cron = QStringLiteral("@daily");
    schedule.action.type = ScheduleAction::Type::Compact;
    schedule.action.kind = m_kind;
    schedule.action.targets = { QStringLiteral("all") };
    QVERIFY(ScheduleRunner::validate(schedule));
    QVERIFY(m_store->maintenance().saveSchedule(schedule, QStringLiteral("tester")));
    auto stored = m_store->maintenance().schedule(schedule.id);
    QVERIFY(stored);
    QCOMPARE(stored->action.type, ScheduleAction::Type::Compact); // survives its JSON column
    auto run = ScheduleRunner(*m_store, QStringLiteral("tester")).runNow(*stored, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(run);
    QCOMPARE(run->outcome, QStringLiteral("succeeded"));
    QCOMPARE(run->snapshotsTaken, 4); // events 13, 23, 33 and 43 by the default strategy
    // Compaction is for event-sourced kinds only.
    schedule.action.kind = QStringLiteral("stock");
    QVERIFY(!ScheduleRunner::validate(schedule));
}

void TestHistory::runnerWhoseLeaseIsTakenStops()
{
    // A runner stalled past its lease whose run another runner took over must stop, not do the work a second time:
    // its next renewal is refused, and the compaction stops at its next entity.
    for (int i = 0; i < 60; ++i)
        putAggregate(QStringLiteral("cart-l%1").arg(i), 80, 10, quint32(300 + i));
    SnapshotStrategy strategy = SnapshotStrategy::defaultFor(m_kind);
    strategy.incremental = true;
    strategy.keyframeEvery = 100;
    QVERIFY(m_store->history().saveStrategy(m_tenant, strategy, QStringLiteral("tester")));
    Schedule schedule;
    schedule.id = QStringLiteral("01a00000-0000-7000-8000-000000000008");
    schedule.tenant = m_tenant;
    schedule.name = QStringLiteral("compaction");
    schedule.cron = QStringLiteral("@daily");
    schedule.action.type = ScheduleAction::Type::Compact;
    schedule.action.kind = m_kind;
    schedule.action.targets = { QStringLiteral("all") };
    QVERIFY(m_store->maintenance().saveSchedule(schedule, QStringLiteral("tester")));
    auto stored = m_store->maintenance().schedule(schedule.id);
    QVERIFY(stored);
    ScheduleRunner runner(*m_store, QStringLiteral("tester"), QStringLiteral("stalled:1"));
    runner.setLease(40); // a renewal every 10 ms
    QFuture<Result<ScheduleRun>> running = QtConcurrent::run([&] {
        auto run = runner.runNow(*stored, QDateTime::currentMSecsSinceEpoch());
        m_store->releaseThreadConnection();
        return run;
    });
    // As the runner that found the lease expired does: the run row becomes its own.
    const auto take = [&] {
        TestSupport::SideConnection side(m_spec);
        QSqlQuery query(side.db());
        return query.exec(QStringLiteral("UPDATE schedule_runs SET runner = 'thief:2' WHERE outcome = 'running'"))
            && query.numRowsAffected() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(take() || running.isFinished(), 10000);
    QVERIFY2(!running.isFinished(), "the compaction finished before its run could be taken over");
    running.waitForFinished();
    const Result<ScheduleRun> run = running.result();
    QVERIFY(run);
    QCOMPARE(run->outcome, QStringLiteral("failed"));
    QVERIFY2(run->error.contains(QStringLiteral("another runner took the run over")), qPrintable(run->error));
    // It stopped early: some carts were left for the runner that holds the run now.
    const qint64 deltas
        = TestSupport::scalar(m_spec, QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE base_id IS NOT NULL"));
    QVERIFY2(deltas < 60 * 7, qPrintable(QString::number(deltas)));
}

SNAPSCOPE_POSTGRES_TEST_MAIN(TestHistory, qEnvironmentVariable("SNAPSCOPE_TEST_BACKEND") == u"postgres")
#include "tst_history.moc"
