#include "casepanels.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include "domain/kindfacts.h"
#include "domain/pii.h"
#include "items/money.h"
#include "json/canonicaljson.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

namespace {

// An object's leaves by JSON Pointer, for the order panel's list and its highlighting.
void flatten(const QJsonValue &value, const QString &pointer, QList<std::pair<QString, QString>> &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(it.value(), pointer + u'/' + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(a.at(i), pointer + u'/' + QString::number(i), out);
        if (a.isEmpty())
            out.append({ pointer, QStringLiteral("[]") });
    } else if (value.isString() && !JsonNumber::isExact(value)) {
        out.append({ pointer, value.toString() });
    } else {
        out.append({ pointer, QString::fromUtf8(CanonicalJson::compact(value)) });
    }
}

constexpr auto Highlight = "background-color:#fff1b8";

const QString OrderKind = QStringLiteral("order");
const QString ChatKind = QStringLiteral("chat");

} // namespace

CasePanels::Title CasePanels::title(
    const DisputeCase &dispute, const std::optional<CaseMoment> &moment, const View &view)
{
    QJsonObject order = moment && moment->orderExists ? moment->order : QJsonObject();
    if (!view.revealedValues.isEmpty())
        order = Pii::filled(order, view.revealedValues).toObject();
    if (view.mask)
        order = Pii::masked(order, OrderKind, view.revealed).toObject();
    const KindFacts facts(OrderKind, order);
    int pinned = 0, total = 0;
    for (const QList<SnapshotHeader> *list :
        { &dispute.order, &dispute.chats, &dispute.inventory, &dispute.financial }) {
        for (const SnapshotHeader &h : *list) {
            ++total;
            pinned += h.pinned ? 1 : 0;
        }
    }
    QString hold = pinned == 0 ? QString()
        : pinned == total
        ? tr(" · <b style='color:#8a4b00'>on legal hold</b>")
        : tr(" · <b style='color:#8a4b00'>%1 of %2 snapshots on legal hold</b>").arg(pinned).arg(total);
    const QString html
        = tr("<b style='font-size:large'>%1</b> · %2 %3 · phone %4 · email %5<br>address %6<br>%7 order, %8 chat, %9 "
             "stock and %10 financial snapshots%11")
              .arg(dispute.orderId.toHtmlEscaped(), facts.html(u"customer_id"), facts.html(u"customer_name"),
                  facts.html(u"customer_phone"), facts.html(u"customer_email"), facts.html(u"delivery_address"))
              .arg(dispute.order.size())
              .arg(dispute.chats.size())
              .arg(dispute.inventory.size())
              .arg(dispute.financial.size())
              .arg(hold);
    return { html, pinned > 0 };
}

CasePanels::Order CasePanels::order(
    const CaseMoment &m, const std::optional<CaseMoment> &previousMoment, const View &view)
{
    const auto zoneTime = [&view](EpochMs at) { return IsoTime::toZoneText(at, view.zone, true); };
    if (!m.orderExists)
        return { tr("<p>As of %1 the order had not been created yet.</p>").arg(zoneTime(m.at)), QString() };
    const auto shown = [&view](const QJsonObject &o, const QHash<QString, QJsonValue> &values) {
        const QJsonObject filled = values.isEmpty() ? o : Pii::filled(o, values).toObject();
        return view.mask ? Pii::masked(filled, OrderKind, view.revealed) : QJsonValue(filled);
    };
    QList<std::pair<QString, QString>> now, before;
    flatten(shown(m.order, view.revealedValues), QString(), now);
    QHash<QString, QString> previous;
    const bool compared = previousMoment && previousMoment->orderExists;
    if (compared) {
        flatten(shown(previousMoment->order, view.previousRevealedValues), QString(), before);
        for (const auto &[pointer, value] : std::as_const(before))
            previous.insert(pointer, value);
    }
    QString html = tr("<p>As of <b>%1</b>: %2 · version %3 · %4 ms</p>")
                       .arg(zoneTime(m.at), KindFacts(OrderKind, m.order).html(u"status"))
                       .arg(m.orderVersion)
                       .arg(QLocale().toString(m.elapsedMs, 'f', 1));
    html += QStringLiteral("<p style='color:gray'>%1</p><table cellspacing='0' cellpadding='2'>")
                .arg(m.orderSource.toHtmlEscaped());
    int changed = 0;
    for (const auto &[pointer, value] : std::as_const(now)) {
        const bool isChanged = compared && previous.value(pointer, QStringLiteral("\x01")) != value;
        changed += isChanged ? 1 : 0;
        html += QStringLiteral("<tr%1><td style='color:#555'>%2</td><td>%3</td></tr>")
                    .arg(isChanged ? QStringLiteral(" style='%1'").arg(QLatin1String(Highlight)) : QString(),
                        pointer.toHtmlEscaped(), value.toHtmlEscaped());
        previous.remove(pointer);
    }
    if (compared) {
        for (auto it = previous.cbegin(); it != previous.cend(); ++it)
            html += QStringLiteral("<tr style='color:gray'><td><s>%1</s></td><td><s>%2</s></td></tr>")
                        .arg(it.key().toHtmlEscaped(), it.value().toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    return { html,
        compared && (changed > 0 || !previous.isEmpty())
            ? tr("Order — %n field(s) changed since the previous position", nullptr, changed + int(previous.size()))
            : tr("Order") };
}

QString CasePanels::chats(
    const DisputeCase &dispute, const CaseMoment &m, const std::optional<CaseMoment> &previousMoment, const View &view)
{
    const auto zoneTime = [&view](EpochMs at) { return IsoTime::toZoneText(at, view.zone, true); };
    if (dispute.chatSessions.isEmpty())
        return tr("<p>No chat session led to this order.</p>");
    QString html;
    for (const QString &session : dispute.chatSessions) {
        if (!m.chats.contains(session)) {
            html += tr("<p><b>%1</b>: had not started by %2.</p>").arg(session.toHtmlEscaped(), zoneTime(m.at));
            continue;
        }
        QJsonObject chat = m.chats.value(session);
        if (view.mask)
            chat = Pii::masked(chat, ChatKind, view.revealed).toObject();
        const auto messageKey = [](const QJsonObject &message) -> QString {
            return JsonNumber::scalarText(message.value(u"timestamp")) + JsonNumber::scalarText(message.value(u"text"));
        };
        QSet<QString> seen;
        if (previousMoment && previousMoment->chats.contains(session)) {
            for (const QJsonObject &message :
                KindFacts(ChatKind, previousMoment->chats.value(session)).elements(u"key_messages"))
                seen.insert(messageKey(message));
        }
        const bool compared = previousMoment.has_value();
        const KindFacts facts(ChatKind, chat);
        QStringList intents;
        for (const QJsonValue &intent : facts.raw(u"intent_progression").toArray())
            intents << JsonNumber::scalarText(intent);
        html += tr("<p><b>%1</b> · %2 · %3 · %4 messages</p>")
                    .arg(session.toHtmlEscaped(), facts.html(u"platform"), facts.html(u"status"))
                    .arg(qint64(facts.number(u"total_messages")));
        html += tr("<p>Intents: %1<br>AI confidence %2 (%3)<br>Hand-off to a person: %4<br>Satisfaction: %5<br>"
                   "Outcome: %6</p>")
                    .arg(intents.join(QStringLiteral(" → ")).toHtmlEscaped(),
                        QLocale().toString(facts.number(u"avg_confidence"), 'f', 2), facts.html(u"ai_model"),
                        facts.value(u"human_handoff").toBool() ? tr("yes (%1)").arg(facts.html(u"handoff_reason"))
                                                               : tr("no"),
                        JsonNumber::isNumber(facts.value(u"satisfaction"))
                            ? QStringLiteral("%1/5").arg(facts.number(u"satisfaction"))
                            : tr("not rated yet"),
                        facts.value(u"order_created").toBool()
                            ? tr("order %1 for %2")
                                  .arg(facts.html(u"order_id"),
                                      Money::format(facts.number(u"order_value"), view.currency))
                            : tr("no order yet"));
        for (const QJsonObject &message : facts.elements(u"key_messages")) {
            const QString key = messageKey(message);
            const bool isNew = compared && !seen.contains(key);
            const EpochMs at
                = QDateTime::fromString(message.value(u"timestamp").toString(), Qt::ISODate).toMSecsSinceEpoch();
            QString line = QStringLiteral("%1 · <b>%2</b> · %3")
                               .arg(QDateTime::fromMSecsSinceEpoch(at, view.zone).toString(QStringLiteral("HH:mm:ss")),
                                   message.value(u"sender").toString().toHtmlEscaped(),
                                   message.value(u"intent").toString().toHtmlEscaped());
            if (message.contains(u"confidence"))
                line += tr(" · confidence %1")
                            .arg(QLocale().toString(JsonNumber::toDouble(message.value(u"confidence")), 'f', 2));
            html += QStringLiteral("<p%1><span style='color:#555'>%2</span><br>%3</p>")
                        .arg(isNew ? QStringLiteral(" style='%1'").arg(QLatin1String(Highlight)) : QString(), line,
                            message.value(u"text").toString().toHtmlEscaped());
        }
    }
    return html;
}
