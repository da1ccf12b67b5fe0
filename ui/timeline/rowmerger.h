#pragma once

#include <QRect>

#include <vector>

// Rectangles of one style, merged vertically when a pixel row repeats the spans of the row above
// (long waits of neighbouring tasks become one rectangle instead of one per pixel row).
struct RowMerger
{
    std::vector<QRect> *out = nullptr;
    std::vector<size_t> previous; // indices into *out of the spans that end at the previous row
    std::vector<size_t> current;
    size_t cursor = 0;
    int row = 0;

    void beginRow(int y)
    {
        if (y != row + 1)
            previous.clear();
        else
            previous.swap(current);
        current.clear();
        cursor = 0;
        row = y;
    }
    void span(int x0, int x1, int y)
    {
        while (cursor < previous.size() && (*out)[previous[cursor]].left() < x0)
            ++cursor;
        if (cursor < previous.size()) {
            QRect &r = (*out)[previous[cursor]];
            if (r.left() == x0 && r.right() + 1 == x1) {
                r.setBottom(y);
                current.push_back(previous[cursor]);
                ++cursor;
                return;
            }
        }
        out->push_back(QRect(x0, y, x1 - x0, 1));
        current.push_back(out->size() - 1);
    }
};
