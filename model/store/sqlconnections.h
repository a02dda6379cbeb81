#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <functional>

#include "domain/error.h"
#include "domain/maintenance.h"
#include "store/connectionspec.h"
#include "store/sqldialect.h"
#include "store/sqlvalues.h"

// The SQL store's connections: one per calling thread, named after it, opened on first use; statements run on them
// with one error path; write transactions that record their audit entry with them. Every SQL store class takes one.
class SqlConnections
{
public:
    explicit SqlConnections(const ConnectionSpec &spec);
    ~SqlConnections(); // removes every connection it opened: the threads using them must be done
    SqlConnections(const SqlConnections &) = delete;
    SqlConnections &operator=(const SqlConnections &) = delete;

    const ConnectionSpec &spec() const { return m_spec; }
    const SqlDialect &dialect() const { return m_dialect; }
    bool isSqlite() const { return m_dialect.isSqlite(); }

    // SQLite: the file or its folder is not writable; immutable: the folder is not (no -shm can be made there).
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly, bool immutable);
    // OpenOptions::privateBulkLoad, on SQLite only.
    bool isPrivateBulkLoad() const { return m_privateBulkLoad; }
    void setPrivateBulkLoad(bool privateBulkLoad) { m_privateBulkLoad = privateBulkLoad; }

    // The calling thread's connection, opened (and set up for writing) on first use.
    Result<QSqlDatabase> db();
    // Closes the calling thread's connection: a thread of one's own calls it before it ends.
    void release();
    // A connection of its own under `name` (the caller removes it), read-only when asked or when the store is.
    Result<QSqlDatabase> openConnection(const QString &name, bool readOnly) const;
    // A connection name no other store uses, for connections of one's own.
    QString uniqueName(const QString &suffix) const { return m_prefix + suffix; }

    // Prepares sql on the calling thread's connection, binds values and runs it: the query to read its rows from
    // (forward only), or the error saying `what` failed.
    Result<QSqlQuery> exec(const QString &what, const QString &sql, const QVariantList &values = {});
    // The same, positioned on the statement's first row (an aggregate's one row); no row is an error.
    Result<QSqlQuery> first(const QString &what, const QString &sql, const QVariantList &values = {});
    // Every row of sql read with `read(query)`; a row that could not be read (a damaged page, a server gone
    // mid-result) is an error, not the end of the rows.
    template <typename Read>
    auto rows(const QString &what, const QString &sql, const QVariantList &values, Read read)
        -> Result<QList<std::invoke_result_t<Read, const QSqlQuery &>>>
    {
        auto query = exec(what, sql, values);
        if (!query)
            return query.error();
        QList<std::invoke_result_t<Read, const QSqlQuery &>> result;
        while (query->next())
            result.append(read(*query));
        if (SqlValues::failedReading(*query))
            return errorFrom(what, *query);
        return result;
    }
    // The rows affected by one statement.
    Result<qint64> change(const QString &what, const QString &sql, const QVariantList &values);

    // One write transaction on this thread's connection (SQLite: BEGIN IMMEDIATE): work runs its statements and fills
    // in the audit entry to record with them (none when its action stays empty); any failure rolls all of it back.
    Status write(const std::function<Status(QSqlDatabase &db, AuditEntry &audit)> &work);
    // Appends to the audit log inside the caller's transaction.
    Status appendAudit(QSqlDatabase &db, const AuditEntry &entry) const;

    // A failed statement as a user reads it: a read-only file, a lock not granted (and who holds it), a right the
    // role lacks, or the database's own words.
    Error errorFrom(const QString &what, const QSqlQuery &query) const;

private:
    QString lockHolders() const; // PostgreSQL: who holds the lock a statement waited for in vain

    ConnectionSpec m_spec;
    SqlDialect m_dialect;
    QString m_prefix;
    bool m_readOnly = false;
    bool m_immutable = false;
    bool m_privateBulkLoad = false;
    mutable QMutex m_mutex; // guards m_names
    QStringList m_names;
};
