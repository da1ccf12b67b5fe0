#pragma once

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// The live run's "now": a line through its lanes and chart, and a marker on the axis.
class TimelineNowPass
{
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
    static void paintMarker(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                            const TimelineRenderOptions &o);

private:
    // The now line's x, or -1 when there is no live run or it is outside the plot.
    static int nowX(const TimelineLayout &L, const TimelineRuns &runs,
                    const TimelineRenderOptions &o);
};
