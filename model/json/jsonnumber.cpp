#include "jsonnumber.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>

namespace JsonNumber {

void appendText(QByteArray &out, const QJsonValue &value)
{
    if (value.isString()) {
        const QString kept = value.toString();
        if (!kept.isEmpty() && kept.front() == QChar(Mark)) {
            out.append(QStringView(kept).mid(1).toLatin1());
            return;
        }
    }
    // QJsonValue keeps integral values that fit in 64 bits as integers: they print exactly, as QJsonDocument does.
    const qint64 integer = value.toInteger(0);
    if (integer != 0 || value.toInteger(1) == 0) {
        char digits[24];
        const auto [last, error] = std::to_chars(std::begin(digits), std::end(digits), integer);
        Q_UNUSED(error); // 24 characters hold any 64-bit integer
        out.append(digits, last - digits);
        return;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d)) {
        out.append("null", 4);
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

QByteArray text(const QJsonValue &value)
{
    QByteArray out;
    appendText(out, value);
    return out;
}

bool needsDigits(std::string_view literal)
{
    if (literal.find_first_of(".eE") == std::string_view::npos) {
        long long integer = 0;
        const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), integer);
        if (error == std::errc() && end == literal.data() + literal.size())
            return false;
    }
    const std::optional<double> value = parseDouble(literal);
    if (!value || *value == 0 || std::abs(*value) < std::numeric_limits<double>::min())
        return false;
    // The shortest digits that read back as the same double: what the canonical form writes.
    char shortest[32];
    const auto written = std::to_chars(shortest, shortest + sizeof shortest, *value, std::chars_format::scientific);
    return decimal(std::string_view(shortest, size_t(written.ptr - shortest))) != decimal(literal);
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return isExact(value) ? QString::fromLatin1(text(value)) : value.toString();
    if (value.isDouble())
        return QString::fromLatin1(text(value));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

std::optional<double> parseDouble(std::string_view literal, bool *tooSmall)
{
    double value = 0;
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    Q_UNUSED(end);
    if (error == std::errc::result_out_of_range) {
        if (tooSmall) {
            const Decimal d = decimal(literal);
            *tooSmall = static_cast<long long>(d.digits.size()) + d.exponent <= 0;
        }
        return std::nullopt;
    }
    if (error != std::errc() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

double toDouble(const QJsonValue &value)
{
    if (isExact(value)) {
        const QByteArray digits = text(value);
        return parseDouble(std::string_view(digits.constData(), size_t(digits.size()))).value_or(0);
    }
    return value.toDouble();
}

Decimal decimal(std::string_view text)
{
    Decimal d;
    size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        d.negative = true;
        ++i;
    }
    long long fractionDigits = 0;
    bool inFraction = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            inFraction = true;
            continue;
        }
        if (d.digits.empty() && text[i] == '0') {
            if (inFraction)
                ++fractionDigits;
            continue;
        }
        d.digits += text[i];
        if (inFraction)
            ++fractionDigits;
    }
    long long exponent = 0;
    if (i < text.size()) {
        ++i;
        std::string_view e = text.substr(i);
        if (!e.empty() && e.front() == '+')
            e.remove_prefix(1);
        const auto [end, error] = std::from_chars(e.data(), e.data() + e.size(), exponent);
        Q_UNUSED(end);
        // Saturated where adding the digits' count cannot overflow, and still far beyond any double's range.
        constexpr long long Far = std::numeric_limits<long long>::max() / 4;
        if (error == std::errc::result_out_of_range || exponent > Far || exponent < -Far)
            exponent = !e.empty() && e.front() == '-' ? -Far : Far;
    }
    d.exponent = exponent - fractionDigits;
    while (!d.digits.empty() && d.digits.back() == '0') {
        d.digits.pop_back();
        ++d.exponent;
    }
    if (d.digits.empty()) // zero, whatever its sign or exponent
        return Decimal {};
    return d;
}

std::string normalized(std::string_view literal)
{
    const Decimal d = decimal(literal);
    if (d.digits.empty())
        return "0";
    std::string out = d.negative ? "-" : "";
    const long long n = static_cast<long long>(d.digits.size());
    const long long point = n + d.exponent; // digits before the decimal point
    if (d.exponent >= 0 && point <= 40) {
        out += d.digits;
        out.append(size_t(d.exponent), '0');
    } else if (d.exponent < 0 && point > 0) {
        out += d.digits.substr(0, size_t(point));
        out += '.';
        out += d.digits.substr(size_t(point));
    } else if (d.exponent < 0 && point > -7) {
        out += "0.";
        out.append(size_t(-point), '0');
        out += d.digits;
    } else {
        out += d.digits.front();
        if (n > 1) {
            out += '.';
            out += d.digits.substr(1);
        }
        out += 'e';
        out += std::to_string(point - 1);
    }
    return out;
}

QJsonValue exact(std::string_view literal)
{
    const std::string digits = normalized(literal);
    QString text;
    text.reserve(qsizetype(digits.size()) + 1);
    text += QChar(Mark);
    text += QLatin1StringView(digits.data(), qsizetype(digits.size()));
    return text;
}

} // namespace JsonNumber
