#include "sidebyside.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

#include "json/editscript.h"
#include "json/jsondiff.h"
#include "json/jsonnumber.h"
#include "json/jsonpointer.h"

namespace {

using Row = SideBySide::Row;

QString quoted(const QString &text)
{
    QString result;
    result.reserve(text.size() + 2);
    result += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            result += QStringLiteral("\\\"");
            break;
        case '\\':
            result += QStringLiteral("\\\\");
            break;
        case '\n':
            result += QStringLiteral("\\n");
            break;
        case '\r':
            result += QStringLiteral("\\r");
            break;
        case '\t':
            result += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                result += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                result += c;
        }
    }
    result += u'"';
    return result;
}

// A value that is written on one line: a scalar as JSON writes it (without a QJsonDocument per value: a 1 MB
// document has 100,000 of them), or an empty container (which QJsonDocument would split over two lines).
bool isOneLine(const QJsonValue &v)
{
    if (v.isObject())
        return v.toObject().isEmpty();
    if (v.isArray())
        return v.toArray().isEmpty();
    return true;
}

QString oneLine(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("{}");
    case QJsonValue::Array:
        return QStringLiteral("[]");
    case QJsonValue::String:
        return JsonNumber::isExact(v) ? QString::fromLatin1(JsonNumber::text(v)) : quoted(v.toString());
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

QString comma(bool last)
{
    return last ? QString() : QStringLiteral(",");
}

// Walks both documents together, writing each as QJsonDocument::Indented does, one aligned row per line.
// Two pointers follow the walk: the member's on the left, and on the right, which is also how JsonDiff names it
// (its array indices count elements of the document as the earlier operations left it: the right side's, and for a
// removed element the index of the right element it was removed before).
class Aligner
{
public:
    Aligner(const QSet<QString> &wanted, const QSet<QString> &changes, const QList<ArrayIdentity> &identities)
        : m_wanted(wanted)
        , m_changes(changes)
        , m_identities(identities)
    { }

    SideBySide s;

    void both(const QJsonValue &a, const QJsonValue &b, int depth, const QString &prefix, bool lastA, bool lastB)
    {
        const bool objects = a.isObject() && b.isObject(), arrays = a.isArray() && b.isArray();
        const bool oneLineA = isOneLine(a), oneLineB = isOneLine(b);
        const QString indent(depth * 4, u' ');
        if (oneLineA && oneLineB) {
            markBoth();
            add(a == b ? Row::Same : Row::Changed, indent + prefix + oneLine(a) + comma(lastA),
                indent + prefix + oneLine(b) + comma(lastB));
            return;
        }
        if ((objects || arrays) && !oneLineA && !oneLineB) {
            markBoth();
            // A change naming the container itself (an element the diff replaced whole) shows on its first line,
            // unless it is a removal before this element.
            const bool replaced = m_changes.contains(m_right) && !m_removedBefore.contains(m_right);
            const QString open = indent + prefix + (objects ? u'{' : u'[');
            add(replaced ? Row::Changed : Row::Same, open, open);
            if (objects)
                members(a.toObject(), b.toObject(), depth + 1);
            else
                elements(a.toArray(), b.toArray(), depth + 1);
            const QString close = indent + (objects ? u'}' : u']');
            add(Row::Same, close + comma(lastA), close + comma(lastB));
            return;
        }
        // Another shape (an object that became a string, an array emptied): the first lines face each other, the
        // rest of the left side follows, then the rest of the right side.
        const int base = int(s.rows.size());
        m_lines.clear();
        print(a, depth, prefix, lastA, m_left, s.leftRowOf, base, base);
        QStringList leftLines;
        leftLines.swap(m_lines);
        print(b, depth, prefix, lastB, m_right, s.rightRowOf, base, base + int(leftLines.size()) - 1);
        add(Row::Changed, leftLines.first(), m_lines.first());
        for (qsizetype i = 1; i < leftLines.size(); ++i)
            add(Row::Removed, leftLines.at(i), QString());
        for (qsizetype i = 1; i < m_lines.size(); ++i)
            add(Row::Added, QString(), m_lines.at(i));
    }

private:
    void add(Row kind, const QString &left, const QString &right)
    {
        s.rows << kind;
        s.left << left;
        s.right << right;
    }

    void markBoth()
    {
        const int row = int(s.rows.size());
        if (m_wanted.contains(m_left))
            s.leftRowOf.insert(m_left, row);
        if (m_wanted.contains(m_right))
            s.rightRowOf.insert(m_right, row);
    }

    void leftOnly(const QJsonValue &a, int depth, const QString &prefix, bool last)
    {
        const int base = int(s.rows.size());
        if (m_wanted.contains(m_right) && !s.removedRowOf.contains(m_right))
            s.removedRowOf.insert(m_right, base);
        if (m_changes.contains(m_right))
            m_removedBefore.insert(m_right);
        m_lines.clear();
        print(a, depth, prefix, last, m_left, s.leftRowOf, base, base);
        for (const QString &line : std::as_const(m_lines))
            add(Row::Removed, line, QString());
    }

    void rightOnly(const QJsonValue &b, int depth, const QString &prefix, bool last)
    {
        const int base = int(s.rows.size());
        m_lines.clear();
        print(b, depth, prefix, last, m_right, s.rightRowOf, base, base);
        for (const QString &line : std::as_const(m_lines))
            add(Row::Added, QString(), line);
    }

    // Object members in key order (QJsonObject keeps its keys sorted): a key on both sides pairs with itself.
    void members(const QJsonObject &a, const QJsonObject &b, int depth)
    {
        auto ia = a.constBegin(), ib = b.constBegin();
        qsizetype na = 0, nb = 0;
        const qsizetype sizeA = a.size(), sizeB = b.size();
        while (ia != a.constEnd() || ib != b.constEnd()) {
            const QString keyA = ia != a.constEnd() ? ia.key() : QString();
            const QString keyB = ib != b.constEnd() ? ib.key() : QString();
            const qsizetype left = m_left.size(), right = m_right.size();
            if (ia != a.constEnd() && ib != b.constEnd() && keyA == keyB) {
                const QString token = u'/' + JsonPointer::escape(keyA);
                m_left += token;
                m_right += token;
                both(ia.value(), ib.value(), depth, quoted(keyA) + QStringLiteral(": "), ++na == sizeA, ++nb == sizeB);
                ++ia, ++ib;
            } else if (ib != b.constEnd() && (ia == a.constEnd() || (b.contains(keyA) && !a.contains(keyB)))) {
                // The right key comes first and is not on the left (a left key that is not on the right goes first).
                const QString token = u'/' + JsonPointer::escape(keyB);
                m_right += token;
                rightOnly(ib.value(), depth, quoted(keyB) + QStringLiteral(": "), ++nb == sizeB);
                ++ib;
            } else {
                const QString token = u'/' + JsonPointer::escape(keyA);
                m_left += token;
                m_right += token;
                leftOnly(ia.value(), depth, quoted(keyA) + QStringLiteral(": "), ++na == sizeA);
                ++ia;
            }
            m_left.truncate(left);
            m_right.truncate(right);
        }
    }

    // Elements paired as JsonDiff pairs them: a shortest edit script over their identities (or contents); within a
    // run of removals and insertions, elements without identity keys pair by position.
    void elements(const QJsonArray &a, const QJsonArray &b, int depth)
    {
        const QString key = JsonDiff::identityKey(a, b, m_right, m_identities);
        std::vector<size_t> ha, hb;
        ha.reserve(size_t(a.size()));
        hb.reserve(size_t(b.size()));
        for (const QJsonValue &e : a)
            ha.push_back(JsonDiff::elementHash(e, key));
        for (const QJsonValue &e : b)
            hb.push_back(JsonDiff::elementHash(e, key));
        auto steps = editScript(ha, hb, 4000);
        if (!steps) { // too different for a shortest script: by position, as the diff does
            std::vector<EditStep> positional;
            const qsizetype common = std::min(a.size(), b.size());
            for (qsizetype i = 0; i < common; ++i) {
                positional.push_back(EditStep::Delete);
                positional.push_back(EditStep::Insert);
            }
            positional.insert(positional.end(), size_t(a.size() - common), EditStep::Delete);
            positional.insert(positional.end(), size_t(b.size() - common), EditStep::Insert);
            steps = std::move(positional);
        }
        const qsizetype sizeA = a.size(), sizeB = b.size();
        qsizetype ai = 0, bi = 0;
        const auto pair = [&] {
            const qsizetype left = m_left.size(), right = m_right.size();
            m_left += u'/' + QString::number(ai);
            m_right += u'/' + QString::number(bi);
            both(a.at(ai), b.at(bi), depth, QString(), ai == sizeA - 1, bi == sizeB - 1);
            m_left.truncate(left);
            m_right.truncate(right);
            ++ai, ++bi;
        };
        const std::vector<EditStep> &script = *steps;
        for (size_t step = 0; step < script.size();) {
            if (script[step] == EditStep::Keep) {
                pair();
                ++step;
                continue;
            }
            size_t end = step;
            qsizetype deletes = 0, inserts = 0;
            for (; end < script.size() && script[end] != EditStep::Keep; ++end)
                (script[end] == EditStep::Delete ? deletes : inserts)++;
            const qsizetype paired = key.isEmpty() ? std::min(deletes, inserts) : 0;
            for (qsizetype p = 0; p < paired; ++p)
                pair();
            for (qsizetype d = paired; d < deletes; ++d) {
                const qsizetype left = m_left.size(), right = m_right.size();
                m_left += u'/' + QString::number(ai);
                m_right += u'/' + QString::number(bi);
                leftOnly(a.at(ai), depth, QString(), ai == sizeA - 1);
                m_left.truncate(left);
                m_right.truncate(right);
                ++ai;
            }
            for (qsizetype i = paired; i < inserts; ++i) {
                const qsizetype right = m_right.size();
                m_right += u'/' + QString::number(bi);
                rightOnly(b.at(bi), depth, QString(), bi == sizeB - 1);
                m_right.truncate(right);
                ++bi;
            }
            step = end;
        }
    }

    // One side's value into m_lines, with the rows where wanted members start: line 0 on row `first`, line i > 0 on
    // row `offset + i`.
    void print(const QJsonValue &v, int depth, const QString &prefix, bool last, QString &pointer,
        QHash<QString, int> &rowOf, int first, int offset)
    {
        if (m_wanted.contains(pointer))
            rowOf.insert(pointer, m_lines.isEmpty() ? first : offset + int(m_lines.size()));
        const QString indent(depth * 4, u' ');
        if (isOneLine(v)) {
            m_lines << indent + prefix + oneLine(v) + comma(last);
            return;
        }
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            m_lines << indent + prefix + u'{';
            qsizetype i = 0;
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                const qsizetype length = pointer.size();
                pointer += u'/' + JsonPointer::escape(it.key());
                print(it.value(), depth + 1, quoted(it.key()) + QStringLiteral(": "), ++i == o.size(), pointer, rowOf,
                    first, offset);
                pointer.truncate(length);
            }
            m_lines << indent + u'}' + comma(last);
        } else {
            const QJsonArray a = v.toArray();
            m_lines << indent + prefix + u'[';
            for (qsizetype i = 0; i < a.size(); ++i) {
                const qsizetype length = pointer.size();
                pointer += u'/' + QString::number(i);
                print(a.at(i), depth + 1, QString(), i == a.size() - 1, pointer, rowOf, first, offset);
                pointer.truncate(length);
            }
            m_lines << indent + u']' + comma(last);
        }
    }

    const QSet<QString> &m_wanted; // change paths and their ancestors
    const QSet<QString> &m_changes; // the change paths themselves
    const QList<ArrayIdentity> &m_identities;
    QString m_left, m_right;
    QSet<QString> m_removedBefore; // change paths that name a removal
    QStringList m_lines; // a one-sided value being printed
};

} // namespace

SideBySide SideBySide::build(const QJsonValue &leftValue, const QJsonValue &rightValue, const QStringList &pointers,
    const QList<ArrayIdentity> &identities)
{
    QSet<QString> wanted { QString() };
    for (QString p : pointers) {
        for (; !p.isEmpty(); p.truncate(p.lastIndexOf(u'/')))
            wanted.insert(p);
    }
    const QSet<QString> changes(pointers.cbegin(), pointers.cend());
    Aligner aligner(wanted, changes, identities);
    aligner.both(leftValue, rightValue, 0, QString(), true, true);
    return std::move(aligner.s);
}

int SideBySide::rowFor(const QString &op, const QString &pointer) const
{
    if (op == u"remove") {
        if (const auto it = removedRowOf.constFind(pointer); it != removedRowOf.constEnd())
            return it.value();
    }
    // A removed member is found on the left; anything else where it ended up, on the right.
    const QHash<QString, int> &first = op == u"remove" ? leftRowOf : rightRowOf;
    const QHash<QString, int> &second = op == u"remove" ? rightRowOf : leftRowOf;
    for (QString p = pointer;; p.truncate(p.lastIndexOf(u'/'))) {
        if (const auto it = first.constFind(p); it != first.constEnd())
            return it.value();
        if (const auto it = second.constFind(p); it != second.constEnd())
            return it.value();
        if (p.isEmpty())
            return 0;
    }
}

int SideBySide::changedRows() const
{
    return int(std::count_if(rows.cbegin(), rows.cend(), [](Row r) { return r != Row::Same; }));
}
