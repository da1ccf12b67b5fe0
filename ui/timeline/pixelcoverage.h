#pragma once

#include "taskspans.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

// Column coverage of a pixel row per style: the union of the row's bars, whatever their number.
struct PixelCoverage
{
    // Span edges per style: (x, +1) opens, (x, -1) closes. A row holds a few hundred at most
    // (block summaries), so sorting them beats sweeping every column of the plot.
    std::array<std::vector<std::pair<int, int>>, StyleCount> edges;
    // The latest span of each style, not yet in edges: a span that overlaps or touches it is
    // merged into it instead (the union is the same), so a row of lanes that all show the same
    // bar, like the waiting tail of a live run, costs one span instead of hundreds to sort.
    std::array<std::pair<int, int>, StyleCount> last;
    std::array<bool, StyleCount> hasLast{};

    void reset()
    {
        for (auto &e : edges)
            e.clear();
        hasLast.fill(false);
    }
    // Columns [x0, x1), relative to the plot's left edge, already clamped to the plot.
    void add(int style, int x0, int x1)
    {
        auto &l = last[size_t(style)];
        if (hasLast[size_t(style)]) {
            if (x0 <= l.second && x1 >= l.first) {
                l.first = std::min(l.first, x0);
                l.second = std::max(l.second, x1);
                return;
            }
            auto &e = edges[size_t(style)];
            e.emplace_back(l.first, 1);
            e.emplace_back(l.second, -1);
        }
        l = {x0, x1};
        hasLast[size_t(style)] = true;
    }
    // Covered spans of one style as [x0, x1) pairs, in order; clears the style for the next row.
    template<typename F>
    void take(int style, F &&span)
    {
        auto &e = edges[size_t(style)];
        if (hasLast[size_t(style)]) {
            const auto &l = last[size_t(style)];
            e.emplace_back(l.first, 1);
            e.emplace_back(l.second, -1);
            hasLast[size_t(style)] = false;
        }
        if (e.empty())
            return;
        // Closing edges sort before opening ones at the same x, so touching spans stay one.
        std::sort(e.begin(), e.end());
        int depth = 0;
        int open = 0;
        bool joining = false;
        for (size_t k = 0; k < e.size(); ++k) {
            const int before = depth;
            depth += e[k].second;
            if (before == 0 && depth > 0) {
                if (!joining)
                    open = e[k].first;
                joining = false;
            } else if (before > 0 && depth == 0) {
                // Touching: the next span opens where this one closes, and continues it.
                if (k + 1 < e.size() && e[k + 1].first == e[k].first) {
                    joining = true;
                    continue;
                }
                span(open, e[k].first);
            }
        }
        e.clear();
    }
};
