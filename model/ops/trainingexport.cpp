#include "trainingexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include "domain/kindfacts.h"
#include "domain/pii.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

namespace TrainingExport {

namespace {

const QString ChatKind = QStringLiteral("chat");
constexpr int PageRows = 500; // headers read at a time
constexpr qint64 ProgressEvery = 64; // snapshots between progress reports (and checks for Cancel)

QJsonArray confidenceScores(const KindFacts &facts)
{
    // The SAAN shapes keep the scores in one array; SnapScope 1.x kept each key message's own.
    const QJsonValue scores = facts.raw(u"confidence_scores");
    if (scores.isArray())
        return scores.toArray();
    QJsonArray fromMessages;
    for (const QJsonObject &message : facts.elements(u"key_messages")) {
        if (message.value(u"confidence").isDouble())
            fromMessages.append(message.value(u"confidence"));
    }
    return fromMessages;
}

} // namespace

QString maskContacts(const QString &text)
{
    // An e-mail address; or a phone number: 9 to 15 digits, written as one run that starts with 0 (0812345678) or in
    // groups (081-234-5678, 081.234.5678, +66 81 234 5678, (02) 123 4567), not inside a word, an id, a date or a
    // time, and not an amount in thousands (1 250 000).
    static const QRegularExpression contact(
        QStringLiteral("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
                       "|(?<![\\w.:/+-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?"
                       "(?:0\\d{8,9}|\\+\\d{9,14}|\\d{1,4}(?:[ .-]\\d{2,4}){1,4})(?![\\w:/-]|\\.\\d)"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression thousands(QStringLiteral("^\\d{1,3}(?:[ ,.]\\d{3})+$"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}$"));
    const auto isContact = [](const QString &found) {
        if (found.contains(u'@'))
            return true;
        qsizetype digits = 0;
        for (const QChar c : found)
            digits += c.isDigit() ? 1 : 0;
        return digits >= 9 && digits <= 15 && !thousands.match(found).hasMatch() && !date.match(found).hasMatch();
    };
    QString out;
    qsizetype at = 0;
    for (auto it = contact.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        if (!isContact(match.captured()))
            continue;
        out += QStringView(text).mid(at, match.capturedStart() - at);
        out += Pii::maskText(match.captured());
        at = match.capturedEnd();
    }
    if (at == 0)
        return text;
    return out + QStringView(text).mid(at);
}

std::optional<QJsonObject> record(const SnapshotHeader &header, const QJsonObject &payload, const Options &options)
{
    if (header.kind != ChatKind || !options.types.contains(header.type))
        return std::nullopt;
    const QJsonObject masked = Pii::masked(payload, ChatKind).toObject();
    const KindFacts facts(ChatKind, masked);
    const QJsonArray scores = confidenceScores(facts);
    const QJsonValue satisfaction = facts.value(u"satisfaction");
    if (scores.isEmpty() || !satisfaction.isDouble() || satisfaction.toDouble() < options.minSatisfaction)
        return std::nullopt;
    QJsonArray messages;
    for (const QJsonObject &message : facts.elements(u"key_messages")) {
        messages.append(QJsonObject { { QStringLiteral("timestamp"), message.value(u"timestamp") },
            { QStringLiteral("sender"), message.value(u"sender") },
            { QStringLiteral("content"), maskContacts(message.value(u"text").toString()) },
            { QStringLiteral("intent"), message.value(u"intent") } });
    }
    return QJsonObject {
        { QStringLiteral("snapshot_id"), header.id },
        { QStringLiteral("session_id"), header.entityId },
        { QStringLiteral("snapshot_type"), header.type },
        { QStringLiteral("taken_at"), IsoTime::toUtcString(header.takenAt) },
        { QStringLiteral("platform"), facts.value(u"platform") },
        { QStringLiteral("key_messages"), messages },
        { QStringLiteral("intent_progression"), facts.raw(u"intent_progression") },
        { QStringLiteral("ai_confidence_scores"), scores },
        { QStringLiteral("business_outcome"), facts.raw(u"outcome") },
        { QStringLiteral("customer_satisfaction"), satisfaction },
    };
}

Result<Report> write(SnapshotStore &store, const Options &options, const QString &path, const Progress &progress)
{
    if (options.types.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("the training export needs at least one snapshot type") };
    SnapshotQuery query;
    query.tenant = options.tenant;
    query.kind = ChatKind;
    query.types = options.types;
    auto total = store.countHeaders(query);
    if (!total)
        return total.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
    Report report;
    PageRequest page;
    page.order = SortOrder::OldestFirst;
    page.limit = PageRows;
    for (;;) {
        auto headers = store.listHeaders(query, page);
        if (!headers)
            return headers.error();
        for (const SnapshotHeader &h : std::as_const(headers->headers)) {
            auto snapshot = store.load(h.id);
            if (!snapshot)
                return snapshot.error();
            ++report.scanned;
            QJsonParseError parsed;
            const QJsonDocument document = QJsonDocument::fromJson(snapshot->payload, &parsed);
            if (parsed.error != QJsonParseError::NoError || !document.isObject())
                return Error { Error::Code::Invalid,
                    QStringLiteral("snapshot %1 is not a JSON object: %2").arg(h.id, parsed.errorString()) };
            if (const auto line = record(h, document.object(), options)) {
                file.write(QJsonDocument(*line).toJson(QJsonDocument::Compact));
                file.write("\n");
                ++report.written;
            }
            if (progress && report.scanned % ProgressEvery == 0 && !progress(report.scanned, *total))
                return Error { Error::Code::Cancelled, QStringLiteral("the training export was cancelled") };
        }
        if (!headers->next)
            break;
        page.after = headers->next;
    }
    if (progress && !progress(report.scanned, *total))
        return Error { Error::Code::Cancelled, QStringLiteral("the training export was cancelled") };
    if (!file.commit())
        return Error { Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()) };
    return report;
}

} // namespace TrainingExport
