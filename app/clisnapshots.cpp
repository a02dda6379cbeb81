// snapscope-cli's commands that read snapshots: list, show, verify, diff, and json on files.
#include "cli.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include "domain/snapshotid.h"
#include "ops/demogenerator.h"
#include "ops/snapshotcomparison.h"
#include "ops/verification.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsondiff.h"
#include "json/jsonpatch.h"
#include "json/strictjson.h"

namespace SnapScopeCli {

QList<CliCommand> Cli::snapshotCommands()
{
    return {
        { QStringLiteral("list"), QStringLiteral("List snapshot headers."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"),
                QStringLiteral("entity-prefix"), QStringLiteral("type"), QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("created-by"), QStringLiteral("trash"), QStringLiteral("limit"),
                QStringLiteral("oldest-first"), QStringLiteral("json") },
            false, &Cli::list },
        { QStringLiteral("show"), QStringLiteral("Print one snapshot's payload: show ID."), { QStringLiteral("raw") },
            true, &Cli::show },
        { QStringLiteral("verify"), QStringLiteral("Check every payload's zstd frame and SHA-256."),
            { QStringLiteral("tenant"), QStringLiteral("kind"), QStringLiteral("entity"),
                QStringLiteral("entity-prefix"), QStringLiteral("type"), QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("created-by"), QStringLiteral("trash"), QStringLiteral("replay"),
                QStringLiteral("bundle") },
            false, &Cli::verify },
        { QStringLiteral("diff"), QStringLiteral("What changed between two snapshots: diff ID_A ID_B."),
            { QStringLiteral("format") }, true, &Cli::diff },
        { QStringLiteral("json"), QStringLiteral("Files: json diff A.json B.json | json apply DOC.json PATCH.json."),
            {}, true, &Cli::json },
    };
}

namespace {

// A JSON file from outside: checked strictly (RFC 8259), any top-level value.
Result<QJsonValue> readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, QStringLiteral("%1: %2").arg(path, file.errorString()) };
    const QByteArray text = file.readAll();
    return StrictJson::parse(text, path);
}

} // namespace

QJsonObject headerJson(const SnapshotHeader &h)
{
    return { { QStringLiteral("id"), h.id }, { QStringLiteral("tenant"), h.tenant }, { QStringLiteral("kind"), h.kind },
        { QStringLiteral("entity"), h.entityId }, { QStringLiteral("version"), h.version },
        { QStringLiteral("type"), h.type }, { QStringLiteral("taken_at"), IsoTime::toUtcString(h.takenAt) },
        { QStringLiteral("created_by"), h.createdBy }, { QStringLiteral("summary"), h.summary },
        { QStringLiteral("raw_size"), h.rawSize }, { QStringLiteral("stored_size"), h.storedSize },
        { QStringLiteral("codec"), h.codec }, { QStringLiteral("pinned"), h.pinned } };
}

int Cli::list(const QStringList &)
{
    auto limit = intOption(m_o.limit, 50, 1, 10000000);
    if (!limit)
        return fail(limit.error());
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto query = buildQuery(**store, true);
    if (!query)
        return fail(query.error());
    PageRequest request;
    request.order = m_parser.isSet(m_o.oldestFirst) ? SortOrder::OldestFirst : SortOrder::NewestFirst;
    const bool json = m_parser.isSet(m_o.json);
    qint64 remaining = *limit;
    if (!json) {
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                     .arg(QStringLiteral("taken_at (UTC)"), -24)
                     .arg(QStringLiteral("kind"), -15)
                     .arg(QStringLiteral("entity"), -20)
                     .arg(QStringLiteral("v"), 4)
                     .arg(QStringLiteral("type"), -18)
                     .arg(QStringLiteral("created_by"), -14)
                     .arg(QStringLiteral("raw->stored"), -14)
                     .arg(QStringLiteral("id"))
              << '\n';
    }
    while (remaining > 0) {
        request.limit = int(std::min<qint64>(remaining, 5000));
        auto page = (*store)->listHeaders(*query, request);
        if (!page)
            return fail(page.error());
        for (const SnapshotHeader &h : page->headers) {
            if (json) {
                out() << CanonicalJson::write(headerJson(h)) << '\n';
            } else {
                out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                             .arg(IsoTime::toUtcString(h.takenAt), -24)
                             .arg(h.kind, -15)
                             .arg(h.entityId, -20)
                             .arg(h.version, 4)
                             .arg(h.type + (h.pinned ? QStringLiteral(" [pin]") : QString()), -18)
                             .arg(h.createdBy, -14)
                             .arg(QStringLiteral("%1->%2").arg(h.rawSize).arg(h.storedSize), -14)
                             .arg(h.id)
                      << '\n';
            }
        }
        remaining -= page->headers.size();
        if (!page->next)
            break;
        request.after = page->next;
    }
    out().flush();
    return CliExit::Ok;
}

int Cli::show(const QStringList &positional)
{
    if (positional.size() != 1)
        return fail(QStringLiteral("show takes exactly one snapshot id"), CliExit::Usage);
    const QString id = positional.constFirst();
    if (!SnapshotId::isWellFormed(id))
        return fail(QStringLiteral("\"%1\" is not a snapshot id (expected a UUID)").arg(id), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    const bool mask = masksPersonal(**store);
    if (mask && m_parser.isSet(m_o.raw))
        return fail(Error { Error::Code::Forbidden,
            QStringLiteral("--raw prints customers' contact details unmasked, which needs the admin role; the login %1 "
                           "is %2")
                .arg((*store)->access().session().login, Access::roleName((*store)->access().session().role)) });
    auto snapshot = (*store)->load(id);
    if (!snapshot)
        return fail(snapshot.error());
    if (mask) {
        auto document = StrictJson::readStored(snapshot->payload);
        if (!document)
            return fail(document.error());
        out() << QString::fromUtf8(
            CanonicalJson::pretty(CanonicalJson::compact(Pii::masked(*document, snapshot->header.kind))));
        out().flush();
        return CliExit::Ok;
    }
    if (m_parser.isSet(m_o.raw)) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write to standard output"));
        stdoutFile.write(snapshot->payload);
        return CliExit::Ok;
    }
    out() << QString::fromUtf8(CanonicalJson::pretty(snapshot->payload));
    out().flush();
    return CliExit::Ok;
}

int Cli::verify(const QStringList &)
{
    if (m_parser.isSet(m_o.bundle))
        return verifyBundle();
    if (m_parser.isSet(m_o.replay))
        return verifyReplay();
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    QStringList tenants;
    {
        auto query = buildQuery(**store, false);
        if (!query)
            return fail(query.error());
        if (query->tenant.isEmpty()) {
            auto all = (*store)->tenants();
            if (!all)
                return fail(all.error());
            for (const Tenant &t : *all)
                tenants << t.id;
        } else {
            tenants << query->tenant;
        }
    }
    // The database's own check first: a damaged page is named even where no snapshot row leads to it.
    auto problems = (*store)->checkDatabase();
    if (!problems)
        return fail(problems.error());
    for (const QString &problem : std::as_const(*problems))
        err() << "verify: the database's own check: " << QString(problem).replace(u'\n', u' ') << Qt::endl;
    // A demo fill that was interrupted left a database that is incomplete, however sound each row of it is.
    auto interrupted = interruptedDemoFill(**store);
    if (!interrupted)
        return fail(interrupted.error());
    if (*interrupted)
        err() << "verify: the demo fill started at " << IsoTime::toUtcSeconds(**interrupted)
              << " did not finish: the database is incomplete (run demo again to replace it)" << Qt::endl;
    // Named once here; the payloads that need one say so below.
    const QStringList damagedDictionaries = (*store)->codec().damagedDictionaries();
    for (const QString &damaged : damagedDictionaries)
        err() << "verify: damaged " << damaged << Qt::endl;
    ProgressLine progress;
    qint64 expected = 0, checked = 0, corrupt = 0;
    bool unreadable = false;
    Verification verification(**store);
    for (const QString &tenant : std::as_const(tenants)) {
        auto query = buildQuery(**store, false);
        if (!query)
            return fail(query.error());
        query->tenant = tenant;
        const qint64 before = checked;
        auto report = verification.run(
            *query,
            [&](qint64 done, qint64 bad) {
                if (!m_quiet)
                    progress.report(QStringLiteral("verify: %1 snapshots checked, %2 corrupt")
                                        .arg(before + done)
                                        .arg(corrupt + bad));
                return true;
            },
            [&](const CorruptSnapshot &c) {
                out() << c.id << ' ' << c.kind << ' ' << c.entityId << ": " << c.error.message << Qt::endl;
            });
        if (!report)
            return fail(report.error());
        expected += report->expected;
        checked += report->checked;
        corrupt += report->corrupt.size();
        if (report->unreadable) {
            unreadable = true;
            err() << "verify: " << tenant << ": reading stopped after " << report->checked << " of " << report->expected
                  << " snapshots: " << report->unreadable->message << Qt::endl;
        }
    }
    // Never "0 corrupt" for a store only partly read: how many were checked of how many is always said.
    out() << "verified " << checked << " of " << expected << " snapshots: " << corrupt << " corrupt";
    if (unreadable)
        out() << ", " << std::max<qint64>(0, expected - checked) << " not read";
    else if (checked != expected)
        out() << " (the store changed while it was checked)";
    out() << Qt::endl;
    const bool damaged = corrupt > 0 || unreadable || !problems->isEmpty() || !damagedDictionaries.isEmpty();
    return damaged || *interrupted ? CliExit::Integrity : CliExit::Ok;
}

int Cli::diff(const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("diff takes two snapshot ids"), CliExit::Usage);
    for (const QString &id : positional) {
        if (!SnapshotId::isWellFormed(id))
            return fail(QStringLiteral("\"%1\" is not a snapshot id (expected a UUID)").arg(id), CliExit::Usage);
    }
    const QString format = m_parser.isSet(m_o.format) ? m_parser.value(m_o.format) : QStringLiteral("patch");
    if (format != u"patch" && format != u"text" && format != u"stat")
        return fail(QStringLiteral("--format: expected patch, text or stat, not \"%1\"").arg(format), CliExit::Usage);
    auto store = openStore(false);
    if (!store)
        return fail(store.error());
    auto comparison = SnapshotComparisons::compare(**store, positional.at(0), positional.at(1), masksPersonal(**store));
    if (!comparison)
        return fail(comparison.error());
    if (format == u"patch")
        out() << QString::fromUtf8(CanonicalJson::indented(comparison->patch));
    else if (format == u"text")
        out() << SnapshotComparisons::report(*comparison);
    else
        out() << SnapshotComparisons::summaryText(comparison->summary) << Qt::endl;
    out().flush();
    return CliExit::Ok;
}

int Cli::json(const QStringList &positional)
{
    if (positional.size() != 3 || (positional.at(0) != u"diff" && positional.at(0) != u"apply"))
        return fail(QStringLiteral("usage: json diff A.json B.json | json apply DOC.json PATCH.json"), CliExit::Usage);
    // The two files are read and parsed side by side (a megabyte of JSON takes about 10 ms).
    QFuture<Result<QJsonValue>> secondFile = QtConcurrent::run(readJsonFile, positional.at(2));
    auto first = readJsonFile(positional.at(1));
    auto second = secondFile.result();
    if (!first)
        return fail(first.error());
    if (!second)
        return fail(second.error());
    QJsonValue result;
    if (positional.at(0) == u"diff") {
        result = JsonDiff::diff(*first, *second); // files have no kind: elements are matched by content
    } else {
        if (!second->isArray())
            return fail(QStringLiteral("%1: a patch is a JSON array of operations").arg(positional.at(2)));
        auto applied = JsonPatch::apply(*first, second->toArray());
        if (!applied)
            return fail(applied.error().message, CliExit::Failure); // the patch does not fit: not a usage error
        result = *applied;
    }
    out() << QString::fromUtf8(CanonicalJson::compact(result)) << Qt::endl;
    out().flush();
    return CliExit::Ok;
}

} // namespace SnapScopeCli
