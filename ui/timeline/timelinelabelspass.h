#pragma once

#include <QCoreApplication>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// The label column: task numbers and labels or worker names (every k-th lane when lanes are thin),
// and the lines between labels and plot and between lanes and chart.
class TimelineLabelsPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
