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
    m_full.emplace(m_db);
    if (m_full->prepare(statement(m_rowsPerStatement)))
        return true;
    m_lastError = m_full->lastError().text();
    m_prepareFailed = true;
    return false;
}

void BulkInsert::add(const QVariant &value)
{
    // A failed prepare is reported by endRow(); until then the values have nowhere to go.
    if (!m_prepareFailed && prepareFull())
        m_full->bindValue(m_bound, value);
    ++m_bound;
}

bool BulkInsert::endRow()
{
    if (m_prepareFailed)
        return false;
    ++m_rows;
    return m_rows < m_rowsPerStatement || run(*m_full);
}

bool BulkInsert::flush()
{
    if (m_prepareFailed)
        return false;
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
    return ok;
}
