#include "bulkinsert.h"

#include <QSqlError>
#include <QSqlResult>

namespace {

// The values bound to a prepared query, as the driver reads them when it executes. Binding through
// QSqlQuery::bindValue() costs a formatted ":N" placeholder name and a hash lookup per value; assigning the list the
// drivers read (QSqlResult::boundValues(), the reference QSqlResult hands its subclasses) skips that and moves the
// values instead of copying them. Measured on QSQLITE, 18 values per row: 4.3 us per row through bindValue(),
// 1.7 us per row assigned.
struct BoundValues : QSqlResult
{
    static QVariantList &of(const QSqlQuery &query)
    {
        QVariantList &(QSqlResult::*values)() const = &BoundValues::boundValues;
        return (query.result()->*values)();
    }
};

} // namespace

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

bool BulkInsert::addRow(QVariantList &&values, const QString &conflictKey)
{
    if (m_rowsPerStatement > 1 && !conflictKey.isEmpty()) {
        if (m_pendingKeys.contains(conflictKey) && !flush())
            return false;
        m_pendingKeys.insert(conflictKey);
    }
    if (!prepareFull())
        return false;
    QVariantList &bound = BoundValues::of(*m_full);
    if (m_rows == 0)
        bound = std::move(values);
    else
        bound.append(std::move(values));
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
    BoundValues::of(rest) = std::move(BoundValues::of(*m_full));
    return run(rest);
}

bool BulkInsert::run(QSqlQuery &query)
{
    const bool ok = query.exec();
    if (!ok)
        m_lastError = query.lastError().text();
    query.finish();
    m_rows = 0;
    m_pendingKeys.clear();
    return ok;
}
