#include "strictjson.h"

#include <QJsonDocument>

namespace StrictJson {

namespace {

class Validator
{
public:
    Validator(const QByteArray &text, int maxDepth)
        : m_data(reinterpret_cast<const unsigned char *>(text.constData()))
        , m_size(text.size())
        , m_maxDepth(maxDepth)
    { }

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
    bool fail(const char *message)
    {
        if (m_problem.message.isEmpty()) {
            m_problem.offset = m_pos;
            m_problem.message = QString::fromLatin1(message);
            int line = 1, column = 1;
            for (qsizetype i = 0; i < m_pos && i < m_size; ++i) {
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
            return string();
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
        while (true) {
            skipSpace();
            if (peek() != '"')
                return fail("expected a member name in double quotes");
            if (!string())
                return false;
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

    bool string()
    {
        ++m_pos; // opening quote
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
                ++m_pos;
                if (atEnd())
                    return fail("unterminated escape");
                const unsigned char e = m_data[m_pos];
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (m_pos + i >= m_size || hexValue(m_data[m_pos + i]) < 0)
                            return fail("\\u needs four hex digits");
                    }
                    m_pos += 5;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                    return fail("invalid escape in a string");
                ++m_pos;
                continue;
            }
            if (c < 0x80) {
                ++m_pos;
                continue;
            }
            if (!utf8())
                return false;
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
        return true;
    }

    const unsigned char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    int m_maxDepth;
    Problem m_problem;
};

} // namespace

Problem validate(const QByteArray &text, int maxDepth)
{
    return Validator(text, maxDepth).run();
}

Result<QJsonObject> parseObject(const QByteArray &text, const QString &source)
{
    const Problem problem = validate(text);
    if (!problem.message.isEmpty()) {
        return Error { Error::Code::Invalid,
            QStringLiteral("%1: line %2, column %3: %4")
                .arg(source)
                .arg(problem.line)
                .arg(problem.column)
                .arg(problem.message) };
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (document.isNull())
        return Error { Error::Code::Invalid, QStringLiteral("%1: %2").arg(source, error.errorString()) };
    if (!document.isObject())
        return Error { Error::Code::Invalid, QStringLiteral("%1: expected a JSON object").arg(source) };
    return document.object();
}

} // namespace StrictJson
