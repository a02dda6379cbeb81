#pragma once

#include <optional>

#include <QJsonValue>
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

} // namespace Pii
