#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Words the demo generator builds realistic Thai/English business data from.
namespace DemoVocabulary {

struct ProductBase
{
    const char *thai;
    const char *english;
    const char *category;
    double price; // THB
    int dailyDemand;
};

struct ChatLine
{
    const char *intent;
    const char *thai;
    const char *english;
};

const QList<ProductBase> &products();
QStringList sizes(); // variants appended to a base name ("325ml", "1.25L", ...)
QStringList thaiFirstNames();
QStringList thaiLastNames();
QStringList englishFirstNames();
QStringList englishLastNames();
QStringList provinces();
QStringList districts();
const QList<ChatLine> &customerLines();
const QList<ChatLine> &assistantLines();
QStringList companies();

} // namespace DemoVocabulary
