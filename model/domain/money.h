#pragma once

#include <cmath>

namespace Money {
// An amount rounded to cents, as money is stored and reported (a sum of many days' values carries float noise).
inline double roundToCents(double amount)
{
    return std::round(amount * 100.0) / 100.0;
}
} // namespace Money
