#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "common/testsupport.h"
#include "domain/kindregistry.h"
#include "ops/retentionplanner.h"
#include "ops/snapshotcomparison.h"
#include "store/snapshotstore.h"

// A kind imported from a file (an ERP's invoices) works end to end on SQLite and PostgreSQL: stored in the database
// for every console, written, listed with its summary, compared with its identity keys, kept by its significance rule
// in cleanup; and refused or kept out of the way where it should be.
class TestKindCatalogue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void importedKindWorksEndToEnd();
    void anotherConsoleOnTheStoreKnowsIt();
    void removingNeedsItsSnapshotsGone();
    void notWorthASnapshotIsRefusedWithTheGuidesReason();
    void anIsRuleWantsJsonTrue();
    void anUnreadableStoredKindIsLeftOut();

private:
    ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
};

namespace {

const char *const InvoiceKind = R"({"kind":"invoice","name":"Invoices","entity_label":"invoice number",
  "types":["issued","paid","voided"],"summary":["amount","paid","lines"],
  "significant":{"types":["voided"],"when":[{"field":"amount","above":10000}]},
  "shapes":[{"name":"erp_invoice","requires":["/invoice_no","/lines"],"entity":"/invoice_no","time":"/issued_at",
    "type":"/state","fields":{"amount":{"sum":"/lines","of":"/amount"},"paid":"/paid","lines":{"count":"/lines"}},
    "identities":{"/lines":["line_no"]},"volatile":["/printed_at"],"money":["/lines/*/amount"]}]})";

NewSnapshot invoice(const QString &number, EpochMs at, const QString &state, const QJsonArray &lines)
{
    NewSnapshot s;
    s.tenant = QStringLiteral("t1");
    s.kind = QStringLiteral("invoice");
    s.entityId = number;
    s.takenAt = at;
    s.type = state;
    s.payload = { { QStringLiteral("invoice_no"), number }, { QStringLiteral("state"), state },
        { QStringLiteral("paid"), state == u"paid" }, { QStringLiteral("lines"), lines } };
    return s;
}

QJsonObject line(int number, double amount)
{
    return { { QStringLiteral("line_no"), number }, { QStringLiteral("amount"), amount } };
}

constexpr EpochMs T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr EpochMs Day = 86'400'000;

// Why a cleanup that keeps each entity's last version treats every snapshot of `kind` (tenant t1) ten days on.
Result<QHash<QUuid, RetentionReason>> keepLastOneReasons(SnapshotStore &store, const QString &kind)
{
    auto candidates = store.maintenance().retentionCandidates(QStringLiteral("t1"), kind);
    if (!candidates)
        return candidates.error();
    RetentionPolicy policy;
    policy.kind = kind;
    policy.keepLast = 1;
    const RetentionPlan plan = RetentionPlanner::plan(*candidates, policy, T0 + 10 * Day, QTimeZone::utc());
    QHash<QUuid, RetentionReason> reasons;
    for (size_t i = 0; i < plan.candidates.rows.size(); ++i)
        reasons.insert(plan.candidates.rows[i].id, plan.reasons[i]);
    return reasons;
}

} // namespace

void TestKindCatalogue::initTestCase()
{
    SNAPSCOPE_CHOOSE_BACKEND(m_spec, m_dir, "kinds.sqlite");
    auto store = openSnapshotStore(m_spec, { true });
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    QVERIFY(m_store->putTenant(
        { QStringLiteral("t1"), QStringLiteral("T1"), QStringLiteral("UTC"), QStringLiteral("THB") }));
    auto kind = KindDefinition::fromJson(QJsonDocument::fromJson(InvoiceKind).object(), QStringLiteral("invoice.json"));
    QVERIFY(kind);
    // Before the import the kind is unknown: nothing of it can be written.
    QVERIFY(!m_store->put(invoice(QStringLiteral("INV-0"), T0, QStringLiteral("issued"), { line(1, 1) })));
    QVERIFY(m_store->importKind(*kind, QStringLiteral("tester")));
}

void TestKindCatalogue::cleanupTestCase()
{
    m_store.reset();
}

void TestKindCatalogue::importedKindWorksEndToEnd()
{
    QVERIFY(KindRegistry::find(QStringLiteral("invoice")));
    // Two versions of a small invoice, one large one, one voided one.
    const QList<NewSnapshot> snapshots { invoice(QStringLiteral("INV-1"), T0, QStringLiteral("issued"),
                                             { line(1, 100), line(2, 50) }),
        invoice(QStringLiteral("INV-1"), T0 + Day, QStringLiteral("paid"), { line(0, 7), line(1, 110), line(2, 60) }),
        invoice(QStringLiteral("INV-2"), T0, QStringLiteral("issued"), { line(1, 9000), line(2, 2500.5) }),
        invoice(QStringLiteral("INV-2"), T0 + 2 * Day, QStringLiteral("paid"), { line(1, 9000), line(2, 2500.5) }),
        invoice(QStringLiteral("INV-3"), T0, QStringLiteral("voided"), { line(1, 10) }),
        invoice(QStringLiteral("INV-3"), T0 + 3 * Day, QStringLiteral("issued"), { line(1, 10) }) };
    auto written = m_store->putBatch(snapshots);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));

    // The timeline lists them with the kind's summary.
    SnapshotQuery query;
    query.tenant = QStringLiteral("t1");
    query.kind = QStringLiteral("invoice");
    auto page = m_store->listHeaders(query, {});
    QVERIFY(page);
    QCOMPARE(page->headers.size(), 6);
    int checked = 0;
    for (const SnapshotHeader &h : page->headers) {
        if (h.entityId == u"INV-2" && h.version == 1) {
            ++checked;
            QCOMPARE(h.summary.value(u"amount").toDouble(), 11500.5);
            QCOMPARE(h.summary.value(u"lines").toInt(), 2);
            QCOMPARE(h.summary.value(u"paid").toBool(), false);
        }
    }
    QCOMPARE(checked, 1);

    // The diff pairs lines by line_no: line 0 was added in front, lines 1 and 2 changed their amounts (without the
    // keys, elements are paired by position: every line_no would change).
    auto comparison = SnapshotComparisons::compare(*m_store, written->at(0).id, written->at(1).id);
    QVERIFY2(comparison, qPrintable(comparison ? QString() : comparison.error().message));
    QStringList paths;
    for (const JsonChange &change : comparison->changes)
        paths << change.path;
    paths.sort();
    QCOMPARE(paths,
        QStringList({ QStringLiteral("/lines/0"), QStringLiteral("/lines/1/amount"), QStringLiteral("/lines/2/amount"),
            QStringLiteral("/paid"), QStringLiteral("/state") }));

    // Cleanup keeps the significant ones (voided; amount above 10,000) and deletes the other old versions.
    auto reasons = keepLastOneReasons(*m_store, QStringLiteral("invoice"));
    QVERIFY2(reasons, qPrintable(reasons ? QString() : reasons.error().message));
    const auto reasonOf = [&](int index) { return reasons->value(QUuid(written->at(index).id)); };
    QVERIFY(reasons->contains(QUuid(written->at(0).id)));
    QVERIFY(!isKept(reasonOf(0))); // INV-1 v1: an ordinary old version
    QCOMPARE(reasonOf(2), RetentionReason::Significant); // INV-2 v1: 11,500.50 is above the rule's 10,000
    QCOMPARE(reasonOf(4), RetentionReason::Significant); // INV-3 v1: voided
    QCOMPARE(std::count_if(reasons->cbegin(), reasons->cend(), [](RetentionReason r) { return !isKept(r); }), 1);
}

void TestKindCatalogue::anotherConsoleOnTheStoreKnowsIt()
{
    // What a second console (or the CLI) opening the same store sees: the kind as stored, read back and installed.
    KindRegistry::install({});
    QVERIFY(!KindRegistry::find(QStringLiteral("invoice")));
    auto other = openSnapshotStore(m_spec, {});
    QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
    const KindDefinition *kind = KindRegistry::find(QStringLiteral("invoice"));
    QVERIFY(kind);
    QCOMPARE(kind->entityLabelText(), QStringLiteral("invoice number"));
    auto imported = (*other)->importedKinds();
    QVERIFY(imported);
    QCOMPARE(imported->size(), 1);
    QCOMPARE(imported->first().definition, QJsonDocument::fromJson(InvoiceKind).object());
    auto log = (*other)->maintenance().auditLog({});
    QVERIFY(log);
    bool recorded = false;
    for (const AuditEntry &e : *log)
        recorded = recorded || (e.action == u"kind.import" && e.target == u"invoice" && e.actor == u"tester");
    QVERIFY(recorded);
}

void TestKindCatalogue::removingNeedsItsSnapshotsGone()
{
    const Status refused = m_store->removeKind(QStringLiteral("invoice"), QStringLiteral("tester"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"purge them"), qPrintable(refused.error().message));
    QVERIFY(KindRegistry::find(QStringLiteral("invoice")));
    QVERIFY(!m_store->removeKind(QStringLiteral("nothing_here"), QStringLiteral("tester")));
    auto builtIn = KindDefinition::fromJson(
        QJsonDocument::fromJson(R"({"kind":"order","shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})").object(),
        QStringLiteral("order.json"));
    QVERIFY(builtIn);
    const Status shadowed = m_store->importKind(*builtIn, QStringLiteral("tester"));
    QVERIFY(!shadowed);
    QVERIFY(shadowed.error().message.contains(u"built-in"));
}

void TestKindCatalogue::notWorthASnapshotIsRefusedWithTheGuidesReason()
{
    NewSnapshot cart;
    cart.tenant = QStringLiteral("t1");
    cart.kind = QStringLiteral("cart");
    cart.entityId = QStringLiteral("cart-1");
    cart.takenAt = T0;
    cart.type = QStringLiteral("item_added");
    cart.payload = { { QStringLiteral("items"), QJsonArray() } };
    auto put = m_store->put(cart);
    QVERIFY(!put);
    QVERIFY2(put.error().message.contains(u"temporary data"), qPrintable(put.error().message));
    // Nor can such a kind be imported, by another definition of the same id or one that says it is not worth it.
    for (const char *text : { R"({"kind":"cart","shapes":[{"name":"s","requires":["/items"],"entity":"/id"}]})",
             R"({"kind":"page_view","not_worth_a_snapshot":"analytics data","shapes":[]})" }) {
        auto definition = KindDefinition::fromJson(QJsonDocument::fromJson(text).object(), QStringLiteral("k.json"));
        QVERIFY2(definition, qPrintable(definition ? QString() : definition.error().message));
        const Status refused = m_store->importKind(*definition, QStringLiteral("tester"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"not worth a snapshot"), qPrintable(refused.error().message));
    }
}

void TestKindCatalogue::anIsRuleWantsJsonTrue()
{
    // An `is true` rule keeps a snapshot whose field is JSON true, not one holding the number 1 or the text "true".
    auto kind = KindDefinition::fromJson(QJsonDocument::fromJson(R"({"kind":"flagged","summary":["flag","score"],
        "significant":{"when":[{"field":"flag","is":true},{"field":"score","below":0.5}]},
        "shapes":[{"name":"s","requires":["/id"],"entity":"/id","fields":{"flag":"/flag","score":"/score"}}]})")
                                             .object(),
        QStringLiteral("flagged.json"));
    QVERIFY2(kind, qPrintable(kind ? QString() : kind.error().message));
    QVERIFY(m_store->importKind(*kind, QStringLiteral("tester")));
    const QList<std::pair<QString, QJsonObject>> entities {
        { QStringLiteral("bool"), { { QStringLiteral("flag"), true } } },
        { QStringLiteral("number"), { { QStringLiteral("flag"), 1 } } },
        { QStringLiteral("text"), { { QStringLiteral("flag"), QStringLiteral("true") } } },
        { QStringLiteral("low"), { { QStringLiteral("score"), 0.25 } } },
        { QStringLiteral("low text"), { { QStringLiteral("score"), QStringLiteral("0.25") } } },
    };
    QHash<QString, QString> firstVersion; // entity -> id of its older version
    for (const auto &[entity, members] : entities) {
        for (int v = 0; v < 2; ++v) {
            NewSnapshot s;
            s.tenant = QStringLiteral("t1");
            s.kind = QStringLiteral("flagged");
            s.entityId = entity;
            s.takenAt = T0 + v * Day;
            s.type = QStringLiteral("manual");
            s.payload = members;
            s.payload.insert(QStringLiteral("id"), entity);
            s.payload.insert(QStringLiteral("v"), v);
            auto written = m_store->put(s);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
            if (v == 0)
                firstVersion.insert(entity, written->id);
        }
    }
    auto reasons = keepLastOneReasons(*m_store, QStringLiteral("flagged"));
    QVERIFY2(reasons, qPrintable(reasons ? QString() : reasons.error().message));
    QCOMPARE(reasons->value(QUuid(firstVersion.value(QStringLiteral("bool")))), RetentionReason::Significant);
    QCOMPARE(reasons->value(QUuid(firstVersion.value(QStringLiteral("low")))), RetentionReason::Significant);
    for (const char *ordinary : { "number", "text", "low text" }) {
        const QUuid id(firstVersion.value(QLatin1String(ordinary)));
        QVERIFY2(reasons->contains(id), ordinary);
        QVERIFY2(!isKept(reasons->value(id)), ordinary);
    }
}

void TestKindCatalogue::anUnreadableStoredKindIsLeftOut()
{
    // A definition this version cannot read (a newer SnapScope's member, or edited by hand) does not keep the store
    // from opening: it is left out with a warning naming it, every other kind works.
    TestSupport::SideConnection side(m_spec);
    QSqlQuery query(side.db());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO kind_definitions (kind, definition, imported_at, imported_by) "
                                         "VALUES (?, ?, 0, 'someone')")));
    query.addBindValue(QStringLiteral("from_the_future"));
    query.addBindValue(QStringLiteral(R"({"kind":"from_the_future","summary":[],"hologram":true,
        "shapes":[{"name":"s","requires":["/a"],"entity":"/a"}]})"));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("from_the_future.*hologram")));
    auto other = openSnapshotStore(m_spec, {});
    QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
    QVERIFY(!KindRegistry::find(QStringLiteral("from_the_future")));
    QVERIFY(KindRegistry::find(QStringLiteral("invoice")));
    QVERIFY(KindRegistry::find(QStringLiteral("order")));
}

QTEST_GUILESS_MAIN(TestKindCatalogue)
#include "tst_kindcatalogue.moc"
