#include "jsonnumber.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "json/canonicaljson.h"

namespace JsonNumber {

QByteArray text(const QJsonValue &value)
{
    if (isExact(value))
        return value.toString().mid(1).toLatin1();
    QByteArray out;
    CanonicalJson::append(out, value);
    return out;
}

double toDouble(const QJsonValue &value)
{
    if (isExact(value))
        return std::strtod(text(value).constData(), nullptr);
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
        if (error == std::errc::result_out_of_range || exponent > 100000 || exponent < -100000)
            exponent = !e.empty() && e.front() == '-' ? -100000 : 100000;
        Q_UNUSED(end);
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
