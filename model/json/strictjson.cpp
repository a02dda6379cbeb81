#include "strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_set>

#include "json/jsonnumber.h"

namespace StrictJson {

namespace {

class Validator
{
public:
    Validator(const QByteArray &text, Rules rules, int maxDepth)
        : m_data(reinterpret_cast<const unsigned char *>(text.constData()))
        , m_size(text.size())
        , m_dataRules(rules == Rules::Data)
        , m_findExact(rules != Rules::Syntax)
        , m_maxDepth(maxDepth)
    { }

    // Under Rules::Data and Rules::Stored: where the numbers a double cannot hold are, as (offset, length).
    const std::vector<std::pair<qsizetype, qsizetype>> &exactNumbers() const { return m_exactNumbers; }

    Problem run()
    {
        skipSpace();
        if (!value(0))
            return m_problem;
        skipSpace();
        if (m_pos != m_size)
            fail("unexpected text after the JSON value");
        return m_problem;
    }

private:
    bool fail(const char *message) { return failAt(m_pos, QString::fromLatin1(message)); }
    bool failAt(qsizetype at, const QString &message)
    {
        if (m_problem.message.isEmpty()) {
            m_problem.offset = at;
            m_problem.message = message;
            int line = 1, column = 1;
            for (qsizetype i = 0; i < at && i < m_size; ++i) {
                if (m_data[i] == '\n') {
                    ++line;
                    column = 1;
                } else if ((m_data[i] & 0xC0) != 0x80) {
                    ++column;
                }
            }
            m_problem.line = line;
            m_problem.column = column;
        }
        return false;
    }
    bool atEnd() const { return m_pos >= m_size; }
    unsigned char peek() const { return m_pos < m_size ? m_data[m_pos] : 0; }
    void skipSpace()
    {
        while (m_pos < m_size
            && (m_data[m_pos] == ' ' || m_data[m_pos] == '\t' || m_data[m_pos] == '\n' || m_data[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(const char *word)
    {
        for (const char *c = word; *c; ++c) {
            if (atEnd() || m_data[m_pos] != static_cast<unsigned char>(*c))
                return fail("invalid literal");
            ++m_pos;
        }
        return true;
    }

    bool value(int depth)
    {
        if (depth > m_maxDepth)
            return fail("nested too deeply");
        if (atEnd())
            return fail("unexpected end of input");
        switch (peek()) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        ++m_pos; // {
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        std::unordered_set<std::string> names;
        while (true) {
            skipSpace();
            if (peek() != '"')
                return fail("expected a member name in double quotes");
            const qsizetype nameAt = m_pos;
            std::string name;
            if (!string(m_dataRules ? &name : nullptr))
                return false;
            // Readers disagree on which of two equal names wins; data that means one thing is refused instead.
            if (m_dataRules && !names.insert(std::move(name)).second)
                return failAt(nameAt, QStringLiteral("duplicate member name"));
            skipSpace();
            if (peek() != ':')
                return fail("expected ':' after a member name");
            ++m_pos;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}' in an object");
        }
    }

    bool array(int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']' in an array");
        }
    }

    static int hexValue(unsigned char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    static void appendUtf8(std::string &out, char32_t c)
    {
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }

    // The four hex digits at `at` as a number, or -1.
    int hexQuad(qsizetype at) const
    {
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = at + i < m_size ? hexValue(m_data[at + i]) : -1;
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    // A string; `decoded` (when given) receives its value in UTF-8, to compare member names.
    bool string(std::string *decoded)
    {
        ++m_pos; // opening quote
        // JsonNumber's mark: under the data rules a lone surrogate anyway, in stored text never written by SnapScope.
        if (m_findExact && m_pos + 6 <= m_size && m_data[m_pos] == '\\' && m_data[m_pos + 1] == 'u'
            && hexQuad(m_pos + 2) == JsonNumber::Mark)
            return fail("a string may not start with \\udfff");
        while (true) {
            if (atEnd())
                return fail("unterminated string");
            const unsigned char c = m_data[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail("control character in a string (must be escaped)");
            if (c == '\\') {
                const qsizetype escapeAt = m_pos;
                ++m_pos;
                if (atEnd())
                    return fail("unterminated escape");
                const unsigned char e = m_data[m_pos];
                if (e == 'u') {
                    const int unit = hexQuad(m_pos + 1);
                    if (unit < 0)
                        return fail("\\u needs four hex digits");
                    m_pos += 5;
                    char32_t codepoint = char32_t(unit);
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        const int low = (m_pos + 1 < m_size && m_data[m_pos] == '\\' && m_data[m_pos + 1] == 'u')
                            ? hexQuad(m_pos + 2)
                            : -1;
                        if (low >= 0xDC00 && low <= 0xDFFF) {
                            codepoint = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                            m_pos += 6;
                        } else if (m_dataRules) {
                            return failAt(escapeAt,
                                QStringLiteral("lone surrogate escape (\\u%1 without its pair)")
                                    .arg(unit, 4, 16, QLatin1Char('0')));
                        }
                    } else if (unit >= 0xDC00 && unit <= 0xDFFF && m_dataRules) {
                        return failAt(escapeAt,
                            QStringLiteral("lone surrogate escape (\\u%1 without its pair)")
                                .arg(unit, 4, 16, QLatin1Char('0')));
                    }
                    if (decoded)
                        appendUtf8(*decoded, codepoint);
                    continue;
                }
                static constexpr char escapes[] = "\"\\/bfnrt";
                static constexpr char meanings[] = "\"\\/\b\f\n\r\t";
                const char *known = std::char_traits<char>::find(escapes, 8, char(e));
                if (!known)
                    return fail("invalid escape in a string");
                if (decoded)
                    *decoded += meanings[known - escapes];
                ++m_pos;
                continue;
            }
            if (c < 0x80) {
                if (decoded)
                    *decoded += char(c);
                ++m_pos;
                continue;
            }
            const qsizetype start = m_pos;
            if (!utf8())
                return false;
            if (decoded)
                decoded->append(reinterpret_cast<const char *>(m_data + start), size_t(m_pos - start));
        }
    }

    // One well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    bool utf8()
    {
        const unsigned char c = m_data[m_pos];
        int length = 0;
        unsigned int min = 0, codepoint = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            codepoint = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            codepoint = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            codepoint = c & 0x07;
            min = 0x10000;
        } else {
            return fail("invalid UTF-8");
        }
        if (m_pos + length > m_size)
            return fail("truncated UTF-8");
        for (int i = 1; i < length; ++i) {
            const unsigned char next = m_data[m_pos + i];
            if ((next & 0xC0) != 0x80)
                return fail("invalid UTF-8");
            codepoint = (codepoint << 6) | (next & 0x3F);
        }
        if (codepoint < min || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
            return fail("invalid UTF-8");
        m_pos += length;
        return true;
    }

    bool digits()
    {
        if (atEnd() || peek() < '0' || peek() > '9')
            return fail("expected a digit");
        while (!atEnd() && peek() >= '0' && peek() <= '9')
            ++m_pos;
        return true;
    }

    bool number()
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (atEnd())
            return fail("unexpected end of input");
        if (peek() == '0') {
            ++m_pos;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            return fail("invalid value");
        }
        if (peek() == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!digits())
                return false;
        }
        return !m_findExact || exactNumber(start);
    }

    // Data is stored and compared as doubles and 64-bit integers; a number they cannot hold exactly is recorded in
    // m_exactNumbers, to be kept as its digits (JsonNumber). Under the data rules out of range is refused with its
    // position: no reader agrees on what 1e400 means.
    bool exactNumber(qsizetype start)
    {
        const std::string_view text(reinterpret_cast<const char *>(m_data + start), size_t(m_pos - start));
        const bool integral = text.find_first_of(".eE") == std::string_view::npos;
        if (integral) {
            long long asInteger = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), asInteger);
            if (error == std::errc() && end == text.data() + text.size())
                return true;
        }
        const auto shown = [&] { return QString::fromLatin1(text.data(), qsizetype(text.size())).left(40); };
        bool tooSmall = false;
        const std::optional<double> value = JsonNumber::parseDouble(text, &tooSmall);
        const JsonNumber::Decimal literal = JsonNumber::decimal(text);
        if (!value || (*value == 0 && !literal.digits.empty())) {
            if (!m_dataRules)
                return true; // stored text: read as QJsonDocument reads it, as before
            return failAt(start,
                !value && !tooSmall ? QStringLiteral("number out of range: %1").arg(shown())
                                    : QStringLiteral("number too small, it would read as 0: %1").arg(shown()));
        }
        // Below DBL_MIN a double keeps fewer digits, so even a short literal can change; no data needs such numbers.
        if (std::abs(*value) < std::numeric_limits<double>::min() && *value != 0) {
            if (!m_dataRules)
                return true;
            return failAt(start, QStringLiteral("number too small to be kept exactly: %1").arg(shown()));
        }
        if (JsonNumber::needsDigits(text))
            m_exactNumbers.emplace_back(start, m_pos - start);
        return true;
    }

    const unsigned char *m_data;
    qsizetype m_size;
    bool m_dataRules;
    bool m_findExact;
    std::vector<std::pair<qsizetype, qsizetype>> m_exactNumbers;
    qsizetype m_pos = 0;
    int m_maxDepth;
    Problem m_problem;
};

} // namespace

Problem validate(const QByteArray &text, Rules rules, int maxDepth)
{
    return Validator(text, rules, maxDepth).run();
}

namespace {

// The value of text the validator accepted, its exact numbers turned into JsonNumber strings first; an error only for
// text the validator did not see (readStored's quick path).
Result<QJsonValue> build(const QByteArray &text, const std::vector<std::pair<qsizetype, qsizetype>> &exactNumbers)
{
    QByteArray json;
    if (exactNumbers.empty()) {
        json = text;
    } else {
        json.reserve(text.size() + qsizetype(exactNumbers.size()) * 8);
        qsizetype from = 0;
        static const QByteArray mark = "\"\\u" + QByteArray::number(int(JsonNumber::Mark), 16);
        for (const auto &[offset, length] : exactNumbers) {
            json.append(text.constData() + from, offset - from);
            const std::string digits
                = JsonNumber::normalized(std::string_view(text.constData() + offset, size_t(length)));
            // "8981274674270167456.0" needs no mark once written as the 64-bit integer it is: the stored form reads
            // back as that integer, so the value stays the same type either way.
            long long integer = 0;
            const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), integer);
            if (error == std::errc() && end == digits.data() + digits.size()) {
                json.append(digits.data(), qsizetype(digits.size()));
            } else {
                json.append(mark);
                json.append(digits.data(), qsizetype(digits.size()));
                json.append('"');
            }
            from = offset + length;
        }
        json.append(text.constData() + from, text.size() - from);
    }
    // QJsonDocument reads only an object or an array at the top.
    qsizetype first = 0;
    while (first < json.size()
        && (json[first] == ' ' || json[first] == '\t' || json[first] == '\n' || json[first] == '\r'))
        ++first;
    const bool container = first < json.size() && (json[first] == '{' || json[first] == '[');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(container ? json : '[' + json + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return Error { Error::Code::Invalid,
            QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString()) };
    if (document.isObject())
        return QJsonValue(document.object());
    if (container)
        return QJsonValue(document.array());
    if (document.array().size() != 1)
        return Error { Error::Code::Invalid, QStringLiteral("not valid JSON: expected one value") };
    return document.array().at(0);
}

} // namespace

Result<QJsonValue> parse(const QByteArray &text, const QString &source)
{
    Validator validator(text, Rules::Data, 512);
    const Problem problem = validator.run();
    if (!problem.message.isEmpty()) {
        return Error { Error::Code::Invalid,
            QStringLiteral("%1: line %2, column %3: %4")
                .arg(source)
                .arg(problem.line)
                .arg(problem.column)
                .arg(problem.message) };
    }
    return build(text, validator.exactNumbers());
}

Result<QJsonObject> parseObject(const QByteArray &text, const QString &source)
{
    auto value = parse(text, source);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error { Error::Code::Invalid, QStringLiteral("%1: expected a JSON object").arg(source) };
    return value->toObject();
}

namespace {

// Whether `run` (a maximal run of number characters) is a JSON number literal.
bool isNumberLiteral(std::string_view run)
{
    size_t i = 0;
    const auto digits = [&] {
        const size_t from = i;
        while (i < run.size() && run[i] >= '0' && run[i] <= '9')
            ++i;
        return i > from;
    };
    if (i < run.size() && run[i] == '-')
        ++i;
    if (i < run.size() && run[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < run.size() && run[i] == '.' && (++i, !digits()))
        return false;
    if (i < run.size() && (run[i] == 'e' || run[i] == 'E')) {
        ++i;
        if (i < run.size() && (run[i] == '+' || run[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == run.size();
}

} // namespace

Result<QJsonValue> readStored(const QByteArray &text)
{
    // Most payloads have no number a double cannot hold; such a number has at least 16 significant digits (any 15
    // are exact, and subnormals are refused), and a number token is always a whole run of number characters, so a
    // quick look at each run of 16 or more decides whether the slower reading is needed. A run inside a string may
    // send it there too, harmlessly. A "\udfff" escape (JsonNumber's mark, which SnapScope never writes) is looked
    // at as well: in a table another system fills, it is refused rather than read as a number.
    static constexpr auto classes = [] {
        std::array<unsigned char, 256> table {};
        for (const char c : std::string_view("0123456789.eE+-"))
            table[static_cast<unsigned char>(c)] = 1;
        table['\\'] = 2;
        return table;
    }();
    const qsizetype size = text.size();
    const char *const data = text.constData();
    const auto longNumber = [&](qsizetype from, qsizetype to) {
        const std::string_view run(data + from, size_t(to - from));
        return to - from >= 16 && isNumberLiteral(run) && JsonNumber::needsDigits(run);
    };
    bool candidate = false;
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char kind = classes[static_cast<unsigned char>(data[i])];
        if (kind == 1)
            continue;
        if (i - runStart >= 16 && longNumber(runStart, i)) {
            candidate = true;
            break;
        }
        runStart = i + 1;
        if (kind == 2 && i + 5 < size && data[i + 1] == 'u' && (data[i + 2] | 0x20) == 'd'
            && (data[i + 3] | 0x20) == 'f' && (data[i + 4] | 0x20) == 'f' && (data[i + 5] | 0x20) == 'f') {
            candidate = true;
            break;
        }
    }
    candidate = candidate || longNumber(runStart, size);
    if (!candidate)
        return build(text, {});
    Validator validator(text, Rules::Stored, 4096);
    const Problem problem = validator.run();
    if (!problem.message.isEmpty())
        return Error { Error::Code::Invalid,
            QStringLiteral("not valid JSON at byte %1: %2").arg(problem.offset).arg(problem.message) };
    return build(text, validator.exactNumbers());
}

} // namespace StrictJson
