#pragma once

#include <QRect>

#include <vector>

class QColor;
class QPainter;

// Fills many rectangles in one colour, as QPainter::drawRects with no pen would, with the same
// pixels.
//
// Qt 6.4's raster engine spends ~200 ns on each rectangle before it writes a pixel (clipping and
// a call of its AVX fill per row), which is most of the cost of a thin lane's bar of one or two
// pixels: a 10,000-task frame fills ~2,700 of them. On a raster painter with no scaling, many
// rectangles are instead made one banded QRegion (the union of their rows, sorted in y-x order
// as QRegion::setRects wants), which clips a single fill of their bounds: ~10 times faster for
// a thin lane's rows (BENCH render_ms_10k, docs/performance.md). Overlapping rectangles in a
// translucent colour would blend twice with drawRects, so those keep drawRects, as do other
// painters (an SVG keeps its rectangles).
class RectFill
{
public:
    // Leaves the painter's pen, brush and clip as they were. Takes rectangles as the lanes make
    // them, normalized (drawRects would flip one of negative width; the region leaves it out).
    void fill(QPainter &p, const std::vector<QRect> &rects, const QColor &color);

    // The union of `rects` as banded rows for QRegion::setRects: in y-x order, the rectangles of
    // one band with the same top and bottom, none overlapping or touching in a band. Returns
    // false, leaving `out` unspecified, when that would take more than 8 rectangles for each
    // given, plus 4,096 (the sort would cost what it saves). *overlap: whether any two of `rects`
    // share a pixel.
    static bool band(const std::vector<QRect> &rects, std::vector<QRect> *out, bool *overlap);

    // Whether `rects` are rows one pixel tall in y-x order, apart from each other in a row: banded
    // as they are.
    static bool isRows(const std::vector<QRect> &rects);

private:
    std::vector<QRect> m_scratch;
};
