#include "timelinebackgroundpass.h"

#include "runrecord.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>

#include <algorithm>
#include <vector>

namespace {

void paintBlock(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    // Alternate lane shading, selection and hover, where lanes are tall enough to tell apart.
    if (L.laneHeight >= 6.0) {
        const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
        std::vector<QRect> alternate;
        for (qint64 i = visible.first; i < visible.last; ++i) {
            if (i % 2 == 1) {
                const int y = L.laneY(b, i);
                alternate.emplace_back(L.rect.left(), y, L.rect.width(), L.laneY(b, i + 1) - y);
            }
        }
        p.setPen(Qt::NoPen);
        p.setBrush(pal.laneAlternate);
        if (!alternate.empty())
            p.drawRects(alternate.data(), int(alternate.size()));
    }
    const auto highlightLane = [&](qint64 lane, const QColor &color) {
        if (lane < 0 || lane >= b.laneCount)
            return;
        const int y = L.laneY(b, lane);
        const int h = std::max(1, L.laneY(b, lane + 1) - y);
        p.fillRect(QRect(L.rect.left(), y, L.rect.width(), h), color);
    };
    // A task lane hovered or selected in one run is the same task's lane in every run, so a
    // comparison reads across; worker lanes follow the selected task to its worker in each run.
    const bool tasks = o.laneMode == TimelineLaneMode::Tasks;
    if (o.hoverRun == b.run || (tasks && o.hoverRun >= 0))
        highlightLane(o.hoverLane, pal.hover);
    if (o.selectedRun >= 0 && o.selectedTask >= 0) {
        qint64 lane = o.selectedTask;
        if (!tasks) {
            const RunRecord &r = *runs.record(b.run);
            const int w = o.selectedTask < r.taskCount() ? r.sample(o.selectedTask).worker : 0;
            lane = w - 1;
        }
        highlightLane(lane, pal.selection);
    }
    // Chart background.
    p.fillRect(QRect(L.plotLeft, L.screenY(b.chartTop), L.plotWidth(), b.chartHeight),
               pal.background);
}

} // namespace

void TimelineBackgroundPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                                   const TimelineRenderOptions &o)
{
    for (const TimelineBlock &b : L.blocks)
        paintBlock(p, L, b, runs, o);
    // Vertical grid at the major ticks, through lanes and charts: one-pixel columns, filled as
    // rectangles (a cosmetic line is drawn a pixel at a time: ~3 % of a 10,000-task frame).
    std::vector<QRect> grid;
    for (const TimelineBlock &b : L.blocks) {
        const int y0 = std::max(L.content.top(), L.screenY(b.lanesTop));
        const int y1 = std::min(L.content.bottom(), L.screenY(b.bottom) - 1);
        if (y1 < y0)
            continue;
        for (int i = 0; i < L.ticks.count; ++i) {
            const int x = L.x(L.ticks.value(i));
            if (x >= L.plotLeft && x < L.plotRight)
                grid.emplace_back(x, y0, 1, y1 - y0 + 1);
        }
    }
    p.setPen(Qt::NoPen);
    p.setBrush(o.palette.grid);
    if (!grid.empty())
        p.drawRects(grid.data(), int(grid.size()));
    p.setBrush(Qt::NoBrush);
}
