#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTimeZone>

#include <optional>

#include "ops/caseassembler.h"
#include "ops/casetimeline.h"

// The case view's panels as HTML: the title line, the order and its chats as of one moment of the case, with what
// changed since the previous moment highlighted. What the case view shows of an order's and a chat's documents is read
// here and nowhere else.
class CasePanels
{
    Q_DECLARE_TR_FUNCTIONS(CaseView)
public:
    // How the panels are written: contact details masked (but those revealed in this case), times in the tenant's
    // business zone, money in its currency.
    struct View
    {
        bool mask = true;
        QStringList revealed;
        // On a shared store the documents hold Pii::Withheld: the revealed details, by member name ("phone").
        QHash<QString, QJsonValue> revealedValues;
        QHash<QString, QJsonValue> previousRevealedValues; // the previous moment's, which may rest on another snapshot
        QTimeZone zone = QTimeZone::utc();
        QString currency;
    };
    struct Title
    {
        QString html;
        bool anyOnHold = false;
    };
    struct Order
    {
        QString html;
        QString boxTitle; // empty: the panel's title stays as it is
    };

    static Title title(const DisputeCase &dispute, const std::optional<CaseMoment> &moment, const View &view);
    static Order order(const CaseMoment &moment, const std::optional<CaseMoment> &previous, const View &view);
    static QString chats(const DisputeCase &dispute, const CaseMoment &moment,
        const std::optional<CaseMoment> &previous, const View &view);
};
