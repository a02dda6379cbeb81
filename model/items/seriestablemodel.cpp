#include "seriestablemodel.h"

#include <QLocale>

SeriesTableModel::SeriesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SeriesTableModel::setRows(QList<QJsonObject> rows, QStringList fields, QStringList headers)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_fields = std::move(fields);
    m_headers = std::move(headers);
    endResetModel();
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue v = m_rows.at(index.row()).value(m_fields.at(index.column()));
    if (role == Qt::TextAlignmentRole)
        return v.isDouble() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::EditRole)
        return v.toVariant();
    if (role != Qt::DisplayRole)
        return {};
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == qint64(d) ? QLocale().toString(qint64(d)) : QLocale().toString(d, 'f', 2);
    }
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    if (v.isNull())
        return QStringLiteral("–");
    return v.toString();
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}
