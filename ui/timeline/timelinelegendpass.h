#pragma once

#include <QCoreApplication>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// The legend's swatches and names, where the layout placed them.
class TimelineLegendPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
