#include "rectfill.h"

#include "rowmerger.h"

#include <QColor>
#include <QPaintEngine>
#include <QPainter>
#include <QRegion>

#include <algorithm>

namespace {

// Fewer rectangles than this go to drawRects: the region's set-up would cost more than it saves.
constexpr size_t minimumForRegion = 32;

struct Piece
{
    int band;
    int x0, x1; // [x0, x1)
    bool operator<(const Piece &o) const { return band != o.band ? band < o.band : x0 < o.x0; }
};

} // namespace

bool RectFill::isRows(const std::vector<QRect> &rects)
{
    for (size_t i = 0; i < rects.size(); ++i) {
        const QRect &r = rects[i];
        if (r.height() != 1 || r.width() < 1)
            return false;
        if (i > 0) {
            const QRect &q = rects[i - 1];
            if (r.top() < q.top() || (r.top() == q.top() && r.left() <= q.right() + 1))
                return false;
        }
    }
    return true;
}

bool RectFill::band(const std::vector<QRect> &rects, std::vector<QRect> *out, bool *overlap)
{
    out->clear();
    *overlap = false;
    // The bands: between consecutive distinct edges (tops and one past the bottoms).
    std::vector<int> edges;
    edges.reserve(rects.size() * 2);
    qint64 area = 0;
    for (const QRect &r : rects) {
        if (r.isEmpty())
            continue;
        edges.push_back(r.top());
        edges.push_back(r.bottom() + 1);
        area += qint64(r.width()) * r.height();
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    const auto bandOf = [&](int y) {
        return int(std::lower_bound(edges.begin(), edges.end(), y) - edges.begin());
    };
    std::vector<Piece> pieces;
    const size_t most = rects.size() * 8 + 4096;
    for (const QRect &r : rects) {
        if (r.isEmpty())
            continue;
        const int last = bandOf(r.bottom() + 1);
        for (int b = bandOf(r.top()); b < last; ++b) {
            if (pieces.size() == most)
                return false;
            pieces.push_back({b, r.left(), r.right() + 1});
        }
    }
    std::sort(pieces.begin(), pieces.end());
    qint64 covered = 0;
    for (size_t i = 0; i < pieces.size();) {
        const int b = pieces[i].band;
        int x0 = pieces[i].x0;
        int x1 = pieces[i].x1;
        for (++i; i < pieces.size() && pieces[i].band == b && pieces[i].x0 <= x1; ++i)
            x1 = std::max(x1, pieces[i].x1);
        const int top = edges[size_t(b)];
        const int height = edges[size_t(b) + 1] - top;
        out->emplace_back(x0, top, x1 - x0, height);
        covered += qint64(x1 - x0) * height;
    }
    *overlap = covered != area;
    return true;
}

void RectFill::fill(QPainter &p, const std::vector<QRect> &rects, const QColor &color)
{
    if (rects.empty())
        return;
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster
                        && p.deviceTransform().type() <= QTransform::TxTranslate;
    const bool rows = isRows(rects);
    const std::vector<QRect> *fills = &rects;
    if (raster && rects.size() >= minimumForRegion) {
        bool overlap = false;
        const std::vector<QRect> *banded = nullptr;
        if (rows)
            banded = &rects;
        else if (band(rects, &m_scratch, &overlap) && (!overlap || color.alpha() == 255))
            banded = &m_scratch;
        if (banded) {
            QRegion region;
            region.setRects(banded->data(), int(banded->size()));
            p.save();
            p.setClipRegion(region, Qt::IntersectClip);
            p.fillRect(region.boundingRect(), color);
            p.restore();
            return;
        }
    } else if (rows && !raster) {
        // Rows repeated in the row below become one rectangle (a long wait of neighbouring
        // tasks), so an SVG holds one element where the picture has one shape.
        m_scratch.clear();
        RowMerger merger;
        merger.out = &m_scratch;
        for (size_t i = 0; i < rects.size(); ++i) {
            if (i == 0 || rects[i].top() != rects[i - 1].top())
                merger.beginRow(rects[i].top());
            merger.span(rects[i].left(), rects[i].right() + 1, rects[i].top());
        }
        fills = &m_scratch;
    }
    const QPen pen = p.pen();
    const QBrush brush = p.brush();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRects(fills->data(), int(fills->size()));
    p.setPen(pen);
    p.setBrush(brush);
}
