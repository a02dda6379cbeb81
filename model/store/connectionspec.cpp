#include "connectionspec.h"

#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

ConnectionSpec ConnectionSpec::sqlite(const QString &path)
{
    ConnectionSpec spec;
    spec.backend = Backend::SQLite;
    spec.sqlitePath = path;
    return spec;
}

QString ConnectionSpec::defaultSqlitePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return folder + QStringLiteral("/SnapScope/snapscope/demo.sqlite");
}

Result<ConnectionSpec> ConnectionSpec::fromPgKeywords(const QString &text, const QString &option)
{
    ConnectionSpec spec;
    spec.backend = Backend::PostgreSQL;
    spec.host.clear();

    // libpq syntax: key = value pairs separated by spaces; values may be single-quoted with \' and \\ escapes.
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    QHash<QString, QString> values;
    while (true) {
        skipSpace();
        if (i >= n)
            break;
        QString key;
        while (i < n && !text.at(i).isSpace() && text.at(i) != u'=')
            key.append(text.at(i++));
        skipSpace();
        if (i >= n || text.at(i) != u'=')
            return Error { Error::Code::Invalid,
                QString(option + QStringLiteral(": expected key=value, got \"%1\"")).arg(key) };
        ++i;
        skipSpace();
        QString value;
        if (i < n && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i++);
                if (c == u'\\' && i < n) {
                    value.append(text.at(i++));
                } else if (c == u'\'') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed)
                return Error { Error::Code::Invalid,
                    QString(option + QStringLiteral(": unterminated quote in value of %1")).arg(key) };
        } else {
            while (i < n && !text.at(i).isSpace())
                value.append(text.at(i++));
        }
        if (key.isEmpty())
            return Error { Error::Code::Invalid, QString(option + QStringLiteral(": empty keyword")) };
        values.insert(key, value);
    }

    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString &key = it.key();
        const QString &value = it.value();
        if (key == u"host" || key == u"hostaddr") {
            spec.host = value;
        } else if (key == u"port") {
            bool ok = false;
            spec.port = value.toInt(&ok);
            if (!ok || spec.port <= 0 || spec.port > 65535)
                return Error { Error::Code::Invalid,
                    QString(option + QStringLiteral(": port \"%1\" is not a port number")).arg(value) };
        } else if (key == u"dbname") {
            spec.database = value;
        } else if (key == u"user") {
            spec.user = value;
        } else if (key == u"sslmode") {
            static const QStringList modes { QStringLiteral("disable"), QStringLiteral("allow"),
                QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                QStringLiteral("verify-full") };
            if (!modes.contains(value))
                return Error { Error::Code::Invalid,
                    QString(option + QStringLiteral(": unknown sslmode \"%1\"")).arg(value) };
            spec.sslmode = value;
        } else if (key == u"connect_timeout") {
            bool ok = false;
            spec.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || spec.connectTimeoutSeconds < 0)
                return Error { Error::Code::Invalid,
                    QString(option + QStringLiteral(": connect_timeout \"%1\" is not a number")).arg(value) };
        } else if (key == u"password") {
            return Error { Error::Code::Invalid,
                option == u"--pg"
                    ? QStringLiteral(
                        "--pg: do not put the password on the command line; set SNAPSCOPE_PGPASSWORD or use ~/.pgpass")
                    : QStringLiteral("%1: do not put the password in the connection (SnapScope would keep it); use "
                                     "~/.pgpass or PGPASSWORD")
                          .arg(option) };
        } else {
            return Error { Error::Code::Invalid,
                QString(option + QStringLiteral(": unsupported keyword \"%1\"")).arg(key) };
        }
    }
    if (spec.database.isEmpty())
        return Error { Error::Code::Invalid, QString(option + QStringLiteral(": dbname is required")) };
    if (spec.host.isEmpty())
        spec.host = QStringLiteral("localhost");
    spec.password = qEnvironmentVariable("SNAPSCOPE_PGPASSWORD");
    return spec;
}

QString ConnectionSpec::backendName() const
{
    return backend == Backend::SQLite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
}

QString ConnectionSpec::displayName() const
{
    if (backend == Backend::SQLite)
        return QStringLiteral("SQLite %1").arg(QFileInfo(sqlitePath).absoluteFilePath());
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}
