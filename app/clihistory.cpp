// snapscope-cli's point-in-time commands: state, snapshot compact, strategy, verify --replay (issue 7).
#include "cli.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QSysInfo>

#include "casepdf.h"
#include "ops/caseassembler.h"
#include "ops/caseevidence.h"
#include "ops/casetimeline.h"
#include "ops/evidencebundle.h"
#include "ops/exportaudit.h"
#include "ops/personaldata.h"
#include "ops/replayverifier.h"
#include "ops/snapshotcompactor.h"
#include "ops/statereconstructor.h"
#include "rolesetting.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

namespace SnapScopeCli {

namespace {
QStringList eventSourcedKinds(const QString &given)
{
    return given.isEmpty() ? QStringList { QStringLiteral("order"), QStringLiteral("aggregate") }
                           : QStringList { given };
}
} // namespace

QList<CliCommand> Cli::historyCommands()
{
    return {
        { QStringLiteral("state"),
            QStringLiteral(
                "An event-sourced entity's state: state ENTITY --kind K (--at TIME | --version N) [--full]."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("version"),
                QStringLiteral("full"), QStringLiteral("json") },
            true, &Cli::state },
        { QStringLiteral("case"),
            QStringLiteral("A dispute case: case ORDER_ID [--json] [--pdf FILE] [--bundle FILE] [--hold REASON | "
                           "--release] [--role R] (the order, its chats, stock movements and payments) | case --find "
                           "TEXT."),
            { QStringLiteral("tenant"), QStringLiteral("json"), QStringLiteral("bundle"), QStringLiteral("pdf"),
                QStringLiteral("role"), QStringLiteral("find"), QStringLiteral("hold"), QStringLiteral("release") },
            true, &Cli::caseOf, Access::Action::Cases },
        { QStringLiteral("strategy"), QStringLiteral("Snapshot strategies: strategy list | strategy set --kind K ..."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("mode"), QStringLiteral("every-events"),
                QStringLiteral("every-hours"), QStringLiteral("max-replay-bytes"), QStringLiteral("incremental"),
                QStringLiteral("keyframe-every") },
            true, &Cli::strategy, Access::Action::Browse, { { QStringLiteral("set"), Access::Action::TakeSnapshot } } },
    };
}

int Cli::state(const QStringList &positional)
{
    if (positional.size() != 1)
        return fail(QStringLiteral("state takes one entity id: state ENTITY --kind K (--at TIME | --version N)"),
            CliExit::Usage);
    if (!m_parser.isSet(m_o.kind))
        return fail(QStringLiteral("state needs --kind (order or aggregate)"), CliExit::Usage);
    if (m_parser.isSet(m_o.at) && m_parser.isSet(m_o.version))
        return fail(QStringLiteral("choose one of --at and --version"), CliExit::Usage);
    const QString kind = m_parser.value(m_o.kind);
    if (!StateReconstructor::isEventSourced(kind))
        return fail(QStringLiteral("--kind: %1 is not event-sourced (order or aggregate)").arg(kind), CliExit::Usage);
    StateReconstructor::Target target;
    if (m_parser.isSet(m_o.version)) {
        bool ok = false;
        const qint64 seq = m_parser.value(m_o.version).toLongLong(&ok);
        if (!ok || seq < 1)
            return fail(QStringLiteral("--version: \"%1\" is not an event sequence number (1 or more)")
                            .arg(m_parser.value(m_o.version)),
                CliExit::Usage);
        target.seq = seq;
    }
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    if (m_parser.isSet(m_o.at)) {
        auto at = IsoTime::parseBound(m_parser.value(m_o.at), tenantZone(store, tenant));
        if (!at)
            return fail(QStringLiteral("--at: %1").arg(at.error().message), CliExit::Usage);
        target.at = *at;
    }
    auto result = StateReconstructor(store).reconstruct(tenant, kind, positional.first(), target,
        m_parser.isSet(m_o.full) ? StateReconstructor::Method::FullReplay : StateReconstructor::Method::Hybrid);
    if (!result)
        return fail(result.error());
    if (m_parser.isSet(m_o.json)) {
        out() << jsonLine(result->toJson()) << Qt::endl;
    } else {
        out() << CanonicalJson::pretty(CanonicalJson::write(result->state)) << Qt::endl;
        if (!m_quiet) {
            for (const QString &skipped : std::as_const(result->skippedSnapshots))
                err() << "skipped snapshot " << skipped << Qt::endl;
            err() << QStringLiteral("%1 %2 at version %3 (%4): %5, %6 event(s) replayed, %7 ms")
                         .arg(kind, result->entityId)
                         .arg(result->version)
                         .arg(IsoTime::toUtcSeconds(result->timestamp),
                             result->fromSnapshot.isEmpty() ? QStringLiteral("full replay")
                                                            : QStringLiteral("from snapshot %1 (event %2)")
                                                                  .arg(result->fromSnapshot)
                                                                  .arg(result->fromSnapshotSeq))
                         .arg(result->eventsReplayed)
                         .arg(result->elapsedMs, 0, 'f', 2)
                  << Qt::endl;
        }
    }
    return CliExit::Ok;
}

int Cli::compact()
{
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    const QString kind = m_parser.value(m_o.kind);
    if (!kind.isEmpty() && !StateReconstructor::isEventSourced(kind))
        return fail(QStringLiteral("--kind: %1 is not event-sourced (order or aggregate)").arg(kind), CliExit::Usage);
    if (m_parser.isSet(m_o.entity) && kind.isEmpty())
        return fail(QStringLiteral("--entity needs --kind"), CliExit::Usage);
    ProgressLine progress;
    for (const QString &k : eventSourcedKinds(kind)) {
        auto report = SnapshotCompactor(store).run(
            tenant, k, m_parser.value(m_o.entity), actor(), QStringLiteral("cli"), [&](qint64 done, qint64 total) {
                if (!m_quiet)
                    progress.report(QStringLiteral("compact %1: %2 of %3 entities").arg(k).arg(done).arg(total));
                return true;
            });
        if (!report)
            return fail(report.error());
        for (const QString &problem : std::as_const(report->problems))
            err() << "skipped: " << problem << Qt::endl;
        out() << QStringLiteral("%1: %2 entities, %3 snapshot(s) written, %4 stored as delta, %5 as keyframe, %8 "
                                "re-encoded with a delta dictionary; stored bytes %6 -> %7")
                     .arg(k)
                     .arg(report->entities)
                     .arg(report->snapshotsWritten)
                     .arg(report->storedAsDelta)
                     .arg(report->storedAsKeyframe)
                     .arg(report->storedBytesBefore)
                     .arg(report->storedBytesAfter)
                     .arg(report->reencoded)
              << Qt::endl;
    }
    return CliExit::Ok;
}

int Cli::strategy(const QStringList &positional)
{
    const QString sub = positional.value(0);
    if (positional.size() != 1 || (sub != u"list" && sub != u"set"))
        return fail(QStringLiteral("strategy: expected list or set"), CliExit::Usage);
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    HistoryStore &history = store.history();
    if (sub == u"list") {
        for (const QString &kind : eventSourcedKinds(QString())) {
            auto s = history.strategy(tenant, kind);
            if (!s)
                return fail(s.error());
            out() << kind << "\t" << SnapshotStrategy::modeName(s->mode) << "\tevery " << s->everyEvents
                  << " events\tevery " << s->everyHours << " h\treplay over " << s->maxReplayBytes << " bytes\t"
                  << (s->incremental ? QStringLiteral("incremental, keyframe every %1").arg(s->keyframeEvery)
                                     : QStringLiteral("full snapshots"))
                  << Qt::endl;
        }
        return CliExit::Ok;
    }
    if (!m_parser.isSet(m_o.kind))
        return fail(QStringLiteral("strategy set needs --kind"), CliExit::Usage);
    auto s = history.strategy(tenant, m_parser.value(m_o.kind));
    if (!s)
        return fail(s.error());
    if (m_parser.isSet(m_o.mode)) {
        const auto mode = SnapshotStrategy::modeFromName(m_parser.value(m_o.mode));
        if (!mode)
            return fail(QStringLiteral("--mode: expected events, time, hybrid or size"), CliExit::Usage);
        s->mode = *mode;
    }
    const auto number = [&](const QCommandLineOption &option, auto &field) -> bool {
        if (!m_parser.isSet(option))
            return true;
        bool ok = false;
        const qint64 value = m_parser.value(option).toLongLong(&ok);
        if (!ok)
            return false;
        field = decltype(field + 0)(value);
        return true;
    };
    if (!number(m_o.everyEvents, s->everyEvents) || !number(m_o.everyHours, s->everyHours)
        || !number(m_o.maxReplayBytes, s->maxReplayBytes) || !number(m_o.keyframeEvery, s->keyframeEvery))
        return fail(QStringLiteral("strategy set: the numbers must be whole numbers"), CliExit::Usage);
    if (m_parser.isSet(m_o.incremental)) {
        const QString value = m_parser.value(m_o.incremental);
        if (value != u"yes" && value != u"no")
            return fail(QStringLiteral("--incremental: expected yes or no"), CliExit::Usage);
        s->incremental = value == u"yes";
    }
    if (const QString problem = s->validate(); !problem.isEmpty())
        return fail(problem, CliExit::Usage);
    if (Status saved = history.saveStrategy(tenant, *s, actor()); !saved)
        return fail(saved.error());
    return CliExit::Ok;
}

int Cli::verifyReplay()
{
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    const QString kind = m_parser.value(m_o.kind);
    if (!kind.isEmpty() && !StateReconstructor::isEventSourced(kind))
        return fail(QStringLiteral("--kind: %1 is not event-sourced (order or aggregate)").arg(kind), CliExit::Usage);
    ProgressLine progress;
    qint64 mismatches = 0, snapshots = 0, entities = 0;
    for (const QString &k : eventSourcedKinds(kind)) {
        auto report = ReplayVerifier(store).run(
            tenant, k,
            [&](qint64 done, qint64 total) {
                if (!m_quiet)
                    progress.report(
                        QStringLiteral("verify --replay %1: %2 of %3 entities").arg(k).arg(done).arg(total));
                return true;
            },
            [&](const ReplayMismatch &m) {
                out() << m.snapshotId << ' ' << k << ' ' << m.entityId << " event " << m.eventSeq << ": " << m.message
                      << Qt::endl;
            });
        if (!report)
            return fail(report.error());
        mismatches += report->mismatches.size();
        snapshots += report->snapshots;
        entities += report->entities;
    }
    if (!m_quiet)
        err() << QStringLiteral("verify --replay: %1 snapshot(s) of %2 entities checked, %3 mismatch(es)")
                     .arg(snapshots)
                     .arg(entities)
                     .arg(mismatches)
              << Qt::endl;
    return mismatches > 0 ? CliExit::Integrity : CliExit::Ok;
}

int Cli::caseOf(const QStringList &positional)
{
    Access::Role role = RoleSetting::read();
    if (m_parser.isSet(m_o.role)) {
        const auto chosen = Access::roleFromString(m_parser.value(m_o.role));
        if (!chosen)
            return fail(QStringLiteral("--role is support, analyst or admin, not \"%1\"").arg(m_parser.value(m_o.role)),
                CliExit::Usage);
        role = *chosen;
    }
    if (m_parser.isSet(m_o.find))
        return positional.isEmpty() ? findCases(role)
                                    : fail(QStringLiteral("case --find TEXT takes no order id"), CliExit::Usage);
    if (positional.size() != 1)
        return fail(QStringLiteral("case takes one order id: case ORDER_ID [--json] [--pdf FILE] [--bundle FILE] "
                                   "[--hold REASON | --release], or case --find TEXT"),
            CliExit::Usage);
    if (m_parser.isSet(m_o.hold) && m_parser.isSet(m_o.release))
        return fail(QStringLiteral("--hold and --release exclude each other"), CliExit::Usage);
    if (m_parser.isSet(m_o.pdf) && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(
            QStringLiteral("--pdf needs the program's GUI libraries (run snapscope-cli, not a copy of its code)"));
    if (m_parser.isSet(m_o.hold) || m_parser.isSet(m_o.release))
        m_action = Access::Action::LegalHold;
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    SnapshotStore &store = *opened->store;
    const QString &tenant = opened->tenant;
    if (auto shown = caseRole(store, role); shown)
        role = *shown;
    else
        return fail(shown.error());
    if (!Pii::masks(role)) {
        // Unmasked contact details are shown only once that is on record, as in the console.
        if (const Status audited = PersonalData::auditRoleSwitch(store, tenant, role, QStringLiteral("cli case"));
            !audited)
            return fail(audited.error());
    }
    auto c = CaseAssembler(store).assemble(tenant, positional.first());
    if (!c)
        return fail(c.error());
    if (m_parser.isSet(m_o.hold) || m_parser.isSet(m_o.release)) {
        const bool hold = m_parser.isSet(m_o.hold);
        const Status pinned = store.setPinned(c->snapshotIds(), hold, m_parser.value(m_o.hold), actor(), c->orderId);
        if (!pinned)
            return fail(pinned.error());
        if (!m_quiet)
            err() << (hold ? "legal hold on " : "legal hold lifted from ") << c->snapshotIds().size()
                  << " snapshot(s) of case " << c->orderId << Qt::endl;
    }
    const auto list = [role](const QList<SnapshotHeader> &headers) {
        QJsonArray array;
        for (const SnapshotHeader &h : headers)
            array.append(QJsonObject { { QStringLiteral("id"), h.id }, { QStringLiteral("kind"), h.kind },
                { QStringLiteral("entity_id"), h.entityId }, { QStringLiteral("version"), h.version },
                { QStringLiteral("type"), h.type }, { QStringLiteral("taken_at"), IsoTime::toUtcString(h.takenAt) },
                { QStringLiteral("checksum"), h.checksum },
                { QStringLiteral("summary"),
                    Pii::masks(role) ? Pii::masked(h.summary, h.kind) : QJsonValue(h.summary) } });
        return array;
    };
    if (m_parser.isSet(m_o.json)) {
        out() << jsonLine({ { QStringLiteral("order_id"), c->orderId }, { QStringLiteral("tenant"), c->tenant },
            { QStringLiteral("order"), list(c->order) },
            { QStringLiteral("chat_sessions"), QJsonArray::fromStringList(c->chatSessions) },
            { QStringLiteral("chats"), list(c->chats) }, { QStringLiteral("inventory"), list(c->inventory) },
            { QStringLiteral("financial"), list(c->financial) } })
              << Qt::endl;
    } else {
        for (const CaseEntry &e : mergedCaseTimeline(*c)) {
            const SnapshotHeader &h = e.header;
            out() << IsoTime::toUtcSeconds(h.takenAt) << '\t' << h.kind << '\t' << h.entityId << "\tv" << h.version
                  << '\t' << h.type << '\t' << h.id << '\t' << e.details << Qt::endl;
        }
    }
    if (m_parser.isSet(m_o.bundle)) {
        // A bundle carries every payload unmasked: it is evidence, checked byte for byte.
        if (const Status audited = ExportAudit::record(store, tenant, QStringLiteral("bundle"), c->orderId,
                m_parser.value(m_o.bundle), false, QStringLiteral("cli"));
            !audited)
            return fail(audited.error());
        EvidenceInfo info { c->orderId, actor(), QSysInfo::machineHostName(), QDateTime::currentMSecsSinceEpoch() };
        auto written = EvidenceBundle::write(store, c->snapshotIds(), info, m_parser.value(m_o.bundle));
        if (!written)
            return fail(written.error());
        if (!m_quiet)
            err() << "wrote " << *written << " snapshot(s) of case " << c->orderId << " to "
                  << m_parser.value(m_o.bundle) << Qt::endl;
    }
    if (m_parser.isSet(m_o.pdf)) {
        if (const Status audited = ExportAudit::record(
                store, tenant, QStringLiteral("pdf"), c->orderId, m_parser.value(m_o.pdf), Pii::masks(role), QStringLiteral("cli"));
            !audited)
            return fail(audited.error());
        auto evidence = gatherCaseEvidence(
            store, *c, actor(), QSysInfo::machineHostName(), QDateTime::currentMSecsSinceEpoch(), role);
        if (!evidence)
            return fail(evidence.error());
        const Status written = writeCasePdf(*evidence, m_parser.value(m_o.pdf));
        if (!written)
            return fail(written.error());
        const int verified = evidence->verifiedCount();
        if (!m_quiet)
            err() << "wrote the evidence report of case " << c->orderId << " to " << m_parser.value(m_o.pdf) << ": "
                  << verified << " of " << evidence->items.size() << " snapshot(s) verified" << Qt::endl;
        if (verified != evidence->items.size())
            return fail(QStringLiteral("%1 snapshot(s) of the case failed verification (named in the report)")
                            .arg(evidence->items.size() - verified),
                CliExit::Integrity);
    }
    return CliExit::Ok;
}

Result<Access::Role> Cli::caseRole(SnapshotStore &store, Access::Role asked)
{
    // On a shared store the login's role decides; --role may only mask more.
    const SessionAccess &session = store.access().session();
    if (!session.enforced)
        return asked;
    if (!m_parser.isSet(m_o.role))
        return session.role;
    if (Pii::masks(session.role) && !Pii::masks(asked))
        return Error { Error::Code::Forbidden,
            QStringLiteral("--role %1 shows every customer's contact details, which needs the admin role; the login "
                           "%2 is %3")
                .arg(Access::roleName(asked), session.login, Access::roleName(session.role)) };
    return asked;
}

int Cli::findCases(Access::Role role)
{
    auto opened = openForTenant();
    if (!opened)
        return fail(opened.error());
    if (auto shown = caseRole(*opened->store, role); shown)
        role = *shown;
    else
        return fail(shown.error());
    auto hits = CaseAssembler(*opened->store).search(opened->tenant, m_parser.value(m_o.find));
    if (!hits)
        return fail(hits.error());
    const auto phone = [role](const QString &p) { return Pii::masks(role) ? Pii::maskText(p) : p; };
    for (const CaseHit &hit : std::as_const(*hits)) {
        if (m_parser.isSet(m_o.json)) {
            out() << jsonLine(
                { { QStringLiteral("order_id"), hit.orderId }, { QStringLiteral("customer_id"), hit.customerId },
                    { QStringLiteral("phone"), phone(hit.customerPhone) },
                    { QStringLiteral("created_at"), IsoTime::toUtcString(hit.createdAt) },
                    { QStringLiteral("status"), hit.status }, { QStringLiteral("total"), hit.total },
                    { QStringLiteral("matched_by"), hit.matchedBy } })
                  << Qt::endl;
        } else {
            out() << hit.orderId << '\t' << hit.customerId << '\t' << phone(hit.customerPhone) << '\t'
                  << IsoTime::toUtcSeconds(hit.createdAt) << '\t' << hit.status << '\t'
                  << (JsonNumber::isExact(hit.total) ? JsonNumber::scalarText(hit.total)
                                                     : QString::number(hit.total.toDouble(), 'f', 2))
                  << '\t' << hit.matchedBy << Qt::endl;
        }
    }
    if (!m_quiet)
        err() << hits->size() << " order(s)" << Qt::endl;
    return CliExit::Ok;
}

int Cli::verifyBundle()
{
    // A file on its own: no database is opened.
    const QString path = m_parser.value(m_o.bundle);
    auto report = EvidenceBundle::verify(path);
    if (!report)
        return fail(report.error().message,
            report.error().code == Error::Code::ChecksumMismatch ? CliExit::Integrity : CliExit::Failure);
    const EvidenceInfo &info = report->info;
    for (const QString &problem : std::as_const(report->problems))
        out() << problem << Qt::endl;
    if (!m_quiet)
        err() << QStringLiteral("%1: case %2, %3 snapshot(s), exported by %4 on %5 at %6: %7")
                     .arg(path, info.caseId)
                     .arg(report->snapshots)
                     .arg(info.exportedBy, info.host, IsoTime::toUtcSeconds(info.exportedAt),
                         report->intact() ? QStringLiteral("intact")
                                          : QStringLiteral("ALTERED (%1 problem(s))").arg(report->problems.size()))
              << Qt::endl;
    return report->intact() ? CliExit::Ok : CliExit::Integrity;
}

} // namespace SnapScopeCli
