#pragma once

#include <algorithm>
#include <optional>
#include <vector>

// Shortest edit scripts (Myers, "An O(ND) Difference Algorithm", 1986) for the structural diff and the line
// alignment of the compare view.

// One step of an edit script over two sequences.
enum class EditStep { Keep, Delete, Insert };

// Myers' O((N+M)·D) shortest edit script over two sequences of tokens, or nothing when it would take more than
// maxD edits (the caller then pairs elements by position).
template <typename T>
inline std::optional<std::vector<EditStep>> editScript(const std::vector<T> &a, const std::vector<T> &b, int maxD)
{
    const int n = int(a.size()), m = int(b.size());
    const int offset = n + m + 1;
    std::vector<int> v(size_t(2 * offset + 1), 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= std::min(n + m, maxD); ++d) {
        // Only the diagonals -d..d can have been reached: keep that slice of the frontier for the walk back.
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                ? v[size_t(offset + k + 1)]
                : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found >= 0)
            break;
    }
    if (found < 0)
        return std::nullopt;
    // Walk back through the saved frontiers.
    std::vector<EditStep> steps;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &slice = trace[size_t(d)];
        const auto prev = [&](int k) { return slice[size_t(k + d)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && prev(k - 1) < prev(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = prev(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            steps.push_back(EditStep::Keep);
            --x;
            --y;
        }
        steps.push_back(down ? EditStep::Insert : EditStep::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        steps.push_back(EditStep::Keep);
        --x;
        --y;
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}
