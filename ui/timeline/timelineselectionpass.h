#pragma once

#include <QCoreApplication>

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// The outline of the selected task's bar, and of the same task's bars in the other runs.
class TimelineSelectionPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
