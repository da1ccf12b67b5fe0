#pragma once

#include "timelinerenderoptions.h"

#include <QCoreApplication>

#include <vector>

class QPainter;
class TimelineRuns;
struct TimelineLayout;

// The "printed" strip under the lanes of a run whose tasks carry messages (the article's delayed
// print): each message at its task's finish, so they read in the order they were printed, with
// the task's number beside it (#3, #2, #1) against the order they were submitted in. Two rows;
// a message with no room in either is left out, and the finishes it would cover are skipped by
// binary search, so the cost follows the strip's width, not the number of messages.
class TimelinePrintedPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    static std::vector<TimelineBarText> place(const TimelineLayout &L, TimelineRuns &runs,
                                              const TimelineRenderOptions &o);
    static void paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
                      const TimelineRenderOptions &o);
};
