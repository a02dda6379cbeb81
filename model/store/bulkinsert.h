#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

// Writes rows of one INSERT as multi-row statements ("VALUES (...), (...), ..."), so the per-statement cost of the
// driver and the database (parse check, reset, round trip on PostgreSQL) is paid once per group instead of per row.
// Values are still bound, never spliced into the SQL. Rows are written when a group is full and on flush().
class BulkInsert
{
public:
    // head: "INSERT INTO t (a, b)"; row: "(?, CAST(? AS date))"; tail: "" or an ON CONFLICT clause.
    BulkInsert(const QSqlDatabase &db, QString head, QString row, QString tail, int rowsPerStatement);

    // Binds one row; writes the group when it is full. A row whose conflict key (for an ON CONFLICT tail) is already
    // in the pending group first writes that group: PostgreSQL refuses a statement that touches one key twice.
    // Returns false on a database error (see lastError()).
    bool addRow(QVariantList &&values, const QString &conflictKey = QString());
    // Writes the rows not written yet.
    bool flush();
    int pendingRows() const { return m_rows; }
    QString lastError() const { return m_lastError; }

private:
    bool prepareFull();
    bool run(QSqlQuery &query);
    QString statement(int rows) const;

    QSqlDatabase m_db;
    QString m_head, m_row, m_tail;
    int m_rowsPerStatement;
    int m_rows = 0;
    // The statement for a full group, prepared on first use. Values are bound into it as they arrive; a last, shorter
    // group is moved from it into a statement of its own.
    std::optional<QSqlQuery> m_full;
    QSet<QString> m_pendingKeys; // conflict keys of the pending group
    QString m_lastError;
};
