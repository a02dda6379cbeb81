#include "bulkinsert.h"

#include <QSqlError>

BulkInsert::BulkInsert(const QSqlDatabase &db, QString head, QString row, QString tail, int rowsPerStatement)
    : m_db(db)
    , m_head(std::move(head))
    , m_row(std::move(row))
    , m_tail(std::move(tail))
    , m_rowsPerStatement(rowsPerStatement)
{ }

QString BulkInsert::statement(int rows) const
{
    QString sql;
    sql.reserve(m_head.size() + 8 + rows * (m_row.size() + 2) + m_tail.size());
    sql += m_head;
    sql += QLatin1String(" VALUES ");
    for (int i = 0; i < rows; ++i) {
        if (i)
            sql += QLatin1String(", ");
        sql += m_row;
    }
    if (!m_tail.isEmpty()) {
        sql += u' ';
        sql += m_tail;
    }
    return sql;
}

bool BulkInsert::prepareFull()
{
    if (m_full)
        return true;
    QSqlQuery query(m_db);
    if (!query.prepare(statement(m_rowsPerStatement))) {
        m_lastError = query.lastError().text();
        return false;
    }
    m_full.emplace(std::move(query));
    return true;
}

bool BulkInsert::addRow(const QVariantList &values, const QString &conflictKey)
{
    if (m_rowsPerStatement > 1 && !conflictKey.isEmpty()) {
        if (m_pendingKeys.contains(conflictKey) && !flush())
            return false;
        m_pendingKeys.insert(conflictKey);
    }
    if (!prepareFull())
        return false;
    for (const QVariant &value : values)
        m_full->bindValue(m_bound++, value);
    ++m_rows;
    return m_rows < m_rowsPerStatement || run(*m_full);
}

bool BulkInsert::flush()
{
    if (m_rows == 0)
        return true;
    QSqlQuery rest(m_db);
    if (!rest.prepare(statement(m_rows))) {
        m_lastError = rest.lastError().text();
        return false;
    }
    const QVariantList values = m_full->boundValues();
    for (int i = 0; i < m_bound; ++i)
        rest.bindValue(i, values.at(i));
    return run(rest);
}

bool BulkInsert::run(QSqlQuery &query)
{
    const bool ok = query.exec();
    if (!ok)
        m_lastError = query.lastError().text();
    query.finish();
    m_rows = 0;
    m_bound = 0;
    m_pendingKeys.clear();
    return ok;
}
