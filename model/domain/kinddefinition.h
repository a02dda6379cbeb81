#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <vector>

#include "domain/error.h"
#include "domain/snapshot.h"
#include "json/jsondiff.h"
#include "json/jsonpointer.h"

// How one named fact of a kind ("status", "order_value", "key_messages") is read from a document of one shape.
struct FieldRule
{
    enum class Extract {
        Value, // the scalar at `at`
        Constant, // `constant`, whatever the document says
        Count, // the number of elements of the array at `at`
        Sum, // the sum of `of` over the array's elements
        Mean, // the mean of the numbers in the array at `at`
        Each, // the array at `at`, each element read through `members` (for the case view's lists)
        Map, // the text at `at` looked up in `mapping`, else `constant`
        Join, // the texts at `parts` that are there, joined with ", " (an address for people to read)
    };
    Extract extract = Extract::Value;
    JsonPointer at;
    JsonPointer of;
    QJsonValue constant;
    QList<std::pair<QString, JsonPointer>> members;
    QJsonObject mapping;
    QList<JsonPointer> parts;
};

struct ShapeField
{
    QString name;
    FieldRule rule;
};

// Where a document of one shape says when it was taken.
struct TimeRule
{
    enum class Format {
        Iso, // RFC 3339; a time without an offset (a PostgreSQL TIMESTAMP in row_to_json) is read in `zone`
        Date, // "2025-07-03": the start of that day in `zone`
        UnixMs, // milliseconds since 1970 (the order service's timestamp)
        UnixS,
    };
    JsonPointer at;
    Format format = Format::Iso;
    QString zone; // an IANA zone, or empty: the tenant's business zone
};

// A JSON Pointer in which a "*" token stands for every member or element at that level ("/key_messages/*/content").
using PointerPattern = QStringList;

// One document form a real system writes for a kind (the SAAN guide's chat document, the same snapshot as a row of its
// table, ...): how to recognise it and where its facts are. Everything is parsed when the definition is read; reading
// a document only walks pointers.
struct KindShape
{
    QString name;
    QString source; // which system writes it, and where it is described
    QList<JsonPointer> required; // the members a document must have to be of this shape
    QList<JsonPointer> entity; // their texts joined with ':' are the entity id
    std::optional<TimeRule> time;
    std::optional<FieldRule> type; // Value, Constant or Map
    std::optional<JsonPointer> version, eventSeq;
    bool versionCountsSnapshots = false; // the version is the source's own snapshot counter, not the event sequence
    // Where the state the entity's events patch lives in the document (the event store's "/data", the order service's
    // "/state"); without it the events patch the document itself (a SAAN order document, a SnapScope 1.x aggregate).
    std::optional<JsonPointer> state;
    // Members that belong to one record of the source rather than to the state (its id, checksum, size): a document
    // folded forward from this one is no longer that record, so they are not carried into it.
    QList<JsonPointer> perSnapshot;
    // Where a record names itself in its source (the SAAN guide's snapshot_id, a row's id, MongoDB's _id, the order
    // service's (orderId, version)): the texts joined with ':' are what a second ingest of the record is known by.
    QList<JsonPointer> sourceId;
    std::optional<JsonPointer> tenant, createdBy; // where a record names its tenant and who made it
    // SnapScope's own form of the kind (what it wrote before 2.x, or folds events into): it reaches SnapScope in an
    // envelope that names its kind, so ingest recognises a record by this shape only when told to (--format).
    bool writtenBySnapScope = false;
    std::vector<ShapeField> fields;
    QList<ArrayIdentity> identities;
    QList<PointerPattern> volatileFields, moneyFields, personalFields;
    QList<qsizetype> summaryFieldIndex; // per summary field of the kind: its index in `fields`, or -1
    QJsonObject summaryTemplate; // the summary fields this shape has, with null values, in key order
    QList<qsizetype> summaryTemplateFields; // per member of summaryTemplate: its index in `fields`
    QList<qsizetype> chartFieldIndex; // per chartFactNames() entry of the kind's chart: its index in `fields`, or -1

    bool matches(const QJsonObject &document) const;
    // The required members `document` lacks ("/order_state", ...): empty when it matches.
    QStringList lacking(const QJsonObject &document) const;
    const FieldRule *field(QStringView fieldName) const;
    qsizetype fieldIndex(QStringView fieldName) const; // -1: the shape has no such field
    // The fact `name` of `document`: undefined when the shape has no such field or the document lacks it.
    QJsonValue value(const QJsonObject &document, QStringView fieldName) const;
    // The same for a field that may hold an object or an array (intents, an outcome): the value as it is.
    QJsonValue raw(const QJsonObject &document, QStringView fieldName) const;
    // An Each field: one object per element, holding the element's facts by name.
    QList<QJsonObject> elements(const QJsonObject &document, QStringView fieldName) const;
    std::optional<QString> entityOf(const QJsonObject &document) const;
    std::optional<EpochMs> timeOf(const QJsonObject &document, const QTimeZone &tenantZone) const;
    std::optional<QString> typeOf(const QJsonObject &document) const;
    std::optional<qint64> versionOf(const QJsonObject &document) const;
    std::optional<qint64> eventSeqOf(const QJsonObject &document) const;
    // The record's identity in its source; nullopt when the shape names none or the record lacks a part of it.
    std::optional<QString> sourceIdOf(const QJsonObject &document) const;
    std::optional<QString> tenantOf(const QJsonObject &document) const;
    std::optional<QString> createdByOf(const QJsonObject &document) const;

    // Chart fact i (chartFactNames(kind.chart).at(i)) of `document`, found without a search by name.
    QJsonValue chartFact(const QJsonObject &document, qsizetype i) const;
    // `document` without its volatile members (refreshed on every save, so not a change worth a new snapshot).
    QJsonObject withoutVolatile(QJsonObject document) const;
    // `document` as of event `seq` at `at`: its version and event sequence (where the shape has them) set to `seq`, its
    // time (an RFC 3339 or epoch time) to `at`, and its type (where a member holds it) to `typeName` unless empty. What
    // folding events into a state, or snapshotting a record again, changes besides the content.
    QJsonObject stamped(
        QJsonObject document, std::optional<qint64> seq, EpochMs at, const QString &typeName = {}) const;
    // The state the events patch: the object at `state`, or the document itself.
    QJsonObject stateOf(const QJsonObject &document) const;
    // `document` with `newState` where its state is (the document becomes `newState` when the shape has no pointer).
    QJsonObject withState(QJsonObject document, QJsonObject newState) const;
    // `document` folded forward from a record: without its per-snapshot members.
    QJsonObject withoutRecordMembers(QJsonObject document) const;
    // What two documents of an entity must agree on when they hold the same events, whatever shape each has: the state
    // without what stamped() writes into it (the version, event sequence and time of a shape without a state pointer).
    QJsonObject contentOf(const QJsonObject &document) const;
    // The version is the source's own snapshot counter (the order service's, beside its lastEventSequence): a fold
    // leaves it alone, where it sets a version that is the event sequence.
    bool countsVersions() const { return versionCountsSnapshots; }
    // The pointers of the personal values `document` holds ("/order_state/customer/phone").
    QStringList personalPointers(const QJsonObject &document) const;
};

// The shapes that come closest to recognising `document` (those that lack the fewest required members, in the order
// given among equals), at most `limit`, each as "LABEL lacks /a, /b", joined with "; ".
QString closestShapes(const QList<const KindShape *> &shapes, const QJsonObject &document,
    const std::function<QString(const KindShape &)> &label, int limit = 3);

// A summary flag or threshold that makes a snapshot significant (kept longer by cleanup).
struct SignificanceRule
{
    enum class Test { Is, Below, Above };
    QString field; // a summary field
    Test test = Test::Is;
    QJsonValue value;
};

// Which chart table a kind's facts feed.
enum class ChartFacts { None, DailyInventory, ChatOutcomes };
// The facts a chart table is filled from, by the names a kind's shapes give their fields.
const QStringList &chartFactNames(ChartFacts chart);

// Everything SnapScope knows about one kind of snapshot, read from a definition file (resources/kinds/) or from the
// store (imported with `snapscope-cli kind import`). The snapshots table is generic; this is not.
struct KindDefinition
{
    QString id;
    QString displayName; // English source text; built-in names are translated in the "Kind" context
    QString entityLabel; // what the entity id is ("order id"), translated the same way
    QString description;
    QStringList types;
    QStringList summaryFields; // facts copied into each snapshot's summary, so lists never decompress payloads
    QStringList personalSummaryFields; // summary fields masked for the support role
    QList<qsizetype> summaryKeyOrder; // summaryFields' indices in the order of their names
    ChartFacts chart = ChartFacts::None;
    QStringList significantTypes;
    QList<SignificanceRule> significance;
    QString notWorthReason; // non-empty: the kind must not be snapshotted, and why
    QList<KindShape> shapes;
    bool builtIn = false;
    QJsonObject definition; // as read, for `kind show` and the console's read-only view

    // Reads and checks a definition; `origin` names the file or row in messages.
    static Result<KindDefinition> fromJson(const QJsonObject &json, const QString &origin);

    // The first shape `document` matches (shapes are tried in their order), or null.
    const KindShape *recognise(const QJsonObject &document) const;
    // The shapes' names and what each lacks, for a message about a document no shape recognises.
    QString whyUnrecognised(const QJsonObject &document) const;

    QJsonObject summarize(const QJsonObject &payload) const;
    QJsonObject summarize(const QJsonObject &payload, const KindShape &shape) const;
    bool isSignificant(const QString &type, const QJsonObject &summary, bool pinned) const;
    // Array identities for diffs of documents of this kind: those of the document's shape, or of every shape.
    QList<ArrayIdentity> identitiesFor(const QJsonObject &document) const;
    QJsonObject withoutVolatile(const QJsonObject &payload) const;
    QStringList personalPointers(const QJsonObject &payload) const;

    QString displayNameText() const;
    QString entityLabelText() const;
};
