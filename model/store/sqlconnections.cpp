#include "sqlconnections.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QSqlError>
#include <QSysInfo>
#include <QThread>
#include <QUrl>

#include <dlfcn.h>

namespace {

Q_LOGGING_CATEGORY(lcServerNotice, "snapscope.postgres.notice", QtWarningMsg)

// libpq prints what the server sends besides errors (notices, warnings) on stderr. client_min_messages=error keeps
// most away, but a server stopped with connections open sends "terminating connection due to immediate shutdown
// command" to every client whatever it asked for, and the CLI's one line on stderr became three. Those messages go to
// a logging category instead (QT_LOGGING_RULES="snapscope.postgres.notice.debug=true" shows them). libpq is the QPSQL
// plugin's: its function is looked up in the library the plugin loaded, so nothing here links against it.
void routeServerNotices(const QSqlDatabase &db)
{
    using Processor = void (*)(void *, const char *);
    using SetProcessor = Processor (*)(void *, Processor, void *);
    static const SetProcessor setProcessor = [] {
        void *libpq = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        return libpq ? reinterpret_cast<SetProcessor>(dlsym(libpq, "PQsetNoticeProcessor")) : nullptr;
    }();
    const QVariant handle = db.driver()->handle();
    // The QPSQL driver's handle is a PGconn*, which Qt names by its struct: pg_conn*.
    if (!setProcessor || !handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return;
    void *connection = *static_cast<void *const *>(handle.constData());
    if (connection)
        setProcessor(
            connection,
            [](void *, const char *message) {
                qCDebug(lcServerNotice, "%s", QByteArray(message).trimmed().constData());
            },
            nullptr);
}

QAtomicInt storeCounter;

// A name for the calling thread's connection that no later thread gets. (Named after the QThread's address, a new
// thread at a finished one's address found its connection, which Qt refuses across threads, and the new one
// replaced it with "duplicate connection name" on stderr.)
QString threadTag()
{
    static QAtomicInteger<quint64> threads;
    thread_local const QString tag = QString::number(++threads, 16);
    return tag;
}

// Classifies a failed PostgreSQL connection into something a user can act on.
Error connectionError(const ConnectionSpec &spec, const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString where = QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    if (text.contains(QStringLiteral("no password supplied")))
        return { Error::Code::Connection,
            QStringLiteral("PostgreSQL at %1 asks for a password for user \"%2\" and none was given (password= in "
                           "the connection, PGPASSWORD or ~/.pgpass)")
                .arg(where, spec.user) };
    if (text.contains(QStringLiteral("password authentication failed")))
        return { Error::Code::Connection,
            QStringLiteral("PostgreSQL at %1 refused the password for user \"%2\"").arg(where, spec.user) };
    if (text.contains(QStringLiteral("does not exist")) && text.contains(QStringLiteral("database")))
        return { Error::Code::NotFound,
            QStringLiteral("PostgreSQL at %1 has no database \"%2\"").arg(where, spec.database) };
    if (text.contains(QStringLiteral("Connection refused")) || text.contains(QStringLiteral("could not connect"))
        || text.contains(QStringLiteral("timeout")) || text.contains(QStringLiteral("could not translate host")))
        return { Error::Code::Connection,
            QStringLiteral("cannot reach PostgreSQL at %1: %2").arg(where, text.simplified()) };
    return { Error::Code::Connection,
        QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(where, text.simplified()) };
}

} // namespace

SqlConnections::SqlConnections(const ConnectionSpec &spec)
    : m_spec(spec)
    , m_dialect(spec.backend)
    , m_prefix(QStringLiteral("snapscope-%1-").arg(storeCounter.fetchAndAddRelaxed(1)))
{ }

SqlConnections::~SqlConnections()
{
    QMutexLocker locker(&m_mutex);
    // Removing a connection closes it once its last handle is gone. (Fetching it here first would touch another
    // thread's connection.)
    for (const QString &name : std::as_const(m_names))
        QSqlDatabase::removeDatabase(name);
}

void SqlConnections::setReadOnly(bool readOnly, bool immutable)
{
    m_readOnly = readOnly || immutable;
    m_immutable = immutable;
}

Result<QSqlDatabase> SqlConnections::openConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
    if (m_dialect.isSqlite()) {
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(SqlDialect::BusyTimeoutMs);
        if (m_immutable) {
            db.setDatabaseName(QUrl::fromLocalFile(m_spec.sqlitePath).toString() + QStringLiteral("?immutable=1"));
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        } else {
            db.setDatabaseName(m_spec.sqlitePath);
        }
        if (readOnly || m_readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
    } else {
        db.setHostName(m_spec.host);
        db.setPort(m_spec.port);
        db.setDatabaseName(m_spec.database);
        db.setUserName(m_spec.user);
        if (!m_spec.password.isEmpty())
            db.setPassword(m_spec.password);
        QString options
            = QStringLiteral("connect_timeout=%1;").arg(m_spec.connectTimeoutSeconds) + m_dialect.startupOptions();
        if (!m_spec.sslmode.isEmpty())
            options += QStringLiteral(";sslmode=") + m_spec.sslmode;
        db.setConnectOptions(options);
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        if (m_dialect.isSqlite())
            return Error { Error::Code::Io, QStringLiteral("cannot open %1: %2").arg(m_spec.sqlitePath, error.text()) };
        return connectionError(m_spec, error);
    }
    if (!m_dialect.isSqlite())
        routeServerNotices(db);
    if (!readOnly && !m_readOnly) {
        for (const QString &statement : m_dialect.sessionSetup(m_privateBulkLoad)) {
            QSqlQuery query(db);
            // Changing the journal mode takes an exclusive lock and does not wait for it (the busy timeout does not
            // apply): several processes opening a new file at once wait here, as long as for any other lock.
            QElapsedTimer waited;
            waited.start();
            bool done = query.exec(statement);
            while (!done && m_dialect.isSqlite() && (query.lastError().nativeErrorCode().toInt() & 0xff) == 5
                && waited.elapsed() < SqlDialect::BusyTimeoutMs) {
                QThread::msleep(20);
                done = query.exec(statement);
            }
            if (!done) {
                const QSqlError error = query.lastError();
                query = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return Error { Error::Code::Database,
                    QStringLiteral("setting up the connection (%1): %2")
                        .arg(statement,
                            error.text().trimmed().isEmpty() ? QStringLiteral("the database did not answer")
                                                             : error.text()) };
            }
        }
    }
    return db;
}

Result<QSqlDatabase> SqlConnections::db()
{
    const QString name = m_prefix + threadTag();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen())
            return existing;
    }
    auto opened = openConnection(name, false);
    if (opened) {
        QMutexLocker locker(&m_mutex);
        if (!m_names.contains(name))
            m_names.append(name);
    }
    return opened;
}

void SqlConnections::release()
{
    const QString name = m_prefix + threadTag();
    QMutexLocker locker(&m_mutex);
    if (!m_names.removeOne(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Error SqlConnections::errorFrom(const QString &what, const QSqlQuery &query) const
{
    const QSqlError error = query.lastError();
    if (m_dialect.isSqlite() && (error.nativeErrorCode().toInt() & 0xff) == 8) // SQLITE_READONLY
        return { Error::Code::Io,
            what + QStringLiteral(": the database is read-only here (its file or folder is not writable)") };
    if (!m_dialect.isSqlite() && error.nativeErrorCode() == u"55P03") // lock_not_available, after lock_timeout
        return { Error::Code::Database,
            what
                + QStringLiteral(": PostgreSQL did not grant a lock within %1 s; %2")
                      .arg(SqlDialect::BusyTimeoutMs / 1000)
                      .arg(lockHolders()) };
    if (!m_dialect.isSqlite() && error.nativeErrorCode() == u"42501") // insufficient_privilege
        return { Error::Code::Forbidden,
            what
                + QStringLiteral(": PostgreSQL role %1 lacks the right to do this (%2)")
                      .arg(m_spec.user, error.databaseText().trimmed()) };
    // SnapScope's own functions (snapscope_reveal) say what is missing in their message: it is the whole story.
    if (!m_dialect.isSqlite() && error.nativeErrorCode() == u"P0002") // no_data_found
        return { Error::Code::NotFound,
            what + QStringLiteral(": ")
                + error.databaseText().section(u'\n', 0, 0).remove(QStringLiteral("ERROR:")).trimmed() };
    return { Error::Code::Database, what + QStringLiteral(": ") + error.text() };
}

QString SqlConnections::lockHolders() const
{
    // Asked on a connection of its own: the one that waited is in an aborted transaction now.
    static QAtomicInt asked;
    const QString name = m_prefix + QStringLiteral("locks-") + QString::number(++asked);
    QString holders;
    {
        // The store's own way of connecting (the same TLS demands), read-only: nothing is written on it.
        auto opened = openConnection(name, true);
        if (opened) {
            QSqlDatabase db = *opened;
            QSqlQuery query(db);
            // The sessions in a transaction on this database, oldest first: the lock is one of theirs. (The one that
            // waited is in an aborted transaction now, and left out.)
            if (query.exec(QStringLiteral(
                    "SELECT pid, COALESCE(NULLIF(application_name, ''), 'an unnamed client'), COALESCE(usename, '?'), "
                    "COALESCE(host(client_addr), 'local'), state, CAST(EXTRACT(EPOCH FROM now() - xact_start) AS "
                    "bigint) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND xact_start IS NOT NULL AND state <> 'idle in transaction (aborted)' ORDER BY xact_start LIMIT "
                    "3"))) {
                QStringList sessions;
                while (query.next())
                    sessions.append(
                        QStringLiteral("pid %1 (%2, user %3 from %4, %5, in a transaction for %6 s)")
                            .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString(), query.value(4).toString(), query.value(5).toString()));
                if (!sessions.isEmpty())
                    holders = QStringLiteral("it is held by ") + sessions.join(QStringLiteral(", or "));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return holders.isEmpty() ? QStringLiteral("the session holding it has ended; try again") : holders;
}

Result<QSqlQuery> SqlConnections::exec(const QString &what, const QString &sql, const QVariantList &values)
{
    auto db = this->db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!SqlValues::execWith(query, sql, values))
        return errorFrom(what, query);
    return query;
}

Result<QSqlQuery> SqlConnections::first(const QString &what, const QString &sql, const QVariantList &values)
{
    auto query = exec(what, sql, values);
    if (query && !query->next())
        return SqlValues::failedReading(*query) ? errorFrom(what, *query)
                                                : Error { Error::Code::Database, what + QStringLiteral(": no row") };
    return query;
}

Result<qint64> SqlConnections::change(const QString &what, const QString &sql, const QVariantList &values)
{
    auto query = exec(what, sql, values);
    if (!query)
        return query.error();
    return qint64(query->numRowsAffected());
}

Status SqlConnections::write(const std::function<Status(QSqlDatabase &db, AuditEntry &audit)> &work)
{
    auto dbResult = db();
    if (!dbResult)
        return dbResult.error();
    QSqlDatabase &db = *dbResult;
    if (Status begun = m_dialect.beginWrite(db); !begun)
        return begun.error();
    AuditEntry entry;
    Status status = work(db, entry);
    if (status && !entry.action.isEmpty())
        status = appendAudit(db, entry);
    if (!status) {
        db.rollback();
        return status;
    }
    if (!db.commit())
        return Error { Error::Code::Database, db.lastError().text() };
    return {};
}

Status SqlConnections::appendAudit(QSqlDatabase &db, const AuditEntry &entry) const
{
    static const QString host = QSysInfo::machineHostName();
    QSqlQuery query(db);
    if (!SqlValues::execWith(query,
            QStringLiteral("INSERT INTO audit_log (at, tenant_id, actor, host, action, target, details, outcome) "
                           "VALUES (?, ?, ?, ?, ?, ?, %1, ?)")
                .arg(m_dialect.jsonParameter()),
            { entry.at > 0 ? entry.at : QDateTime::currentMSecsSinceEpoch(), SqlValues::nullIfEmpty(entry.tenant),
                entry.actor, entry.host.isEmpty() ? host : entry.host, entry.action,
                SqlValues::nullIfEmpty(entry.target), SqlValues::compactJson(entry.details), entry.outcome }))
        return errorFrom(QStringLiteral("writing the audit log"), query);
    return {};
}
