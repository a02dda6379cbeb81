#include "sidebyside.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QLocale>
#include <QSet>

#include <cmath>
#include <vector>

#include "json/editscript.h"
#include "json/jsonpointer.h"

namespace {

// Pretty JSON like QJsonDocument::Indented, remembering the line on which the wanted members start.
class Printer
{
public:
    explicit Printer(const QSet<QString> &wanted)
        : m_wanted(wanted)
    { }
    QStringList lines;
    QHash<QString, int> lineOf;

    void print(const QJsonValue &value)
    {
        QString pointer;
        write(value, 0, QString(), pointer, true);
    }

    // A scalar as JSON writes it, without a QJsonDocument per value (a 1 MB document has 100,000 of them).
    static QString scalar(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::String:
            return quoted(v.toString());
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

    static QString quoted(const QString &text)
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

private:
    void write(const QJsonValue &v, int depth, const QString &prefix, QString &pointer, bool last)
    {
        const QString indent(depth * 4, u' ');
        const QString comma = last ? QString() : QStringLiteral(",");
        if (m_wanted.contains(pointer))
            lineOf.insert(pointer, int(lines.size()));
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.isEmpty()) {
                lines << indent + prefix + QStringLiteral("{}") + comma;
                return;
            }
            lines << indent + prefix + u'{';
            qsizetype i = 0;
            for (auto it = o.begin(); it != o.end(); ++it, ++i) {
                const qsizetype length = pointer.size();
                pointer += u'/' + JsonPointer::escape(it.key());
                write(it.value(), depth + 1, quoted(it.key()) + QStringLiteral(": "), pointer, i == o.size() - 1);
                pointer.truncate(length);
            }
            lines << indent + u'}' + comma;
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (a.isEmpty()) {
                lines << indent + prefix + QStringLiteral("[]") + comma;
                return;
            }
            lines << indent + prefix + u'[';
            for (qsizetype i = 0; i < a.size(); ++i) {
                const qsizetype length = pointer.size();
                pointer += u'/' + QString::number(i);
                write(a.at(i), depth + 1, QString(), pointer, i == a.size() - 1);
                pointer.truncate(length);
            }
            lines << indent + u']' + comma;
        } else {
            lines << indent + prefix + scalar(v) + comma;
        }
    }

    const QSet<QString> &m_wanted;
};

} // namespace

SideBySide SideBySide::build(const QJsonValue &leftValue, const QJsonValue &rightValue, const QStringList &pointers)
{
    QSet<QString> wanted { QString() };
    for (QString p : pointers) {
        for (; !p.isEmpty(); p.truncate(p.lastIndexOf(u'/')))
            wanted.insert(p);
    }
    Printer l(wanted), r(wanted);
    l.print(leftValue);
    r.print(rightValue);
    std::vector<size_t> hl, hr;
    for (const QString &line : std::as_const(l.lines))
        hl.push_back(qHash(line));
    for (const QString &line : std::as_const(r.lines))
        hr.push_back(qHash(line));
    std::vector<EditStep> steps;
    if (auto found = editScript(hl, hr, 20000)) {
        steps = std::move(*found);
    } else { // too different to align: line by line
        const qsizetype common = std::min(l.lines.size(), r.lines.size());
        for (qsizetype i = 0; i < common; ++i)
            steps.push_back(EditStep::Delete), steps.push_back(EditStep::Insert);
        for (qsizetype i = common; i < l.lines.size(); ++i)
            steps.push_back(EditStep::Delete);
        for (qsizetype i = common; i < r.lines.size(); ++i)
            steps.push_back(EditStep::Insert);
    }
    SideBySide s;
    std::vector<int> leftRow(size_t(l.lines.size()), 0), rightRow(size_t(r.lines.size()), 0);
    qsizetype li = 0, ri = 0;
    size_t i = 0;
    const auto add = [&](Row kind, qsizetype lineLeft, qsizetype lineRight) {
        const int row = int(s.rows.size());
        s.rows << kind;
        s.left << (lineLeft >= 0 ? l.lines.at(lineLeft) : QString());
        s.right << (lineRight >= 0 ? r.lines.at(lineRight) : QString());
        if (lineLeft >= 0)
            leftRow[size_t(lineLeft)] = row;
        if (lineRight >= 0)
            rightRow[size_t(lineRight)] = row;
    };
    while (i < steps.size()) {
        if (steps[i] == EditStep::Keep) {
            add(Row::Same, li++, ri++);
            ++i;
            continue;
        }
        qsizetype deletes = 0, inserts = 0;
        size_t end = i;
        for (; end < steps.size() && steps[end] != EditStep::Keep; ++end)
            (steps[end] == EditStep::Delete ? deletes : inserts)++;
        const qsizetype paired = std::min(deletes, inserts);
        for (qsizetype p = 0; p < paired; ++p)
            add(Row::Changed, li++, ri++);
        for (qsizetype d = paired; d < deletes; ++d)
            add(Row::Removed, li++, -1);
        for (qsizetype n = paired; n < inserts; ++n)
            add(Row::Added, -1, ri++);
        i = end;
    }
    for (auto it = l.lineOf.cbegin(); it != l.lineOf.cend(); ++it)
        s.leftRowOf.insert(it.key(), leftRow[size_t(it.value())]);
    for (auto it = r.lineOf.cbegin(); it != r.lineOf.cend(); ++it)
        s.rightRowOf.insert(it.key(), rightRow[size_t(it.value())]);
    return s;
}

int SideBySide::rowFor(const QString &op, const QString &pointer) const
{
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
