#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// Where each run ends: a dashed line through the runs at its makespan (predicted until the run is
// complete, measured after), labelled in the strip under the axis with the run's name and time;
// under the labels, for two runs, a bracket between their lines with the difference ("+4 s"); and
// a dotted reference at the serial time (the durations summed), or "serial 21 s \u2192" at the
// right edge when it lies beyond the window.
class TimelineMakespanPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    struct Marker
    {
        double time = 0.0; // scenario seconds
        bool measured = false;
        QString text; // "unlimited 8 s", "limit 2 predicted 12 s"
    };
    struct Markers
    {
        QList<Marker> runs; // the shown runs, then the planned ones
        QString difference; // second run minus first, "+4 s"; empty unless two runs
        double serial = 0.0;
        QString serialText; // "serial 21 s"
    };
    static Markers markers(const TimelineRuns &runs, const TimelineRenderOptions &o);

    // The lines, through the runs (in the content's clip).
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
    // The labels, the bracket and the serial reference in the strip under the axis.
    static void paintStrip(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                           const TimelineRenderOptions &o);
};
