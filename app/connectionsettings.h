#pragma once

#include <QList>

#include <optional>

#include "store/connectionspec.h"

// The connections the console remembers between runs (QSettings): the last one and a short recent list. Passwords
// are never written.
namespace ConnectionSettings {

QList<ConnectionSpec> recent();
std::optional<ConnectionSpec> last();
// Makes spec the last connection and the first of the recent list.
void remember(const ConnectionSpec &spec);

} // namespace ConnectionSettings
