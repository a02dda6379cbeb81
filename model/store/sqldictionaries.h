#pragma once

#include "codec/payloadcodec.h"
#include "domain/sourcerecords.h"
#include "store/sqlconnections.h"

// The zstd dictionaries table: loaded into the codec (checked against their checksums), trained ones stored.
class SqlDictionaries
{
public:
    SqlDictionaries(SqlConnections &sql, PayloadCodec &codec)
        : m_sql(sql)
        , m_codec(codec)
    { }

    // Reads every dictionary into the codec; one whose checksum does not match is marked damaged, not loaded.
    // Checksums written before schema 9 ('pending') are written now, unless the store is read-only.
    Status load(int schemaVersion);
    // Reads them again (another process may have trained one since).
    Status reload() { return load(m_schemaVersion); }
    // Stores a dictionary, makes it the kind's active one and returns its id.
    Result<int> add(const QString &kind, const QByteArray &bytes, int sampleCount);
    Result<QList<DictionaryInfo>> list();

private:
    SqlConnections &m_sql;
    PayloadCodec &m_codec;
    int m_schemaVersion = 0;
};
