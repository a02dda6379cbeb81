#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <optional>
#include <string>
#include <string_view>

// A number a double cannot hold exactly (12345678901234567890, 1234567890.123456789: financial amounts, Decimal128
// values written as plain numbers) is kept as its digits. QJsonValue has no such type, so inside SnapScope it travels
// as a string that starts with a lone low surrogate (U+DFFF), which no text from outside can hold: StrictJson's data
// rules refuse lone surrogates. The canonical form, the checksum, diff and patch see the digits, and every writer here
// prints the bare number again.
namespace JsonNumber {

inline constexpr char16_t Mark = 0xDFFF;

// Whether `value` is a number kept as its digits.
inline bool isExact(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    return !text.isEmpty() && text.front() == QChar(Mark);
}
// A number of either kind.
inline bool isNumber(const QJsonValue &value)
{
    return value.isDouble() || isExact(value);
}

// The number's JSON text: the kept digits, or a double as the canonical form writes it (integers without a fraction,
// others in their shortest round-trip form, what is not finite as null).
QByteArray text(const QJsonValue &value);
void appendText(QByteArray &out, const QJsonValue &value);
// A scalar as text for people and for id columns: a string as it is, a number (kept or not) as its JSON text, true,
// false; empty for null and containers. QJsonValue::toString() gives "" for a number and the marked text for a kept
// one.
QString scalarText(const QJsonValue &value);
// The nearest double, for arithmetic and charts; 0 for what is not a number (as QJsonValue::toDouble()).
double toDouble(const QJsonValue &value);
// A decimal literal as a double whatever the C locale (strtod reads "1.25" as 1 under de_DE); nullopt when it is out
// of a double's range, `tooSmall` saying which end.
std::optional<double> parseDouble(std::string_view literal, bool *tooSmall = nullptr);

// A decimal literal's value as (negative, significant digits, exponent of the last digit): "120.50e1" and "1205" both
// are (false, "1205", 0); zero is (false, "", 0) whatever its sign. An exponent beyond 64 bits saturates far outside
// any double's range, so that such a number still counts as out of range.
struct Decimal
{
    bool negative = false;
    std::string digits;
    long long exponent = 0;
    bool operator==(const Decimal &) const = default;
};
Decimal decimal(std::string_view literal);

// Whether a JSON number literal must be kept as its digits: in a double's normal range, but neither a 64-bit integer
// nor a double holds it exactly (out of range and subnormal literals are not: the readers refuse them, or read them
// as before).
bool needsDigits(std::string_view literal);

// The one way a decimal literal is written when kept exactly: significant digits without leading or trailing zeros,
// plain notation for exponents that stay readable, scientific otherwise ("1.2345e-30"). Equal numbers written
// differently ("1.50", "15e-1") get the same text.
std::string normalized(std::string_view literal);
// The value that keeps `literal` (already valid JSON number syntax) exactly.
QJsonValue exact(std::string_view literal);

} // namespace JsonNumber
