#pragma once

#include "timelinemath.h"

#include <QCoreApplication>

class QFont;
class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// The time axis above the runs: major ticks with labels far enough apart for the widest one,
// minor ticks where there is room, and the lane kind naming the label column.
class TimelineAxisPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    // Ticks for the layout's window and plot width in this font.
    static TimelineMath::Ticks ticks(const TimelineLayout &L, const QFont &font);
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
