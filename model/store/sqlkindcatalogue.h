#pragma once

#include <QList>
#include <QString>

#include "domain/kinddefinition.h"
#include "store/sqlconnections.h"

// The kinds imported into a store (kind_definitions): read when the store opens and installed in the KindRegistry, so
// every console and CLI on the store knows them; imported and removed with an audit entry.
class SqlKindCatalogue
{
public:
    explicit SqlKindCatalogue(SqlConnections &sql)
        : m_sql(sql)
    { }

    Result<QList<KindDefinition>> imported();
    // Reads the imported kinds and installs them (on open; schemaVersion: the store's, kinds are stored from 11 on).
    Status load(int schemaVersion);
    Status importKind(const KindDefinition &kind, const QString &actor);
    Status removeKind(const QString &id, const QString &actor);

private:
    SqlConnections &m_sql;
};
