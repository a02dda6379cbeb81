#pragma once

#include <optional>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "domain/access.h"

// Customers' contact details (phone, email, address) in payloads and summaries. The support role sees them masked
// everywhere (case view, inspector, exports); revealing one is an explicit, audited action.
namespace Pii {

// Everyone but an admin reads them masked.
inline bool masks(Access::Role role)
{
    return role != Access::Role::Admin;
}

// Member names holding personal data (and everything under them): phone, email, address and their customer_*
// forms in summaries. The safe default for a document no shape of its kind recognises; a recognised document's
// personal fields are those its kind's definition names.
bool isPersonalKey(const QString &key);

// "0812345678" -> "••••••••78": the last two characters stay so that two values can still be told apart.
QString maskText(const QString &text);
// A copy of a `kind` document with every personal field's content masked (numbers and strings under it; structure
// kept), except the fields named in `revealed` ("phone"): someone revealed those on purpose.
QJsonValue masked(const QJsonValue &value, const QString &kind, const QStringList &revealed = {});
// The JSON Pointers of the personal fields in a `kind` document ("/order_state/customer/phone").
QStringList personalPointers(const QJsonValue &value, const QString &kind);

// What a shared store keeps in place of a personal field (issue 26): the value itself is in personal_fields, which
// only admins read. Masking leaves it as it is.
inline constexpr QLatin1String Withheld { "[withheld]" };

// One personal value taken out of a snapshot: `field` is a JSON Pointer into the payload ("/customer/phone") or
// "summary:" and a summary field's name ("summary:customer_phone").
struct WithheldField
{
    QString field;
    QJsonValue value;
};
struct WithheldDocument
{
    QJsonObject document; // with Withheld where each field was
    QList<WithheldField> fields;
};
inline const QString SummaryPrefix = QStringLiteral("summary:");

// A `kind` payload with its personal fields withheld, and their values.
WithheldDocument withhold(const QJsonObject &payload, const QString &kind);
// The same for a summary: the kind's personal summary fields and every contact-detail member.
WithheldDocument withholdSummary(const QJsonObject &summary, const QString &kind);
// A patch whose operations carry no personal value: the values at `pointers` (the personal fields of the document
// the patch makes) and under contact-detail members are withheld. Applied to the withheld base, it makes the
// withheld document.
QJsonArray withholdPatch(const QJsonArray &patch, const QStringList &pointers);
// `document` with the payload fields put back where they were withheld (summary fields are skipped).
QJsonObject restore(QJsonObject document, const QList<WithheldField> &fields);
// `value` with each member named in `byName` ("phone") that holds Withheld given that value: what a case view shows
// once the customer's detail was revealed.
QJsonValue filled(const QJsonValue &value, const QHash<QString, QJsonValue> &byName);
// The customer's details a case view reveals one at a time, by member name.
inline const QStringList ContactDetails { QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("address") };
// Whether `value` (an event's data) names the member `name` ("phone") anywhere: as a member, or as a step of an
// RFC 6902 operation's path (and any copy or move, whose subtree is not shown). An event that does may have changed
// that detail.
bool mentions(const QJsonValue &value, const QString &name);
// The value `field` names in a payload or summary, put back into its place.
QJsonValue placed(const QJsonValue &document, const QString &pointer, const QJsonValue &value);

} // namespace Pii
