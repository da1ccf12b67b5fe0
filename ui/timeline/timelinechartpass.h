#pragma once

#include <QCoreApplication>

class QPainter;
class QPen;
class RunProgress;
class TimelineRuns;
struct TimelineLayout;
struct TimelinePalette;
struct TimelineRenderOptions;

// Each run's concurrency chart: running tasks as a step area (lighter where a pixel column's
// minimum and maximum differ), waiting tasks as a line, the limit dashed, each gate's running
// tasks as a line of its own under its dashed limit, the cores CPU tasks share dotted, the scale
// (the waiting line's on the right when it has its own), the gates' names and the chart's
// name in the label column. Per pixel column it reads the min and max of the step
// function over the column's time span, from the per-block extremes where a block fits.
class TimelineChartPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    // The chart's scales, known before the run (slots, tasks) so they do not jump while it grows.
    struct Scale
    {
        qint64 runningMax = 1; // top of the running scale
        qint64 waitingMax = 1; // top of the waiting scale (the same unless waitingOwnScale)
        qint64 waitingPeak = 0;
        bool waitingOwnScale = false; // labelled on the right (rightAxisWidth())
        int cores = 0; // the core line's height; 0: none
    };
    // cores: the core line wanted (cores()), drawn when it fits the scale.
    static Scale scale(const RunProgress &c, int cores = 0);
    // The processors a run's CPU tasks share (TimelineRenderOptions::cores, or the machine's),
    // 0 for a run without CPU tasks.
    static int cores(const TimelineRuns &runs, int run, const TimelineRenderOptions &o);
    // Room right of the plot for the waiting scale of the runs that have one of their own.
    static int rightAxisWidth(const TimelineRuns &runs, const TimelineRenderOptions &o);
    // A gate's pen: its running tasks' line, or its limit's dashed line.
    static QPen gatePen(const TimelinePalette &palette, int gate, bool limit);

    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
