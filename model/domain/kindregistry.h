#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "json/jsondiff.h"
#include "json/jsonpointer.h"

// How one summary field is read out of a payload so that lists never decompress payloads.
struct SummaryField
{
    enum class Extract { Value, Count, Sum };
    QString name;
    JsonPointer source; // for Count and Sum: the array
    Extract extract = Extract::Value;
    QString sumKey; // Sum: the member added up over the array's objects
    bool personal = false; // a customer's contact detail: masked for the support role (Pii)
};

// What the product knows about one kind of snapshot. The snapshots table is generic; this is not.
struct KindInfo
{
    QString id;
    const char *displayName = nullptr; // translatable source text (QT_TRANSLATE_NOOP context "Kind")
    const char *entityLabel = nullptr; // what the entity id is ("order id"), translatable like displayName
    QStringList types;
    QList<SummaryField> summaryFields;
    QList<ArrayIdentity> arrayIdentities;
    QStringList volatileFields; // refreshed on every save; the compare view can hide them
    QStringList moneyFields; // compared to the cent
    QString dictionaryHint; // short human description of the payload, for the demo and docs

    QJsonObject summarize(const QJsonObject &payload) const;
    // Significant snapshots are kept longer by cleanup (DESIGN §3).
    bool isSignificant(const QString &type, const QJsonObject &summary, bool pinned) const;
    // The same rule in parts, for scans that read the summary's flags in SQL instead of parsing it: the types that
    // are significant by themselves, and the boolean summary fields that make any snapshot significant.
    QStringList significantTypes() const;
    QStringList significantSummaryFlags() const;
    QString displayNameText() const;
    QString entityLabelText() const;
};

class KindRegistry
{
public:
    static const QList<KindInfo> &all();
    static const KindInfo *find(const QString &id);
    static QStringList ids();
};
