#include "caseevidence.h"

#include <QJsonObject>
#include <QLocale>

#include "domain/kindfacts.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

int CaseEvidence::verifiedCount() const
{
    return int(std::count_if(items.cbegin(), items.cend(), [](const Item &i) { return i.verified; }));
}

Result<CaseEvidence> gatherCaseEvidence(SnapshotStore &store, const DisputeCase &c, const QString &exporter,
    const QString &host, EpochMs exportedAt, Access::Role role,
    const std::function<bool(qsizetype done, qsizetype total)> &progress)
{
    CaseEvidence e;
    e.disputeCase = c;
    e.timeline = mergedCaseTimeline(c);
    e.exporter = exporter;
    e.host = host;
    e.exportedAt = exportedAt;
    e.role = role;
    for (const CaseEntry &entry : std::as_const(e.timeline)) {
        CaseEvidence::Item item { entry.header, {}, false, {} };
        // load() recomputes the SHA-256 of the (materialized) payload and refuses one that differs.
        auto loaded = store.load(entry.header.id);
        if (loaded) {
            item.payload = loaded->payload;
            item.verified = true;
            item.verification = QStringLiteral("SHA-256 matches");
        } else if (loaded.error().isIntegrityError()) {
            item.verification = loaded.error().message;
        } else {
            return loaded.error(); // the database went away: no report rather than a wrong one
        }
        e.items.append(std::move(item));
        if (progress && !progress(e.items.size(), e.timeline.size()))
            return Error { Error::Code::Cancelled, QStringLiteral("the export was cancelled") };
    }
    return e;
}

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString utc(EpochMs t)
{
    return IsoTime::toUtcSeconds(t);
}

} // namespace

QString CaseEvidence::html() const
{
    const DisputeCase &c = disputeCase;
    const bool mask = Pii::masks(role);
    // The order as of its newest snapshot, for the summary.
    QJsonObject order;
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        if (it->header.kind == u"order" && it->verified) {
            order = CanonicalJson::read(it->payload);
            break;
        }
    }
    if (mask)
        order = Pii::masked(order, QStringLiteral("order")).toObject();
    const KindFacts facts(QStringLiteral("order"), order);

    QString h;
    h.reserve(64 * 1024);
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"><style>"
                        "body { font-size: 9pt; } h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; }"
                        "h3 { font-size: 10pt; margin-top: 10px; } td, th { padding: 2px 6px; }"
                        "th { text-align: left; background: #e8e8e8; } .bad { color: #b00020; font-weight: bold; }"
                        "pre { white-space: pre-wrap; font-size: 7.5pt; } .sum { font-family: monospace; }"
                        ".nw { white-space: nowrap; }"
                        "</style></head><body>");
    h += QStringLiteral("<h1>Dispute case %1</h1>").arg(esc(c.orderId));
    h += QStringLiteral("<p>Exported by <b>%1</b> on %2 at %3 (UTC). %4</p>")
             .arg(esc(exporter), esc(host), utc(exportedAt),
                 mask ? QStringLiteral("Customer contact details are masked (support role).")
                      : QStringLiteral("Customer contact details are shown (admin role)."));

    h += QStringLiteral("<h2>Summary</h2><table border=\"1\" cellspacing=\"0\">");
    const auto row = [&h](const QString &label, const QString &value) {
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    row(QStringLiteral("Tenant"), c.tenant);
    row(QStringLiteral("Order"), c.orderId);
    row(QStringLiteral("Customer"),
        QStringLiteral("%1 %2").arg(facts.text(u"customer_id"), facts.text(u"customer_name")));
    row(QStringLiteral("Phone"), facts.text(u"customer_phone"));
    row(QStringLiteral("Email"), facts.text(u"customer_email"));
    row(QStringLiteral("Status"), facts.text(u"status"));
    const QJsonValue total = facts.value(u"total_amount");
    row(QStringLiteral("Total"),
        QStringLiteral("%1 %2").arg(JsonNumber::isExact(total) ? QString::fromLatin1(JsonNumber::text(total))
                                                               : QLocale::c().toString(total.toDouble(), 'f', 2),
            facts.text(u"currency")));
    if (!c.order.isEmpty())
        row(QStringLiteral("Order snapshots"),
            QStringLiteral("%1, from %2 to %3")
                .arg(c.order.size())
                .arg(utc(c.order.first().takenAt), utc(c.order.last().takenAt)));
    row(QStringLiteral("Chat sessions"),
        c.chatSessions.isEmpty() ? QStringLiteral("none") : c.chatSessions.join(u", "));
    row(QStringLiteral("Chat snapshots"), QString::number(c.chats.size()));
    row(QStringLiteral("Stock movements"), QString::number(c.inventory.size()));
    row(QStringLiteral("Financial records"), QString::number(c.financial.size()));
    const int verified = verifiedCount();
    h += QStringLiteral(
        "<tr><th>Verification</th><td%1>%2 of %3 snapshots verified (SHA-256 recomputed at export)</td></tr>")
             .arg(verified == items.size() ? QString() : QStringLiteral(" class=\"bad\""))
             .arg(verified)
             .arg(items.size());
    h += QStringLiteral("</table>");

    // Times, kinds, ids and types are never broken inside a word; the details take what width is left.
    h += QStringLiteral("<h2>Timeline</h2><table border=\"1\" cellspacing=\"0\" width=\"100%\" "
                        "style=\"font-size: 7.5pt\"><tr><th class=\"nw\">Time (UTC)</th><th class=\"nw\">What</th>"
                        "<th class=\"nw\">Entity</th><th class=\"nw\">Type</th><th class=\"nw\">Triggered by</th>"
                        "<th width=\"100%\">Details</th></tr>");
    static const char *sourceNames[] = { "Order", "Chat", "Stock movement", "Financial" };
    for (const CaseEntry &e : timeline) {
        const QString by = e.header.trigger.value(u"source").toString();
        h += QStringLiteral("<tr><td class=\"nw\">%1</td><td class=\"nw\">%2</td><td class=\"nw\">%3</td>"
                            "<td class=\"nw\">%4</td><td>%5</td><td>%6</td></tr>")
                 .arg(utc(e.header.takenAt), QLatin1String(sourceNames[int(e.source)]), esc(e.header.entityId),
                     esc(e.header.type),
                     esc(by.isEmpty() ? e.header.createdBy : e.header.createdBy + u" (" + by + u')'), esc(e.details));
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Snapshots</h2>");
    for (const Item &item : items) {
        const SnapshotHeader &s = item.header;
        h += QStringLiteral("<h3>%1 %2 v%3 — %4 — %5</h3>")
                 .arg(esc(s.kind), esc(s.entityId))
                 .arg(s.version)
                 .arg(esc(s.type), utc(s.takenAt));
        h += QStringLiteral("<p>Snapshot %1<br>SHA-256 <span class=\"sum\">%2</span><br>Verification: %3</p>")
                 .arg(esc(s.id), esc(s.checksum),
                     item.verified
                         ? esc(item.verification)
                         : QStringLiteral("<span class=\"bad\">FAILED: %1</span>").arg(esc(item.verification)));
        if (!item.payload.isEmpty()) {
            QJsonValue doc = CanonicalJson::read(item.payload);
            if (mask)
                doc = Pii::masked(doc, s.kind);
            h += QStringLiteral("<pre>%1</pre>").arg(esc(QString::fromUtf8(CanonicalJson::indented(doc))));
        }
    }
    h += QStringLiteral("</body></html>");
    return h;
}
