#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

#include "domain/pii.h"
#include "ops/caseassembler.h"

// The orders a case search found: order, customer, phone (masked for the support role), created, status, total,
// and which key matched.
class CaseHitModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Order, Customer, Phone, Created, Status, Total, MatchedBy, Count };
    enum Role { OrderIdRole = Qt::UserRole + 1 };

    explicit CaseHitModel(QObject *parent = nullptr);
    // The zone the times are shown in (the tenant's business zone), named in the column header.
    void setTimeZone(const QTimeZone &zone);
    void setHits(QList<CaseHit> hits);
    void setRole(Access::Role role);
    void setCurrency(const QString &currency); // the tenant's (THB, SGD, JPY…), for the totals
    const QList<CaseHit> &hits() const { return m_hits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CaseHit> m_hits;
    Access::Role m_role = Access::DefaultRole;
    QString m_currency;
    QTimeZone m_zone = QTimeZone::utc();
};
