#pragma once

#include "timelinemath.h"

#include <QCoreApplication>
#include <QPoint>
#include <QRect>
#include <QString>

#include <cmath>
#include <vector>

class QFont;
class TimelineRuns;
class TimelineText;
struct TimelineRenderOptions;

// One run's part of the picture, in content coordinates (unscrolled): header, lanes, chart.
struct TimelineBlock
{
    int run = 0;
    int top = 0;
    int headerHeight = 0;
    int lanesTop = 0;
    qint64 laneCount = 0;
    int lanesHeight = 0;
    // The printed strip under the lanes (runs whose tasks carry messages), 0 high without one.
    int printedTop = 0;
    int printedHeight = 0;
    int chartTop = 0;
    int chartHeight = 0;
    int bottom = 0;
};

struct TimelineLegendItem
{
    enum Kind {
        Wait,
        PermitWait,
        Run,
        CpuRun,
        HttpRun,
        Predicted,
        Failed,
        Cancelled,
        Running,
        Waiting,
        Limit,
        Now
    };
    Kind kind;
    QString text;
    QRect swatch;
    QPoint textPos;
};

// Vertical extents of a bar in a lane of height h starting at y.
struct LaneBox
{
    int runTop, runBottom; // exclusive bottom
    int waitTop, waitBottom;
    int ghostTop, ghostBottom;
    bool detailed; // tall enough for outlines, hatching and gaps

    static LaneBox of(int y, int h);
};

// Where everything goes in one picture: legend, axis, makespan markers, the scrolling content with
// a block per run, the label column and the plot, the time window and the lane height. Computed
// once per paint and by hit testing from the same function, so what is hit is what was drawn.
struct TimelineLayout
{
    static constexpr int blockGap = 10; // px between one run and the next
    static constexpr int padding = 8; // px around text
    // A gate's line beside its name in the chart: long enough to show its dash pattern.
    static constexpr int gateSampleWidth = 24;

    QRect rect;
    int lineHeight = 0;
    int ascent = 0;
    QRect legend;
    std::vector<TimelineLegendItem> legendItems;
    QRect axis;
    // Under the axis: the runs' makespans, their difference and the serial time
    // (TimelineMakespanPass); empty when there is no run.
    QRect markers;
    QRect content; // where the runs scroll
    int labelWidth = 0;
    int plotLeft = 0;
    int plotRight = 0; // exclusive
    double start = 0.0;
    double end = 1.0;
    double laneHeight = 1.0;
    int scrollY = 0;
    std::vector<TimelineBlock> blocks;
    int contentHeight = 0;
    // The axis' ticks; filled for painting only (TimelineAxisPass::ticks()).
    TimelineMath::Ticks ticks;
    // The renderer's shaped texts, for the passes' labels.
    TimelineText *text = nullptr;

    static TimelineLayout compute(const QRect &rect, const TimelineRenderOptions &o,
                                  TimelineRuns &runs);
    // A lane height at which labels are readable in this font.
    static int naturalLaneHeight(const QFont &font);

    int plotWidth() const { return plotRight - plotLeft; }
    QRect plotRect() const { return {plotLeft, content.top(), plotWidth(), content.height()}; }
    int screenY(int contentY) const { return content.top() + contentY - scrollY; }
    // Pixel row where lane `lane` of a block starts (lanes of fractional height share rows).
    int laneY(const TimelineBlock &b, qint64 lane) const
    {
        return screenY(b.lanesTop) + int(std::floor(double(lane) * laneHeight));
    }
    // The screen rows [top, bottom) of a block's lanes inside the content area, and the lanes
    // [first, last) they show; empty (top >= bottom) when the block is scrolled out of view.
    struct VisibleLanes
    {
        int top = 0;
        int bottom = 0;
        qint64 first = 0;
        qint64 last = 0;
        bool isEmpty() const { return bottom <= top; }
    };
    VisibleLanes visibleLanes(const TimelineBlock &b) const
    {
        VisibleLanes v;
        v.top = std::max(content.top(), screenY(b.lanesTop));
        v.bottom = std::min(content.bottom() + 1, screenY(b.lanesTop) + b.lanesHeight);
        if (v.isEmpty())
            return v;
        const auto [first, last] = TimelineMath::visibleRows(v.top, v.bottom, screenY(b.lanesTop),
                                                             laneHeight, b.laneCount);
        v.first = first;
        v.last = last;
        return v;
    }
    // The bar box of a lane (at least one pixel high).
    LaneBox laneBox(const TimelineBlock &b, qint64 lane) const
    {
        const int y = laneY(b, lane);
        return LaneBox::of(y, std::max(1, laneY(b, lane + 1) - y));
    }
    int x(double t) const
    {
        return TimelineMath::timeToPixel(t, start, end, plotLeft, plotWidth(), plotLeft - 2,
                                         plotRight + 2);
    }

    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
};
