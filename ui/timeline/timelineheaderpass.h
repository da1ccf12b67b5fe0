#pragma once

#include <QCoreApplication>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// Each run's header band: its name and what it did (tasks, makespan or progress, prediction, peak,
// failures).
class TimelineHeaderPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
