#include "kinddefinition.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

#include "domain/pii.h"
#include "json/isotime.h"
#include "json/jsonnumber.h"

namespace {

// Kind ids and field names end up in SQL (summary paths) and file names: they are plain identifiers.
bool isIdentifier(const QString &text)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return identifier.match(text).hasMatch();
}

// Reads a definition and remembers the first problem, with where it is.
class DefinitionReader
{
public:
    explicit DefinitionReader(QString origin)
        : m_origin(std::move(origin))
    { }

    bool failed() const { return m_problem.has_value(); }
    Error error() const { return { Error::Code::Invalid, *m_problem }; }
    void fail(const QString &where, const QString &what)
    {
        if (!m_problem)
            m_problem = QStringLiteral("%1: %2: %3").arg(m_origin, where, what);
    }

    JsonPointer pointer(const QJsonValue &value, const QString &where)
    {
        const auto parsed = JsonPointer::parse(value.toString());
        if (!value.isString() || !parsed) {
            fail(where, QStringLiteral("expected a JSON Pointer such as \"/order_state/status\""));
            return {};
        }
        return *parsed;
    }

    PointerPattern pattern(const QJsonValue &value, const QString &where) { return pointer(value, where).tokens(); }

    // A member the format does not know is a mistake (a typo in "requires" would otherwise quietly recognise every
    // document), refused with the members it may have.
    void onlyMembers(const QJsonObject &o, const QString &where, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(where,
                    QStringLiteral("unknown member \"%1\" (expected %2)")
                        .arg(it.key(), allowed.join(QStringLiteral(", "))));
        }
    }

    QStringList strings(const QJsonValue &value, const QString &where, bool identifiers = false)
    {
        QStringList out;
        if (value.isUndefined())
            return out;
        if (!value.isArray()) {
            fail(where, QStringLiteral("expected an array of strings"));
            return out;
        }
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isString() || (identifiers && !isIdentifier(v.toString())))
                fail(where,
                    identifiers ? QStringLiteral("expected names of lower-case letters, digits and '_'")
                                : QStringLiteral("expected an array of strings"));
            out.append(v.toString());
        }
        return out;
    }

    FieldRule field(const QJsonValue &value, const QString &where)
    {
        FieldRule rule;
        if (value.isString()) {
            rule.at = pointer(value, where);
            return rule;
        }
        const QJsonObject o = value.toObject();
        onlyMembers(o, where,
            { QStringLiteral("value"), QStringLiteral("count"), QStringLiteral("sum"), QStringLiteral("of"),
                QStringLiteral("mean"), QStringLiteral("each"), QStringLiteral("members"), QStringLiteral("join"),
                QStringLiteral("at"), QStringLiteral("map"), QStringLiteral("otherwise") });
        if (!value.isObject()) {
            fail(where, QStringLiteral("expected a pointer or an object"));
        } else if (o.contains(u"value")) {
            rule.extract = FieldRule::Extract::Constant;
            rule.constant = o.value(u"value");
        } else if (o.contains(u"count")) {
            rule.extract = FieldRule::Extract::Count;
            rule.at = pointer(o.value(u"count"), where + QStringLiteral(".count"));
        } else if (o.contains(u"sum")) {
            rule.extract = FieldRule::Extract::Sum;
            rule.at = pointer(o.value(u"sum"), where + QStringLiteral(".sum"));
            rule.of = o.contains(u"of") ? pointer(o.value(u"of"), where + QStringLiteral(".of")) : JsonPointer();
        } else if (o.contains(u"mean")) {
            rule.extract = FieldRule::Extract::Mean;
            rule.at = pointer(o.value(u"mean"), where + QStringLiteral(".mean"));
        } else if (o.contains(u"each")) {
            rule.extract = FieldRule::Extract::Each;
            rule.at = pointer(o.value(u"each"), where + QStringLiteral(".each"));
            const QJsonObject members = o.value(u"members").toObject();
            for (auto it = members.begin(); it != members.end(); ++it)
                rule.members.append({ it.key(), pointer(it.value(), where + u'.' + it.key()) });
        } else if (o.contains(u"join")) {
            rule.extract = FieldRule::Extract::Join;
            for (const QJsonValue &part : o.value(u"join").toArray())
                rule.parts.append(pointer(part, where + QStringLiteral(".join")));
        } else if (o.contains(u"at") && o.contains(u"map")) {
            rule.extract = FieldRule::Extract::Map;
            rule.at = pointer(o.value(u"at"), where + QStringLiteral(".at"));
            rule.mapping = o.value(u"map").toObject();
            rule.constant = o.value(u"otherwise");
        } else if (o.contains(u"at")) {
            rule.at = pointer(o.value(u"at"), where + QStringLiteral(".at"));
        } else {
            fail(where, QStringLiteral("expected one of \"value\", \"count\", \"sum\", \"mean\", \"each\", \"at\""));
        }
        return rule;
    }

    TimeRule time(const QJsonValue &value, const QString &where)
    {
        TimeRule rule;
        if (value.isString()) {
            rule.at = pointer(value, where);
            return rule;
        }
        const QJsonObject o = value.toObject();
        onlyMembers(o, where, { QStringLiteral("at"), QStringLiteral("format"), QStringLiteral("zone") });
        rule.at = pointer(o.value(u"at"), where + QStringLiteral(".at"));
        const QString format = o.value(u"format").toString(QStringLiteral("iso"));
        if (format == u"iso")
            rule.format = TimeRule::Format::Iso;
        else if (format == u"date")
            rule.format = TimeRule::Format::Date;
        else if (format == u"epoch_ms")
            rule.format = TimeRule::Format::UnixMs;
        else if (format == u"epoch_s")
            rule.format = TimeRule::Format::UnixS;
        else
            fail(where + QStringLiteral(".format"), QStringLiteral("expected iso, date, epoch_ms or epoch_s"));
        rule.zone = o.value(u"zone").toString();
        if (!rule.zone.isEmpty() && !QTimeZone(rule.zone.toUtf8()).isValid())
            fail(where + QStringLiteral(".zone"), QStringLiteral("unknown time zone \"%1\"").arg(rule.zone));
        return rule;
    }

    KindShape shape(const QJsonObject &o, const QString &where)
    {
        KindShape s;
        s.name = o.value(u"name").toString();
        if (!isIdentifier(s.name))
            fail(where + QStringLiteral(".name"),
                QStringLiteral("expected a name of lower-case letters, digits and '_'"));
        const QString at = where + u'(' + s.name + u')';
        onlyMembers(o, at,
            { QStringLiteral("name"), QStringLiteral("source"), QStringLiteral("requires"), QStringLiteral("entity"),
                QStringLiteral("time"), QStringLiteral("type"), QStringLiteral("version"), QStringLiteral("event_seq"),
                QStringLiteral("version_counts_snapshots"), QStringLiteral("state"), QStringLiteral("per_snapshot"),
                QStringLiteral("source_id"), QStringLiteral("tenant"), QStringLiteral("created_by"),
                QStringLiteral("written_by_snapscope"), QStringLiteral("fields"), QStringLiteral("identities"),
                QStringLiteral("volatile"), QStringLiteral("money"), QStringLiteral("personal") });
        s.source = o.value(u"source").toString();
        for (const QString &required : strings(o.value(u"requires"), at + QStringLiteral(".requires")))
            s.required.append(pointer(required, at + QStringLiteral(".requires")));
        if (s.required.isEmpty())
            fail(at + QStringLiteral(".requires"), QStringLiteral("a shape must require at least one member"));
        const QJsonValue entity = o.value(u"entity");
        for (const QJsonValue &e : entity.isArray() ? entity.toArray() : QJsonArray { entity })
            s.entity.append(pointer(e, at + QStringLiteral(".entity")));
        if (o.contains(u"time"))
            s.time = time(o.value(u"time"), at + QStringLiteral(".time"));
        if (o.contains(u"type"))
            s.type = field(o.value(u"type"), at + QStringLiteral(".type"));
        if (o.contains(u"version"))
            s.version = pointer(o.value(u"version"), at + QStringLiteral(".version"));
        if (o.contains(u"event_seq"))
            s.eventSeq = pointer(o.value(u"event_seq"), at + QStringLiteral(".event_seq"));
        if (o.contains(u"version_counts_snapshots") && !o.value(u"version_counts_snapshots").isBool())
            fail(at + QStringLiteral(".version_counts_snapshots"), QStringLiteral("expected true or false"));
        s.versionCountsSnapshots = o.value(u"version_counts_snapshots").toBool();
        if (s.versionCountsSnapshots && (!s.version || !s.eventSeq))
            fail(at + QStringLiteral(".version_counts_snapshots"),
                QStringLiteral("a version that counts snapshots needs \"version\" and \"event_seq\""));
        if (o.contains(u"state")) {
            s.state = pointer(o.value(u"state"), at + QStringLiteral(".state"));
            if (s.state->isRoot())
                fail(at + QStringLiteral(".state"), QStringLiteral("leave \"state\" out for the whole document"));
        }
        for (const QString &member : strings(o.value(u"per_snapshot"), at + QStringLiteral(".per_snapshot"))) {
            s.perSnapshot.append(pointer(member, at + QStringLiteral(".per_snapshot")));
            if (s.perSnapshot.last().isRoot())
                fail(at + QStringLiteral(".per_snapshot"), QStringLiteral("the whole document (\"\") is not a member"));
        }
        const QJsonValue sourceId = o.value(u"source_id");
        if (!sourceId.isUndefined()) {
            for (const QJsonValue &part : sourceId.isArray() ? sourceId.toArray() : QJsonArray { sourceId })
                s.sourceId.append(pointer(part, at + QStringLiteral(".source_id")));
        }
        if (o.contains(u"tenant"))
            s.tenant = pointer(o.value(u"tenant"), at + QStringLiteral(".tenant"));
        if (o.contains(u"created_by"))
            s.createdBy = pointer(o.value(u"created_by"), at + QStringLiteral(".created_by"));
        if (o.contains(u"written_by_snapscope") && !o.value(u"written_by_snapscope").isBool())
            fail(at + QStringLiteral(".written_by_snapscope"), QStringLiteral("expected true or false"));
        s.writtenBySnapScope = o.value(u"written_by_snapscope").toBool();
        const QJsonObject fields = o.value(u"fields").toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!isIdentifier(it.key()))
                fail(at + QStringLiteral(".fields"), QStringLiteral("\"%1\" is not a field name").arg(it.key()));
            s.fields.push_back({ it.key(), field(it.value(), at + QStringLiteral(".fields.") + it.key()) });
        }
        const QJsonObject identities = o.value(u"identities").toObject();
        for (auto it = identities.begin(); it != identities.end(); ++it) {
            if (!it.key().isEmpty())
                pointer(it.key(), at + QStringLiteral(".identities"));
            s.identities.append({ it.key(), strings(it.value(), at + QStringLiteral(".identities.") + it.key()) });
        }
        const auto patterns = [&](const char *member) {
            QList<PointerPattern> out;
            const QString name = QString::fromLatin1(member);
            for (const QString &p : strings(o.value(name), at + u'.' + name)) {
                out.append(pattern(p, at + u'.' + name));
                if (out.last().isEmpty())
                    fail(at + u'.' + name, QStringLiteral("the whole document (\"\") is not a field"));
            }
            return out;
        };
        s.volatileFields = patterns("volatile");
        s.moneyFields = patterns("money");
        s.personalFields = patterns("personal");
        return s;
    }

private:
    QString m_origin;
    std::optional<QString> m_problem;
};

// The placeholder when a member above `pointer` holds it: a part of an address kept apart whole (issue 26).
QString withheldAbove(const QJsonObject &document, const JsonPointer &pointer)
{
    const QStringList &tokens = pointer.tokens();
    for (qsizetype n = tokens.size() - 1; n > 0; --n) {
        const auto value = JsonPointer::fromTokens(tokens.mid(0, n)).evaluate(document);
        if (value && value->isString() && value->toString() == Pii::Withheld)
            return Pii::Withheld;
    }
    return {};
}

std::optional<QJsonValue> at(const QJsonObject &document, const JsonPointer &pointer)
{
    return pointer.evaluate(document);
}

std::optional<qint64> integerAt(const QJsonObject &document, const JsonPointer &pointer)
{
    const auto found = at(document, pointer);
    if (!found)
        return std::nullopt;
    if (found->isString()) {
        bool ok = false;
        const qint64 n = found->toString().toLongLong(&ok);
        return ok ? std::optional(n) : std::nullopt;
    }
    if (!JsonNumber::isNumber(*found))
        return std::nullopt;
    const double n = JsonNumber::toDouble(*found);
    return std::isfinite(n) ? std::optional(qint64(n)) : std::nullopt;
}

// Walks every value `pattern` names, for volatile, money and personal members.
template <typename Visit>
void visitPattern(QJsonValue &value, const PointerPattern &pattern, qsizetype depth, Visit visit)
{
    if (depth == pattern.size()) {
        visit(value);
        return;
    }
    const QString &token = pattern.at(depth);
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        bool changed = false;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (token != u"*" && it.key() != token)
                continue;
            QJsonValue inner = it.value();
            visitPattern(inner, pattern, depth + 1, visit);
            if (inner != it.value()) {
                it.value() = inner;
                changed = true;
            }
        }
        if (changed)
            value = o;
    } else if (value.isArray()) {
        QJsonArray a = value.toArray();
        bool changed = false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (token != u"*" && JsonPointer::arrayIndex(token) != i)
                continue;
            QJsonValue inner = a.at(i);
            visitPattern(inner, pattern, depth + 1, visit);
            if (inner != a.at(i)) {
                a.replace(i, inner);
                changed = true;
            }
        }
        if (changed)
            value = a;
    }
}

void collectPattern(
    const QJsonValue &value, const PointerPattern &pattern, qsizetype depth, QStringList &path, QStringList &out)
{
    if (depth == pattern.size()) {
        if (!value.isNull() && !value.isUndefined())
            out.append(JsonPointer::fromTokens(path).toString());
        return;
    }
    const QString &token = pattern.at(depth);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (token != u"*" && it.key() != token)
                continue;
            path.append(it.key());
            collectPattern(it.value(), pattern, depth + 1, path, out);
            path.removeLast();
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (token != u"*" && JsonPointer::arrayIndex(token) != i)
                continue;
            path.append(QString::number(i));
            collectPattern(a.at(i), pattern, depth + 1, path, out);
            path.removeLast();
        }
    }
}

QJsonValue scalarOrUndefined(const std::optional<QJsonValue> &value)
{
    if (!value || value->isArray() || value->isObject())
        return QJsonValue(QJsonValue::Undefined);
    return *value;
}

// The texts at `pointers` joined with ':' (an entity id of several parts); nullopt when one is missing or empty.
std::optional<QString> joinedTexts(const QJsonObject &document, const QList<JsonPointer> &pointers)
{
    QStringList parts;
    for (const JsonPointer &p : pointers) {
        const QString text = JsonNumber::scalarText(scalarOrUndefined(at(document, p)));
        if (text.isEmpty())
            return std::nullopt;
        parts.append(text);
    }
    if (parts.isEmpty())
        return std::nullopt;
    return parts.join(u':');
}

} // namespace

bool KindShape::matches(const QJsonObject &document) const
{
    for (const JsonPointer &p : required) {
        if (!at(document, p))
            return false;
    }
    return true;
}

qsizetype KindShape::fieldIndex(QStringView fieldName) const
{
    for (size_t f = 0; f < fields.size(); ++f) {
        if (fields[f].name == fieldName)
            return qsizetype(f);
    }
    return -1;
}

const FieldRule *KindShape::field(QStringView fieldName) const
{
    const qsizetype f = fieldIndex(fieldName);
    return f < 0 ? nullptr : &fields[size_t(f)].rule;
}

namespace {

QJsonValue evaluate(const FieldRule &rule, const QJsonObject &document)
{
    switch (rule.extract) {
    case FieldRule::Extract::Constant:
        return rule.constant;
    case FieldRule::Extract::Value:
        return scalarOrUndefined(at(document, rule.at));
    case FieldRule::Extract::Map: {
        const QJsonValue key = scalarOrUndefined(at(document, rule.at));
        const QString text = JsonNumber::scalarText(key);
        return rule.mapping.contains(text) ? rule.mapping.value(text) : rule.constant;
    }
    case FieldRule::Extract::Count:
    case FieldRule::Extract::Sum:
    case FieldRule::Extract::Mean: {
        const auto found = at(document, rule.at);
        if (!found || !found->isArray())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonArray array = found->toArray();
        if (rule.extract == FieldRule::Extract::Count)
            return array.size();
        double total = 0;
        qsizetype counted = 0;
        for (const QJsonValue &element : array) {
            const auto item = rule.of.isRoot() ? std::optional(element) : rule.of.evaluate(element);
            if (item && JsonNumber::isNumber(*item)) {
                total += JsonNumber::toDouble(*item);
                ++counted;
            }
        }
        if (rule.extract == FieldRule::Extract::Sum)
            return total;
        return counted ? QJsonValue(total / double(counted)) : QJsonValue(QJsonValue::Undefined);
    }
    case FieldRule::Extract::Join: {
        QStringList texts;
        for (const JsonPointer &part : rule.parts) {
            QString text = JsonNumber::scalarText(scalarOrUndefined(at(document, part)));
            if (text.isEmpty())
                text = withheldAbove(document, part);
            if (!text.isEmpty() && !(text == Pii::Withheld && texts.contains(text)))
                texts.append(text);
        }
        return texts.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(texts.join(QStringLiteral(", ")));
    }
    case FieldRule::Extract::Each:
        return QJsonValue(QJsonValue::Undefined);
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonValue KindShape::value(const QJsonObject &document, QStringView fieldName) const
{
    const FieldRule *rule = field(fieldName);
    return rule ? evaluate(*rule, document) : QJsonValue(QJsonValue::Undefined);
}

QJsonValue KindShape::chartFact(const QJsonObject &document, qsizetype i) const
{
    const qsizetype f = chartFieldIndex.value(i, -1);
    return f < 0 ? QJsonValue(QJsonValue::Undefined) : evaluate(fields[size_t(f)].rule, document);
}

const QStringList &chartFactNames(ChartFacts chart)
{
    static const QStringList none;
    static const QStringList inventory { QStringLiteral("store_code"), QStringLiteral("product_id"),
        QStringLiteral("day"), QStringLiteral("opening_stock"), QStringLiteral("closing_stock"),
        QStringLiteral("inbound"), QStringLiteral("outbound"), QStringLiteral("adjustments"),
        QStringLiteral("average_cost"), QStringLiteral("total_value") };
    static const QStringList chat { QStringLiteral("customer_id"), QStringLiteral("platform"),
        QStringLiteral("total_messages"), QStringLiteral("duration_s"), QStringLiteral("human_handoff"),
        QStringLiteral("avg_confidence"), QStringLiteral("order_created"), QStringLiteral("order_value"),
        QStringLiteral("satisfaction") };
    switch (chart) {
    case ChartFacts::DailyInventory:
        return inventory;
    case ChartFacts::ChatOutcomes:
        return chat;
    case ChartFacts::None:
        break;
    }
    return none;
}

QJsonValue KindShape::raw(const QJsonObject &document, QStringView fieldName) const
{
    const FieldRule *rule = field(fieldName);
    if (rule && rule->extract == FieldRule::Extract::Value)
        return at(document, rule->at).value_or(QJsonValue(QJsonValue::Undefined));
    return rule ? evaluate(*rule, document) : QJsonValue(QJsonValue::Undefined);
}

QList<QJsonObject> KindShape::elements(const QJsonObject &document, QStringView fieldName) const
{
    QList<QJsonObject> out;
    const FieldRule *rule = field(fieldName);
    if (!rule || rule->extract != FieldRule::Extract::Each)
        return out;
    const auto found = at(document, rule->at);
    if (!found || !found->isArray())
        return out;
    for (const QJsonValue &element : found->toArray()) {
        QJsonObject facts;
        for (const auto &[member, pointer] : rule->members) {
            if (const auto v = pointer.evaluate(element))
                facts.insert(member, *v);
        }
        out.append(facts);
    }
    return out;
}

std::optional<QString> KindShape::entityOf(const QJsonObject &document) const
{
    return joinedTexts(document, entity);
}

std::optional<EpochMs> KindShape::timeOf(const QJsonObject &document, const QTimeZone &tenantZone) const
{
    if (!time)
        return std::nullopt;
    const QTimeZone zone = time->zone.isEmpty() ? tenantZone : QTimeZone(time->zone.toUtf8());
    switch (time->format) {
    case TimeRule::Format::UnixMs:
    case TimeRule::Format::UnixS: {
        const auto n = integerAt(document, time->at);
        if (!n)
            return std::nullopt;
        return time->format == TimeRule::Format::UnixS ? *n * 1000 : *n;
    }
    case TimeRule::Format::Date: {
        const QString text = at(document, time->at).value_or(QJsonValue()).toString();
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return IsoTime::fromZoneWallClock(date, QTime(0, 0), IsoTime::validOrUtc(zone));
    }
    case TimeRule::Format::Iso: {
        const QString text = at(document, time->at).value_or(QJsonValue()).toString();
        if (const auto parsed = IsoTime::parseDateTime(text))
            return *parsed;
        // No offset: a wall-clock time (PostgreSQL's TIMESTAMP as row_to_json writes it, with a space or a 'T'). Its
        // date and time are read as fields, never through the host's zone (where a DST gap would move them).
        if (text.size() < 19 || (text.at(10) != u' ' && text.at(10) != u'T'))
            return std::nullopt;
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        const QTime clock = QTime::fromString(text.mid(11), Qt::ISODateWithMs);
        if (!date.isValid() || !clock.isValid())
            return std::nullopt;
        return IsoTime::fromZoneWallClock(date, clock, IsoTime::validOrUtc(zone));
    }
    }
    return std::nullopt;
}

std::optional<QString> KindShape::typeOf(const QJsonObject &document) const
{
    if (!type)
        return std::nullopt;
    const QString text = JsonNumber::scalarText(evaluate(*type, document));
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

std::optional<qint64> KindShape::versionOf(const QJsonObject &document) const
{
    return version ? integerAt(document, *version) : std::nullopt;
}

std::optional<qint64> KindShape::eventSeqOf(const QJsonObject &document) const
{
    return eventSeq ? integerAt(document, *eventSeq) : std::nullopt;
}

std::optional<QString> KindShape::sourceIdOf(const QJsonObject &document) const
{
    return joinedTexts(document, sourceId);
}

std::optional<QString> KindShape::tenantOf(const QJsonObject &document) const
{
    const QString text = tenant ? JsonNumber::scalarText(scalarOrUndefined(at(document, *tenant))) : QString();
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

std::optional<QString> KindShape::createdByOf(const QJsonObject &document) const
{
    const QString text = createdBy ? JsonNumber::scalarText(scalarOrUndefined(at(document, *createdBy))) : QString();
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

namespace {

// Sets the value at `tokens` under `object`, making the objects on the way where they are missing.
void setAt(QJsonObject &object, QStringView tokens[], qsizetype count, const QJsonValue &value)
{
    const QString key = tokens[0].toString();
    if (count == 1) {
        object.insert(key, value);
        return;
    }
    QJsonObject child = object.value(key).toObject();
    setAt(child, tokens + 1, count - 1, value);
    object.insert(key, child);
}

void setAt(QJsonObject &document, const JsonPointer &pointer, const QJsonValue &value)
{
    QList<QStringView> tokens;
    for (const QString &token : pointer.tokens())
        tokens.append(token);
    if (!tokens.isEmpty())
        setAt(document, tokens.data(), tokens.size(), value);
}

// Removes the member at `tokens` under `object`, leaving the objects on the way.
void removeAt(QJsonObject &object, const QStringList &tokens, qsizetype from = 0)
{
    const QString &key = tokens.at(from);
    if (from + 1 == tokens.size()) {
        object.remove(key);
        return;
    }
    auto it = object.find(key);
    if (it == object.end() || !it->isObject())
        return;
    QJsonObject child = it->toObject();
    removeAt(child, tokens, from + 1);
    *it = child;
}

} // namespace

QJsonObject KindShape::stateOf(const QJsonObject &document) const
{
    if (!state)
        return document;
    return state->evaluate(document).value_or(QJsonValue()).toObject();
}

QJsonObject KindShape::withState(QJsonObject document, QJsonObject newState) const
{
    if (!state)
        return newState;
    setAt(document, *state, newState);
    return document;
}

QJsonObject KindShape::withoutRecordMembers(QJsonObject document) const
{
    for (const JsonPointer &member : perSnapshot)
        removeAt(document, member.tokens());
    return document;
}

QJsonObject KindShape::contentOf(const QJsonObject &document) const
{
    if (state)
        return stateOf(document);
    QJsonObject content = document;
    for (const std::optional<JsonPointer> &stamp : { version, eventSeq })
        if (stamp && !stamp->isRoot())
            removeAt(content, stamp->tokens());
    if (time && !time->at.isRoot())
        removeAt(content, time->at.tokens());
    return content;
}

QJsonObject KindShape::stamped(
    QJsonObject document, std::optional<qint64> seq, EpochMs at, const QString &typeName) const
{
    if (version && seq && !countsVersions())
        setAt(document, *version, *seq);
    if (eventSeq && seq)
        setAt(document, *eventSeq, *seq);
    if (type && type->extract == FieldRule::Extract::Value && !typeName.isEmpty())
        setAt(document, type->at, typeName);
    if (time) {
        switch (time->format) {
        case TimeRule::Format::Iso:
            setAt(document, time->at, IsoTime::toUtcSeconds(at));
            break;
        case TimeRule::Format::UnixMs:
            setAt(document, time->at, at);
            break;
        case TimeRule::Format::UnixS:
            setAt(document, time->at, at / 1000);
            break;
        case TimeRule::Format::Date:
            break; // a day is not the moment of an event
        }
    }
    return document;
}

QJsonObject KindShape::withoutVolatile(QJsonObject document) const
{
    for (const PointerPattern &p : volatileFields) {
        if (p.isEmpty())
            continue;
        // The last token is removed from whatever its parent is; the parents are walked like any pattern.
        QJsonValue root(document);
        const PointerPattern parent = p.first(p.size() - 1);
        const QString &last = p.last();
        visitPattern(root, parent, 0, [&last](QJsonValue &v) {
            if (v.isObject()) {
                QJsonObject o = v.toObject();
                if (last == u"*")
                    o = QJsonObject();
                else
                    o.remove(last);
                v = o;
            }
        });
        document = root.toObject();
    }
    return document;
}

QStringList KindShape::personalPointers(const QJsonObject &document) const
{
    QStringList out, path;
    for (const PointerPattern &p : personalFields)
        collectPattern(QJsonValue(document), p, 0, path, out);
    return out;
}

Result<KindDefinition> KindDefinition::fromJson(const QJsonObject &json, const QString &origin)
{
    DefinitionReader read(origin);
    KindDefinition k;
    k.definition = json;
    k.id = json.value(u"kind").toString();
    read.onlyMembers(json, QStringLiteral("(the definition)"),
        { QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("entity_label"), QStringLiteral("description"),
            QStringLiteral("types"), QStringLiteral("summary"), QStringLiteral("personal_summary"),
            QStringLiteral("chart"), QStringLiteral("significant"), QStringLiteral("not_worth_a_snapshot"),
            QStringLiteral("shapes") });
    if (!isIdentifier(k.id))
        read.fail(QStringLiteral("kind"), QStringLiteral("expected an id of lower-case letters, digits and '_'"));
    k.displayName = json.value(u"name").toString(k.id);
    k.entityLabel = json.value(u"entity_label").toString(QStringLiteral("entity id"));
    k.description = json.value(u"description").toString();
    k.types = read.strings(json.value(u"types"), QStringLiteral("types"), true);
    k.summaryFields = read.strings(json.value(u"summary"), QStringLiteral("summary"), true);
    k.personalSummaryFields = read.strings(json.value(u"personal_summary"), QStringLiteral("personal_summary"), true);
    if (QStringList unique = k.summaryFields; unique.removeDuplicates() > 0)
        read.fail(QStringLiteral("summary"), QStringLiteral("a field is named twice"));
    const QString chart = json.value(u"chart").toString();
    if (chart == u"daily_inventory")
        k.chart = ChartFacts::DailyInventory;
    else if (chart == u"chat_outcomes")
        k.chart = ChartFacts::ChatOutcomes;
    else if (!chart.isEmpty())
        read.fail(QStringLiteral("chart"), QStringLiteral("expected daily_inventory or chat_outcomes"));
    const QJsonObject significant = json.value(u"significant").toObject();
    read.onlyMembers(significant, QStringLiteral("significant"), { QStringLiteral("types"), QStringLiteral("when") });
    k.significantTypes = read.strings(significant.value(u"types"), QStringLiteral("significant.types"), true);
    for (const QJsonValue &r : significant.value(u"when").toArray()) {
        const QJsonObject o = r.toObject();
        read.onlyMembers(o, QStringLiteral("significant.when"),
            { QStringLiteral("field"), QStringLiteral("is"), QStringLiteral("below"), QStringLiteral("above") });
        SignificanceRule rule;
        rule.field = o.value(u"field").toString();
        if (!k.summaryFields.contains(rule.field))
            read.fail(QStringLiteral("significant.when"),
                QStringLiteral("\"%1\" is not one of the summary fields (cleanup reads it from the summary)")
                    .arg(rule.field));
        if (o.contains(u"is")) {
            rule.value = o.value(u"is");
        } else if (o.contains(u"below") || o.contains(u"above")) {
            rule.test = o.contains(u"below") ? SignificanceRule::Test::Below : SignificanceRule::Test::Above;
            rule.value = o.contains(u"below") ? o.value(u"below") : o.value(u"above");
            if (!rule.value.isDouble())
                read.fail(QStringLiteral("significant.when"), QStringLiteral("\"below\" and \"above\" take a number"));
        } else {
            read.fail(QStringLiteral("significant.when"), QStringLiteral("expected \"is\", \"below\" or \"above\""));
        }
        if (o.contains(u"is") && !rule.value.isBool())
            read.fail(QStringLiteral("significant.when"), QStringLiteral("\"is\" takes true or false"));
        k.significance.append(rule);
    }
    k.notWorthReason = json.value(u"not_worth_a_snapshot").toString();
    const QJsonArray shapes = json.value(u"shapes").toArray();
    for (qsizetype i = 0; i < shapes.size(); ++i)
        k.shapes.append(read.shape(shapes.at(i).toObject(), QStringLiteral("shapes[%1]").arg(i)));
    if (k.shapes.isEmpty() && k.notWorthReason.isEmpty())
        read.fail(QStringLiteral("shapes"), QStringLiteral("a kind needs at least one shape"));
    for (qsizetype i = 0; i < k.summaryFields.size(); ++i)
        k.summaryKeyOrder.append(i);
    std::sort(k.summaryKeyOrder.begin(), k.summaryKeyOrder.end(),
        [&k](qsizetype a, qsizetype b) { return k.summaryFields.at(a) < k.summaryFields.at(b); });
    for (KindShape &s : k.shapes) {
        if (s.entity.isEmpty())
            read.fail(QStringLiteral("shapes(%1).entity").arg(s.name), QStringLiteral("missing"));
        // Where each summary field is among the shape's fields, found once here rather than by name per document.
        for (const QString &name : std::as_const(k.summaryFields))
            s.summaryFieldIndex.append(s.fieldIndex(name));
        for (const QString &name : chartFactNames(k.chart))
            s.chartFieldIndex.append(s.fieldIndex(name));
        for (const qsizetype i : std::as_const(k.summaryKeyOrder)) {
            if (s.summaryFieldIndex.at(i) >= 0) {
                s.summaryTemplate.insert(k.summaryFields.at(i), QJsonValue());
                s.summaryTemplateFields.append(s.summaryFieldIndex.at(i));
            }
        }
    }
    if (read.failed())
        return read.error();
    return k;
}

const KindShape *KindDefinition::recognise(const QJsonObject &document) const
{
    for (const KindShape &shape : shapes) {
        if (shape.matches(document))
            return &shape;
    }
    return nullptr;
}

QStringList KindShape::lacking(const QJsonObject &document) const
{
    QStringList out;
    for (const JsonPointer &p : required) {
        if (!at(document, p))
            out.append(p.toString());
    }
    return out;
}

QString closestShapes(const QList<const KindShape *> &shapes, const QJsonObject &document,
    const std::function<QString(const KindShape &)> &label, int limit)
{
    QList<std::pair<qsizetype, QString>> misses;
    for (const KindShape *shape : shapes) {
        const QStringList lacking = shape->lacking(document);
        misses.append(
            { lacking.size(), QStringLiteral("%1 lacks %2").arg(label(*shape), lacking.join(QStringLiteral(", "))) });
    }
    std::stable_sort(misses.begin(), misses.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList parts;
    for (qsizetype i = 0; i < misses.size() && i < limit; ++i)
        parts.append(misses.at(i).second);
    return parts.join(QStringLiteral("; "));
}

QString KindDefinition::whyUnrecognised(const QJsonObject &document) const
{
    QList<const KindShape *> all;
    for (const KindShape &shape : shapes)
        all.append(&shape);
    return QStringLiteral("not a %1 document this SnapScope knows (%2)")
        .arg(id, closestShapes(all, document, [](const KindShape &shape) { return shape.name; }));
}

QJsonObject KindDefinition::summarize(const QJsonObject &payload) const
{
    const KindShape *shape = recognise(payload);
    return shape ? summarize(payload, *shape) : QJsonObject();
}

QJsonObject KindDefinition::summarize(const QJsonObject &payload, const KindShape &shape) const
{
    // The shape's summary keys are laid out once (summaryTemplate, keys in QJsonObject's sorted order); each document
    // only fills in the values, which costs a third of inserting ten keys one by one.
    QJsonObject summary = shape.summaryTemplate;
    qsizetype i = 0;
    for (auto it = summary.begin(); it != summary.end(); ++i) {
        const QJsonValue v = evaluate(shape.fields[size_t(shape.summaryTemplateFields.at(i))].rule, payload);
        if (v.isUndefined()) {
            it = summary.erase(it);
        } else {
            it.value() = v;
            ++it;
        }
    }
    return summary;
}

bool KindDefinition::isSignificant(const QString &type, const QJsonObject &summary, bool pinned) const
{
    if (pinned || significantTypes.contains(type))
        return true;
    for (const SignificanceRule &rule : significance) {
        const QJsonValue v = summary.value(rule.field);
        switch (rule.test) {
        case SignificanceRule::Test::Is:
            if (v.isBool() && v == rule.value)
                return true;
            break;
        case SignificanceRule::Test::Below:
        case SignificanceRule::Test::Above:
            if (JsonNumber::isNumber(v)) {
                const double n = JsonNumber::toDouble(v), limit = rule.value.toDouble();
                if (rule.test == SignificanceRule::Test::Below ? n < limit : n > limit)
                    return true;
            }
            break;
        }
    }
    return false;
}

QList<ArrayIdentity> KindDefinition::identitiesFor(const QJsonObject &document) const
{
    if (const KindShape *shape = recognise(document))
        return shape->identities;
    QList<ArrayIdentity> all;
    for (const KindShape &shape : shapes)
        all.append(shape.identities);
    return all;
}

QJsonObject KindDefinition::withoutVolatile(const QJsonObject &payload) const
{
    const KindShape *shape = recognise(payload);
    return shape ? shape->withoutVolatile(payload) : payload;
}

QStringList KindDefinition::personalPointers(const QJsonObject &payload) const
{
    const KindShape *shape = recognise(payload);
    return shape ? shape->personalPointers(payload) : QStringList();
}

QString KindDefinition::displayNameText() const
{
    return builtIn ? QCoreApplication::translate("Kind", displayName.toUtf8().constData()) : displayName;
}

QString KindDefinition::entityLabelText() const
{
    return builtIn ? QCoreApplication::translate("Kind", entityLabel.toUtf8().constData()) : entityLabel;
}
