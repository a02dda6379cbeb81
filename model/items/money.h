#pragma once

#include <QLocale>
#include <QString>

// An amount in a currency, written the way the console's locale writes money: "฿1,234.50" in English, "1,234.50 ฿"
// where the locale puts the symbol after, "￥1,235" for yen (no minor unit).
namespace Money {
inline QString symbol(const QString &currency)
{
    if (currency == u"THB")
        return QStringLiteral("฿");
    if (currency == u"JPY")
        return QStringLiteral("￥");
    if (currency == u"SGD")
        return QStringLiteral("S$");
    if (currency == u"USD")
        return QStringLiteral("$");
    if (currency == u"EUR")
        return QStringLiteral("€");
    return currency.isEmpty() ? QString() : currency + u' ';
}

inline QString format(double amount, const QString &currency, const QLocale &locale = QLocale())
{
    return locale.toCurrencyString(amount, symbol(currency), currency == u"JPY" ? 0 : 2);
}
} // namespace Money
