#include "casehitmodel.h"

#include "items/money.h"
#include "items/zonedtime.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

CaseHitModel::CaseHitModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CaseHitModel::setHits(QList<CaseHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

void CaseHitModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::Created));
}

void CaseHitModel::setRole(Access::Role role)
{
    m_role = role;
    if (!m_hits.isEmpty())
        Q_EMIT dataChanged(index(0, int(Column::Phone)), index(int(m_hits.size()) - 1, int(Column::Phone)));
}

void CaseHitModel::setCurrency(const QString &currency)
{
    m_currency = currency;
    if (!m_hits.isEmpty())
        Q_EMIT dataChanged(index(0, int(Column::Total)), index(int(m_hits.size()) - 1, int(Column::Total)));
}

int CaseHitModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int CaseHitModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant CaseHitModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseHit &hit = m_hits.at(index.row());
    if (role == OrderIdRole)
        return hit.orderId;
    if (role == Qt::TextAlignmentRole && Column(index.column()) == Column::Total)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Column::Order:
        return hit.orderId;
    case Column::Customer:
        return hit.customerId;
    case Column::Phone:
        return Pii::masks(m_role) ? Pii::maskText(hit.customerPhone) : hit.customerPhone;
    case Column::Created:
        return IsoTime::toZoneText(hit.createdAt, m_zone);
    case Column::Status:
        return hit.status;
    case Column::Total:
        // An amount a double cannot hold keeps its digits, with the currency's code.
        return JsonNumber::isExact(hit.total)
            ? QStringLiteral("%1 %2").arg(JsonNumber::scalarText(hit.total), m_currency)
            : Money::format(hit.total.toDouble(), m_currency);
    case Column::MatchedBy:
        return hit.matchedBy;
    case Column::Count:
        break;
    }
    return {};
}

QVariant CaseHitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Order:
        return tr("Order");
    case Column::Customer:
        return tr("Customer");
    case Column::Phone:
        return tr("Phone");
    case Column::Created:
        return ZonedTime::header(tr("Created (%1)"), m_zone);
    case Column::Status:
        return tr("Status");
    case Column::Total:
        return tr("Total");
    case Column::MatchedBy:
        return tr("Matched by");
    case Column::Count:
        break;
    }
    return {};
}
