#pragma once

#include <optional>

#include <QJsonValue>
#include <QString>
#include <QStringList>

// Customers' contact details (phone, email, address) in payloads and summaries. The support role sees them masked
// everywhere (case view, inspector, exports); revealing one is an explicit, audited action.
namespace Pii {

enum class Role { Support, Admin };

// "support" / "admin"; anything else is not a role.
std::optional<Role> roleFromString(const QString &text);
QString roleName(Role role);
// The role when nothing is configured: support, so that personal data is hidden unless someone chose otherwise.
constexpr Role DefaultRole = Role::Support;
inline bool masks(Role role)
{
    return role == Role::Support;
}

// Member names holding personal data (and everything under them): phone, email, address and their customer_*
// forms in summaries.
bool isPersonalKey(const QString &key);

// "0812345678" -> "••••••••78": the last two characters stay so that two values can still be told apart.
QString maskText(const QString &text);
// A copy of `value` with every personal member's content masked (numbers and strings under it; structure kept),
// except the members named in `revealed` ("phone"): someone revealed those on purpose.
QJsonValue masked(const QJsonValue &value, const QStringList &revealed = {});
// The JSON Pointers of the personal members in `value` ("/customer/phone", "/delivery/address").
QStringList personalPointers(const QJsonValue &value);

} // namespace Pii
