#pragma once

#include <QCoreApplication>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// Under the bars: alternate lane shading, the hovered and selected lanes, the charts' background
// and the vertical grid at the axis' major ticks.
class TimelineBackgroundPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
